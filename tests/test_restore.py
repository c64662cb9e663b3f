"""The CMS writes content/data.yml anew when it saves; `python -m peersite restore` puts the original's formatting
back around the editor's change. On the real data file: the unchanged data written the way Decap CMS writes it
(no comments, keys reordered, block style only, lines folded at 80 characters, dates unquoted) gives the file back
byte for byte; any one field changed gives a diff of that field's lines alone; a record added lands at the end of
its list, a record removed takes exactly its lines. The workflow on the CMS's branches commits the restored file."""

import copy
import datetime
import difflib
import os
import random
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from conftest import REAL_DATA, ROOT, examples, run_peersite
from peersite.cli import main
from peersite.data.load import load_marked_yaml
from peersite.editing.restore import Original, same
from peersite.data.validate import DATA_PATH

ORIGINAL = (ROOT / DATA_PATH).read_text(encoding="utf-8")
LINES = ORIGINAL.splitlines(keepends=True)
WORKFLOW = ROOT / ".github" / "workflows" / "cms.yml"
COMMIT_MESSAGE = "Restore the formatting of content/data.yml around the editor's change"


def plain(value):
    """Data read with its places, as plain dicts and lists."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


DATA = plain(REAL_DATA)


class DecapDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Writes as Decap CMS does: YAML 1.2, where a date needs no quotes to stay text."""

    yaml_implicit_resolvers = {first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
                               for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()}


def reordered(value, order: str):
    """Every mapping's keys sorted, reversed or shuffled (the same way for the same order)."""
    shuffler = random.Random(order)

    def keys(mapping: dict) -> list:
        if order == "sorted":
            return sorted(mapping)
        return list(reversed(mapping)) if order == "reversed" else shuffler.sample(list(mapping), len(mapping))

    def walk(item):
        if isinstance(item, dict):
            return {key: walk(item[key]) for key in keys(item)}
        return [walk(part) for part in item] if isinstance(item, list) else item
    return walk(value)


def rewritten(data, order: str = "sorted") -> str:
    """data as Decap CMS saves it: no comments, block style only, lines folded at 80 characters, dates unquoted."""
    return yaml.dump(reordered(data, order), Dumper=DecapDumper, allow_unicode=True, width=80, sort_keys=False)


def restore_text(saved_text: str, data: dict) -> str:
    """The real data file restored around a saved file's text, after checking that it means data (and the
    original's sections data leaves out, what they meant)."""
    with tempfile.TemporaryDirectory() as folder:
        saved, restored = Path(folder, "saved.yml"), Path(folder, "restored.yml")
        saved.write_text(saved_text, encoding="utf-8")
        assert main(["restore", str(ROOT / DATA_PATH), str(saved), "--output", str(restored)]) == 0
        assert same(plain(load_marked_yaml(restored)), DATA | data)
        return restored.read_text(encoding="utf-8")


def restore(data: dict, order: str = "sorted") -> str:
    """The real data file restored around data rewritten as the CMS writes it."""
    return restore_text(rewritten(data, order), data)


def changed_ranges(text: str) -> list[tuple[int, int]]:
    """The ranges of the original's lines (from 0) that a text replaces, removes or inserts at."""
    matcher = difflib.SequenceMatcher(None, LINES, text.splitlines(keepends=True), autojunk=False)
    return [(start, end) for tag, start, end, _, _ in matcher.get_opcodes() if tag != "equal"]


def line_of(index: int) -> int:
    """The line (from 0) of a character of the original."""
    return ORIGINAL.count("\n", 0, index)


def field_lines(path: tuple) -> tuple[int, int]:
    """The first and last line (from 0) of a field of the original: its key's line to its value's end."""
    parent = REAL_DATA
    for part in path[:-1]:
        parent = parent[part]
    mark = parent.marks[path[-1]]
    first = parent.key_marks[path[-1]].line - 1 if isinstance(parent, dict) else mark.line - 1
    return first, max(first, line_of(mark.end - 1) if mark.end > mark.start else first)


