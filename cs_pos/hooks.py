def uninstall_hook(env):
    """The loyalty report's view reads the till's receipts: rebuilt on the
    sale orders alone before the addon goes, so that it neither counts them
    any more nor goes with the point of sale's tables."""
    env["cs.customer.report"].with_context(cs_pos_uninstalling=True).init()
