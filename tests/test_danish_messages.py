"""Editors read every mistake in Danish, on the line where it is: every message the code gives has a Danish entry in
peersite/locale/da/LC_MESSAGES/peersite.po with the same placeholders, and `check --language da` (what `make check`
and the pull request's checks run) reports a broken copy of the real data at the same places as in English, in
Danish words only."""

import re
import shlex
import shutil
import string
import subprocess
import sys

import pytest
from babel.messages.pofile import read_po
from conftest import ROOT, run_peersite

sys.path.insert(0, str(ROOT / "scripts"))
from messages import extracted  # noqa: E402  (scripts/messages.py, which brings the catalogue up to date)

from peersite.messages import catalogue_path  # noqa: E402
from peersite.checks.spelling import read_word_list, unknown_words  # noqa: E402

DATA = (ROOT / "content" / "data.yml").read_text(encoding="utf-8")
# English words every message is built from: none may be left in a Danish one.
ENGLISH = {"expected", "got", "write", "unknown", "missing", "add", "remove", "use", "the", "must", "only", "instead",
           "text", "line", "field", "with", "not", "is", "of", "before", "after", "empty", "error", "errors", "warning",
           "fixed", "wrote", "nothing", "was", "built", "did", "you", "mean", "quotes", "space", "column", "value", "date"}
