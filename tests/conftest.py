"""Shared fixtures: the real site built once per run, served on 127.0.0.1, and Debian's Chromium."""

import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FAKE_REPO_URL = "https://github.com/example/peer-support-site"
CHROMIUM = "/usr/bin/chromium"


def run_mkdocs_build(config_dir: Path, site_dir: Path, **env) -> subprocess.CompletedProcess:
    """Run a strict MkDocs build of the project in config_dir into site_dir."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=config_dir, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "REPO_URL": FAKE_REPO_URL, **env},
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real data and pages, built strictly once for the whole test run."""
    site_dir = tmp_path_factory.mktemp("build") / "site"
    result = run_mkdocs_build(ROOT, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    """The built site served over HTTP on 127.0.0.1, as a static host would serve it."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
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
