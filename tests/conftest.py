"""Shared fixtures: the real site built once per run, served on 127.0.0.1, and Debian's Chromium."""

import contextlib
import functools
import io
import logging
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

import pytest
from filelock import FileLock

from peersite.cli import main as peersite_main
from peersite.editing.cms import ADMIN_FOLDER
from peersite.data.load import load_marked_yaml
from peersite.data.validate import DATA_PATH, check_site

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = Path(__file__).parent / "fixtures" / "minimal.yml"
# The real content/data.yml as read (with every value's place) and as checked (records, problems).
REAL_DATA = load_marked_yaml(ROOT / DATA_PATH, DATA_PATH)
REAL_SITE, REAL_PROBLEMS = check_site(REAL_DATA)
FAKE_REPO_URL = "https://github.com/example/peer-support-site"
CHROMIUM = "/usr/bin/chromium"
# A property test (Hypothesis) draws all the examples it names in `make test`, which CI runs, and a quarter of them in
# a run by hand (`pytest`, the fast lane) that needs its answer in about a minute. Run by hand, an example found to
# fail is kept in .hypothesis/ and tried first in every run after.
ALL_EXAMPLES = os.environ.get("PROPERTY_EXAMPLES") == "all"


def examples(named: int) -> int:
    """How many examples a property test that names `named` draws in this run (ALL_EXAMPLES)."""
    return named if ALL_EXAMPLES else max(5, named // 4)


def run_mkdocs_build(config_dir: Path, site_dir: Path, **env) -> subprocess.CompletedProcess:
    """`python -m peersite render`, then a strict MkDocs build of the project in config_dir into site_dir; the
    render's output when it fails."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "REPO_URL": FAKE_REPO_URL, **env}
    rendered = subprocess.run([sys.executable, "-m", "peersite", "render"], cwd=config_dir, capture_output=True, text=True,
                              env=environment)
    if rendered.returncode:
        return rendered
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
                          cwd=config_dir, capture_output=True, text=True, env=environment)


def run_site_build(config_dir: Path, site_dir: Path, *options: str, **env) -> subprocess.CompletedProcess:
    """Build the project in config_dir into site_dir as `make build` does (scripts/build.py)."""
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build.py"), "--site-dir", str(site_dir), *options],
        cwd=config_dir, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "REPO_URL": FAKE_REPO_URL, **env},
    )


def run_peersite(folder: Path, *arguments: str) -> subprocess.CompletedProcess:
    """`python -m peersite ARGUMENTS` run in folder, in this process: its exit code and what it prints, as a
    subprocess gives them, without starting Python again for each. A traceback is an exception here, and fails
    the test that meets it. (tests/test_data_errors.py's test_minimal_data_passes runs the command itself.)"""
    printed, errors = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(errors), contextlib.chdir(folder):
        code = peersite_main(list(arguments))
    return subprocess.CompletedProcess(["python", "-m", "peersite", *arguments], code, printed.getvalue(), errors.getvalue())


def site_pages(site: Path, name: str = "*.html") -> list[Path]:
    """Every page of the built site, both languages (its HTML files, or those of one name), without /admin/: the form
    for editors is no page of the site (tests/test_admin.py and tests/browser/test_cms.py test it)."""
    return [page for page in sorted(site.rglob(name)) if page.relative_to(site).parts[0] != ADMIN_FOLDER]


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site, by its path in the site."""
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def made_once(tmp_path_factory, name: str, make: Callable[[Path], None]) -> Path:
    """The folder `make` fills, made once for the whole run: with pytest-xdist, by whichever worker asks first,
    while the others wait for it (a file lock in the folder the workers' temporary folders share)."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent
    folder, made = shared / name, shared / f"{name}.made"
    with FileLock(shared / f"{name}.lock"):
        if not made.exists():
            shutil.rmtree(folder, ignore_errors=True)  # what a worker that failed left behind
            folder.mkdir()
            make(folder)
            made.touch()
    return folder


def build_real_site(folder: Path) -> None:
    """The real data and pages built strictly into folder/site, as `make build` builds them."""
    result = run_site_build(ROOT, folder / "site")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real data and pages, built strictly once for the whole test run, as `make build` builds them."""
    return made_once(tmp_path_factory, "build", build_real_site) / "site"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class LocalServer(http.server.ThreadingHTTPServer):
    """A server on 127.0.0.1 whose request errors go to the log, which pytest shows with the test that failed.

    The default prints them on sys.stderr from its own thread, into the output of whichever test is
    capturing stderr at that moment. A browser that closes a page mid-download resets the connection:
    not the site's fault, and not worth a line."""

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):
            logging.getLogger(__name__).exception("request from %s failed", client_address)


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    """The built site served over HTTP on 127.0.0.1, as a static host would serve it."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = LocalServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Drive Debian's Chromium, with nothing in it reaching for the network on its own."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run",
        ],
    }


def write_data(folder: Path, *mistakes: tuple[str, str]) -> Path:
    """Write minimal.yml, with each (old, new) mistake made, into folder/content/data.yml."""
    text = MINIMAL.read_text(encoding="utf-8")
    for old, new in mistakes:
        assert text.count(old) == 1, f"fixture text to replace must occur once: {old!r}"
        text = text.replace(old, new)
    path = folder / "content" / "data.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def copy_project(folder: Path) -> Path:
    """The project's build configuration, with stand-in hand-written pages, copied into folder."""
    for name in ("mkdocs.yml", "hooks", "overrides", "peersite"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, folder / name)
    (folder / "docs").mkdir(exist_ok=True)
    for page in ("index", "getting-started", "about"):
        (folder / "docs" / f"{page}.md").write_text(f"# Side {page}\n", encoding="utf-8")
        (folder / "docs" / f"{page}.en.md").write_text(f"# Page {page}\n", encoding="utf-8")
    return folder


def real_project_copy(folder: Path) -> Path:
    """The project with its real data and pages, copied into folder (Decap's bundle linked), for a build whose rendered
    files must not be those of the other builds of the same run (they share the project's rendered/)."""
    folder.mkdir(parents=True, exist_ok=True)
    copy_project(folder)
    for name in ("content", "docs"):
        shutil.copytree(ROOT / name, folder / name, dirs_exist_ok=True)
    (folder / "node_modules").symlink_to(ROOT / "node_modules")
    return folder


@pytest.fixture()
def project_copy(tmp_path) -> Path:
    """The project's build configuration, with stand-in hand-written pages, in a folder of its own."""
    return copy_project(tmp_path)


# What tests/test_hostile_properties.py counted in pytest-xdist's workers, gathered in the process that reports.
HOSTILE_OUTCOMES: dict[str, Counter] = defaultdict(Counter)


def hostile_outcomes() -> dict[str, Counter]:
    """How many hostile strings of each kind this process tried, refused and made harmless."""
    module = sys.modules.get("test_hostile_properties")
    return module.OUTCOMES if module is not None else {}


def pytest_sessionfinish(session):
    """In a pytest-xdist worker: hand the hostile strings' figures to the process that reports."""
    if hasattr(session.config, "workeroutput"):
        session.config.workeroutput["hostile outcomes"] = {kind: dict(counted) for kind, counted in hostile_outcomes().items()}


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """pytest-xdist: a worker is done; add up its hostile strings' figures."""
    for kind, counted in getattr(node, "workeroutput", {}).get("hostile outcomes", {}).items():
        HOSTILE_OUTCOMES[kind].update(counted)


def pytest_terminal_summary(terminalreporter):
    """After the run, how many hostile strings of each kind were tried, refused and made harmless
    (tests/test_hostile_properties.py): the figures its closing note gives."""
    outcomes = HOSTILE_OUTCOMES or hostile_outcomes()
    if not outcomes:
        return
    terminalreporter.section("hostile strings")
    for kind, counted in outcomes.items():
        terminalreporter.write_line(f"{kind}: {counted['tried']} tried, {counted['refused']} refused, "
                                    f"{counted['made harmless']} made harmless")


def pytest_collection_modifyitems(items):
    """Tests under tests/browser are marked `browser`: `pytest -m "not browser"` is the fast lane."""
    for item in items:
        if "browser" in item.path.parent.parts:
            item.add_marker(pytest.mark.browser)
