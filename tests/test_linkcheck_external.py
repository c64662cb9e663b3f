"""The external link checker against a local server: live, missing, moved, slow and flaky pages."""

import contextlib
import http.server
import importlib.util
import socket
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import LocalServer, write_data
from peersite.fields import Doi, ListOf, RecordOf, Url, field_kinds
from peersite.links import DOI_RESOLVER, web_addresses
from peersite.schema import Site

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "linkcheck_external.py"
_spec = importlib.util.spec_from_file_location("linkcheck_external", SCRIPT)
linkcheck = importlib.util.module_from_spec(_spec)
sys.modules["linkcheck_external"] = linkcheck  # dataclasses look their module up here
_spec.loader.exec_module(linkcheck)

# Well above what 127.0.0.1 needs.
TIMEOUT = 0.5


class Handler(http.server.BaseHTTPRequestHandler):
    """Answers by path: /live, /gone (404), /moved (301 to /live), /slow, /flaky, /doi/…"""

    def do_GET(self):
        self.server.requests.append(self.path)
        if self.path == "/live":
            self.answer(200)
        elif self.path == "/moved":
            self.answer(301, location="/live")
        elif self.path == "/slow":
            # Answered only when the test is over: a checker that waited for the answer would not return before it.
            self.server.test_over.wait(timeout=60)
            self.answer(200)
        elif self.path == "/flaky":
            # Fails the first time it is asked, then works.
            self.answer(503 if self.server.requests.count("/flaky") == 1 else 200)
        elif self.path == "/doi/10.1000/known":
            self.answer(302, location="/publisher-refuses-robots")
        elif self.path == "/publisher-refuses-robots":
            self.answer(403)
        else:
            self.answer(404)

    def answer(self, status, location=None):
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass

    def handle(self):
        # The checker hangs up on /slow before it is answered; left to the server, the broken pipe
        # would be printed to stderr seconds later, in the middle of whichever test runs then.
        with contextlib.suppress(ConnectionError):
            super().handle()


@pytest.fixture
def internal_server():
    """A local HTTP server on 127.0.0.1 that remembers the paths it was asked for: an internal host, as the
    checker sees it."""
    httpd = LocalServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.requests = []
    httpd.test_over = threading.Event()
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    httpd.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield httpd
    httpd.test_over.set()
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def server(internal_server, monkeypatch):
    """The local server standing in for a public site: the checker takes 127.0.0.1 for a public host."""
    monkeypatch.setattr(linkcheck, "internal_address", lambda url: None)
    return internal_server


@pytest.fixture
def no_backoff(monkeypatch):
    """Retries without the pause between them, to keep the tests quick."""
    monkeypatch.setattr(linkcheck, "BACKOFF_SECONDS", 0)


def check(url, retries=0):
    """check_url with the tests' short time-out."""
    return linkcheck.check_url(url, timeout=TIMEOUT, retries=retries)


def test_a_live_page_is_fine(server):
    """200 is a working link."""
    result = check(f"{server.url}/live")
    assert result.ok and result.status == 200


def test_a_missing_page_is_broken_without_retrying(server, no_backoff):
    """404 is broken at once: asking again will not bring the page back."""
    result = check(f"{server.url}/gone", retries=2)
    assert not result.ok and result.status == 404 and result.detail == "HTTP 404"
    assert server.requests == ["/gone"]


def test_a_redirect_is_followed_and_named(server):
    """A moved page that lands on a live one works, and the report says where it went."""
    result = check(f"{server.url}/moved")
    assert result.ok and result.status == 200
    assert f"redirects to {server.url}/live" in result.detail


def test_a_slow_page_times_out_quickly(server, no_backoff):
    """A server that does not answer within the time-out is broken, and the check gives up after the time-out: the
    server answers only once the test is over, so a check that waited for the answer would not get here with none."""
    result = check(f"{server.url}/slow", retries=1)
    assert not result.ok and result.status is None
    assert result.detail == f"no answer within {TIMEOUT:g} s after 2 tries"


