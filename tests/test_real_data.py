"""content/data.yml itself: one test per record, so a failure names the record to fix."""

import pytest

from conftest import REAL_DATA, REAL_PROBLEMS, REAL_SITE
from peersite.fields import ListOf, RecordOf, field_kinds
from peersite.schema import Site


def records() -> list[tuple[str, str]]:
    """(path in the data, readable id) for every record and section of the data file."""
    found = []
    for section, kind in field_kinds(Site).items():
        value = REAL_DATA.get(section)
        if isinstance(kind, ListOf) and isinstance(kind.item, RecordOf) and isinstance(value, list):
            found += [(f"{section}[{index}]", f"{section}:{item.get('id', index) if isinstance(item, dict) else index}")
                      for index, item in enumerate(value)]
        else:
            found.append((section, section))
    return found


RECORDS = records()


@pytest.mark.parametrize("path", [path for path, _ in RECORDS], ids=[name for _, name in RECORDS])
def test_record_is_complete_in_both_languages_and_its_references_resolve(path):
    problems = [p.format("content/data.yml") for p in REAL_PROBLEMS if p.where == path or p.where.startswith((f"{path}.", f"{path}["))]
    assert problems == []


def test_every_problem_belongs_to_a_record():
    paths = tuple(path for path, _ in RECORDS)
    assert [p.format("content/data.yml") for p in REAL_PROBLEMS if not p.where.startswith(paths)] == []


def test_the_data_holds_what_the_site_promises():
    site = REAL_SITE
    assert [model.number for model in site.models] == [1, 2, 3, 4, 5, 6]
    assert len(site.partnerships) == 3
    assert sorted(site.national_trial.start_years) == [2014, 2015]
    assert sorted(site.course.weeks) == [10, 11]
    assert len(site.course.sessions) == 11
    results = {result.result for result in site.peer_trial.results}
    assert {"better", "no-significant-difference"} <= results
