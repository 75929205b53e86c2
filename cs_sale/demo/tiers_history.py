"""Demo customer tiers, assigned by the tier rules on the demo purchases."""


def generate(env):
    """Run the tier rules over the demo customers."""
