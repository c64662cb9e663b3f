"""The written pages as readers get them: same sections in both languages, abbreviations explained."""

import html
import re

import pytest

from conftest import REAL_SITE, site_pages
from peersite.pages.render import localise
from peersite.pages.terms import glossary_terms

ABBREVIATIONS = {language: sorted(term.abbr[language] for term in REAL_SITE.glossary if term.abbr) for language in ("da", "en")}


def pages_in_pairs(site) -> list[tuple[str, str]]:
    """(Danish, English) HTML file pairs of every page of the site."""
    pairs = []
    for danish in site_pages(site, "index.html"):
        relative = danish.relative_to(site).as_posix()
        if not relative.startswith("en/"):
            pairs.append((relative, f"en/{relative}"))
    return pairs


def article(html: str) -> str:
    """The main content of a page, without the theme around it."""
    return re.search(r"<article[^>]*>(.*)</article>", html, re.S).group(1)


def headings(html: str, level: int) -> int:
    """How many headings of a level the page's content has."""
    return len(re.findall(rf"<h{level}[\s>]", article(html)))


def test_every_page_has_the_same_sections_in_both_languages(built_site):
    pairs = pages_in_pairs(built_site)
    assert len(pairs) >= 30
    different = []
    for danish, english in pairs:
        da, en = ((built_site / path).read_text(encoding="utf-8") for path in (danish, english))
        if [headings(da, 2), headings(da, 3)] != [headings(en, 2), headings(en, 3)]:
            different.append(danish)
    assert different == []


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_abbreviation_is_explained_where_it_occurs(built_site, language):
    pages = [built_site / (da if language == "da" else en) for da, en in pages_in_pairs(built_site)]
    unexplained, explained = [], 0
    for page in pages:
        content = article(page.read_text(encoding="utf-8"))
        text = re.sub(r"<abbr\b[^>]*>.*?</abbr>|<(code|a)\b[^>]*>.*?</\1>|<[^>]+>", " ", content, flags=re.S)
        explained += len(re.findall(r'<abbr tabindex="0" title="[^"]+">', content))
        for abbreviation in ABBREVIATIONS[language]:
            if re.search(rf"(?<![\w-]){re.escape(abbreviation)}(?![\w-])", text):
                unexplained.append(f"{page.relative_to(built_site)}: {abbreviation}")
    assert unexplained == [], "\n".join(unexplained)
    assert explained > 20


def running_text(content: str) -> str:
    """A page's text outside headings, links, abbreviations, code and cited titles: where a term needs explaining."""
    left_alone = r"h[1-6]|a|abbr|code|pre|dt|button|svg|cite"
    without = re.sub(rf"<({left_alone})\b[^>]*>.*?</\1>", " ", content, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", without))


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_glossary_term_used_on_a_page_is_explained_there(built_site, language):
    terms = [term for term in glossary_terms(localise(REAL_SITE.glossary, language)) if not term.abbreviation]
    unexplained, linked = [], 0
    for danish, english in pages_in_pairs(built_site):
        path = danish if language == "da" else english
        if path.removeprefix("en/").startswith("glossary/"):
            continue
        content = article((built_site / path).read_text(encoding="utf-8"))
        text = running_text(content)
        for term in terms:  # longest first: "personlig recovery" is one use, not also one of "recovery"
            pattern = re.compile(rf"(?<![\w-]){re.escape(term.words)}(?![\w-])", re.IGNORECASE)
            used = pattern.search(text)
            text = pattern.sub(" ", text)
            explained = f'glossary/#{term.anchor}" title="' in content
            linked += explained
            if used and not explained:
                unexplained.append(f"{path}: {term.words}")
    assert unexplained == [], "\n".join(unexplained)
    assert linked > 50


def test_titles_and_references_of_cited_works_are_left_as_written(built_site):
    """A glossary link inside a cited title or reference would make part of it a link to our glossary, and
    explain an English title in Danish. (An abbreviation's explanation changes nothing and stays.)"""
    cited, changed = 0, []
    for danish, english in pages_in_pairs(built_site):
        for path in (danish, english):
            for title in re.findall(r"<cite\b[^>]*>(.*?)</cite>", (built_site / path).read_text(encoding="utf-8"), re.S):
                cited += 1
                if re.search(r"<a\b", title):
                    changed.append(f"{path}: {title[:80]}")
    assert changed == [], "\n".join(changed)
    assert cited > 20
