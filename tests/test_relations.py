"""One relation, one place: a link between two records is written on one side only, and the pages work out the
other side from it; a link written on the wrong side, or twice, is refused where it stands. What puts a source about
a model on the evidence map is asked for where the source is written; a work's publisher has an organisation kind
that fits it; and a record nobody has reviewed says so on its page instead of showing the site's date."""

import json
import re
import subprocess
from pathlib import Path

import pytest

from conftest import copy_project, run_peersite, run_site_build, write_data
from peersite.pages.environment import labels

LABELS = labels()
SITE_REVIEWED = {"da": "22. november 2026", "en": "22 November 2026"}  # minimal.yml's site: reviewed:
PREFIX = {"da": "", "en": "en/"}

# Comment lines of minimal.yml in the partnership and the model, where a link written on their side would stand.
PARTNERSHIP_LINE = "    # No models here: a model names its partnership (models[].partnership).\n"
MODEL_SOURCES_LINE = "    # No evidence here: a source names the models it is about (evidence[].models).\n"
MODEL_MATERIALS_LINE = "    # Nor materials: a material names the models it is about (materials[].models).\n"
LAST_SOURCE_LINE = "    outcomes: [personal-recovery, empowerment]\n"  # the last line of the last source


def new_source(*lines: str) -> tuple[str, str]:
    """An edit adding a report after the last source, with these lines after its summary."""
    record = ("  - id: model-a-report\n    kind: report\n    name: {da: Rapport om model A, en: Report on model A}\n"
              "    year: 2018\n    publisher: forlaget-a\n    summary: {da: En rapport., en: A report.}\n")
    return LAST_SOURCE_LINE, LAST_SOURCE_LINE + record + "".join(f"    {line}\n" for line in lines)


# A publisher of the kind made for it: a source names it as its publisher.
NEW_PUBLISHER = ("    url: https://example.dk/\n",
                 "    url: https://example.dk/\n  - id: forlaget-a\n    kind: publisher\n    name: {da: Forlaget A, en: Publisher A}\n")

# (what the editor did, the edits to minimal.yml, the exact report lines). With NEW_PUBLISHER made first, the new
# source's lines after its summary start at 189.
MISTAKES = [
    ("model-lists-its-sources", [(MODEL_SOURCES_LINE, "    evidence: [rct]\n")], [
        "content/data.yml:70:5: models[0].evidence: a model lists no sources: each source names the models it is about"
        " — write this model's id under 'models:' of each source about it (under evidence:), and remove this list",
    ]),
    ("model-lists-its-materials", [(MODEL_MATERIALS_LINE, "    materials: [booklet]\n")], [
        "content/data.yml:71:5: models[0].materials: a model lists no materials: each material names the models it is"
        " about — write this model's id under 'models:' of the material (or of the source it points at with"
        " 'evidence:'), and remove this list",
    ]),
    ("partnership-lists-its-models", [(PARTNERSHIP_LINE, "    models: [model-a]\n")], [
        "content/data.yml:52:5: partnerships[0].models: a partnership lists no models: each model names its partnership"
        " under 'partnership:' — remove this list (the page lists the models that name this partnership)",
    ]),
    ("source-about-a-model-says-nothing-it-found", [NEW_PUBLISHER, new_source("models: [model-a]")], [
        "content/data.yml:189:5: evidence[2].reported: a source about a model (model-a) that reports no outcome puts"
        " nothing in the model's row on the evidence map — list what it found under 'reported', like"
        " [{outcome: hope, found: improvement}], or write 'reported: []' if our sources give no finding from it",
    ]),
    ("source-about-a-model-lists-outcomes", [NEW_PUBLISHER, new_source("models: [model-a]", "outcomes: [empowerment]")], [
        "content/data.yml:190:5: evidence[2].outcomes: a source about a model (model-a) shows no 'outcomes' on the"
        " evidence map: the model's row shows what its sources reported — move each under 'reported' as"
        " {outcome: …, found: not-stated} (or found: improvement, where the source reports one)",
    ]),
]


def run_check(folder: Path) -> subprocess.CompletedProcess:
    """Run the editors' command, `python -m peersite check`, in folder."""
    return run_peersite(folder, "check")


