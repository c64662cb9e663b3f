"""The search, as a reader types it: their own language only, and Danish words found without æ, ø and å."""

import json
import re
from dataclasses import dataclass

import pytest
from playwright.sync_api import Page, expect

from browsing import foreign_requests, no_requests_to_other_hosts  # noqa: F401

# Words the content must contain; each is typed the ways a reader without Danish letters might.
SPELLINGS = [
    ("radgivning", "rådgivning"), ("raadgivning", "rådgivning"), ("hjaelp", "hjælp"),
    ("hab", "håb"), ("haab", "håb"),
    ("radgiver", "rådgiver"), ("raadgiver", "rådgiver"), ("aendring", "ændring"),
    ("stotte", "støtte"), ("stoette", "støtte"),
]
# An inflected form that occurs nowhere, and its stem, which does: only the stemmer can join them.
INFLECTIONS = [("håbet", "håb"), ("ændringer", "ændring")]


@dataclass
class Result:
    """One article or section in the search results."""

    href: str
    title: str
    marked: list[str]


def danish_words(site) -> set[str]:
    """Every word in the Danish search index, lower-cased."""
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    text = " ".join(f"{entry['title']} {entry['text']}" for entry in index["docs"])
    return set(re.findall(r"\w+", re.sub(r"<[^>]+>", " ", text).lower()))


def search(page: Page, query: str) -> list[Result]:
    """Type a query into the search field key by key and read the results once they stop changing."""
    field = page.locator("input.md-search__input")
    meta = page.locator(".md-search-result__meta")
    field.click()
    placeholder = meta.text_content()
    field.press_sequentially(query, delay=40)
    # Playwright inserts æ, ø and å without a key-up, on which Material searches: end with a key that has one.
    field.press("End")
    expect(meta).not_to_have_text(placeholder)
    shown = None
    # Material searches on every key-up: wait until the last query's results are the ones shown.
    for _ in range(20):
        page.wait_for_timeout(250)
        now = page.locator(".md-search-result__list").inner_html()
        if now == shown:
            break
        shown = now
    # Text content, not inner text: a page's further sections are folded away in a <details>.
    return [
        Result(link.get_attribute("href"), link.locator("h1, h2").first.text_content().strip(),
               [mark.lower() for mark in link.locator("mark").all_text_contents()])
        for link in page.locator("a.md-search-result__link").all()
    ]


def home(language: str) -> str:
    """The URL path of a language's home page."""
    return "" if language == "da" else f"{language}/"


@pytest.mark.parametrize("language", ["da", "en"])
def test_search_finds_pages_in_the_readers_language_only(page: Page, site_url, language):
    """'peer' occurs in both languages; a reader sees only the pages in the language they are reading."""
    page.goto(site_url + home(language) + "getting-started/")
    results = search(page, "peer")
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
def test_a_danish_word_is_found_however_its_letters_are_typed(page: Page, site_url, built_site, typed, written):
    """The word typed with a, aa, ae, o or oe is found, and the result highlights it as written."""
    assert written in danish_words(built_site), "choose a word the site contains"
    page.goto(site_url)
    results = search(page, typed)
    assert results, f"'{typed}' found nothing"
    marked = {word for result in results for word in result.marked}
    assert any(word.startswith(written) for word in marked), f"'{typed}' highlighted {marked}, not '{written}'"


@pytest.mark.parametrize(("inflected", "stem"), INFLECTIONS)
def test_an_inflected_form_finds_its_stem(page: Page, site_url, built_site, inflected, stem):
    """The Danish stemmer joins a form that occurs nowhere to its stem, which does."""
    words = danish_words(built_site)
    assert stem in words and not any(word.startswith(inflected) for word in words), "choose another word pair"
    page.goto(site_url)
    marked = {word for result in search(page, inflected) for word in result.marked}
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
