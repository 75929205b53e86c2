"""Base classes for the cross-module tests, which live outside any addon."""

from pathlib import Path

from odoo.tests import HttpCase, TransactionCase

# our addons, from the one list of them (setup/addons.txt)
OUR_ADDONS = tuple(
    line.strip()
    for line in (Path(__file__).resolve().parent.parent / "setup/addons.txt")
    .read_text()
    .splitlines()
    if line.strip() and not line.startswith("#")
)


class _SuiteTags:
    # Odoo derives these from ``odoo.addons.<module>`` test modules; ours
    # live at the top of the repository, so they are set here.
    test_tags = {"standard", "post_install"}
    test_module = "cs_suite"
    test_sequence = 0


class SuiteCase(_SuiteTags, TransactionCase):
    pass


class SuiteHttpCase(_SuiteTags, HttpCase):
    pass
