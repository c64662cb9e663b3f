"""Every file the site offers for download, made from the data: where it lives in the built site, what it
holds and its bytes. The downloads page, the source pages, the build hook (which writes the files and lists
them in the sitemap) and the pages' JSON-LD all read this one list."""

import json
from dataclasses import dataclass

from .. import LANGUAGES
from .citations import bibtex_file, csl_json, ris_file
from ..pages.environment import labels
from .export import TABLES, data_package, dataset_json, dataset_schema, table_csv, table_path
from ..data.schema import Site
from .workbook import workbook_file

FOLDER = "data"
DATASET = f"{FOLDER}/peer-support.json"
SCHEMA = f"{FOLDER}/peer-support.schema.json"
PACKAGE = f"{FOLDER}/datapackage.json"
WORKBOOK = f"{FOLDER}/peer-support.xlsx"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Citation formats: the extension of their files and their media type.
CITATION_FORMATS = {
    "csl-json": ("json", "application/vnd.citationstyles.csl+json"),
    "bibtex": ("bib", "application/x-bibtex"),
    "ris": ("ris", "application/x-research-info-systems"),
}


@dataclass(frozen=True)
class Download:
    """A file the site offers: its path from the site's root, what it holds (a key of the labels'
    `download_names`), its format (a key of `download_formats`) and media type, and its bytes."""

    path: str
    name: str
    format: str
    media_type: str
    content: bytes
    source: str | None = None  # the evidence source a citation file is for

    @property
    def size(self) -> int:
        """The file's size in bytes."""
        return len(self.content)


def citation_path(source_id: str | None, citation_format: str) -> str:
    """Where the citations of one source, or of all sources (None), live in a format."""
    extension = CITATION_FORMATS[citation_format][0]
    return f"{FOLDER}/citations/{source_id}.{extension}" if source_id else f"{FOLDER}/peer-support-sources.{extension}"


def citation_files(site: Site, sources: list, source_id: str | None) -> list[Download]:
    """The citations of some sources in every citation format."""
    writers = {"csl-json": csl_json, "bibtex": bibtex_file, "ris": ris_file}
    return [
        Download(citation_path(source_id, name), "citations", name, media_type,
                 writers[name](site, sources).encode("utf-8"), source_id)
        for name, (_, media_type) in CITATION_FORMATS.items()
    ]


def by_source(files: list[Download]) -> dict[str, list[Download]]:
    """The citation files of each source, by its id."""
    found: dict[str, list[Download]] = {}
    for file in files:
        if file.source:
            found.setdefault(file.source, []).append(file)
    return found


def described(description: dict) -> bytes:
    """A file that describes others (a JSON Schema, a data package), as JSON indented for a reader."""
    return (json.dumps(description, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def downloads(site: Site) -> list[Download]:
    """Every file the site offers, made from the data, in the order the downloads page lists them; per-source
    citations last."""
    title, description = labels()["dataset_title"]["en"], labels()["dataset_description"]["en"]
    files = [
        Download(DATASET, "dataset", "json", "application/json", dataset_json(site).encode("utf-8")),
        Download(SCHEMA, "schema", "json-schema", "application/schema+json", described(dataset_schema())),
        Download(PACKAGE, "package", "datapackage", "application/json", described(data_package(title, description))),
    ]
    files += [Download(f"{FOLDER}/{table_path(table)}", table.name, "csv", "text/csv", table_csv(site, table).encode("utf-8"))
              for table in TABLES]
    files.append(Download(WORKBOOK, "workbook", "xlsx", XLSX, workbook_file(
        site, labels()["workbook_columns"], {language: labels()[f"in_{language}"] for language in LANGUAGES},
        " / ".join(labels()["dataset_title"][language] for language in LANGUAGES))))
    files += citation_files(site, site.evidence, None)
    for source in site.evidence:
        files += citation_files(site, [source], source.id)
    return files
