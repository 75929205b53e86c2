from . import cs_customer_tier_override
