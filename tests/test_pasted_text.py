"""Text pasted from a word processor or a web page: smart quotes where YAML needs straight ones, quotation marks of the
other language, spaces other than the ordinary one and hidden characters. `make check` names each at its line and
column with the fix; `python -m peersite check --fix` writes that fix into the file and nothing else, so the real
data with a mistake put in comes back byte for byte; a second run changes nothing."""

import contextlib
import io
import re
import sys
import unicodedata

import pytest

from conftest import ROOT
from peersite.data.characters import QUOTATION_MARKS, odd_spaces
from peersite.cli import main

REAL = (ROOT / "content" / "data.yml").read_text(encoding="utf-8")
LINES = REAL.splitlines(keepends=True)
FIX_HINT = "(make fix does it)"


def first_line(pattern: str) -> int:
    """The number (from 1) of the first line of the real data that matches pattern."""
    return next(number for number, line in enumerate(LINES, 1) if re.search(pattern, line))


# Lines of the real data to put each mistake in: a plain text in each language, a quotation in each language's
# marks, one inside another, and a pair of texts written on one line.
DANISH = first_line(r'^ +da: "[^"»«\\]+ [^"»«\\]+"$')
ENGLISH = first_line(r'^ +en: "[^"“”\\]+ [^"“”\\]+"$')
DANISH_QUOTE = first_line(r'^ +da: "[^"»«›‹]*»[^"»«›‹]+«[^"»«›‹]*"$')
ENGLISH_QUOTE = first_line(r'^ +en: "[^"“”‘’]*“[^"“”‘’]+”[^"“”‘’]*"$')
DANISH_INNER = first_line(r'^ +da: ".*›[^"‹]+‹.*"$')
ENGLISH_INNER = first_line(r'^ +en: ".*‘[^"’]+’.*"$')
FLOW_PAIR = first_line(r'\{da: "[^"]+", en: "[^"]+"\}')
REVIEWED = first_line(r'^ +reviewed: "\d{4}-\d{2}-\d{2}"$')
OPENING, CLOSING = QUOTATION_MARKS["da"][0]
INNER_OPENING, INNER_CLOSING = QUOTATION_MARKS["da"][1]
EN_OPENING, EN_CLOSING = QUOTATION_MARKS["en"][0]
EN_INNER_OPENING, EN_INNER_CLOSING = QUOTATION_MARKS["en"][1]


def swap(line: int, *replacements: tuple[str, str]) -> tuple[int, str, int]:
    """A line of the real data with the first of each (old, new) replaced, and the column of the first change."""
    text = LINES[line - 1]
    places = sorted((text.index(old), old, new) for old, new in replacements)
    for at, old, new in reversed(places):
        text = text[:at] + new + text[at + len(old):]
    return line, text, places[0][0] + 1


def first_space_in_text(line: int, space: str) -> tuple[int, str, int]:
    """A line of the real data with the first space inside its quoted text replaced by `space`, and its column."""
    text = LINES[line - 1]
    at = text.index(" ", text.index('"'))
    return line, text[:at] + space + text[at + 1:], at + 1


def after_first_space_in_text(line: int, character: str) -> tuple[int, str, int]:
    """A line of the real data with `character` written after the first space inside its quoted text, and its column."""
    line, text, column = first_space_in_text(line, " " + character)
    return line, text, column + 1


def delimiters(line: int, opening: str, closing: str) -> tuple[int, str, int]:
    """A line of the real data whose text's straight quotes are replaced by `opening` and `closing`."""
    text = LINES[line - 1]
    first, last = text.index('"'), text.rindex('"')
    column = first + 1 if opening != '"' else last + 1
    return line, text[:first] + opening + text[first + 1:last] + closing + text[last + 1:], column


