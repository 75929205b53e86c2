"""Every sudo() of our addons is in the named list of tests/sudo_places.py,
with the reason it is needed there: a new one fails this test until it is
named and justified (issue 11: access is decided by rules and groups)."""

import ast
import unittest
from pathlib import Path

from .sudo_places import SUDO_PLACES

ROOT = Path(__file__).resolve().parent.parent
ADDONS = ("cs_management", "cs_training", "cs_appraisal", "cs_sale")


def sudo_places(root=ROOT):
    """``{"path::Class.method": number of sudo() calls}`` in runtime code (the
    tests, migrations and demo scripts excluded)."""
    found = {}
    for addon in ADDONS:
        for path in sorted((root / addon).rglob("*.py")):
            rel = path.relative_to(root)
            if {"tests", "migrations", "demo"} & set(rel.parts):
                continue
            _visit(ast.parse(path.read_text()), [], str(rel), found)
    return found


def _visit(node, scope, rel, found):
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            _visit(child, [*scope, child.name], rel, found)
            continue
        if (
            isinstance(child, ast.Call)
            and isinstance(child.func, ast.Attribute)
            and child.func.attr == "sudo"
        ):
            key = f"{rel}::{'.'.join(scope)}"
            found[key] = found.get(key, 0) + 1
        _visit(child, scope, rel, found)


class TestSudoPlaces(unittest.TestCase):
    def test_every_sudo_is_named_with_its_reason(self):
        found = sudo_places()
        unnamed = sorted(found.keys() - SUDO_PLACES.keys())
        self.assertFalse(unnamed, "sudo() in places tests/sudo_places.py does not name")
        self.assertFalse(
            sorted(SUDO_PLACES.keys() - found.keys()),
            "tests/sudo_places.py names places without sudo(): remove them",
        )
        for place, why in SUDO_PLACES.items():
            with self.subTest(place=place):
                self.assertGreater(len(why.split()), 3, "say why in a sentence")
