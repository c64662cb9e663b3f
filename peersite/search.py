"""Search indexes per language, and the folding that lets Danish words be typed with or without æ, ø and å."""

from . import LANGUAGES, language_of_url, url_prefix

SEARCH_INDEX = "search/search_index.json"

# Applied in this order to every indexed word and every query word, after the stemmer; the search worker
# (overrides/assets/javascripts/search/worker.js) reads them from the index, so this is their one source.
FOLDS = (("å", "a"), ("aa", "a"), ("æ", "ae"), ("ø", "o"), ("oe", "o"))


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


def split_search_index(index: dict) -> dict[str, dict]:
    """One search index per language from the combined one, each searched with its own language's lunr."""
    config = {**index["config"], "fold": [list(pair) for pair in FOLDS]}
    indexes = {language: {"config": {**config, "lang": [language]}, "docs": []} for language in LANGUAGES}
    for entry in index["docs"]:
        language, location = locate(entry["location"])
        indexes[language]["docs"].append({**entry, "location": location})
    return indexes
