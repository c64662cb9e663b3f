"""Hand-written pages must exist in every language: `page.md` (Danish) beside `page.en.md`."""

from pathlib import Path

from .. import LANGUAGES, default_source, source_file
from ..pages.page_table import DOCS_DIR
from ..messages import _
from ..data.problems import Problem
from ..pages.write import hand_written_pages


def untranslated_pages(docs_dir: Path) -> list[Problem]:
    """A problem for each hand-written page missing in a language, at the page that is there."""
    present = set(hand_written_pages(docs_dir))
    problems = []
    for page in sorted({default_source(name) for name in present}):
        files = [source_file(page, language) for language in LANGUAGES]
        there = next(name for name in files if name in present)
        problems += [
            Problem(1, 1, "", _("{page} is missing — every page needs a Danish and an English file; add it", page=f"{DOCS_DIR}/{name}"),
                    path=f"{DOCS_DIR}/{there}")
            for name in files if name not in present
        ]
    return problems
