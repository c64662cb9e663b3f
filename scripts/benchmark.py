"""Print build time and page sizes for the real site and for synthetic data with N models and sources."""

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from synthetic_data import synthetic_data  # noqa: E402

import yaml  # noqa: E402

SIZES = (500, 1000)


def build(project: Path) -> float:
    """Seconds a strict build of project takes."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"], cwd=project, check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return time.perf_counter() - started


def synthetic_project(folder: Path, count: int) -> Path:
    """A copy of the build setup with stand-in hand-written pages and `count` synthetic records."""
    for name in ("mkdocs.yml", "hooks", "overrides", "peersite"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, folder / name)
    docs = folder / "docs"
    docs.mkdir()
    for page in ("index", "getting-started", "about"):
        (docs / f"{page}.md").write_text(f"# {page}\n", encoding="utf-8")
        (docs / f"{page}.en.md").write_text(f"# {page}\n", encoding="utf-8")
    (folder / "content").mkdir()
    (folder / "content" / "data.yml").write_text(yaml.safe_dump(synthetic_data(count), allow_unicode=True), encoding="utf-8")
    return folder


def sizes(site: Path) -> tuple[int, int, int, int]:
    """HTML pages, the first model page's bytes, and the Danish and English search index bytes."""
    pages = len(list(site.rglob("*.html")))
    record_page = sorted(site.glob("models/*/index.html"))[0]
    indexes = [site / "search" / "search_index.json", site / "en" / "search" / "search_index.json"]
    da, en = (path.stat().st_size if path.exists() else 0 for path in indexes)
    return pages, record_page.stat().st_size, da, en


def main() -> None:
    """Build each case once and print one row per case."""
    print("| data | build (s) | HTML pages | record page (KB) | search index da / en (KB) |")
    print("| --- | --- | --- | --- | --- |")
    rows = [("real content/data.yml", ROOT)]
    with tempfile.TemporaryDirectory() as scratch:
        for count in SIZES:
            (Path(scratch) / str(count)).mkdir()
            rows.append((f"synthetic, N = {count}", synthetic_project(Path(scratch) / str(count), count)))
        for name, project in rows:
            seconds = build(project)
            pages, record, da, en = sizes(project / "site")
            print(f"| {name} | {seconds:.1f} | {pages} | {record / 1024:.1f} | {da / 1024:.0f} / {en / 1024:.0f} |", flush=True)


if __name__ == "__main__":
    main()
