"""Write generated pages into docs/: only changed files are touched, and a page the data no longer makes is
removed. The pipeline removes only what it wrote itself, as listed in docs/.peersite-pages: a file an editor drops
into a generated folder (a picture in docs/models/, say) is never deleted, nor hidden from git."""

from pathlib import Path, PurePosixPath

WRITTEN = ".peersite-pages"  # in docs/: every page the last run wrote, one a line
IGNORE_HEADER = "# Generated from content/data.yml by peersite: not kept in git. Other files here are.\n"


def written_pages(docs_dir: Path) -> set[str]:
    """The pages the last run wrote, relative to docs_dir; none before the first run."""
    try:
        return set((docs_dir / WRITTEN).read_text(encoding="utf-8").split("\n")) - {""}
    except FileNotFoundError:
        return set()


def hand_written_pages(docs_dir: Path) -> list[str]:
    """The Markdown files of docs_dir, relative to it, that the pipeline did not write."""
    written = written_pages(docs_dir)
    return sorted(name for name in (path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*.md")) if name not in written)


def ignore_files(pages: set[str]) -> dict[str, str]:
    """A .gitignore for each folder holding generated pages, naming those pages and itself, and nothing else."""
    folders: dict[str, list[str]] = {}
    for page in sorted(pages):
        path = PurePosixPath(page)
        folders.setdefault(str(path.parent), []).append(f"/{path.name}")
    return {
        str(PurePosixPath(folder) / ".gitignore"): IGNORE_HEADER + "".join(f"{name}\n" for name in ["/.gitignore", *names])
        for folder, names in folders.items()
    }


def write_if_changed(target: Path, text: str) -> bool:
    """Write a file unless it already holds the text; say whether it was written."""
    if target.is_file() and target.read_text(encoding="utf-8") == text:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return True


def write_pages(docs_dir: Path, pages: dict[str, str]) -> list[str]:
    """Make docs_dir hold `pages`, and none of the pages the last run wrote that are not among them; return the
    paths written or removed."""
    changed = [relative for relative, text in pages.items() if write_if_changed(docs_dir / relative, text)]
    before, now = written_pages(docs_dir), set(pages)
    for stale in sorted(before - now):
        if (docs_dir / stale).is_file():
            (docs_dir / stale).unlink()
            changed.append(stale)
    for ignore, text in ignore_files(now).items():
        write_if_changed(docs_dir / ignore, text)
    write_if_changed(docs_dir / WRITTEN, "".join(f"{page}\n" for page in sorted(now)))
    return changed
