"""Command line: `check` the data and pages for editors (with a warning for each record not reviewed for 24
months, each http:// address and each field of the publisher still empty; with --publishing, an empty field of the publisher is an
error), `render` the generated pages for any generator, `schema` to write the JSON Schema editors' tools
check the data file with, `cms-config` to write the configuration of the form at /admin/ (with --check, only say
whether the committed one is out of date)."""

import argparse
import datetime
import sys
from pathlib import Path

from .cms import CONFIG_PATH, cms_config_yaml
from .data_schema import schema_json
from .links import unencrypted_addresses
from .load import load_marked_yaml
from .problems import DataError
from .publisher import unset_fields
from .render import render_site
from .review import stale_records
from .snippets import unknown_blocks
from .translations import untranslated_pages
from .validate import DATA_PATH, load_site
from .write import write_pages

SCHEMA_PATH = "content/data.schema.json"


def check(data: Path, shown: str, docs: Path):
    """The checked site; raises DataError with every problem in the data and the hand-written pages."""
    problems = untranslated_pages(docs) + unknown_blocks(docs)
    try:
        site = load_site(data, shown)
    except DataError as error:
        problems = error.problems + problems
    if problems:
        raise DataError(shown, problems)
    return site


def write_cms_config(data: Path, shown: str, output: Path, check_only: bool) -> int:
    """Write the form's configuration from the schema and the data's ids; with check_only, say whether the
    file written before is out of date (an id added, removed or renamed since), and how to bring it up to date."""
    try:
        text = cms_config_yaml(load_marked_yaml(data, shown))
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    if not check_only:
        output.write_text(text, encoding="utf-8")
        print(f"{output} written.")
        return 0
    if output.exists() and output.read_text(encoding="utf-8") == text:
        return 0
    print(f"{output}: the form at /admin/ is out of date with {shown} (a record was added, removed or renamed, or the schema"
          f" changed) — run `python -m peersite cms-config` and commit {output}", file=sys.stderr)
    return 1


def main(argv: list[str] | None = None) -> int:
    """Run a command; exit code 0 when the data is sound, 1 when not."""
    parser = argparse.ArgumentParser(prog="python -m peersite", description=__doc__)
    parser.add_argument("command", choices=("check", "render", "schema", "cms-config"))
    parser.add_argument("--data", default=DATA_PATH, help="the data file (default: %(default)s)")
    parser.add_argument("--docs", default="docs", help="the hand-written pages, where `render` writes (default: %(default)s)")
    parser.add_argument("--format", choices=("text", "github"), default="text",
                        help="problems as file:line:column lines, or as GitHub workflow annotations")
    parser.add_argument("--output", help=f"where `schema` writes (default: {SCHEMA_PATH}), or `cms-config` (default: {CONFIG_PATH})")
    parser.add_argument("--publishing", action="store_true",
                        help="`check` before publishing: fail while a field of the publisher is still empty")
    parser.add_argument("--check", action="store_true", help="`cms-config`: write nothing; exit 1 if the committed file is out of date")
    args = parser.parse_args(argv)
    if args.command == "schema":
        output = args.output or SCHEMA_PATH
        Path(output).write_text(schema_json(), encoding="utf-8")
        print(f"{output} written.")
        return 0
    if args.command == "cms-config":
        return write_cms_config(Path(args.data), args.data, Path(args.output or CONFIG_PATH), args.check)
    try:
        site = check(Path(args.data), args.data, Path(args.docs))
    except DataError as error:
        print(error.report(args.format), file=sys.stdout if args.format == "github" else sys.stderr)
        return 1
    if args.command == "check":
        stream = sys.stdout if args.format == "github" else sys.stderr
        for stale in stale_records(site, datetime.date.today()):  # warnings: the exit code stays 0
            print(stale.format(args.data, args.format), file=stream)
        unset = unset_fields(site)
        # Warnings, but no site goes out without its publisher.
        for problem, warning in [(field, not args.publishing) for field in unset] + [(address, True) for address in unencrypted_addresses(site)]:
            print(problem.annotation(args.data, warning) if args.format == "github" else problem.format(args.data, warning), file=stream)
        if unset and args.publishing:
            print(f"{args.data}: the publisher is not set ({len(unset)} field{'s' if len(unset) != 1 else ''} to fill in);"
                  " the site is not published until it is — see CONTRIBUTING.md, \"Udgiveren\" / \"The publisher\".", file=stream)
            return 1
        print(f"{args.data}: no errors.")
        return 0
    changed = write_pages(Path(args.docs), render_site(site)[0])
    print(f"{len(changed)} page(s) written to {args.docs}.")
    return 0
