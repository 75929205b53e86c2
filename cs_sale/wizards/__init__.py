from . import cs_after_sales_wizard
from . import cs_after_sales_wizard_line
from . import cs_customer_tier_override
