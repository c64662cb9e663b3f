"""Serve the site with live reload, rebuilt on every saved change exactly as `make build` builds it.

While content/data.yml has errors at the start, they are listed and the server waits for a fix. Each rebuild runs
scripts/build.py in a fresh process: the data checked and rendered once, both languages built, strictly, with any
change to peersite/ or hooks/ picked up; a failed rebuild keeps the last good site. MkDocs' own partial rebuild
(`mkdocs serve --dirty`) is not used: it aborts in strict mode, and with Material's search and static-i18n it
repeats every Danish search entry and adds more on each rebuild (README, "Building").
"""

import argparse
import importlib
import logging
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from build import GENERATORS, import_generator

DATA = Path("content/data.yml")
BUILD = Path(__file__).resolve().parent / "build.py"
# What a rebuild reads; not rendered/, which a rebuild writes itself.
WATCHED = {"mkdocs.yml": False, "docs": True, "content": True, "overrides": True, "hooks": True, "peersite": True}


def modified(path: Path) -> int:
    """The file's modification time, 0 when it is missing."""
    return path.stat().st_mtime_ns if path.exists() else 0


def wait_for_change(path: Path, checked: int) -> None:
    """Return once the file differs from the version checked (it may have been saved again already)."""
    while modified(path) == checked:
        time.sleep(0.5)


def build(generator: str, site_dir: Path) -> bool:
    """Build the site into site_dir as `make build` does; True when it was built."""
    return subprocess.run([sys.executable, str(BUILD), "--generator", generator, "--site-dir", str(site_dir)]).returncode == 0


def main() -> None:
    """Check the data until it is sound, build the site, then serve it and rebuild it on every change."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="host:port (default: %(default)s)")
    parser.add_argument("--no-livereload", action="store_true", help="neither watch the files nor reload the browser")
    parser.add_argument("--generator", choices=GENERATORS, default="mkdocs", help="default: %(default)s")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s - %(message)s")
    while True:
        checked = modified(DATA)  # before the check: a fix saved while it runs is not missed
        if subprocess.run([sys.executable, "-m", "peersite", "check"]).returncode == 0:
            break
        print(f"Waiting for {DATA} to be fixed…", file=sys.stderr, flush=True)
        wait_for_change(DATA, checked)
    site_dir = Path(tempfile.mkdtemp(prefix="peersite-serve-")) / "site"

    def rebuild() -> None:
        """Build after a change; on failure the server keeps the last site and does not reload the browsers."""
        if not build(args.generator, site_dir):
            raise SystemExit("The site was not rebuilt: fix the errors above and save again.")

    try:
        rebuild()
    except SystemExit as failure:
        print(failure, file=sys.stderr)
        site_dir.mkdir()
    host, port = args.dev_addr.rsplit(":", 1)
    import_generator(args.generator)
    livereload = importlib.import_module(f"{args.generator}.livereload")
    server = livereload.LiveReloadServer(builder=rebuild, host=host, port=int(port), root=str(site_dir))
    server.error_handler = lambda code: (site_dir / "404.html").read_bytes() if code == 404 else None
    if not args.no_livereload:
        for path, recursive in WATCHED.items():
            server.watch(path, recursive=recursive)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        server.serve()
    except KeyboardInterrupt:
        print("Stopped.", file=sys.stderr)
    finally:
        server.shutdown()
        shutil.rmtree(site_dir.parent)


if __name__ == "__main__":
    main()
