"""Material's language selector takes a reader to the same page in the other language, both ways, and to the same
section of it."""

import pytest
from playwright.sync_api import Page, expect

# Fixtures, found by pytest by name: the guard against other hosts applies to every test here.
from browsing import foreign_requests, no_requests_to_other_hosts, page_kinds  # noqa: F401
from conftest import REAL_SITE
from peersite.pages.page_table import FIND_SUPPORT, page_url

KINDS = ["home", "hand-written", "models index", "model", "evidence", "materials", "course", "glossary"]


def localised(path: str, language: str) -> str:
    """A Danish URL path in the given language."""
    return path if language == "da" else f"en/{path}"


def switch_language(page: Page, language: str) -> None:
    """Open the language selector with the pointer and choose a language."""
    page.locator(".md-header .md-select").hover()
    page.locator(f'.md-header a.md-select__link[hreflang="{language}"]').click()


@pytest.mark.parametrize("kind", KINDS)
def test_switcher_lands_on_the_counterpart_and_back(page: Page, site_url, page_kinds, kind):
    """Choosing the other language opens the same page in that language, not its home page, both ways."""
    path = page_kinds[kind]
    page.goto(site_url + path)
    for language in ("en", "da"):
        switch_language(page, language)
        expect(page).to_have_url(site_url + localised(path, language))
        expect(page.locator("html")).to_have_attribute("lang", language)
        expect(page.locator(".md-content h1")).to_be_visible()


def test_switcher_keeps_the_section_the_reader_went_to(page: Page, site_url):
    """A reader who chose their region on the find-support page finds it again in the other language."""
    region = REAL_SITE.find_support.regions[-1].region  # the last: below the top of the page, in both languages
    page.goto(f"{site_url}{page_url(FIND_SUPPORT, 'da')}#{region}")
    for language in ("en", "da"):
        switch_language(page, language)
        expect(page).to_have_url(f"{site_url}{page_url(FIND_SUPPORT, language)}#{region}")
        expect(page.locator(f"#{region}")).to_be_in_viewport()
