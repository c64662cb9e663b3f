"""Someone stands behind every page: the data names the publisher, or `make check` says which line to fill in,
every page says that nobody is named yet, and the workflow that publishes the site refuses. Once it is filled
in, the footer of every page, the page "Om hjemmesiden" and the statements show it, from the data alone. A page
names who reviewed it where the data says so."""

import html
import re
import shlex
import subprocess
import sys

import pytest
import yaml

from conftest import REAL_DATA, ROOT, run_peersite, site_pages, write_data
from peersite.data.load import load_marked_yaml
from peersite.data.problems import DataError
from peersite.pages.render import labels, localise, render_site
from peersite.data.validate import DATA_PATH, validate_site
from publishing import EMPTY, FILLED, field_lines, published_site, real_data_with  # noqa: F401

# What an editor reads beside each empty field, in the order of the section.
TO_FILL = {
    "name": 'not set yet — write who publishes the site (an organisation or a person), as {da: "…", en: "…"}',
    "responsible_editor": 'not set yet — write who is editorially responsible (a name or a role), as {da: "…", en: "…"}',
    "email": "no way to reach the publisher without GitHub yet — write an e-mail address here, or a postal address"
             " under postal_address, or both",
    "funding": 'not set yet — write who pays for the site, as {da: "…", en: "…"}',
    "advertising": "not set yet — write that the site carries no advertising or sponsorship (or what it carries),"
                   ' as {da: "…", en: "…"}',
}
PREFIX = {"da": "", "en": "en/"}


def check(folder, *options) -> subprocess.CompletedProcess:
    """`python -m peersite check` run in folder."""
    return run_peersite(folder, "check", *options)