# Entries whose Danish is the English: a message made of placeholders only, and nouns both languages spell alike.
SAME_IN_BOTH = {"{character} {at} — {fix}"}
LOCATION = re.compile(r"^(?P<path>[^:\s]+):(?P<line>\d+):(?P<column>\d+): ")
# What a message quotes from the file (names, values, the parser's own words) and Unicode's names of characters.
QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|»[^«]*«|`[^`]*`|\b[A-Z][A-Z-]+(?: [A-Z][A-Z-]+)+\b|\b[a-z_]+:(?=\s|$)")


def catalogue():
    """The Danish catalogue as Babel reads it."""
    with catalogue_path("da").open("rb") as po:
        return read_po(po, locale="da")


def placeholders(text: str) -> set[str]:
    """The names of a message's {placeholders}."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def forms(message) -> tuple:
    """A message's id and translation, each as a tuple of its forms (one, or singular and plural)."""
    as_tuple = lambda value: value if isinstance(value, tuple) else (value,)  # noqa: E731
    return as_tuple(message.id), as_tuple(message.string)


def test_every_message_in_the_code_has_a_danish_entry_and_every_entry_a_message():
    in_code = {message.id for message in extracted() if message.id}
    in_catalogue = {message.id for message in catalogue() if message.id}
    assert sorted(map(str, in_code - in_catalogue)) == [], "run python scripts/messages.py and translate the new entries"
    assert sorted(map(str, in_catalogue - in_code)) == [], "entries no message in the code uses"


def test_each_danish_entry_is_written_with_the_same_placeholders():
    for message in catalogue():
        if not message.id:
            continue
        english, danish = forms(message)
        assert all(danish), f"no Danish for {message.id!r}"
        assert not message.fuzzy, message.id
        for form in danish:
            assert placeholders(form) == set().union(*map(placeholders, english)), (message.id, form)
            form.format(**{name: 1 for name in placeholders(form)})  # braces balanced, as str.format reads them
        assert danish != english or message.id in SAME_IN_BOTH, message.id


def test_the_danish_catalogue_is_spelled_right():
    if shutil.which("hunspell") is None:
        pytest.skip("Hunspell is not installed here; CI spell-checks")
    words = set()
    for message in catalogue():
        for form in forms(message)[1] if message.id else ():
            # Left out: placeholders, addresses, file and field names, and the values an editor writes (found: improvement).
            plain = re.sub(r"\{[^{}]*\}|\S*(?:://|@|\.dk|\.md|_)\S*|[a-z]+: [a-z-]+|\b[a-z]+:", " ", form)
            words |= {word for word in re.findall(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", QUOTED.sub(" ", plain)) if not word.isupper()}
    # The imperative's optional accent (installér): Hunspell's Danish dictionary knows the word without it.
    words = {re.sub("ér$", "er", word) for word in words}
    known = read_word_list(ROOT / "content" / "words.txt")
    # Names of programs, and Danish words made with them.
    technical = {"GitHub", "Hunspell", "Hunspells", "hunspell", "hunspell-da", "hunspell-en-gb", "make", "Markdown-fil",
                 "YAML-opbygning", "YAML-syntaks", "requests", "nr"}  # pull requests, nr. 3
    assert sorted(unknown_words(words - technical - known, "da")) == []


# A broken copy of the real data -----------------------------------------------------------------------------------

def broken(data: str) -> str:
    """The real data with mistakes an editor makes: an unknown id, an empty Danish text, a date in words, a value
    pasted between smart quotes, an English quotation in a Danish text, a no-break space, a mistyped field name."""
    replacements = [
        (r"(\n    partnership: )[a-z-]+", r"\1partnerskab-ukendt"),
        (r"(\n    summary:\n      da: )\"[^\"\n]+\"", r'\1""'),
        (r"(\n    reviewed: )\"\d{4}-\d\d-\d\d\"", r'\1"1. juni 2018"'),
        (r"(\n      da: )\"(Individuel og gruppebaseret peer-støtte)\"", r"\1”\2”"),
        (r"(\n    setting:\n      da: \"Kommunale)", "\\1 “psykosociale” og"),
        (r"(\n    target_group:\n      da: \"\w+) ", "\\1\u00a0"),
        (r"\n    region: ", "\n    regoin: "),
    ]
    for pattern, replacement in replacements:
        data, count = re.subn(pattern, replacement, data, count=1)
        assert count == 1, f"the real data no longer has {pattern}: pick another place for this mistake"
    return data


def indented_wrong(data: str) -> str:
    """The real data with one field of the first model indented a space too far."""
    return data.replace("\n    region: ", "\n     region: ", 1)


def check(tmp_path, data: str, *options: str) -> subprocess.CompletedProcess:
    """`python -m peersite check` on a copy of the data, with the real pages."""
    (tmp_path / "data.yml").write_text(data, encoding="utf-8")
    return run_peersite(tmp_path, "check", "--data", "data.yml", "--docs", str(ROOT / "docs"), *options)


def english_words(line: str) -> set[str]:
    """The English message words in a line of the report, leaving out its place, its field path and what it quotes."""
    message = LOCATION.sub("", line)
    message = re.sub(r"^[\w.\[\]-]+: ", "", message)  # the field's path, models[0].summary.da, stays as it is
    return {word for word in re.findall(r"[A-Za-z_]+", QUOTED.sub(" ", message))} & ENGLISH


@pytest.mark.parametrize("mistakes", [broken, indented_wrong], ids=["data", "indentation"])
def test_danish_report_has_every_mistake_at_its_english_place_in_danish_words(tmp_path, mistakes):
    english, danish = (check(tmp_path, mistakes(DATA), "--language", language) for language in ("en", "da"))
    assert english.returncode == danish.returncode == 1
    english_lines, danish_lines = english.stderr.splitlines(), danish.stderr.splitlines()
    assert len(danish_lines) == len(english_lines) >= 2
    places = lambda lines: [LOCATION.match(line).group(0) for line in lines[:-1]]  # noqa: E731
    assert places(danish_lines) == places(english_lines)
    for line in danish_lines:
        assert english_words(line) == set(), line
    assert re.fullmatch(r"\d+ fejl i data\.yml; intet blev bygget\.", danish_lines[-1])
    if mistakes is broken:
        assert len(danish_lines) >= 8  # each mistake, and the summary


def test_danish_github_annotations(tmp_path):
    result = check(tmp_path, broken(DATA), "--format", "github", "--language", "da")
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    assert len(annotations) >= 7
    for annotation in annotations:
        assert re.match(r"::error file=data\.yml,line=\d+,col=\d+,title=", annotation), annotation
        assert english_words(annotation.split("::", 2)[2]) == set(), annotation


def test_danish_fix_report(tmp_path):
    result = check(tmp_path, broken(DATA), "--fix", "--language", "da")
    fixed = [line for line in result.stdout.splitlines() if ": rettet: " in line]
    assert len(fixed) == 3  # the smart quotes, the English quotation marks, the no-break space
    for line in fixed:
        assert english_words(line.replace("rettet: ", "")) == set(), line


def test_make_check_speaks_danish(tmp_path):
    """The commands the Makefile's `check` target runs, on a broken copy of the data."""
    dry_run = subprocess.run(["make", "--no-print-directory", "-n", "check"], cwd=ROOT, capture_output=True, text=True, check=True)
    command = next(shlex.split(line) for line in dry_run.stdout.splitlines() if "-m peersite check" in line)
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "data.yml").write_text(broken(DATA), encoding="utf-8")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    result = subprocess.run([sys.executable, *command[1:]], cwd=tmp_path, capture_output=True, text=True)
    lines = result.stderr.splitlines()
    assert result.returncode == 1 and re.fullmatch(r"\d+ fejl i content/data\.yml; intet blev bygget\.", lines[-1])
    assert any("ukendt id 'partnerskab-ukendt'" in line for line in lines)
    for line in lines:
        assert english_words(line) == set(), line
