"""Every template CONTRIBUTING.md gives an editor (a ```yaml block that starts with a section of content/data.yml:
a model, a source, an organisation, a material, a glossary word, a help number, an offer, the publisher) passes
`python -m peersite check` once its placeholders are filled in and it is added to its section of a copy of the data.
Danish and English halves each, all of a half's templates at once, so that they may point at one another (a
material at the source of the template before it)."""

import re

import pytest
import yaml

from conftest import ROOT, run_peersite
from peersite.data.validate import DATA_PATH

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
DATA = yaml.load((ROOT / DATA_PATH).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
HALVES = dict(zip(("da", "en"), GUIDE.split("\n## English\n")))
BLOCK = re.compile(r"^```yaml\n(.*?)^```", re.MULTILINE | re.DOTALL)
# A placeholder that points at a record the editor would pick among the data's own, in either half.
REFERENCES = {
    ("partnerskabets-id", "partnership-id"): DATA["partnerships"][0]["id"],
    ("regionens-id", "region-id"): DATA["models"][0]["region"],
    ("organisationens-id", "organisation-id"): DATA["organisations"][0]["id"],
}
# The words an editor replaces, in either half: a text, an address, a day (one the data has already passed).
FILLED = {'"https://…"': '"https://eksempel.dk/side"', '"ÅÅÅÅ-MM-DD"': f'"{DATA["site"]["reviewed"]}"',
          '"YYYY-MM-DD"': f'"{DATA["site"]["reviewed"]}"', "…": "Tekst."}


def templates(half: str) -> list[str]:
    """The ```yaml blocks of one half of the guide that start with a section of the data file."""
    return [block for block in BLOCK.findall(HALVES[half]) if re.match(r"[a-z_]+:", block)]


def filled(template: str) -> dict:
    """A template with an editor's values in place of its placeholders, read as YAML."""
    for placeholders, value in REFERENCES.items():
        for placeholder in placeholders:
            template = re.sub(rf"\b{placeholder}\b", value, template)
    for placeholder, value in FILLED.items():
        template = template.replace(placeholder, value)
    return yaml.safe_load(template)


def added(data, template):
    """The data with a template added where an editor adds it: a record at the end of its list, a field filled in."""
    if isinstance(template, dict) and isinstance(data, dict):
        return {**data, **{key: added(data.get(key), value) if key in data else value for key, value in template.items()}}
    if isinstance(template, list) and isinstance(data, list):
        return data + template
    return template


def test_the_guide_has_a_template_for_every_record_an_editor_adds():
    for half in HALVES:
        sections = {next(iter(filled(template))) for template in templates(half)}
        assert {"models", "evidence", "organisations", "materials", "glossary", "find_support", "publisher"} <= sections
        offers_and_numbers = [filled(template)["find_support"] for template in templates(half) if template.startswith("find_support:")]
        assert {key for part in offers_and_numbers for key in part} == {"regions", "offers"}


@pytest.mark.parametrize("half", HALVES)
def test_every_template_passes_the_check_once_filled_in(half, tmp_path):
    data = DATA
    for template in templates(half):
        data = added(data, filled(template))
    data["models"][-1]["number"] = len(data["models"])  # the next number, as the guide says
    (tmp_path / "content").mkdir()
    (tmp_path / DATA_PATH).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run_peersite(tmp_path, "check", "--docs", str(ROOT / "docs"))
    assert result.returncode == 0, result.stderr
    assert [line for line in result.stderr.splitlines() if ": warning: " not in line and DATA_PATH in line] == []


def test_every_picture_of_the_guide_is_there_with_words_for_it_and_no_page_of_the_site():
    pictures = re.findall(r"^!\[([^\]]*)\]\(([^)]+)\)", GUIDE, re.MULTILINE)
    assert len(pictures) >= 10, "each half shows the form's screens"
    for words, path in pictures:
        assert words.strip(), f"{path} has no alt text"
        assert (ROOT / path).is_file() and not path.startswith("docs/"), path
    for half in HALVES:
        assert {path for _, path in re.findall(r"^!\[([^\]]*)\]\(([^)]+)\)", HALVES[half], re.MULTILINE)} == {path for _, path in pictures}
