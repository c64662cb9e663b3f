"""The external link check, lychee and its guard against local servers: live, missing, moved, slow, flaky and internal
pages, each broken one reported where it is written. No request leaves 127.0.0.1: names resolve only as the tests say."""

import contextlib
import http.client
import http.server
import importlib.util
import io
import ipaddress
import socket
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import LocalServer, write_data
from peersite.data.fields import Doi, ListOf, RecordOf, Url, field_kinds
from peersite.checks.links import DOI_RESOLVER, web_addresses
from peersite.data.schema import Site

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "linkcheck_external.py"
_spec = importlib.util.spec_from_file_location("linkcheck_external", SCRIPT)
linkcheck = importlib.util.module_from_spec(_spec)
sys.modules["linkcheck_external"] = linkcheck  # dataclasses look their module up here
_spec.loader.exec_module(linkcheck)

# .internal names never resolve on the internet, and lychee checks them (it leaves out .test and .example).
PUBLIC = "public.site.internal"  # here: 127.0.0.1, taken for a public address
PRIVATE = "intranet.site.internal"  # here: 10.0.0.5, as an intranet's name would resolve inside a network
# Well above what 127.0.0.1 needs (lychee counts whole seconds).
TIMEOUT = 1


class Handler(http.server.BaseHTTPRequestHandler):
    """Answers by path: /live, /gone (404), /moved (301 to /live), /slow, /flaky, /doi/…, /to-internal and
    /to-intranet (redirects to the internal server and to PRIVATE)."""

    def do_GET(self):
        path = urlsplit(self.path).path
        self.server.requests.append(path)
        if path == "/live":
            self.answer(200)
        elif path == "/moved":
            self.answer(301, location="/live")
        elif path == "/slow":
            # Answered only when the test is over: a checker that waited for the answer would not return before it.
            self.server.test_over.wait(timeout=60)
            self.answer(200)
        elif path == "/flaky":
            # Fails the first time it is asked, then works.
            self.answer(503 if self.server.requests.count("/flaky") == 1 else 200)
        elif path == "/doi/10.1000/known":
            self.answer(302, location="/publisher-refuses-robots")
        elif path == "/publisher-refuses-robots":
            self.answer(403)
        elif path == "/to-internal":
            self.answer(302, location=f"http://127.0.0.1:{self.server.internal_port}/live")
        elif path == "/to-intranet":
            self.answer(302, location=f"http://{PRIVATE}/live")
        else:
            self.answer(404)

    do_HEAD = do_GET

    def answer(self, status, location=None):
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", "2")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(b"ok")

    def log_message(self, *args):
        pass

    def handle(self):
        # lychee hangs up on /slow before it is answered; left to the server, the broken pipe
        # would be printed to stderr seconds later, in the middle of whichever test runs then.
        with contextlib.suppress(ConnectionError):
            super().handle()


@contextlib.contextmanager
def local_server():
    """A local HTTP server on 127.0.0.1 that remembers the paths it was asked for."""
    httpd = LocalServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.requests = []
    httpd.test_over = threading.Event()
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        yield httpd
    finally:
        httpd.test_over.set()
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def internal_server():
    """A host on the network the check runs in: it must never be asked."""
    with local_server() as httpd:
        yield httpd


@pytest.fixture
def server(internal_server, resolver):
    """The stand-in for a public site, at http://PUBLIC."""
    with local_server() as httpd:
        httpd.internal_port = internal_server.server_address[1]
        httpd.url = f"http://{PUBLIC}"
        resolver[PUBLIC] = httpd.server_address
        yield httpd


