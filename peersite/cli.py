"""Command line: `check` the data and pages for editors (with a warning for each record not reviewed for 24
months, each http:// address and each field of the publisher still empty; with --publishing, an empty field of the publisher is an
error; with --fix, the mistakes it can mend are first written into the data file), `render` every page, the downloads and /admin/
into rendered/ for any generator, `schema` to write the JSON Schema editors' tools check the data file with, `cms-config` to write the
configuration of the form at /admin/ (with --check, only say whether the committed one is out of date), `restore` to put
back the formatting of the data file around a change the CMS saved."""

import argparse
import datetime
import sys
from pathlib import Path

from .editing.cms import CONFIG_PATH, cms_config_yaml
from .data.data_schema import schema_json
from .data.fixes import fix_file
from .checks.links import broken_page_links, unencrypted_addresses
from .data.load import load_marked_yaml
from .messages import MESSAGE_LANGUAGES, _, ngettext, speaking
from .data.problems import DataError
from .data.publisher import unset_fields
from .pages.render import render_site
from .editing.restore import RestoreError, changed_lines, restored
from .data.review import stale_records
from .pages.site_config import read_config
from .pages.site_files import RENDERED, write_site_files
from .pages.snippets import unknown_blocks
from .checks.translations import untranslated_pages
from .data.validate import DATA_PATH, load_site
from .pages.write import hand_written_pages

SCHEMA_PATH = "content/data.schema.json"


def check(data: Path, shown: str, docs: Path, site_path: str = "/"):
    """The checked site and the pages and snippets it makes (None where they could not be made), rendered once for
    the link check and for whoever writes them (for a site at `site_path` on its server); raises DataError with every
    problem in the data and the hand-written pages."""
    blocks = unknown_blocks(docs)
    problems = untranslated_pages(docs) + blocks
    try:
        site = load_site(data, shown)
    except DataError as error:
        site, problems = None, error.problems + problems
    # Links to the site's pages are checked where an editor runs `make check`, not only by the build; those into the
    # pages the data makes and to anchors once the data can be read and the pages' blocks filled in. Without
    # hand-written pages there is no link to check, and no reason to render (`render` renders for itself).
    rendered = rendered_pages(site, site_path) if site and not blocks and hand_written_pages(docs) else None
    problems += broken_page_links(docs, rendered)
    if problems:
        raise DataError(shown, problems)
    return site, rendered


def render(root: Path, data: Path, shown: str, docs: Path) -> list[str]:
    """`check`, then write everything a generator reads into root/rendered/ with the pages check rendered; return the
    files written or removed. Raises DataError as check does; a failure to render shows here, with its traceback."""
    config = read_config(root)
    site, rendered = check(data, shown, docs, config.site_path)
    return write_site_files(root, config, site, rendered or render_site(site, config.site_path))


def rendered_pages(site, site_path: str):
    """The pages and snippets the data makes, for checking the links to them; None when they cannot be made.

    Making them is the build's job, and a failure there is the build's to report: `check` then checks the links
    as it does while the data cannot be read, rather than stop with a traceback."""
    try:
        return render_site(site, site_path)
    except Exception:  # noqa: BLE001 — whatever it is, the build meets it again and shows it
        return None


def fix(data: Path, shown: str, docs: Path) -> None:
    """Write the fix of every problem that has one into the data file, and say what changed (the check after it says
    what is left)."""
    try:
        check(data, shown, docs)
        fixed = []
    except DataError as error:
        fixed = fix_file(data, error.problems)
    for problem in fixed:
        fixed_here = _("fixed")
        print(f"{shown}:{problem.line}:{problem.column}: {fixed_here}: {problem.where}: {problem.done}")
    if not fixed:
        print(_("{path}: nothing for --fix to change.", path=shown))


