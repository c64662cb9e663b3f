"""A reader looking for support: the home page's first path leads to it, the page starts with help in a
crisis, names only the web addresses the data gives, and the course page says how to join before any
trial figure. The course and model 2 are told apart wherever a reader could confuse them."""

import dataclasses
import html
import json
import re

import pytest

from conftest import REAL_SITE
from peersite.open_data.export import dataset
from peersite.pages.render import labels, localise
from peersite.data.schema import HelpSource

PREFIX = {"da": "", "en": "en/"}


def page(site, language: str, path: str) -> str:
    """A built page's HTML."""
    return (site / PREFIX[language] / path / "index.html").read_text(encoding="utf-8")


def article(html: str) -> str:
    """The main content of a page."""
    return re.search(r"<article[^>]*>(.*)</article>", html, re.S).group(1)


def text(markup: str) -> str:
    """A piece of HTML as the words a reader sees: inline tags dropped, blocks apart."""
    inline = re.sub(r"</?(?:a|abbr|em|strong|span|code)\b[^>]*>", "", markup)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", inline)).split())


@pytest.mark.parametrize("language", ["da", "en"])
def test_home_opens_with_a_heading_and_three_paths_find_support_first(built_site, language):
    home = article(page(built_site, language, ""))
    heading = text(re.search(r"<h1[^>]*>(.*?)</h1>", home, re.S)[1])
    assert heading.startswith(("Peer-støtte i ", "Peer support in ")), heading
    paths = re.findall(r'<h2 id="[^"]+">(.*?)<a class="headerlink"', home)
    assert len(paths) == 3
    title = localise(REAL_SITE.site.pages.find_support.title, language)
    assert paths[0] == title
    first_action = re.search(r'<a class="md-button md-button--primary" href="([^"]+)">', home)
    assert first_action and first_action[1] == "find-support/"
    # The editors' way in is on the about page, not a path of its own.
    about = article(page(built_site, language, "about"))
    assert "CONTRIBUTING.md" in about and "CONTRIBUTING.md" not in home


@pytest.mark.parametrize("language", ["da", "en"])
def test_crisis_help_comes_first_with_its_sources_and_the_day_each_was_checked(built_site, language):
    content = article(page(built_site, language, "find-support"))
    crisis = REAL_SITE.find_support.crisis
    box = re.search(r'<div class="admonition warning crisis" id="help-now">(.*?)</div>', content, re.S)
    assert box, "no crisis box"
    before = re.search(r"</h1>(.*?)<div class=\"admonition warning crisis\"", content, re.S)
    assert before and not text(before[1]), "something stands between the page's title and the crisis box"
    box_text = text(box[0])
    words = localise(labels(), language)
    for number in crisis.numbers:
        assert localise(number.name, language) in box_text
        assert f'href="tel:{number.number.tel}"' in box[0]
        for source in number.sources:
            assert (source.name or source.site or source.url.split("//")[1].split("/")[0]) in box_text
            year, month, day = (int(part) for part in source.checked.split("-"))
            assert words["date_pattern"].format(day=day, month=words["months"][month - 1], year=year) in box_text
    assert localise(crisis.doctor, language) in box_text


def help_sources(value) -> list:
    """Every page a help fact of the find-support section was seen on."""
    if isinstance(value, HelpSource):
        return [value]
    if isinstance(value, list):
        return [source for item in value for source in help_sources(item)]
    if dataclasses.is_dataclass(value):
        return [source for field in dataclasses.fields(value) for source in help_sources(getattr(value, field.name))]
    return []


@pytest.mark.parametrize("language", ["da", "en"])
def test_find_support_links_only_to_addresses_the_data_gives(built_site, language):
    content = article(page(built_site, language, "find-support"))
    edit = re.search(r'<a href="[^"]+" title="[^"]+" class="md-content__button[^>]*>', content)[0]
    outside = set(re.findall(r'href="(https?://[^"]+)"', content.replace(edit, "")))
    support = REAL_SITE.find_support
    known = {organisation.url for organisation in REAL_SITE.organisations if organisation.url}
    known |= {source.url or f"https://{source.site}/" for source in help_sources(support) if source.url or source.site}
    # Links an editor wrote in the section's texts, like where to find a number the sources do not give.
    known |= set(re.findall(r"\]\((https?://[^)\s]+)\)", json.dumps(dataset(REAL_SITE)["data"]["find_support"], ensure_ascii=False)))
    assert outside and outside <= known
    assert {"https://peerpartnerskabet.dk", "https://sindpaaroerende.dk"} <= outside
    for offer in support.offers:
        assert localise(offer.name, language) in text(content)


@pytest.mark.parametrize("language", ["da", "en"])
def test_course_page_says_how_to_join_first_and_folds_the_figures(built_site, language):
    content = article(page(built_site, language, "course"))
    words = localise(labels(), language)
    headings = [text(h) for h in re.findall(r"<h2[^>]*>(.*?)<a class=\"headerlink\"", content)]
    assert headings[0] == words["how_to_join"]
    details = re.search(r"<details[^>]*>(.*?)</details>", content, re.S)
    assert details and words["results_figures"] in details[1]
    figure = "p &lt; 0,001" if language == "da" else "p &lt; 0.001"
    assert figure in details[1] and figure not in content.replace(details[0], "")
    assert "https://peerpartnerskabet.dk" in content


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("path", ["course", "models", "models/bro-til-hverdagslivet", "evidence-map", "find-support"])
def test_the_course_and_model_2_are_told_apart(built_site, language, path):
    assert " ".join(localise(REAL_SITE.course_and_model.text, language).split()) in text(article(page(built_site, language, path)))