@pytest.fixture(autouse=True)
def resolver(monkeypatch):
    """Names resolve only as the tests say (PRIVATE to 10.0.0.5, PUBLIC to the `server` fixture's socket on 127.0.0.1,
    taken for a public address; any other name nowhere), so that no test asks a host beyond 127.0.0.1; addresses
    written as such are left to the real check. Returns the public names' sockets, for `server` to fill in."""
    real_getaddrinfo, real_public_address = socket.getaddrinfo, linkcheck.public_address
    public: dict[str, tuple[str, int]] = {}

    def getaddrinfo(host, port, *args, **kwargs):
        if host == PRIVATE:
            return [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", ("10.0.0.5", port))]
        with contextlib.suppress(ValueError):
            ipaddress.ip_address(host)
            return real_getaddrinfo(host, port, *args, **kwargs)
        if host == "localhost":
            return real_getaddrinfo(host, port, *args, **kwargs)
        raise socket.gaierror(socket.EAI_NONAME, f"{host} resolves nowhere in these tests")

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(linkcheck, "public_address", lambda host, port: public.get(host) or real_public_address(host, port))
    return public


def check(tmp_path, page_text, data_url, retries=0, allow=""):
    """The whole check on a data file naming data_url (twice: the site's address and a source's) and a page
    docs/page.md with page_text; its exit code, its output lines and the data file."""
    data = write_data(tmp_path, ("url: https://example.dk/", f"url: {data_url}"),
                      ("doi: 10.1186/s12888-025-07011-y", f"url: {data_url}"))
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "page.md").write_text(page_text, encoding="utf-8")
    (tmp_path / "allow.txt").write_text(allow, encoding="utf-8")
    arguments = ["--data", str(data), "--docs", str(docs), "--allow", str(tmp_path / "allow.txt"),
                 "--cache", str(tmp_path / "cache"), "--timeout", str(TIMEOUT), "--retries", str(retries)]
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        code = linkcheck.main(arguments)
    return code, printed.getvalue().splitlines(), data


def test_broken_links_are_reported_where_they_are_written(server, tmp_path):
    """A 404 in a page and in the data, each at its file:LINE:COL; a moved page that lands on a live one is fine; an
    allowed one is not asked; a missing page is not asked again (asking again will not bring it back)."""
    page = f"# Links\n\nMoved: {server.url}/moved. Gone: <{server.url}/gone>\nSlow but allowed: {server.url}/slow\n"
    code, output, data = check(tmp_path, page, f"{server.url}/gone", retries=2, allow=f"{server.url}/slow  # says 403\n")
    page_path = tmp_path / "docs" / "page.md"
    assert code == 1
    assert output == [
        f"{data}:24:10: {server.url}/gone: Rejected status code: 404 Not Found",
        f"{data}:175:10: {server.url}/gone: Rejected status code: 404 Not Found",
        f"{page_path}:3:{len(f'Moved: {server.url}/moved. Gone: <') + 1}: {server.url}/gone: Rejected status code: 404 Not Found",
        "2 external links checked (0 from cache), 1 allowed without checking, 1 broken",
    ]
    assert sorted(server.requests) == ["/gone", "/live", "/moved"]


def test_a_slow_page_times_out(server, tmp_path):
    """A server slower than the time-out is broken, with the reason."""
    code, output, data = check(tmp_path, "", f"{server.url}/slow")
    assert code == 1
    assert output[0] == f"{data}:24:10: {server.url}/slow: no answer within {TIMEOUT} s"


def test_a_transient_failure_is_retried(server, tmp_path):
    """503 then 200: broken without retries, fine with one."""
    assert check(tmp_path, "", f"{server.url}/flaky")[0] == 1
    server.requests.clear()
    assert check(tmp_path, "", f"{server.url}/flaky", retries=1)[0] == 0
    assert server.requests == ["/flaky", "/flaky"]


def test_good_results_are_cached_and_broken_ones_asked_again(server, tmp_path):
    """The second run takes the live page from lychee's cache and asks for the missing and the slow one again."""
    page = f"{server.url}/gone\n{server.url}/slow\n"
    check(tmp_path, page, f"{server.url}/live")
    server.requests.clear()
    code, output, _ = check(tmp_path, page, f"{server.url}/live")
    assert code == 1 and output[-1] == "3 external links checked (1 from cache), 0 allowed without checking, 2 broken"
    assert sorted(server.requests) == ["/gone", "/slow"]


def test_a_doi_is_good_when_doi_org_redirects_it(server, tmp_path, monkeypatch):
    """A registered DOI redirects: fine, without asking the publisher (which may turn robots away); an unknown DOI is
    broken."""
    monkeypatch.setattr(linkcheck, "DOI_RESOLVER", f"{server.url}/doi/")
    code, output, _ = check(tmp_path, f"{server.url}/doi/10.1000/known\n{server.url}/doi/10.1000/unknown\n", f"{server.url}/live")
    assert code == 1
    assert [line.split(": ", 1)[1] for line in output[:-1]] == [f"{server.url}/doi/10.1000/unknown: Rejected status code: 404 Not Found"]
    assert "/publisher-refuses-robots" not in server.requests