def test_a_transient_failure_is_retried(server, no_backoff):
    """503 then 200: broken without retries, fine with one."""
    assert not check(f"{server.url}/flaky").ok
    assert check(f"{server.url}/flaky", retries=1).ok


def test_a_refused_connection_is_broken(server, no_backoff):
    """Nothing listening is broken, with the reason."""
    result = check("http://127.0.0.1:9/nothing-listens-here")
    assert not result.ok and result.detail.startswith("cannot connect")


def test_an_internal_host_is_never_asked(internal_server):
    """A link to a loopback address (or one a name resolves to) is reported, not requested: a link in the data
    cannot make the check probe the network it runs in."""
    for url in (f"{internal_server.url}/live", f"http://localhost:{internal_server.server_address[1]}/live"):
        result = check(url)
        assert not result.ok and result.detail.startswith("not checked: ") and "internal network (127.0.0.1)" in result.detail
    assert internal_server.requests == []


def test_a_redirect_to_an_internal_host_is_not_followed(server, monkeypatch):
    """A public page that redirects to an internal one: the check stops at the redirect."""
    monkeypatch.setattr(linkcheck, "internal_address", lambda url: "10.0.0.1" if url.endswith("/live") else None)
    result = check(f"{server.url}/moved")
    assert not result.ok and "internal network (10.0.0.1)" in result.detail
    assert server.requests == ["/moved"]


def test_a_doi_is_good_when_doi_org_redirects_it(server, monkeypatch):
    """A registered DOI redirects: fine, even if the publisher turns robots away; an unknown DOI is broken."""
    monkeypatch.setattr(linkcheck, "DOI_RESOLVER", f"{server.url}/doi/")
    assert check(f"{server.url}/doi/10.1000/known").ok
    assert not check(f"{server.url}/doi/10.1000/unknown").ok
    assert "/publisher-refuses-robots" not in server.requests


def test_links_are_found_in_the_data_and_the_hand_written_pages(tmp_path):
    """url fields, DOIs as doi.org addresses, and addresses in docs/*.md, each with file:line."""
    data = write_data(tmp_path, ("url: https://example.dk/", "url: https://example.org/a"),
                      ("doi: 10.1186/s12888-025-07011-y", "doi: 10.1000/xyz\n    url: https://example.org/a"))
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "about.md").write_text("# About\n\nSee <https://example.org/b>, and [c](https://example.org/c).\n", encoding="utf-8")
    (docs / "models").mkdir()
    (docs / "models" / "generated.md").write_text("https://example.org/not-hand-written\n", encoding="utf-8")
    links = linkcheck.data_links(data)
    links.update(linkcheck.page_links(docs))
    assert links == {
        "https://example.org/a": [f"{data}:21", f"{data}:163"],
        "https://doi.org/10.1000/xyz": [f"{data}:163"],
        "https://example.org/b": [f"{docs / 'about.md'}:3"],
        "https://example.org/c": [f"{docs / 'about.md'}:3"],
    }


def filled(record_class, expected: set[str]):
    """A record with a distinct address in every web-address and DOI field it declares, at any depth (lists of
    records hold one); each address goes into `expected`. Every other field is left empty."""
    values = {}
    for name, kind in field_kinds(record_class).items():
        item = kind.item if isinstance(kind, ListOf) else kind
        value = None
        if isinstance(item, Url):
            value = f"https://example.org/{record_class.__name__}/{name}"
            expected.add(value)
        elif isinstance(item, Doi):
            value = f"10.1000/{record_class.__name__}.{name}"
            expected.add(DOI_RESOLVER + value)
        elif isinstance(item, RecordOf):
            value = filled(item.record_class, expected)
        values[name] = [value] if isinstance(kind, ListOf) and value is not None else value
    return record_class(**values)


def test_every_address_field_the_schema_declares_reaches_the_check():
    """A new url field anywhere in peersite/schema.py (a source's linked_from, a part of a work, the trial's
    registration) is checked weekly without anyone listing it."""
    expected: set[str] = set()
    site = filled(Site, expected)
    assert len(expected) >= 8
    assert set(web_addresses(site)) == expected


