"""What search engines and assistive tools read in every built page's head and footer, both languages."""

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml

from browsing import language_of, page_paths
from conftest import REAL_SITE
from peersite.open_data.downloads import downloads
from peersite.pages.environment import labels
from peersite.pages.site_config import read_config

ROOT = Path(__file__).resolve().parents[2]
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
# The statements every footer links, named as the labels name them.
STATEMENTS = {
    language: {f"{prefix}accessibility/": labels()["accessibility_statement"][language],
               f"{prefix}privacy/": labels()["privacy_statement"][language]}
    for language, prefix in (("da", ""), ("en", "en/"))
}


class PageFacts(HTMLParser):
    """The <html lang>, <meta> and <link> tags, and the footer's links with their text, of one page."""

    def __init__(self):
        super().__init__()
        self.lang = None
        self.metas: list[dict] = []
        self.links: list[dict] = []
        self.footer_links: list[tuple[str, str]] = []
        self._in_footer = False
        self._href = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "meta":
            self.metas.append(attrs)
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "footer":
            self._in_footer = True
        elif tag == "a" and self._in_footer:
            self._href = attrs.get("href")
            self.footer_links.append((self._href, ""))

    def handle_data(self, data):
        if self._href is not None:
            href, text = self.footer_links[-1]
            self.footer_links[-1] = (href, text + data)

    def handle_endtag(self, tag):
        if tag == "a":
            self._href = None
        elif tag == "footer":
            self._in_footer = False


def read_page(site_dir: Path, path: str) -> PageFacts:
    """Parse a built page given by its URL path."""
    file = site_dir / path / "index.html" if not path.endswith(".html") else site_dir / path
    parser = PageFacts()
    parser.feed(file.read_text(encoding="utf-8"))
    return parser


def url_path_of(source: str) -> str:
    """The URL path MkDocs gives a docs/ Markdown file: 'models/x.en.md' -> 'en/models/x/'."""
    stem = source.removesuffix(".md")
    prefix = "en/" if stem.endswith(".en") else ""
    parts = stem.removesuffix(".en").split("/")
    if parts[-1] == "index":
        parts.pop()
    return prefix + "".join(f"{part}/" for part in parts)


def front_matter(markdown: str) -> dict:
    """A Markdown page's YAML front matter, or {}."""
    match = re.match(r"---\n(.*?)\n---\n", markdown, re.S)
    return yaml.safe_load(match[1]) if match else {}


@pytest.fixture(scope="session")
def public_url() -> str:
    """The public address the site is built for (SITE_URL, or mkdocs.yml's default)."""
    return read_config(ROOT).site_url


@pytest.fixture(scope="session")
def content_pages(built_site) -> list[str]:
    """Every built page but the 404 pages."""
    return [path for path in page_paths(built_site) if not path.endswith("404.html")]


def test_every_page_has_the_lang_of_its_language(built_site):
    """<html lang> is da at the root and en under /en/, 404 pages included."""
    wrong = {path: read_page(built_site, path).lang for path in page_paths(built_site)}
    wrong = {path: lang for path, lang in wrong.items() if lang != language_of(path)}
    assert wrong == {}


def test_every_page_shows_the_description_from_its_front_matter(built_site):
    """Each docs/ page, hand-written or generated, declares a description that its built page carries."""
    problems = []
    for source in sorted(ROOT.joinpath("docs").rglob("*.md")):
        relative = source.relative_to(ROOT / "docs").as_posix()
        declared = front_matter(source.read_text(encoding="utf-8")).get("description")
        shown = [m["content"] for m in read_page(built_site, url_path_of(relative)).metas if m.get("name") == "description"]
        if not declared:
            problems.append(f"docs/{relative}: add `description:` to the front matter")
        elif shown != [declared.strip()]:
            problems.append(f"docs/{relative}: built page shows {shown!r}, front matter says {declared!r}")
    assert problems == []


def test_both_languages_have_described_pages(built_site, content_pages):
    """Danish and English pages alike carry one non-empty meta description."""
    for path in content_pages:
        descriptions = [m.get("content", "") for m in read_page(built_site, path).metas if m.get("name") == "description"]
        assert len(descriptions) == 1 and descriptions[0].strip(), path
    assert {language_of(path) for path in content_pages} == {"da", "en"}


def test_every_page_has_one_canonical_url_of_its_own(built_site, content_pages, public_url):
    """Exactly one canonical link, and it names the page's own public address."""
    for path in content_pages:
        canonical = [link["href"] for link in read_page(built_site, path).links if link.get("rel") == "canonical"]
        assert canonical == [public_url + path], path


def test_no_page_head_has_alternate_links(built_site):
    """Material's script would fetch "sitemap.xml" beside each <link rel="alternate">: none may be there."""
    with_alternates = [
        path for path in page_paths(built_site)
        if any(link.get("rel") == "alternate" for link in read_page(built_site, path).links)
    ]
    assert with_alternates == []


def test_sitemap_lists_every_page_with_its_alternates(built_site, content_pages, public_url):
    """sitemap.xml has every page of both languages, each naming its Danish, English and x-default (Danish) version,
    and the downloads, which are the same file in both languages."""
    sitemap = ET.parse(built_site / "sitemap.xml").getroot()
    listed = {}
    for url in sitemap.findall("s:url", SITEMAP):
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", SITEMAP)}
        listed[url.findtext("s:loc", namespaces=SITEMAP)] = alternates
    files = {public_url + file.path for file in downloads(REAL_SITE)}
    assert set(listed) == {public_url + path for path in content_pages} | files
    assert [listed[file] for file in files if listed[file]] == []
    for path in content_pages:
        danish = path.removeprefix("en/")
        expected = {"da": public_url + danish, "en": f"{public_url}en/{danish}", "x-default": public_url + danish}
        assert listed[public_url + path] == expected, path


def test_footer_links_to_the_statements_in_the_page_language(built_site, public_url):
    """Every page's footer links to the accessibility and privacy statements of its own language."""
    for path in page_paths(built_site):
        language = language_of(path)
        links = read_page(built_site, path).footer_links
        found = {}
        for href, text in links:
            target = urljoin(public_url + path, href).removeprefix(public_url)
            if target in STATEMENTS[language]:
                found[target] = text.strip()
        assert found == STATEMENTS[language], path
        for target in found:
            assert (built_site / target / "index.html").is_file(), target
