"""The main screens of each role read Chinese for a user working in zh_TW
or zh_CN:
labels, buttons, tabs, placeholders, help, selection values, menus and the
data we ship, as the web client receives them (``get_views`` and the menus,
for that user in that language). Product and brand names, Odoo, KPI, SLA,
QA, e-mail addresses and codes may stay as they are."""

import re

from lxml import etree

from .common import SuiteCase

LANGUAGES = ("zh_TW", "zh_CN")
ALLOWED_WORDS = {
    "Odoo",
    "KPI",
    "KPIs",
    "SLA",
    "QA",
    "IQS",
    "ID",
    "PDF",
    "CSV",
    "URL",
    "API",
    "LINE",
    "Facebook",
    "Instagram",
    "WeChat",
    "RMA",
    "SEO",
    "HTML",
    "CSS",
}
# product and brand names stay as they are
BRANDS = re.compile(r"Lumière Beauty|Lumière")
# a run of Latin letters that is a word (codes such as "TA" or "CMP-1" and
# addresses are filtered out before)
WORD = re.compile(r"[A-Za-z][A-Za-z']+")
CODE_OR_ADDRESS = re.compile(r"\S+@\S+|\b[A-Z]{1,4}-?\d+\b|\{\{.*?\}\}|%\(\w+\)s")
TEXT_ATTRIBUTES = (
    "string",
    "placeholder",
    "help",
    "title",
    "aria-label",
    "confirm",
    "sum",
)
SKIPPED_ELEMENTS = {"field", "script", "style"}

# (role's demo login, action, view types) for the screens each role lives on
SCREENS = (
    (
        "supervisor",
        "cs_management.action_cs_complaint",
        ("kanban", "form", "list", "search"),
    ),
    (
        "aftersales",
        "cs_management.action_cs_ticket",
        ("kanban", "form", "list", "search"),
    ),
    ("supervisor", "cs_management.action_cs_qa_inspection", ("form", "list", "search")),
    ("supervisor", "cs_appraisal.action_cs_appraisal", ("form", "list", "search")),
    ("trainer", "cs_training.action_cs_training_session", ("form", "list", "search")),
)
# models whose shipped records a user meets as options on those screens
SHIPPED_DATA = (
    "helpdesk.ticket.stage",
    "helpdesk.ticket.category",
    "helpdesk.ticket.channel",
    "helpdesk.sla",
    "cs.root.cause",
    "cs.qa.scorecard",
    "cs.qa.criterion",
    "cs.appraisal.grade",
    "hr.course.category",
    "mail.template",
)

TRANSLATED_BY_US = (
    "cs_management",
    "cs_training",
    "cs_appraisal",
    "helpdesk_mgmt",
    "helpdesk_mgmt_sla",
    "helpdesk_mgmt_rating",
    "helpdesk_mgmt_crm",
    "helpdesk_mgmt_stage_validation",
    "hr_course",
)


def english_words(text):
    text = CODE_OR_ADDRESS.sub(" ", BRANDS.sub(" ", text or ""))
    return [word for word in WORD.findall(text) if word not in ALLOWED_WORDS]


class TestScreensReadChinese(SuiteCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for lang in LANGUAGES:
            cls.env["res.lang"]._activate_lang(lang)

    def _user_env(self, login, lang):
        user = self.env["res.users"].search([("login", "=", login)])
        self.assertTrue(user, f"no demo user {login}")
        return self.env(user=user, context={"lang": lang})

    def _view_texts(self, env, action_xmlid, view_type):
        action = env.ref(action_xmlid).sudo()
        model = env[action.res_model]
        view_id = False
        if action.view_ids:
            view_id = next(
                (v.view_id.id for v in action.view_ids if v.view_mode == view_type),
                False,
            )
        if view_type == "search":
            view_id = action.search_view_id.id or False
        views = model.get_views([(view_id, view_type)])
        arch = etree.fromstring(views["views"][view_type]["arch"])
        described = views["models"]
        texts = []
        for node in arch.iter():
            if not isinstance(node.tag, str):
                continue
            if node.get("invisible") in ("1", "True", "true"):
                continue
            texts += [
                (node.tag, node.get(attr)) for attr in TEXT_ATTRIBUTES if node.get(attr)
            ]
            if node.tag not in SKIPPED_ELEMENTS and node.text and node.text.strip():
                texts.append((node.tag, node.text))
            if node.tail and node.tail.strip():
                texts.append((node.getparent().tag, node.tail))
            if node.tag == "field" and not node.get("string"):
                texts += self._field_texts(
                    described, model._name, node.get("name"), node
                )
        return texts

    def _field_texts(self, described, model_name, field_name, node):
        field = described.get(model_name, {}).get(field_name)
        if not field:
            return []
        texts = [("field " + field_name, field.get("string"))]
        if node.get("widget") not in ("statusbar", "priority", "state_selection"):
            texts += [
                ("selection " + field_name, label)
                for _value, label in field.get("selection") or ()
            ]
        return texts

    def test_each_role_screen_reads_chinese(self):
        left = []
        for lang in LANGUAGES:
            for login, action, view_types in SCREENS:
                env = self._user_env(login, lang)
                for view_type in view_types:
                    for where, text in self._view_texts(env, action, view_type):
                        if english_words(text):
                            left.append(
                                f"{lang} {action} {view_type} <{where}>: "
                                f"{text.strip()!r}"
                            )
        self.assertFalse(
            left, "English left on the screens:\n" + "\n".join(sorted(set(left)))
        )

    def test_menus_read_chinese(self):
        left = []
        for lang in LANGUAGES:
            for login in (
                "supervisor",
                "aftersales",
                "trainer",
                "cs.manager",
                "auditor",
            ):
                menus = self._user_env(login, lang)["ir.ui.menu"].load_menus(
                    debug=False
                )
                for menu_id, menu in menus.items():
                    if menu_id != "root" and english_words(menu.get("name")):
                        left.append(f"{lang} {login}: {menu['name']}")
        self.assertFalse(left, "English menus:\n" + "\n".join(sorted(set(left))))

    def test_shipped_data_reads_chinese(self):
        left = []
        for lang, model_name in (
            (lang, name) for lang in LANGUAGES for name in SHIPPED_DATA
        ):
            env = self._user_env("cs.manager", lang)
            # Odoo's own data comes with Odoo's translations; ours and the
            # OCA modules' are ours to translate
            data = (
                env["ir.model.data"]
                .sudo()
                .search(
                    [("model", "=", model_name), ("module", "in", TRANSLATED_BY_US)]
                )
            )
            for record in env[model_name].sudo().browse(data.mapped("res_id")).exists():
                if english_words(record.display_name):
                    left.append(f"{lang} {model_name}: {record.display_name}")
        self.assertFalse(
            left, "English in shipped data:\n" + "\n".join(sorted(set(left)))
        )
