"""The way to Zensical, Material's successor: from the same rendered files it builds every page's article as MkDocs
does, both languages (scripts/zensical_diff.py; `make zensical-diff` builds both and compares)."""

import importlib.util
import tempfile
from pathlib import Path

from conftest import ROOT

_spec = importlib.util.spec_from_file_location("zensical_diff", ROOT / "scripts" / "zensical_diff.py")
zensical_diff = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(zensical_diff)


def test_zensical_builds_the_articles_mkdocs_builds(built_site):
    """built_site rendered the project's rendered/: Zensical builds from the same files."""
    with tempfile.TemporaryDirectory(prefix="zensical-diff-", dir=ROOT) as folder:
        zensical_diff.build_with_zensical(Path(folder) / "site")
        assert zensical_diff.differences(built_site, Path(folder) / "site") == []


def test_a_changed_word_or_link_target_is_a_difference_and_a_link_written_from_elsewhere_is_not(tmp_path):
    page = '<article class="md-content__inner md-typeset"><h1>Om{}</h1><p>Se <a href="{}">ordlisten</a>.</p></article>'
    headerlink = '<a class="headerlink" href="#om">¶</a>'
    for name, heading, link in (("mkdocs", "", "../glossary/"), ("same", headerlink, "../../models/../glossary/"),
                                ("changed", "", "../glossary/#peer"), ("reworded", "", "../glossary/")):
        (tmp_path / name / "models").mkdir(parents=True)
        text = page.format(heading, link).replace("ordlisten", "ordbogen" if name == "reworded" else "ordlisten")
        (tmp_path / name / "models" / "index.html").write_text(text, encoding="utf-8")
    assert zensical_diff.differences(tmp_path / "mkdocs", tmp_path / "same") == []
    assert "+Se [→/glossary/#peer] ordlisten." in zensical_diff.differences(tmp_path / "mkdocs", tmp_path / "changed")[0]
    assert "+Se [→/glossary/] ordbogen." in zensical_diff.differences(tmp_path / "mkdocs", tmp_path / "reworded")[0]
