"""The data as files, served by the site itself: the dataset valid, whole, against the JSON Schema published beside
it (its data against the data file's own) and readable by `make check`, CSV tables that the frictionless validator
passes, a workbook with the same rows that openpyxl reads and in which no text becomes a formula, a licence in each,
and every file on the downloads page (each link a download of the file's type), in the sitemap and linked from
every footer."""

import csv
import gzip
import io
import json
import re
import zipfile
from datetime import datetime
from html.parser import HTMLParser

from urllib.parse import urljoin

import frictionless
import jsonschema
import openpyxl
import pytest

from conftest import REAL_SITE, ROOT, site_pages, write_data
from peersite.data.data_schema import SCHEMA_VERSION
from peersite.open_data.downloads import DATASET, PACKAGE, SCHEMA, WORKBOOK, downloads
from peersite.pages.environment import labels
from peersite.open_data.export import TABLES, columns
from peersite.data.fields import field_kinds
from peersite.open_data.licence import LICENCE_ID, LICENCE_URL
from peersite.data.load import load_marked_yaml
from peersite.data.validate import check_site

FILES = downloads(REAL_SITE)


def read_json(site, path: str):
    """A JSON file of the built site."""
    return json.loads((site / path).read_text(encoding="utf-8"))


def test_every_download_is_built_as_made(built_site):
    assert len(FILES) == 3 + len(TABLES) + 1 + 3 * (1 + len(REAL_SITE.evidence))
    assert [file.path for file in FILES if (built_site / file.path).read_bytes() != file.content] == []


