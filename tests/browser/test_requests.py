"""Every page loads everything from the local server, and everything it asks for is there."""

from playwright.sync_api import Page

# Fixtures, found by pytest by name: the guard against other hosts applies to every test here.
from browsing import all_pages, foreign_requests, language_of, no_requests_to_other_hosts  # noqa: F401

ABORTED = "net::ERR_ABORTED"


def test_every_page_loads_only_local_files_that_exist(page: Page, site_url, all_pages, foreign_requests):
    """No page of either language requests another host, or a stylesheet, script or index that is missing."""
    failed = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    # Leaving a page cancels what it still fetches (net::ERR_ABORTED): that is not a failure.
    page.on("requestfailed", lambda r: failed.append(f"{r.failure} {r.url}") if r.failure != ABORTED else None)
    languages_seen = set()
    for path in all_pages:
        # What a page fetches after it has loaded (the search index, in a worker) is the same for
        # every page of a language: wait for it once per language, keep the rest of the run quick.
        first_of_language = language_of(path) not in languages_seen
        languages_seen.add(language_of(path))
        page.goto(site_url + path, wait_until="networkidle" if first_of_language else "load")
    assert languages_seen == {"da", "en"}
    assert not foreign_requests, "requests to other hosts:\n" + "\n".join(sorted(set(foreign_requests)))
    assert not failed, "failed requests:\n" + "\n".join(sorted(set(failed)))
