from .demo import orders_history, tiers_history


def post_init_hook(env):
    """A database installed with demo data gets the demo customers' purchases,
    returns and tiers, made by the real actions on the demo clock (after all
    the demo files: the history uses their customers, stores and products)."""
    module = env["ir.module.module"].search([("name", "=", "cs_sale")])
    if module.demo:
        orders_history.generate(env)
        tiers_history.generate(env)
