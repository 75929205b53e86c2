"""Suite-wide pytest set-up: a skipped test is not a passing test."""

from odoo.tools import config

# Odoo logs an error when its test framework is imported outside test mode;
# pytest-odoo imports it before turning test mode on for the test modules
# (turning it on globally would run every addon's tests at registry load).
config["test_enable"] = True
import odoo.tests  # noqa: E402, F401

config["test_enable"] = False


def pytest_sessionfinish(session, exitstatus):
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped and exitstatus == 0:
        reporter.write_line(
            f"{len(skipped)} test(s) skipped: every test must run, failing the run.",
            red=True,
        )
        session.exitstatus = 1
