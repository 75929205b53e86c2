from . import cs_after_sales_wizard
from . import cs_after_sales_wizard_line
