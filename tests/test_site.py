"""The real site, built strictly: every data page in both languages, linked to its counterpart."""

import re
from html.parser import HTMLParser
from urllib.parse import urljoin

import pytest

from conftest import FAKE_REPO_URL, REAL_SITE
from peersite.pages.page_table import PAGES, page_url

MODEL_IDS = [model.id for model in REAL_SITE.models]
EVIDENCE_IDS = [source.id for source in REAL_SITE.evidence]
INDEX_PAGES = [page_url(page.source, "da") for page in PAGES]


class Links(HTMLParser):
    """Every <a> on a page, with its attributes."""

    def __init__(self):
        super().__init__()
        self.anchors: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.anchors.append(dict(attrs))


def anchors(html: str) -> list[dict]:
    """The attributes of every link in html."""
    parser = Links()
    parser.feed(html)
    return parser.anchors


def read_page(site, url_path: str) -> str:
    """The built HTML of a page given by its URL path."""
    return (site / url_path / "index.html").read_text(encoding="utf-8")


def counterpart_link(html: str, page_url: str, language: str) -> str:
    """Where the language switcher's link to `language` leads from a page."""
    links = [a["href"] for a in anchors(html) if a.get("hreflang") == language and "md-select__link" in a.get("class", "")]
    assert len(links) == 1, f"expected one switcher link to {language} on {page_url}"
    return urljoin(page_url, links[0])


@pytest.mark.parametrize("path", INDEX_PAGES + [f"models/{i}/" for i in MODEL_IDS] + [f"evidence/{i}/" for i in EVIDENCE_IDS])
def test_page_exists_in_both_languages_and_switches_to_its_counterpart(built_site, path):
    danish_url, english_url = f"http://site/{path}", f"http://site/en/{path}"
    danish, english = read_page(built_site, path), read_page(built_site, f"en/{path}")
    assert '<html lang="da"' in danish and '<html lang="en"' in english
    assert counterpart_link(danish, danish_url, "en") == english_url
    assert counterpart_link(english, english_url, "da") == danish_url


@pytest.mark.parametrize("model_id", MODEL_IDS)
def test_model_page_edit_link_points_at_its_record(built_site, model_id):
    line = REAL_SITE.by_id["models"][model_id].line
    expected = f"{FAKE_REPO_URL}/blob/main/content/data.yml#L{line}"
    for path in (f"models/{model_id}/", f"en/models/{model_id}/"):
        edit = [a["href"] for a in anchors(read_page(built_site, path)) if "md-content__button" in a.get("class", "")]
        assert edit == [expected]


def test_models_table_links_every_model_and_navigation_does_not(built_site):
    for prefix in ("", "en/"):
        html = read_page(built_site, f"{prefix}models/")
        table = re.search(r"<table>.*?</table>", html, re.S).group(0)
        linked = {a["href"] for a in anchors(table)}
        assert {f"{model_id}/" for model_id in MODEL_IDS} <= linked
        navigation = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>', html, re.S).group(0)
        assert not [model_id for model_id in MODEL_IDS if f"{model_id}/" in navigation]


def test_not_found_page_in_each_language(built_site):
    danish = (built_site / "404.html").read_text(encoding="utf-8")
    english = (built_site / "en" / "404.html").read_text(encoding="utf-8")
    assert '<html lang="da"' in danish and "<h1>Siden findes ikke</h1>" in danish
    assert '<html lang="en"' in english and "<h1>Page not found</h1>" in english


def test_theme_loads_nothing_from_other_hosts(built_site):
    pattern = re.compile(r'<(?:script|link|img|iframe)\b[^>]*(?:src|href)="(?:https?:)?//', re.I)
    offenders = [
        f"{page.relative_to(built_site)}: {match.group(0)}"
        for page in built_site.rglob("*.html") for match in pattern.finditer(page.read_text(encoding="utf-8"))
        if 'rel="canonical"' not in match.group(0) and 'rel="alternate"' not in match.group(0)
    ]
    assert offenders == []
