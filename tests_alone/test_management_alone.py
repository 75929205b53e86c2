"""cs_management installs and works alone, without cs_training and
cs_appraisal: a company may take the complaint process and quality
monitoring first. Run by ./setup/test.sh on a database with cs_management
only (no demo data), beside a few of cs_management's own test modules."""

from tests.common import SuiteCase


class TestManagementAlone(SuiteCase):
    def test_only_cs_management_is_installed(self):
        modules = self.env["ir.module.module"].search(
            [("name", "in", ("cs_management", "cs_training", "cs_appraisal"))]
        )
        states = {module.name: module.state for module in modules}
        self.assertEqual(states.pop("cs_management"), "installed")
        self.assertNotIn("installed", states.values(), states)
        self.assertNotIn("cs.training.assessment", self.env)
        self.assertNotIn("cs.appraisal", self.env)

    def test_its_menus_open(self):
        """Every window action under Customer Service loads its default view."""
        root = self.env.ref("cs_management.menu_cs_root")
        menus = self.env["ir.ui.menu"].search(
            [("id", "child_of", root.id), ("action", "!=", False)]
        )
        actions = [
            menu.action
            for menu in menus
            if menu.action._name == "ir.actions.act_window"
        ]
        self.assertGreater(len(actions), 10)
        for action in actions:
            with self.subTest(action=action.name):
                model = self.env[action.res_model]
                view_type = action.view_mode.split(",")[0]
                model.get_views([(False, view_type)])
                model.search([], limit=1)
