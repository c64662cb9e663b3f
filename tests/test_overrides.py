"""Theme code copied into overrides/ is told apart from the installed theme's, so a theme upgrade cannot slip past it.

overrides/main.html and overrides/404.html extend Material's templates block by block and copy nothing. The files
below copy a partial, a block of base.html or static-i18n's sitemap with a change of ours: tests/fixtures/originals/
keeps each original as it was when the copy was made, and a test fails, showing what changed, once the installed
package's original differs from it.
"""

import difflib
import importlib.util
import json
import re
from pathlib import Path

import pytest

from conftest import ROOT

ORIGINALS = Path(__file__).parent / "fixtures" / "originals"

# overrides/ file: (package, the original's path in the package, the block of it copied, or None for all of it)
COPIES = {
    "partials/page-meta.html": ("material", "templates/base.html", "site_meta"),
    "partials/search-config.html": ("material", "templates/base.html", "config"),
    "partials/search.html": ("material", "templates/partials/search.html", None),
    "partials/source.html": ("material", "templates/partials/source.html", None),
    "partials/copyright.html": ("material", "templates/partials/copyright.html", None),
    "partials/header.html": ("material", "templates/partials/header.html", None),
    "sitemap.xml": ("mkdocs_static_i18n", "custom_i18n_sitemap/sitemap.xml", None),
}


def installed(package: str, path: str) -> Path:
    """A file of an installed package."""
    return Path(importlib.util.find_spec(package).origin).parent / path


def part(text: str, block: str | None) -> str:
    """A Jinja block of a template (its whole text when block is None)."""
    if block is None:
        return text
    match = re.search(rf"{{% block {block} %}}.*?{{% endblock %}}", text, re.S)
    assert match, f"no block {block!r}"
    return match.group(0)


@pytest.mark.parametrize("override", COPIES)
def test_copied_theme_code_matches_the_installed_original(override):
    package, path, block = COPIES[override]
    assert (ROOT / "overrides" / override).is_file()
    kept, current = ORIGINALS / package / path, installed(package, path)
    was = part(kept.read_text(encoding="utf-8"), block).splitlines(keepends=True)
    now = part(current.read_text(encoding="utf-8"), block).splitlines(keepends=True)
    what = f"block '{block}' of {path}" if block else path
    diff = "".join(difflib.unified_diff(was, now, f"{kept.relative_to(ROOT)} (copied)", f"{current} (installed)"))
    if diff:
        pytest.fail(
            f"{package} changed {what}, which overrides/{override} copies. Bring the change into "
            f"overrides/{override}, then copy {current} over {kept.relative_to(ROOT)}.\n{diff}", pytrace=False,
        )


def test_every_copied_original_is_kept():
    kept = {path.relative_to(ORIGINALS).as_posix() for path in ORIGINALS.rglob("*") if path.is_file()}
    assert kept == {f"{package}/{path}" for package, path, _ in COPIES.values()}


def test_search_runs_the_installed_materials_worker(built_site):
    """The worker wrapper is told the name of the worker this Material release ships (hooks/search_worker.py)."""
    for page in ("index.html", "en/models/index.html"):
        html = (built_site / page).read_text(encoding="utf-8")
        config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S).group(1))
        wrapper, material = config["search"].split("?material=")
        assert (built_site / page).parent.joinpath(wrapper).resolve() == built_site / "assets/javascripts/search/worker.js"
        shipped = installed("material", "templates/assets/javascripts/workers")
        assert [material] == [worker.name for worker in shipped.glob("search.*.min.js")]
        assert (built_site / "assets/javascripts/workers" / material).is_file()