# (kind of mistake, (line, the line as the editor wrote it, column of the first wrong character), what the message says)
MISTAKES = [
    ("Word's Danish quotes as YAML quotes", delimiters(DANISH, "”", "”"), "” … ” around a text are not YAML's quotes"),
    ("Word's English quotes as YAML quotes", delimiters(ENGLISH, "“", "”"), "“ … ” around a text are not YAML's quotes"),
    ("German quotes as YAML quotes", delimiters(DANISH_QUOTE, "„", "“"), "„ … “ around a text are not YAML's quotes"),
    ("smart single quotes as YAML quotes", delimiters(ENGLISH_QUOTE, "‘", "’"), "‘ … ’ around a text are not YAML's quotes"),
    ("a straight quote closed by a smart one", delimiters(DANISH, '"', "”"), '" … ” around a text are not YAML\'s quotes'),
    ("double primes as YAML quotes", delimiters(ENGLISH, "″", "″"), "″ … ″ around a text are not YAML's quotes"),
    ("smart quotes around one of a pair of texts", swap(FLOW_PAIR, ('"', "”"), ('", en: ', "”, en: ")),
     "” … ” around a text are not YAML's quotes"),
    ("English quotes in a Danish text", swap(DANISH_QUOTE, (OPENING, "“"), (CLOSING, "”")),
     f"the quotation marks “ ” at column {{column}} (and 1 more in this text) are not Danish ones — a Danish text quotes {OPENING}like this{CLOSING}"),
    ("Word's Danish quotes in a Danish text", swap(DANISH_QUOTE, (OPENING, "”"), (CLOSING, "”")),
     "the quotation marks ” at column {column} (and 1 more in this text) are not Danish ones"),
    ("German quotes in a Danish text", swap(DANISH_QUOTE, (OPENING, "„"), (CLOSING, "“")),
     "the quotation marks „ “ at column {column} (and 1 more in this text) are not Danish ones"),
    ("guillemets turned the French way in a Danish text", swap(DANISH_QUOTE, (OPENING, "«"), (CLOSING, "»")),
     "the quotation marks « » at column {column} (and 1 more in this text) are not Danish ones"),
    ("straight quotes in a Danish text", swap(DANISH_QUOTE, (OPENING, '\\"'), (CLOSING, '\\"')),
     'the quotation marks " at column {column} (and 1 more in this text) are not Danish ones'),
    ("English single quotes inside a Danish quotation", swap(DANISH_INNER, (INNER_OPENING, "‘"), (INNER_CLOSING, "’")),
     "the quotation marks ‘ ’ at column {column} (and 1 more in this text) are not Danish ones"),
    ("Danish quotes in an English text", swap(ENGLISH_QUOTE, (EN_OPENING, "»"), (EN_CLOSING, "«")),
     f"the quotation marks » « at column {{column}} (and 1 more in this text) are not English ones — an English text"
     f" quotes {EN_OPENING}like this{EN_CLOSING}"),
    ("German quotes in an English text", swap(ENGLISH_QUOTE, (EN_OPENING, "„"), (EN_CLOSING, "“")),
     "the quotation marks „ “ at column {column} (and 1 more in this text) are not English ones"),
    ("Danish single quotes inside an English quotation", swap(ENGLISH_INNER, (EN_INNER_OPENING, "›"), (EN_INNER_CLOSING, "‹")),
     "the quotation marks › ‹ at column {column} (and 1 more in this text) are not English ones"),
    ("no-break space", first_space_in_text(DANISH, "\u00a0"), "U+00A0 NO-BREAK SPACE at column {column} — write an ordinary space"),
    ("no-break space written as an escape", first_space_in_text(DANISH, "\\u00a0"), "U+00A0 NO-BREAK SPACE at column {column}"),
    ("narrow no-break space", first_space_in_text(ENGLISH, "\u202f"), "U+202F NARROW NO-BREAK SPACE at column {column}"),
    ("figure space", first_space_in_text(DANISH_QUOTE, "\u2007"), "U+2007 FIGURE SPACE at column {column}"),
    ("thin space", first_space_in_text(ENGLISH_QUOTE, "\u2009"), "U+2009 THIN SPACE at column {column}"),
    ("ideographic space", first_space_in_text(DANISH, "\u3000"), "U+3000 IDEOGRAPHIC SPACE at column {column}"),
    ("tab inside a text", first_space_in_text(ENGLISH, "\t"), "U+0009 CHARACTER TABULATION at column {column}"),
    ("soft hyphen", after_first_space_in_text(DANISH, "\u00ad"), "U+00AD SOFT HYPHEN at column {column} — delete it"),
    ("zero-width space", after_first_space_in_text(ENGLISH, "\u200b"), "U+200B ZERO WIDTH SPACE at column {column}"),
    # In a date it was "expected a date, got a text ('2026-12-04')": nothing to see in the message either.
    ("zero-width space in a date", swap(REVIEWED, ("2", "\u200b2")), "U+200B ZERO WIDTH SPACE at column {column}"),
    # A control character broke the workbook's writing, deep in the build, with a traceback.
    ("escape character written as an escape", after_first_space_in_text(DANISH, "\\e"), "U+001B CONTROL CHARACTER at column {column}"),
]


