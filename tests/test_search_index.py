"""Search: one index per language, Danish words found whichever way æ, ø and å are typed, and every entry
with text of its own to show: each glossary term apart, no review line, the find-support page weighted."""

import json
import re
from types import SimpleNamespace

import pytest

from conftest import REAL_SITE
from peersite.pages.markup import plain_text
from peersite.pages.page_table import PAGES, page_url
from peersite.pages.render import labels, localise
from peersite.pages.search import fold, has_words, index_path, locate, split_search_index, subheadings, with_text

COMBINED = {
    "config": {"lang": ["da", "en"], "separator": "[\\s\\-]+", "pipeline": ["stemmer"], "fields": {"text": {}}},
    "docs": [
        {"location": "", "title": "Forside", "text": "Håb."},
        {"location": "engagement/", "title": "Engagement", "text": "En side, hvis sti begynder med en."},
        {"location": "om/#kontakt", "title": "Kontakt", "text": "<p>Skriv.</p>"},
        {"location": "en/", "title": "Home", "text": "Hope."},
        {"location": "en/about/#contact", "title": "Contact", "text": "<p>Write.</p>"},
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
                {"location": "om/#kontakt", "title": "Kontakt", "text": "<p>Skriv.</p>"},
            ],
        },
        "en": {
            "config": {**COMBINED["config"], "lang": ["en"], "fold": FOLDS},
            "docs": [
                {"location": "", "title": "Home", "text": "Hope."},
                {"location": "about/#contact", "title": "Contact", "text": "<p>Write.</p>"},
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


def heading(level: int, id: str, title: str, *children) -> SimpleNamespace:
    """An item of a page's table of contents, as MkDocs gives it."""
    return SimpleNamespace(level=level, id=id, title=title, children=list(children))


OUTLINE_TOC = [heading(1, "om", "Om", heading(2, "kilder", "Kilder", heading(3, "tekster", "Tekster"),
                                             heading(3, "forskning", "Forskning &amp; data")),
                        heading(2, "kontakt", "Kontakt"))]


def test_subheadings_are_noted_under_each_heading_and_the_first_heading_is_the_page():
    """The page's h1 is its entry without an anchor; every other heading is the page and its anchor."""
    assert subheadings("om/", OUTLINE_TOC) == {
        "om/": ["Kilder", "Kontakt"],
        "om/#kilder": ["Tekster", "Forskning &amp; data"],
        "om/#tekster": [], "om/#forskning": [], "om/#kontakt": [],
    }


def test_a_page_without_an_h1_has_no_heading_standing_for_it():
    """Material gives a page's first h2 an anchor of its own when no h1 comes before it."""
    assert subheadings("om/", [heading(2, "a", "A", heading(3, "b", "B"))]) == {"om/#a": ["B"], "om/#b": []}


def test_a_heading_without_text_lists_its_subheadings_and_one_without_either_is_left_out():
    """A result always has words to show: its own text, the headings under it, or (a page) its text as it is."""
    entries = [
        {"location": "om/", "title": "Om", "text": ""},
        {"location": "om/#kilder", "title": "Kilder", "text": " "},
        {"location": "om/#tekster", "title": "Tekster", "text": "<p>Fem tekster.</p>"},
        {"location": "om/#forskning", "title": "Forskning", "text": "<p>.</p>"},
        {"location": "om/#kontakt", "title": "Kontakt", "text": "<p>Skriv.</p>"},
    ]
    assert with_text(entries, subheadings("om/", OUTLINE_TOC)) == [
        {"location": "om/", "title": "Om", "text": "<ul><li>Kilder</li><li>Kontakt</li></ul>"},
        {"location": "om/#kilder", "title": "Kilder", "text": "<ul><li>Tekster</li><li>Forskning &amp; data</li></ul>"},
        {"location": "om/#tekster", "title": "Tekster", "text": "<p>Fem tekster.</p>"},
        {"location": "om/#kontakt", "title": "Kontakt", "text": "<p>Skriv.</p>"},
    ]
    page_alone = [{"location": "tom/", "title": "Tom", "text": ""}]
    assert with_text(page_alone, {}) == page_alone


@pytest.mark.parametrize(("text", "expected"), [
    ("<p>Ord.</p>", True), ("<ul><li>112</li></ul>", True), ("", False), ("<p>.</p>", False), ("<p> · </p>", False),
])
def test_has_words_looks_past_markup_and_punctuation(text, expected):
    """Only letters and digits count as something to show."""
    assert has_words(text) is expected


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


def plain(text: str) -> str:
    """An entry's text without its markup, on one line."""
    return " ".join(re.sub(r"<[^>]+>", " ", text).split())


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_built_entry_has_words_to_show(built_site, language):
    """No result has an empty passage or one of punctuation alone."""
    empty = [entry["location"] for entry in built_index(built_site, language)["docs"] if not has_words(entry["text"])]
    assert empty == []


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_review_line_is_left_out_of_search(built_site, language):
    """"Last reviewed …" ends every page, so it would be the text of every last section; search leaves it out."""
    reviewed = localise(labels(), language)["last_reviewed"] + ": "
    assert not [entry["location"] for entry in built_index(built_site, language)["docs"] if reviewed in entry["text"]]


@pytest.mark.parametrize("language", ["da", "en"])
def test_each_glossary_term_is_an_entry_of_its_own(built_site, language):
    """A term's entry is its own anchor, with the term as its title and its definition as its only text;
    the glossary page's own entry holds no definition."""
    glossary = page_url("glossary/index.md", "da")
    entries = {entry["location"]: entry for entry in built_index(built_site, language)["docs"]}
    for term in localise(REAL_SITE.glossary, language):
        entry = entries.get(f"{glossary}#{term.id}")
        assert entry, f"no search entry for the glossary term {term.id!r}"
        assert entry["title"].startswith(plain_text(term.term)), entry["title"]
        assert plain(entry["text"]) == plain_text(term.definition)
        assert plain_text(term.definition) not in entries[glossary]["text"]


@pytest.mark.parametrize("language", ["da", "en"])
def test_only_pages_given_a_search_weight_carry_one(built_site, language):
    """Every entry of a page with a search_boost in peersite/pages/page_table.py has it, and no other entry has one."""
    boosts = {page_url(page.source, "da"): page.search_boost for page in PAGES if page.search_boost}
    assert boosts, "peersite/pages/page_table.py gives no page a search weight"
    for entry in built_index(built_site, language)["docs"]:
        assert entry.get("boost") == boosts.get(entry["location"].split("#")[0]), entry["location"]
