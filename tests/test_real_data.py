"""content/data.yml itself: one test per record, so a failure names the record to fix."""

import html
import re

import pytest

from conftest import REAL_DATA, REAL_PROBLEMS, REAL_SITE
from peersite.data.fields import ListOf, RecordOf, field_kinds
from peersite.data.schema import Site


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


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_model_and_course_session_in_the_data_is_listed_on_its_page_in_order(built_site, language):
    """What the data holds reaches the reader, however many models or sessions an editor adds."""
    prefix = "" if language == "da" else "en/"
    for page, titles in (("models", [model.name[language] for model in REAL_SITE.models]),
                         ("course", [session.title[language] for session in REAL_SITE.course.sessions])):
        content = (built_site / prefix / page / "index.html").read_text(encoding="utf-8")
        text = html.unescape(re.sub(r"<[^>]+>", " ", re.search(r"<article[^>]*>(.*)</article>", content, re.S).group(1)))
        text = re.sub(r"\s+", " ", text)
        place = 0
        for title in titles:  # each after the one before it
            place = text.find(re.sub(r"\s+", " ", title), place)
            assert place >= 0, f"{page}: {title!r} is missing, or listed before the record above it in the data"
