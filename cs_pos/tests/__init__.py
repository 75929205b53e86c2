from . import test_pos_purchases
from . import test_pos_ticket_access
