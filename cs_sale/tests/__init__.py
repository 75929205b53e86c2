from . import test_after_sales
