#!/usr/bin/env python3
"""Check every external link the site's sources name: content/data.yml and the hand-written pages.

Usage: python scripts/linkcheck_external.py [--timeout S] [--retries N] [--max-age S] [--cache FILE]
                                            [--allow FILE] [--data FILE] [--docs DIR]

Links are every web-address field of content/data.yml (`url`, `linked_from`, `registration_url`, the url
of a work's parts: whatever peersite/schema.py declares as a Url), its DOIs (as https://doi.org/<doi>, good
when doi.org redirects them) and every http(s) address in docs/*.md. Each is fetched with a time-out and retried when the failure may
pass (a time-out, a dropped connection, 429 or 5xx). Good results are cached with their time in
.cache/linkcheck.json and reused until --max-age; broken ones are always checked again. Addresses
in scripts/linkcheck-allow.txt (whole or as a prefix) are not checked: sites that refuse robots.
Prints one line per broken link with where it is written, then a summary; exits 1 if any is broken.
Reaches the internet: not part of `make test`.
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import re
import socket
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import requests

from peersite.links import DOI_RESOLVER, web_addresses
from peersite.problems import DataError
from peersite.validate import load_site

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "content" / "data.yml"
DOCS = ROOT / "docs"
CACHE = ROOT / ".cache" / "linkcheck.json"
ALLOW = ROOT / "scripts" / "linkcheck-allow.txt"
USER_AGENT = "peer-support-site-linkcheck/1.0 (checks the links of a static site)"
URL_IN_TEXT = re.compile(r"https?://[^\s<>()\[\]\"'`]+")
# Servers answer these when busy or briefly down: worth another try.
TRANSIENT_STATUSES = {429, 500, 502, 503, 504}
WORKERS = 8
# Pause before the first retry, doubling for each further one.
BACKOFF_SECONDS = 0.5
MAX_REDIRECTS = 10


@dataclass
class Result:
    """What one check of a URL found."""

    url: str
    ok: bool
    status: int | None
    detail: str
    checked: float


def data_links(path: Path) -> dict[str, list[str]]:
    """Web addresses the data file names, each with the file:line places of the records that name it."""
    shown = display_path(path)
    return {url: [f"{shown}:{line}" for line in lines] for url, lines in web_addresses(load_site(path, shown)).items()}


def page_links(docs_dir: Path) -> dict[str, list[str]]:
    """http(s) addresses written in the hand-written pages docs/*.md, with their file:line places."""
    links: dict[str, list[str]] = {}
    for page in sorted(docs_dir.glob("*.md")):
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            for match in URL_IN_TEXT.finditer(line):
                url = match.group(0).rstrip(".,;:!?*_")
                links.setdefault(url, []).append(f"{display_path(page)}:{number}")
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
    """A link, or a redirect on its way, leads to a host on a private, loopback or link-local network."""


def internal_address(url: str) -> str | None:
    """The address a URL's host has that is not on the public internet (private, loopback, link-local, reserved), if
    any: the check never asks such a host, so an address in the data cannot make it probe the network it runs in."""
    try:
        found = socket.getaddrinfo(urlsplit(url).hostname or "", None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError):
        return None  # the request fails with its own reason
    addresses = (info[4][0].split("%")[0] for info in found)
    return next((address for address in addresses if not ipaddress.ip_address(address).is_global), None)


def get_status(url: str, timeout: float, follow: bool) -> tuple[int, str]:
    """The status a URL answers with and the address it ends at; redirects are followed one at a time, so that
    each host is checked before it is asked."""
    for _ in range(MAX_REDIRECTS + 1):
        if address := internal_address(url):
            raise InternalAddress(f"{urlsplit(url).hostname} is on an internal network ({address})")
        with requests.get(url, timeout=timeout, stream=True, allow_redirects=False,
                          headers={"User-Agent": USER_AGENT}) as response:
            if not (follow and response.is_redirect):
                return response.status_code, url
            url = urljoin(url, response.headers["location"])
    return response.status_code, url


def check_url(url: str, timeout: float, retries: int) -> Result:
    """Fetch a URL, following redirects; retry transient failures; say whether it works."""
    # doi.org redirects a registered DOI to its publisher, many of which turn robots away:
    # the redirect itself shows the DOI is right.
    follow = not url.startswith(DOI_RESOLVER)
    attempts = retries + 1
    for attempt in range(attempts):
        try:
            status, landed = get_status(url, timeout, follow)
            moved = f" (redirects to {landed})" if landed != url else ""
        except InternalAddress as refusal:
            return Result(url, False, None, f"not checked: {refusal}", time.time())
        except requests.Timeout:
            status, detail = None, f"no answer within {timeout:g} s"
        except requests.RequestException as error:
            status, detail = None, f"cannot connect: {type(error).__name__}"
        else:
            if status < 400:
                return Result(url, True, status, f"{status}{moved}", time.time())
            detail = f"HTTP {status}{moved}"
            if status not in TRANSIENT_STATUSES:
                break
        if attempt + 1 < attempts:
            time.sleep(min(2 ** attempt * BACKOFF_SECONDS, 5))
    tries = f" after {attempt + 1} tries" if attempt else ""
    return Result(url, False, status, detail + tries, time.time())


def load_cache(path: Path) -> dict[str, dict]:
    """Earlier results by URL, or {} when there is no readable cache."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def save_cache(path: Path, results: list[Result]) -> None:
    """Keep the results, with when they were found, for the next run."""
    path.parent.mkdir(parents=True, exist_ok=True)
    cache = {result.url: asdict(result) for result in results}
    path.write_text(json.dumps(cache, indent=1, sort_keys=True), encoding="utf-8")


def fresh(entry: dict | None, max_age: float, now: float) -> bool:
    """Whether a cached result can stand: it worked, and not longer ago than max_age seconds."""
    return bool(entry and entry.get("ok") and now - entry.get("checked", 0) <= max_age)


def check_all(urls: list[str], cache: dict[str, dict], timeout: float, retries: int,
              max_age: float) -> tuple[list[Result], int]:
    """Results for every URL, from the cache where fresh; and how many came from the cache."""
    now = time.time()
    cached = [Result(**cache[url]) for url in urls if fresh(cache.get(url), max_age, now)]
    done = {result.url for result in cached}
    to_check = [url for url in urls if url not in done]
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        checked = list(pool.map(lambda url: check_url(url, timeout, retries), to_check))
    return sorted(cached + checked, key=lambda result: result.url), len(cached)


def report(results: list[Result], places: dict[str, list[str]], allowed: list[str], from_cache: int) -> str:
    """One line per broken link, where it is written and why, then the totals."""
    lines = [
        f"{place}: {result.url}: {result.detail}"
        for result in results if not result.ok for place in places[result.url]
    ]
    broken = sum(not result.ok for result in results)
    lines.append(
        f"{len(results)} external links checked ({from_cache} from cache), "
        f"{len(allowed)} allowed without checking, {broken} broken"
    )
    return "\n".join(lines)


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    """The command line, with the project's defaults."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds to wait for an answer")
    parser.add_argument("--retries", type=int, default=2, help="further tries after a transient failure")
    parser.add_argument("--max-age", type=float, default=7 * 24 * 3600, help="seconds a good result stays cached")
    parser.add_argument("--cache", type=Path, default=CACHE)
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
    allowed = [url for url in places if is_allowed(url, allow_list)]
    urls = sorted(url for url in places if url not in allowed)
    results, from_cache = check_all(urls, load_cache(args.cache), args.timeout, args.retries, args.max_age)
    save_cache(args.cache, results)
    print(report(results, places, allowed, from_cache))
    return 1 if any(not result.ok for result in results) else 0


if __name__ == "__main__":
    sys.exit(main())
