"""Write what `render` makes into the generator's folder: only changed files are touched, and a file the data no
longer makes is removed. Only what a run wrote itself is ever removed, as listed in the folder's .peersite-files: a
file someone else puts there is never deleted."""

from pathlib import Path

WRITTEN = ".peersite-files"  # every file the last run wrote, one a line
WRITTEN_BEFORE = ".peersite-pages"  # the same list in docs/, from when generated pages were written there


def written_files(folder: Path, listing: str = WRITTEN) -> set[str]:
    """The files the last run wrote into folder, relative to it; none before the first run."""
    try:
        return set((folder / listing).read_text(encoding="utf-8").split("\n")) - {""}
    except FileNotFoundError:
        return set()


def hand_written_pages(docs_dir: Path) -> list[str]:
    """The Markdown files of docs_dir, relative to it, that no run of peersite wrote there."""
    written = written_files(docs_dir, WRITTEN_BEFORE)
    return sorted(name for name in (path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*.md")) if name not in written)


def write_if_changed(target: Path, content: str | bytes) -> bool:
    """Write a file unless it already holds the content; say whether it was written."""
    data = content.encode() if isinstance(content, str) else content
    if target.is_file() and target.read_bytes() == data:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return True


def write_files(folder: Path, files: dict[str, str | bytes]) -> list[str]:
    """Make folder hold `files`, and none of the files the last run wrote that are not among them; return the paths
    written or removed."""
    changed = [relative for relative, content in files.items() if write_if_changed(folder / relative, content)]
    for stale in sorted(written_files(folder) - set(files)):
        if (folder / stale).is_file():
            (folder / stale).unlink()
            changed.append(stale)
    write_if_changed(folder / WRITTEN, "".join(f"{name}\n" for name in sorted(files)))
    return changed
