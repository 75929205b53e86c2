"""Each addon is a pip-installable wheel whose dependencies come from its
manifest, and the meta package installs all of them."""

import ast
import contextlib
import tempfile
import zipfile
from email.parser import Parser
from pathlib import Path

import tomllib
from manifestoo_core.core_addons import is_core_ce_addon
from manifestoo_core.odoo_series import OdooSeries
from whool.buildapi import build_wheel

from .common import OUR_ADDONS, SuiteCase

ROOT = Path(__file__).resolve().parent.parent
ADDONS = OUR_ADDONS


class TestPackaging(SuiteCase):
    def _wheel_metadata(self, addon):
        with tempfile.TemporaryDirectory() as dist, contextlib.chdir(ROOT / addon):
            name = build_wheel(dist)
            with zipfile.ZipFile(Path(dist) / name) as wheel:
                files = set(wheel.namelist())
                info = next(f for f in files if f.endswith(".dist-info/METADATA"))
                return files, Parser().parsestr(wheel.read(info).decode())

    def test_every_addon_builds_a_wheel_declaring_its_manifest_dependencies(self):
        for addon in ADDONS:
            manifest = ast.literal_eval((ROOT / addon / "__manifest__.py").read_text())
            files, metadata = self._wheel_metadata(addon)
            self.assertIn(f"odoo/addons/{addon}/__manifest__.py", files)
            self.assertEqual(metadata["Name"], f"odoo-addon-{addon}")
            required = {
                r.split("==")[0].split(">")[0]
                for r in metadata.get_all("Requires-Dist")
            }
            expected = {
                f"odoo-addon-{d}"
                for d in manifest["depends"]
                if not is_core_ce_addon(d, OdooSeries.v18_0)
            }
            self.assertEqual(required - {"odoo"}, expected, addon)

    def test_meta_package_installs_every_addon(self):
        project = tomllib.loads(
            (ROOT / "setup/_metapackage/pyproject.toml").read_text()
        )["project"]
        self.assertEqual(
            {d.split("==")[0] for d in project["dependencies"]},
            {f"odoo-addon-{addon}" for addon in ADDONS},
        )
