"""Every mistake an editor can make in content/data.yml gets one located, actionable message."""

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_mkdocs_build, write_data

# (kind of mistake, text in minimal.yml, what the editor wrote instead, the exact report lines)
MISTAKES = [
    ("yaml-syntax", "  end_year: 2018\n", "  end_year: [2018\n", [
        "content/data.yml:30:14: YAML syntax: while parsing a flow sequence did not find expected ',' or ']'"
        " — check the indentation, colons and quotes on this line and the one before",
    ]),
    ("missing-translation", "summary: {da: Lønnede peers i teams., en: Paid peers in teams.}",
     "summary: {da: Lønnede peers i teams.}", [
        "content/data.yml:66:14: models[0].summary.en: missing English text — add it",
    ]),
    ("empty-translation", "target_group: {da: Voksne, en: Adults}", 'target_group: {da: Voksne, en: ""}', [
        "content/data.yml:64:36: models[0].target_group.en: empty English text — write it",
    ]),
    ("text-in-one-language", "    name: {da: Model A, en: Model A}\n", "    name: Model A\n", [
        "content/data.yml:58:11: models[0].name: expected a text in both languages, got a text ('Model A')"
        ' — write it as {da: "…", en: "…"}',
    ]),
    ("unknown-reference", "    evidence: [evaluation]\n    materials", "    evidence: [evaluaton]\n    materials", [
        "content/data.yml:70:16: models[0].evidence[0]: unknown id 'evaluaton' in evidence"
        " — did you mean 'evaluation'? use an id from evidence (known: evaluation, rct)",
    ]),
    ("duplicate-id", "    url: https://example.dk/\n",
     "    url: https://example.dk/\n  - id: region-a\n    kind: region\n    name: {da: B, en: B}\n", [
        "content/data.yml:25:9: organisations[2].id: id 'region-a' is already used by organisations[0]"
        " — give this record its own id",
    ]),
    ("duplicate-key", "    delivery: paid\n", "    delivery: paid\n    delivery: volunteer\n", [
        "content/data.yml:62:5: models[0].delivery: 'delivery' is written twice (first on line 61) — keep one of them",
    ]),
    ("wrong-type", "    number: 1\n", "    number: one\n", [
        "content/data.yml:57:13: models[0].number: expected a whole number, got a text ('one') — write digits only, like 12",
    ]),
    ("unknown-choice", "    delivery: paid\n", "    delivery: salaried\n", [
        "content/data.yml:61:15: models[0].delivery: unknown value 'salaried' — use one of: paid, volunteer, not-stated",
    ]),
    ("bad-url", "url: https://example.dk/", "url: example.dk", [
        "content/data.yml:24:10: organisations[1].url: 'example.dk' is not a web address"
        " — write the full address, like https://example.dk/page (leave the field out if unknown)",
    ]),
    ("bad-doi", "doi: 10.1186/s12888-025-07011-y", "doi: https://doi.org/10.1186/s12888-025-07011-y", [
        "content/data.yml:175:10: evidence[1].doi: 'https://doi.org/10.1186/s12888-025-07011-y' is not a DOI"
        " — write it like 10.1186/s13063-022-06670-6, without https://doi.org/",
    ]),
    ("implausible-year", "    year: 2017\n", "    year: 1917\n", [
        "content/data.yml:184:11: materials[0].year: 1917 is not a plausible year — use a year from 1990 to 2035",
    ]),
    ("bad-date", 'inclusion_start: "2020-12-07"', 'inclusion_start: "7 Dec 2020"', [
        "content/data.yml:131:20: peer_trial.inclusion_start: expected a date, got a text ('7 Dec 2020')"
        ' — write it as YYYY-MM-DD, like "2018-06-01"',
    ]),
    ("missing-field", "    target_group: {da: Voksne, en: Adults}\n", "", [
        "content/data.yml:56:5: models[0].target_group: missing field 'target_group' — add it",
    ]),
    ("unknown-field", "    kind: region\n", "    kind: region\n    colour: blue\n", [
        "content/data.yml:20:5: organisations[0].colour: unknown field 'colour' — use one of: id, kind, name, about, url",
    ]),
    ("misspelt-field", "    kind: region\n", "    knid: region\n", [
        "content/data.yml:19:5: organisations[0].knid: unknown field 'knid' — did you mean 'kind'?"
        " use one of: id, kind, name, about, url",
    ]),
    # The model's reference to 'booklet' may follow from the broken id: it is not reported.
    ("id-not-a-slug", "  - id: booklet\n", "  - id: Hæftet\n", [
        "content/data.yml:181:9: materials[0].id: 'Hæftet' is not a valid id — use lower-case a–z, 0–9"
        " and hyphens (write 'ae', 'oe', 'aa' for 'æ', 'ø', 'å')",
    ]),
    ("misspelt-section", "\nmodels:\n", "\nmodles:\n", [
        "content/data.yml:55:1: modles: unknown section 'modles' — did you mean 'models'? use one of: site,"
        " organisations, national_trial, partnerships, models, forms, definitions, mechanisms, peer_roles,"
        " not_a_peer, implementation_steps, course, outcomes, peer_trial, evidence, materials, glossary,"
        " evidence_map, course_and_model, find_support",
    ]),
    # The references to models from partnerships and sources follow from this one mistake: not reported.
    ("section-as-text", "\nmodels:\n  - id: model-a\n", "\nmodels: six\nold_models:\n  - id: model-a\n", [
        "content/data.yml:55:9: models: expected a list of models, got a text ('six') — start each item on its own line with '- '",
        "content/data.yml:56:1: old_models: unknown section 'old_models' — did you mean 'models'? use one of: site,"
        " organisations, national_trial, partnerships, models, forms, definitions, mechanisms, peer_roles,"
        " not_a_peer, implementation_steps, course, outcomes, peer_trial, evidence, materials, glossary,"
        " evidence_map, course_and_model, find_support",
    ]),
    ("record-as-list", "\nmodels:\n  - id: model-a\n", "\nmodels:\n  - [model-a]\n  - id: model-a\n", [
        "content/data.yml:56:5: models[0]: expected a model, got a list — write one 'field: value' a line, indented under it",
        "content/data.yml:58:13: models[1].number: model number 1 out of order"
        " — number the models 1, 2, 3 … as they are listed (this one is 2)",
    ]),
    ("review-date-in-the-future", '  reviewed: "2026-11-22"\n', '  reviewed: "2999-01-01"\n', [
        "content/data.yml:3:13: site.reviewed: 2999-01-01 is in the future"
        " — write the day the content was checked, today at the latest",
    ]),
    ("raw-html", "summary: {da: Lønnede peers i teams., en: Paid peers in teams.}",
     'summary: {da: "Lønnede <b>peers</b> i teams.", en: Paid peers in teams.}', [
        "content/data.yml:66:19: models[0].summary.da: raw HTML ('<b…') is not allowed in a data text"
        " — write plain text; use *word* for emphasis and [text](https://…) for a link",
    ]),
    ("unsafe-link", "summary: {da: Lønnede peers i teams., en: Paid peers in teams.}",
     'summary: {da: Lønnede peers i teams., en: "Paid [peers](javascript:alert(1))."}', [
        "content/data.yml:66:47: models[0].summary.en: the link to 'javascript:…' is not allowed"
        " — links must start with https://, http:// or mailto: (a page of this site is linked through"
        " the record's fields, not in a text)",
    ]),
    ("model-out-of-order", "    number: 1\n", "    number: 2\n", [
        "content/data.yml:57:13: models[0].number: model number 2 out of order"
        " — number the models 1, 2, 3 … as they are listed (this one is 1)",
    ]),
]


