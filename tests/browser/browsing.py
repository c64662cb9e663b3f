"""What the browser tests share: every built page, a page of each kind, the kinds of page a reader meets, pages loaded
once for all of a module's tests that only read them, a guard that fails any test in which a page reached for another
host, and axe-core's WCAG check of a loaded page.

Not a conftest.py: a second module named conftest would shadow tests/conftest.py for the modules
that import from it. Test modules import the fixtures they use from here, by name.
"""

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Request

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


class SharedPages:
    """Pages loaded once, in one browser context, for all of a module's tests that only read them: one page for each
    address and screen size. Measured on this 2-core machine, a new context takes 0.15 s, loading a page 0.25 s and
    the first search on a page 0.45 s (Material's worker builds its index on every new page), a further search on an
    open page 0.07 s: a test with a page of its own (pytest-playwright's `page`) pays the first three every time.

    A test given a shared page leaves it as it found it: it does not navigate, scroll, resize it or click what changes
    it (a test that does takes `page`). The guard against other hosts covers these pages too: their requests during a
    test are that test's (foreign_requests), and one made between tests fails the module.

    Each open page holds some 40 MB and a renderer process of its own, and opening one costs about as much as loading
    it (twelve pages: 3.5 s in a page each, 1.7 s in one page taken from each to the next): past OPEN_PAGES, the page
    asked for longest ago is taken to the next address asked for, and a test that walks through pages no other test
    reads again is cheaper with a page of its own."""

    OPEN_PAGES = 8

    def __init__(self, browser: Browser, context_args: dict, site_url: str):
        self.site_url = site_url  # the local server every shared page comes from
        self.context = browser.new_context(**context_args)
        self.context.on("request", self._heard)
        self.screen: dict | None = None  # the context's own screen size
        self.pages: dict[tuple, Page] = {}  # the one asked for longest ago first
        self.users: dict[tuple, str] = {}  # the test that last asked for each page
        self.listener: Callable[[Request], None] | None = None  # the running test's guard
        self.between_tests: list[str] = []

    def at(self, url: str, viewport: dict | None = None) -> Page:
        """The page at url on a screen of viewport's size (the context's own if None), loaded when first asked for; one
        an earlier test did not leave as it found it fails this test, and is loaded again for the tests after it."""
        key = (url, viewport and (viewport["width"], viewport["height"]))
        page = self.pages.pop(key, None)
        if page and (page.url != url or page.viewport_size != (viewport or self.screen)):
            left = f"{self.users[key]} left the page shared at {url} at {page.url}, {page.viewport_size}"
            page.close()
            self.at(url, viewport)
            raise AssertionError(left)
        if not page:
            if len(self.pages) < self.OPEN_PAGES:
                page = self.context.new_page()
                self.screen = self.screen or page.viewport_size
            else:
                page = self.pages.pop(next(iter(self.pages)))
            page.set_viewport_size(viewport or self.screen)
            loaded = page.goto(url)
            if not (loaded and loaded.ok):
                page.close()
                raise AssertionError(f"{url} answered {loaded and loaded.status}")
        self.pages[key] = page
        self.users[key] = os.environ.get("PYTEST_CURRENT_TEST", "").removesuffix(" (call)")
        page.bring_to_front()  # a page behind another draws no frames (settled_search_results counts them)
        return page

    def _heard(self, request: Request) -> None:
        """Hand a request to the running test's guard; keep one to another host made between tests."""
        if self.listener:
            self.listener(request)
        elif not is_local(request.url, self.site_url):
            self.between_tests.append(request.url)

    def settle(self) -> None:
        """Take in the requests the browser has reported and not yet handed over: one round trip to it."""
        self.context.cookies()

    def close(self) -> None:
        """Close the pages; fail if one of them reached for another host between tests."""
        self.settle()
        self.context.close()
        assert self.between_tests == [], f"requests to other hosts between tests: {self.between_tests[:5]}"


@pytest.fixture(scope="module")
def shared_pages(browser, browser_context_args, site_url) -> Iterator[SharedPages]:
    """The module's shared pages (SharedPages), in a context made as pytest-playwright makes one for `page`."""
    shared = SharedPages(browser, browser_context_args, site_url)
    yield shared
    shared.close()


@pytest.fixture
def foreign_requests(request) -> Iterator[list[str]]:
    """URLs the browser asked any host but the local server for, during one test: from its own page's context, and from
    the module's shared pages."""
    requested: list[str] = []
    site_url = request.getfixturevalue("site_url") if {"page", "shared_pages"} & set(request.fixturenames) else None

    def heard(r: Request) -> None:
        if not is_local(r.url, site_url):
            requested.append(r.url)
    if "page" in request.fixturenames:
        request.getfixturevalue("context").on("request", heard)
    shared = request.getfixturevalue("shared_pages") if "shared_pages" in request.fixturenames else None
    if shared:
        shared.listener = heard
    yield requested
    if shared:
        shared.listener = None


@pytest.fixture(autouse=True)
def no_requests_to_other_hosts(request, foreign_requests):
    """Fail any browser test during which a page, its own or one its module shares, reached for another host."""
    yield
    if "shared_pages" in request.fixturenames:
        request.getfixturevalue("shared_pages").settle()  # what the browser reported by now is this test's
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
