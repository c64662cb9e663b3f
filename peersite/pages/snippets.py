"""Facts a hand-written page states come from the data: the page names a block on a line of its own,
<!-- data: implementation-steps -->, and the build puts the block's Markdown in its place."""

import re
from pathlib import Path

from ..messages import _
from .page_table import DOCS_DIR, SNIPPETS
from ..data.problems import Problem
from .write import hand_written_pages

BLOCK = re.compile(r"^<!-- data: (\S+) -->$", re.MULTILINE)


def fill_snippets(markdown: str, snippets: dict[str, str]) -> str:
    """A hand-written page with each named block replaced by its snippet."""
    return BLOCK.sub(lambda match: snippets[match.group(1)].rstrip("\n"), markdown)


def unknown_blocks(docs_dir: Path) -> list[Problem]:
    """A problem for each block a hand-written page names that the data does not make."""
    problems = []
    for name in hand_written_pages(docs_dir):
        text = (docs_dir / name).read_text(encoding="utf-8")
        for match in BLOCK.finditer(text):
            if match.group(1) not in SNIPPETS:
                line = text.count("\n", 0, match.start()) + 1
                problems.append(Problem(line, 1, "", _("unknown data block '{block}' — use one of: {options}", block=match.group(1), options=", ".join(SNIPPETS)),
                                        path=f"{DOCS_DIR}/{name}"))
    return problems
