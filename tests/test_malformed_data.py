"""Whatever an editor does to content/data.yml, `make check` answers with located messages and a count,
never a traceback: malformed files of every kind, and the real data file mutated by Hypothesis
(lines deleted, duplicated, re-indented; bytes inserted; keys renamed, values retyped, re-nested)."""

import contextlib
import copy
import io
import re

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, examples
from peersite.cli import main
from peersite.data.load import syntax_problem

REAL = (ROOT / "content" / "data.yml").read_bytes()
REAL_LINES = REAL.decode("utf-8").splitlines(keepends=True)
LOCATED = re.compile(r"^content/data\.yml:\d+:\d+: \S")
SUMMARY = re.compile(r"^\d+ errors? in content/data\.yml; nothing was built\.$")
# Each example reads and checks the whole real file (up to 0.15 s): enough examples to find what breaks, few enough
# to keep the suite quick. 100 (in `make test`) draw each kind of change (5 of lines, 4 of keys) some 20 times a run,
# and each run draws others.
EXAMPLES = settings(max_examples=examples(100), deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(data: bytes, tmp_path) -> tuple[int, list[str]]:
    """Run `python -m peersite check` in-process on data: its exit code and what it printed.

    In-process, a traceback is an exception, and fails the test that meets it."""
    path = tmp_path / "content" / "data.yml"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    (tmp_path / "docs").mkdir(exist_ok=True)
    printed = io.StringIO()
    with contextlib.redirect_stderr(printed), contextlib.chdir(tmp_path):
        code = main(["check"])
    return code, printed.getvalue().splitlines()


def assert_located_or_sound(code: int, lines: list[str]) -> None:
    """Either the file is sound, or every problem names its place and the last line counts them."""
    if code == 0:
        return
    assert code == 1
    assert lines and SUMMARY.match(lines[-1]), lines[-3:]
    unlocated = [line for line in lines[:-1] if not LOCATED.match(line)]
    assert unlocated == []
    assert int(lines[-1].split()[0]) == len(lines) - 1


MALFORMED = {
    "empty file": b"",
    "only a comment": b"# nothing yet\n",
    "a list, not sections": b"- site\n- models\n",
    "a bare text": b"peer support\n",
    "NUL byte": REAL[:200] + b"\x00" + REAL[200:],
    "control character": REAL[:500] + b"\x07" + REAL[500:],
    "not UTF-8": REAL[:300] + b"\xff\xfe" + REAL[300:],
    "Latin-1 text": "site:\n  reviewed: \"2026-11-22\"\n  note: Sjælland\n".encode("latin-1"),
    "tab indentation": REAL.replace(b"\n  reviewed:", b"\n\treviewed:", 1),
    "unclosed bracket": REAL.replace(b"[2015, 2014]", b"[2015, 2014", 1),
    "unclosed quote": REAL.replace(b'reviewed: "2026', b'reviewed: "2026'.replace(b'"', b"'"), 1),
    "deep nesting": b"site: " + b"[" * 100_000 + b"]" * 100_000 + b"\n",
    "deep block nesting": b"site:\n" + b"".join(b" " * i + b"- \n" for i in range(2, 200)),
    "complex key": b"? [a, b]\n: c\n" + REAL,
    "mapping as key": b"{a: 1}: b\n" + REAL,
    "number keys": REAL.replace(b"\norganisations:", b"\n1: one\ntrue: yes\nnull: nothing\norganisations:", 1),
    "several documents": REAL + b"\n---\nsite: {}\n",
    "alias bomb": b"a: &a [x, x, x, x, x, x, x, x, x, x]\n" + b"".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" .encode() + b", ".join([f"*{chr(97 + i)}".encode()] * 10) + b"]\n" for i in range(8)),
    "recursive alias": b"site: &s [*s]\n",
    "python tag": b"site: !!python/object/apply:os.system [echo hi]\n",
    "unknown tag": b"site: !secret x\n",
    "binary": b"site: !!binary aGVsbG8=\n",
    "set": b"site: !!set {a, b}\n",
    "a list's tag on a text": b"site: !!seq text\n",
    "a mapping's tag on a text": b"site: !!map text\n",
    "an alias as a key": b"a: &list [1]\n*list : b\n",
    "sections of the wrong kind": b"site: 1\norganisations: {}\nmodels: six\nevidence: [1, [2], {3: 4}]\nglossary: null\n",
    "duplicate sections": REAL + b"\nsite:\n  reviewed: \"2026-01-01\"\n",
    "huge number": REAL.replace(b"number: 1\n", b"number: 1" + b"0" * 5000 + b"\n", 1),
    "nan and infinity": REAL.replace(b"number: 1\n", b"number: .nan\n", 1).replace(b"number: 2\n", b"number: -.inf\n", 1),
    "dates unquoted": REAL.replace(b'"2020-12-07"', b"2020-12-07", 1),
    "byte-order mark": b"\xef\xbb\xbf" + REAL,
    "CRLF line ends": REAL.replace(b"\n", b"\r\n"),
    "long line": REAL.replace(b"\nmodels:", b"\nx: " + b"y" * 1_000_000 + b"\nmodels:", 1),
}


