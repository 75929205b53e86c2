"""Our addons, read from setup/addons.txt (the one list of them)."""

from pathlib import Path

OUR_ADDONS = tuple(
    line.strip()
    for line in (Path(__file__).with_name("addons.txt")).read_text().splitlines()
    if line.strip() and not line.startswith("#")
)
