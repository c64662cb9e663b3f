"""Hostile strings of every kind, drawn by Hypothesis and written into the data where an editor would write them:
`make check` refuses each with a message at its line, or every output reads back exactly the text written — the
page's HTML, the JSON dataset, the CSV table (as a spreadsheet reads it), the workbook, CSL-JSON, BibTeX (as
bibtexparser and pybtex read it), RIS and JSON-LD. No traceback either way.

The figures for each kind (tried, refused, made harmless) are printed at the end of the test run."""

import csv
import io
import json
import re
import tempfile
from collections import Counter, defaultdict
from html.parser import HTMLParser
from pathlib import Path

import bibtexparser
import jinja2
import markdown
import openpyxl
import pybtex.database
import rispy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import MINIMAL, examples
from peersite.data.characters import BIDI_CONTROLS
from peersite.open_data.citations import bibtex_file, csl_json, ris_file
from peersite.open_data.downloads import WORKBOOK, downloads
from peersite.open_data.export import FORMULA_STARTS, TABLES, dataset_json, table_csv
from peersite.open_data.jsonld import work
from peersite.data.load import load_marked_yaml
from peersite.pages.markup import inline_markdown, sanitize_html
from peersite.data.validate import check_site

BASE = MINIMAL.read_text(encoding="utf-8")
TITLE_LINE = 'original_title: {text: "A trial of peer support: results", language: en}'
TITLE_AT = BASE[: BASE.index(TITLE_LINE)].count("\n") + 1
URL_LINE = "url: https://example.dk/"
URL_AT = BASE[: BASE.index(URL_LINE)].count("\n") + 1
MARKDOWN_EXTENSIONS = ["admonition", "attr_list", "def_list", "md_in_html", "tables"]  # as mkdocs.yml
# How many strings each kind of attack was tried with, and what became of them.
OUTCOMES: dict[str, Counter] = defaultdict(Counter)

# Ordinary text: letters, digits, spaces and punctuation, but not the emphasis marks a data text may use.
ordinary = st.text(st.characters(categories=("L", "N", "Zs", "Pd", "Po", "Ps", "Pe", "Sm", "Sc", "So"),
                                 exclude_characters="*_"), min_size=1, max_size=30).filter(str.strip)
INVISIBLE = ["\u200b", "\u200c", "\u2060", "\ufeff", "\u00ad", "\u180e", "\u3164", "\u115f", "\ue000"]


@st.composite
def inserted(draw, characters):
    """An ordinary text with one of `characters` somewhere in it."""
    text, character = draw(ordinary), draw(st.sampled_from(sorted(characters)))
    at = draw(st.integers(0, len(text)))
    return text[:at] + character + text[at:]


KINDS = {
    "bidi controls": inserted(BIDI_CONTROLS),
    "invisible characters": inserted(INVISIBLE),
    "formula starts": st.builds(lambda start, rest: start + rest, st.sampled_from(["=", "+", "-", "@"]), ordinary),
    "braces and TeX": st.text("{}\\%#&$~^ æa1", min_size=1, max_size=30).filter(str.strip),
    "line breaks": st.lists(ordinary, min_size=2, max_size=4).flatmap(
        lambda parts: st.sampled_from(["\n", "\r\n", "\u2028", "\u2029", "\x85", "\t"]).map(lambda brk: brk.join(parts))),
    "long runs": st.builds(lambda character, count: character * count,
                           st.sampled_from(list("[]()<>!&#:-\\`{}|=")), st.integers(100, 200_000)),
}
DECEPTIVE_ADDRESSES = st.one_of(
    st.builds("https://{}@{}/".format, st.sampled_from(["sundhed.dk", "regionh.dk", "user:pass"]),
              st.sampled_from(["evil.example", "10.0.0.1", "example.org"])),
    st.builds("https://{}/".format, st.one_of(st.ip_addresses(v=4).map(str), st.ip_addresses(v=6).map("[{}]".format),
                                                st.integers(1, 2**32 - 1).map(str))),
    st.builds("https://example.dk:{}/".format, st.integers(1, 65535).filter(lambda port: port != 443)),
    st.builds("https://{}.dk/".format, st.sampled_from(["xn--80ak6aa92e", "xn--sundhd-2fg", "pаypal", "sundhеd", "regiоnh"])),
    inserted(BIDI_CONTROLS).map(lambda text: "https://example.dk/" + "".join(text.split())),
    st.builds("mailto:redaktion@{}".format, st.sampled_from(["pаypal.dk", "xn--80ak6aa92e.com", "10.0.0.1"])),
)
LEGITIMATE_ADDRESSES = st.sampled_from([
    "https://example.dk/side?a=1&b=2#afsnit", "https://rødovre.dk/borger", "https://xn--rdovre-vxa.dk/",
    "https://www.sundhed.dk/borger/", "http://peerstoette.dk/2018/09/13/side/", "https://example.dk:443/",
])


