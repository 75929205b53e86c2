"""Every user-facing string of our addons is in its template, translated into
zh_CN and zh_TW, and the translations reach the user."""

import ast
import re
from pathlib import Path

import polib
from lxml import etree

from odoo.exceptions import ValidationError
from odoo.tools.translate import TranslationModuleReader

from .common import OUR_ADDONS, SuiteCase

ROOT = Path(__file__).resolve().parent.parent
ADDONS = OUR_ADDONS
LANGUAGES = ("zh_CN", "zh_TW")
PLACEHOLDER = re.compile(r"%\(\w+\)[sdf]|%[sd]|\{\w*\}")


def demo_xmlids(addon):
    """Demo records are not shipped strings: their ids, from the manifest."""
    manifest = ast.literal_eval((ROOT / addon / "__manifest__.py").read_text())
    ids = set()
    for path in manifest.get("demo", []):
        if path.endswith(".xml"):
            ids.update(etree.parse(str(ROOT / addon / path)).xpath("//record/@id"))
    return ids


def is_demo(xmlid, demo):
    """A demo record, or the parent Odoo created for it (``<id>_<table>``)."""
    return any(xmlid == name or xmlid.startswith(f"{name}_") for name in demo)


# brand names and abbreviations Chinese users read as they are: the lint gate
# (oca-checks-po) keeps no translation equal to its source, Odoo then shows
# the source
SAME_IN_CHINESE = {
    "ID",
    "KPI",
    "<span> – </span>",
    "Dcard",
    "Facebook",
    "Instagram",
    "LINE",
    "PTT",
    "RMA",
    "VIP",
    "Threads",
    "YouTube",
}


class TestTranslations(SuiteCase):
    def test_templates_match_the_code(self):
        for addon in ADDONS:
            demo = demo_xmlids(addon)
            reader = TranslationModuleReader(self.env.cr, modules=[addon])
            exported = {
                source
                for _module, ttype, _name, res_id, source, _value, _comments in reader
                if not (
                    ttype in ("model", "model_terms")
                    and is_demo(str(res_id).split(".")[-1], demo)
                )
            }
            template = {
                e.msgid
                for e in polib.pofile(str(ROOT / addon / "i18n" / f"{addon}.pot"))
            }
            self.assertFalse(
                exported - template,
                f"{addon}: strings missing from i18n/{addon}.pot, run setup/i18n.sh",
            )
            self.assertFalse(
                template - exported,
                f"{addon}: stale strings in i18n/{addon}.pot, run setup/i18n.sh",
            )

    def test_every_string_is_translated_with_its_placeholders(self):
        for addon in ADDONS:
            template = polib.pofile(str(ROOT / addon / "i18n" / f"{addon}.pot"))
            for lang in LANGUAGES:
                po = polib.pofile(str(ROOT / addon / "i18n" / f"{lang}.po"))
                translated = {
                    (e.msgctxt, e.msgid): e.msgstr for e in po if not e.obsolete
                }
                for entry in template:
                    if entry.msgid in SAME_IN_CHINESE:
                        continue
                    msgstr = translated.get((entry.msgctxt, entry.msgid))
                    self.assertTrue(
                        msgstr, f"{addon} {lang}: no translation for {entry.msgid!r}"
                    )
                    self.assertEqual(
                        sorted(PLACEHOLDER.findall(entry.msgid)),
                        sorted(PLACEHOLDER.findall(msgstr)),
                        f"{addon} {lang}: placeholders differ in {msgstr!r}",
                    )

    def test_users_see_their_language(self):
        role = self.env.ref("cs_management.role_specialist")
        self.assertEqual(role.with_context(lang="zh_TW").name, "客服專員")
        self.assertEqual(role.with_context(lang="zh_CN").name, "客服专员")
        menu = self.env.ref("cs_management.menu_cs_root")
        self.assertEqual(menu.with_context(lang="zh_TW").name, "客戶服務")
        manager = self.env.ref("cs_management.role_cs_manager")
        with self.assertRaisesRegex(ValidationError, "晉升路徑不能循環"):
            manager.with_context(lang="zh_TW").next_role_id = role

    def test_our_translations_of_oca_terms_are_complete_and_current(self):
        """i18n_extra/ translates the OCA modules' terms our users meet: every
        entry translated, and every record it names still there."""
        Data = self.env["ir.model.data"]
        for addon in ("cs_management", "cs_training"):
            for lang in LANGUAGES:
                po = polib.pofile(str(ROOT / addon / "i18n_extra" / f"{lang}.po"))
                self.assertTrue(
                    len(po) > 50, f"{addon} {lang}: i18n_extra almost empty"
                )
                for entry in po:
                    self.assertTrue(
                        entry.msgstr,
                        f"{addon} {lang}: no translation for {entry.msgid!r}",
                    )
                    for reference, _line in entry.occurrences:
                        kind, xmlid = (
                            reference.split(":", 2)[0],
                            reference.rsplit(":", 1)[-1],
                        )
                        self.assertIn(
                            kind,
                            ("model", "model_terms"),
                            f"{addon} {lang}: {reference}",
                        )
                        module, name = xmlid.split(".", 1)
                        self.assertTrue(
                            Data.search_count(
                                [("module", "=", module), ("name", "=", name)]
                            ),
                            f"{addon} {lang}: {reference} names no record",
                        )
