"""Where a reader is and when a page was checked: the navigation marks the current page (a record
page's listing page), model pages lead to the previous and next model, and every knowledge page ends
with the day it was last reviewed."""

import re

import pytest

from conftest import REAL_SITE, site_pages
from peersite.pages.page_table import PAGES, page_url
from peersite.pages.render import labels, localise

PREFIX = {"da": "", "en": "en/"}
STATEMENTS = {page_url(page.source, "da") for page in PAGES if not page.in_nav}


def read(site, path: str) -> str:
    """A built page's HTML, by its URL path."""
    return (site / path / "index.html").read_text(encoding="utf-8")


def long_date(iso: str, language: str) -> str:
    """A date as the pages write it."""
    words = localise(labels(), language)
    year, month, day = (int(part) for part in iso.split("-"))
    return words["date_pattern"].format(day=day, month=words["months"][month - 1], year=year)


def active_links(html: str) -> list[str]:
    """The links of the navigation marked as the current page, or as the section the page is in."""
    navigation = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>', html, re.S)[0]
    return re.findall(r'md-nav__item--active">\s*<a href="([^"]+)"', navigation) + re.findall(
        r'<a href="([^"]+)" class="md-nav__link md-nav__link--active"', navigation)


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize(("section", "ids"), [
    ("models", [model.id for model in REAL_SITE.models]),
    ("evidence", [source.id for source in REAL_SITE.evidence]),
])
def test_a_record_page_marks_its_listing_page_in_the_navigation(built_site, language, section, ids):
    for id in ids:
        assert active_links(read(built_site, f"{PREFIX[language]}{section}/{id}/")) == ["../"], id
    assert active_links(read(built_site, f"{PREFIX[language]}{section}/")) == ["./"]


@pytest.mark.parametrize("language", ["da", "en"])
def test_model_pages_lead_to_the_previous_and_next_model(built_site, language):
    words = localise(labels(), language)
    models = [model.id for model in REAL_SITE.models]
    for index, id in enumerate(models):
        pager = re.search(r'<div[^>]*class="model-pager"[^>]*>(.*?)</div>', read(built_site, f"{PREFIX[language]}models/{id}/"), re.S)[1]
        links = re.findall(r'href="([^"]+)"', pager)
        expected = ([f"../{models[index - 1]}/"] if index else []) + ["../"] + (
            [f"../{models[index + 1]}/"] if index + 1 < len(models) else [])
        assert links == expected, id
        assert (words["previous_model"] in pager) == (index > 0)
        assert (words["next_model"] in pager) == (index + 1 < len(models))


def knowledge_pages(site) -> list[str]:
    """Every built page but the 404 pages and the statements, by URL path."""
    paths = [p.parent.relative_to(site).as_posix() for p in site_pages(site, "index.html")]
    paths = ["" if path == "." else f"{path}/" for path in paths]
    return sorted(path for path in paths if path.removeprefix("en/") not in STATEMENTS)


def test_every_knowledge_page_ends_with_the_day_it_was_last_reviewed(built_site):
    records = {f"models/{model.id}/": model for model in REAL_SITE.models}
    records |= {f"evidence/{source.id}/": source for source in REAL_SITE.evidence}
    records["find-support/"] = REAL_SITE.find_support  # its numbers and offers are checked on a day of their own
    pages = knowledge_pages(built_site)
    assert len(pages) > 60
    missing = []
    for path in pages:
        language = "en" if path.startswith("en/") else "da"
        record = records.get(path.removeprefix("en/"))
        date = long_date((record and record.reviewed) or REAL_SITE.site.reviewed, language)
        line = re.search(r'<p class="page-reviewed">(.*?)</p>', read(built_site, path), re.S)
        if not line or f"{localise(labels(), language)['last_reviewed']}: {date}." not in line[1]:
            missing.append(path or "/")
    assert missing == []
