"""What the publisher tests share: the data with its `publisher:` section written anew, and the real site
built with a publisher filled in, served on 127.0.0.1.

Not a conftest.py, for the reason browser/browsing.py gives: test modules import the fixtures they use by name.
"""

import functools
import re
import shutil
import threading
from pathlib import Path

import pytest

from conftest import ROOT, LocalServer, _QuietHandler, made_once, run_site_build
from peersite.data.validate import DATA_PATH

# The section from its top-level key to the next top-level key or the end: indented, commented or empty lines.
SECTION = re.compile(r"^publisher:[^\n]*\n(?:(?:[ #][^\n]*)?\n)*", re.M)
EMPTY = dict.fromkeys(("name", "responsible_editor", "email", "postal_address", "funding", "advertising"))
# A publisher as an editor would write one: made up for the tests, never shown on the real site.
FILLED = {
    "name": "{da: Eksempelforeningen, en: the Example Association}",
    "responsible_editor": "{da: Redaktøren i Eksempelforeningen, en: the editor of the Example Association}",
    "email": "redaktion@example.org",
    "postal_address": '"Eksempelvej 1, 1234 Eksempelby"',
    "funding": '{da: "Eksempelforeningen & dens medlemmer betaler for siden.", en: "The Example Association & its members pay for the site."}',
    "advertising": "{da: Siden har ingen reklamer og ingen sponsorer., en: The site carries no advertising and no sponsorship.}",
}


def with_publisher(text: str, fields: dict[str, str | None]) -> str:
    """A data file's text with its publisher section replaced by one with these fields (None: left empty)."""
    found = SECTION.search(text)
    assert found, "no top-level publisher: section in the data"
    block = "publisher:\n" + "".join(f"  {name}:{f' {value}' if value is not None else ''}\n" for name, value in fields.items())
    return text[:found.start()] + block + text[found.end():]


def field_lines(text: str) -> dict[str, int]:
    """The line each field of the publisher section is written on."""
    start = text[:SECTION.search(text).start()].count("\n") + 1
    lines = text.splitlines()
    return {match[1]: number for number in range(start, len(lines) + 1)
            if (match := re.match(r"  (\w+):", lines[number - 1]))}


def real_data_with(folder: Path, fields: dict[str, str | None]) -> Path:
    """The real data file with this publisher, written into folder/content/data.yml."""
    path = folder / DATA_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(with_publisher((ROOT / DATA_PATH).read_text(encoding="utf-8"), fields), encoding="utf-8")
    return path


def build_published_site(project: Path) -> None:
    """The real data and pages with FILLED as the publisher, built into project/site as `make build` builds them."""
    for name in ("mkdocs.yml", "hooks", "overrides", "peersite", "docs"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
    real_data_with(project, FILLED)
    shutil.copy(ROOT / "content" / "data.schema.json", project / "content")
    result = run_site_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="session")
def published_site(tmp_path_factory) -> Path:
    """The real data and pages with FILLED as the publisher, built once for the whole run."""
    return made_once(tmp_path_factory, "published", build_published_site) / "site"


@pytest.fixture(scope="session")
def published_url(published_site) -> str:
    """The site with a publisher, served over HTTP on 127.0.0.1."""
    server = LocalServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(published_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
