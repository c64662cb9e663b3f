"""Material's language selector takes a reader to the same page in the other language, both ways."""

import pytest
from playwright.sync_api import Page, expect

# Fixtures, found by pytest by name: the guard against other hosts applies to every test here.
from browsing import foreign_requests, no_requests_to_other_hosts, page_kinds  # noqa: F401

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