def test_no_host_on_an_internal_network_is_ever_asked(server, internal_server, tmp_path):
    """Links to a loopback address, to localhost, to 0.0.0.0, to a name that resolves to a private address, and public
    pages that redirect to the internal server or to that name: each is reported, none is asked."""
    port = internal_server.server_address[1]
    internal = [f"http://127.0.0.1:{port}/live", f"http://localhost:{port}/live", f"http://0.0.0.0:{port}/live",
                f"http://{PRIVATE}/live", f"https://{PRIVATE}/tunnel"]
    redirecting = [f"{server.url}/to-internal", f"{server.url}/to-intranet"]
    code, output, _ = check(tmp_path, "\n".join(internal + redirecting) + "\n", f"{server.url}/live")
    assert code == 1
    assert internal_server.requests == []
    reported = {line.split(": ", 1)[1].split(": ", 1)[0]: line for line in output[:-1] if line.startswith(str(tmp_path))}
    assert set(reported) == set(internal + redirecting)
    assert f"0.0.0.0 is on an internal network (0.0.0.0)" in reported[internal[2]]
    assert all(f"not checked: {PRIVATE} is on an internal network (10.0.0.5)" in reported[url] for url in internal[3:])
    assert all("not checked" in reported[url] for url in internal)
    assert [line for line in output if line.startswith("not asked: ")] == [
        "not asked: 0.0.0.0 is on an internal network (0.0.0.0)",
        "not asked: 127.0.0.1 is on an internal network (127.0.0.1)",  # where /to-internal redirects
        f"not asked: {PRIVATE} is on an internal network (10.0.0.5)",
    ]
    assert sorted(server.requests) == ["/live", "/to-internal", "/to-intranet"]


def test_the_guard_tunnels_to_a_public_host_only(server, internal_server):
    """An https link reaches its host through a CONNECT tunnel (here with plain HTTP inside, as the local server
    speaks no TLS); a tunnel to an internal host is refused before any byte reaches it."""
    with linkcheck.guard() as proxy:
        public = http.client.HTTPConnection("127.0.0.1", proxy.server_address[1], timeout=5)
        public.set_tunnel(PUBLIC, 443)
        public.request("GET", "/moved")
        assert public.getresponse().status == 301
        internal = http.client.HTTPConnection("127.0.0.1", proxy.server_address[1], timeout=5)
        internal.set_tunnel("127.0.0.1", internal_server.server_address[1])
        with pytest.raises(OSError, match="403"):
            internal.request("GET", "/live")
    assert server.requests == ["/moved"] and internal_server.requests == []


def test_lychee_alone_would_ask_an_internal_host(internal_server, tmp_path):
    """Why the guard is there: lychee's --exclude-all-private lets 0.0.0.0 through (and follows redirects anywhere,
    and does not resolve names). When this fails, lychee has learnt it, and the guard may get simpler."""
    port = internal_server.server_address[1]
    subprocess.run([str(linkcheck.LYCHEE), "--exclude-all-private", "--no-progress", "--timeout", "5", "-"],
                   input=f"http://0.0.0.0:{port}/live\n", capture_output=True, text=True, cwd=tmp_path,
                   env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert internal_server.requests == ["/live"]


def test_a_link_lychee_does_not_read_is_reported():
    """lychee leaves out of its report what it does not take for a link (an address such as http://[::1]/): the check
    says so rather than counting it good. Its report names links by their line in the list it read."""
    urls = ["https://good.example/", "http://[::1]/", "https://gone.example/"]
    report = {"success_map": {"stdin": [{"url": "https://good.example/", "status": {"text": "200 OK", "code": 200}, "span": {"line": 1, "column": 1}}]},
              "error_map": {"stdin": [{"url": "https://gone.example/", "status": {"text": "Rejected status code: 404 Not Found", "code": 404},
                                       "span": {"line": 3, "column": 1}}]}}
    assert linkcheck.broken_links(report, urls, {}, timeout=20) == [
        linkcheck.Broken("https://gone.example/", "Rejected status code: 404 Not Found", 404),
        linkcheck.Broken("http://[::1]/", "not checked: lychee does not read it as a link"),
    ]


def test_links_are_found_in_the_data_and_the_hand_written_pages(tmp_path):
    """url fields, DOIs as doi.org addresses, and addresses in docs/*.md, each with file:LINE:COL."""
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
        "https://example.org/a": [f"{data}:24:10", f"{data}:176:10"],
        "https://doi.org/10.1000/xyz": [f"{data}:175:10"],
        "https://example.org/b": [f"{docs / 'about.md'}:3:6"],
        "https://example.org/c": [f"{docs / 'about.md'}:3:38"],
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
    """A new url field anywhere in peersite/data/schema.py (a source's linked_from, a part of a work, the trial's
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
