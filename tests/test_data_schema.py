"""The JSON Schema editors' tools check content/data.yml with: generated from peersite/data/schema.py, committed,
named on the data file's first line, and agreeing with `make check` on sound and broken files."""

import json

import jsonschema
import pytest

from conftest import MINIMAL, ROOT, write_data
from peersite.data.data_schema import data_schema
from peersite.data.load import load_marked_yaml
from peersite.data.validate import check_site

COMMITTED = ROOT / "content" / "data.schema.json"

# (what the editor did, text in minimal.yml, what they wrote instead): each breaks a rule JSON Schema can state.
BROKEN = [
    ("text in one language", "    name: {da: Model A, en: Model A}\n", "    name: Model A\n"),
    ("missing translation", "summary: {da: Lønnede peers i teams., en: Paid peers in teams.}", "summary: {da: Lønnede peers i teams.}"),
    ("empty translation", "target_group: {da: Voksne, en: Adults}", 'target_group: {da: Voksne, en: "  "}'),
    ("unknown language", "target_group: {da: Voksne, en: Adults}", "target_group: {da: Voksne, en: Adults, de: Erwachsene}"),
    ("wrong type", "    number: 1\n", "    number: one\n"),
    ("negative number", "    number: 1\n", "    number: -1\n"),
    ("unknown choice", "    delivery: paid\n", "    delivery: salaried\n"),
    ("bad url", "url: https://example.dk/", "url: example.dk"),
    ("bad doi", "doi: 10.1186/s12888-025-07011-y", "doi: https://doi.org/10.1186/s12888-025-07011-y"),
    ("implausible year", "    year: 2017\n", "    year: 1917\n"),
    ("bad date", 'inclusion_start: "2020-12-07"', 'inclusion_start: "7 Dec 2020"'),
    ("missing field", "    target_group: {da: Voksne, en: Adults}\n", ""),
    ("unknown field", "    delivery: paid\n", "    delivery: paid\n    colour: blue\n"),
    ("misspelt section", "\nmodels:\n", "\nmodles:\n"),
    ("section of the wrong kind", "    name: {da: Region A, en: Region A}\n  - id: socialstyrelsen", "    name: {da: Region A, en: Region A}\n  - just a text\n  - id: socialstyrelsen"),
    ("id not a slug", "  - id: region-a\n", "  - id: Region A\n"),
    ("raw html", "Et forsøg., en: A trial.}\n  start_years", "Et <script>alert(1)</script>forsøg., en: A trial.}\n  start_years"),
    ("javascript link", "Et forsøg., en: A trial.}\n  start_years", "\"Et [forsøg](javascript:alert(1)).\", en: A trial.}\n  start_years"),
    ("character reference", "Et forsøg., en: A trial.}\n  start_years", "Et &#60;forsøg., en: A trial.}\n  start_years"),
]


def schema_accepts(path) -> bool:
    """Whether the JSON Schema, through the jsonschema package, accepts a data file."""
    return not list(jsonschema.Draft7Validator(data_schema()).iter_errors(load_marked_yaml(path)))


def checker_accepts(path) -> bool:
    """Whether `make check`'s checker accepts a data file."""
    return not check_site(load_marked_yaml(path))[1]


def test_committed_schema_is_the_generated_one():
    committed = json.loads(COMMITTED.read_text(encoding="utf-8"))
    assert committed == data_schema(), "run `.venv/bin/python -m peersite schema` and commit content/data.schema.json"


def test_schema_is_valid_json_schema_and_named_by_the_data_file():
    jsonschema.Draft7Validator.check_schema(data_schema())
    first_line = (ROOT / "content" / "data.yml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=data.schema.json"


@pytest.mark.parametrize("path", [ROOT / "content" / "data.yml", MINIMAL], ids=["real data", "minimal data"])
def test_both_validators_accept_sound_data(path):
    assert checker_accepts(path) and schema_accepts(path)


@pytest.mark.parametrize("old, new", [case[1:] for case in BROKEN], ids=[case[0] for case in BROKEN])
def test_both_validators_refuse_the_same_mistakes(tmp_path, old, new):
    path = write_data(tmp_path, (old, new))
    assert (checker_accepts(path), schema_accepts(path)) == (False, False)
