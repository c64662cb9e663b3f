"""The evidence map and the evidence levels: derived from the data, every finding at the level it was measured
(a model's cells only from sources about that model, the programme's evaluation once, as the programme's),
every cell stated in words with its strength and linked to its source, in both languages."""

import csv
import dataclasses
import html
import json
import re
from html.parser import HTMLParser

import pytest

from conftest import REAL_SITE
from peersite.data.evidence_map import COURSE, PROGRAMME, context_sources, evidence_map, unmapped_outcomes
from peersite.pages.render import labels, localise, render_site

ROWS = evidence_map(REAL_SITE)
ROW = {row.id: row for row in ROWS}
COLUMNS = [column.id for column in REAL_SITE.evidence_map.columns]
SOURCE = REAL_SITE.by_id["evidence"]
EVALUATION = REAL_SITE.national_trial.evaluation.source
MODELS = [model.id for model in REAL_SITE.models]
PREFIX = {"da": "", "en": "en/"}


def test_every_outcome_a_row_reports_has_a_column():
    assert unmapped_outcomes(REAL_SITE) == []


def test_rows_are_the_models_then_the_programme_then_the_course():
    assert [row.id for row in ROWS] == MODELS + [PROGRAMME, COURSE]
    assert all(len(row.cells) == len(COLUMNS) for row in ROWS)


@pytest.mark.parametrize("model", MODELS)
def test_a_models_cells_draw_only_on_sources_about_that_model(model):
    row = ROW[model]
    assert row.sources == tuple(source.id for source in REAL_SITE.evidence if model in (source.models or []))
    for finding in row.findings:
        assert model in SOURCE[finding.source].models, finding


def test_the_programmes_evaluation_is_the_programmes_finding_once_and_no_models():
    assert ROW[PROGRAMME].sources == (EVALUATION,)
    assert not SOURCE[EVALUATION].models
    rows_using_it = {row.id for row in ROWS for finding in row.findings if finding.source == EVALUATION}
    assert rows_using_it == {PROGRAMME}
    assert {finding.outcome for finding in ROW[PROGRAMME].findings} == {item.outcome for item in SOURCE[EVALUATION].reported}


def test_the_course_row_is_the_trials_results_at_their_strength():
    # Besides the trial's results the row may hold what its other sources report without a comparison group
    # (the qualitative evaluations): never stronger than an experience, as the test below checks.
    findings = {finding.outcome: finding for finding in ROW[COURSE].findings if finding.role is not None}
    assert len(findings) == len(REAL_SITE.peer_trial.results)
    for result in REAL_SITE.peer_trial.results:
        finding = findings[result.outcome]
        reached = first_level_of_kind(SOURCE[result.source].kind)
        assert (finding.source, finding.role, finding.level) == (result.source, result.role, reached.id)
        if result.result in ("no-significant-difference", "no-difference"):
            # Not proof that there is no difference.
            assert (finding.finding, finding.direction) == ("no-clear-difference", "no-clear-difference")
        elif result.role == "exploratory":
            # An exploratory outcome is an indication, never "better".
            assert (finding.finding, finding.direction) == ("indication", "improvement")
        else:
            assert (finding.finding, finding.direction) == ("significant-improvement", "improvement")


def test_a_report_without_comparison_group_is_an_experience_and_an_unstated_result_says_so():
    for row in ROWS:
        for finding in row.findings:
            if finding.role is None:  # not a trial result
                assert finding.finding in ("experienced-improvement", "not-reported"), finding


def test_social_relations_and_social_network_are_different_columns():
    for column in REAL_SITE.evidence_map.columns:
        assert not {"social-relations", "social-network"} <= set(column.outcomes), column.id


def test_international_reviews_are_context_not_rows():
    assert context_sources(REAL_SITE)
    row_sources = {source for row in ROWS for source in row.sources}
    assert not row_sources & set(context_sources(REAL_SITE))


# Evidence levels: derived from the sources' kinds and which models they cover, never typed by hand.

def with_sources(site, **changes_by_id):
    """The site with some sources' fields changed."""
    sources = [dataclasses.replace(source, **changes_by_id.get(source.id, {})) for source in site.evidence]
    return dataclasses.replace(site, evidence=sources)


def level_of(site, row_id: str) -> str:
    return next(row.level.id for row in evidence_map(site) if row.id == row_id)


def first_level_of_kind(kind: str):
    """The strongest level of the rubric a source of this kind reaches (the last, without kinds, when it reaches none)."""
    return next(level for level in REAL_SITE.evidence_map.levels if kind in level.kinds or not level.kinds)