def test_every_malformed_file_gets_located_messages(tmp_path):
    refused = []
    for name, data in MALFORMED.items():
        code, lines = check(data, tmp_path)
        assert_located_or_sound(code, lines)
        refused += [name] if code else []
    # All but the harmless ones (a byte-order mark, CRLF line ends and unquoted dates are fine) are refused.
    assert set(MALFORMED) - set(refused) == {"byte-order mark", "CRLF line ends", "dates unquoted"}


@EXAMPLES
@given(st.data())
def test_lines_deleted_duplicated_moved_or_reindented(tmp_path_factory, data):
    lines = list(REAL_LINES)
    for _ in range(data.draw(st.integers(1, 3))):
        index = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["delete", "duplicate", "indent", "dedent", "swap"]))
        if action == "delete":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif action == "indent":
            lines[index] = " " * data.draw(st.integers(1, 6)) + lines[index]
        elif action == "dedent":
            lines[index] = lines[index].lstrip(" ")
        else:
            other = data.draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
    assert_located_or_sound(*check("".join(lines).encode("utf-8"), tmp_path_factory.mktemp("lines")))


@EXAMPLES
@given(position=st.integers(0, len(REAL)), inserted=st.binary(min_size=1, max_size=8))
def test_bytes_inserted_anywhere(tmp_path_factory, position, inserted):
    code, lines = check(REAL[:position] + inserted + REAL[position:], tmp_path_factory.mktemp("bytes"))
    assert_located_or_sound(code, lines)


def paths(node, path=()):
    """Every place in a parsed data tree: the path of keys and indexes leading to it."""
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from paths(value, path + (index,))


PARSED = yaml.load(REAL, Loader=yaml.CSafeLoader)
PLACES = [path for path in paths(PARSED) if path]
VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-10, 10**6), st.floats(allow_nan=True), st.text(max_size=12),
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
    st.just({"da": "tekst"}), st.just({"da": "<b>fed</b>", "en": "[x](javascript:alert(1))"}),
)


def mutate(tree, path, action: str, value, name: str):
    """The tree with the value at path deleted, retyped, renamed or moved one level down."""
    *parents, last = path
    holder = tree
    for step in parents:
        holder = holder[step]
    if action == "delete":
        del holder[last]
    elif action == "retype":
        holder[last] = value
    elif action == "rename" and isinstance(holder, dict):
        holder[name or "x"] = holder.pop(last)
    elif action == "nest":
        holder[last] = {name or "x": holder[last]}
    return tree


@EXAMPLES
@given(place=st.sampled_from(PLACES), action=st.sampled_from(["delete", "retype", "rename", "nest"]),
       value=VALUES, name=st.text(max_size=10))
def test_keys_deleted_renamed_retyped_or_nested(tmp_path_factory, place, action, value, name):
    tree = mutate(copy.deepcopy(PARSED), place, action, value, name)
    text = yaml.dump(tree, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False).encode("utf-8")
    code, lines = check(text, tmp_path_factory.mktemp("tree"))
    assert_located_or_sound(code, lines)
    if action == "nest" or (action == "rename" and isinstance(place[-1], str) and name not in ("", place[-1])):
        assert code == 1, "a re-nested or renamed field is always a mistake"


