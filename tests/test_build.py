"""`make build` (scripts/build.py): data checked and rendered once, then both languages built into a folder that replaces
the last site only when the build succeeded."""

import re
from pathlib import Path

from conftest import run_mkdocs_build, run_site_build, site_files, write_data

EPOCH = "1780000000"  # any fixed time: both builds compared write the same dates


def leftovers(folder: Path) -> list[str]:
    """Scratch folders a build left beside its site."""
    return [path.name for path in folder.iterdir() if path.name.startswith(".site-")]


def test_broken_data_stops_the_build_before_any_language_is_built(project_copy):
    write_data(project_copy, ("summary: {da: Lønnede peers i teams., en: Paid peers in teams.}", "summary: {da: Lønnede peers i teams.}"))
    result = run_site_build(project_copy, project_copy / "site")
    assert result.returncode == 1
    assert re.search(r"^content/data\.yml:\d+:\d+: models\[0\]\.summary\.en: ", result.stderr, re.M), result.stderr
    assert "Traceback" not in result.stderr
    assert not (project_copy / "site").exists() and leftovers(project_copy) == []
    assert not (project_copy / "docs" / "models").exists() and not (project_copy / "rendered").exists()


def test_make_build_is_render_then_any_mkdocs_build(project_copy, tmp_path):
    """`make build` makes the very site `python -m peersite render && mkdocs build` makes: nothing happens in MkDocs
    that the rendered files do not hold."""
    write_data(project_copy)
    (project_copy / "docs" / "about.md").write_text("# Om\n\n[Modeller](models/index.md)\n", encoding="utf-8")
    made = run_site_build(project_copy, tmp_path / "made", SOURCE_DATE_EPOCH=EPOCH)
    assert made.returncode == 0, made.stderr
    single = run_mkdocs_build(project_copy, tmp_path / "single", SOURCE_DATE_EPOCH=EPOCH)
    assert single.returncode == 0, single.stderr
    by_make, by_mkdocs = site_files(tmp_path / "made"), site_files(tmp_path / "single")
    assert {"sitemap.xml", "search/search_index.json", "en/search/search_index.json", "en/404.html"} <= by_make.keys()
    assert by_make == by_mkdocs
    assert leftovers(tmp_path) == []


def test_a_failing_build_leaves_the_last_site_in_place(project_copy):
    write_data(project_copy)
    # A missing picture: only the build finds it (a missing page, `make check` finds before the build).
    (project_copy / "docs" / "about.en.md").write_text("# About\n\n![Gone](no-such-picture.png)\n", encoding="utf-8")
    site = project_copy / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good build", encoding="utf-8")
    result = run_site_build(project_copy, site)
    assert result.returncode == 1
    assert re.search(r"WARNING +- .*about\.en\.md.*no-such-picture\.png", result.stderr), result.stderr
    assert site_files(site) == {"index.html": b"the last good build"}
    assert leftovers(project_copy) == []
