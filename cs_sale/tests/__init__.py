from . import test_after_sales
from . import test_orders_access