def below_the_top() -> list[str]:
    """The models with sources that do not stand on the rubric's strongest level: a source can lift them."""
    top = REAL_SITE.evidence_map.levels[0]
    return [model for model in MODELS if ROW[model].sources and ROW[model].level != top]


def test_every_row_stands_on_the_first_level_its_own_sources_reach():
    for row in ROWS:
        kinds = {SOURCE[id].kind for id in row.sources}
        first = next(level for level in REAL_SITE.evidence_map.levels if kinds & set(level.kinds) or not level.kinds)
        assert row.level == first, row.id
        assert row.level_sources == tuple(id for id in row.sources if SOURCE[id].kind in first.kinds)


def test_a_models_level_rises_when_a_source_about_it_is_of_a_stronger_kind():
    if not below_the_top():
        pytest.skip("every model with sources stands on the strongest level: none can rise")
    model = below_the_top()[0]
    source = ROW[model].sources[0]
    levels = REAL_SITE.evidence_map.levels
    stronger = [level for level in levels[:levels.index(ROW[model].level)] if level.kinds]
    assert stronger
    for level in stronger:  # the model's other sources reach no higher than its level: this one sets it
        assert level_of(with_sources(REAL_SITE, **{source: {"kind": level.kinds[0]}}), model) == level.id


def test_a_models_level_falls_when_no_source_covers_it_any_more():
    model = MODELS[2]
    uncovered = {id: {"models": [other for other in SOURCE[id].models if other != model]} for id in ROW[model].sources}
    assert level_of(with_sources(REAL_SITE, **uncovered), model) == REAL_SITE.evidence_map.levels[-1].id


def test_the_programmes_evaluation_lifts_no_model():
    # Were it counted for each model, every model would stand at the evaluation's level.
    for model in MODELS:
        assert EVALUATION not in ROW[model].level_sources


def test_a_changed_level_shows_on_the_model_page_in_both_languages():
    if not below_the_top():
        pytest.skip("every model with sources stands on the strongest level: none can rise")
    model = REAL_SITE.by_id["models"][below_the_top()[0]]
    level = REAL_SITE.evidence_map.levels[0]
    changed = with_sources(REAL_SITE, **{ROW[model.id].sources[0]: {"kind": level.kinds[0]}})
    pages = render_site(changed)[0]
    for language in ("da", "en"):
        page = pages[f"models/{model.id}{'' if language == 'da' else '.en'}.md"]
        assert f"**{localise(level.name, language)}.**" in page


# The built pages.

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


def built(site, language: str, path: str) -> str:
    return (site / PREFIX[language] / path / "index.html").read_text(encoding="utf-8")


