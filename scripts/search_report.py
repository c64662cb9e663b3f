#!/usr/bin/env python3
"""What a reader sees when they type words into the search box of the built site: for each word, the number of
results and the first result's address, title and passage (with the lines it takes), on a phone 390 px wide.

Usage: python scripts/search_report.py [SITE_DIR] [--da WORDS...] [--en WORDS...]

SITE_DIR is the built site (default: site/). Without words, it types the words of a reader who needs help and a
few common ones in each language. Needs Playwright and Debian's Chromium (`make browser-deps`).
"""

import argparse
import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import unquote

from playwright.sync_api import Page, sync_playwright

WORDS = {
    "da": ["krise", "akut", "112", "selvmord", "hjælp nu", "pårørende", "peer", "recovery", "model", "QPR"],
    "en": ["crisis", "emergency", "suicide", "help now", "relatives", "112", "peer", "recovery", "model", "QPR"],
}
HOME = {"da": "", "en": "en/"}
CHROMIUM = "/usr/bin/chromium"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site without a line per request."""

    def log_message(self, *args):
        pass


def first_result(page: Page, words: str) -> str:
    """Type the words into the search box key by key and describe what it shows once the results stand still."""
    opener = page.locator("label.md-header__button[for=__search]")
    if opener.is_visible():
        opener.click()
    field, meta = page.locator("input.md-search__input"), page.locator(".md-search-result__meta")
    waiting = meta.text_content()
    field.press_sequentially(words, delay=40)
    field.press("End")  # Material searches on key-up, which Playwright gives no æ, ø or å
    page.wait_for_function("([node, text]) => node.textContent !== text", arg=[meta.element_handle(), waiting])
    shown = None
    while (now := page.locator(".md-search-result__list").inner_html()) != shown:
        shown = now
        page.wait_for_timeout(250)
    count = meta.text_content().strip()
    links = page.locator(".md-search-result__item").first.locator("a.md-search-result__link")
    if not links.count():
        return count
    described = [describe(link) for link in links.all()[:2] if link.is_visible()]
    # A page's title alone heads the sections of it that were found: show the first of them too.
    return f"{count}; first: " + (" → ".join(described) if described[0].endswith("lines: ''") else described[0])


# The text a result shows under its title (its passage, or whatever else the search put there), and how many
# lines it takes up on the screen.
SHOWN_TEXT = """link => {
    const article = link.querySelector("article"), heading = article.querySelector("h1, h2")
    const shown = article.cloneNode(true)
    shown.querySelectorAll("h1, h2, .md-search-result__icon, .md-search-result__terms").forEach(node => node.remove())
    // Boxes, not the text in them: a passage cut at three lines still holds the rest of its text.
    const boxes = [...article.childNodes].slice([...article.childNodes].indexOf(heading) + 1).map(node => {
        if (node.nodeType === Node.ELEMENT_NODE)
            return node.matches(".md-search-result__terms") ? null : node.getBoundingClientRect()
        const range = document.createRange()
        range.selectNode(node)
        return range.getBoundingClientRect()
    }).filter(box => box && box.height)
    const height = boxes.length ? Math.max(...boxes.map(box => box.bottom)) - Math.min(...boxes.map(box => box.top)) : 0
    const lines = height / parseFloat(getComputedStyle(article).lineHeight)
    return [shown.textContent.replace(/\\s+/g, " ").trim(), Math.round(lines)]
}"""


def describe(link) -> str:
    """A result's address relative to the site, its title, and how many lines of text it shows and how they start."""
    address = unquote(link.get_attribute("href")).split("//", 1)[1].split("/", 1)[1]
    title = link.locator("h1, h2").first.text_content().strip()
    text, lines = link.evaluate(SHOWN_TEXT)
    return f"{address} | {title} | {lines} lines: {text[:120]!r}"


def main() -> None:
    """Serve the site on 127.0.0.1, type each word in each language and print what the search shows."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default="site", type=Path)
    for language in WORDS:
        parser.add_argument(f"--{language}", nargs="*", help=f"words to type on the {language} pages")
    arguments = parser.parse_args()
    words = {language: getattr(arguments, language) for language in WORDS}
    if not any(words.values()):
        words = WORDS
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(arguments.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 390, "height": 844})
        for language, typed in words.items():
            for word in typed or []:
                page.goto(url + HOME[language])
                print(f"[{language}] {word!r}: {first_result(page, word)}", flush=True)
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