def scalar_paths(value, path: tuple = ()):
    """The path of every single value in data."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from scalar_paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from scalar_paths(item, (*path, index))
    else:
        yield path


def record_lists(value, path: tuple = ()):
    """The path of every list whose items are records with an id."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from record_lists(item, (*path, key))
    elif isinstance(value, list):
        if value and all(isinstance(item, dict) and "id" in item for item in value):
            yield path
        for index, item in enumerate(value):
            yield from record_lists(item, (*path, index))


def at(data, path: tuple):
    """The value at a path."""
    for part in path:
        data = data[part]
    return data


def record_span(path: tuple, index: int) -> tuple[int, int]:
    """The lines (from 0, end excluded) of a record in a list of the original: from its dash to its last line that
    is not blank or a comment (comments after it stand before what follows)."""
    start = at(REAL_DATA, path).marks[index].line - 1
    dash = LINES[start].index("-")
    content = [number for number in range(start + 1, len(LINES)) if not re.match(r"\s*(#.*)?$", LINES[number])]
    following = next((number for number in content if len(LINES[number]) - len(LINES[number].lstrip()) <= dash), len(LINES))
    return start, max([start, *(number for number in content if number < following)]) + 1


def uncommented(lines: list[str]) -> list[str]:
    """Lines without their comments: comment lines left out, a comment at a line's end (one without quotes) cut."""
    return [re.sub(r'\s+#\s[^"]*$', "", line.rstrip("\n")) + "\n" for line in lines if not re.match(r"\s*#", line)]


def dates(value) -> list:
    """Every date in data read by YAML 1.1 (which reads an unquoted 2026-01-31 as a date)."""
    if isinstance(value, dict):
        return [found for item in value.values() for found in dates(item)]
    if isinstance(value, list):
        return [found for item in value for found in dates(item)]
    return [value] if isinstance(value, datetime.date) else []


SCALARS = list(scalar_paths(DATA))
RECORD_LISTS = list(record_lists(DATA))
NAMED = {"ids": lambda path: ".".join(map(str, path))}


# Nothing changed, or only the order -------------------------------------------------------------------

@pytest.mark.parametrize("order", ["sorted", "reversed", "shuffled"])
def test_the_unchanged_data_rewritten_as_the_cms_writes_it_restores_to_the_same_bytes(order):
    saved = rewritten(DATA, order)
    # A rewrite as the CMS's: no comments, no flow style, long lines folded.
    assert not [line for line in saved.splitlines() if line.lstrip().startswith("#")] and "{da:" not in saved
    assert len(saved.splitlines()) > len(LINES)
    assert restore(DATA, order) == ORIGINAL


def test_a_change_of_key_order_alone_gives_no_diff():
    document = YAML()
    document.preserve_quotes, document.width = True, 1_000_000
    document.indent(mapping=2, sequence=4, offset=2)
    data = document.load(ORIGINAL)

    def reverse(value):
        if isinstance(value, dict):
            for key in reversed(list(value)):
                value.move_to_end(key)
        for item in value.values() if isinstance(value, dict) else value if isinstance(value, list) else []:
            reverse(item)
    reverse(data)
    with tempfile.TemporaryFile("w+", encoding="utf-8") as stream:
        document.dump(data, stream)
        stream.seek(0)
        saved = stream.read()
    assert saved != ORIGINAL and restore_text(saved, DATA) == ORIGINAL


# One field changed -------------------------------------------------------------------------------------

TEXTS = st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from('"\':#-{}[],&*!|>%@`\n\t »«“”æøåÆØÅ'), max_size=60)


