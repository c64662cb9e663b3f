"""Every source's full reference: shown on its page in both languages, formatted by citeproc-py, and offered as
CSL-JSON, BibTeX and RIS files that a citation processor, a BibTeX parser and a RIS reader read back."""

import html
import json
import re

import pytest
import rispy
from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
from citeproc.source.json import CiteProcJSON
from pybtex.database import parse_string

from conftest import REAL_SITE, ROOT
from peersite.citations import style
from peersite.downloads import citation_path

SOURCES = REAL_SITE.evidence
IDS = [source.id for source in SOURCES]
DOIS = {source.id: source.doi for source in SOURCES if source.doi}
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


def test_bibtex_of_all_sources_parses_and_holds_every_doi(built_site):
    bibliography = parse_string(built_file(built_site, citation_path(None, "bibtex")), "bibtex")
    assert list(bibliography.entries) == IDS
    assert {key: entry.fields["doi"] for key, entry in bibliography.entries.items() if "doi" in entry.fields} == DOIS
    results = bibliography.entries["peer-results-2025"]
    assert [str(person) for person in results.persons["author"]][:2] == ["Poulsen, C. H.", "Egmose, C. H."]
    assert (results.fields["journal"], results.fields["volume"], results.fields["number"], results.fields["pages"]) == (
        "BMC Psychiatry", "25", "1", "695")


def test_ris_of_all_sources_reads_back_with_every_doi(built_site):
    records = rispy.loads(built_file(built_site, citation_path(None, "ris")))
    assert [record["id"] for record in records] == IDS
    assert {record["id"]: record["doi"] for record in records if "doi" in record} == DOIS
    chime = next(record for record in records if record["id"] == "chime-2011")
    assert (chime["type_of_reference"], chime["start_page"], chime["end_page"], chime["authors"][2]) == (
        "JOUR", "445", "452", "Le Boutillier, C.")


def test_csl_json_of_all_sources_is_read_by_the_citation_processor_with_every_doi(built_site):
    items = json.loads(built_file(built_site, citation_path(None, "csl-json")))
    bibliography = CitationStylesBibliography(style("en"), CiteProcJSON(items), formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    references = [str(reference) for reference in bibliography.bibliography()]
    assert len(references) == len(SOURCES)
    assert {item["id"]: item["DOI"] for item in items if "DOI" in item} == DOIS
    for doi in DOIS.values():
        assert sum(f"https://doi.org/{doi}" in reference for reference in references) == 1


@pytest.mark.parametrize("source_id", IDS)
def test_each_sources_own_files_hold_that_source_alone(built_site, source_id):
    assert [item["id"] for item in json.loads(built_file(built_site, citation_path(source_id, "csl-json")))] == [source_id]
    assert list(parse_string(built_file(built_site, citation_path(source_id, "bibtex")), "bibtex").entries) == [source_id]
    assert [record["id"] for record in rispy.loads(built_file(built_site, citation_path(source_id, "ris")))] == [source_id]


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("source_id", IDS)
def test_source_page_cites_the_source_and_links_its_files(built_site, source_id, language):
    source = REAL_SITE.by_id["evidence"][source_id]
    heading = "citér-denne-kilde" if language == "da" else "cite-this-source"
    cite = section(page(built_site, source_id, language), heading)
    reference = text(re.search(r'<p class="citation">(.*?)</p>', cite, re.S).group(1))
    title = source.original_title.text if source.original_title else f"[{source.name[language]}]"
    assert reference.count(title) == 1, reference  # an untitled work is named once, not as author and title
    assert re.search(r"\((\d{4}|n\.d\.|u\.å\.)\)\.", reference), reference
    if source.doi:
        assert reference.endswith(f"https://doi.org/{source.doi}")
    depth = "../../../" if language == "en" else "../../"
    links = re.findall(r'<a href="([^"]+)"[^>]*>(CSL-JSON|BibTeX|RIS)</a>', cite)
    assert links == [(depth + citation_path(source_id, name), label)
                     for name, label in (("csl-json", "CSL-JSON"), ("bibtex", "BibTeX"), ("ris", "RIS"))]


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
    # The Danish title stands only as itself, marked as Danish: in the reference and in the formatted citation.
    outside = re.sub(r'<cite lang="da">.*?</cite>|<p class="citation">.*?</p>', " ", article, flags=re.S)
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
