"""Refresh cs_management/i18n_extra/zh_CN.po and zh_TW.po: our translations
of the terms of the OCA modules our users work in (OCA_MODULES: the helpdesk
modules, the ticket merge wizard, the knowledge base's document pages and
the background job list; field labels, view texts, selection values, menus,
actions and their shipped data, the subjects and bodies of their mail
templates). These modules ship no Chinese, or only part of it: ours, loaded
after theirs, is complete.

Usage: i18n_extra.py ODOO_CONF DATABASE [TABLE], with PostgreSQL running
(source setup/lib.sh; cs_pg_start; cs_odoo_conf), e.g.
    .venv/bin/python setup/i18n_extra.py .cs/odoo.conf cs_test
DATABASE has our addons and the OCA modules installed, with demo data (as
cs_test has) so that the OCA modules' demo records are translated too.

Odoo loads <addon>/i18n_extra/<lang>.po after <addon>/i18n/<lang>.po
(setup/i18n.sh leaves these files alone) and imports each entry by the xmlid
of its ``#: model:...`` or ``#: model_terms:`` reference, so these entries
translate records of the OCA modules. Python messages (``code:``
references) are only read from the module that raises them, so they are left
out. Keep no cs_management.pot in i18n_extra/: Odoo would merge it into these
files and drop their entries.

The terms are read from DATABASE as Odoo's export reads them (the OCA
modules' own templates lag behind their views). A record field our addons translate
too (a field we relabel, a view we inherit is another record) is left to our
own i18n/ files: the import does not compare source texts and would give it
the translation of the OCA text.

Existing translations are kept for every msgid still there; new ones arrive
untranslated, to be filled in. With TABLE, a JSON file
``{msgid: {"zh_TW": ..., "zh_CN": ...}}``, its translations are set too.
"""

import json
import re
import sys
from pathlib import Path

import polib
from our_addons import OUR_ADDONS

ROOT = Path(__file__).resolve().parent.parent
ADDON = ROOT / "cs_management"
OCA_MODULES = (
    "helpdesk_mgmt",
    "helpdesk_mgmt_sla",
    "helpdesk_mgmt_rating",
    "helpdesk_mgmt_crm",
    "helpdesk_mgmt_stage_validation",
    "helpdesk_mgmt_merge",
    "document_page",
    "document_page_tag",
    "document_knowledge",
    "queue_job",
)
LANGUAGES = ("zh_CN", "zh_TW")
REFERENCE = re.compile(r"^(model|model_terms):([\w.]+),(\w+):(\w+)\.(\S+)$")
# the names of core models an OCA module extends (ir.http, crm.lead) keep
# Odoo's own translation. The OCA mail templates' subjects and bodies are
# kept: they are rendered in the customer's language (the template's lang),
# so they are translated here, each QWeb and {{ }} expression kept as is.


def skipped(key):
    _kind, model, _field, name = key
    return model == "ir.model" and not name.startswith("model_helpdesk")


def record_key(occurrence):
    """(type, model, field, xmlid name) of a reference, or None."""
    match = REFERENCE.match(occurrence)
    if not match:
        return None
    kind, model, field, _module, name = match.groups()
    return kind, model, field, name


def exported(conf, database, modules):
    """The terms Odoo's export gives for modules, as template entries, each
    with the record field it translates: (model, field, database id)."""
    import odoo
    from odoo.tools import config
    from odoo.tools.translate import TranslationModuleReader

    if config["db_name"] != database:
        config.parse_config(["-c", conf, "-d", database])
    registry = odoo.modules.registry.Registry(database)
    result = []
    with registry.cursor() as cr:
        cr.execute("SELECT module || '.' || name, res_id FROM ir_model_data")
        ids = dict(cr.fetchall())
        for (
            module,
            ttype,
            name,
            res_id,
            source,
            _value,
            _comments,
        ) in TranslationModuleReader(cr, modules=modules):
            if ttype in ("model", "model_terms"):
                entry = polib.POEntry(
                    msgid=source, occurrences=[(f"{ttype}:{name}:{res_id}", "")]
                )
                result.append((module, entry, (*name.split(","), ids.get(res_id))))
    return result


def entries(conf, database):
    """The OCA modules' terms of the database, less those of records our
    addons translate, merged by msgid."""
    overridden = {
        record for _module, _entry, record in exported(conf, database, list(OUR_ADDONS))
    }
    by_module = {module: [] for module in OCA_MODULES}
    for module, entry, record in exported(conf, database, list(OCA_MODULES)):
        if record not in overridden:
            by_module[module].append(entry)
    merged = {}
    for module in OCA_MODULES:
        for entry in by_module[module]:
            occurrences = [
                o for o in entry.occurrences if not skipped(record_key(o[0]))
            ]
            if not occurrences:
                continue
            key = (entry.msgctxt, entry.msgid)
            if key not in merged:
                merged[key] = polib.POEntry(
                    msgctxt=entry.msgctxt,
                    msgid=entry.msgid,
                    msgstr="",
                    occurrences=[],
                    comment="",
                )
                merged[key].modules = []
            if module not in merged[key].modules:
                merged[key].modules.append(module)
            merged[key].occurrences += [
                o for o in occurrences if o not in merged[key].occurrences
            ]
    for entry in merged.values():
        modules = entry.__dict__.pop("modules")
        entry.comment = f"module{'s' if len(modules) > 1 else ''}: {', '.join(modules)}"
    return sorted(merged.values(), key=lambda e: (e.msgid, e.msgctxt or ""))


def main(conf, database, table_path=None):
    table = json.loads(Path(table_path).read_text()) if table_path else {}
    fresh = entries(conf, database)
    (ADDON / "i18n_extra").mkdir(exist_ok=True)
    for lang in LANGUAGES:
        path = ADDON / "i18n_extra" / f"{lang}.po"
        old = polib.pofile(str(path)) if path.exists() else polib.POFile()
        known = {(e.msgctxt, e.msgid): e.msgstr for e in old if not e.obsolete}
        po = polib.POFile(wrapwidth=78)
        po.header = (
            "Translation of the OCA modules' terms for cs_management's"
            " users.\n"
            "Generated by setup/i18n_extra.py: keep the translations, not the entries."
        )
        po.metadata = {
            "Project-Id-Version": "Odoo Server 18.0",
            "Language": lang,
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "",
            "Plural-Forms": "",
        }
        for entry in fresh:
            copy = polib.POEntry(
                msgctxt=entry.msgctxt,
                msgid=entry.msgid,
                msgstr=(table.get(entry.msgid) or {}).get(lang)
                or known.get((entry.msgctxt, entry.msgid), ""),
                occurrences=entry.occurrences,
                comment=entry.comment,
            )
            po.append(copy)
        po.save(str(path))
        untranslated = sum(1 for e in po if not e.msgstr)
        print(f"{path}: {len(po)} entries, {untranslated} untranslated")


if __name__ == "__main__":
    main(*sys.argv[1:])
