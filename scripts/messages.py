"""Bring the Danish catalogue of editors' messages (peersite/locale/da/LC_MESSAGES/peersite.po) up to date with the
code: Babel extracts every message the code passes through `_`, `N_`, `ngettext` or `record` (peersite/messages.py),
new ones are added untranslated and ones the code no longer has are dropped. Then translate the empty entries;
tests/test_danish_messages.py fails while one is empty."""

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

HEADER = ("# The messages `python -m peersite check --language da` and `python -m peersite.checks.spelling --language da` give\n"
          "# editors, in Danish. Update with `python scripts/messages.py`, then write each empty msgstr.")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from peersite.messages import DOMAIN, KEYWORDS, catalogue_path  # noqa: E402


def extracted() -> Catalog:
    """Every message in the code, with the files it is in."""
    template = Catalog(project=DOMAIN)
    for filename, lineno, message, _comments, _context in extract_from_dir(ROOT / "peersite", keywords=KEYWORDS,
                                                                         method_map=[("**.py", "python")]):
        template.add(message, locations=[(f"peersite/{filename}", lineno)])
    return template


def main() -> int:
    """Update the catalogue and say how many entries still need a translation."""
    path = catalogue_path("da")
    with path.open("rb") as po:
        catalogue = read_po(po, locale="da")
    created, revised = catalogue.creation_date, catalogue.revision_date  # kept, so that only a change of text is a diff
    catalogue.update(extracted(), no_fuzzy_matching=True)
    catalogue.obsolete.clear()
    catalogue.creation_date, catalogue.revision_date, catalogue.fuzzy = created, revised, False
    catalogue.header_comment = HEADER
    with path.open("wb") as po:
        write_po(po, catalogue, width=120, include_lineno=False, sort_by_file=True)
    empty = [message.id for message in catalogue if message.id and not all(message.string if isinstance(message.string, tuple) else [message.string])]
    print(f"{path.relative_to(ROOT)}: {len(catalogue)} messages, {len(empty)} to translate.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
