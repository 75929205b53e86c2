"""Suite-wide pytest policy: a skipped test is not a passing test."""


def pytest_sessionfinish(session, exitstatus):
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped and exitstatus == 0:
        reporter.write_line(
            f"{len(skipped)} test(s) skipped: every test must run, failing the run.",
            red=True,
        )
        session.exitstatus = 1