def run_check(folder: Path) -> subprocess.CompletedProcess:
    """Run the editors' command, `python -m peersite check`, in folder."""
    return subprocess.run([sys.executable, "-m", "peersite", "check"], cwd=folder, capture_output=True, text=True)


def test_minimal_data_passes(tmp_path):
    write_data(tmp_path)
    result = run_check(tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (0, "content/data.yml: no errors.\n", "")


@pytest.mark.parametrize("old, new, expected", [m[1:] for m in MISTAKES], ids=[m[0] for m in MISTAKES])
def test_mistake_is_reported_where_it_is(tmp_path, old, new, expected):
    write_data(tmp_path, (old, new))
    result = run_check(tmp_path)
    count = len(expected)
    summary = f"{count} error{'s' if count > 1 else ''} in content/data.yml; nothing was built."
    assert result.returncode == 1
    assert result.stderr.splitlines() == expected + [summary]
    assert "Traceback" not in result.stderr


def test_all_mistakes_are_reported_at_once(tmp_path):
    write_data(tmp_path, *[(old, new) for _, old, new, _ in MISTAKES[1:5]])
    result = run_check(tmp_path)
    lines = result.stderr.splitlines()
    assert result.returncode == 1
    assert lines[-1] == "4 errors in content/data.yml; nothing was built."
    assert [line.split(": ")[1] for line in lines[:-1]] == [
        "models[0].name", "models[0].target_group.en", "models[0].summary.en", "models[0].evidence[0]",
    ]


def test_errors_become_annotations_on_the_pull_request(tmp_path):
    write_data(tmp_path, ("    number: 1\n", "    number: one\n"))
    result = subprocess.run([sys.executable, "-m", "peersite", "check", "--format", "github"], cwd=tmp_path,
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "::error file=content/data.yml,line=57,col=13,title=models[0].number::expected a whole number,"
        " got a text ('one') — write digits only, like 12",
        "1 error in content/data.yml; nothing was built.",
    ]


def test_check_also_finds_pages_missing_in_a_language(tmp_path):
    write_data(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "about.md").write_text("# Om\n\n<!-- data: no-such-block -->\n", encoding="utf-8")
    result = run_check(tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "docs/about.md:1:1: docs/about.en.md is missing — every page needs a Danish and an English file; add it",
        "docs/about.md:3:1: unknown data block 'no-such-block' — use one of: implementation-steps, models-delivery, reviewed, help-now",
        "2 errors in content/data.yml; nothing was built.",
    ]


def test_missing_file_is_reported(tmp_path):
    result = run_check(tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == "content/data.yml:1:1: file not found — create it or pass the right path"


def test_build_with_broken_data_stops_before_writing_anything(project_copy):
    write_data(project_copy, MISTAKES[1][1:3])
    result = run_mkdocs_build(project_copy, project_copy / "site")
    assert result.returncode == 1
    assert "content/data.yml:66:14: models[0].summary.en: missing English text — add it" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project_copy / "site").exists()
    assert not (project_copy / "docs" / "models").exists()


def test_build_with_sound_data_writes_both_languages(project_copy):
    write_data(project_copy)
    result = run_mkdocs_build(project_copy, project_copy / "site")
    assert result.returncode == 0, result.stderr
    assert (project_copy / "site" / "models" / "model-a" / "index.html").is_file()
    assert (project_copy / "site" / "en" / "models" / "model-a" / "index.html").is_file()


def test_build_refuses_a_page_in_one_language_only(project_copy):
    write_data(project_copy)
    (project_copy / "docs" / "extra.md").write_text("# Kun dansk\n", encoding="utf-8")
    result = run_mkdocs_build(project_copy, project_copy / "site")
    assert result.returncode == 1
    assert "docs/extra.md:1:1: docs/extra.en.md is missing — every page needs a Danish and an English file; add it" in result.stderr