def text_of(markup: str) -> str:
    """HTML as the words a reader sees."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def footer(page_html: str) -> str:
    """The publisher's part of a page's footer."""
    found = re.search(r'<div class="site-publisher">(.*?)</div>', page_html, re.S)
    assert found, "no publisher in the footer"
    return found[1]


def article(page_html: str) -> str:
    """The main content of a page."""
    return re.search(r"<article[^>]*>(.*)</article>", page_html, re.S)[1]


def built_pages(site) -> dict[str, str]:
    """Every built page but the 404 pages, by path."""
    return {path.relative_to(site).as_posix(): path.read_text(encoding="utf-8")
            for path in site_pages(site, "index.html")}


# The check -------------------------------------------------------------------------------------------

def test_the_real_data_names_each_field_still_to_fill_in():
    """`make check` warns and succeeds; `check --publishing` fails with the same lines. Expected from the data."""
    section, marks = REAL_DATA["publisher"], REAL_DATA["publisher"].key_marks
    empty = [name for name in TO_FILL if section.get(name) is None]
    if section.get("postal_address") is not None and "email" in empty:
        empty.remove("email")
    located = [f"{DATA_PATH}:{marks[name].line}:{marks[name].column}: publisher.{name}: {TO_FILL[name]}" for name in empty]
    warned, refused = check(ROOT), check(ROOT, "--publishing")
    assert warned.returncode == 0 and warned.stdout == f"{DATA_PATH}: no errors.\n"
    assert [line for line in warned.stderr.splitlines() if "publisher" in line] == [
        line.replace(": publisher.", ": warning: publisher.", 1) for line in located]
    assert refused.returncode == (1 if located else 0)
    assert refused.stderr.splitlines()[:len(located)] == located


def test_an_empty_publisher_stops_publishing_with_each_line_to_fill_in(tmp_path):
    data = real_data_with(tmp_path, EMPTY)
    lines = field_lines(data.read_text(encoding="utf-8"))
    result = check(tmp_path, "--publishing")
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if ": warning: " not in line]  # http:// addresses warn
    assert errors == [f"{DATA_PATH}:{lines[name]}:3: publisher.{name}: {what}" for name, what in TO_FILL.items()] + [
        f'{DATA_PATH}: the publisher is not set (5 fields to fill in); the site is not published until it is'
        ' — see CONTRIBUTING.md, "Udgiveren" / "The publisher".']
    annotations = check(tmp_path, "--publishing", "--format", "github").stdout.splitlines()
    assert annotations[0] == f"::error file={DATA_PATH},line={lines['name']},col=3,title=publisher.name::{TO_FILL['name']}"


def test_a_filled_in_publisher_publishes(tmp_path):
    real_data_with(tmp_path, FILLED)
    for options in ((), ("--publishing",)):
        result = check(tmp_path, *options)
        assert result.returncode == 0, result.stderr
        assert "publisher" not in result.stderr


def test_an_e_mail_address_or_a_postal_address_is_enough_and_one_is_needed(tmp_path):
    for dropped in ("email", "postal_address"):
        real_data_with(tmp_path, {**FILLED, dropped: None})
        assert check(tmp_path, "--publishing").returncode == 0
    data = real_data_with(tmp_path, {**FILLED, "email": None, "postal_address": None})
    result = check(tmp_path, "--publishing")
    assert result.returncode == 1
    line = field_lines(data.read_text(encoding="utf-8"))["email"]
    assert result.stderr.splitlines()[0] == f"{DATA_PATH}:{line}:3: publisher.email: {TO_FILL['email']}"


def test_a_mistyped_e_mail_address_is_an_error_even_before_publishing(tmp_path):
    data = real_data_with(tmp_path, {**FILLED, "email": "mailto:redaktion@example.org"})
    line = field_lines(data.read_text(encoding="utf-8"))["email"]
    result = check(tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        f"{DATA_PATH}:{line}:10: publisher.email: 'mailto:redaktion@example.org' is not an e-mail address"
        " — write it like redaktion@example.dk, without mailto:")


def test_without_its_section_the_data_says_to_add_it(tmp_path):
    path = write_data(tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("publisher:\n")], encoding="utf-8")
    with pytest.raises(DataError) as error:
        validate_site(load_marked_yaml(path, DATA_PATH))
    assert [problem.what for problem in error.value.problems] == ["missing section 'publisher' — add it"]


def test_the_workflow_that_publishes_runs_the_check_before_it_builds(tmp_path):
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    steps = [step.get("run", "") for step in workflow["jobs"]["build"]["steps"]]
    checks = [index for index, run in enumerate(steps) if "peersite check --publishing" in run]
    builds = [index for index, run in enumerate(steps) if "make build" in run]
    assert len(checks) == 1 and builds and checks[0] < builds[0]
    assert "build" in workflow["jobs"]["deploy"]["needs"]
    # The step's own command, run on the real data with an empty publisher and with one filled in.
    command = shlex.split(next(line for line in steps[checks[0]].splitlines() if "--publishing" in line))
    assert command[0] == ".venv/bin/python"
    for fields, code in ((EMPTY, 1), (FILLED, 0)):
        real_data_with(tmp_path, fields)
        result = subprocess.run([sys.executable, *command[1:]], cwd=tmp_path, capture_output=True, text=True)
        assert result.returncode == code, result.stdout + result.stderr
        assert ("::error file=content/data.yml" in result.stdout) == (code == 1)


# The pages -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("language", ["da", "en"])
def test_with_a_publisher_every_footer_names_it_and_how_to_reach_it(published_site, language):
    words = localise(labels(), language)
    pages = {path: page for path, page in built_pages(published_site).items() if path.startswith("en/") == (language == "en")}
    assert {f"{PREFIX[language]}index.html", f"{PREFIX[language]}models/index.html"} <= pages.keys()
    name = yaml.safe_load(FILLED["name"])[language]
    for path, page in pages.items():
        shown = footer(page)
        assert words["publisher_not_set"] not in shown, path
        assert f"{words['publisher_name']}: {name}" in text_of(shown), path
        assert '<a href="mailto:redaktion@example.org">redaktion@example.org</a>' in shown, path
        for field in ("funding", "advertising"):  # "&" shown as "&", escaped once
            assert yaml.safe_load(FILLED[field])[language] in text_of(shown), path


@pytest.mark.parametrize("language", ["da", "en"])
def test_with_a_publisher_the_about_page_and_the_statements_give_the_same_contact(published_site, language):
    pages = {name: article((published_site / PREFIX[language] / name / "index.html").read_text(encoding="utf-8"))
             for name in ("about", "accessibility", "privacy")}
    about = text_of(pages["about"])
    for field in ("name", "responsible_editor", "funding", "advertising"):
        assert yaml.safe_load(FILLED[field])[language] in about
    contacts = {name: [text_of(p) for p in re.findall(r"<p>(.*?)</p>", content, re.S) if "mailto:" in p]
                for name, content in pages.items()}
    written_once = contacts["accessibility"]
    assert len(written_once) == 1 and "Eksempelvej 1, 1234 Eksempelby" in written_once[0]
    assert contacts["privacy"] == written_once and written_once[0] in contacts["about"]


@pytest.mark.parametrize("language", ["da", "en"])
def test_until_it_is_filled_in_every_page_says_the_publisher_is_not_set(built_site, language):
    notice = localise(labels(), language)["publisher_not_set"]
    unset = [name for name in TO_FILL if REAL_DATA["publisher"].get(name) is None]
    pages = {path: page for path, page in built_pages(built_site).items() if path.startswith("en/") == (language == "en")}
    for path, page in pages.items():
        assert (notice in footer(page)) == bool(unset), path
        # Nothing promises a way to write that is not there.
        assert not re.search(r"e-?mail[^.]*(?:senere|later)", text_of(article(page)), re.I), path


def test_the_hand_written_pages_take_the_contact_from_the_data():
    for page in ("about", "accessibility", "privacy"):
        for suffix in (".md", ".en.md"):
            text = (ROOT / "docs" / f"{page}{suffix}").read_text(encoding="utf-8")
            assert text.count("<!-- data: contact -->") == 1, page + suffix
            assert not re.search(r"\bissue\b", text, re.I), page + suffix


# Who reviewed a page ---------------------------------------------------------------------------------

def reviewed_pages(tmp_path, *edits) -> dict[str, str]:
    """The pages of the minimal data with edits made, as Markdown without its escapes ("5\\. januar")."""
    pages = render_site(validate_site(load_marked_yaml(write_data(tmp_path, *edits))))[0]
    return {path: text.replace("\\.", ".") for path, text in pages.items()}


def test_a_page_names_its_reviewer_beside_the_date_where_the_data_says(tmp_path):
    pages = reviewed_pages(
        tmp_path,
        ('  reviewed: "2026-11-22"\n  pages:', '  reviewed: "2026-11-22"\n  reviewed_by: {da: redaktionen, en: the editors}\n  pages:'),
        ("    summary: {da: En evaluering., en: An evaluation.}\n",
         '    summary: {da: En evaluering., en: An evaluation.}\n    reviewed: "2026-01-05"\n'
         "    reviewed_by: {da: Kari Eksempel, en: Kari Eksempel}\n"),
    )
    assert "Senest gennemgået: 22. november 2026 af redaktionen." in pages["glossary/index.md"]
    assert "Last reviewed: 22 November 2026 by the editors." in pages["glossary/index.en.md"]
    assert "Senest gennemgået: 5. januar 2026 af Kari Eksempel." in pages["evidence/evaluation.md"]
    assert "Last reviewed: 5 January 2026 by Kari Eksempel." in pages["evidence/evaluation.en.md"]


def test_a_record_reviewed_on_its_own_day_is_not_given_the_sites_reviewer(tmp_path):
    pages = reviewed_pages(
        tmp_path,
        ('  reviewed: "2026-11-22"\n  pages:', '  reviewed: "2026-11-22"\n  reviewed_by: {da: redaktionen, en: the editors}\n  pages:'),
        ("    summary: {da: En evaluering., en: An evaluation.}\n",
         '    summary: {da: En evaluering., en: An evaluation.}\n    reviewed: "2026-01-05"\n'),
    )
    assert "Senest gennemgået: 5. januar 2026." in pages["evidence/evaluation.md"]
    # A source nobody reviewed takes neither the site's date nor its reviewer.
    assert "Endnu ikke gennemgået mod kilderne." in pages["evidence/rct.md"] and "redaktionen" not in pages["evidence/rct.md"]


def test_without_reviewers_in_the_data_no_page_names_one(tmp_path):
    pages = reviewed_pages(tmp_path)
    assert "Senest gennemgået: 22. november 2026." in pages["glossary/index.md"]
    assert not [path for path, text in pages.items() if re.search(r"(?:gennemgået|reviewed): [^.\n]* (?:af|by) ", text)]


def test_a_reviewer_needs_the_records_own_review_date(tmp_path):
    path = write_data(tmp_path, ("    summary: {da: En evaluering., en: An evaluation.}\n",
                                 "    summary: {da: En evaluering., en: An evaluation.}\n    reviewed_by: {da: Kari, en: Kari}\n"))
    with pytest.raises(DataError) as error:
        validate_site(load_marked_yaml(path, DATA_PATH))
    line = path.read_text(encoding="utf-8").splitlines().index("    reviewed_by: {da: Kari, en: Kari}") + 1
    assert [problem.format(DATA_PATH) for problem in error.value.problems] == [
        f"{DATA_PATH}:{line}:5: evidence[0].reviewed_by: a reviewer without the record's own reviewed: date"
        ' — add the day they checked it as reviewed: "YYYY-MM-DD", or remove reviewed_by']
