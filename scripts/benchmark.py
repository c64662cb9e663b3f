"""Print, side by side, how long this project and plain MkDocs take to build the same pages as the data grows.

"Plain MkDocs" builds the same docs/ (generated pages written beforehand) with the same mkdocs.yml minus `hooks:`,
one language after the other as static-i18n does; "this project" is `make build` (scripts/build.py): data checked
and pages written, hooks, both languages in parallel. N synthetic records are N/2 models and N/2 evidence sources,
each a page in both languages.
"""

import argparse
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

SIZES = (250, 500, 1000, 2000)
BUILD_SETUP = ("mkdocs.yml", "hooks", "overrides", "peersite")
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


def without_hooks(project: Path) -> Path:
    """plain.yml beside the project's mkdocs.yml: the same configuration without its `hooks:`."""
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    plain = re.sub(r"^hooks:\n(?:  - .*\n)+", "", config, flags=re.M)
    assert plain != config, "mkdocs.yml has no `hooks:` list to remove"
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
    timed([python, "-m", "peersite", "render"], project)  # plain MkDocs needs the generated pages in docs/
    plain_build = [python, "-m", "mkdocs", "build", "-q", "-f", str(without_hooks(project)), "-d", "plain-site"]
    our_build = [python, str(ROOT / "scripts" / "build.py"), "-d", "site"]
    plain, ours = zip(*((timed(plain_build, project), timed(our_build, project)) for _ in range(runs)))
    return {
        "check": check[0], "plain": min(plain), "ours": min(ours),
        "plain_kb": record_page_kb(project / "plain-site"), "ours_kb": record_page_kb(project / "site"),
    }


def growth(rows: dict, records: int, key: str) -> str:
    """t(N)/t(N/2) for one build, or a dash for the smallest size."""
    half = rows.get(records // 2)
    return f"{rows[records][key][0] / half[key][0]:.2f}" if half else "–"


def main() -> None:
    """Build every size with both and print one table row per size as it is measured."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=SIZES, help="synthetic record counts (default: %(default)s)")
    parser.add_argument("--runs", type=int, default=1, help="builds per figure, the fastest counts (default: %(default)s)")
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores; load average before: {os.getloadavg()[0]:.2f}")
    print(
        "| records | MkDocs (s) | this project (s) | ratio | t(2N)/t(N) MkDocs | t(2N)/t(N) this "
        "| CPU s MkDocs / this | record page KB MkDocs / this | `check` (s) |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    rows = {}
    with tempfile.TemporaryDirectory() as scratch:
        for records in args.sizes:
            project = synthetic_project(Path(scratch) / str(records), records)
            rows[records] = row = measure(project, args.runs)
            shutil.rmtree(project)
            (plain, plain_cpu), (ours, ours_cpu) = row["plain"], row["ours"]
            print(
                f"| {records:,} | {plain:.1f} | {ours:.1f} | {ours / plain:.2f} "
                f"| {growth(rows, records, 'plain')} | {growth(rows, records, 'ours')} | {plain_cpu:.1f} / {ours_cpu:.1f} "
                f"| {row['plain_kb']:.1f} / {row['ours_kb']:.1f} | {row['check']:.2f} |",
                flush=True,
            )
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
