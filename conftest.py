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


def _addon_of(module_name):
    parts = module_name.split(".")
    return parts[2] if parts[:2] == ["odoo", "addons"] and len(parts) > 2 else None


def pytest_collection_modifyitems(config, items):
    """Run an addon's test classes as Odoo's own test runner does: only the
    test methods the addon defines. A method a class inherits or imports from
    another addon's tests (helpdesk_mgmt's ticket tests under
    helpdesk_mgmt_sla, web's WebSuite under helpdesk_mgmt's JS test) is that
    other addon's test, and is left out here (shown as deselected)."""
    foreign = []
    for item in items:
        function, module = (
            getattr(item, "function", None),
            getattr(item, "module", None),
        )
        addon = module and _addon_of(module.__name__)
        if addon and function is not None and _addon_of(function.__module__) != addon:
            foreign.append(item)
    if foreign:
        config.hook.pytest_deselected(items=foreign)
        foreign_ids = {id(item) for item in foreign}
        items[:] = [item for item in items if id(item) not in foreign_ids]


def pytest_addoption(parser):
    parser.addoption(
        "--cs-clock",
        metavar="UTC",
        help="run the tests with the clock started at this UTC time (e.g. "
        "'2026-12-02 23:30'), to check the day boundaries of every time zone",
    )


def pytest_configure(config):
    start = config.getoption("--cs-clock", None)
    if start:
        from freezegun import freeze_time

        config._cs_clock = freeze_time(start, tick=True)
        config._cs_clock.start()


def pytest_unconfigure(config):
    clock = getattr(config, "_cs_clock", None)
    if clock:
        clock.stop()
