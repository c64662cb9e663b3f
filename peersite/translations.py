"""Hand-written pages must exist in every language: `page.md` (Danish) beside `page.en.md`."""

from pathlib import Path

from . import DEFAULT_LANGUAGE, LANGUAGES, source_file
from .pages import DOCS_DIR, generated_folders
from .problems import Problem


def untranslated_pages(docs_dir: Path) -> list[Problem]:
    """A problem for each hand-written page missing in a language, at the page that is there."""
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
        Problem(1, 1, "", f"{DOCS_DIR}/{missing} is missing — every page needs a Danish and an English file; add it",
                path=f"{DOCS_DIR}/{present}")
        for stem in sorted(stems) for language in LANGUAGES
        if not (docs_dir / (missing := source_file(f"{stem}.md", language))).is_file()
        for present in [next(source_file(f"{stem}.md", other) for other in LANGUAGES
                             if (docs_dir / source_file(f"{stem}.md", other)).is_file())]
    ]
