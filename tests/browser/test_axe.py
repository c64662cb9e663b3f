"""axe-core finds no WCAG 2.1 A or AA violation on any built page, Danish or English."""

import pytest
from playwright.sync_api import Page

# Fixtures, found by pytest by name: the guard against other hosts applies to every test here.
from browsing import all_pages, foreign_requests, language_of, no_requests_to_other_hosts, report, violations  # noqa: F401


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_page_has_no_wcag_violations(page: Page, site_url, all_pages, language):
    """Every built page of one language, 404 included, passes axe-core's WCAG 2.1 AA rules."""
    pages = [path for path in all_pages if language_of(path) == language]
    assert pages, f"no {language} pages built"
    found = {}
    for path in pages:
        page.goto(site_url + path)
        if page_violations := violations(page):
            found[path] = page_violations
    assert not found, "axe-core violations:\n" + report(found)


@pytest.mark.parametrize("path", ["models/", "en/models/"])
def test_models_table_on_a_phone_has_no_wcag_violations(page: Page, site_url, path):
    """At 360 px the models table scrolls in its own box: that box, too, passes axe-core."""
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site_url + path)
    found = violations(page)
    assert not found, "axe-core violations:\n" + report({path: found})
