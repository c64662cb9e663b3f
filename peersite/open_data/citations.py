"""Every evidence source as a citation: a CSL-JSON item, BibTeX and RIS made from that item, and a reference
formatted from it by citeproc-py with the APA-like style in peersite/open_data/csl/.

The CSL-JSON item is the one description of a source's reference; BibTeX and RIS are read off it.
"""

import json
import re
from functools import cache
from pathlib import Path

import bibtexparser
import rispy
from bibtexparser import model as bibtex
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from markupsafe import Markup

from .. import DEFAULT_LANGUAGE
from ..pages.environment import labels, long_date
from .licence import NOTICE
from ..data.references import WORK_KINDS
from ..data.schema import Site, Source

STYLE = Path(__file__).parent / "csl" / "apa-like.csl"
LOCALES = {"da": "da-DK", "en": "en-US"}
CSL_TYPES = {kind: work.csl_type for kind, work in WORK_KINDS.items()}
BIBTEX_TYPES = {"article-journal": "article", "article-magazine": "article", "report": "techreport"}  # the rest are @misc
# What BibTeX needs of each entry type (as a CSL variable): without it, an entry is @misc.
BIBTEX_NEEDS = {"article": "container-title", "techreport": "publisher"}
# A title that ends in "!" or "?" takes no full stop after it (citeproc-py adds one; APA does not).
TITLE_PUNCTUATION = re.compile(r"([!?](?:</i>)?)\.")
RIS_TYPES = {"article-journal": "JOUR", "article-magazine": "MGZN", "report": "RPRT", "webpage": "ELEC"}  # the rest are GEN
# Characters BibTeX reads as commands or grouping, and how to write them as text. A brace is a command, not "\{":
# BibTeX counts an escaped brace when it matches braces, so one "}" would end the field early.
BIBTEX_ESCAPES = str.maketrans({
    "\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
    "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
})


def csl_name(name: str) -> dict:
    """A name as CSL reads it: "Poulsen, C. H." as family and given name, anything else as written."""
    family, comma, given = name.partition(", ")
    return {"family": family, "given": given} if comma else {"literal": name}


def date_parts(iso_date: str) -> dict:
    """A date written YYYY-MM-DD as CSL reads it."""
    return {"date-parts": [[int(part) for part in iso_date.split("-")]]}


def address_note(source: Source, site: Site, language: str) -> str | None:
    """What a reference manager should keep about a work's address beyond the URL: that it closed, as its own
    notice says, what followed it, and the page that links a work with no address of its own."""
    words = {key: labels()[key][language] for key in ("closed", "months", "date_pattern", "closed_notice", "successor", "linked_from")}
    notes = []
    if source.closed:
        notes.append(f"{words['closed']} {long_date(source.closed, words['months'], words['date_pattern'])},"
                     f" {words['closed_notice']}.")
    if source.successor:
        successor = site.by_id["evidence"][source.successor]
        address = successor.url or (f"https://doi.org/{successor.doi}" if successor.doi else None)
        notes.append(f"{words['successor']}: {address or successor.name[language]}.")
    if source.linked_from:
        notes.append(f"{words['linked_from']}: {source.linked_from}.")
    return " ".join(notes) or None


def csl_item(source: Source, site: Site, language: str = DEFAULT_LANGUAGE) -> dict:
    """A source's reference as CSL-JSON; a work whose title the sources do not give is named by the site's
    description of it, in the language given and in [square brackets], as APA names untitled works."""
    organisations = site.by_id["organisations"]
    authors = [organisations[id].name.da for id in source.author_organisations]
    # The organisation's own (Danish) name, and none that is already named as an author, as APA does.
    publisher = next((organisations[id].name.da for id in (source.publisher, source.organiser) if id), None)
    item = {
        "id": source.id,
        "type": CSL_TYPES[source.kind],
        "title": source.original_title.text if source.original_title else f"[{source.name[language]}]",
        "language": source.original_title.language if source.original_title else None,
        "author": [csl_name(name) for name in source.authors] + [{"literal": name} for name in authors] or None,
        "issued": date_parts(source.published) if source.published else {"date-parts": [[source.year]]} if source.year else None,
        "container-title": source.journal,
        "volume": source.volume,
        "issue": source.issue,
        "page": source.pages,
        "number": source.number,
        "publisher": publisher if publisher not in authors else None,
        "DOI": source.doi,
        "URL": source.url,
        "accessed": date_parts(source.accessed) if source.accessed else None,
        "note": address_note(source, site, language),
    }
    return {key: value for key, value in item.items() if value}


def csl_json(site: Site, sources: list[Source]) -> str:
    """Sources as a CSL-JSON file: a list of items, in the site's default language."""
    return json.dumps([csl_item(source, site) for source in sources], ensure_ascii=False, indent=2) + "\n"


def bibtex_text(text: str) -> str:
    """A text as a BibTeX field value that reads as written."""
    return str(text).translate(BIBTEX_ESCAPES)


def bibtex_address(address: str) -> str:
    """A DOI or web address as a BibTeX field value: braces and backslashes percent-encoded, as an address may."""
    return str(address).replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")


