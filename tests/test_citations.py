"""Every source's full reference: shown on its page in both languages, formatted by citeproc-py, and offered as
CSL-JSON, BibTeX and RIS files that a citation processor, a BibTeX parser and a RIS reader read back."""

import html
import json
import re
from urllib.parse import urljoin

import pytest
import rispy
from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
from citeproc.source.json import CiteProcJSON
from pybtex.database import parse_string

from conftest import REAL_SITE, ROOT
from peersite import LANGUAGES
from peersite.open_data.citations import style
from peersite.open_data.downloads import citation_path
from peersite.data.references import REFERENCE_FIELDS, WORK_KINDS
from peersite.pages.render import labels, localise

SOURCES = REAL_SITE.evidence
IDS = [source.id for source in SOURCES]
DOIS = {source.id: source.doi for source in SOURCES if source.doi}
FACTS = ROOT.parent / "shared" / "FACTS.md"
NOT_STATED = {"da": "Ikke oplyst i kilderne", "en": "Not stated in the sources"}
WORDS = {language: localise(labels(), language) for language in LANGUAGES}


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


def test_citation_files_carry_each_address_the_day_it_was_checked_and_what_became_of_it(built_site):
    """The URL, the day it was checked ("accessed") and a note on a closed address, its successor and the page that
    links a work without an address of its own, as citeproc, pybtex and rispy read them back."""
    items = {item["id"]: item for item in json.loads(built_file(built_site, citation_path(None, "csl-json")))}
    entries = parse_string(built_file(built_site, citation_path(None, "bibtex")), "bibtex").entries
    records = {record["id"]: record for record in rispy.loads(built_file(built_site, citation_path(None, "ris")))}
    assert any(source.closed for source in SOURCES) and any(source.linked_from for source in SOURCES)
    for source in SOURCES:
        item, fields, record = items[source.id], entries[source.id].fields, records[source.id]
        assert (item.get("URL"), fields.get("url"), record.get("urls", [None])[0]) == (source.url,) * 3, source.id
        accessed = source.accessed.split("-") if source.accessed else None
        assert item.get("accessed") == ({"date-parts": [[int(part) for part in accessed]]} if accessed else None)
        assert fields.get("urldate") == source.accessed
        assert record.get("access_date") == ("/".join(accessed) + "/" if accessed else None)
        successor = REAL_SITE.by_id["evidence"][source.successor].url if source.successor else None
        expected = [part for part in (source.closed and source.closed[:4], successor, source.linked_from) if part]
        note = item.get("note", "")
        assert all(part in note for part in expected) and bool(note) == bool(expected), (source.id, note)
        assert record.get("notes") == ([note] if note else None)
        assert ("note" in fields) == bool(note)


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
    assert not re.search(r"[!?]\.", reference), reference  # "…peer-støtte! (u.å.)", not "…peer-støtte!. (u.å.)"
    if source.doi:
        assert reference.endswith(f"https://doi.org/{source.doi}")
    address = f"/{'en/' if language == 'en' else ''}evidence/{source_id}/"
    links = [(urljoin(address, href), label) for href, label in re.findall(r'<a href="([^"]+)"[^>]*>(CSL-JSON|BibTeX|RIS)</a>', cite)]
    assert links == [("/" + citation_path(source_id, name), label)
                     for name, label in (("csl-json", "CSL-JSON"), ("bibtex", "BibTeX"), ("ris", "RIS"))]


