"""Merge an addon's fresh .pot into its zh_CN.po and zh_TW.po.

Usage: i18n_merge.py ADDON_DIR. Existing translations are kept for every
msgid still in the template; entries gone from the template are dropped;
new ones arrive untranslated, to be filled in.
"""

import sys
from pathlib import Path

import polib

LANGUAGES = {"zh_CN": "Chinese (Simplified)", "zh_TW": "Chinese (Traditional)"}

addon_dir = Path(sys.argv[1])
name = addon_dir.name
template = polib.pofile(str(addon_dir / "i18n" / f"{name}.pot"))
for code, language in LANGUAGES.items():
    path = addon_dir / "i18n" / f"{code}.po"
    old = polib.pofile(str(path)) if path.exists() else polib.POFile()
    known = {(e.msgctxt, e.msgid): e for e in old if not e.obsolete}
    merged = polib.POFile(wrapwidth=78)
    merged.metadata = dict(template.metadata, Language=code)
    merged.header = (
        "Translation of Odoo Server.\nThis file contains the translation of the"
        f" following modules:\n\t* {name}"
    )
    for entry in template:
        previous = known.get((entry.msgctxt, entry.msgid))
        entry.msgstr = previous.msgstr if previous else ""
        merged.append(entry)
    merged.save(str(path))
    untranslated = sum(1 for e in merged if not e.msgstr)
    print(f"{path}: {len(merged)} entries, {untranslated} untranslated ({language})")
