"""The data as files, served by the site itself: the dataset valid against the data file's own JSON Schema and
readable by `make check`, CSV tables that the frictionless validator passes, a licence in each, and every
file on the downloads page, in the sitemap and linked from every footer."""

import csv
import gzip
import json
import re

from urllib.parse import urljoin

import frictionless
import jsonschema
import pytest

from conftest import REAL_SITE, ROOT
from peersite.data_schema import SCHEMA_VERSION
from peersite.downloads import DATASET, PACKAGE, SCHEMA, downloads
from peersite.export import TABLES
from peersite.licence import LICENCE_ID, LICENCE_URL
from peersite.load import load_marked_yaml
from peersite.validate import check_site

FILES = downloads(REAL_SITE)


def read_json(site, path: str):
    """A JSON file of the built site."""
    return json.loads((site / path).read_text(encoding="utf-8"))


def test_every_download_is_built_as_made(built_site):
    assert len(FILES) == 3 + len(TABLES) + 3 * (1 + len(REAL_SITE.evidence))
    assert [file.path for file in FILES if (built_site / file.path).read_bytes() != file.content] == []


def test_dataset_is_valid_against_the_data_files_own_schema_and_dated(built_site):
    dataset = read_json(built_site, DATASET)
    schema = json.loads((ROOT / "content" / "data.schema.json").read_text(encoding="utf-8"))
    assert read_json(built_site, SCHEMA) == schema
    jsonschema.Draft7Validator(schema).validate(dataset["data"])
    assert (dataset["schema_version"], schema["version"]) == (SCHEMA_VERSION, SCHEMA_VERSION)
    assert dataset["reviewed"] == REAL_SITE.site.reviewed
    assert (dataset["license"]["id"], dataset["license"]["url"]) == (LICENCE_ID, LICENCE_URL)


def test_dataset_is_the_data_file_again(built_site, tmp_path):
    """An editor could replace content/data.yml with the dataset's data: `make check` finds the same site."""
    copy = tmp_path / "data.yml"
    copy.write_text(json.dumps(read_json(built_site, DATASET)["data"], ensure_ascii=False), encoding="utf-8")
    site, problems = check_site(load_marked_yaml(copy))
    assert problems == []
    assert site == REAL_SITE


def test_data_package_passes_the_frictionless_validator(built_site):
    report = frictionless.validate(str(built_site / PACKAGE))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert [task.stats["rows"] for task in report.tasks] == [len(table.records(REAL_SITE)) for table in TABLES]
    package = read_json(built_site, PACKAGE)
    assert package["licenses"][0]["name"] == LICENCE_ID
    keys = {resource["name"]: resource["schema"].get("foreignKeys", []) for resource in package["resources"]}
    assert {"fields": "partnership", "reference": {"resource": "partnerships", "fields": "id"}} in keys["models"]
    assert {"fields": "source", "reference": {"resource": "evidence", "fields": "id"}} in keys["trial-results"]


def test_frictionless_catches_a_broken_reference(built_site, tmp_path):
    """The validator really checks the foreign keys: a model in an unknown partnership fails."""
    package = read_json(built_site, PACKAGE)
    for resource in package["resources"]:
        text = (built_site / "data" / resource["path"]).read_text(encoding="utf-8")
        if resource["name"] == "models":
            assert ",partnerskab-hovedstaden," in text
            text = text.replace(",partnerskab-hovedstaden,", ",partnerskab-nowhere,", 1)
        (tmp_path / resource["path"]).parent.mkdir(exist_ok=True)
        (tmp_path / resource["path"]).write_text(text, encoding="utf-8")
    (tmp_path / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert not report.valid
    assert {error_type for error_type, in report.flatten(["type"])} == {"foreign-key"}


def test_tables_have_a_column_per_field_and_language_and_ids_for_references(built_site):
    with (built_site / "data/csv/models.csv").open(encoding="utf-8", newline="") as file:
        header, first = list(csv.reader(file))[:2]
    model = REAL_SITE.models[0]
    assert header[:7] == ["id", "number", "name_da", "name_en", "partnership", "region", "delivery"]
    assert first[:6] == [model.id, str(model.number), model.name.da, model.name.en, model.partnership, model.region]
    evidence = (built_site / "data/csv/evidence.csv").read_text(encoding="utf-8")
    assert "original_title_text,original_title_language" in evidence and "Hjorthøj, C." in evidence


@pytest.mark.parametrize("language", ["da", "en"])
def test_downloads_page_offers_every_file_and_states_the_licence(built_site, language):
    prefix = "en/" if language == "en" else ""
    page = (built_site / prefix / "downloads" / "index.html").read_text(encoding="utf-8")
    depth = "../../" if language == "en" else "../"
    linked = set(re.findall(r'<a href="([^"]+)"', page))
    assert {depth + file.path for file in FILES if not file.source} <= linked
    content = re.sub(r"<[^>]+>", " ", re.search(r"<article[^>]*>(.*)</article>", page, re.S).group(1))
    assert "CC BY 4.0" in content and f'href="{LICENCE_URL}"' in page
    assert ("tilhører deres forfattere" if language == "da" else "belong to their authors") in content


def test_every_page_links_the_downloads_in_its_footer(built_site):
    pages = [path for path in built_site.rglob("index.html") if "data" not in path.parts]
    missing = []
    for path in pages:
        address = f"http://site/{path.parent.relative_to(built_site).as_posix()}/".replace("/./", "/")
        footer = re.search(r'<nav class="site-statements".*?</nav>', path.read_text(encoding="utf-8"), re.S).group(0)
        target = "http://site/en/downloads/" if address.startswith("http://site/en/") else "http://site/downloads/"
        if target not in {urljoin(address, href) for href in re.findall(r'href="([^"]+)"', footer)}:
            missing.append(address)
    assert len(pages) > 60 and missing == []


def test_every_download_is_in_the_sitemap(built_site):
    site_url = re.search(r'<link rel="canonical" href="([^"]+)"', (built_site / "index.html").read_text(encoding="utf-8"))[1]
    for sitemap in ((built_site / "sitemap.xml").read_text(encoding="utf-8"),
                    gzip.decompress((built_site / "sitemap.xml.gz").read_bytes()).decode("utf-8")):
        listed = re.findall(r"<loc>([^<]+)</loc>", sitemap)
        assert {site_url + file.path for file in FILES} <= set(listed)
        assert f"{site_url}downloads/" in listed and f"{site_url}en/downloads/" in listed


def test_readme_and_files_state_the_licence(built_site):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in readme and "belong to their authors" in readme
    assert "CC-BY-4.0" in (built_site / "data/peer-support-sources.bib").read_text(encoding="utf-8")
