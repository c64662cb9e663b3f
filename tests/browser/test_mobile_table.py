"""Phones: at 390 px (and 360 px) no page of any kind scrolls sideways, every table shows all of itself (a table of
three columns or more becomes one card per row, each value under its column's header), and table text
is at least 14 px. Prints each page's width and how much of its tables is visible."""

import pytest
from playwright.sync_api import Page

# Fixtures, found by pytest by name: the guard against other hosts applies to every test here.
from browsing import each_kind, foreign_requests, language_of, no_requests_to_other_hosts, shared_pages  # noqa: F401
from conftest import REAL_SITE

PHONE = {"width": 390, "height": 844}
SMALL_PHONE = {"width": 360, "height": 740}
MIN_TEXT_PX = 14
# The page's width, and for each table how much of its width is inside both its scroll box and the
# screen, its smallest text, and its cells whose text is cut off.
LAYOUT = """() => {
    const width = window.innerWidth;
    const tables = [...document.querySelectorAll(".md-content table")].map(table => {
        const box = table.closest(".md-typeset__scrollwrap") || table.parentElement;
        const own = table.getBoundingClientRect(), held = box.getBoundingClientRect();
        const seen = Math.min(own.right, held.right, width) - Math.max(own.left, held.left, 0);
        const cells = [...table.querySelectorAll("th, td")].filter(cell => cell.offsetParent !== null);
        const sizes = cells.filter(cell => cell.innerText.trim()).map(cell => parseFloat(getComputedStyle(cell).fontSize));
        const clipped = cells.filter(cell => {
            const style = getComputedStyle(cell);
            const hides = style.overflowX !== "visible" || style.textOverflow === "ellipsis";
            return hides && cell.scrollWidth > cell.clientWidth + 1;
        }).map(cell => cell.innerText.slice(0, 40));
        return {
            caption: (table.caption || table.querySelector("th") || {}).innerText || "",
            visible: Math.max(0, seen) / table.scrollWidth,
            smallest: Math.min(...sizes),
            clipped,
        };
    });
    return {width, page: document.documentElement.scrollWidth, body: document.body.scrollWidth, tables};
}"""


def layout(page: Page, url: str) -> dict:
    """The measures of LAYOUT for one page."""
    page.goto(url)
    return page.evaluate(LAYOUT)


@pytest.mark.parametrize("language", ["da", "en"])
def test_no_page_scrolls_sideways_and_every_table_shows_itself_on_a_phone(page: Page, site_url, each_kind, language):
    """A page of each kind (browsing.pages_of_each_kind): each lays out its template's tables and texts. On a page of
    the test's own, taken from each to the next: no other test reads them again, and opening a shared page for each
    costs more (browsing.SharedPages)."""
    page.set_viewport_size(PHONE)
    problems, report = [], []
    for path in [p for p in each_kind if language_of(p) == language]:
        measured = layout(page, site_url + path)
        widest = max([measured["page"], measured["body"]])
        report.append(f"{path or '/'}: page {widest} px" + "".join(
            f"; table {t['caption'][:30]!r} {t['visible']:.0%} visible, text ≥ {t['smallest']:.1f} px" for t in measured["tables"]))
        if widest > measured["width"]:
            problems.append(f"{path or '/'}: the page is {widest} px wide on a {measured['width']} px screen")
        for table in measured["tables"]:
            if table["visible"] < 0.99:
                problems.append(f"{path or '/'}: table {table['caption'][:40]!r} shows {table['visible']:.0%} of itself")
            if table["smallest"] < MIN_TEXT_PX:
                problems.append(f"{path or '/'}: table {table['caption'][:40]!r} has {table['smallest']} px text")
            if table["clipped"]:
                problems.append(f"{path or '/'}: cut-off cells {table['clipped']}")
    print("\n" + "\n".join(report))
    assert problems == []


@pytest.mark.parametrize("path", ["models/", "en/models/"])
@pytest.mark.parametrize("viewport", [SMALL_PHONE, PHONE], ids=["360", "390"])
def test_comparison_becomes_cards_with_each_value_under_its_model(shared_pages, site_url, path, viewport):
    """Each point is a card; each model's value in it is headed by the model's name."""
    page = shared_pages.at(site_url + path, viewport)
    cards = page.evaluate("""() => [...document.querySelectorAll(".comparison tbody tr")].map(row => ({
        point: row.querySelector("th").getBoundingClientRect().width,
        width: row.getBoundingClientRect().width,
        labels: [...row.querySelectorAll("td")].map(cell => getComputedStyle(cell, "::before").content),
    }))""")
    names = page.evaluate("""() => [...document.querySelectorAll(".comparison thead th[data-model]")]
        .map(header => JSON.stringify(header.innerText.trim()))""")
    assert len(cards) >= 10 and len(names) == len(REAL_SITE.models)
    for card in cards:
        assert card["width"] <= viewport["width"] and card["point"] >= card["width"] - 2, card
        assert card["labels"] == names, card["labels"]


def test_evidence_map_scrolls_with_the_models_held_in_view_on_a_screen(page: Page, site_url):
    """On a laptop the map is wider than the page: it scrolls in its box, says so, and keeps the first column."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site_url + "evidence-map/")
    assert page.locator(".scroll-cue").is_visible()
    box = page.locator(".evidence-map .md-typeset__scrollwrap")
    first = page.locator(".evidence-map tbody th").first
    before = first.bounding_box()
    box.evaluate("box => box.scrollLeft = box.scrollWidth")
    assert box.evaluate("box => box.scrollLeft") > 200
    after, held = first.bounding_box(), box.bounding_box()
    assert held["x"] - 1 <= after["x"] <= before["x"] and after["width"] == before["width"], (before, after, held)
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
