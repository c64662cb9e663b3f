"""Build the site: check content/data.yml and the hand-written pages, write everything the generator reads into
rendered/ (`peersite render`), then build both languages with MkDocs or ProperDocs (static-i18n builds the English
pages under `en/` after the Danish ones, in the same process)."""

import argparse
import importlib
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import click

from peersite.cli import render
from peersite.data.problems import DataError
from peersite.data.validate import DATA_PATH
from peersite.pages.page_table import DOCS_DIR

GENERATORS = ("mkdocs", "properdocs")


def source_date_epoch(folder: Path) -> str | None:
    """The last commit's time in seconds, or None outside a git checkout."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=folder, capture_output=True, text=True)
    except OSError:  # no git
        return None
    return result.stdout.strip() if result.returncode == 0 and result.stdout.strip() else None


def import_generator(name: str):
    """The generator's package; ProperDocs first redirects the plugins' `mkdocs` imports to itself."""
    if name == "properdocs":
        importlib.import_module("properdocs.replacement")
    for module in ("config", "commands.build", "exceptions"):
        importlib.import_module(f"{name}.{module}")
    return importlib.import_module(name)


def show_log(generator: str, verbose: bool) -> None:
    """Print the generator's warnings (and with `verbose` its progress)."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s - %(message)s"))
    logger = logging.getLogger(generator)
    logger.addHandler(handler)
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    logger.propagate = False
    if generator != "mkdocs":  # Material and static-i18n log as `mkdocs.*`: count them too, as ProperDocs' CLI does
        logging.getLogger("mkdocs").parent = logger


def build_site(generator, config_file: Path, site_dir: Path | None) -> Path:
    """Render, then build every language into a folder beside site_dir that replaces it once the build succeeded:
    a failed build leaves the last site as it was (`make serve` keeps serving it)."""
    root = config_file.resolve().parent
    render(root, root / DATA_PATH, DATA_PATH, root / DOCS_DIR)  # data and pages checked once; DataError if unsound
    config = generator.config.load_config(str(config_file))
    site_dir = (site_dir or Path(config.site_dir)).resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    config.site_dir = tempfile.mkdtemp(prefix=f".{site_dir.name}-", dir=site_dir.parent)
    try:
        config.plugins.on_startup(command="build", dirty=False)
        try:
            generator.commands.build.build(config)
        finally:
            config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)
        Path(config.site_dir).rename(site_dir)
    finally:
        shutil.rmtree(config.site_dir, ignore_errors=True)
    return site_dir


def main() -> int:
    """Build the site as `make build` does; exit 1 with the reason when it cannot be built."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="default: %(default)s")
    parser.add_argument("-d", "--site-dir", type=Path, help="where the site goes (default: the config's site_dir)")
    parser.add_argument("--generator", choices=GENERATORS, default="mkdocs", help="default: %(default)s")
    parser.add_argument("-v", "--verbose", action="store_true", help="show the generator's progress, not only warnings")
    args = parser.parse_args()
    # Dates in the site (the sitemap's lastmod, sitemap.xml.gz) are the last commit's, so a commit always builds the same bytes.
    if not os.environ.get("SOURCE_DATE_EPOCH"):
        os.environ.pop("SOURCE_DATE_EPOCH", None)
        if epoch := source_date_epoch(args.config_file.resolve().parent):
            os.environ["SOURCE_DATE_EPOCH"] = epoch
        else:
            print("No SOURCE_DATE_EPOCH and no git history: the sitemap gets today's date.", file=sys.stderr)
    generator = import_generator(args.generator)
    show_log(args.generator, args.verbose)
    started = time.perf_counter()
    try:
        site_dir = build_site(generator, args.config_file, args.site_dir)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    except click.ClickException as error:  # the generator's own errors: broken input, strict warnings
        print(error.format_message(), file=sys.stderr)
        return 1
    print(f"Built {site_dir} in {time.perf_counter() - started:.1f} s.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