def run(folder, *arguments: str) -> tuple[int, list[str], list[str]]:
    """`python -m peersite` in-process in folder: its exit code, and the lines it wrote to stdout and to stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), contextlib.chdir(folder):
        code = main(list(arguments))
    return code, out.getvalue().splitlines(), err.getvalue().splitlines()


def with_mistakes(folder, mistakes) -> str:
    """Write the real data with each (line, text) put in, in folder/content/data.yml; return the text."""
    lines = list(LINES)
    for line, text in mistakes:
        lines[line - 1] = text
    (folder / "content").mkdir(exist_ok=True)
    (folder / "docs").mkdir(exist_ok=True)
    text = "".join(lines)
    (folder / "content" / "data.yml").write_text(text, encoding="utf-8")
    return text


def errors(lines: list[str]) -> list[str]:
    """The error lines of a check's report (not its warnings, nor the count)."""
    return [line for line in lines if re.match(r"content/data\.yml:\d+:\d+: (?!warning: )", line)]


@pytest.mark.parametrize("mistake, expected", [(mistake, expected) for _, mistake, expected in MISTAKES],
                         ids=[name for name, _, _ in MISTAKES])
def test_a_pasted_mistake_is_named_at_its_place_and_fixed_back_byte_for_byte(tmp_path, mistake, expected):
    line, text, column = mistake
    assert text != LINES[line - 1]
    with_mistakes(tmp_path, [(line, text)])
    code, _, report = run(tmp_path, "check")
    assert code == 1
    assert len(errors(report)) == 1, report
    assert errors(report)[0].startswith(f"content/data.yml:{line}:{column}: ")
    assert expected.format(column=column) in errors(report)[0]
    assert errors(report)[0].endswith(FIX_HINT)

    code, done, report = run(tmp_path, "check", "--fix")
    assert (tmp_path / "content" / "data.yml").read_text(encoding="utf-8") == REAL
    assert code == 0 and errors(report) == []
    assert [entry.split(": fixed: ")[0] for entry in done[:-1]] == [f"content/data.yml:{line}:{column}"]

    code, done, _ = run(tmp_path, "check", "--fix")
    assert (code, done[0]) == (0, "content/data.yml: nothing for --fix to change.")
    assert (tmp_path / "content" / "data.yml").read_text(encoding="utf-8") == REAL


def test_every_mistake_at_once_is_fixed_in_one_run_touching_only_its_lines(tmp_path):
    # One mistake a line: the first of each line's kinds.
    chosen = {}
    for _, (line, text, _), _ in MISTAKES:
        chosen.setdefault(line, text)
    written = with_mistakes(tmp_path, chosen.items())
    code, _, report = run(tmp_path, "check")
    assert code == 1 and {int(entry.split(":")[1]) for entry in errors(report)} == set(chosen)

    code, done, report = run(tmp_path, "check", "--fix")
    fixed = (tmp_path / "content" / "data.yml").read_text(encoding="utf-8")
    changed = {number for number, (before, after) in enumerate(zip(written.splitlines(), fixed.splitlines()), 1) if before != after}
    assert changed == set(chosen)
    assert fixed == REAL
    assert (code, errors(report), done[-1]) == (0, [], "content/data.yml: no errors.")


def test_the_fix_report_says_what_was_written_and_the_check_after_it_what_is_left(tmp_path):
    line, text, column = swap(DANISH_QUOTE, (OPENING, "“"), (CLOSING, "”"))
    # A text written over two lines is not the file's characters one for one: it is named, and left to the editor.
    written = LINES[DANISH - 1]
    first_space = written.index(" ", written.index('"'))
    second_space = written.index(" ", first_space + 1)
    over_two_lines = (written[:first_space] + "\u00a0" + written[first_space + 1:second_space] + "\n" + " " * 10
                      + written[second_space + 1:])
    with_mistakes(tmp_path, [(line, text), (DANISH, over_two_lines)])
    line += DANISH < line  # one line more above it
    code, done, report = run(tmp_path, "check", "--fix")
    assert re.fullmatch(rf"content/data\.yml:{line}:{column}: fixed: [\w.\[\]]+\.da: wrote {OPENING} {CLOSING} for “ ”", done[0])
    assert code == 1
    left = errors(report)
    assert len(left) == 1 and left[0].startswith(f"content/data.yml:{DANISH}:"), left
    assert "U+00A0 NO-BREAK SPACE at character" in left[0] and not left[0].endswith(FIX_HINT)
    assert run(tmp_path, "check", "--fix")[1][0] == "content/data.yml: nothing for --fix to change."


