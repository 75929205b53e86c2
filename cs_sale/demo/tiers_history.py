"""Demo customer tiers, assigned by the tier rules on the demo purchases."""


def generate(env):
    """Run the tier rules' scheduled action over the demo customers, batch
    after batch as the scheduler would."""
    partners = env["res.partner"]
    while partners._cron_cs_recompute_tiers():
        if not int(env["ir.config_parameter"].sudo().get_param("cs_sale.tier_cursor")):
            break