def words(markup: str) -> str:
    """A piece of HTML as the words a reader sees: inline tags dropped, blocks apart."""
    inline = re.sub(r"</?(?:a|abbr|em|strong|span|code|cite|small)\b[^>]*>", "", markup)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", inline)).split())


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_cell_of_the_built_map_says_what_was_found_how_strongly_and_links_its_source(built_site, language):
    table = MapTable()
    table.feed(built(built_site, language, "evidence-map"))
    local = localise(labels(), language)
    states = local["findings_states"]
    assert len(table.rows) == len(ROWS)
    for row, cells in zip(ROWS, table.rows):
        assert len(cells) == 2 + len(COLUMNS)
        level_text, level_links = cells[1]
        assert level_text == localise(row.level.name, language)
        assert level_links == [f"../evidence-levels/#{row.level.id}"]
        for findings, (text, links) in zip(row.cells, cells[2:]):
            if not findings:
                assert text == states["not-studied"]
                continue
            for finding in findings:
                assert states[finding.finding] in text
                if finding.finding in local["findings_basis"]:
                    assert local["findings_basis"][finding.finding] in text
                assert any(link.endswith(f"evidence/{finding.source}/") for link in links), (text, links)
        # No cell of a model shows the strength of a trial it never had.
        if row.scope == "model":
            assert not any(states[state] in text for text, _ in cells[2:] for state in ("significant-improvement", "indication"))


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_map_page_explains_the_course_and_model_2_and_keeps_the_reviews_apart(built_site, language):
    page = built(built_site, language, "evidence-map")
    local = localise(labels(), language)
    assert " ".join(localise(REAL_SITE.course_and_model.text, language).split()) in words(page)
    context = page.index(f">{local['context']}<")
    assert page.index('class="evidence-map"') < context
    for id in context_sources(REAL_SITE):
        assert page.index(f"evidence/{id}/") > context


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("model", MODELS)
def test_a_model_page_shows_its_level_first_with_its_reason_and_the_rubric(built_site, language, model):
    page = built(built_site, language, f"models/{model}")
    article = re.search(r"<article[^>]*>(.*)</article>", page, re.S)[1]
    level = ROW[model].level
    block = re.search(r'<div class="evidence-level">(.*?)</div>', article, re.S)
    assert block, "no evidence level on the page"
    # First: right after the page's heading and summary, before any other fact.
    assert article.index(block[0]) < article.index("<dl")
    text = words(block[1])
    assert localise(level.name, language) in text and " ".join(localise(level.reason, language).split()) in text
    assert 'href="../../evidence-levels/"' in block[1]
    # The programme's evaluation is on the page as the programme's, not among the model's own sources.
    own = article[:article.index(localise(labels()["programme_sources"], language))]
    assert f"evidence/{EVALUATION}/" not in own.split(localise(labels()["model_sources"], language))[-1]


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_course_page_words_every_result_at_its_strength(built_site, language):
    page = words(built(built_site, language, "course"))
    states = localise(labels(), language)["findings_states"]
    outcome_names = {outcome.id: localise(outcome.name, language) for outcome in REAL_SITE.outcomes}
    for finding in (finding for finding in ROW[COURSE].findings if finding.role is not None):  # the trial's
        assert f"{outcome_names[finding.outcome]}, " in page  # "Håb, undersøgende effektmål: Tegn på bedring"
        line = page[page.index(f"{outcome_names[finding.outcome]}, "):][:200]
        assert states[finding.finding] in line, line
    assert localise(ROW[COURSE].level.name, language) in page


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_rubric_page_explains_every_level_and_who_stands_there(built_site, language):
    page = built(built_site, language, "evidence-levels")
    text = words(page)
    for level in REAL_SITE.evidence_map.levels:
        for field in (level.name, level.means, level.does_not_mean):
            assert " ".join(localise(field, language).split()) in text
        assert f'id="{level.id}"' in page
    sections = page.split("<h2 ")
    for row in ROWS:
        section = next(part for part in sections if part.startswith(f'id="{row.level.id}"'))
        link = {"model": f"models/{row.id}/", PROGRAMME: "partnerships/#evaluation", COURSE: "course/"}[row.scope]
        assert link in section, (row.id, row.level.id)


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_comparison_starts_with_the_level_and_shows_the_programme_apart(built_site, language):
    page = built(built_site, language, "models")
    rows = re.findall(r'<tr data-row="([^"]+)"', page)
    assert rows[0] == "evidence-level"
    for model in MODELS:
        header = re.search(rf'<th[^>]*data-model="{model}"[^>]*>', page)[0]
        assert f'data-level="{ROW[model].level.id}"' in header and f'data-level-rank="{ROW[model].rank}"' in header
    programme = re.search(rf'<h2[^>]*>{re.escape(localise(labels()["programme_found"], language))}', page)
    assert programme and page.index("</table>") < programme.start()
    # The programme's evaluation appears only there, not in any model's column.
    assert page.index(f"evidence/{EVALUATION}/") > programme.start()


# The open data: the same findings and levels, with strength and direction as fields, not prose.

def read_csv(site, name: str) -> list[dict]:
    with (site / "data" / "csv" / f"{name}.csv").open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def test_the_open_data_carries_each_finding_with_its_level_and_direction(built_site):
    rows = read_csv(built_site, "findings")
    assert [(row["row"], row["outcome"], row["source"], row["finding"], row["direction"], row["level"])
            for row in rows] == [(finding.row, finding.outcome, finding.source, finding.finding, finding.direction, finding.level)
                                 for row in ROWS for finding in row.findings]
    for row in rows:
        if row["scope"] == "model":
            assert row["row"] in SOURCE[row["source"]].models, row
        assert row["source"] != EVALUATION or row["scope"] == PROGRAMME
    levels = {row["row"]: row for row in read_csv(built_site, "evidence-levels")}
    for row in ROWS:
        assert (levels[row.id]["level"], int(levels[row.id]["rank"])) == (row.level.id, row.rank)
        assert levels[row.id]["sources"].split(";") == list(row.level_sources or [""])
    dataset = json.loads((built_site / "data" / "peer-support.json").read_text(encoding="utf-8"))
    assert [item["level"] for item in dataset["evidence_levels"]] == [row.level.id for row in ROWS]
    assert len(dataset["findings"]) == len(rows)
