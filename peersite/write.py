"""Write generated pages into docs/: only changed files are touched, stale ones are removed, and each
generated folder tells git to ignore it."""

from pathlib import Path

from .pages import generated_folders

IGNORE_ALL = "# Generated from content/data.yml by peersite: not kept in git.\n*\n"


def write_pages(docs_dir: Path, pages: dict[str, str]) -> list[str]:
    """Make docs_dir's generated folders hold exactly `pages`; return the paths written or removed."""
    changed = []
    for relative, text in pages.items():
        target = docs_dir / relative
        if target.is_file() and target.read_text(encoding="utf-8") == text:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        changed.append(relative)
    for folder in generated_folders():
        ignore = docs_dir / folder / ".gitignore"
        if ignore.parent.is_dir() and not ignore.is_file():
            ignore.write_text(IGNORE_ALL, encoding="utf-8")
        for stale in sorted((docs_dir / folder).rglob("*")):
            relative = stale.relative_to(docs_dir).as_posix()
            if stale.is_file() and stale != ignore and relative not in pages:
                stale.unlink()
                changed.append(relative)
    return changed
