#!/usr/bin/env python3
"""Check every external link the site's sources name: content/data.yml and the hand-written pages.

Usage: python scripts/linkcheck_external.py [--timeout S] [--retries N] [--max-age AGE] [--cache DIR]
                                            [--allow FILE] [--data FILE] [--docs DIR]

lychee checks the links: time-outs, retries, redirects, and a cache of good results (DIR/.lycheecache, reused
until --max-age, e.g. 7d; broken ones are checked again). A DOI is checked at doi.org and is good when doi.org
redirects it (publishers often turn robots away), without following the redirect. What stays here is what
lychee cannot do:

- finding the links: every web-address field of content/data.yml (whatever peersite/data/schema.py declares as a
  Url, its DOIs, the sites it names) and every http(s) address in docs/*.md, each with its line and column;
- keeping the check off the network it runs in. lychee's --exclude-all-private (given too) looks only at an
  address written in the link, not at the one a name resolves to, lets 0.0.0.0 through, and follows a redirect
  anywhere; so lychee sends every request through a proxy here on 127.0.0.1 that resolves each host and refuses
  one with an address on a private, loopback, link-local or reserved network, then connects to the address it
  checked;
- reporting each broken link where it is written, as file:LINE:COL, from lychee's JSON report;
- another run for a link that answered with a server error (5xx), which lychee 0.24 does not retry (it retries 429).

Addresses in scripts/linkcheck-allow.txt (whole or as a prefix) are not checked: sites that refuse robots.
Exits 1 if any link is broken. Reaches the internet: not part of `make test`.
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import os
import re
import selectors
import socket
import socketserver
import subprocess
import sys
import threading
import time
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from peersite.checks.links import DOI_RESOLVER, address_place, web_addresses
from peersite.data.problems import DataError
from peersite.data.validate import load_site

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "content" / "data.yml"
DOCS = ROOT / "docs"
CACHE = ROOT / ".cache"
ALLOW = ROOT / "scripts" / "linkcheck-allow.txt"
LYCHEE = Path(sys.executable).parent / "lychee"
USER_AGENT = "peer-support-site-linkcheck/1.0 (checks the links of a static site)"
URL_IN_TEXT = re.compile(r"https?://[^\s<>()\[\]\"'`]+")
HEAD_LIMIT = 65536
RETRY_PAUSE_SECONDS = 1
# The parts of lychee's JSON report that list links not found good.
BROKEN_MAPS = ("error_map", "timeout_map", "excluded_map")


@dataclass(frozen=True)
class Broken:
    """A link lychee found broken, why, and the status it answered with, if any."""

    url: str
    detail: str
    status: int | None = None


def data_links(path: Path) -> dict[str, list[str]]:
    """Web addresses the data file names, each with the file:LINE:COL places where it is written."""
    shown = display_path(path)
    lines = path.read_text(encoding="utf-8").split("\n")
    places = {}
    for url, named in web_addresses(load_site(path, shown)).items():
        places[url] = ["{}:{}:{}".format(shown, *address_place(lines, url, record_line)) for record_line, _ in named]
    return places


def page_links(docs_dir: Path) -> dict[str, list[str]]:
    """http(s) addresses written in the hand-written pages docs/*.md, with their file:LINE:COL places."""
    links: dict[str, list[str]] = {}
    for page in sorted(docs_dir.glob("*.md")):
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            for match in URL_IN_TEXT.finditer(line):
                url = match.group(0).rstrip(".,;:!?*_")
                links.setdefault(url, []).append(f"{display_path(page)}:{number}:{match.start() + 1}")
    return links


def display_path(path: Path) -> str:
    """A path as an editor finds it: relative to the repository when inside it."""
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


def read_allow_list(path: Path) -> list[str]:
    """Allowed URLs or URL prefixes, one a line; blank lines and # comments skipped."""
    if not path.is_file():
        return []
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]


def is_allowed(url: str, allowed: list[str]) -> bool:
    """Whether the allow-list exempts a URL from checking."""
    return any(url.startswith(prefix) for prefix in allowed)


class InternalAddress(Exception):
    """A host has an address on a private, loopback, link-local or reserved network."""


def public_address(host: str, port: int) -> tuple[str, int]:
    """Where to connect for host and port: the first address the host resolves to, when every one is on the public
    internet; InternalAddress otherwise, so that an address in the data cannot make the check probe the network it
    runs in."""
    addresses = [info[4][0].split("%")[0] for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]
    if inside := next((address for address in addresses if not ipaddress.ip_address(address).is_global), None):
        raise InternalAddress(f"{host} is on an internal network ({inside})")
    return addresses[0], port


class Guard(socketserver.StreamRequestHandler):
    """A proxy for lychee's requests: a CONNECT tunnel or a plain http:// request, to public hosts only."""

    rbufsize = 0  # unbuffered: after the request's head, every byte is the relay's

    def handle(self) -> None:
        method, target, version = self.rfile.readline(HEAD_LIMIT).decode("latin-1").split()
        tunnel = method == "CONNECT"
        parts = urlsplit(f"//{target}" if tunnel else target)
        port = parts.port or (443 if tunnel else 80)
        headers = [line for line in iter(lambda: self.rfile.readline(HEAD_LIMIT), b"\r\n")
                   if not line.lower().startswith((b"connection:", b"proxy-connection:"))]
        try:
            upstream = socket.create_connection(public_address(parts.hostname or "", port), timeout=60)
        except InternalAddress as refusal:
            self.server.refused[parts.hostname] = str(refusal)
            return self.answer(403, "Forbidden")
        except OSError:
            return self.answer(502, "Bad Gateway")
        with upstream:
            if tunnel:
                self.answer(200, "Connection established", final=False)
            else:
                origin = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
                upstream.sendall(f"{method} {origin} {version}\r\n".encode("latin-1") + b"".join(headers)
                                 + b"Connection: close\r\n\r\n")
            with suppress(OSError):  # either side hanging up is the end of the exchange
                relay(self.connection, upstream)

    def answer(self, status: int, reason: str, final: bool = True) -> None:
        """The proxy's own answer: refused, unreachable, or the tunnel open."""
        closing = "Connection: close\r\nContent-Length: 0\r\n" if final else ""
        self.wfile.write(f"HTTP/1.1 {status} {reason}\r\n{closing}\r\n".encode("latin-1"))


def relay(client: socket.socket, upstream: socket.socket) -> None:
    """Pass bytes both ways until either side closes or both are silent for two minutes."""
    with selectors.DefaultSelector() as selector:
        selector.register(client, selectors.EVENT_READ, upstream)
        selector.register(upstream, selectors.EVENT_READ, client)
        while ready := selector.select(timeout=120):
            for key, _ in ready:
                data = key.fileobj.recv(65536)
                if not data:
                    return
                key.data.sendall(data)


class GuardServer(socketserver.ThreadingTCPServer):
    """The proxy on 127.0.0.1, remembering the hosts it refused."""

    daemon_threads = True
    refused: dict[str, str]


@contextmanager
def guard() -> GuardServer:
    """The proxy, running until the block ends."""
    server = GuardServer(("127.0.0.1", 0), Guard)
    server.refused = {}
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def run_lychee(urls: list[str], proxy: str, args: argparse.Namespace, follow: bool) -> dict:
    """lychee's JSON report on the URLs (--verbose: the good ones too), every request through the proxy; without
    following redirects, a redirect counts as good."""
    if not urls:
        return {}
    options = [] if follow else ["--max-redirects", "0", "--accept", "100..=399"]
    command = [str(LYCHEE), "--format", "json", "--verbose", "--no-progress", "--exclude-all-private", "--user-agent", USER_AGENT,
               "--timeout", str(args.timeout), "--max-retries", str(args.retries), "--retry-wait-time", "1",
               "--cache", "--max-cache-age", args.max_age, "--cache-exclude-status", "400..=599", *options, "-"]
    proxies = {name: proxy for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY")}
    environment = os.environ | proxies | {"no_proxy": "", "NO_PROXY": ""}
    args.cache.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(command, input="\n".join(urls), capture_output=True, text=True, cwd=args.cache, env=environment)
    if done.returncode not in (0, 2):  # 2: links are broken, which the report says
        sys.exit(f"lychee failed ({done.returncode}): {done.stderr.strip()}")
    return json.loads(done.stdout)


def broken_links(report: dict, urls: list[str], refused: dict[str, str], timeout: int) -> list[Broken]:
    """The links lychee's report finds broken, timed out or left out, and those it did not read as links, each with
    why in an editor's words. lychee names the link as it sent it (https://a.dk as https://a.dk/): its line in the
    list lychee read says which link it is."""
    found, reported = [], set()
    for group in ("success_map", *BROKEN_MAPS):
        for entry in (entry for by_input in report.get(group, {}).values() for entry in by_input):
            url = urls[entry["span"]["line"] - 1]
            reported.add(url)
            if group not in BROKEN_MAPS:
                continue
            status = entry["status"]
            detail = status.get("text", "")
            if group == "timeout_map":
                detail = f"no answer within {timeout} s"
            elif group == "excluded_map":
                detail = "not checked: lychee leaves out private, loopback and link-local addresses and example domains"
            elif host_refusal := refused.get(urlsplit(url).hostname):
                detail = f"not checked: {host_refusal}"
            found.append(Broken(url, detail, status.get("code")))
    return found + [Broken(url, "not checked: lychee does not read it as a link") for url in urls if url not in reported]


def check_links(urls: list[str], proxy: GuardServer, args: argparse.Namespace, follow: bool) -> tuple[list[Broken], int]:
    """The broken links among the URLs, and how many results came from lychee's cache; a URL that answered with a
    server error (5xx), which lychee does not retry, is checked again, up to --retries times."""
    broken, cached = [], 0
    for attempt in range(args.retries + 1):
        report = run_lychee(urls, f"http://127.0.0.1:{proxy.server_address[1]}", args, follow)
        cached += report.get("cached", 0)
        found = broken_links(report, urls, proxy.refused, args.timeout)
        urls = [link.url for link in found if (link.status or 0) >= 500] if attempt < args.retries else []
        broken += [link for link in found if link.url not in urls]
        if not urls:
            break
        time.sleep(RETRY_PAUSE_SECONDS)
    return broken, cached


def report(broken: list[Broken], places: dict[str, list[str]], refused: dict[str, str], checked: int,
           cached: int, allowed: int) -> str:
    """One line per broken link, where it is written and why; every host the proxy refused to ask (a link's own, or
    one a link redirected to: lychee then reports the link as refused, 403, or as an unsuccessful tunnel); the totals."""
    lines = [f"{place}: {link.url}: {link.detail}" for link in sorted(broken, key=lambda link: link.url)
             for place in places[link.url]]
    lines += [f"not asked: {refusal}" for _, refusal in sorted(refused.items())]
    lines.append(f"{checked} external links checked ({cached} from cache), {allowed} allowed without checking, {len(broken)} broken")
    return "\n".join(lines)


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    """The command line, with the project's defaults."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=int, default=20, help="seconds to wait for an answer")
    parser.add_argument("--retries", type=int, default=2, help="further tries after a failure that may pass")
    parser.add_argument("--max-age", default="7d", help="how long a good result stays cached (lychee's syntax: 7d, 12h)")
    parser.add_argument("--cache", type=Path, default=CACHE, help="the folder of lychee's cache")
    parser.add_argument("--allow", type=Path, default=ALLOW)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--docs", type=Path, default=DOCS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Check the links, print the report, and return 1 if any link is broken."""
    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    try:
        places = data_links(args.data)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    for url, where in page_links(args.docs).items():
        places.setdefault(url, []).extend(where)
    allow_list = read_allow_list(args.allow)
    urls = sorted(url for url in places if not is_allowed(url, allow_list))
    with guard() as proxy:
        found = [check_links([url for url in urls if url.startswith(DOI_RESOLVER) != follow], proxy, args, follow)
                 for follow in (True, False)]
        broken = [link for links, _ in found for link in links]
        print(report(broken, places, proxy.refused, len(urls), sum(cached for _, cached in found), len(places) - len(urls)))
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
