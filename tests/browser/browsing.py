"""What the browser tests share: every built page, a page of each kind, the kinds of page a reader meets, a guard that
fails any test in which a page reached for another host, and axe-core's WCAG check of a loaded page.

Not a conftest.py: a second module named conftest would shadow tests/conftest.py for the modules
that import from it. Test modules import the fixtures they use from here, by name.
"""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

from conftest import site_pages
from peersite import LANGUAGES, language_of_url, url_prefix
from peersite.pages.page_table import PAGES, page_url

# Schemes that never leave the browser.
LOCAL_SCHEMES = {"data", "blob", "about"}


def page_paths(site_dir: Path) -> list[str]:
    """The URL path of every built page of the site: '', 'en/models/', '404.html', … (not /admin/)"""
    paths = []
    for html in site_pages(site_dir):
        relative = html.relative_to(site_dir).as_posix()
        paths.append(relative.removesuffix("index.html"))
    return paths


def pages_of_each_kind(site_dir: Path) -> list[str]:
    """A URL path for each kind of page, in both languages: every page of the site's table of pages (peersite.pages.page_table,
    each made by a template of its own or hand-written), the longest record page of each collection (the most to lay
    out and to print) and the 404 page. A page added to the table is among them; a record added is one of its kind."""
    paths = []
    for language in LANGUAGES:
        for page in PAGES:
            paths.append(page_url(page.source, language))
            if page.records:
                records = sorted((site_dir / page_url(page.source, language)).glob("*/index.html"))
                assert records, f"no record pages built under {page_url(page.source, language)}"
                longest = max(records, key=lambda file: file.stat().st_size)
                paths.append(longest.parent.relative_to(site_dir).as_posix() + "/")
        paths.append(f"{url_prefix(language)}404.html")
    return paths


def language_of(path: str) -> str:
    """The language a page is written in, from its URL path."""
    return language_of_url(path)


def first_record_page(site_dir: Path, section: str) -> str:
    """The URL path of the first generated record page under a section, e.g. 'models/peer-guide/'."""
    records = sorted(p.parent.name for p in (site_dir / section).glob("*/index.html"))
    assert records, f"no record pages built under {section}/"
    return f"{section}/{records[0]}/"


def is_local(url: str, site_url: str) -> bool:
    """Whether a request stays inside the browser or goes to the local test server."""
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or parts.netloc == urlsplit(site_url).netloc


@pytest.fixture(scope="session")
def all_pages(built_site) -> list[str]:
    """Every built page, both languages."""
    return page_paths(built_site)


@pytest.fixture(scope="session")
def each_kind(built_site) -> list[str]:
    """A page of each kind, both languages (pages_of_each_kind)."""
    return pages_of_each_kind(built_site)


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
    assert foreign_requests == [], f"requests to other hosts: {foreign_requests[:5]}"


AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
RUN_AXE = """async () => {
    const results = await axe.run(document, {
        runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
        resultTypes: ["violations"],
    });
    return results.violations.map(v => ({
        id: v.id, help: v.help, targets: v.nodes.map(node => node.target.join(" ")),
    }));
}"""


def violations(page: Page) -> list[dict]:
    """axe-core's WCAG 2.1 A/AA violations on the loaded page (axe-core put in, unless its context puts it in every page)."""
    if not page.evaluate("() => 'axe' in window"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(RUN_AXE)


def report(found: dict[str, list[dict]]) -> str:
    """One line per violation: the page, the rule, what it asks for and where."""
    return "\n".join(
        f"{path or '/'}: {v['id']} ({v['help']}) at {', '.join(v['targets'][:5])}"
        for path, page_violations in found.items() for v in page_violations
    )


# Resolves once the element has not changed for QUIET_FRAMES frames in a row: counted in the browser's frames, not in
# seconds, so that a slow machine, drawing fewer frames, waits as long as a fast one for the same work.
QUIET_FRAMES = 10
UNCHANGED = """(element, frames) => new Promise(resolve => {
    let quiet = 0;
    const observer = new MutationObserver(() => { quiet = 0; });
    observer.observe(element, {childList: true, subtree: true, characterData: true, attributes: true});
    const frame = () => ++quiet >= frames ? (observer.disconnect(), resolve()) : requestAnimationFrame(frame);
    requestAnimationFrame(frame);
})"""


def settled_search_results(page: Page) -> None:
    """Wait until the search results stop changing: Material shows the first results a frame after their count, the
    next as the list's end comes into view, and a list for each key typed; a list still being replaced takes the
    keyboard's focus with it."""
    page.locator(".md-search-result").evaluate(UNCHANGED, QUIET_FRAMES)