# YAML syntax errors in plain words ----------------------------------------------------------------------------------
# Each mistake is made in the real data, in lines found by their shape: a text in Danish with its English text below
# it, a list's second item with its first field, a list written in brackets, and a pair of texts on one line.
def numbered(pattern: str, after: int = 0) -> int:
    """The number (from 1) of the first line of the real data after line `after` that matches pattern."""
    return next(number for number, line in enumerate(REAL_LINES, 1) if number > after and re.search(pattern, line))


DA = next(number for number, line in enumerate(REAL_LINES, 1) if re.fullmatch(r' +da: "[^"\\:]+"\n', line)
          and REAL_LINES[number].startswith(line[:line.index("da:")] + "en: ")
          and re.fullmatch(r" +\w+:\n", REAL_LINES[number - 2]))
EN = DA + 1
INDENT = REAL_LINES[DA - 1].index("da:")
TEXT = REAL_LINES[DA - 1].split('"')[1]
FIELD = REAL_LINES[DA - 2].strip().removesuffix(":")  # the field whose texts they are, on the line above
FIRST_ITEM = numbered(r"^  - id: ")
ITEM = numbered(r"^  - id: ", after=FIRST_ITEM)  # a list's second item, its first field below it
NEXT_ITEM = numbered(r"^  - ", after=ITEM)  # the item after it, in the same list
BRACKETS = numbered(r"^ +\w+: \[[^\]]+\]$")
PAIR = numbered(r'\{da: "[^"]+", en: "[^"]+"\}')


def put(*lines: tuple[int, str]) -> str:
    """The real data with each (number, line) written in place of its line."""
    text = list(REAL_LINES)
    for number, line in lines:
        text[number - 1] = line
    return "".join(text)


def field(name: str, value: str, indent: int = INDENT) -> str:
    """A line `name: value` at an indentation."""
    return " " * indent + f"{name}{value}\n"


