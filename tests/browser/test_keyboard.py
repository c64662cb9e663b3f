"""Keyboard only: Tab reaches the search and the language selector, keys use them, and focus shows."""

import pytest
from playwright.sync_api import Page, expect

# Fixtures, found by pytest by name: the guard against other hosts applies to every test here.
from browsing import foreign_requests, no_requests_to_other_hosts, page_kinds  # noqa: F401

# More Tab presses than any page needs to go from the top to its footer.
MAX_TABS = 150
WIDTHS = {"desktop": 1280, "phone": 360}
LANGUAGE_LINK = '.md-header a.md-select__link[hreflang="{}"]'
SEARCH_INPUT = ".md-search__input"
# Resolves once the search results have stopped changing for half a second: typing "peer" asks for "p", "pe", "pee"
# and "peer" in turn, and a late list for "peer" replaces (and unfocuses) an earlier one a reader would not yet use.
RESULTS_SETTLED = """() => new Promise(resolve => {
    let quiet = setTimeout(resolve, 500);
    new MutationObserver(() => { clearTimeout(quiet); quiet = setTimeout(resolve, 500); })
        .observe(document.querySelector(".md-search-result"), {childList: true, subtree: true});
})"""
# What a focus indicator is drawn with; Material and site.css change these, never the layout.
FOCUS_STYLE = """element => {
    const style = getComputedStyle(element);
    return [style.outlineStyle, style.outlineWidth, style.outlineColor, style.boxShadow].join(" ");
}"""
# Where a focused element sits, and what it is: "header: a.md-select__link Dansk".
DESCRIBE = """element => {
    const region = element.closest(".md-header") ? "header" : element.closest(".md-sidebar") ? "navigation"
        : element.closest(".md-content") ? "content" : element.closest(".md-footer") ? "footer" : "page";
    const name = (element.innerText || element.getAttribute("aria-label") || "").trim().slice(0, 40);
    return `${region}: ${element.tagName.toLowerCase()}.${element.classList[0] || ""} ${name}`;
}"""


def tab_to(page: Page, selector: str) -> None:
    """Press Tab until the focused element matches selector, failing if it never does."""
    page.wait_for_load_state()
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("selector => document.activeElement?.matches(selector)", selector):
            return
    pytest.fail(f"Tab never reached {selector}")


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_language_selector_by_keyboard(page: Page, site_url, page_kinds, width):
    """Tab to the other language in the selector, Enter: the counterpart page opens, and back again."""
    page.set_viewport_size({"width": width, "height": 800})
    path = page_kinds["model"]
    page.goto(site_url + path)
    for language, expected in (("en", f"en/{path}"), ("da", path)):
        tab_to(page, LANGUAGE_LINK.format(language))
        expect(page.locator(LANGUAGE_LINK.format(language))).to_be_visible()
        page.keyboard.press("Enter")
        expect(page).to_have_url(site_url + expected)
        expect(page.locator("html")).to_have_attribute("lang", language)


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("home", ["", "en/"], ids=["da", "en"])
def test_search_by_keyboard(page: Page, site_url, width, home):
    """Tab to the search, type, arrow down to a result, Enter: that page opens."""
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + home)
    tab_to(page, SEARCH_INPUT)
    expect(page.locator(SEARCH_INPUT)).to_be_visible()
    page.keyboard.type("peer")
    first_result = page.locator(".md-search-result__item .md-search-result__link").first
    expect(first_result).to_be_visible()
    page.evaluate(RESULTS_SETTLED)
    target = first_result.evaluate("link => link.href")
    page.keyboard.press("ArrowDown")
    expect(first_result).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(target)
    expect(page.locator(".md-content h1")).to_be_visible()
    assert target.startswith(site_url + home)


def test_focus_is_visible_at_every_tab_stop(page: Page, site_url):
    """Each element Tab reaches, header to footer, is drawn differently while focused."""
    page.goto(site_url + "models/")
    stops = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        element = page.evaluate_handle("document.activeElement")
        stops.append((element.evaluate(DESCRIBE), element, element.evaluate(FOCUS_STYLE)))
        if element.evaluate("e => e.matches('footer .site-statements a:last-child')"):
            break
    page.evaluate("document.activeElement.blur()")
    unchanged = [where for where, element, focused in stops if element.evaluate(FOCUS_STYLE) == focused]
    assert unchanged == [], "these show no focus indicator"
    reached = " ".join(where for where, _, _ in stops)
    for landmark in ("header: a.md-select__link", "header: input.md-search__input", "navigation: a", "content: a", "footer: a"):
        assert landmark in reached, f"Tab never reached {landmark}"
