"""Add up pytest summary lines (stdin) into one `N passed, M failed` line."""

import re
import sys

totals = {}
for line in sys.stdin:
    for count, outcome in re.findall(
        r"(\d+) (passed|failed|errors?|skipped|deselected)", line
    ):
        outcome = "error" if outcome.startswith("error") else outcome
        totals[outcome] = totals.get(outcome, 0) + int(count)
failed = totals.pop("failed", 0) + totals.pop("error", 0)
skipped = f", {totals['skipped']} skipped" if totals.get("skipped") else ""
print(f"total: {totals.get('passed', 0)} passed, {failed} failed{skipped}")
