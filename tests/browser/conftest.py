"""Browser-test helpers: every built page, the page kinds a reader meets, and a guard on other hosts."""

from urllib.parse import urlsplit

import pytest

from built_pages import first_record_page, page_paths

# Schemes that never leave the browser.
LOCAL_SCHEMES = {"data", "blob", "about"}


@pytest.fixture(scope="session")
def all_pages(built_site) -> list[str]:
    """Every built page, both languages."""
    return page_paths(built_site)


@pytest.fixture(scope="session")
def page_kinds(built_site) -> dict[str, str]:
    """One Danish URL path for each kind of page a reader meets."""
    return {
        "home": "",
        "hand-written": "getting-started/",
        "models index": "models/",
        "model": first_record_page(built_site, "models"),
        "evidence": first_record_page(built_site, "evidence"),
        "materials": "materials/",
        "course": "course/",
        "glossary": "glossary/",
    }


def is_local(url: str, site_url: str) -> bool:
    """Whether a request stays inside the browser or goes to the local test server."""
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or parts.netloc == urlsplit(site_url).netloc


@pytest.fixture
def foreign_requests(request) -> list[str]:
    """URLs the browser asked any host but the local server for, during one test."""
    requested: list[str] = []
    if "page" in request.fixturenames:
        site_url = request.getfixturevalue("site_url")
        context = request.getfixturevalue("context")
        context.on("request", lambda r: requested.append(r.url) if not is_local(r.url, site_url) else None)
    return requested


@pytest.fixture(autouse=True)
def no_requests_to_other_hosts(foreign_requests):
    """Fail any browser test during which a page reached for another host."""
    yield
    assert foreign_requests == [], "requests to other hosts"
