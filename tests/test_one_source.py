"""A fact about a model is stated from the data wherever a page states it: every table row and definition
list that gives a model's region, partnership, paid or volunteer peers, or format, in both languages,
says what content/data.yml says, and no hand-written page writes such a table itself."""

import re
from html.parser import HTMLParser
from posixpath import normpath
from urllib.parse import urljoin

import pytest

from conftest import REAL_SITE, ROOT, site_pages
from peersite.pages.render import labels, localise

FIELDS = ("region", "partnership", "delivery", "format")


class Facts(HTMLParser):
    """What tables and definition lists state, as (header -> cell text, links) pairs: a table row with its
    column headers; in a table with a header cell at the start of each row (a comparison, one column per
    thing compared), a column with its row headers and the links in its column header; and definition
    lists (term -> definition)."""

    def __init__(self):
        super().__init__()
        self.rows: list[tuple[dict[str, str], list[str]]] = []
        self.definitions: dict[str, str] = {}
        self._headers: list[str] = []
        self._header_links: list[list[str]] = []
        self._columns: dict[int, dict[str, str]] = {}
        self._cells: list[tuple[str, str, list[str]]] = []
        self._links: list[str] = []
        self._text: list[str] | None = None
        self._separator = False
        self._term = ""

    def handle_starttag(self, tag, attrs):
        if tag in ("th", "td", "dt", "dd"):
            self._text, self._links = [], []
        elif tag == "tr":
            self._cells = []
        elif tag == "table":
            self._headers, self._header_links, self._columns = [], [], {}
        elif tag == "a" and "href" in dict(attrs):
            self._links.append(dict(attrs)["href"])
        elif tag == "span" and dict(attrs).get("class") == "table-separator":
            self._separator = True  # for search results only: not part of what the cell states

    def handle_data(self, data):
        if self._text is not None and not self._separator:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "span":
            self._separator = False
        if tag == "table":
            self.rows += [(facts, self._header_links[index]) for index, facts in self._columns.items()]
        elif tag == "tr":
            self.end_row()
        elif tag in ("th", "td") and self._text is not None:
            self._cells.append((tag, " ".join("".join(self._text).split()), self._links))
            self._text = None
        elif tag in ("dt", "dd") and self._text is not None:
            text = " ".join("".join(self._text).split())
            self._text = None
            if tag == "dt":
                self._term = text
            else:
                self.definitions[self._term] = text

    def end_row(self):
        """A header row names the columns; a row led by a header cell adds to each column; any other row is one."""
        if not self._cells:
            return
        kinds = [kind for kind, _, _ in self._cells]
        if all(kind == "th" for kind in kinds):
            self._headers = [text for _, text, _ in self._cells]
            self._header_links = [links for _, _, links in self._cells]
        elif kinds[0] == "th" and self._header_links:
            row_header = self._cells[0][1]
            for index, (_, text, _) in enumerate(self._cells[1:], start=1):
                self._columns.setdefault(index, {})[row_header] = text
        else:
            links = [link for _, _, cell_links in self._cells for link in cell_links]
            self.rows.append((dict(zip(self._headers, [text for _, text, _ in self._cells])), links))


def expected(model, language: str) -> dict[str, str]:
    """What the data says of a model, as the first words of a cell that states it."""
    local, words = localise(REAL_SITE, language), localise(labels(), language)
    model = local.by_id["models"][model.id]
    names = [words["format_values"][f] for f in model.formats]
    formats = f" {words['and']} ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names) or words["not_stated"]
    return {
        words["region"]: local.by_id["organisations"][model.region].name,
        words["partnership"]: local.by_id["partnerships"][model.partnership].name,
        words["delivery"]: words["delivery_values"][model.delivery].capitalize(),
        words["format"]: formats.capitalize(),
    }


def article(path) -> str:
    """The main content of a built page."""
    return re.search(r"<article[^>]*>(.*)</article>", path.read_text(encoding="utf-8"), re.S).group(1)


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_page_states_each_models_facts_as_the_data_does(built_site, language):
    pages = sorted(p for p in site_pages(built_site, "index.html") if (p.relative_to(built_site).parts[0] == "en") == (language == "en"))
    contradictions, stated = [], 0
    for page in pages:
        facts = Facts()
        facts.feed(article(page))
        here = page.parent.relative_to(built_site).as_posix().removeprefix(".")
        for model in REAL_SITE.models:
            truth = expected(model, language)
            own_page = here.endswith(f"models/{model.id}")
            target = normpath(f"{'en/' if language == 'en' else ''}models/{model.id}")
            statements = [facts.definitions] if own_page else [
                cells for cells, links in facts.rows
                if any(normpath(urljoin(f"/{here}/" if here else "/", link)).lstrip("/") == target for link in links)
            ]
            for cells in statements:
                for header, value in truth.items():
                    if header in cells:
                        stated += 1
                        if not cells[header].startswith(value):
                            contradictions.append(f"{here}: model {model.number} {header}: {cells[header]!r}, data: {value!r}")
    assert contradictions == []
    # The models index, every model page and the getting-started table state them all.
    assert stated >= 6 * 4 + 6 * 3 + 6


def test_no_hand_written_page_tabulates_model_facts_by_hand():
    headers = {word for language in ("da", "en") for key in FIELDS for word in [localise(labels(), language)[key]]}
    offenders = []
    for page in sorted((ROOT / "docs").glob("*.md")):
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")] if line.lstrip().startswith("|") else []
            if any(cell in headers for cell in cells):
                offenders.append(f"{page.name}:{number}: {line.strip()}")
    assert offenders == [], "write these tables with a data block, <!-- data: … -->"
