"""Tables that read well everywhere: on a phone each data cell shows its column's header beside it (the
stylesheet stacks the rows as cards), and in search results the header row is left out and the cells
are separated, so a row reads as a line rather than as words run together."""

import html
import re
from functools import cache

from markupsafe import Markup

from .environment import html_environment

TABLE = re.compile(r"<table\b.*?</table>", re.S)
HEAD = re.compile(r"<thead\b(?![^>]*data-search-exclude)")
HEADER_ROW = re.compile(r"<thead\b.*?<tr\b[^>]*>(.*?)</tr>", re.S)
BODY = re.compile(r"<tbody\b[^>]*>(.*?)</tbody>", re.S)
ROW = re.compile(r"(<tr\b[^>]*>)(.*?)(</tr>)", re.S)
CELL = re.compile(r"<(t[hd])\b([^>]*)>(.*?)</\1>", re.S)
TAG = re.compile(r"<[^>]+>")
SEPARATOR = 'class="table-separator"'


@cache
def cells():
    """The markup of a rewritten cell, from templates/table-cell.html.j2."""
    return html_environment().get_template("table-cell.html.j2").make_module()


def cell_text(cell_html: str) -> str:
    """A cell's text on one line, without its markup."""
    return " ".join(html.unescape(TAG.sub(" ", cell_html)).split())


def rewrite_row(row_html: str, headers: list[str]) -> str:
    """A body row's cells: each data cell labelled with its column's header, each cell with text separated."""
    position = 0

    def rewritten(match: re.Match) -> str:
        nonlocal position
        tag, attributes, content = match.groups()
        header = headers[position] if position < len(headers) else ""
        position += 1
        if SEPARATOR in content:  # rewritten already
            return match.group(0)
        label = header if tag == "td" and "data-label=" not in attributes else ""
        return cells().cell(tag, Markup(attributes), Markup(content), label, bool(cell_text(content)))

    return CELL.sub(rewritten, row_html)


def rewrite_table(table_html: str) -> str:
    """One table made to read well; a table without a header row and a body is left as it is."""
    header_row, body = HEADER_ROW.search(table_html), BODY.search(table_html)
    if not header_row or not body:
        return table_html
    headers = [cell_text(content) for _, _, content in CELL.findall(header_row.group(1))]
    rows = ROW.sub(lambda row: row.group(1) + rewrite_row(row.group(2), headers) + row.group(3), body.group(1))
    table_html = table_html[: body.start(1)] + rows + table_html[body.end(1):]
    return HEAD.sub("<thead data-search-exclude", table_html)


def rewrite_tables(page_html: str) -> str:
    """A page's content with every table made to read well on a phone and in search results."""
    return TABLE.sub(lambda table: rewrite_table(table.group(0)), page_html)
