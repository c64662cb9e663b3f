"""Print, side by side, how long this project and plain MkDocs take to build the same pages as the data grows.

"Plain MkDocs" builds the same rendered/ (`peersite render` run beforehand) with the same mkdocs.yml minus its hooks
(but the one that names Material's search worker, without which the templates cannot render) and minus the site's
Markdown extension (tables, glossary words, sanitising); "this project" is `make build` (scripts/build.py): data
checked and rendered, then the same MkDocs build with hooks and extension. Both build the languages one after the
other, as static-i18n does. N synthetic records are N/2 models and N/2 evidence sources, each a page in both languages.

A second table prints what one long text of a single character costs in the real data: `check` on 200,000 of them
(refused, with its place), and `make build` with the longest text the check lets through.
"""

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from synthetic_data import as_yaml, synthetic_data  # noqa: E402

from peersite.data.fields import LONGEST_TEXT  # noqa: E402

SIZES = (250, 500, 1000, 2000)
SEARCH_WORKER = "hooks/search_worker.py"
PAGE_HTML = "  - peersite.pages.page_html\n"
BUILD_SETUP = ("mkdocs.yml", "hooks", "overrides", "peersite")
# One of each kind Markdown, HTML, BibTeX or a spreadsheet reads as syntax, and a letter.
LONG_RUN_CHARACTERS = "[]<&\\`*_!#{=a"
LONG_RUN = 200_000
# Both builds write the same dates, whatever the clock says while they run.
ENVIRONMENT = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1780000000"}


