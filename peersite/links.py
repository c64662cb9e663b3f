"""Where a page's edit link goes: hand-written pages to their file, generated ones to their record."""

from .validate import DATA_PATH


def edit_url(repo_url: str | None, src_uri: str, data_line: int | None) -> str | None:
    """GitHub URL to edit a page's source, or None when the site has no repository."""
    if not repo_url:
        return None
    repo = repo_url.rstrip("/")
    if data_line:
        return f"{repo}/blob/main/{DATA_PATH}#L{data_line}"
    return f"{repo}/edit/main/docs/{src_uri}"
