"""Fill locale/<lang>/LC_MESSAGES/django.po from fragment-*.po files beside it.

Fragments hold translations written in parallel (one per piece of work); this
copies each fragment's msgstr into django.po where django.po has no
translation yet (or is fuzzy), then reports msgids still untranslated.

Usage: python scripts/merge_po_fragments.py [LANG]
"""

import sys
from pathlib import Path

import polib


def main():
    language = sys.argv[1] if len(sys.argv) > 1 else "pl"
    folder = Path("locale") / language / "LC_MESSAGES"
    catalogue = polib.pofile(str(folder / "django.po"))
    known = {}
    for fragment in sorted(folder.glob("fragment-*.po")):
        for entry in polib.pofile(str(fragment)):
            if entry.translated():
                known.setdefault((entry.msgctxt, entry.msgid), entry)
    for entry in catalogue:
        source = known.get((entry.msgctxt, entry.msgid))
        if source is None or (entry.translated() and "fuzzy" not in entry.flags):
            continue
        entry.msgstr = source.msgstr
        entry.msgstr_plural = dict(source.msgstr_plural)
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    catalogue.save()
    missing = [e.msgid for e in catalogue if not e.translated() and not e.obsolete]
    print(
        f"{language}: {len(catalogue.translated_entries())} translated, "
        f"{len(missing)} missing"
    )
    for msgid in missing:
        print("  missing:", msgid[:90])


if __name__ == "__main__":
    main()
