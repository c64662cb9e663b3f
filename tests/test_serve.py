"""`make serve` as an editor meets it: errors listed while the data is broken, a site once it is fixed."""

import shutil
import socket
import subprocess
import sys
import threading
import urllib.request

from conftest import MINIMAL, ROOT, write_data

# An English text left out of minimal.yml.
MISSING_TRANSLATION = ("summary: {da: Lønnede peers i teams., en: Paid peers in teams.}", "summary: {da: Lønnede peers i teams.}")


def free_port() -> int:
    """A port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Output:
    """What a process prints, read as it comes, so a test can wait for a line instead of sleeping."""

    def __init__(self, process: subprocess.Popen):
        self.lines: list[str] = []
        self.changed = threading.Condition()
        threading.Thread(target=self.read, args=(process,), daemon=True).start()

    def read(self, process: subprocess.Popen) -> None:
        for line in process.stdout:
            with self.changed:
                self.lines.append(line)
                self.changed.notify_all()

    def wait_for(self, text: str, seconds: float) -> bool:
        """Whether a line holding `text` is printed within `seconds`."""
        with self.changed:
            return self.changed.wait_for(lambda: any(text in line for line in self.lines), timeout=seconds)


def test_serve_waits_for_broken_data_then_serves_the_site(project_copy):
    shutil.copytree(ROOT / "scripts", project_copy / "scripts")
    data = write_data(project_copy, MISSING_TRANSLATION)
    address = f"127.0.0.1:{free_port()}"
    server = subprocess.Popen(
        [sys.executable, "scripts/serve.py", "--dev-addr", address, "--no-livereload"],
        cwd=project_copy, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    output = Output(server)
    try:
        assert output.wait_for("Waiting for content/data.yml to be fixed…", 60)
        assert server.poll() is None, "the server must wait, not exit, while the data is broken"
        data.write_text(MINIMAL.read_text(encoding="utf-8"), encoding="utf-8")
        assert output.wait_for(f"Serving on http://{address}/", 120), "".join(output.lines)
        with urllib.request.urlopen(f"http://{address}/models/model-a/", timeout=10) as response:
            assert response.status == 200
    finally:
        server.terminate()
        server.wait(timeout=20)
    printed = "".join(output.lines)
    assert "content/data.yml:66:14: models[0].summary.en: missing English text — add it" in printed