class TextOf(HTMLParser):
    """The text of an HTML fragment, as a browser shows it."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.feed(html)

    def handle_data(self, data):
        self.parts.append(data)


def checked(data: str):
    """The data as read, and checked in full: (what YAML read, the site, every problem)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "data.yml"
        path.write_text(data, encoding="utf-8")
        raw = load_marked_yaml(path, "content/data.yml")
    return raw, *check_site(raw)


def table(site, name: str) -> list[dict]:
    """A CSV table's rows as the csv module reads them back."""
    found = next(table for table in TABLES if table.name == name)
    return list(csv.DictReader(io.StringIO(table_csv(site, found))))


def bibtex_read(value: str) -> str:
    """A BibTeX value read as text: the escapes BibTeX needs turned back into their characters."""
    for command, character in ((r"\textbackslash{}", "\\"), (r"\textbraceleft{}", "{"), (r"\textbraceright{}", "}"),
                               (r"\textasciitilde{}", "~"), (r"\textasciicircum{}", "^")):
        value = value.replace(command, character)
    return re.sub(r"\\([&%$#_])", r"\1", value)


def assert_reads_back(site, text: str) -> None:
    """Every output of the site holds the source title exactly as written (spaces as one)."""
    html = sanitize_html(markdown.markdown(inline_markdown(text), extensions=MARKDOWN_EXTENSIONS))
    assert "".join(TextOf(html).parts) == text
    row = next(row for row in table(site, "evidence") if row["id"] == "rct")
    assert row["original_title_text"] == ("'" + text if text.startswith(FORMULA_STARTS) else text)
    for rows in [table(site, found.name) for found in TABLES]:
        assert not any(cell.startswith(FORMULA_STARTS) for row in rows for cell in row.values())
    workbook = next(file for file in downloads(site) if file.path == WORKBOOK)
    sheet = openpyxl.load_workbook(io.BytesIO(workbook.content))["evidence"]
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row if isinstance(cell.value, str)]
    assert text in [cell.value for cell in cells] and all(cell.data_type == "s" for cell in cells)
    dataset = json.loads(dataset_json(site))
    assert dataset["data"]["evidence"][1]["original_title"]["text"] == text
    assert json.loads(csl_json(site, site.evidence))[1]["title"] == text
    bibtex = bibtex_file(site, site.evidence)
    library = bibtexparser.parse_string(bibtex)
    assert not library.failed_blocks and [entry.key for entry in library.entries] == ["evaluation", "rct"]
    assert bibtex_read(library.entries[1]["title"][1:-1]) == text
    parsed = pybtex.database.parse_string(bibtex, "bibtex")
    assert list(parsed.entries) == ["evaluation", "rct"]
    assert bibtex_read(parsed.entries["rct"].fields["title"][1:-1]) == text
    records = rispy.loads(ris_file(site, site.evidence))
    assert [record["id"] for record in records] == ["evaluation", "rct"] and records[1]["title"] == text
    script = jinja2.Environment(autoescape=True).from_string("{{ data | tojson }}").render(data=work(site.evidence[1], site, "da"))
    assert "<" not in script and "&amp;" not in script and json.loads(script)["name"] == text


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def run_kind(kind: str, data) -> None:
    """One drawn string of a kind, as a source's title: refused at its line, or read back from every output."""
    written = data.draw(KINDS[kind])
    raw, site, problems = checked(BASE.replace(TITLE_LINE, f"original_title: {{text: {json.dumps(written, ensure_ascii=False)}, language: en}}"))
    OUTCOMES[kind]["tried"] += 1
    if problems:
        assert {problem.line for problem in problems} == {TITLE_AT}, [problem.format("data.yml") for problem in problems]
        assert all(problem.where == "evidence[1].original_title.text" for problem in problems)
        OUTCOMES[kind]["refused"] += 1
        return
    read = raw["evidence"][1]["original_title"]["text"]  # as YAML read it (a line break in quotes is a space)
    assert_reads_back(site, " ".join(read.split()))
    OUTCOMES[kind]["made harmless"] += 1