def reference_rows(site, source_id: str, language: str) -> dict[str, str]:
    """A source's reference as its page shows it: each row's term, with the HTML of its definition."""
    reference = section(page(site, source_id, language), "kildehenvisning" if language == "da" else "reference")
    return {text(term): definition for term, definition in re.findall(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", reference, re.S)}


def row_name(field: str, language: str) -> str:
    """The term of the reference row that shows a field."""
    return WORDS[language]["web" if field == "url" else field]


def given(source, field: str) -> bool:
    """Whether the data gives a reference field; organisations named as authors count as authors."""
    return bool(getattr(source, field) or (field == "authors" and source.author_organisations))


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("source_id", IDS)
def test_source_page_shows_the_rows_its_kind_takes_and_says_what_is_not_stated(built_site, source_id, language):
    """Every field the kind expects, stated or said to be not stated; the fields it may have where the data gives
    them; nothing else, but how to get a work the reader cannot reach."""
    source = REAL_SITE.by_id["evidence"][source_id]
    kind = WORK_KINDS[source.kind]
    rows = reference_rows(built_site, source_id, language)
    fields = [field for field in REFERENCE_FIELDS
              if field in kind.expected or (field in kind.optional and given(source, field))]
    reachable = source.doi or source.url or source.linked_from
    assert list(rows) == [row_name(field, language) for field in fields] + ([] if reachable else [WORDS[language]["how_to_get"]])
    not_stated = [term for term, definition in rows.items() if text(definition) == NOT_STATED[language]]
    assert not_stated == [row_name(field, language) for field in fields if field in kind.expected and not given(source, field)]
    for name in source.authors:
        assert name in text(rows[WORDS[language]["authors"]])
    if source.original_title:
        title = source.original_title
        cited = re.search(r'<cite lang="(\w+)">(.*?)</cite>', rows[WORDS[language]["original_title"]])
        assert (cited.group(1), text(cited.group(2))) == (title.language, title.text)
    if source.doi:
        assert re.search(rf'<a\b[^>]*\bhref="https://doi.org/{re.escape(source.doi)}"', rows["DOI"])
    for field in ("journal", "volume", "issue", "pages", "number"):
        if getattr(source, field):
            assert text(rows[row_name(field, language)]) == getattr(source, field), field


# What the reference of each kind of work shows and leaves out, written out here so that a wrong entry in
# peersite/data/references.py fails: a Cochrane review has no volume, issue or pages; a web page no journal; a talk
# an organiser, and neither a publisher nor an address.
JOURNAL = ({"journal", "volume", "issue", "pages", "doi"}, {"publisher", "organiser", "number"})
PUBLISHED = ({"publisher"}, {"journal", "volume", "issue", "pages", "organiser"})
WEB = ({"publisher"}, {"journal", "volume", "issue", "pages", "organiser", "doi", "number"})
KIND_ROWS = {
    "rct": JOURNAL, "protocol": JOURNAL, "meta-analysis": JOURNAL, "framework": JOURNAL, "journal-article": JOURNAL,
    "review": ({"journal", "number", "doi"}, {"volume", "issue", "pages", "publisher", "organiser"}),
    "evaluation": PUBLISHED, "status-report": PUBLISHED, "report": PUBLISHED, "catalogue": PUBLISHED, "guide": PUBLISHED,
    "web-page": WEB, "knowledge-portal": WEB,
    "talk": ({"organiser"}, {"publisher", "journal", "volume", "issue", "pages", "doi", "url"}),
    "article": ({"journal"}, {"publisher", "organiser", "doi"}),
}


def test_every_kind_of_work_is_written_out_here():
    assert set(KIND_ROWS) == set(WORK_KINDS)


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("source_id", IDS)
def test_reference_has_the_rows_of_its_kind_and_none_it_lacks(built_site, source_id, language):
    has, lacks = KIND_ROWS[REAL_SITE.by_id["evidence"][source_id].kind]
    terms = set(reference_rows(built_site, source_id, language))
    assert {row_name(field, language) for field in has} <= terms
    assert {row_name(field, language) for field in lacks} & terms == set()


@pytest.mark.parametrize("kind, shown, left_out", [
    ("review", {"Tidsskrift", "Nummer", "DOI"}, {"Årgang", "Hæfte", "Sider eller artikelnummer", "Udgiver"}),
    ("rct", {"Tidsskrift", "Årgang", "Hæfte", "Sider eller artikelnummer", "DOI"}, {"Udgiver", "Arrangør"}),
    ("talk", {"Arrangør"}, {"Udgiver", "Tidsskrift", "Web", "DOI"}),
    ("web-page", {"Udgiver"}, {"Tidsskrift", "Hæfte", "DOI"}),
])
def test_the_danish_reference_reads_as_the_kind_of_work_it_is(built_site, kind, shown, left_out):
    """In the words a reader sees: a Cochrane review reports no issue as missing, a trial its volume, issue and pages."""
    sources = [source.id for source in SOURCES if source.kind == kind]
    assert sources, f"no source of kind {kind} in the data"
    for source_id in sources:
        terms = set(reference_rows(built_site, source_id, "da"))
        assert shown <= terms and not left_out & terms, (source_id, terms)


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
    if not FACTS.exists():
        pytest.skip("shared/FACTS.md is not beside the project (as on GitHub)")
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


def test_the_editors_guide_lists_the_fields_each_kind_takes():
    """CONTRIBUTING.md's table, in Danish and in English, says what peersite/data/references.py says, kind by kind."""
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (`[a-z-]+`(?:, `[a-z-]+`)*) \| (.*?) \| (.*?) \|$", guide, re.M)

    def names(cell: str) -> tuple[str, ...]:
        return tuple(re.findall(r"`([a-z_-]+)`", cell))

    listed = [(kind, names(expected), names(optional)) for kinds, expected, optional in rows if names(expected)
              for kind in names(kinds)]
    table = [(kind, work.expected, work.optional) for kind, work in WORK_KINDS.items()]
    assert sorted(listed) == sorted(table * 2)
