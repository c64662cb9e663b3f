"""The evidence map: derived from the data, every cell stated in words and linked to its source, the
international reviews shown apart, in both languages."""

import re
from html.parser import HTMLParser

import pytest

from conftest import REAL_SITE
from peersite.evidence_map import Finding, context_sources, evidence_map, unmapped_outcomes
from peersite.render import labels, localise

ROWS = evidence_map(REAL_SITE)
COLUMNS = [column.id for column in REAL_SITE.evidence_map.columns]


def cell(model: str | None, column: str) -> tuple[Finding, ...]:
    """The findings of one cell: a model's (or, for None, the course's) on one column of the map."""
    row = next(row for row in ROWS if row.model == model)
    return row.cells[COLUMNS.index(column)]


def test_every_outcome_studied_for_a_model_or_the_course_has_a_column():
    assert unmapped_outcomes(REAL_SITE) == []


def test_rows_are_the_six_models_then_the_course():
    assert [row.model for row in ROWS] == [model.id for model in REAL_SITE.models] + [None]
    assert all(len(row.cells) == len(COLUMNS) for row in ROWS)


@pytest.mark.parametrize(("column", "state"), [
    ("personal-recovery", "better"), ("functioning", "better"), ("quality-of-life", "better"),
    ("hope", "better"), ("self-efficacy", "better"),
    ("empowerment", "no-significant-difference"), ("self-advocacy", "no-significant-difference"),
    ("social-relations", "no-significant-difference"), ("admissions", "no-difference"),
])
def test_course_cells_are_the_trials_results_as_published(column, state):
    assert [(finding.state, finding.source) for finding in cell(None, column)] == [(state, "peer-results-2025")]


@pytest.mark.parametrize("column", ["receivers", "givers", "workplaces"])
def test_course_has_no_experiences_in_our_sources(column):
    assert cell(None, column) == ()


@pytest.mark.parametrize("model", [model.id for model in REAL_SITE.models])
def test_no_model_was_studied_with_random_allocation(model):
    for column in ("functioning", "quality-of-life", "empowerment", "self-efficacy", "self-advocacy", "admissions"):
        assert cell(model, column) == (), column
    # Socialstyrelsen's evaluation of the national trial speaks to hope and experiences for every model.
    for column in ("hope", "receivers", "givers", "workplaces"):
        assert Finding("experienced", cell(model, column)[0].outcomes, "socialstyrelsen-evaluation") in cell(model, column)


def test_model_reports_count_where_they_name_the_model():
    assert [finding.source for finding in cell("individuel-og-gruppebaseret", "personal-recovery")] == ["peer-stoettens-resultater"]
    assert [finding.source for finding in cell("bro-til-hverdagslivet", "givers")] == [
        "socialstyrelsen-evaluation", "bro-til-hverdagslivet-2018"]
    assert cell("peer-guide", "personal-recovery") == ()


def test_international_reviews_are_context_not_rows():
    assert context_sources(REAL_SITE) == ["chime-2011", "cochrane-2019", "lloyd-evans-2014"]
    assert not any(REAL_SITE.by_id["evidence"][id].models for id in context_sources(REAL_SITE))


class MapTable(HTMLParser):
    """The evidence map's body rows: each cell's text and links."""

    def __init__(self):
        super().__init__()
        self.rows: list[list[tuple[str, list[str]]]] = []
        self._in_map = self._in_body = False
        self._cell: list[str] | None = None
        self._links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "div" and "evidence-map" in (attributes.get("class") or ""):
            self._in_map = True
        elif self._in_map and tag == "tbody":
            self._in_body = True
        elif self._in_body and tag == "tr":
            self.rows.append([])
        elif self._in_body and tag in ("th", "td"):
            self._cell, self._links = [], []
        elif self._cell is not None and tag == "a":
            self._links.append(attributes["href"])
        elif self._cell is not None and tag == "span" and attributes.get("class") == "table-separator":
            self._cell.append("\0")  # the separator is not part of what the cell says

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)

    def handle_endtag(self, tag):
        if self._cell is not None and tag in ("th", "td"):
            text = "".join(self._cell).split("\0")[0]
            self.rows[-1].append((" ".join(text.split()), self._links))
            self._cell = None
        elif tag == "tbody":
            self._in_map = self._in_body = False


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_cell_of_the_built_map_says_what_is_known_and_links_its_source(built_site, language):
    page = built_site / ("en/" if language == "en" else "") / "evidence-map" / "index.html"
    table = MapTable()
    table.feed(page.read_text(encoding="utf-8"))
    local = localise(labels(), language)
    words = local["result_values"] | local["map_states"]
    assert len(table.rows) == len(ROWS)
    for row, cells in zip(ROWS, table.rows):
        assert len(cells) == 1 + len(COLUMNS)
        for findings, (text, links) in zip(row.cells, cells[1:]):
            if not findings:
                assert text == words["not-studied"]
                continue
            for finding in findings:
                assert words[finding.state] in text
                assert any(link.endswith(f"evidence/{finding.source}/") for link in links), (text, links)


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_map_page_explains_the_course_and_model_2_and_keeps_the_reviews_apart(built_site, language):
    page = (built_site / ("en/" if language == "en" else "") / "evidence-map" / "index.html").read_text(encoding="utf-8")
    words = localise(labels(), language)
    text = " ".join(re.sub(r"<[^>]+>", " ", page).split())
    assert " ".join(localise(REAL_SITE.course_and_model.text, language).split()) in text
    context = page.index(f">{words['context']}<")
    assert page.index('class="evidence-map"') < context
    for id in context_sources(REAL_SITE):
        assert page.index(f"evidence/{id}/") > context
