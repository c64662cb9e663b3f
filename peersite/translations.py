"""Hand-written pages must exist in every language: `page.md` (Danish) beside `page.en.md`."""

from pathlib import Path

from . import DEFAULT_LANGUAGE, LANGUAGES, source_file
from .pages import DOCS_DIR, generated_folders


def untranslated_pages(docs_dir: Path) -> list[str]:
    """One line per hand-written page missing in a language, naming the file to add."""
    generated = tuple(f"{folder}/" for folder in generated_folders())
    others = [language for language in LANGUAGES if language != DEFAULT_LANGUAGE]
    stems = set()
    for path in docs_dir.rglob("*.md"):
        name = path.relative_to(docs_dir).as_posix()
        if name.startswith(generated):
            continue
        stem = name[:-3]
        for language in others:
            stem = stem.removesuffix(f".{language}")
        stems.add(stem)
    return [
        f"{DOCS_DIR}/{name}: missing — every page needs a Danish and an English file"
        for stem in sorted(stems) for language in LANGUAGES
        if not (docs_dir / (name := source_file(f"{stem}.md", language))).is_file()
    ]
