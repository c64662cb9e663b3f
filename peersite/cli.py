"""Command line: `check` the data for editors, `render` the generated pages for any generator."""

import argparse
import sys
from pathlib import Path

from .problems import DataError
from .render import render_site
from .validate import DATA_PATH, load_site
from .write import write_pages


def main(argv: list[str] | None = None) -> int:
    """Run a command; exit code 0 when the data is sound, 1 when not."""
    parser = argparse.ArgumentParser(prog="python -m peersite", description=__doc__)
    parser.add_argument("command", choices=("check", "render"))
    parser.add_argument("--data", default=DATA_PATH, help="the data file (default: %(default)s)")
    parser.add_argument("--docs", default="docs", help="where `render` writes pages (default: %(default)s)")
    args = parser.parse_args(argv)
    try:
        site = load_site(Path(args.data), args.data)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    if args.command == "check":
        print(f"{args.data}: no errors.")
        return 0
    changed = write_pages(Path(args.docs), render_site(site)[0])
    print(f"{len(changed)} page(s) written to {args.docs}.")
    return 0
