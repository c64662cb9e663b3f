"""Every source's full reference, shown on its page in both languages, from shared/FACTS.md."""

import html
import re

import pytest

from conftest import REAL_SITE, ROOT

SOURCES = REAL_SITE.evidence
IDS = [source.id for source in SOURCES]
FACTS = ROOT.parent / "shared" / "FACTS.md"
NOT_STATED = {"da": "Ikke oplyst i kilderne", "en": "Not stated in the sources"}


def built_file(site, path: str) -> str:
    """A file of the built site as text."""
    return (site / path).read_text(encoding="utf-8")


def page(site, source_id: str, language: str) -> str:
    """The built page of a source in a language."""
    return built_file(site, f"{'en/' if language == 'en' else ''}evidence/{source_id}/index.html")


def section(page_html: str, heading_id: str) -> str:
    """The HTML of a page between the heading with this id and the next h2."""
    return re.search(rf'<h2 id="{heading_id}">.*?</h2>(.*?)(?=<h2|</article>)', page_html, re.S).group(1)


def text(fragment: str) -> str:
    """HTML as the text a reader sees, on one line, without headings' permalinks."""
    fragment = re.sub(r'<a class="headerlink".*?</a>', "", fragment)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("source_id", IDS)
def test_source_page_shows_the_full_reference_and_says_what_is_not_stated(built_site, source_id, language):
    source = REAL_SITE.by_id["evidence"][source_id]
    reference = section(page(built_site, source_id, language), "kildehenvisning" if language == "da" else "reference")
    rows = {text(term): definition for term, definition in re.findall(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", reference, re.S)}
    authors = "Forfattere" if language == "da" else "Authors"
    for name in source.authors:
        assert name in text(rows[authors])
    if source.original_title:
        title = source.original_title
        cited = re.search(r'<cite lang="(\w+)">(.*?)</cite>', rows["Originaltitel" if language == "da" else "Original title"])
        assert (cited.group(1), text(cited.group(2))) == (title.language, title.text)
    if source.doi:
        assert f'<a href="https://doi.org/{source.doi}">' in reference
    for field, value in (("journal", source.journal), ("volume", source.volume), ("pages", source.pages)):
        if value:
            assert value in text(reference), field
    shown = [text(definition) for definition in rows.values()]
    expected_missing = (not source.authors and not source.author_organisations) + (not source.original_title) + (not source.year)
    if source.journal:
        expected_missing += (not source.volume) + (not source.issue) + (not source.pages) + (not source.doi)
    elif source.publisher or not source.organiser:
        expected_missing += not source.publisher
    assert shown.count(NOT_STATED[language]) == expected_missing, shown


@pytest.mark.parametrize("source_id", [source.id for source in SOURCES if source.original_title and source.original_title.language == "da"])
def test_english_pages_describe_danish_works_in_english_and_give_the_title_as_the_original(built_site, source_id):
    source = REAL_SITE.by_id["evidence"][source_id]
    english = page(built_site, source_id, "en")
    heading = text(re.search(r"<h1[^>]*>(.*?)</h1>", english, re.S).group(1))
    assert heading == source.name.en and source.original_title.text not in heading
    article = re.search(r"<article[^>]*>(.*)</article>", english, re.S).group(1)
    # The Danish title stands only as itself, marked as Danish, in the reference.
    outside = re.sub(r'<cite lang="da">.*?</cite>', " ", article, flags=re.S)
    assert source.original_title.text not in text(outside)
    assert '(in Danish)' in text(section(english, "reference"))


def test_every_published_reference_is_in_the_facts():
    """Authors, titles, journals, volumes, pages and DOIs come from shared/FACTS.md, not from memory."""
    facts = " ".join(FACTS.read_text(encoding="utf-8").split()).replace("’", "'")
    for source in SOURCES:
        if not source.doi:
            continue
        assert source.doi in facts, source.id
        for value in (source.original_title.text, source.journal, source.volume, source.issue, source.pages, source.number):
            assert value is None or value in facts, (source.id, value)
        for name in source.authors:
            family, given = name.split(", ")
            assert f"{family} {given.replace('.', '').replace(' ', '')}" in facts, (source.id, name)