# (mistake, the data with it, line, column, how the message begins)
SYNTAX_MISTAKES = [
    ("a field indented one space more", put((EN, " " + REAL_LINES[EN - 1])), EN, INDENT + 2,
     f"the line is indented {INDENT + 1} spaces, unlike the lines around it (the fields from line {DA} have {INDENT})"),
    ("a text's first language indented like the field it belongs to", put((DA, field("da: ", f'"{TEXT}"', INDENT - 2))), DA,
     INDENT - 1, f"this line is indented like '{FIELD}:' in line {DA - 1}, so YAML reads it as a field beside '{FIELD}:', not"
     f" inside it, and line {EN} as indented too far — to put this line inside '{FIELD}:', indent it {INDENT} spaces"),
    ("a field indented one space less", put((EN, REAL_LINES[EN - 1][1:])), EN, INDENT,
     f"the line is indented {INDENT - 1} spaces, unlike the lines around it (line {DA} has {INDENT};"),
    ("a tab for indentation", put((EN, "\t" + REAL_LINES[EN - 1].lstrip(" "))), EN, 1,
     "a tab character — write spaces instead: YAML does not read a tab as indentation"),
    ("a text with ': ' and no quotes", put((DA, field("da: ", "Et ord: et andet"))), DA, INDENT + 11,
     "a text with ': ' in it must be in quotes — write da: \"…\""),
    ("a quote that does not close", put((DA, field("da: ", f'"{TEXT}'))), DA, INDENT + 5,
     "the text in quotes that begins here does not end on this line — end it with a straight \""),
    ("a closing quote written twice", put((DA, field("da: ", f'"{TEXT}""'))), DA, INDENT + len(TEXT) + 7,
     "one \" too many: the text ended at the \" before this one — remove this one"),
    ("a straight quote inside a text", put((DA, field("da: ", '"Et "ord" her"'))), DA, INDENT + 10,
     "the text goes on after its closing quote — a straight \" inside a text ends it: write quotation marks in a text as »…«"),
    ("a field's name without its colon", put((DA, field("da ", f'"{TEXT}"'))), DA, INDENT + 1,
     "this line has no 'name: ' before its text — write it as 'name: value'"),
    ("a text on a line of its own", put((EN, field("", TEXT))), EN, INDENT + 1,
     "this line has no 'name: ' before its text"),
    ("no space after a field's colon", put((DA, field("da:", f'"{TEXT}"'))), DA, INDENT + 4,
     "a space must follow the ':' — YAML reads 'da:' and what follows as one text"),
    ("a list item indented one space more", put((ITEM, " " + REAL_LINES[ITEM - 1])), ITEM, 4,
     "the line is indented 3 spaces, but the items of the list from line "),
    ("a list item moved in under the item above it", put((ITEM, "  " + REAL_LINES[ITEM - 1])), ITEM, 5,
     f"this line begins a record with '- ' where the fields of the record from line {FIRST_ITEM} stand — if a new record"
     f" begins here, write its '- ' 2 spaces in, like line {FIRST_ITEM}, and, if its other lines moved in with it,"
     " indent them 2 spaces less"),
    ("a record's field indented more than the one above it", put((ITEM + 1, "  " + REAL_LINES[ITEM])), ITEM + 1, 7,
     f"this line is indented more than 'id:' in line {ITEM}, so YAML reads it as part of that value — indent it like"
     f" line {ITEM} (4 spaces)"),
    ("a record's fields all indented more than its first", put(*[(number, "  " + REAL_LINES[number - 1])
                                                                 for number in range(ITEM + 1, NEXT_ITEM)]),
     ITEM + 1, 7, f"lines {ITEM + 1}–{NEXT_ITEM - 1} are indented 2 spaces more than 'id:' in line {ITEM}, so YAML reads"
     f" them as part of its value — indent them all 2 spaces less (this one like line {ITEM})"),
    *[(f"no space after the '-' of a list's {which} item", put((number, REAL_LINES[number - 1].replace("- id:", "-id:", 1))),
       number, 4, "a space must follow the '-' that begins a list item — write '- id:'")
      for which, number in (("first", FIRST_ITEM), ("second", ITEM))],
    ("a field written as a list item", put((DA, field("- da: ", f'"{TEXT}"'))), EN, INDENT + 1,
     f"this line stands where the list from line {DA} has its items, but does not begin with '- '"),
    ("a list in brackets not closed", put((BRACKETS, REAL_LINES[BRACKETS - 1].replace("]", ""))), BRACKETS,
     REAL_LINES[BRACKETS - 1].index("[") + 1, "the '[' here has no ']' to close it on its line — end it with ']'"),
    ("a pair of texts without its comma", put((PAIR, REAL_LINES[PAIR - 1].replace('", en: ', '" en: ', 1))), PAIR,
     REAL_LINES[PAIR - 1].index("en: "), "a ',' is missing before this — write ', ' between the items"),
    ("a backslash in double quotes", put((DA, field("da: ", '"C:\\qx"'))), DA, INDENT + 8,
     "a backslash (\\) in a text in double quotes begins an escape like \\n — write \\\\ for the backslash itself"),
    *[(f"a text that begins with '{sign}'", put((DA, field("da: ", f"{sign}vigtigt{sign} ord"))), DA, INDENT + 5,
       f"a text that begins with '{sign}' must be in quotes — write it between straight quotes: \"{sign}…\"")
      for sign in ("*", "@", "`", "%", "|", "!")],
    ("a text that begins with '['", put((DA, field("da: ", "[vigtigt] ord"))), DA, INDENT + 15,
     "a text that begins with '[' must be in quotes"),
]
# What a parser says, and an editor should not have to read.
PARSER_WORDS = ("did not find expected", "mapping values", "could not find expected", "<block end>", "while parsing",
                "while scanning", "cannot start any token", "constructor")


@pytest.mark.parametrize("text, line, column, message", [mistake[1:] for mistake in SYNTAX_MISTAKES],
                         ids=[mistake[0] for mistake in SYNTAX_MISTAKES])
def test_a_yaml_syntax_error_is_explained_in_plain_words_on_its_line(tmp_path, text, line, column, message):
    # libyaml's parser (which `make check` uses where it is installed) and PyYAML's own word their errors differently.
    for loader in (yaml.CSafeLoader, yaml.SafeLoader):
        with pytest.raises(yaml.YAMLError) as raised:
            yaml.load(text, Loader=loader)
        problem = syntax_problem(raised.value, text)
        assert (problem.line, problem.column, problem.where) == (line, column, "YAML syntax"), (loader.__name__, problem)
        assert problem.what.startswith(message), (loader.__name__, problem.what)
        assert not [words for words in PARSER_WORDS if words in problem.what]
    code, lines = check(text.encode("utf-8"), tmp_path)
    assert code == 1 and lines[0].startswith(f"content/data.yml:{line}:{column}: YAML syntax: {message}")
