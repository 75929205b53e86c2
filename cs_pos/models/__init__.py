from . import pos_order
from . import helpdesk_ticket_pos
from . import res_partner_purchase
from . import cs_customer_report
from . import pos_config
from . import cs_kpi_report