def test_the_whole_dataset_is_valid_against_the_schema_published_beside_it_and_dated(built_site):
    """What a researcher runs: the downloaded file against the downloaded schema, whole; its data as the data file's
    own schema describes them; and a finding the schema does not allow is caught."""
    dataset, schema = read_json(built_site, DATASET), read_json(built_site, SCHEMA)
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    validator.validate(dataset)
    data_file_schema = json.loads((ROOT / "content" / "data.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(data_file_schema).validate(dataset["data"])
    assert schema["definitions"]["Site"] == data_file_schema["definitions"]["Site"]
    assert dataset["findings"], "no findings to test the schema with"
    wrong = {**dataset, "findings": [{**dataset["findings"][0], "direction": "better"}]}
    assert [error.path[-1] for error in validator.iter_errors(wrong)] == ["direction"]
    assert (dataset["schema_version"], schema["version"], data_file_schema["version"]) == (SCHEMA_VERSION,) * 3
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
    linked = {urljoin(f"/{prefix}downloads/", href) for href in re.findall(r'<a href="([^"]+)"', page)}
    assert {"/" + file.path for file in FILES if not file.source} <= linked
    content = re.sub(r"<[^>]+>", " ", re.search(r"<article[^>]*>(.*)</article>", page, re.S).group(1))
    assert "CC BY 4.0" in content and f'href="{LICENCE_URL}"' in page
    assert ("tilhører deres forfattere" if language == "da" else "belong to their authors") in content


def test_every_page_links_the_downloads_in_its_footer(built_site):
    pages = [path for path in site_pages(built_site, "index.html") if "data" not in path.parts]
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


def csv_rows(path) -> list[list[str]]:
    """A CSV file's rows, as Python's csv module reads them."""
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.reader(file))


def as_csv_text(value) -> str:
    """A workbook cell's value written as the CSV files write it: numbers as digits, dates as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    return str(value)


def test_workbook_has_a_sheet_per_table_with_the_rows_of_its_csv_file(built_site):
    book = openpyxl.load_workbook(built_site / WORKBOOK)
    assert book.sheetnames == [table.name for table in TABLES]
    for table in TABLES:
        header, *rows = csv_rows(built_site / "data" / "csv" / f"{table.name}.csv")
        sheet_header, *sheet_rows = sheet_values = list(book[table.name].iter_rows(values_only=True))
        assert [[as_csv_text(value) for value in row] for row in sheet_rows] == rows, table.name
        assert len(sheet_header) == len(header) and len(sheet_rows) == len(table.records(REAL_SITE))
        assert book[table.name].auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(header))}{len(sheet_values)}"
        assert book[table.name].freeze_panes == "A2"


def test_workbook_headers_name_each_column_in_danish_and_english(built_site):
    sheet = openpyxl.load_workbook(built_site / WORKBOOK)["models"]
    headers = dict(zip(csv_rows(built_site / "data" / "csv" / "models.csv")[0], (cell.value for cell in sheet[1])))
    name, in_da, in_en = labels()["workbook_columns"]["name"], labels()["in_da"], labels()["in_en"]
    assert headers["name_da"] == f"{name['da']}, {in_da['da']} / {name['en']}, {in_da['en']}"
    assert headers["name_en"] == f"{name['da']}, {in_en['da']} / {name['en']}, {in_en['en']}"
    target = labels()["workbook_columns"]["target_group"]
    assert headers["target_group_da"].startswith(f"{target['da']}, ") and f" / {target['en']}, " in headers["target_group_da"]
    assert headers["region"] == labels()["workbook_columns"]["region"]["da"]  # the same word in both: once


def test_every_column_has_a_workbook_heading_and_every_heading_a_column():
    needed = {"_".join(column.path) for table in TABLES for column in columns(field_kinds(table.record_class))}
    headings = set(labels()["workbook_columns"])
    assert (needed - headings, headings - needed) == (set(), set())


# Texts a spreadsheet would run as a formula if they were stored as one.
FORMULAS = {
    "target_group: {da: Voksne, en: Adults}": ("=HYPERLINK(\"https://evil.example/\",\"klik\")", "+1+1"),
    "peer_does: {da: Støtter i samtaler., en: Gives support in conversations.}": ("-2+3", "@SUM(1,1)"),
}


def test_workbook_stores_a_text_that_looks_like_a_formula_as_text(tmp_path):
    from peersite.data.load import load_marked_yaml
    from peersite.data.validate import check_site

    mistakes = [(old, f"{old.split(':')[0]}: {json.dumps({'da': da, 'en': en})}") for old, (da, en) in FORMULAS.items()]
    site, problems = check_site(load_marked_yaml(write_data(tmp_path, *mistakes)))
    # The check names only the formula's straight quotes (a text quotes »…« or “…”); the texts reach the workbook.
    assert all(problem.what.startswith(('the quotation marks " ', 'a straight " ')) for problem in problems)
    content = next(file.content for file in downloads(site) if file.path == WORKBOOK)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        sheets = [archive.read(name).decode("utf-8") for name in archive.namelist() if name.startswith("xl/worksheets/")]
    assert sheets and not any("<f>" in sheet or "<f " in sheet for sheet in sheets)
    cells = {cell.value: cell for row in openpyxl.load_workbook(io.BytesIO(content))["models"].iter_rows() for cell in row}
    for text in (text for pair in FORMULAS.values() for text in pair):
        assert cells[text].data_type == "s" and cells[text].quotePrefix, text


class DownloadLinks(HTMLParser):
    """Every link on a page to one of the site's data files, with its attributes."""

    def __init__(self, page_url: str):
        super().__init__()
        self.page_url, self.links = page_url, []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        target = urljoin(self.page_url, attributes.get("href") or "")
        if tag == "a" and target.startswith("http://site/data/"):
            self.links.append((target.removeprefix("http://site/"), attributes))


def test_every_link_to_a_file_downloads_it_with_its_type(built_site):
    media_types = {file.path: file.media_type for file in FILES}
    found = []
    for path in site_pages(built_site, "index.html"):
        parser = DownloadLinks(f"http://site/{path.parent.relative_to(built_site).as_posix()}/".replace("/./", "/"))
        parser.feed(path.read_text(encoding="utf-8"))
        found += [(path, target, attributes) for target, attributes in parser.links]
    assert len(found) == 2 * len(FILES)  # each file on the downloads page or its source page, in both languages
    assert [(str(path), target) for path, target, attributes in found
            if "download" not in attributes or attributes.get("type") != media_types[target]] == []
