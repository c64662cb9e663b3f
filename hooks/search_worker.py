"""MkDocs adapter: tell the templates the file name of Material's search worker, which changes with each release."""

from pathlib import PurePosixPath

from mkdocs.exceptions import PluginError

WORKERS = PurePosixPath("assets/javascripts/workers")


def on_env(env, config, files):
    """Name Material's search worker for overrides/partials/search-config.html, whose worker wraps it."""
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
