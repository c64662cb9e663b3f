"""The way off MkDocs: ProperDocs builds the same site, byte for byte apart from the generator tag."""

import importlib.util
from pathlib import Path

from conftest import ROOT, run_site_build

_spec = importlib.util.spec_from_file_location("properdocs_diff", ROOT / "scripts" / "properdocs_diff.py")
properdocs_diff = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(properdocs_diff)

PAGE = '<html><head><meta name="generator" content="{}"></head><body>{}</body></html>\n'


def site(folder: Path, generator: str, body: str, *extra: str) -> Path:
    """A one-page site (plus empty extra files) as a generator would write it."""
    folder.mkdir()
    (folder / "index.html").write_text(PAGE.format(generator, body), encoding="utf-8")
    for name in extra:
        (folder / name).write_bytes(b"")
    return folder


def test_properdocs_builds_the_site_mkdocs_builds(built_site, tmp_path):
    result = run_site_build(ROOT, tmp_path / "site", "--generator", "properdocs")
    assert result.returncode == 0, result.stderr
    assert '<meta name="generator" content="mkdocs-ProperDocs ' in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert properdocs_diff.differences(built_site, tmp_path / "site") == []


def test_only_the_generator_tag_may_differ(tmp_path):
    mkdocs = site(tmp_path / "mkdocs", "mkdocs-1.6.1, mkdocs-material", "Hej")
    assert properdocs_diff.differences(mkdocs, site(tmp_path / "same", "mkdocs-ProperDocs 1.6.7, mkdocs-material", "Hej")) == []
    changed = properdocs_diff.differences(mkdocs, site(tmp_path / "changed", "mkdocs-ProperDocs 1.6.7", "Hej!", "extra.js"))
    assert changed[0] == f"extra.js: only in {tmp_path / 'changed'}"
    assert "-<html><head><meta name=\"generator\"></head><body>Hej</body></html>" in changed[1]
    assert "+<html><head><meta name=\"generator\"></head><body>Hej!</body></html>" in changed[1]
    assert len(changed) == 2