def test_bidi_controls_are_refused_wherever_they_stand():
    run_kind("bidi controls")
    assert OUTCOMES["bidi controls"]["refused"] == OUTCOMES["bidi controls"]["tried"]


def test_invisible_characters_are_refused():
    run_kind("invisible characters")
    assert OUTCOMES["invisible characters"]["refused"] == OUTCOMES["invisible characters"]["tried"]


def test_a_formula_start_is_text_in_every_download():
    run_kind("formula starts")


def test_braces_and_backslashes_cannot_rewrite_a_citation():
    run_kind("braces and TeX")


def test_a_line_break_cannot_start_a_new_record():
    run_kind("line breaks")


def test_a_long_run_of_one_character_is_checked():
    run_kind("long runs")


@settings(max_examples=examples(60), deadline=None)
@given(address=DECEPTIVE_ADDRESSES, in_text=st.booleans())
def test_a_deceptive_address_is_refused_in_a_field_and_in_a_text(address, in_text):
    """A user name before the host, an IP address, a port, a look-alike or mixed-script host, a hidden character:
    refused at its line, whether it is a record's url or a link in a text."""
    if in_text:
        data = BASE.replace(TITLE_LINE, f'original_title: {{text: {json.dumps(f"Se [siden]({address})", ensure_ascii=False)}, language: en}}')
        line, where = TITLE_AT, "evidence[1].original_title.text"
    else:
        data, line, where = BASE.replace(URL_LINE, f"url: {json.dumps(address, ensure_ascii=False)}"), URL_AT, "organisations[1].url"
    _, _, problems = checked(data)
    OUTCOMES["deceptive addresses"]["tried"] += 1
    assert [(problem.line, problem.where) for problem in problems] == [(line, where)], address
    OUTCOMES["deceptive addresses"]["refused"] += 1


@settings(max_examples=examples(10), deadline=None)
@given(address=LEGITIMATE_ADDRESSES)
def test_a_real_address_is_published_as_written(address):
    """A query, a fragment, a Danish letter in the host (as itself or as punycode), the standard port: accepted,
    and the CSV and JSON hold the address as written."""
    _, site, problems = checked(BASE.replace(URL_LINE, f"url: {json.dumps(address, ensure_ascii=False)}"))
    assert problems == []
    assert next(row for row in table(site, "organisations") if row["id"] == "socialstyrelsen")["url"] == address
    assert json.loads(dataset_json(site))["data"]["organisations"][1]["url"] == address


def test_legitimate_texts_read_exactly_as_written():
    """p < 0,05, an ampersand, emoji (with their joiners), „quotes“ and a text that starts like a list."""
    for text in ["p < 0,05", "Sind & Pårørende", "Familien 👨‍👩‍👧 og 🏴󠁧󠁢󠁷󠁬󠁳󠁿", "„Håb“ – «recovery»", "1. del af forløbet"]:
        raw, site, problems = checked(BASE.replace(TITLE_LINE, f"original_title: {{text: {json.dumps(text, ensure_ascii=False)}, language: en}}"))
        assert problems == [], text
        assert_reads_back(site, text)


def test_yaml_1_1_surprises_are_named_as_written():
    """`no`, `11:04`, `0700` and `=` in a text field, and a `<<` merge key: each message quotes what the editor typed."""
    data = BASE.replace("target_group: {da: Voksne, en: Adults}", "target_group: {da: no, en: 11:04}").replace(
        "peer_does: {da: Støtter i samtaler., en: Gives support in conversations.}", "peer_does: {da: 0700, en: =}").replace(
        "    delivery: paid\n", "    delivery: paid\n    <<: {number: 2}\n")
    _, _, problems = checked(data)
    messages = [problem.what for problem in problems]
    assert 'expected the Danish text, got \'no\', which YAML reads as false (a yes/no value) — put it in quotes: "no"' in messages
    assert 'expected the English text, got \'11:04\', which YAML reads as the number 664 — put it in quotes: "11:04"' in messages
    assert 'expected the Danish text, got \'0700\', which YAML reads as the number 448 — put it in quotes: "0700"' in messages
    assert any(message.startswith("'<<' would copy the fields of another mapping here") for message in messages)
    assert len(problems) == 4  # "=" is a text, as YAML 1.2 reads it
