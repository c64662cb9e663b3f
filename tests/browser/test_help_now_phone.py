"""Help now on a 390 px phone, in both languages: from any page (the home page, a model, a source, the 404 page),
one tap on the header's link brings the crisis box into view; every number is a tel: or sms: link at least
44 × 44 px, whose name holds the number as it is written; the header keeps every button in reach and cuts no text
short (on a phone it leaves the site's name to the menu); axe finds nothing on the pages that carry the numbers.
Expectations come from content/data.yml."""

import pytest
from playwright.sync_api import Page, expect

from conftest import REAL_SITE
from peersite import url_prefix
from peersite.pages.page_table import help_now_url
from peersite.pages.render import labels, localise

# Fixtures, found by pytest by name: the guard against other hosts applies to every test here.
from browsing import first_record_page, foreign_requests, no_requests_to_other_hosts, report, shared_pages, violations  # noqa: F401

PHONE = {"width": 390, "height": 844}
# The narrowest screen whose header shows the site's name (site.css, "Help now").
NAMED = {"width": 720, "height": 1024}
MIN_TARGET_PX = 44
SCHEMES = {"phone": "tel", "sms": "sms"}
# Every tel: and sms: link on the page with the size of its box, and the header's buttons with theirs.
TARGETS = """() => [...document.querySelectorAll('a[href^="tel:"], a[href^="sms:"]')].map(link => {
    const box = link.getBoundingClientRect();
    return {href: link.getAttribute("href"), text: link.innerText, width: box.width, height: box.height};
})"""
HEADER = """() => {
    const parts = {
        menu: 'label.md-header__button[for="__drawer"]',
        title: ".md-header__title",
        help: ".help-now-link",
        language: ".md-header .md-select",
        search: 'label.md-header__button[for="__search"]',
    };
    const boxes = {};
    for (const [name, selector] of Object.entries(parts)) {
        const element = document.querySelector(selector);
        const box = element && element.getBoundingClientRect();
        boxes[name] = box && box.width > 0 ? {left: box.left, right: box.right, top: box.top, bottom: box.bottom} : null;
    }
    const cut = [...document.querySelectorAll(".md-header__title .md-ellipsis")]
        .filter(text => text.getClientRects().length && text.scrollWidth > text.clientWidth).map(text => text.textContent.trim());
    return {boxes, cut, width: window.innerWidth, page: document.documentElement.scrollWidth};
}"""


def start_pages(built_site, language: str) -> dict[str, str]:
    """The pages a reader might be on when they need help, by kind, as URL paths."""
    prefix = url_prefix(language)
    return {
        "home": prefix,
        "model": prefix + first_record_page(built_site, "models"),
        "source": prefix + first_record_page(built_site, "evidence"),
        "404": prefix + "404.html",
    }


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("start", ["home", "model", "source", "404"])
def test_one_tap_on_the_header_link_brings_the_crisis_box_into_view(page: Page, site_url, built_site, language, start):
    page.set_viewport_size(PHONE)
    page.goto(site_url + start_pages(built_site, language)[start])
    page.mouse.wheel(0, 1200)  # a reader part-way down the page: the header and its link stay in reach
    link = page.locator("header .help-now-link")
    expect(link).to_be_visible()
    expect(link).to_have_text(localise(labels()["help_now_link"], language))
    box = link.bounding_box()
    assert box["width"] >= MIN_TARGET_PX and box["height"] >= MIN_TARGET_PX, box
    link.click()
    page.wait_for_url(f"{site_url}{help_now_url(language)}")
    crisis = page.locator("#help-now")
    expect(crisis).to_be_in_viewport()
    title = page.locator("#help-now h2")
    header = page.locator("header.md-header").bounding_box()
    assert title.bounding_box()["y"] >= header["y"] + header["height"] - 1, "the sticky header covers the crisis box's title"
    for number in REAL_SITE.find_support.crisis.numbers:
        expect(crisis.locator(f'a[href="tel:{number.number.tel}"]')).to_be_visible()


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("path", ["", "find-support/", "models/", "404.html"])
@pytest.mark.parametrize("screen", [PHONE, NAMED], ids=["phone", "narrowest with the name"])
def test_the_header_keeps_every_button_in_reach_and_cuts_no_text_short(shared_pages, site_url, language, path, screen):
    measured = shared_pages.at(site_url + url_prefix(language) + path, screen).evaluate(HEADER)
    boxes = measured["boxes"]
    assert measured["cut"] == [], f"cut short in the header: {measured['cut']}"
    named = screen is NAMED
    assert bool(boxes["title"]) == named, f"the site's name is {'missing from' if named else 'in'} the header: {boxes}"
    order = [part for part in ("menu", "title", "help", "language", "search") if part != "title" or named]
    assert all(boxes[part] for part in order), f"missing from the header: {[part for part in order if not boxes[part]]}"
    assert measured["page"] <= measured["width"], f"the page is {measured['page']} px wide"
    for left, right in zip(order, order[1:]):
        assert boxes[left]["right"] <= boxes[right]["left"] + 0.5, f"{left} overlaps {right}: {boxes}"
    assert boxes["search"]["right"] <= measured["width"]


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_number_is_a_tel_or_sms_link_big_enough_to_tap_and_named_as_it_is_written(shared_pages, site_url, language):
    words = localise(labels(), language)
    support = REAL_SITE.find_support
    expected = [*support.crisis.numbers, *(n for help in support.regions for n in help.numbers),
                *(n for offer in support.offers for n in offer.numbers)]
    for path in ("", "find-support/"):
        page = shared_pages.at(site_url + url_prefix(language) + path, PHONE)
        targets = page.evaluate(TARGETS)
        assert targets, f"no tel: or sms: links on /{url_prefix(language)}{path}"
        small = [t for t in targets if t["width"] < MIN_TARGET_PX or t["height"] < MIN_TARGET_PX]
        assert small == [], f"links smaller than {MIN_TARGET_PX} × {MIN_TARGET_PX} px"
    for number in expected:
        name = f"{words['number_kinds'][number.kind]} {localise(number.name, language)}: {number.number}"
        link = page.get_by_role("link", name=name, exact=True)
        expect(link.first).to_have_attribute("href", f"{SCHEMES[number.kind]}:{number.number.tel}")
        expect(link.first).to_have_text(str(number.number))


@pytest.mark.parametrize("path", ["", "find-support/", "en/", "en/find-support/"])
def test_the_pages_with_numbers_have_no_wcag_violations_on_a_phone(page: Page, site_url, path):
    page.set_viewport_size(PHONE)
    page.goto(site_url + path)
    found = violations(page)
    assert not found, "axe-core violations:\n" + report({path: found})
