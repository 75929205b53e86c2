from .demo import loop_history


def post_init_hook(env):
    """A database installed with demo data gets one agent's service loop
    over three months, made by the real actions on the demo clock (after
    all the demo files and the service history)."""
    module = env["ir.module.module"].search([("name", "=", "cs_training")])
    if module.demo:
        loop_history.generate(env)
