"""`make serve` as an editor meets it: errors listed while the data is broken, a site once it is fixed."""

import shutil
import subprocess
import sys
import time
import urllib.request

from conftest import MINIMAL, ROOT, write_data

# An English text left out of minimal.yml.
MISSING_TRANSLATION = ("summary: {da: Lønnede peers i teams., en: Paid peers in teams.}", "summary: {da: Lønnede peers i teams.}")


def wait_for_page(url: str, seconds: float) -> int:
    """The HTTP status of url once the server answers, or 0 if it never does."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.status
        except OSError:
            time.sleep(0.5)
    return 0


def test_serve_waits_for_broken_data_then_serves_the_site(project_copy):
    shutil.copytree(ROOT / "scripts", project_copy / "scripts")
    data = write_data(project_copy, MISSING_TRANSLATION)
    server = subprocess.Popen(
        [sys.executable, "scripts/serve.py", "--dev-addr", "127.0.0.1:8123", "--no-livereload"],
        cwd=project_copy, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        time.sleep(3)
        assert server.poll() is None, "the server must wait, not exit, while the data is broken"
        data.write_text(MINIMAL.read_text(encoding="utf-8"), encoding="utf-8")
        assert wait_for_page("http://127.0.0.1:8123/models/model-a/", 60) == 200
    finally:
        server.terminate()
        output = server.communicate(timeout=20)[0]
    assert "content/data.yml:66:14: models[0].summary.en: missing English text — add it" in output
    assert "Waiting for content/data.yml to be fixed…" in output
