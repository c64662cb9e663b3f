"""The data as files for other programs: the whole dataset as JSON, a CSV table per collection, and a
Frictionless Data Package describing the tables. Columns and their types come from the record classes
in peersite/data/schema.py, as the JSON Schema of the data file does."""

import csv
import dataclasses
import io
import json
from collections.abc import Callable

from .. import LANGUAGES
from ..data.data_schema import DRAFT, SCHEMA_VERSION
from ..data.evidence_map import Finding, RowLevel, evidence_map, row_levels
from ..data.fields import Choice, Date, Field, Int, ListOf, RecordOf, Ref, Str, Text, Url, field_kinds
from .licence import LICENCE_ID, LICENCE_NAME, LICENCE_URL, NOTICE
from ..data.schema import SITE, Material, Model, Organisation, Outcome, Partnership, Result, Site, Source

LIST_SEPARATOR = ";"  # between the ids or names of a list in one CSV cell
TEXT_SEPARATOR = "\n"  # between the texts of a list in one CSV cell: texts may hold any punctuation
# A cell starting with one of these is run as a formula by spreadsheet programs (OWASP, "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def trial_results(site: Site) -> list[Result]:
    """The PEER trial's result on each outcome."""
    return site.peer_trial.results


def findings(site: Site) -> list[Finding]:
    """What the sources found, row by row of the evidence map: the strength and direction as fields."""
    return [finding for row in evidence_map(site) for finding in row.findings]


def evidence_levels(site: Site) -> list[RowLevel]:
    """Each model's, the programme's and the course's evidence level, and the sources that give it."""
    return row_levels(evidence_map(site))


@dataclasses.dataclass(frozen=True)
class Table:
    """A CSV table: one row per record of a collection (or of `records_of`, for records worked out from the
    data), keyed by `key`."""

    name: str
    record_class: type
    key: tuple[str, ...] = ("id",)
    records_of: Callable[[Site], list] | None = None

    def records(self, site: Site) -> list:
        """The table's records in the data's order."""
        return self.records_of(site) if self.records_of else getattr(site, self.name)


TABLES = (
    Table("organisations", Organisation),
    Table("partnerships", Partnership),
    Table("models", Model),
    Table("outcomes", Outcome),
    Table("evidence", Source),
    Table("materials", Material),
    Table("trial-results", Result, key=("outcome", "source"), records_of=trial_results),
    Table("evidence-levels", RowLevel, key=("row",), records_of=evidence_levels),
    Table("findings", Finding, key=("row", "outcome", "source"), records_of=findings),
)


def plain(record) -> dict:
    """A record as a JSON value: a mapping of its fields as in content/data.yml, empty fields left out."""
    fields = {name: plain_value(getattr(record, name), kind) for name, kind in field_kinds(type(record)).items()}
    return {name: value for name, value in fields.items() if value is not None}


def plain_value(value, kind: Field):
    """A field's value as JSON, by its kind: a text a mapping of its languages, a record a mapping of its fields."""
    if value is None:
        return None
    if isinstance(kind, ListOf):
        return [plain_value(item, kind.item) for item in value]
    if isinstance(kind, RecordOf):
        return plain(value)
    if isinstance(kind, Text):
        return {language: value[language] for language in LANGUAGES}
    return value


def dataset(site: Site) -> dict:
    """The whole dataset in both languages, with the version of its schema, its review date and its licence."""
    return {
        "schema_version": SCHEMA_VERSION,
        "reviewed": site.site.reviewed,
        "license": {"id": LICENCE_ID, "name": LICENCE_NAME, "url": LICENCE_URL, "notice": NOTICE},
        "data": plain(site),
        # Worked out from the data, as the pages show them (peersite/data/evidence_map.py).
        "evidence_levels": [plain(level) for level in evidence_levels(site)],
        "findings": [plain(finding) for finding in findings(site)],
    }


def dataset_schema() -> dict:
    """The JSON Schema of the dataset file: its data as content/data.yml's schema describes them, and the evidence
    levels and findings by their record classes, as dataset() writes them."""
    definitions: dict = {}
    strings = {name: {"type": "string"} for name in ("id", "name", "url", "notice")}
    properties = {
        "schema_version": {"const": SCHEMA_VERSION},
        "reviewed": field_kinds(SITE.kinds["site"].record_class)["reviewed"].json_schema(definitions),
        "license": {"type": "object", "properties": strings, "required": list(strings), "additionalProperties": False},
        "data": SITE.json_schema(definitions),
        "evidence_levels": {"type": "array", "items": RecordOf(RowLevel).json_schema(definitions)},
        "findings": {"type": "array", "items": RecordOf(Finding).json_schema(definitions)},
    }
    return {
        "$schema": DRAFT,
        "title": "The peer-support site's data (peer-support.json)",
        "version": SCHEMA_VERSION,
        "description": "Every record of the site in Danish and English (data), with where each model, the programme and"
                       " the course stand on the evidence rubric (evidence_levels) and what each source found on each"
                       " outcome (findings), as the pages show them. That an id refers to a record that exists is not"
                       " said here: the data package's foreign keys say it for the tables.",
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
        "definitions": definitions,
    }


