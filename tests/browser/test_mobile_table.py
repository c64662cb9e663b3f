"""The models comparison table on a 360 px wide phone: the page stays put, the table scrolls, no text is cut."""

import pytest
from playwright.sync_api import Page

# Fixtures, found by pytest by name: the guard against other hosts applies to every test here.
from browsing import foreign_requests, no_requests_to_other_hosts  # noqa: F401

PHONE = {"width": 360, "height": 740}
# How the page and the table lay out: widths of the page, the table's scroll box and the table, and
# every cell whose text is cut off (wider content than box, with overflow hidden or an ellipsis).
LAYOUT = """() => {
    const table = document.querySelector(".md-content table");
    const box = table.closest(".md-typeset__scrollwrap") || table.parentElement;
    const clipped = [...table.querySelectorAll("th, td")].filter(cell => {
        const style = getComputedStyle(cell);
        const hides = style.overflowX !== "visible" || style.textOverflow === "ellipsis";
        return hides && cell.scrollWidth > cell.clientWidth + 1;
    }).map(cell => cell.innerText.slice(0, 40));
    return {
        viewport: window.innerWidth,
        page: document.documentElement.scrollWidth,
        body: document.body.scrollWidth,
        boxRight: box.getBoundingClientRect().right,
        boxOverflow: getComputedStyle(box).overflowX,
        boxScrollable: box.scrollWidth > box.clientWidth,
        tableWidth: table.getBoundingClientRect().width,
        boxWidth: box.clientWidth,
        clipped,
    };
}"""


@pytest.mark.parametrize("path", ["models/", "en/models/"])
def test_models_table_is_readable_on_a_phone(page: Page, site_url, path):
    """No sideways scrolling of the page; the table fits or scrolls inside its own box; no cell is cut."""
    page.set_viewport_size(PHONE)
    page.goto(site_url + path)
    layout = page.evaluate(LAYOUT)
    assert layout["page"] <= layout["viewport"] and layout["body"] <= layout["viewport"], layout
    assert layout["boxRight"] <= layout["viewport"], layout
    if layout["tableWidth"] > layout["boxWidth"]:
        assert layout["boxOverflow"] in ("auto", "scroll") and layout["boxScrollable"], layout
    assert layout["clipped"] == [], layout


@pytest.mark.parametrize("path", ["models/", "en/models/"])
def test_models_table_scrolls_to_its_last_column(page: Page, site_url, path):
    """Scrolling the table's box brings its last column into view inside the phone's screen."""
    page.set_viewport_size(PHONE)
    page.goto(site_url + path)
    last_header = page.locator(".md-content table th").last
    last_header.scroll_into_view_if_needed()
    box = last_header.bounding_box()
    assert box is not None and 0 <= box["x"] and box["x"] + box["width"] <= PHONE["width"] + 1, box
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