@pytest.mark.parametrize("edits, expected", [m[1:] for m in MISTAKES], ids=[m[0] for m in MISTAKES])
def test_a_link_on_the_wrong_side_or_off_the_map_is_reported_where_it_is(tmp_path, edits, expected):
    write_data(tmp_path, *edits)
    result = run_check(tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == expected + ["1 error in content/data.yml; nothing was built."]


def test_a_source_that_reports_nothing_says_so_and_passes(tmp_path):
    write_data(tmp_path, NEW_PUBLISHER, new_source("models: [model-a]", "reported: []"))
    result = run_check(tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (0, "content/data.yml: no errors.\n", "")


# The minimal site with a publisher of the kind made for it, and a report about model A by that publisher, linked on
# the source's side only (the model lists no sources), with a finding, and reviewed by nobody. Model A is not
# reviewed either; the booklet names model A on its own side.
SITE_EDITS = [NEW_PUBLISHER, new_source("models: [model-a]", "reported: [{outcome: personal-recovery, found: improvement}]")]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The minimal site with SITE_EDITS, checked by `python -m peersite check` and built as `make build` builds it."""
    project = copy_project(tmp_path_factory.mktemp("relations"))
    write_data(project, *SITE_EDITS)
    check = run_check(project)
    assert (check.returncode, check.stderr) == (0, ""), check.stderr
    result = run_site_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def page(site: Path, language: str, path: str) -> str:
    """A built page's HTML, by its path in the Danish site."""
    return (site / PREFIX[language] / path / "index.html").read_text(encoding="utf-8")


def text(html: str) -> str:
    """A page's article as plain text, one space between words."""
    article = html[html.index("<article"):html.index("</article>")]
    return " ".join(re.sub(r"<[^>]+>", " ", article).split())


def part(html: str, start: str, end: str) -> str:
    """The part of a page from the first `start` to the next `end` after it."""
    begin = html.index(start)
    return html[begin:html.index(end, begin)]


def reviewed_line(html: str) -> str:
    """The line at the foot of a page that says when it was last reviewed, as plain text."""
    line = re.search(r'<p class="page-reviewed"[^>]*>(.*?)</p>', html, re.S).group(1)
    return " ".join(re.sub(r"<[^>]+>", " ", line).split())


@pytest.mark.parametrize("language", ["da", "en"])
def test_a_source_linked_on_its_side_only_is_on_the_models_pages(built, language):
    model_page, comparison = page(built, language, "models/model-a"), page(built, language, "models")
    assert 'href="../../evidence/model-a-report/"' in model_page  # among the model's sources
    assert 'href="../evidence/model-a-report/"' in part(comparison, 'data-row="evidence-level"', "</tr>")
    # Its finding, in model A's row of the evidence map.
    assert 'href="../evidence/model-a-report/"' in part(page(built, language, "evidence-map"), 'id="map-model-a"', "</tr>")
    # The booklet names model A on its own side: the model's page and the comparison list it.
    assert 'href="../../materials/#booklet"' in model_page
    assert 'href="../materials/#booklet"' in part(comparison, 'data-row="learn-more"', "</tr>")


@pytest.mark.parametrize("language", ["da", "en"])
def test_a_partnership_lists_the_models_that_name_it(built, language):
    assert 'href="../models/model-a/"' in part(page(built, language, "partnerships"), 'id="partnership-a"', "</ul>")


@pytest.mark.parametrize("language", ["da", "en"])
def test_a_publisher_is_an_organisation_of_its_own_kind(built, language):
    publisher = {"da": "Forlaget A", "en": "Publisher A"}[language]
    assert publisher in text(page(built, language, "evidence/model-a-report"))
    assert f"{publisher} {LABELS['org_kinds']['publisher'][language]}." in text(page(built, language, "partnerships"))


@pytest.mark.parametrize("language", ["da", "en"])
def test_a_record_nobody_reviewed_shows_no_review_date(built, language):
    not_yet = LABELS["not_yet_reviewed"][language]
    for path in ("models/model-a", "evidence/model-a-report"):
        html = page(built, language, path)
        assert reviewed_line(html).startswith(f"{not_yet}."), path
        assert SITE_REVIEWED[language] not in text(html), path
        jsonld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
        assert "lastReviewed" not in jsonld and "dateModified" not in jsonld, path
    assert not_yet in part(page(built, language, "models"), 'data-row="reviewed"', "</tr>")  # the comparison's row
    # A page of the whole site keeps the site's date.
    assert reviewed_line(page(built, language, "glossary")).startswith(f"{LABELS['last_reviewed'][language]}: {SITE_REVIEWED[language]}.")