# Each example restores the whole real file (0.5 s): 25 (in `make test`) draw both orders and both kinds of value (a
# text, a number) a dozen times a run, in fields each run chooses anew.
@settings(max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(path=st.sampled_from(SCALARS), value=TEXTS | st.integers(), order=st.sampled_from(["sorted", "shuffled"]))
def test_any_one_field_changed_gives_a_diff_of_that_fields_lines_alone(path, value, order):
    data = copy.deepcopy(DATA)
    parent = at(data, path[:-1])
    if same(parent[path[-1]], value):
        return
    parent[path[-1]] = value
    first, last = field_lines(path)
    changed = changed_ranges(restore(data, order))
    assert changed and all(first <= start and end <= last + 1 for start, end in changed), (first, last, changed)


def test_one_edit_of_model_1s_danish_summary_is_one_line():
    data = copy.deepcopy(DATA)
    model = next(model for model in data["models"] if model["number"] == 1)
    model["summary"]["da"] += " Rettet i formularen."
    saved = rewritten(data, "shuffled")
    # What the CMS's file alone would show in the pull request: most of the file.
    assert sum(end - start for start, end in changed_ranges(saved)) > len(LINES) // 2
    path = ("models", data["models"].index(model), "summary", "da")
    assert changed_ranges(restore(data, "shuffled")) == [(field_lines(path)[0], field_lines(path)[0] + 1)]


def test_a_changed_date_stays_a_quoted_text():
    path = next(path for path in SCALARS if path[-1] == "reviewed")
    data = copy.deepcopy(DATA)
    day = datetime.date.fromisoformat(at(data, path)) - datetime.timedelta(days=1)
    at(data, path[:-1])["reviewed"] = day.isoformat()
    assert f"reviewed: {day.isoformat()}\n" in rewritten(data)
    restored = restore(data).splitlines()
    assert restored[field_lines(path)[0]].strip() == f'reviewed: "{day.isoformat()}"'


def test_an_empty_field_filled_in_keeps_the_comment_on_its_line():
    empty = [path for path in SCALARS if at(DATA, path) is None and isinstance(at(DATA, path[:-1]), dict)]
    if not empty:
        pytest.skip("no empty field in the data")
    data = copy.deepcopy(DATA)
    for path in empty:
        at(data, path[:-1])[path[-1]] = f"Udfyldt i formularen: {path[-1]}"
    restored = restore(data).splitlines(keepends=True)
    assert len(restored) == len(LINES)
    for path in empty:
        line = field_lines(path)[0]
        before, after = LINES[line], restored[line]
        assert after.startswith(before.split(":")[0] + ": ") and f"Udfyldt i formularen: {path[-1]}" in after
        assert after.partition("#")[1:] == before.partition("#")[1:]  # the comment, as it was
    assert [number for number, (old, new) in enumerate(zip(LINES, restored)) if old != new] == sorted(field_lines(path)[0] for path in empty)


# Records added and removed -----------------------------------------------------------------------------

@pytest.mark.parametrize("path", RECORD_LISTS, **NAMED)
def test_a_record_added_is_written_at_the_end_of_its_list_like_its_neighbours(path):
    data = copy.deepcopy(DATA)
    records = at(data, path)
    added = copy.deepcopy(records[-1]) | {"id": f"{records[-1]['id']}-2"}
    records.append(added)
    restored = restore(data, "shuffled").splitlines(keepends=True)
    start, end = record_span(path, len(records) - 2)
    inserted = restored[end:end + len(restored) - len(LINES)]
    assert restored[:end] == LINES[:end] and restored[end + len(inserted):] == LINES[end:]
    # Written as the record it was copied from: the same lines, but for the id (and the comments, the file's own).
    assert [line.replace(f"id: {added['id']}", f"id: {records[-2]['id']}") for line in inserted] == uncommented(LINES[start:end])
    assert not dates(yaml.load("".join(restored), Loader=yaml.CSafeLoader))  # dates in quotes, as CONTRIBUTING.md asks


@pytest.mark.parametrize("path", RECORD_LISTS, **NAMED)
def test_a_record_removed_takes_exactly_its_lines(path):
    """The first, a middle and the last record of a list removed in one save (a restore of the whole file each),
    where the list keeps a record besides; one at a time where it would not."""
    indexes = sorted({0, len(at(DATA, path)) // 2, len(at(DATA, path)) - 1})
    saves = [indexes] if len(at(DATA, path)) > len(indexes) else [[index] for index in indexes]
    for removed in saves:
        data = copy.deepcopy(DATA)
        for index in reversed(removed):
            del at(data, path)[index]
        spans = [record_span(path, index) for index in removed]
        kept = [line for number, line in enumerate(LINES) if not any(start <= number < end for start, end in spans)]
        assert restore(data, "shuffled") == "".join(kept), removed


def test_a_section_the_saved_file_leaves_out_stays_as_it_is():
    data = copy.deepcopy(DATA)
    for name in list(data)[1:]:
        del data[name]
    first = list(data)[0]
    path = next(path for path in SCALARS if path[0] == first and isinstance(at(DATA, path), str))
    at(data, path[:-1])[path[-1]] = at(DATA, path) + " (rettet)"
    changed = changed_ranges(restore(data))
    assert changed == [(field_lines(path)[0], field_lines(path)[1] + 1)]


# What an editor or the workflow reads when something is wrong ---------------------------------------

def run_restore(folder: Path, *arguments: str) -> subprocess.CompletedProcess:
    """`python -m peersite restore` run in folder (in this process; the workflow's test below runs it as the workflow does)."""
    return run_peersite(folder, "restore", *arguments)


@pytest.mark.parametrize("saved_bytes, expected", [
    (b"site:\n  reviewed: [\n", r"saved\.yml:3:1: YAML syntax: .+ — check the indentation"),
    (b'site:\n  reviewed: "2026\n', r"saved\.yml:2:13: YAML syntax: the text in quotes that begins here does not end on this line"),
    (b"- site\n", r"saved\.yml:1:1: the file must be a mapping of sections"),
    (b"", r"saved\.yml:1:1: the file is empty"),
    (b"site:\n  reviewed: \xff\n", r"saved\.yml:2:13: not UTF-8 text"),
], ids=["broken syntax", "an unclosed quote", "a list", "empty", "not UTF-8"])
def test_a_saved_file_that_cannot_be_read_is_named_with_its_place_and_left_alone(tmp_path, saved_bytes, expected):
    (tmp_path / "original.yml").write_text(ORIGINAL, encoding="utf-8")
    (tmp_path / "saved.yml").write_bytes(saved_bytes)
    result = run_restore(tmp_path, "original.yml", "saved.yml")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert re.match(expected, result.stderr), result.stderr
    assert result.stderr.endswith("Nothing was written.\n")
    assert (tmp_path / "saved.yml").read_bytes() == saved_bytes


def test_missing_files_are_named(tmp_path):
    (tmp_path / "saved.yml").write_text(rewritten(DATA), encoding="utf-8")
    result = run_restore(tmp_path, "gone.yml", "saved.yml")
    assert result.returncode == 1 and result.stderr.startswith("gone.yml:1:1: file not found")
    result = run_restore(tmp_path, "saved.yml", "saved.yml", "--output", "no/such/folder/out.yml")
    assert result.returncode == 1 and result.stderr.startswith("no/such/folder/out.yml: cannot be written (")


def test_a_restore_that_would_change_the_meaning_refuses_and_writes_nothing(tmp_path, monkeypatch, capsys):
    data = copy.deepcopy(DATA)
    data["models"][0]["summary"]["da"] += " Rettet."
    saved = tmp_path / "saved.yml"
    saved.write_text(rewritten(data), encoding="utf-8")
    # As if the writer lost the new text: the check before writing must catch it.
    monkeypatch.setattr(Original, "inline", lambda self, value: '"not what was saved"')
    assert main(["restore", str(ROOT / DATA_PATH), str(saved)]) == 1
    mark = load_marked_yaml(saved)["models"][0]["summary"].marks["da"]
    assert capsys.readouterr().err.startswith(
        f"{saved}:{mark.line}:{mark.column}: models[0].summary.da: restoring would change what this value means;")
    assert saved.read_text(encoding="utf-8") == rewritten(data)


# The workflow on the CMS's branches ---------------------------------------------------------------------

def git(folder: Path, *arguments: str) -> str:
    """A git command's output in folder (as a person who is not the workflow, where it commits)."""
    result = subprocess.run(["git", "-c", "user.name=Redaktør", "-c", "user.email=redaktoer@example.org", *arguments],
                            cwd=folder, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


def restore_step() -> str:
    """The commands of the workflow's step that restores the data file."""
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key `on` as true
    assert triggers["push"]["branches"] == ["cms/**"]
    steps = workflow["jobs"]["restore"]["steps"]
    checkout = next(step for step in steps if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0 and "secrets.CMS_PUSH_TOKEN" in checkout["with"]["token"]
    runs = [step["run"] for step in steps if "make restore" in step.get("run", "")]
    assert len(runs) == 1
    return runs[0]


def test_the_workflow_commits_the_restored_file_to_the_cms_branch_once(tmp_path):
    """The step's own commands, run in a checkout of a cms/ branch as GitHub's runner checks it out."""
    origin, editor, runner = tmp_path / "origin.git", tmp_path / "editor", tmp_path / "runner"
    git(tmp_path, "init", "--quiet", "--bare", "--initial-branch=main", str(origin))
    git(tmp_path, "clone", "--quiet", str(origin), str(editor))
    for name in git(ROOT, "ls-files", "-z").split("\0"):
        if name and (ROOT / name).is_file():
            (editor / name).parent.mkdir(parents=True, exist_ok=True)
            (editor / name).write_bytes((ROOT / name).read_bytes())
    git(editor, "add", "--all")
    git(editor, "commit", "--quiet", "-m", "The site")
    git(editor, "push", "--quiet", "origin", "main")
    # The CMS saves one change on a branch of its own, writing the whole file anew.
    data = copy.deepcopy(DATA)
    data["models"][0]["summary"]["da"] += " Rettet i formularen."
    branch = f"cms/models/{data['models'][0]['id']}"
    git(editor, "switch", "--quiet", "-c", branch)
    (editor / DATA_PATH).write_text(rewritten(data, "shuffled"), encoding="utf-8")
    git(editor, "commit", "--quiet", "-am", f"Update Models “{data['models'][0]['id']}”")
    git(editor, "push", "--quiet", "origin", branch)
    git(tmp_path, "clone", "--quiet", "--branch", branch, str(origin), str(runner))
    # The runner's Python: this one, with what `make .venv/.installed` would install already installed.
    (runner / ".venv" / "bin").mkdir(parents=True)
    (runner / ".venv" / "bin" / "python").write_text(f"#!/bin/sh\nexec {shlex.quote(sys.executable)} \"$@\"\n")
    (runner / ".venv" / "bin" / "python").chmod(0o755)
    (runner / ".venv" / ".installed").touch()
    environment = {name: value for name, value in os.environ.items() if not name.startswith("GIT_")} | {"GITHUB_REF_NAME": branch}

    def run_step() -> subprocess.CompletedProcess:
        return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", restore_step()],
                              cwd=runner, env=environment, capture_output=True, text=True)

    first = run_step()
    assert first.returncode == 0, first.stdout + first.stderr
    assert git(origin, "log", "-1", "--format=%an|%s", branch) == f"github-actions[bot]|{COMMIT_MESSAGE}\n"
    assert git(origin, "diff", "--numstat", "main", branch) == f"1\t1\t{DATA_PATH}\n"
    assert git(origin, "show", f"{branch}:{DATA_PATH}") == restore(data, "shuffled")
    # Run again on its own commit (were the workflow not to skip it): nothing to restore, nothing pushed.
    second = run_step()
    assert second.returncode == 0 and "nothing to restore" in second.stdout, second.stdout + second.stderr
    assert git(origin, "rev-list", "--count", f"main..{branch}") == "2\n"
