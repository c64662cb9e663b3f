"""Words break where a reader expects: at syllables, by the rules of the page's language (or of a quoted
title's own), and never inside a word; only an address may break anywhere. Checked in the narrow columns
of the comparison and the evidence map, and on pages with tables and quoted titles, on a desktop, a
smaller screen and a phone."""

import pytest
from playwright.sync_api import Page

# Fixtures, found by pytest by name: the guard against other hosts applies to every test here.
from browsing import foreign_requests, language_of, no_requests_to_other_hosts  # noqa: F401
from conftest import REAL_SITE

# Every word of the page's text that the browser laid out on more than one line; a word is what lies
# between spaces, hyphens, dashes and slashes (a line may end after those). Addresses and code are left out.
BROKEN_WORDS = """() => {
    const broken = new Set()
    const text = document.createTreeWalker(document.querySelector("article"), NodeFilter.SHOW_TEXT)
    for (let node; (node = text.nextNode());) {
        const parent = node.parentElement
        if (!parent.offsetParent || parent.closest('a[href^="http"], a[href^="mailto:"], code, pre, .table-separator')) continue
        for (const word of node.textContent.matchAll(/[^\\s\\-‐–—\\/]+/g)) {
            const range = document.createRange()
            range.setStart(node, word.index)
            range.setEnd(node, word.index + word[0].length)
            const lines = new Set([...range.getClientRects()].filter(box => box.width > 0).map(box => Math.round(box.top)))
            if (lines.size > 1) broken.add(word[0])
        }
    }
    return [...broken]
}"""
# Whether this browser hyphenates Danish at all (Chromium on Linux only with dictionaries it downloads).
HYPHENATES = """() => {
    const probe = Object.assign(document.createElement("div"), {lang: "da", textContent: "Kompetenceudvikling"})
    probe.style.cssText = "width: 4em; hyphens: auto; -webkit-hyphens: auto"
    document.body.append(probe)
    const range = document.createRange()
    range.selectNodeContents(probe)
    const lines = new Set([...range.getClientRects()].map(box => Math.round(box.top))).size
    probe.remove()
    return lines > 1
}"""
# The computed hyphenation of running text, and of every element that sets a language of its own.
HYPHENATION = """() => ({
    html: document.documentElement.lang,
    text: getComputedStyle(document.querySelector("article p")).hyphens,
    own_language: [...document.querySelectorAll("article [lang]")].map(node => [node.lang, getComputedStyle(node).hyphens]),
})"""
PAGES = ["models/", "evidence-map/", "downloads/", "glossary/"]
SIZES = {"desktop": (1280, 800), "small-screen": (800, 800), "phone": (390, 844)}


@pytest.fixture(scope="module")
def pages() -> list[str]:
    """The pages checked, in both languages: the comparison, the evidence map, tables, and a source whose title
    is quoted in Danish and one whose title is quoted in English."""
    titled = {source.original_title.language: source.id for source in REAL_SITE.evidence if source.original_title}
    danish = PAGES + [f"evidence/{titled[language]}/" for language in ("da", "en")]
    return danish + [f"en/{path}" for path in danish]


@pytest.mark.parametrize("size", SIZES, ids=SIZES)
def test_no_word_is_broken_inside_a_syllable(page: Page, site_url, pages, size):
    width, height = SIZES[size]
    page.set_viewport_size({"width": width, "height": height})
    page.goto(site_url + pages[0])
    if page.evaluate(HYPHENATES):
        pytest.skip("this browser hyphenates: a word on two lines may be broken at a syllable")
    broken = {}
    for path in pages:
        page.goto(site_url + path)
        found = page.evaluate(BROKEN_WORDS)
        if found:
            broken[path] = found
    assert broken == {}


def test_text_hyphenates_in_its_own_language(page: Page, site_url, pages):
    own_languages = set()
    for path in pages:
        page.goto(site_url + path)
        found = page.evaluate(HYPHENATION)
        assert (found["html"], found["text"]) == (language_of(path), "auto"), path
        assert all(hyphens == "auto" for _, hyphens in found["own_language"]), path
        own_languages |= {language for language, _ in found["own_language"]}
    assert own_languages == {"da", "en"}  # quoted titles in both languages were among the pages
