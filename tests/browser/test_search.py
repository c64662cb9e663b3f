"""The search, as a reader types it: their own language only, Danish words found without æ, ø and å, the
find-support page first for the words of someone who needs help, and every result a short passage."""

import json
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from browsing import foreign_requests, no_requests_to_other_hosts, settled_search_results, shared_pages  # noqa: F401
from conftest import REAL_SITE
from peersite.pages.markup import plain_text
from peersite.pages.page_table import PAGES, page_url
from peersite.pages.render import localise

# Words the content must contain; each is typed the ways a reader without Danish letters might, or pasted.
SPELLINGS = [
    ("radgivning", "rådgivning"), ("raadgivning", "rådgivning"), ("hjaelp", "hjælp"),
    ("hab", "håb"), ("haab", "håb"),
    ("radgiver", "rådgiver"), ("raadgiver", "rådgiver"), ("aendring", "ændring"),
    ("stotte", "støtte"), ("stoette", "støtte"),
    ("ra\u030adgivning", "rådgivning"),  # å as a and a combining ring, as pasted text may have it
]
# An inflected form that occurs nowhere, and its stem, which does: only the stemmer can join them.
INFLECTIONS = [("håbet", "håb"), ("ændringer", "ændring")]
# What a reader who needs help now types; the find-support page, or a section of it, must come first.
HELP_WORDS = {
    "da": ["krise", "akut", "112", "selvmord", "hjælp nu", "pårørende"],
    "en": ["crisis", "emergency", "suicide", "help now", "relatives", "112"],
}
FIND_SUPPORT = next(page for page in PAGES if page.texts == "find_support")
# Words with many results of every kind.
COMMON_WORDS = ["peer", "recovery", "model", "QPR"]
PHONE = {"width": 390, "height": 844}


@dataclass
class Result:
    """One article or section in the search results."""

    href: str
    title: str
    marked: list[str]
    is_page: bool = False  # the page's own entry (its title is the result's heading), not one of its sections
    passage: str | None = None  # the text shown under the title, if any
    lines: float = 0  # how many lines the passage takes up, if shown
    group: int = 0  # results of the same page share a group
    shown: bool = True  # not folded away with the page's further sections


# Every result link, read in one go once the results stand still.
READ_RESULTS = """list => [...list.querySelectorAll(".md-search-result__item")].flatMap((item, group) =>
    [...item.querySelectorAll("a.md-search-result__link")].map(link => {
        const passage = link.querySelector(".search-passage")
        const box = passage && passage.getBoundingClientRect()
        return {
            href: link.href, title: link.querySelector("h1, h2").textContent.trim(),
            marked: [...link.querySelectorAll("mark")].map(mark => mark.textContent.toLowerCase()),
            is_page: !!link.querySelector("h1"), passage: passage && passage.textContent.trim(),
            lines: box && box.height ? box.height / parseFloat(getComputedStyle(passage).lineHeight) : 0,
            group, shown: link.checkVisibility(),
        }
    }))"""


def danish_words(site) -> set[str]:
    """Every word in the Danish search index, lower-cased."""
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    text = " ".join(f"{entry['title']} {entry['text']}" for entry in index["docs"])
    return set(re.findall(r"\w+", re.sub(r"<[^>]+>", " ", text).lower()))


# What the line above the results says while the field is empty and the search is ready.
PLACEHOLDER = "() => JSON.parse(document.querySelector('#__config').textContent).translations['search.result.placeholder']"


def search(page: Page, query: str) -> list[Result]:
    """Put a query into the search field and read its results, once they are shown. The field is emptied first and the
    line above the results awaited with its placeholder: a page shared by several tests (browsing.SharedPages) still
    shows the last query's results, and a query whose count reads the same would seem shown before it is."""
    field = page.locator("input.md-search__input")
    meta = page.locator(".md-search-result__meta")
    opener = page.locator("label.md-header__button[for=__search]")
    if not page.locator("#__search").is_checked() and opener.is_visible():  # on a phone, the search opens from a button
        opener.click()
    field.click()
    placeholder = page.evaluate(PLACEHOLDER)
    field.fill("")
    field.press("End")
    expect(meta).to_have_text(placeholder)  # ready (until then the line says the search is starting), and empty
    field.fill(query)
    # Material searches on a key-up, for a query it did not search for last: one key-up, one search, and the first
    # results shown are the query's (typing key by key shows a list for every letter: test_keyboard.py).
    field.press("End")
    expect(meta).not_to_have_text(placeholder)
    settled_search_results(page)  # the first results are shown a frame after the count, more as they come into view
    # Text content, not inner text: a page's further sections are folded away in a <details>.
    return [Result(**result) for result in page.locator(".md-search-result__list").evaluate(READ_RESULTS)]


def home(language: str) -> str:
    """The URL path of a language's home page."""
    return "" if language == "da" else f"{language}/"


@pytest.mark.parametrize("language", ["da", "en"])
def test_search_finds_pages_in_the_readers_language_only(shared_pages, site_url, language):
    """'peer' occurs in both languages; a reader sees only the pages in the language they are reading."""
    results = search(shared_pages.at(site_url + home(language) + "getting-started/"), "peer")
    assert results, "no results for 'peer'"
    english = [r.href for r in results if r.href.startswith(site_url + "en/")]
    assert english == ([r.href for r in results] if language == "en" else [])


