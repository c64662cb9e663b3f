"""Search indexes per language, the folding that lets Danish words be typed with or without æ, ø and å, and
the rule that every search result has text to show."""

import re

from .. import LANGUAGES, language_of_url, url_prefix

SEARCH_INDEX = "search/search_index.json"

# Applied in this order to every indexed word and every query word, after the stemmer; the search worker
# (overrides/assets/javascripts/search/worker.js) reads them from the index, so this is their one source.
FOLDS = (("å", "a"), ("aa", "a"), ("æ", "ae"), ("ø", "o"), ("oe", "o"))
WORD_CHARACTER = re.compile(r"\w")
TAG = re.compile(r"<[^>]+>")


def fold(word: str) -> str:
    """The word as the search compares it: å and aa as a, æ as ae, ø and oe as o."""
    for letters, replacement in FOLDS:
        word = word.replace(letters, replacement)
    return word


def index_path(language: str) -> str:
    """Where a language's search index lives, relative to the site directory."""
    return url_prefix(language) + SEARCH_INDEX


def locate(location: str) -> tuple[str, str]:
    """The language of a combined index's location, and the location relative to that language's root."""
    language = language_of_url(location)
    return language, location.removeprefix(url_prefix(language))


def has_words(text: str) -> bool:
    """Whether an entry's text, without its markup, holds a letter or a digit."""
    return bool(WORD_CHARACTER.search(TAG.sub(" ", text)))


def subheadings(page_url: str, toc) -> dict[str, list[str]]:
    """Each heading's location, as the search index gives it, and the titles of the headings under it (HTML, as
    the index's text is), from a page's table of contents (items with .id, .title, .level and .children); a
    page's h1 is the page itself."""
    outline = {}

    def visit(items, first: bool):
        for item in items:
            location = page_url if first and item.level == 1 else f"{page_url}#{item.id}"
            outline[location] = [child.title for child in item.children]
            visit(item.children, False)
            first = False

    visit(toc, True)
    return outline


def with_text(entries: list[dict], outline: dict[str, list[str]]) -> list[dict]:
    """Entries that each have text to show: a heading with no text of its own lists the headings under it,
    and a section with neither is left out, its title being all a result could show (a page always stays)."""
    shown = []
    for entry in entries:
        if not has_words(entry["text"]):
            titles = outline.get(entry["location"], [])
            if titles:
                entry = {**entry, "text": "<ul>" + "".join(f"<li>{title}</li>" for title in titles) + "</ul>"}
            elif "#" in entry["location"]:
                continue
        shown.append(entry)
    return shown


def split_search_index(index: dict, outline: dict[str, list[str]] | None = None) -> dict[str, dict]:
    """One search index per language from the combined one, each searched with its own language's lunr, every
    entry with text to show (`outline`: the headings under each heading, by location)."""
    config = {**index["config"], "fold": [list(pair) for pair in FOLDS]}
    indexes = {language: {"config": {**config, "lang": [language]}, "docs": []} for language in LANGUAGES}
    for entry in with_text(index["docs"], outline or {}):
        language, location = locate(entry["location"])
        indexes[language]["docs"].append({**entry, "location": location})
    return indexes
