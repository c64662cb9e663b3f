"""The renderer: golden pages for one model in both languages, and how what it makes is written into rendered/."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from peersite import LANGUAGES
from peersite.pages.environment import yaml_string
from peersite.pages.page_table import generated_pages
from peersite.pages.render import labels, render_site
from peersite.checks.translations import untranslated_pages
from peersite.data.validate import load_site
from peersite.pages.site_files import RENDERED_DOCS
from peersite.pages.write import write_files

from conftest import copy_project

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def minimal_pages() -> dict[str, str]:
    """Every page rendered from the minimal data file."""
    return render_site(load_site(FIXTURES / "minimal.yml"))[0]


@pytest.mark.parametrize("path", ["models/model-a.md", "models/model-a.en.md"])
def test_model_page_matches_golden(minimal_pages, path):
    golden = GOLDEN / path.replace("/", "__")
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(minimal_pages[path], encoding="utf-8")
    assert minimal_pages[path] == golden.read_text(encoding="utf-8")


def test_every_page_exists_in_both_languages(minimal_pages):
    danish = {path for path in minimal_pages if not path.endswith(".en.md")}
    english = {path.replace(".en.md", ".md") for path in minimal_pages if path.endswith(".en.md")}
    assert danish == english
    indexes = {page.source for page in generated_pages()}
    assert indexes <= danish
    assert danish - indexes == {"models/model-a.md", "evidence/evaluation.md", "evidence/rct.md"}


def test_every_label_has_both_languages():
    def leaves(node, where=""):
        if set(node) == set(LANGUAGES):
            yield where, node
        else:
            for key, child in node.items():
                yield from leaves(child, f"{where}.{key}")

    found = list(leaves(labels()))
    assert len(found) > 100
    assert [where for where, text in found if not all(isinstance(text[lang], (str, list)) and text[lang] for lang in LANGUAGES)] == []


def test_every_label_is_used():
    """A label nothing names is a text no reader sees, left to go stale: remove it, or render it."""
    code = "\n".join(path.read_text(encoding="utf-8") for folder in ("peersite", "hooks", "overrides")
                     for path in (ROOT / folder).rglob("*") if path.suffix in (".py", ".j2", ".html"))
    # A label looked up by a built name, like label["in_" ~ language], counts for every label its prefix starts.
    prefixes = tuple(re.findall(r'label\["(\w+)" ~', code))
    assert prefixes, "the pattern for built names no longer matches: update this test"
    unused = [key for key in labels() if not re.search(rf"\b{key}\b", code) and not key.startswith(prefixes)]
    assert unused == []


def test_write_files_touches_only_changed_files_and_removes_stale_ones(tmp_path):
    files = {"models/index.md": "A", "models/x.md": "B", "models/gone.md": "C", "data/x.xlsx": b"PK"}
    assert write_files(tmp_path, files) == list(files)
    before = (tmp_path / "models" / "x.md").stat().st_mtime_ns
    del files["models/gone.md"]
    assert write_files(tmp_path, {**files, "models/index.md": "A2"}) == ["models/index.md", "models/gone.md"]
    assert not (tmp_path / "models" / "gone.md").exists()
    assert (tmp_path / "models" / "x.md").stat().st_mtime_ns == before
    assert (tmp_path / "data" / "x.xlsx").read_bytes() == b"PK"


def test_a_file_nobody_rendered_is_never_deleted(tmp_path):
    """A file someone puts into the generator's folder, beside the rendered ones or at its top, survives every run."""
    write_files(tmp_path, {"top.md": "T", "models/index.md": "A", "models/x.md": "B"})
    for name in ("models/photo.png", "models/notes.md", "about.md"):
        (tmp_path / name).write_text("mine", encoding="utf-8")
    assert write_files(tmp_path, {"models/index.md": "A"}) == ["models/x.md", "top.md"]
    assert sorted(path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*") if path.is_file()) == [
        ".peersite-files", "about.md", "models/index.md", "models/notes.md", "models/photo.png"]


def test_an_editors_picture_in_docs_reaches_the_site_and_stays_in_git(tmp_path):
    """docs/ holds only what people wrote: a picture an editor drops into docs/models/ is rendered beside the model
    pages, nothing in docs/ is written or hidden from git, and a page in a folder of docs/ is a hand-written page."""
    project = copy_project(tmp_path)
    subprocess.run(["git", "init", "-q", str(project)], check=True)
    shutil.copytree(ROOT / "content", project / "content")
    (project / "docs" / "models").mkdir()
    (project / "docs" / "models" / "photo.png").write_bytes(b"\x89PNG")
    before = sorted(path.relative_to(project / "docs").as_posix() for path in (project / "docs").rglob("*"))
    rendered = subprocess.run([sys.executable, "-m", "peersite", "render"], cwd=project, capture_output=True, text=True)
    assert rendered.returncode == 0, rendered.stderr
    assert sorted(path.relative_to(project / "docs").as_posix() for path in (project / "docs").rglob("*")) == before
    assert (project / RENDERED_DOCS / "models" / "photo.png").read_bytes() == b"\x89PNG"
    assert (project / RENDERED_DOCS / "models" / "index.md").exists()
    ignored = subprocess.run(["git", "-C", str(project), "check-ignore", "--no-index", "docs/models/photo.png"],
                             capture_output=True, text=True)
    assert ignored.stdout == ""


def test_dates_and_descriptions_read_naturally(minimal_pages):
    # The full stop after a day would start a numbered list at the start of a line: it is escaped.
    assert "7\\. december 2020 til 16\\. oktober 2022" in minimal_pages["course/index.md"]
    assert "7 December 2020 to 16 October 2022" in minimal_pages["course/index.en.md"]
    long = "Ord " * 60
    assert yaml_string(long) == '"' + ("Ord " * 38).strip() + '…"'
    assert yaml_string("*Kort* tekst med [et link](https://example.dk/).") == '"Kort tekst med et link."'