@pytest.mark.parametrize("language", ["da", "en"])
def test_each_reader_downloads_only_their_languages_index(page: Page, site_url, language):
    """A Danish page fetches the Danish index, an English page the English one, and nothing else."""
    indexes = []
    page.on("request", lambda request: indexes.append(request.url) if "search_index" in request.url else None)
    page.goto(site_url + home(language))
    search(page, "peer")
    assert indexes == [site_url + home(language) + "search/search_index.json"]


@pytest.mark.parametrize(("typed", "written"), SPELLINGS)
def test_a_danish_word_is_found_however_its_letters_are_typed(shared_pages, site_url, built_site, typed, written):
    """The word typed with a, aa, ae, o or oe is found, and the result highlights it as written."""
    assert written in danish_words(built_site), "choose a word the site contains"
    results = search(shared_pages.at(site_url), typed)
    assert results, f"'{typed}' found nothing"
    marked = {word for result in results for word in result.marked}
    assert any(word.startswith(written) for word in marked), f"'{typed}' highlighted {marked}, not '{written}'"


@pytest.mark.parametrize(("inflected", "stem"), INFLECTIONS)
def test_an_inflected_form_finds_its_stem(shared_pages, site_url, built_site, inflected, stem):
    """The Danish stemmer joins a form that occurs nowhere to its stem, which does."""
    words = danish_words(built_site)
    assert stem in words and not any(word.startswith(inflected) for word in words), "choose another word pair"
    marked = {word for result in search(shared_pages.at(site_url), inflected) for word in result.marked}
    assert any(word.startswith(stem) for word in marked), f"'{inflected}' highlighted {marked}, not '{stem}'"


def test_the_opened_result_highlights_the_word_as_written(page: Page, site_url):
    """Following a result for 'haab' highlights 'håb' on the page it opens."""
    page.goto(site_url)
    search(page, "haab")
    page.locator("a.md-search-result__link").first.click()
    expect(page.locator("mark[data-md-highlight]").first).to_have_text(re.compile("^håb", re.IGNORECASE))


@pytest.mark.parametrize("language", ["da", "en"])
def test_results_show_titles_in_the_readers_language(page: Page, site_url, language):
    """Each result's title is a heading of the page it links to, and that page is in the reader's language."""
    page.goto(site_url + home(language))
    results = search(page, "peer")[:6]
    assert results
    target = page.context.new_page()
    for result in results:
        target.goto(result.href)
        expect(target.locator("html")).to_have_attribute("lang", language)
        headings = target.locator(".md-content :is(h1, h2, h3, h4, h5, h6)").all_inner_texts()
        headings = [heading.replace("¶", "").strip() for heading in headings]
        assert result.title in headings, f"'{result.title}' is not a heading of {result.href}"


def address(href: str) -> str:
    """A result's address without the words to highlight or the section."""
    return urlsplit(href)._replace(query="", fragment="").geturl()


@pytest.mark.parametrize(("language", "query"), [(language, query) for language in HELP_WORDS
                                                 for query in HELP_WORDS[language]])
def test_words_for_help_put_the_find_support_page_first(shared_pages, site_url, language, query):
    """"krise", "112", "help now" …: the first result is the find-support page, or one of its sections, in the
    reader's language; digits are words like any other."""
    results = search(shared_pages.at(site_url + home(language), PHONE), query)
    assert results, f"{query!r} found nothing"
    assert address(results[0].href) == site_url + page_url(FIND_SUPPORT.source, language), (
        f"{query!r} first found {results[0].href} ({results[0].title})"
    )


@pytest.mark.parametrize(("language", "query"), [(language, query) for language in HELP_WORDS
                                                 for query in HELP_WORDS[language] + COMMON_WORDS])
def test_every_result_shows_words_in_three_lines_at_most(shared_pages, site_url, language, query):
    """On a phone, each result shows a passage with words in it, three lines at most; only a page's own
    title stands without one, as the heading of its sections below it."""
    results = search(shared_pages.at(site_url + home(language), PHONE), query)
    assert results, f"{query!r} found nothing"
    for result in results:
        if result.passage is None:
            sections = [other for other in results if other.group == result.group and not other.is_page and other.shown]
            assert result.is_page and sections, f"{result.href} ({result.title}) shows no text"
        else:
            assert re.search(r"\w", result.passage), f"{result.href} shows only {result.passage!r}"
            assert not result.shown or result.lines <= 3.5, f"{result.href} takes {result.lines:.1f} lines"


@pytest.mark.parametrize("language", ["da", "en"])
def test_a_glossary_term_finds_its_own_entry(shared_pages, site_url, language):
    """Typing a term of the glossary finds the term's own section, with a passage of its definition (the start, or
    where the definition names the term again)."""
    words = [term for term in localise(REAL_SITE.glossary, language) if not term.abbr and " " not in plain_text(term.term)]
    term = min(words, key=lambda term: term.id)
    results = search(shared_pages.at(site_url + home(language)), plain_text(term.term))
    glossary = site_url + page_url("glossary/index.md", language) + f"#{term.id}"
    own = [result for result in results if urlsplit(result.href)._replace(query="").geturl() == glossary]
    assert own, f"no result for {term.term!r} leads to {glossary}"
    assert own[0].title == plain_text(term.term)
    passage = " ".join(own[0].passage.strip(" …").split()[:4])
    assert passage and passage in " ".join(plain_text(term.definition).split()), own[0].passage
