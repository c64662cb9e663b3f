"""Check the whole data file against the schema and turn it into records, or list every problem."""

from pathlib import Path

from .fields import Checking, suggestion
from .load import MarkedDict, load_marked_yaml
from .problems import DataError, Problem
from .schema import COLLECTIONS, REVIEWED_COLLECTIONS, SITE, Site

DATA_PATH = "content/data.yml"


def check_unique_ids(raw: MarkedDict, site: Site, checking: Checking) -> None:
    """Note ids used twice in a collection, and collections with a record whose id could not be read."""
    for collection in COLLECTIONS:
        raw_records, seen = raw.get(collection), {}
        for index, item in enumerate(getattr(site, collection) or []):
            where = f"{collection}[{index}]"
            if not item or not item.id:
                if where in checking.unreadable or f"{where}.id" in checking.unreadable:
                    checking.unreadable.add(collection)
                continue
            if item.id in seen:
                checking.problem(
                    raw_records[index].marks["id"], f"{where}.id",
                    f"id '{item.id}' is already used by {collection}[{seen[item.id]}] — give this record its own id",
                )
            else:
                seen[item.id] = index


def resolve_references(site: Site, checking: Checking) -> None:
    """Note every reference whose id names no record, unless the collection could not be read in full."""
    for ref in checking.refs:
        if ref.collection in checking.unreadable:
            continue
        known = site.by_id[ref.collection]
        if ref.id in known:
            continue
        listed = ", ".join(sorted(known)[:12]) + (", …" if len(known) > 12 else "") or "none yet"
        checking.problem(
            ref.mark, ref.where,
            f"unknown id '{ref.id}' in {ref.collection} — {suggestion(ref.id, known)}"
            f"use an id from {ref.collection} (known: {listed})",
        )


def check_model_numbers(raw: MarkedDict, site: Site, checking: Checking) -> None:
    """Model numbers run 1, 2, 3 … in the order the models are listed."""
    for index, model in enumerate(site.models or []):
        if model and model.number is not None and model.number != index + 1:
            checking.problem(
                raw["models"][index].marks["number"], f"models[{index}].number",
                f"model number {model.number} out of order — number the models 1, 2, 3 … as they are listed (this one is {index + 1})",
            )


def check_reviewers(site: Site, checking: Checking) -> None:
    """A record names who reviewed it only beside its own review date: the site's date is the site's reviewer's."""
    records = [(f"{collection}[{index}]", item) for collection in REVIEWED_COLLECTIONS
               for index, item in enumerate(getattr(site, collection) or [])]
    for where, item in records + [("find_support", site.find_support)]:
        if item and item.reviewed_by and not item.reviewed:
            checking.problem(item.key_marks["reviewed_by"], f"{where}.reviewed_by",
                             "a reviewer without the record's own reviewed: date — add the day they checked it"
                             ' as reviewed: "YYYY-MM-DD", or remove reviewed_by')


def check_site(raw: MarkedDict) -> tuple[Site, list[Problem]]:
    """Check raw data in full: the records as far as they could be read, and every problem."""
    checking = Checking()
    site = SITE.check(raw, "", raw.mark, checking)
    check_unique_ids(raw, site, checking)
    resolve_references(site, checking)
    check_model_numbers(raw, site, checking)
    check_reviewers(site, checking)
    return site, checking.problems


def validate_site(raw: MarkedDict, shown_path: str = DATA_PATH) -> Site:
    """Check raw data in full; return the Site or raise DataError with every problem."""
    site, problems = check_site(raw)
    if problems:
        raise DataError(shown_path, problems)
    return site


# The last data file checked, by its bytes: a build asks for it in several hooks, and the processes that
# build the languages are forked from one that has checked it.
_checked: dict[bytes, Site] = {}


def load_site(path: Path, shown_path: str = DATA_PATH) -> Site:
    """Read and check the data file."""
    try:
        content = Path(path).read_bytes()
    except OSError:
        content = None  # load_marked_yaml reports it, with its place
    if content is None or content not in _checked:
        site = validate_site(load_marked_yaml(path, shown_path), shown_path)
        _checked.clear()
        _checked[content] = site
    return _checked[content]