def bibtex_name(name: dict) -> str:
    """A CSL name as BibTeX writes it: "Family, Given", or a name in braces that BibTeX leaves whole."""
    if "literal" in name:
        return "{" + bibtex_text(name["literal"]) + "}"
    return f"{bibtex_text(name['family'])}, {bibtex_text(name['given'])}"


def bibtex_entry(item: dict) -> bibtex.Entry:
    """A CSL-JSON item as a BibTeX entry keyed by the source's id."""
    kind = BIBTEX_TYPES.get(item["type"], "misc")
    if kind in BIBTEX_NEEDS and BIBTEX_NEEDS[kind] not in item:
        kind = "misc"
    date = item.get("issued", {}).get("date-parts", [[]])[0]
    accessed = item.get("accessed", {}).get("date-parts", [[]])[0]
    fields = {
        "author": " and ".join(bibtex_name(name) for name in item.get("author", [])),
        "title": "{" + bibtex_text(item["title"]) + "}",  # braces keep the title's capitals
        "journal": bibtex_text(item.get("container-title", "")),
        "year": str(date[0]) if date else "",
        "date": "-".join(f"{part:02d}" for part in date) if len(date) == 3 else "",
        "volume": bibtex_text(item.get("volume", "")),
        "number": bibtex_text(item.get("issue") or item.get("number", "")),
        "pages": bibtex_text(item.get("page", "").replace("–", "--")),
        "institution" if kind == "techreport" else "publisher": bibtex_text(item.get("publisher", "")),
        "language": {"da": "danish", "en": "english"}.get(item.get("language"), ""),
        "doi": bibtex_address(item.get("DOI", "")),
        "url": bibtex_address(item.get("URL", "")),
        "urldate": "-".join(f"{part:02d}" for part in accessed) if accessed else "",
        "note": bibtex_text(item.get("note", "")),
    }
    return bibtex.Entry(kind, item["id"], [bibtex.Field(key, value) for key, value in fields.items() if value])


def bibtex_file(site: Site, sources: list[Source]) -> str:
    """Sources as a BibTeX file, after a comment with the licence of the records."""
    library = bibtexparser.Library([bibtex.ExplicitComment(NOTICE)])
    library.add([bibtex_entry(csl_item(source, site)) for source in sources])
    return bibtexparser.write_string(library)


def ris_record(item: dict) -> dict:
    """A CSL-JSON item as a RIS record (rispy's names for the tags)."""
    date = item.get("issued", {}).get("date-parts", [[]])[0]
    accessed = item.get("accessed", {}).get("date-parts", [[]])[0]
    first, _, last = item.get("page", "").replace("–", "-").partition("-")
    record = {
        "type_of_reference": RIS_TYPES.get(item["type"], "GEN"),
        "id": item["id"],
        "authors": [name.get("literal") or f"{name['family']}, {name['given']}" for name in item.get("author", [])],
        "title": item["title"],
        "journal_name": item.get("container-title"),
        "year": str(date[0]) if date else None,
        "date": "/".join(f"{part:02d}" for part in date) + "/" if len(date) == 3 else None,
        "volume": item.get("volume"),
        "number": item.get("issue"),
        "start_page": first or None,
        "end_page": last or None,
        "note": item.get("number"),
        "publisher": item.get("publisher"),
        "language": item.get("language"),
        "doi": item.get("DOI"),
        "urls": [item["URL"]] if "URL" in item else None,
        "access_date": "/".join(f"{part:02d}" for part in accessed) + "/" if accessed else None,
        "notes": [item["note"]] if "note" in item else None,
    }
    return {key: ris_value(value) for key, value in record.items() if value}


def ris_value(value):
    """A RIS value on one line (a line break would start a tag or a record of its own); lists item by item."""
    return [ris_value(item) for item in value] if isinstance(value, list) else " ".join(str(value).split())


class RisWriter(rispy.RisWriter):
    """RIS as reference managers write it: records one after another, without rispy's numbered headers."""

    def set_header(self, count: int) -> str:
        return ""


def ris_file(site: Site, sources: list[Source]) -> str:
    """Sources as a RIS file."""
    return rispy.dumps([ris_record(csl_item(source, site)) for source in sources], implementation=RisWriter)


@cache
def style(language: str) -> CitationStylesStyle:
    """The site's citation style with the words of a language ('n.d.' or 'u.å.')."""
    return CitationStylesStyle(str(STYLE), locale=LOCALES[language], validate=False)


def formatted_reference(item: dict, language: str) -> Markup:
    """One CSL-JSON item formatted by citeproc-py as HTML, in a bibliography of its own (so no '2018a')."""
    bibliography = CitationStylesBibliography(style(language), CiteProcJSON([item]), formatter.html)
    bibliography.register(Citation([CitationItem(item["id"])]))
    return Markup(TITLE_PUNCTUATION.sub(r"\1", str(bibliography.bibliography()[0])))


def formatted_references(site: Site, language: str) -> dict[str, Markup]:
    """Every source's reference formatted for pages in a language, by source id."""
    return {source.id: formatted_reference(csl_item(source, site, language), language) for source in site.evidence}