def timed(command: list[str], project: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user and system, its processes' too) a command takes; stop if it fails."""
    before, started = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    finished = subprocess.run(command, cwd=project, env=ENVIRONMENT, capture_output=True, text=True)
    wall, after = time.perf_counter() - started, resource.getrusage(resource.RUSAGE_CHILDREN)
    if finished.returncode:
        sys.exit(f"{' '.join(command)} failed:\n{finished.stderr}")
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def synthetic_project(folder: Path, records: int) -> Path:
    """A copy of the build setup with stand-in hand-written pages and `records` synthetic records."""
    folder.mkdir()
    for name in BUILD_SETUP:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, folder / name)
    docs = folder / "docs"
    docs.mkdir()
    for page in ("index", "getting-started", "about"):
        (docs / f"{page}.md").write_text(f"# {page}\n", encoding="utf-8")
        (docs / f"{page}.en.md").write_text(f"# {page}\n", encoding="utf-8")
    (folder / "content").mkdir()
    data = as_yaml(synthetic_data(records // 2))
    (folder / "content" / "data.yml").write_text(data, encoding="utf-8")
    return folder


def real_project(folder: Path) -> Path:
    """A copy of the build setup with the real data and hand-written pages."""
    folder.mkdir()
    for name in (*BUILD_SETUP, "content", "docs"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, folder / name)
    return folder


def without_hooks(project: Path) -> Path:
    """plain.yml beside the project's mkdocs.yml: the same configuration (the rendered navigation and theme words
    too) with no hook but SEARCH_WORKER and without the site's Markdown extension."""
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    plain = re.sub(r"^hooks:\n(?:  - .*\n)+", f"hooks:\n  - {SEARCH_WORKER}\n", config, flags=re.M).replace(PAGE_HTML, "")
    assert SEARCH_WORKER in config and PAGE_HTML in config, f"mkdocs.yml has no {SEARCH_WORKER} or no {PAGE_HTML.strip()}"
    (project / "plain.yml").write_text(plain, encoding="utf-8")
    return project / "plain.yml"


def record_page_kb(site: Path) -> float:
    """The size of the first model page, in KB."""
    return sorted(site.glob("models/*/index.html"))[0].stat().st_size / 1024


def measure(project: Path, runs: int) -> dict:
    """Seconds for `check`, plain MkDocs and this project, and each one's record page size.

    The two builds take turns, so that other work on the machine disturbs both alike; the fastest run counts.
    """
    python = sys.executable
    check = min(timed([python, "-m", "peersite", "check"], project) for _ in range(runs))
    timed([python, "-m", "peersite", "render"], project)  # plain MkDocs builds the rendered files
    plain_build = [python, "-m", "mkdocs", "build", "-q", "-f", str(without_hooks(project)), "-d", "plain-site"]
    our_build = [python, str(ROOT / "scripts" / "build.py"), "-d", "site"]
    plain, ours = zip(*((timed(plain_build, project), timed(our_build, project)) for _ in range(runs)))
    return {
        "check": check[0], "plain": min(plain), "ours": min(ours),
        "plain_kb": record_page_kb(project / "plain-site"), "ours_kb": record_page_kb(project / "site"),
    }


def with_long_text(project: Path, character: str, length: int) -> None:
    """The first model's Danish summary in the project's data replaced by `length` times one character."""
    data_file = project / "content" / "data.yml"
    data = data_file.read_text(encoding="utf-8")
    start = data.index("      da: ", data.index("summary:", data.index("\nmodels:")))
    end = data.index("\n", start)
    data_file.write_text(f"{data[:start]}      da: {json.dumps(character * length)}{data[end:]}", encoding="utf-8")


def print_long_texts(scratch: Path) -> None:
    """One row per character: `check` on LONG_RUN of it, and `make build` on LONGEST_TEXT of it."""
    print(f"\nOne long text in the real data: `check` on {LONG_RUN:,} characters, `make build` on {LONGEST_TEXT:,}")
    print("| character | check (s) | check says | build (s) |")
    print("| --- | ---: | --- | ---: |")
    project = real_project(scratch / "long-texts")
    check = [sys.executable, "-m", "peersite", "check"]
    build = [sys.executable, str(ROOT / "scripts" / "build.py"), "-d", "site"]
    for character in LONG_RUN_CHARACTERS:
        with_long_text(project, character, LONG_RUN)
        started = time.perf_counter()
        checked = subprocess.run(check, cwd=project, env=ENVIRONMENT, capture_output=True, text=True)
        check_seconds = time.perf_counter() - started
        verdict = checked.stderr.splitlines()[0].split(": ", 2)[-1].split(" — ")[0] if checked.returncode else "accepted"
        with_long_text(project, character, LONGEST_TEXT)
        build_seconds = timed(build, project)[0]
        print(f"| `{character}` | {check_seconds:.2f} | {verdict} | {build_seconds:.1f} |", flush=True)
    shutil.rmtree(project)


def growth(rows: dict, records: int, key: str) -> str:
    """t(N)/t(N/2) for one build, or a dash for the smallest size."""
    half = rows.get(records // 2)
    return f"{rows[records][key][0] / half[key][0]:.2f}" if half else "–"


def print_row(name: str, row: dict, plain_growth: str, our_growth: str) -> None:
    """One row of the table: wall and CPU seconds of both builds, their ratios, page sizes and `check`."""
    (plain, plain_cpu), (ours, ours_cpu) = row["plain"], row["ours"]
    print(f"| {name} | {plain:.1f} | {ours:.1f} | {ours / plain:.2f} | {plain_growth} | {our_growth} "
          f"| {plain_cpu:.1f} / {ours_cpu:.1f} | {ours_cpu / plain_cpu:.2f} | {row['plain_kb']:.1f} / {row['ours_kb']:.1f} "
          f"| {row['check']:.2f} |", flush=True)


def main() -> None:
    """Build every size with both and print one table row per size as it is measured."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=SIZES, help="synthetic record counts (default: %(default)s)")
    parser.add_argument("--runs", type=int, default=1, help="builds per figure, the fastest counts (default: %(default)s)")
    parser.add_argument("--long-texts-only", action="store_true", help="print only what a long text costs")
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores; load average before: {os.getloadavg()[0]:.2f}")
    if args.long_texts_only:
        with tempfile.TemporaryDirectory() as scratch:
            print_long_texts(Path(scratch))
        print(f"load average after: {os.getloadavg()[0]:.2f}")
        return
    print(
        "| records | MkDocs (s) | this project (s) | ratio | t(2N)/t(N) MkDocs | t(2N)/t(N) this "
        "| CPU s MkDocs / this | CPU ratio | record page KB MkDocs / this | `check` (s) |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    rows = {}
    with tempfile.TemporaryDirectory() as scratch:
        for records in args.sizes:
            project = synthetic_project(Path(scratch) / str(records), records)
            rows[records] = row = measure(project, args.runs)
            shutil.rmtree(project)
            print_row(f"{records:,}", row, growth(rows, records, "plain"), growth(rows, records, "ours"))
        project = real_project(Path(scratch) / "real")
        print_row("real data", measure(project, args.runs), "–", "–")
        shutil.rmtree(project)
        print_long_texts(Path(scratch))
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
