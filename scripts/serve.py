"""Serve the site with live reload; while content/data.yml has errors, list them and wait for a fix.

MkDocs' own server recovers from a failed rebuild but exits when its first build fails.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

DATA = Path("content/data.yml")


def wait_for_change(path: Path) -> None:
    """Return once the file's modification time changes."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    while (path.stat().st_mtime_ns if path.exists() else 0) == before:
        time.sleep(0.5)


def main() -> None:
    """Check the data until it is sound, then hand over to `mkdocs serve`."""
    while subprocess.run([sys.executable, "-m", "peersite", "check"]).returncode != 0:
        print(f"Waiting for {DATA} to be fixed…", file=sys.stderr, flush=True)
        wait_for_change(DATA)
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", "127.0.0.1:8000", "--livereload", *sys.argv[1:]]
    os.execv(sys.executable, command)


if __name__ == "__main__":
    main()
