from . import cs_role
from . import cs_store
from . import hr_employee
from . import hr_employee_public
from . import res_users
from . import helpdesk_ticket_team
from . import helpdesk_ticket
