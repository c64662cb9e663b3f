"""Check the whole data file against the schema and turn it into records, or list every problem."""

import difflib
from dataclasses import dataclass
from pathlib import Path

from .fields import Checking
from .load import MarkedDict, load_marked_yaml
from .problems import DataError, Problem
from .schema import COLLECTIONS, SITE

DATA_PATH = "content/data.yml"


@dataclass(frozen=True)
class Site:
    """The checked data: every section as read, and each collection's records by id."""

    data: dict
    by_id: dict[str, dict[str, dict]]

    def __getitem__(self, section: str):
        return self.data[section]


def index_collections(raw: MarkedDict, data: dict, checking: Checking) -> dict[str, dict[str, dict]]:
    """Map each collection's ids to records, noting ids used twice."""
    by_id = {}
    for collection in COLLECTIONS:
        records, seen = {}, {}
        raw_records = raw.get(collection)
        for index, record in enumerate(data.get(collection) or []):
            if not record or not record.get("id"):
                continue
            raw_record = raw_records[index]
            if record["id"] in seen:
                checking.problem(
                    raw_record.marks["id"], f"{collection}[{index}].id",
                    f"id '{record['id']}' is already used by {collection}[{seen[record['id']]}] — give this record its own id",
                )
                continue
            seen[record["id"]] = index
            records[record["id"]] = record
        by_id[collection] = records
    return by_id


def resolve_references(by_id: dict[str, dict[str, dict]], checking: Checking) -> None:
    """Note every reference whose id names no record."""
    for ref in checking.refs:
        known = by_id.get(ref.collection, {})
        if ref.id in known:
            continue
        close = difflib.get_close_matches(ref.id, known, n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        listed = ", ".join(sorted(known)[:12]) + (", …" if len(known) > 12 else "") or "none yet"
        checking.problem(
            ref.mark, ref.where,
            f"unknown id '{ref.id}' in {ref.collection} — {hint}use an id from {ref.collection} (known: {listed})",
        )


def check_model_numbers(raw: MarkedDict, data: dict, checking: Checking) -> None:
    """Model numbers run 1, 2, 3 … in the order the models are listed."""
    for index, model in enumerate(data.get("models") or []):
        if model and model.get("number") is not None and model["number"] != index + 1:
            checking.problem(
                raw["models"][index].marks["number"], f"models[{index}].number",
                f"model number {model['number']} out of order — number the models 1, 2, 3 … as they are listed (this one is {index + 1})",
            )


def check_site(raw: MarkedDict) -> tuple[Site, list[Problem]]:
    """Check raw data in full: the records as far as they could be read, and every problem."""
    checking = Checking()
    data = SITE.check(raw, "", raw.mark, checking)
    by_id = index_collections(raw, data, checking)
    resolve_references(by_id, checking)
    check_model_numbers(raw, data, checking)
    return Site(data, by_id), checking.problems


def validate_site(raw: MarkedDict, shown_path: str = DATA_PATH) -> Site:
    """Check raw data in full; return the Site or raise DataError with every problem."""
    site, problems = check_site(raw)
    if problems:
        raise DataError(shown_path, problems)
    return site


def load_site(path: Path, shown_path: str = DATA_PATH) -> Site:
    """Read and check the data file."""
    return validate_site(load_marked_yaml(path, shown_path), shown_path)
