"""Print the Python requirements of our addons, read from their manifests.

The same metadata whool puts in each addon's wheel (manifestoo-core), so
dependencies are declared once, in the manifests. Our own addons and Odoo
itself are left out: the set-up provides them from the repository and the
Odoo source.
"""

import sys
from pathlib import Path

from manifestoo_core.metadata import metadata_from_addon_dir
from packaging.requirements import Requirement

root = Path(__file__).resolve().parent.parent
addons = sys.argv[1:]
ours = {f"odoo-addon-{name}".lower().replace("_", "-") for name in addons}
requirements = set()
for name in addons:
    for spec in metadata_from_addon_dir(root / name).get_all("Requires-Dist") or []:
        req = Requirement(spec)
        if req.name.lower().replace("_", "-") not in ours | {"odoo"}:
            requirements.add(spec)
print("\n".join(sorted(requirements)))
