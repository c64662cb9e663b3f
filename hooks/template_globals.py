"""MkDocs adapter: what the theme templates in overrides/ take from peersite and from the installed theme.

Kept apart from the hooks that make pages, so that `make benchmark`'s plain MkDocs build can use the same
templates without the rest of this project's work."""

from pathlib import PurePosixPath

from mkdocs.exceptions import PluginError

from peersite import url_prefix
from peersite.environment import labels
from peersite.pages import help_now_url

WORKERS = PurePosixPath("assets/javascripts/workers")


def on_env(env, config, files):
    """The rule for where a language's pages live, the site's words, and Material's search worker's file name,
    which changes with each release (overrides/partials/search-config.html's worker wraps it)."""
    workers = [
        PurePosixPath(file.src_uri).name for file in files
        if PurePosixPath(file.src_uri).parent == WORKERS and PurePosixPath(file.src_uri).match("search.*.min.js")
    ]
    if len(workers) != 1:
        raise PluginError(
            f"Expected one search worker {WORKERS}/search.*.min.js in the Material theme, found {workers or 'none'}: "
            "overrides/assets/javascripts/search/worker.js wraps it; check that Material still ships one."
        )
    env.globals.update(url_prefix=url_prefix, labels=labels(), material_search_worker=workers[0])
    env.globals.update(help_now_url=help_now_url)  # the header's link to the crisis box
    return env
