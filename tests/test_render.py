"""The renderer: golden pages for one model in both languages, and how pages are written into docs/."""

import os
import re
import subprocess
from pathlib import Path

import pytest

from peersite import LANGUAGES
from peersite.environment import yaml_string
from peersite.pages import generated_pages
from peersite.render import labels, render_site
from peersite.translations import untranslated_pages
from peersite.validate import load_site
from peersite.write import write_pages

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


def test_write_pages_touches_only_changed_files_and_removes_stale_ones(tmp_path):
    pages = {"models/index.md": "A", "models/x.md": "B", "models/gone.md": "C"}
    assert write_pages(tmp_path, pages) == list(pages)
    before = (tmp_path / "models" / "x.md").stat().st_mtime_ns
    del pages["models/gone.md"]
    assert write_pages(tmp_path, {**pages, "models/index.md": "A2"}) == ["models/index.md", "models/gone.md"]
    assert not (tmp_path / "models" / "gone.md").exists()
    assert (tmp_path / "models" / "x.md").stat().st_mtime_ns == before


def test_an_editors_file_in_a_generated_folder_is_kept_and_not_hidden_from_git(tmp_path):
    """A picture or a note an editor drops into docs/models/ survives every run, and git still sees it; the
    generated pages beside it are ignored."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    docs = tmp_path / "docs"
    write_pages(docs, {"models/index.md": "A", "models/x.md": "B"})
    for name, content in (("models/photo.png", "png"), ("models/notes.md", "mine"), ("models/gone.md", "also mine")):
        (docs / name).write_text(content, encoding="utf-8")
    write_pages(docs, {"models/index.md": "A"})
    assert {path.name for path in (docs / "models").iterdir()} == {"index.md", "photo.png", "notes.md", "gone.md", ".gitignore"}
    ignored = subprocess.run(["git", "-C", str(tmp_path), "check-ignore", "--no-index", *(f"docs/models/{name}" for name in
                              ("index.md", "photo.png", "notes.md", "gone.md", ".gitignore"))], capture_output=True, text=True)
    assert ignored.stdout.split() == ["docs/models/index.md", "docs/models/.gitignore"]
    # The editor's notes are hand-written pages now, so `make check` asks for their English twins.
    assert [problem.path for problem in untranslated_pages(docs)] == ["docs/models/gone.md", "docs/models/notes.md"]


def test_a_generated_page_at_the_top_of_docs_leaves_the_hand_written_ones(tmp_path):
    """A page the data makes beside the hand-written ones: written, removed when the data no longer makes it,
    and nothing else in docs/ touched."""
    (tmp_path / "about.md").write_text("mine", encoding="utf-8")
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "notes.md").write_text("mine too", encoding="utf-8")
    write_pages(tmp_path, {"top.md": "T", "models/index.md": "A"})
    assert (tmp_path / "top.md").read_text(encoding="utf-8") == "T"
    assert write_pages(tmp_path, {"models/index.md": "A"}) == ["top.md"]
    assert sorted(path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*.md")) == ["about.md", "models/index.md", "models/notes.md"]


def test_dates_and_descriptions_read_naturally(minimal_pages):
    # The full stop after a day would start a numbered list at the start of a line: it is escaped.
    assert "7\\. december 2020 til 16\\. oktober 2022" in minimal_pages["course/index.md"]
    assert "7 December 2020 to 16 October 2022" in minimal_pages["course/index.en.md"]
    long = "Ord " * 60
    assert yaml_string(long) == '"' + ("Ord " * 38).strip() + '…"'
    assert yaml_string("*Kort* tekst med [et link](https://example.dk/).") == '"Kort tekst med et link."'
