"""In the browser, a page of each kind in both languages shows at its foot who stands behind the site, or that
nobody is named yet (the footer is the theme's, the same on every page of a kind): visible, at 14 px or more, on a phone without sideways scrolling, and the page "Om hjemmesiden"
passes axe-core either way."""

import pytest
from playwright.sync_api import Page

from conftest import REAL_DATA
from peersite.pages.render import labels, localise
# Fixtures, found by pytest by name: the guard against other hosts applies to every test here.
from browsing import each_kind, is_local, language_of, no_requests_to_other_hosts, report, violations  # noqa: F401
from publishing import published_site, published_url  # noqa: F401

PHONE = {"width": 390, "height": 844}
MIN_TEXT_PX = 14
# The publisher's part of the footer, brought into view: whether it shows, its words, its text size, and
# whether the page scrolls sideways.
SEEN = """() => {
    const shown = document.querySelector(".md-footer .site-publisher");
    if (!shown) return null;
    shown.scrollIntoView();
    const box = shown.getBoundingClientRect();
    return {
        text: shown.innerText.replace(/\\s+/g, " ").trim(),
        visible: box.width > 0 && box.height > 0 && getComputedStyle(shown).visibility === "visible",
        inView: box.top >= 0 && box.bottom <= window.innerHeight,
        size: parseFloat(getComputedStyle(shown).fontSize),
        sideways: document.documentElement.scrollWidth > window.innerWidth,
    };
}"""


@pytest.fixture
def foreign_requests(request) -> list[str]:
    """URLs the browser asked any host for but the two local servers: the site as it is, and with a publisher."""
    requested: list[str] = []
    if "page" in request.fixturenames:
        servers = [request.getfixturevalue(name) for name in ("site_url", "published_url") if name in request.fixturenames]
        request.getfixturevalue("context").on(
            "request", lambda r: requested.append(r.url) if not any(is_local(r.url, url) for url in servers) else None)
    return requested


def publisher_is_set() -> bool:
    """Whether the real data names a publisher (then the real site shows it, not the notice)."""
    section = REAL_DATA["publisher"]
    named = all(section.get(name) is not None for name in ("name", "responsible_editor", "funding", "advertising"))
    return named and (section.get("email") is not None or section.get("postal_address") is not None)


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_kind_of_page_shows_the_publisher_or_that_it_is_not_set(page: Page, site_url, each_kind, language):
    words = localise(labels(), language)
    expected = words["publisher_name"] if publisher_is_set() else words["publisher_not_set"]
    page.set_viewport_size(PHONE)
    paths = [path for path in each_kind if language_of(path) == language]
    assert paths
    wrong = {}
    for path in paths:
        page.goto(site_url + path)
        seen = page.evaluate(SEEN)
        if not seen or not (seen["visible"] and seen["inView"] and expected in seen["text"]
                            and seen["size"] >= MIN_TEXT_PX and not seen["sideways"]):
            wrong[path or "/"] = seen
    assert not wrong, wrong


@pytest.mark.parametrize("path", ["about/", "en/about/"])
def test_the_about_page_passes_axe_without_a_publisher_and_with_one(page: Page, site_url, published_url, path):
    found = {}
    for base in (site_url, published_url):
        page.goto(base + path)
        if page_violations := violations(page):
            found[base + path] = page_violations
    assert not found, "axe-core violations:\n" + report(found)


@pytest.mark.parametrize("path", ["", "en/models/"])
def test_a_filled_in_publisher_shows_in_the_footer_with_a_link_to_write(page: Page, published_url, path):
    page.set_viewport_size(PHONE)
    page.goto(published_url + path)
    seen = page.evaluate(SEEN)
    words = localise(labels(), language_of(path))
    assert seen["visible"] and seen["size"] >= MIN_TEXT_PX and not seen["sideways"]
    assert words["publisher_name"] in seen["text"] and words["publisher_not_set"] not in seen["text"]
    assert page.locator(".site-publisher a[href='mailto:redaktion@example.org']").is_visible()
    assert violations(page) == []
