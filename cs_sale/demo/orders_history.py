"""Demo purchases at the stores and online, and after-sales on them."""


def generate(env):
    """Orders, deliveries and returns of the demo customers."""
