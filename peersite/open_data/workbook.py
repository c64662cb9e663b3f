"""The CSV tables as one Excel workbook, for readers who open data in a spreadsheet: a sheet per table with
the same rows as its CSV file, one header row naming each column in Danish and English, filters and a
frozen header. Danish Excel reads a CSV file as one column (it expects semicolons and a byte-order mark);
a workbook carries its columns and its text's encoding itself.

Every cell is a value, never a formula: a text that starts with "=", "+", "-" or "@" stays text."""

import io
import zipfile
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from .. import LANGUAGES
from .export import FORMULA_STARTS, TABLES, Column, Table, columns
from ..data.fields import Date, Int, ListOf, field_kinds
from .licence import NOTICE
from ..data.schema import Site

DATE_FORMAT = "yyyy-mm-dd"
WIDEST = 60  # characters: a wider column hides its neighbours; its text wraps instead
# One style object for every text cell: openpyxl compares each new one with those it has, cell by cell.
WRAPPED = Alignment(wrap_text=True, vertical="top")
BOLD = Font(bold=True)


def header(column: Column, names: dict, in_language: dict) -> str:
    """A column's header in both languages, e.g. "Navn, på dansk / Name, in Danish"."""
    key = "_".join(column.path)
    if key not in names:
        raise ValueError(f"peersite/pages/labels.yml: workbook_columns: the column '{key}' has no heading"
                         f" — add `{key}: {{da: …, en: …}}`")
    name = names[key]
    headings = [
        f"{name[language]}, {in_language[column.language][language]}" if column.language else name[language]
        for language in LANGUAGES
    ]
    return " / ".join(dict.fromkeys(headings))  # "Region", not "Region / Region"


def cell_value(column: Column, record):
    """A column's value for a record as the spreadsheet should hold it: numbers and dates typed, the rest text."""
    text = column.value(record)
    if not text or isinstance(column.kind, ListOf):
        return text or None
    if isinstance(column.kind, Int):
        return int(text)
    if isinstance(column.kind, Date):
        return date.fromisoformat(text)
    return text


def write_sheet(sheet, site: Site, table: Table, names: dict, in_language: dict) -> None:
    """A table's sheet: the header row, then a row per record as in its CSV file."""
    table_columns = columns(field_kinds(table.record_class))
    sheet.append([header(column, names, in_language) for column in table_columns])
    for record in table.records(site):
        sheet.append([cell_value(column, record) for column in table_columns])
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # openpyxl would store a text starting with "=" as a formula
                cell.quotePrefix = cell.value.startswith(FORMULA_STARTS)  # and so it stays text when edited
                cell.alignment = WRAPPED
            elif isinstance(cell.value, date):
                cell.number_format = DATE_FORMAT
    for cell in sheet[1]:
        cell.font = BOLD
        cell.alignment = WRAPPED
    for position, column_cells in enumerate(sheet.iter_cols(), start=1):
        longest = max(len(line) for cell in column_cells for line in str(cell.value or "").split("\n"))
        sheet.column_dimensions[get_column_letter(position)].width = min(WIDEST, max(10, longest + 2))
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions


def workbook_file(site: Site, names: dict, in_language: dict, title: str) -> bytes:
    """The workbook's bytes: a sheet per CSV table, named as its file; the same bytes for the same data."""
    book = Workbook()
    book.remove(book.active)
    for table in TABLES:
        write_sheet(book.create_sheet(table.name), site, table, names, in_language)
    reviewed = datetime.fromisoformat(site.site.reviewed)
    book.properties.title = title
    book.properties.description = NOTICE
    book.properties.created = book.properties.modified = reviewed
    output = io.BytesIO()
    # Not Workbook.save: it stamps the file with the time of the build, and the zip entries too.
    with ReproducibleZip(output, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).write_data()
    return output.getvalue()


class ReproducibleZip(zipfile.ZipFile):
    """A zip archive whose entries carry a fixed date, so the same workbook gives the same bytes on any day."""

    def writestr(self, name, data, *args, **kwargs):
        """Add an entry dated 1980-01-01, the earliest date a zip entry can carry."""
        if isinstance(name, str):
            name = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            name.compress_type = self.compression
        super().writestr(name, data, *args, **kwargs)

    def write(self, filename, arcname=None, *args, **kwargs):
        """Add a file (openpyxl writes each sheet to a temporary one first) without its modification time."""
        with open(filename, "rb") as file:
            self.writestr(arcname or str(filename), file.read())
