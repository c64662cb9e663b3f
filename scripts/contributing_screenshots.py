#!/usr/bin/env python3
"""The screenshots of CONTRIBUTING.md's "Redigér i browseren" / "Edit in the browser", taken from the real form
at /admin/ driven offline as tests/browser/test_cms.py drives it: the site built with the form in it and served on
127.0.0.1, decap-server in git mode saving into a throwaway clone of this repository, Debian's Chromium at a laptop's
1280 × 800. Nothing is saved into this clone but the pictures.

Usage: python scripts/contributing_screenshots.py [FOLDER]   (`make screenshots`; FOLDER defaults to docs-contributing/)
"""

import argparse
import contextlib
import sys
import tempfile
import threading
from functools import partial
from pathlib import Path

from playwright.sync_api import Page, expect, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "browser")]

# The end-to-end test's own steps, so that the pictures show what the test checks.
from conftest import CHROMIUM, LocalServer, _QuietHandler, run_site_build  # noqa: E402
from test_cms import (ADDED, LOADING, clone_of_this_repository, danish, item_name, replace_text,  # noqa: E402
                      running_decap_server, text_box)
from peersite.data.load import load_marked_yaml  # noqa: E402
from peersite.data.validate import DATA_PATH  # noqa: E402

FOLDER = ROOT / "docs-contributing"
VIEWPORT = {"width": 1280, "height": 800}
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run"]


@contextlib.contextmanager
def served(site: Path):
    """The built site on 127.0.0.1: yields its address."""
    server = LocalServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def shoot(page: Page, path: Path, height: int = VIEWPORT["height"], top: int = 0, width: int = VIEWPORT["width"]) -> None:
    """A band of the window, `height` pixels from `top` and `width` wide in the middle, as a PNG."""
    clip = {"x": (VIEWPORT["width"] - width) // 2, "y": top, "width": width, "height": height}
    page.screenshot(path=path, clip=clip, animations="disabled")
    print(f"{path.name}: {path.stat().st_size // 1024} kB")


def take(folder: Path) -> None:
    """Log in, see the sections, open model 1, save a draft, and see a built page with its edit link."""
    with tempfile.TemporaryDirectory() as scratch, contextlib.ExitStack() as stack:
        repository = clone_of_this_repository(Path(scratch))
        api = stack.enter_context(running_decap_server(repository))
        site = Path(scratch) / "site"
        built = run_site_build(ROOT, site, CMS_LOCAL_BACKEND=api)
        if built.returncode:
            sys.exit(built.stdout + built.stderr)
        address = stack.enter_context(served(site))
        browser = stack.enter_context(sync_playwright()).chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        page = browser.new_page(viewport=VIEWPORT, locale="da-DK")
        page.set_default_timeout(LOADING)
        models = load_marked_yaml(repository / DATA_PATH)["models"]
        first = next(model for model in models if model["number"] == 1)

        page.goto(f"{address}admin/#/collections/models/entries/models")
        login = page.get_by_role("button", name=danish("login"))
        expect(login).to_be_visible()
        shoot(page, folder / "1-log-ind.png", 200, top=300, width=640)

        login.click()
        page.goto(f"{address}admin/#/collections/models")
        expect(page.get_by_role("link", name="Modeller")).to_have_count(2)  # the section, and its one entry
        shoot(page, folder / "2-afsnit.png", 640)

        page.goto(f"{address}admin/#/collections/models/entries/models")
        page.get_by_role("button", name=f"Vis eller skjul {item_name(first)}").click()
        old = first["summary"]["da"]
        box = text_box(page, old)
        replace_text(box, old, old + ADDED)
        box.evaluate("element => element.scrollIntoView({block: 'center'})")
        page.mouse.move(0, 0)
        shoot(page, folder / "3-model.png")

        page.get_by_role("button", name=danish("save"), exact=True).click()
        expect(page.get_by_text(danish("changesSaved"))).to_be_visible()
        page.evaluate("() => window.scrollTo(0, 0)")
        shoot(page, folder / "4-kladde-gemt.png", 120)

        page.goto(f"{address}models/{first['id']}/")
        expect(page.get_by_role("link", name="Redigér denne side")).to_be_visible()
        shoot(page, folder / "5-side-med-redigeringslink.png", 380)
        browser.close()


def main() -> None:
    """Take the screenshots into the folder given (docs-contributing/ by default)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=FOLDER)
    folder = parser.parse_args().folder.resolve()
    folder.mkdir(parents=True, exist_ok=True)
    take(folder)
    total = sum(path.stat().st_size for path in folder.glob("*.png"))
    print(f"{len(list(folder.glob('*.png')))} screenshots, {total // 1024} kB in all")


if __name__ == "__main__":
    main()
