"""Where the site's links go: edit links to a page's source, and the web addresses the data names."""

import dataclasses

from .fields import Doi, SiteName, Url, field_kinds, site_address
from .pages import DOCS_DIR
from .problems import Problem
from .validate import DATA_PATH

DOI_RESOLVER = "https://doi.org/"


def edit_url(repo_url: str | None, branch: str, src_uri: str, data_line: int | None) -> str | None:
    """GitHub URL to edit a page's source on a branch, or None when the site has no repository."""
    if not repo_url:
        return None
    repo = repo_url.rstrip("/")
    if data_line:
        return f"{repo}/blob/{branch}/{DATA_PATH}#L{data_line}"
    return f"{repo}/edit/{branch}/{DOCS_DIR}/{src_uri}"


def web_addresses(records) -> dict[str, list[int]]:
    """Every web address in the records (their url fields, their DOIs at doi.org and the roots of the sites
    they name), with the lines of the records that name it."""
    found: dict[str, list[int]] = {}

    def walk(value) -> None:
        if isinstance(value, list):
            for item in value:
                walk(item)
        elif dataclasses.is_dataclass(value):
            for name, kind in field_kinds(type(value)).items():
                item = getattr(value, name)
                if item and isinstance(kind, (Url, Doi, SiteName)):
                    address = {Url: item, Doi: DOI_RESOLVER + item, SiteName: site_address(item)}[type(kind)]
                    found.setdefault(address, []).append(value.line)
                else:
                    walk(item)

    walk(records)
    return found


def unencrypted_addresses(site) -> list[Problem]:
    """A warning for each web address the data names with http://: anyone on the way can change what it shows."""
    return [Problem(line, 1, "url", f"'{address}' is not encrypted (http://) — write https:// if the site answers there")
            for address, lines in web_addresses(site).items() if address.startswith("http://") for line in lines]
