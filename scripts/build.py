"""Build the site: check the data and write its pages once, then build each language in a process of its own.

Every language is built with the whole configuration, so the language switcher, the sitemap's alternates and
the edit links know all languages; static-i18n is only told which one to build (its `build_only_locale` would
instead make that language the site's default, at the root, with no switcher and no alternates). Each process
writes into a folder of its own; the default language's folder becomes the site, and every other language's
pages (under `en/`) are moved into it.
"""

import argparse
import importlib
import logging
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import click

from peersite import DEFAULT_LANGUAGE, LANGUAGES, url_prefix

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
    """Print the generator's warnings (and with `verbose` its progress), each line naming its process."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s - %(processName)s: %(message)s"))
    logger = logging.getLogger(generator)
    logger.addHandler(handler)
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    logger.propagate = False
    if generator != "mkdocs":  # Material and static-i18n log as `mkdocs.*`: count them too, as ProperDocs' CLI does
        logging.getLogger("mkdocs").parent = logger


def build_language(generator, config, language: str, site_dir: Path) -> None:
    """Build one language of the site into site_dir (run in a process of its own); exit 1 on failure."""
    config.plugins["i18n"].current_language = language
    config.site_dir = str(site_dir)
    try:
        config.plugins.on_startup(command="build", dirty=False)
        try:
            generator.commands.build.build(config)
        finally:
            config.plugins.on_shutdown()
    except click.ClickException as error:  # the generator's own errors: broken input, strict warnings
        logging.getLogger(generator.__name__).error(error.format_message())
        sys.exit(1)


def build_site(generator, config_file: Path, site_dir: Path | None) -> Path:
    """Check and write the generated pages, build every language in parallel and join them into site_dir."""
    config = generator.config.load_config(str(config_file))
    site_dir = (site_dir or Path(config.site_dir)).resolve()
    # The data is checked and its pages written here, once; static-i18n's `building` tells the hooks (and
    # static-i18n itself) in each language's process that this has been done and no other language is theirs.
    config.plugins.on_pre_build(config=config)
    config.plugins["i18n"].building = True
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-", dir=site_dir.parent))
    try:
        context = multiprocessing.get_context("fork")  # each process starts from the checked data and loaded config
        processes = [
            context.Process(target=build_language, args=(generator, config, language, scratch / language), name=language)
            for language in LANGUAGES
        ]
        for process in processes:
            process.start()
        for process in processes:
            process.join()
        failed = [process.name for process in processes if process.exitcode != 0]
        if failed:
            raise generator.exceptions.Abort(f"Aborted: the build of {', '.join(failed)} failed.")
        joined = scratch / DEFAULT_LANGUAGE
        for language in LANGUAGES:
            if language != DEFAULT_LANGUAGE:
                (scratch / language / url_prefix(language)).rename(joined / url_prefix(language))
        shutil.rmtree(site_dir, ignore_errors=True)
        joined.rename(site_dir)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
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
    multiprocessing.current_process().name = "site"
    generator = import_generator(args.generator)
    show_log(args.generator, args.verbose)
    started = time.perf_counter()
    try:
        site_dir = build_site(generator, args.config_file, args.site_dir)
    except click.ClickException as error:
        print(error.format_message(), file=sys.stderr)
        return 1
    print(f"Built {', '.join(LANGUAGES)} into {site_dir} in {time.perf_counter() - started:.1f} s.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
