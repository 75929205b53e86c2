"""Filter `pip freeze` (stdin) down to what setup/constraints.txt locks.

Left out: the packages that the files named as arguments already pin
(Odoo's requirements.txt, setup/installer.txt), since the lock must never
contradict them.
"""

import sys

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name


def pinned_elsewhere(paths):
    names = set()
    for path in paths:
        with open(path) as lines:
            for line in lines:
                line = line.split("#", 1)[0].strip()
                if line and not line.startswith("-"):
                    names.add(canonicalize_name(Requirement(line).name))
    return names


skip = pinned_elsewhere(sys.argv[1:])
print("# The lock of setup/lib.sh (pip -c): written by ./setup/lock.sh, do not edit.")
for line in sorted(sys.stdin, key=str.lower):
    line = line.strip()
    if "==" in line and canonicalize_name(line.split("==")[0]) not in skip:
        print(line)
