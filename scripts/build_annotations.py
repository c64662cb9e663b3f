#!/usr/bin/env python3
"""Turn the build's warnings into GitHub annotations, each on the line it is about where a file can be found.

Usage: make build 2>&1 | tee build.log; python scripts/build_annotations.py build.log

MkDocs names a page (`Doc file 'about.en.md' contains a link 'kort.png', …`) or the navigation (`A reference to
'x.md' is included in the 'nav' configuration, …`), not a line: the annotation goes on the first line of the
hand-written page that holds the link, or of peersite/pages/page_table.py that names the missing page. A warning about a page
made from the data, or about nothing a file holds, is annotated on the pull request as a whole. Each language's
build repeats a warning about what they share: it is shown once. The data's own problems are not read here:
`python -m peersite check --format github` annotates them.
"""

import argparse
import re
import sys
from pathlib import Path

from peersite.pages.page_table import DOCS_DIR
from peersite.data.problems import Problem
from peersite.pages.write import hand_written_pages

PAGES_TABLE = "peersite/pages/page_table.py"
# `WARNING - en: message` from scripts/build.py (the process is the language), `WARNING -  message` from mkdocs.
LOGGED = re.compile(r"^(WARNING|ERROR)\s+-\s+(?:[\w-]+: )?(.+)$")
STRICT_ABORT = re.compile(r"^Aborted with \d+ warnings? in strict mode")
DOC_FILE = re.compile(r"^Doc file '([^']+)' contains an? (?:[\w ]+ )?link (?:to )?'([^']+)'")
NAV_REFERENCE = re.compile(r"^A reference to '([^']+)' is included in the 'nav' configuration")


def build_warnings(log: str) -> list[tuple[str, str]]:
    """The build's warnings and errors (level, message), each once: without the language that logged it, and
    without strict mode's count of them."""
    found = [match.groups() for match in map(LOGGED.match, log.splitlines()) if match]
    return list(dict.fromkeys((level.lower(), message) for level, message in found if not STRICT_ABORT.match(message)))


def place_of(text: str, needle: str, before: str) -> tuple[int, int]:
    """The line and column (from 1) where needle first stands in text right after `before`; the top of the file
    when it does not."""
    index = text.find(before + needle)
    if index < 0:
        return 1, 1
    index += len(before)
    return text.count("\n", 0, index) + 1, index - text.rfind("\n", 0, index)


def annotation(level: str, message: str, root: Path, pages: list[str]) -> str:
    """A warning or error as a GitHub workflow command: on its file and line where one of `pages` (the hand-written
    pages) or the table of pages holds it, else on the pull request as a whole."""
    if (doc := DOC_FILE.match(message)) and doc.group(1) in pages:
        path, needle, before = f"{DOCS_DIR}/{doc.group(1)}", doc.group(2), "("  # a Markdown link's target
    elif nav := NAV_REFERENCE.match(message):
        path, needle, before = PAGES_TABLE, nav.group(1), '"'
    else:
        return f"::{level} title=build::{message.replace('%', '%25')}"
    line, column = place_of((root / path).read_text(encoding="utf-8"), needle, before)
    return Problem(line, column, "build", message, path=path).annotation(path, warning=level == "warning")


def main(argv: list[str] | None = None) -> int:
    """Print an annotation for each warning of a build log; exit 0 (the build's own exit code says whether it failed)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("log", type=Path, help="what `make build` printed")
    parser.add_argument("--root", type=Path, default=Path("."), help="the project folder (default: the current one)")
    args = parser.parse_args(argv)
    pages = hand_written_pages(args.root / DOCS_DIR)
    for level, message in build_warnings(args.log.read_text(encoding="utf-8", errors="replace")):
        print(annotation(level, message, args.root, pages))
    return 0


if __name__ == "__main__":
    sys.exit(main())
