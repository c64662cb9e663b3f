"""Every built page, Danish and English, 404 included, in one visit each: axe-core finds no WCAG 2.1 A or AA
violation, and the page loads everything from the local server, all of it there. (What a page of each kind must
do on a phone and on paper: test_mobile_table.py, test_publisher_footer.py, test_print.py.)"""

import pytest
from playwright.sync_api import Page

# Fixtures, found by pytest by name: the guard against other hosts applies to every test here.
from browsing import AXE, all_pages, foreign_requests, language_of, no_requests_to_other_hosts, report, violations  # noqa: F401

ABORTED = "net::ERR_ABORTED"


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_page_passes_axe_and_loads_only_local_files_that_exist(page: Page, site_url, all_pages, foreign_requests, language):
    pages = [path for path in all_pages if language_of(path) == language]
    assert pages, f"no {language} pages built"
    failed = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    # Leaving a page cancels what it still fetches (net::ERR_ABORTED): that is not a failure.
    page.on("requestfailed", lambda r: failed.append(f"{r.failure} {r.url}") if r.failure != ABORTED else None)
    # Read with each page, axe-core is ready sooner than put in after it has loaded: a second less every ten pages.
    page.context.add_init_script(path=str(AXE))
    found = {}
    for number, path in enumerate(pages):
        # What a page fetches after it has loaded (the search index, in a worker) is the same for every page of a
        # language: wait for it on the first page, keep the rest of the run quick.
        page.goto(site_url + path, wait_until="networkidle" if number == 0 else "load")
        if page_violations := violations(page):
            found[path] = page_violations
    assert not found, "axe-core violations:\n" + report(found)
    assert not foreign_requests, "requests to other hosts:\n" + "\n".join(sorted(set(foreign_requests)))
    assert not failed, "failed requests:\n" + "\n".join(sorted(set(failed)))
