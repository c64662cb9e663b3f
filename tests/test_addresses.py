"""Every work the site cites can be traced: a source or material with an address in the data links it on its
page; one without says whom to ask; a material shows its source's publisher, year and address; and every
address the data gives is one shared/FACTS.md gives."""

import re

import pytest

from conftest import REAL_SITE, ROOT
from test_citations import NOT_STATED, WORDS, page, reference_rows, section, text
from peersite.checks.links import DOI_RESOLVER, web_addresses
from peersite.data.references import facts_of, has_address, whom_to_ask

SOURCES = REAL_SITE.evidence
MATERIALS = REAL_SITE.materials
ORGANISATIONS = REAL_SITE.by_id["organisations"]
FACTS = ROOT.parent / "shared" / "FACTS.md"
FACTS_OF = {material.id: facts_of(material, REAL_SITE.by_id["evidence"]) for material in MATERIALS}
WITH_ADDRESS = [source.id for source in SOURCES if has_address(source)]
WITHOUT_ADDRESS = [source.id for source in SOURCES if not has_address(source)]


def addresses(work) -> list[str]:
    """Every address the data gives a work: its DOI at doi.org, its URL, the page that links it, its parts' URLs."""
    found = [DOI_RESOLVER + work.doi] if getattr(work, "doi", None) else []
    found += [address for address in (work.url, getattr(work, "linked_from", None)) if address]
    return found + [part.url for part in getattr(work, "parts", []) if part.url]


def links(fragment: str) -> set[str]:
    """The addresses a piece of a page links to."""
    return set(re.findall(r'<a\b[^>]*\bhref="([^"]+)"', fragment))


def materials_section(site, material_id: str, language: str) -> str:
    """A material's section of the materials page."""
    path = f"{'en/' if language == 'en' else ''}materials/index.html"
    return section((site / path).read_text(encoding="utf-8"), material_id)


def material_rows(fragment: str) -> dict[str, str]:
    """A material's list of facts: 'Udgiver: X' as {'Udgiver': HTML of X}."""
    return {text(name): value for name, value in re.findall(r"<li>(.*?):\s*(.*?)</li>", fragment, re.S)}


def test_most_sources_and_materials_can_be_reached():
    """The measure of issue 15: sources and materials a reader can open. Fails when an address is lost."""
    assert len(WITH_ADDRESS) >= 15
    assert sum(has_address(work) for work in FACTS_OF.values()) >= 6


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("source_id", WITH_ADDRESS)
def test_source_page_links_every_address_the_data_gives(built_site, source_id, language):
    source = REAL_SITE.by_id["evidence"][source_id]
    reference = section(page(built_site, source_id, language), "kildehenvisning" if language == "da" else "reference")
    assert set(addresses(source)) <= links(reference)
    if source.successor:
        successor = REAL_SITE.by_id["evidence"][source.successor]
        assert f"../{successor.id}/" in links(reference) and set(addresses(successor)) <= links(reference)
    if source.closed:
        closed = text(reference_rows(built_site, source_id, language)[WORDS[language]["closed"]])
        assert closed.endswith(WORDS[language]["closed_notice"]) and source.closed[:4] in closed


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("source_id", WITHOUT_ADDRESS)
def test_source_without_an_address_says_whom_to_ask(built_site, source_id, language):
    """The publisher (or organiser, or the organisation that wrote it), linked where the data has its site; or, where
    the data names no one, to search for the title. Never only 'not stated'. A project of the pilot programme may have
    ended: its work points to the project's site, or says to search for the title, but does not tell the reader to ask it."""
    source = REAL_SITE.by_id["evidence"][source_id]
    row = reference_rows(built_site, source_id, language)[WORDS[language]["how_to_get"]]
    assert text(row).startswith(WORDS[language]["no_address"])
    ask = whom_to_ask(source)
    if ask is None:
        assert text(row).endswith(WORDS[language]["no_one_to_ask"])
        return
    organisation = ORGANISATIONS[ask[1]]
    if ask[0] == "publisher" and organisation.kind == "project":
        assert WORDS[language]["project_publisher"] in text(row) and organisation.name[language] in text(row)
        assert WORDS[language]["ask_role"]["publisher"] not in text(row)
        if not organisation.url:
            assert text(row).endswith(WORDS[language]["no_project_address"])
    else:
        assert WORDS[language]["ask_role"][ask[0]] in text(row) and organisation.name[language] in text(row)
    assert links(row) == ({organisation.url} if organisation.url else set())


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("material", MATERIALS, ids=lambda material: material.id)
def test_materials_page_links_the_address_or_says_whom_to_ask(built_site, material, language):
    work = FACTS_OF[material.id]
    fragment = materials_section(built_site, material.id, language)
    rows = material_rows(fragment)
    if has_address(work):
        assert set(addresses(work)) - {part.url for part in getattr(work, "parts", [])} <= links(fragment)
        assert WORDS[language]["how_to_get"] not in rows
    else:
        assert text(rows[WORDS[language]["how_to_get"]]).startswith(WORDS[language]["no_address"])


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("material", [material for material in MATERIALS if material.evidence], ids=lambda material: material.id)
def test_a_material_and_its_source_name_the_same_publisher_and_year(built_site, material, language):
    """One fact, one place: where /materials/ names a publisher, the source's page names the same one."""
    publisher, year = WORDS[language]["publisher"], WORDS[language]["year"]
    material_facts = material_rows(materials_section(built_site, material.id, language))
    source_rows = reference_rows(built_site, material.evidence, language)
    if publisher in source_rows:
        assert text(material_facts[publisher]) == text(source_rows[publisher])
    else:  # a kind of work without a publisher (a talk, an article): the materials page does not invent one
        assert text(material_facts[publisher]) == NOT_STATED[language]
    assert text(material_facts.get(year, NOT_STATED[language])) == text(source_rows[year])


def test_every_address_in_the_data_is_one_the_facts_give():
    """No invented address: each is written in shared/FACTS.md (scheme and 'www.' aside, DOIs included), or, as FACTS
    gives the Vidensportal's articles, as '…/<last part>' under an address it gives."""
    if not FACTS.is_file():
        pytest.skip("shared/FACTS.md is not beside the project (as on GitHub)")
    facts = FACTS.read_text(encoding="utf-8")

    def in_facts(address: str) -> bool:
        plain = re.sub(r"^(https?://)?(www\.)?", "", address.removeprefix(DOI_RESOLVER)).rstrip("/")
        parent, _, last = plain.rpartition("/")
        return plain in facts or (f"…/{last}" in facts and bool(parent) and in_facts(parent))

    assert [address for address in web_addresses(REAL_SITE) if not in_facts(address)] == []