def test_the_allow_list_takes_urls_and_prefixes(tmp_path):
    """Comments and blank lines are skipped; an entry exempts itself and every URL it starts."""
    allow = tmp_path / "allow.txt"
    allow.write_text("# sites that refuse robots\n\nhttps://slow.example/  # says 403 to scripts\n", encoding="utf-8")
    allowed = linkcheck.read_allow_list(allow)
    assert allowed == ["https://slow.example/"]
    assert linkcheck.is_allowed("https://slow.example/page", allowed)
    assert not linkcheck.is_allowed("https://other.example/", allowed)


def cached(url, ok, age):
    """A cache entry for url, found age seconds ago."""
    return {"url": url, "ok": ok, "status": 200 if ok else 404, "detail": "", "checked": time.time() - age}


def test_the_cache_spares_fresh_good_results_only(server):
    """A fresh good result is reused; a stale one and a broken one are checked again."""
    live, moved, gone = f"{server.url}/live", f"{server.url}/moved", f"{server.url}/gone"
    cache = {live: cached(live, True, age=0), moved: cached(moved, True, age=100), gone: cached(gone, False, age=0)}
    results, from_cache = linkcheck.check_all([gone, live, moved], cache, timeout=TIMEOUT, retries=0, max_age=50)
    assert from_cache == 1
    assert sorted(server.requests) == ["/gone", "/live", "/moved"]  # /live only after /moved's redirect
    assert {result.url: result.ok for result in results} == {gone: False, live: True, moved: True}


def test_the_cache_is_saved_with_timestamps(tmp_path):
    """Results survive a save and a load, each with when it was checked."""
    path = tmp_path / ".cache" / "linkcheck.json"
    result = linkcheck.Result("https://example.org/", True, 200, "200", 1234.5)
    linkcheck.save_cache(path, [result])
    assert linkcheck.load_cache(path) == {"https://example.org/": {
        "url": "https://example.org/", "ok": True, "status": 200, "detail": "200", "checked": 1234.5,
    }}
    assert linkcheck.load_cache(tmp_path / "missing.json") == {}


def test_main_reports_broken_links_where_they_are_written_and_fails(server, tmp_path, capsys, no_backoff, monkeypatch):
    """The whole run: the 404 is named with its file:line, allowed links are skipped, exit code 1. The data names
    a public-looking host (an IP address would not pass `make check`), which the test resolves to the local server."""
    resolve = socket.getaddrinfo
    port = server.server_address[1]
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, *args, **kwargs: resolve(
        *(("127.0.0.1", port) if host == "site.example" else (host, args[0])), *args[1:], **kwargs))
    site = "http://site.example"
    live = ("url: https://example.dk/", f"url: {site}/live")
    data = write_data(tmp_path, live, ("    doi: 10.1186/s12888-025-07011-y\n", f"    url: {site}/gone\n"),
                      ("    name: {da: Region A, en: Region A}\n", f"    name: {{da: Region A, en: Region A}}\n    url: {site}/slow\n"))
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "page.md").write_text(f"Moved: {site}/moved.\n", encoding="utf-8")
    allow = tmp_path / "allow.txt"
    allow.write_text(f"{site}/slow\n", encoding="utf-8")
    arguments = ["--data", str(data), "--docs", str(docs), "--allow", str(allow),
                 "--cache", str(tmp_path / "cache.json"), "--timeout", str(TIMEOUT)]
    assert linkcheck.main(arguments) == 1
    output = capsys.readouterr().out.splitlines()
    assert output == [
        f"{data}:164: {site}/gone: HTTP 404",
        "3 external links checked (0 from cache), 1 allowed without checking, 1 broken",
    ]
    assert "/slow" not in server.requests and "/moved" in server.requests
    (docs / "page.md").write_text("No links.\n", encoding="utf-8")
    write_data(tmp_path, live, ("    doi: 10.1186/s12888-025-07011-y\n", ""))
    assert linkcheck.main(arguments) == 0
    assert capsys.readouterr().out.strip() == "1 external links checked (1 from cache), 0 allowed without checking, 0 broken"
