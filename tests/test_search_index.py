"""Search: one index per language, and Danish words found whichever way æ, ø and å are typed."""

import json

import pytest

from peersite.search import fold, index_path, locate, split_search_index

COMBINED = {
    "config": {"lang": ["da", "en"], "separator": "[\\s\\-]+", "pipeline": ["stemmer"], "fields": {"text": {}}},
    "docs": [
        {"location": "", "title": "Forside", "text": "Håb."},
        {"location": "engagement/", "title": "Engagement", "text": "En side, hvis sti begynder med en."},
        {"location": "om/#kontakt", "title": "Kontakt", "text": ""},
        {"location": "en/", "title": "Home", "text": "Hope."},
        {"location": "en/about/#contact", "title": "Contact", "text": ""},
    ],
}
FOLDS = [["å", "a"], ["aa", "a"], ["æ", "ae"], ["ø", "o"], ["oe", "o"]]


@pytest.mark.parametrize(("word", "folded"), [
    ("rådgivning", "radgivning"), ("raadgivning", "radgivning"), ("radgivning", "radgivning"),
    ("ældre", "aeldre"), ("aeldre", "aeldre"),
    ("håb", "hab"), ("haab", "hab"), ("hab", "hab"),
    ("møde", "mode"), ("moede", "mode"), ("støtte", "stotte"),
    ("århus", "arhus"), ("aarhus", "arhus"),
    ("peer", "peer"), ("hope", "hope"),
])
def test_fold_spells_each_letter_one_way(word, folded):
    """Each Danish letter and its two-letter spelling fold to one plain spelling; other words stay as they are."""
    assert fold(word) == folded


@pytest.mark.parametrize(("typed", "written"), [
    ("radgivning", "rådgivning"), ("raadgivning", "rådgivning"), ("aeldre", "ældre"),
    ("hab", "håb"), ("haab", "håb"), ("moede", "møde"), ("parorende", "pårørende"), ("paaroerende", "pårørende"),
])
def test_a_word_typed_without_danish_letters_folds_like_the_word(typed, written):
    """A reader typing a, aa, ae, o or oe for å, æ and ø reaches the same folded word."""
    assert fold(typed) == fold(written)


def test_index_paths():
    """The default language's index stays where Material looks for it; the others sit under their folder."""
    assert index_path("da") == "search/search_index.json"
    assert index_path("en") == "en/search/search_index.json"


@pytest.mark.parametrize(("location", "expected"), [
    ("", ("da", "")),
    ("about/", ("da", "about/")),
    ("about/#kontakt", ("da", "about/#kontakt")),
    ("engagement/", ("da", "engagement/")),
    ("en/", ("en", "")),
    ("en/#section", ("en", "#section")),
    ("en/about/#contact", ("en", "about/#contact")),
])
def test_locate_finds_the_language_and_the_location_within_it(location, expected):
    """Only a whole first path segment names another language: 'engagement/' stays Danish."""
    assert locate(location) == expected


def test_split_gives_each_language_its_own_entries_lunr_language_and_folds():
    """Each index keeps its language's entries in order, relative to its root, with its own lunr language."""
    assert split_search_index(COMBINED) == {
        "da": {
            "config": {**COMBINED["config"], "lang": ["da"], "fold": FOLDS},
            "docs": [
                {"location": "", "title": "Forside", "text": "Håb."},
                {"location": "engagement/", "title": "Engagement", "text": "En side, hvis sti begynder med en."},
                {"location": "om/#kontakt", "title": "Kontakt", "text": ""},
            ],
        },
        "en": {
            "config": {**COMBINED["config"], "lang": ["en"], "fold": FOLDS},
            "docs": [
                {"location": "", "title": "Home", "text": "Hope."},
                {"location": "about/#contact", "title": "Contact", "text": ""},
            ],
        },
    }


def test_split_leaves_the_combined_index_as_it_was():
    """Splitting copies the entries rather than changing them."""
    before = json.dumps(COMBINED)
    split_search_index(COMBINED)
    assert json.dumps(COMBINED) == before


def test_a_language_without_entries_gets_an_empty_index():
    """A language with no pages still gets an index, so its pages' search loads without error."""
    danish_only = {**COMBINED, "docs": COMBINED["docs"][:3]}
    assert split_search_index(danish_only)["en"]["docs"] == []


def built_index(site, language: str) -> dict:
    """A language's search index in the built site."""
    return json.loads((site / index_path(language)).read_text(encoding="utf-8"))


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_built_index_holds_its_own_language_only(built_site, language):
    """Every entry of a language's index is a page in that language, searched with that language's lunr."""
    index = built_index(built_site, language)
    root = built_site if language == "da" else built_site / language
    assert index["config"]["lang"] == [language]
    assert index["docs"], f"the {language} search index is empty"
    pages = {entry["location"].split("#")[0] for entry in index["docs"]}
    for page in pages:
        html = (root / page / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{language}"' in html, f"{page!r} in the {language} index is not a {language} page"


def test_the_built_site_has_no_combined_index(built_site):
    """The combined index is gone: no reader downloads the other language's entries."""
    assert not any(entry["location"].startswith("en/") for entry in built_index(built_site, "da")["docs"])
    assert sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("search_index.json")) == [
        "en/search/search_index.json", "search/search_index.json",
    ]