# Texts that look like a mistake and are not: each stands in a Danish or an English text of the real data, which
# must still pass.
NOT_MISTAKES = {
    "an apostrophe inside a word and after one": ("da", "DOI’en står i Lars’ bog."),
    "an English apostrophe before a number": ("en", "In the ’90s the partners’ view changed."),
    "a double prime after a number": ("en", "A 12″ screen."),
    "guillemets between spaces, as a path": ("da", "Vælg Resumé › Dansk."),
    "English marks around a Danish title in an English text": ("en", "The leaflet “Peer-støtte” (Peer support)."),
    "Danish marks inside Danish marks": ("da", "Rapporten »Erfaringer fra ›Bro til hverdagslivet‹«."),
    "a straight apostrophe": ("en", "The trial's 'title' is Danish."),
}


@pytest.mark.parametrize("language, text", NOT_MISTAKES.values(), ids=NOT_MISTAKES.keys())
def test_apostrophes_primes_and_right_quotes_pass(tmp_path, language, text):
    line = DANISH if language == "da" else ENGLISH
    with_mistakes(tmp_path, [(line, re.sub(r'"[^"]*"', lambda _: f'"{text}"', LINES[line - 1], count=1))])
    code, _, report = run(tmp_path, "check")
    assert (code, errors(report)) == (0, [])


def test_smart_quotes_that_break_the_yaml_are_named_alone(tmp_path):
    # A ': ' inside a text between smart quotes, and a straight quote closed by a smart one, would each stop YAML
    # with a parser message; the check reads the file as the editor meant it, and names only the quotes.
    colon = LINES[DANISH - 1].replace('da: "', "da: ”", 1).replace('"\n', ': ja”\n')
    unclosed = LINES[ENGLISH - 1].replace('"\n', "”\n")
    with_mistakes(tmp_path, [(DANISH, colon), (ENGLISH, unclosed)])
    code, _, report = run(tmp_path, "check")
    assert code == 1
    assert [entry.split(": ")[:2] for entry in errors(report)] == [[f"content/data.yml:{DANISH}:{colon.index('”') + 1}", "YAML syntax"],
                                                                  [f"content/data.yml:{ENGLISH}:{unclosed.index('”') + 1}", "YAML syntax"]]
    run(tmp_path, "check", "--fix")
    fixed = (tmp_path / "content" / "data.yml").read_text(encoding="utf-8").splitlines(keepends=True)
    assert (fixed[DANISH - 1], fixed[ENGLISH - 1]) == (colon.replace("”", '"'), LINES[ENGLISH - 1])
    assert run(tmp_path, "check")[0] == 0


def test_the_odd_spaces_are_every_space_separator_but_the_ordinary_space_and_the_tab():
    spaces = {chr(code) for code in range(sys.maxunicode + 1) if unicodedata.category(chr(code)) == "Zs"}
    assert {character for character in map(chr, range(sys.maxunicode + 1)) if odd_spaces(character)} == spaces - {" "} | {"\t"}


def test_a_file_saved_with_a_byte_order_mark_and_windows_line_ends_is_fixed_byte_for_byte(tmp_path):
    line, text, column = first_space_in_text(ENGLISH, "\u00a0")
    with_mistakes(tmp_path, [(line, text), delimiters(DANISH, "”", "”")[:2]])
    path = tmp_path / "content" / "data.yml"
    windows = "\ufeff" + path.read_text(encoding="utf-8").replace("\n", "\r\n")
    path.write_bytes(windows.encode("utf-8"))
    code, _, report = run(tmp_path, "check")
    assert code == 1 and f"content/data.yml:{line}:{column}: " in "\n".join(errors(report))
    assert run(tmp_path, "check", "--fix")[0] == 0
    assert path.read_bytes() == ("\ufeff" + REAL.replace("\n", "\r\n")).encode("utf-8")