def restore(argv: list[str]) -> int:
    """`restore ORIGINAL SAVED`: the original with only the saved file's changes, written over SAVED; exit code 0
    when written, 1 with each problem's place when not."""
    parser = argparse.ArgumentParser(prog="python -m peersite restore", description=(
        "Put back the formatting of the data file around a change the CMS saved: comments, key order, quotes,"
        " flow style and long lines as in ORIGINAL, every value as in SAVED."))
    parser.add_argument("original", help="the data file before the change (e.g. main's content/data.yml)")
    parser.add_argument("saved", help="the data file as the CMS saved it")
    parser.add_argument("--output", help="where to write the result (default: over SAVED)")
    args = parser.parse_args(argv)
    output = Path(args.output or args.saved)
    try:
        text = restored(Path(args.original), Path(args.saved), args.original, args.saved)
        output.write_text(text, encoding="utf-8")
    except RestoreError as error:
        print("\n".join(error.problems), file=sys.stderr)
        print("Nothing was written.", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"{output}: cannot be written ({error.strerror}); {args.saved} is as it was.", file=sys.stderr)
        return 1
    removed, added = changed_lines(Path(args.original).read_text(encoding="utf-8"), text)
    print(f"{output} written: against {args.original}, {removed} line(s) out and {added} in.")
    return 0


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
        print(_("{path} written.", path=output))
        return 0
    if output.exists() and output.read_text(encoding="utf-8") == text:
        return 0
    print(_("{path}: the form at /admin/ is out of date with {data} (a record was added, removed or renamed, or the schema"
            " changed) — run `make cms-config` and commit {path}", path=output, data=shown), file=sys.stderr)
    return 1


def main(argv: list[str] | None = None) -> int:
    """Run a command; exit code 0 when the data is sound, 1 when not."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["restore"]:  # two files of its own to name, so its own arguments
        return restore(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m peersite", description=__doc__)
    parser.add_argument("command", choices=("check", "render", "schema", "cms-config", "restore"))
    parser.add_argument("--data", default=DATA_PATH, help="the data file (default: %(default)s)")
    parser.add_argument("--docs", default="docs", help="the hand-written pages (default: %(default)s)")
    parser.add_argument("--format", choices=("text", "github"), default="text",
                        help="problems as file:line:column lines, or as GitHub workflow annotations")
    parser.add_argument("--output", help=f"where `schema` writes (default: {SCHEMA_PATH}), or `cms-config` (default: {CONFIG_PATH})")
    parser.add_argument("--publishing", action="store_true",
                        help="`check` before publishing: fail while a field of the publisher is still empty")
    parser.add_argument("--fix", action="store_true",
                        help="`check`, after writing into the data file the fix of each problem that has one: smart quotes around"
                             " a text, quotation marks of the other language, spaces other than the ordinary one, hidden characters")
    parser.add_argument("--language", choices=MESSAGE_LANGUAGES, default="en",
                        help="the language of the messages: English (the default) or Danish, as the editors read them")
    parser.add_argument("--check", action="store_true", help="`cms-config`: write nothing; exit 1 if the committed file is out of date")
    args = parser.parse_args(argv)
    with speaking(args.language):
        return run(args)


def run(args: argparse.Namespace) -> int:
    """Run the command the arguments name, in the language chosen."""
    if args.fix and args.command == "check":
        fix(Path(args.data), args.data, Path(args.docs))
    if args.command == "schema":
        output = args.output or SCHEMA_PATH
        Path(output).write_text(schema_json(), encoding="utf-8")
        print(_("{path} written.", path=output))
        return 0
    if args.command == "cms-config":
        return write_cms_config(Path(args.data), args.data, Path(args.output or CONFIG_PATH), args.check)
    try:
        if args.command == "render":
            changed = render(Path.cwd(), Path(args.data), args.data, Path(args.docs))
            print(ngettext("{count} file written to {folder}.", "{count} files written to {folder}.", len(changed), folder=RENDERED))
            return 0
        site, _rendered = check(Path(args.data), args.data, Path(args.docs))
    except DataError as error:
        print(error.report(args.format), file=sys.stdout if args.format == "github" else sys.stderr)
        return 1
    stream = sys.stdout if args.format == "github" else sys.stderr
    for stale in stale_records(site, datetime.date.today()):  # warnings: the exit code stays 0
        print(stale.format(args.data, args.format), file=stream)
    unset = unset_fields(site)
    # Warnings, but no site goes out without its publisher.
    for problem, warning in [(field, not args.publishing) for field in unset] + [(address, True) for address in unencrypted_addresses(site, Path(args.data).read_text(encoding="utf-8"))]:
        print(problem.annotation(args.data, warning) if args.format == "github" else problem.format(args.data, warning), file=stream)
    if unset and args.publishing:
        print(ngettext("{path}: the publisher is not set ({count} field to fill in); the site is not published until it is"
                       " — see CONTRIBUTING.md, \"Udgiveren\" / \"The publisher\".",
                       "{path}: the publisher is not set ({count} fields to fill in); the site is not published until it is"
                       " — see CONTRIBUTING.md, \"Udgiveren\" / \"The publisher\".", len(unset), path=args.data), file=stream)
        return 1
    print(_("{path}: no errors.", path=args.data))
    return 0