def dataset_json(site: Site) -> str:
    """The dataset as a JSON file."""
    return json.dumps(dataset(site), ensure_ascii=False, indent=1) + "\n"


@dataclasses.dataclass(frozen=True)
class Column:
    """A CSV column: the fields leading to its value from a record, their kind, and the language of a text."""

    name: str
    path: tuple[str, ...]
    kind: Field
    language: str | None = None
    required: bool = False  # every record has a value here

    def value(self, record) -> str:
        """The column's cell for a record: lists joined, texts in the column's language, nothing as ''."""
        for name in self.path:
            record = None if record is None else getattr(record, name)
        if record is None:
            return ""
        if isinstance(self.kind, ListOf):
            items = [item[self.language] if self.language else item for item in record]
            return (TEXT_SEPARATOR if self.language else LIST_SEPARATOR).join(str(item) for item in items)
        return str(record[self.language] if self.language else record)


def columns(kinds: dict[str, Field], path: tuple[str, ...] = (), required: bool = True) -> list[Column]:
    """The columns of records with these fields: a text gets a column per language (`name_da`), a record a
    column per field of its own (`original_title_text`); lists of records (a trial's arms) are in the JSON only."""
    found = []
    for name, kind in kinds.items():
        here, always = (*path, name), required and kind.required and not isinstance(kind, ListOf)
        item = kind.item if isinstance(kind, ListOf) else kind
        if isinstance(item, Text):
            found += [Column(f"{'_'.join(here)}_{language}", here, kind, language, always) for language in LANGUAGES]
        elif isinstance(kind, RecordOf):
            found += columns(field_kinds(kind.record_class), here, always)
        elif not isinstance(item, RecordOf):
            found.append(Column("_".join(here), here, kind, None, always))
    return found


def spreadsheet_text(cell: str) -> str:
    """A CSV cell that a spreadsheet program shows as text: one that would start a formula gets an apostrophe
    before it, as OWASP advises against CSV injection."""
    return f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell


def table_csv(site: Site, table: Table) -> str:
    """A table as CSV text: a header row of column names, then a row per record."""
    table_columns = columns(field_kinds(table.record_class))
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\n")
    writer.writerow([column.name for column in table_columns])
    for record in table.records(site):
        writer.writerow([spreadsheet_text(column.value(record)) for column in table_columns])
    return output.getvalue()


def field_descriptor(column: Column) -> dict:
    """A column in Frictionless Table Schema terms."""
    name, kind, language = column.name, column.kind, column.language
    item = kind.item if isinstance(kind, ListOf) else kind
    if isinstance(kind, ListOf):
        separator = TEXT_SEPARATOR if language else LIST_SEPARATOR
        descriptor = {"name": name, "type": "list", "delimiter": separator, "itemType": "string"}
    elif isinstance(item, Int):
        descriptor = {"name": name, "type": "integer", "constraints": {"minimum": 0}}
    elif isinstance(item, Date):
        descriptor = {"name": name, "type": "date"}
    elif isinstance(item, Choice):
        descriptor = {"name": name, "type": "string", "constraints": {"enum": list(item.options)}}
    elif isinstance(item, Url):
        descriptor = {"name": name, "type": "string", "format": "uri"}
    elif isinstance(item, (Str, Text)):
        descriptor = {"name": name, "type": "string"}
    else:
        raise TypeError(f"no Table Schema type for {type(item).__name__} (column {name})")
    if language:
        descriptor["description"] = f"In {'Danish' if language == 'da' else 'English'}"
    if isinstance(item, Ref):
        descriptor["description"] = f"Id{'s' if isinstance(kind, ListOf) else ''} in the table {item.collection}"
    if column.required:
        descriptor.setdefault("constraints", {})["required"] = True
    return descriptor


def table_schema(table: Table) -> dict:
    """A table's Table Schema: its columns with their types, its primary key, and its references as foreign keys."""
    table_columns = columns(field_kinds(table.record_class))
    foreign_keys = [
        {"fields": column.name, "reference": {"resource": column.kind.collection, "fields": "id"}}
        for column in table_columns if isinstance(column.kind, Ref)
    ]
    schema = {
        "fields": [field_descriptor(column) for column in table_columns],
        "primaryKey": list(table.key),
    }
    return {**schema, "foreignKeys": foreign_keys} if foreign_keys else schema


def table_path(table: Table) -> str:
    """Where a table's CSV lives, relative to the data package."""
    return f"csv/{table.name}.csv"


def data_package(title: str, description: str) -> dict:
    """The Frictionless Data Package describing every CSV table."""
    return {
        "profile": "tabular-data-package",
        "name": "peer-support-denmark",
        "title": title,
        "description": description,
        "version": SCHEMA_VERSION,
        "licenses": [{"name": LICENCE_ID, "title": LICENCE_NAME, "path": LICENCE_URL}],
        "resources": [
            {
                "profile": "tabular-data-resource",
                "name": table.name,
                "path": table_path(table),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": table_schema(table),
            }
            for table in TABLES
        ],
    }
