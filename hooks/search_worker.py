"""MkDocs adapter: the file name of Material's search worker, which changes with each release;
overrides/partials/search-config.html starts it from overrides/assets/javascripts/search/worker.js, which wraps it."""

from pathlib import PurePosixPath

from mkdocs.exceptions import PluginError

WORKERS = PurePosixPath("assets/javascripts/workers")


def on_env(env, config, files):
    """Name the worker Material ships, for the search configuration to start."""
    workers = [
        PurePosixPath(file.src_uri).name for file in files
        if PurePosixPath(file.src_uri).parent == WORKERS and PurePosixPath(file.src_uri).match("search.*.min.js")
    ]
    if len(workers) != 1:
        raise PluginError(
            f"Expected one search worker {WORKERS}/search.*.min.js in the Material theme, found {workers or 'none'}: "
            "overrides/assets/javascripts/search/worker.js wraps it; check that Material still ships one."
        )
    env.globals["material_search_worker"] = workers[0]
    return env
