"""axe-core on the models table at a phone's width (every page at a desktop's: test_every_page.py)."""

import pytest
from playwright.sync_api import Page

# Fixtures, found by pytest by name: the guard against other hosts applies to every test here.
from browsing import foreign_requests, no_requests_to_other_hosts, report, violations  # noqa: F401


@pytest.mark.parametrize("path", ["models/", "en/models/"])
def test_models_table_on_a_phone_has_no_wcag_violations(page: Page, site_url, path):
    """At 360 px the models table scrolls in its own box: that box, too, passes axe-core."""
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site_url + path)
    found = violations(page)
    assert not found, "axe-core violations:\n" + report({path: found})
