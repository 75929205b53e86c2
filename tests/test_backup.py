"""DATA-3: a backup (database and filestore) restores whole."""

import subprocess
from pathlib import Path

from .common import SuiteCase

ROOT = Path(__file__).resolve().parent.parent


class TestBackup(SuiteCase):
    def test_a_backup_of_this_database_restores_whole(self):
        result = subprocess.run(
            [str(ROOT / "setup" / "test_backup.sh"), self.env.cr.dbname],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        self.assertEqual(result.returncode, 0, result.stderr[-2000:])
        self.assertIn("restored whole", result.stderr)
