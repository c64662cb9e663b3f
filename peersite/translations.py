"""Hand-written pages must exist in every language: `page.md` (Danish) beside `page.en.md`."""

from pathlib import Path

from . import DEFAULT_LANGUAGE, LANGUAGES, source_file


def untranslated_pages(docs_dir: Path) -> list[str]:
    """One line per page missing in a language, naming the file to add."""
    others = [language for language in LANGUAGES if language != DEFAULT_LANGUAGE]
    stems = set()
    for path in docs_dir.rglob("*.md"):
        name = path.relative_to(docs_dir).as_posix()[:-3]
        for language in others:
            name = name.removesuffix(f".{language}")
        stems.add(name)
    missing = []
    for stem in sorted(stems):
        for language in LANGUAGES:
            name = source_file(f"{stem}.md", language)
            if not (docs_dir / name).is_file():
                missing.append(f"docs/{name}: missing — every page needs a Danish and an English file")
    return missing
