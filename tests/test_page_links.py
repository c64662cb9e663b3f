"""Links of the hand-written pages to the site's own pages and anchors: `make check` names each broken one at its
line and column with the fix, in both languages, before any build."""

import shutil

import pytest
import yaml
from mkdocs.utils.yaml import get_yaml_loader

from conftest import ROOT, run_peersite
from peersite.checks import links
from peersite.cli import check
from peersite.checks.links import broken_page_links, page_anchors
from peersite.data.problems import DataError
from peersite.data.validate import DATA_PATH
from peersite.pages.write import hand_written_pages


@pytest.fixture()
def docs(tmp_path):
    """A copy of the hand-written pages, to plant broken links in."""
    copy = tmp_path / "docs"
    for name in hand_written_pages(ROOT / "docs"):
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "docs" / name, copy / name)
    return copy


def plant(path, old: str, new: str) -> tuple[int, int]:
    """Replace the first occurrence of old in a page with new; the line and column (from 1) where new begins."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.name}"
    index = text.index(old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text.count("\n", 0, index) + 1, index - text.rfind("\n", 0, index)


def problems_of(docs) -> list[str]:
    """What `check` says about the real data with these pages, one problem a line."""
    with pytest.raises(DataError) as error:
        check(ROOT / DATA_PATH, DATA_PATH, docs)
    return [problem.format(DATA_PATH) for problem in error.value.problems]


def test_the_real_pages_have_no_broken_link():
    check(ROOT / DATA_PATH, DATA_PATH, ROOT / "docs")


def test_a_link_to_a_page_that_does_not_exist_is_named_in_each_language_with_the_page_meant(docs):
    line, column = plant(docs / "about.md", "](evidence/index.md)", "](evidnce/index.md)")
    en_line, en_column = plant(docs / "index.en.md", "](getting-started.md)", "](getting-startd.md)")
    assert problems_of(docs) == [
        f"docs/about.md:{line}:{column + 2}: link 'evidnce/index.md': there is no page docs/evidnce/index.md"
        " — did you mean 'evidence/index.md'?",
        f"docs/index.en.md:{en_line}:{en_column + 2}: link 'getting-startd.md': there is no page docs/getting-startd.md"
        " — did you mean 'getting-started.md'?",
    ]


def test_a_missing_anchor_is_named_with_the_page_of_the_links_language_and_the_anchor_meant(docs):
    glossary_link = "glossary/index.md#p-vaerdi"
    line, column = plant(docs / "accessibility.en.md", glossary_link, "glossary/index.md#p-verdi")
    own_line, own_column = plant(docs / "about.md", "](accessibility.md)", "](#kontakt-os-nu)")
    assert problems_of(docs) == [
        f"docs/about.md:{own_line}:{own_column + 2}: link '#kontakt-os-nu': docs/about.md has no heading or anchor '#kontakt-os-nu'",
        f"docs/accessibility.en.md:{line}:{column}: link 'glossary/index.md#p-verdi': docs/glossary/index.en.md"
        " has no heading or anchor '#p-verdi' — did you mean 'p-vaerdi'?",
    ]


def test_addresses_and_links_from_the_top_of_the_host_are_refused_with_the_file_to_link_to(docs):
    line, column = plant(docs / "about.md", "](accessibility.md)", "](accessibility/)")
    top_line, top_column = plant(docs / "about.en.md", "](accessibility.md)", "](/accessibility.md)")
    assert problems_of(docs) == [
        f"docs/about.en.md:{top_line}:{top_column + 2}: link '/accessibility.md': a link from the top of the host"
        " breaks where the site is not at the top, as in a pull request's preview — link to 'accessibility.md'",
        f"docs/about.md:{line}:{column + 2}: link 'accessibility/': an address, not a page's file — link to 'accessibility.md'",
    ]


def test_links_in_code_other_sites_and_files_are_left_alone(docs):
    page = docs / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n`[a](nowhere.md)`\n\n```md\n[b](nowhere.md)\n```\n\n"
                    "[c](https://example.org/nowhere.md) [d](mailto:x@example.org) ![e](picture.png)\n", encoding="utf-8")
    check(ROOT / DATA_PATH, DATA_PATH, docs)


def test_while_the_data_cannot_be_read_links_to_pages_that_do_not_depend_on_it_are_still_checked(docs, tmp_path):
    data = tmp_path / "data.yml"
    data.write_text("models: [\n", encoding="utf-8")
    page = docs / "about.md"
    links_line = "[a](models/ark.md) [b](glossary/index.md#x) [c](glosary/index.md)"
    page.write_text(page.read_text(encoding="utf-8") + f"\n{links_line}\n", encoding="utf-8")
    line, column = page.read_text(encoding="utf-8").count("\n"), links_line.index("glosary") + 1
    with pytest.raises(DataError) as error:
        check(data, "data.yml", docs)
    on_pages = [problem.format("data.yml") for problem in error.value.problems if problem.path]
    assert on_pages == [f"docs/about.md:{line}:{column}: link 'glosary/index.md':"
                        " there is no page docs/glosary/index.md — did you mean 'glossary/index.md'?"]
    assert broken_page_links(docs, None) == error.value.problems[-1:]


def test_check_annotates_a_broken_link_on_its_line(docs):
    line, column = plant(docs / "getting-started.md", "](course/index.md)", "](curse/index.md)")
    result = run_peersite(ROOT, "check", "--docs", str(docs), "--format", "github")
    assert result.returncode == 1
    assert (f"::error file=docs/getting-started.md,line={line},col={column + 2}::link 'curse/index.md':"
            " there is no page docs/curse/index.md — did you mean 'course/index.md'?") in result.stdout.splitlines()


def test_anchors_are_found_as_mkdocs_makes_them():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=get_yaml_loader())  # noqa: S506
    extensions = dict(next(iter(item.items())) if isinstance(item, dict) else (item, {}) for item in config["markdown_extensions"])
    # MkDocs adds toc, tables and fenced_code to any list; the site's own extension (peersite/pages/page_html.py) adds
    # glossary links and table labels, no ids.
    assert extensions.keys() | {"toc", "tables", "fenced_code"} == {*links.MARKDOWN_EXTENSIONS, "toc", "peersite.pages.page_html"}
    headings = ["Sådan tester vi", "Hvor tilgængelig er hjemmesiden?", "Peer-støtte (PEER) & ÆØÅ"]
    for heading in headings:
        assert extensions["toc"]["slugify"](heading, "-") == links.HEADING_IDS["slugify"](heading, "-")
    page = "---\ndescription: x\n---\n\n# Sådan tester vi\n\n## Term { #p-vaerdi }\n\n```\n# not a heading\n```\n"
    assert page_anchors(page) == {"sådan-tester-vi", "p-vaerdi"}
