from . import product_category
from . import rma_operation
from . import rma
from . import helpdesk_ticket_orders
from . import helpdesk_ticket_after_sales
from . import sale_order
from . import account_move
from . import account_move_line
