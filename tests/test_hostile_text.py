"""Nothing an editor writes in content/data.yml can put markup or script on a page: `make check` refuses
it with a located message, and whatever still reached the build would come out as text.
Texts that look like Markdown ("7. december", "- ", "# ") are published as written."""

import json
import re
from html import unescape
from html.parser import HTMLParser

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import copy_project, run_mkdocs_build, run_peersite, write_data
from peersite.pages.render import render_site
from peersite.pages.site_config import read_config
from peersite.pages.site_files import write_site_files
from peersite.data.validate import DATA_PATH, load_site

# One hostile text of each kind, with a word to find it by.
PAYLOADS = {
    "script": "<script>alert('script')</script>",
    "img-onerror": "<img src=x onerror=alert('img')>",
    "iframe": '<iframe src="https://evil.example/"></iframe>',
    "svg-onload": "<svg onload=alert('svg')>",
    "style-url": '<span style="background:url(javascript:alert(\'style\'))">x</span>',
    "entity-link": "[klik](jav&#x61;script:alert('entity'))",
    "javascript-link": "[klik](javascript:alert('link'))",
    "mixed-case-link": "[klik](JaVaScRiPt:alert('case'))",
    "data-link": "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "html-link": "<a href=\"javascript:alert('a')\">klik</a>",
    "image": "![pixel](https://evil.example/pixel.png)",
    "link-definition": "[ref]: javascript:alert('ref')",
    "autolink": "<https://evil.example/>",
    "attribute-list": "Tekst { onclick=\"alert('attr')\" }",
}
# Texts that look like Markdown at the start of a line, and must read exactly as written.
LITERAL = {
    "date": "7. december 2020 til 16. oktober 2022",
    "dash": "- ikke en liste",
    "hash": "# ikke en overskrift",
    "quote": "> ikke et citat",
    "number-parenthesis": "1) ikke en nummereret liste",
    "star": "* heller ikke en liste",
    "colon": ": ikke en definition",
    "rule": "---",
}
# Text fields of minimal.yml that stand in different places of the pages: paragraphs, list items,
# headings, table cells, definitions, tooltips.
FIELDS = [
    "  summary: {da: Et forsøg., en: A trial.}\n  start_years",
    "afterwards: {da: Et partnerskab blev dannet., en: A partnership was formed.}",
    "all_parties: {da: Mere håb., en: More hope.}",
    "      - {da: Bedre netværk., en: A better network.}",
    "      - {da: Mindre selvstigma., en: Less self-stigma.}",
    "      - {da: Mere lige møder., en: More equal meetings.}",
    "summary: {da: Lønnede peers i teams., en: Paid peers in teams.}",
    "target_group: {da: Voksne, en: Adults}",
    "peer_does: {da: Støtter i samtaler., en: Gives support in conversations.}",
    "after_trial: {da: Peers fortsatte., en: Peers continued.}",
    "summary: {da: Et partnerskab., en: A partnership.}",
    "summary: {da: Et gruppekursus., en: A group course.}",
    "after_trial: {da: Det fortsatte., en: It continued.}",
    "summary: {da: En evaluering., en: An evaluation.}",
    "      - {da: Bedre recovery., en: Better recovery.}",
]


def texts_in_fields(texts: list[str]) -> list[tuple[str, str]]:
    """(old, new) replacements that put each text, in both languages, into a field of minimal.yml."""
    assert len(texts) <= len(FIELDS)
    replacements = []
    for field, text in zip(FIELDS, texts):
        prefix, suffix = field[: field.index("{")], field[field.index("}") + 1:]
        quoted = json.dumps(text, ensure_ascii=False)
        replacements.append((field, f"{prefix}{{da: {quoted}, en: {quoted}}}{suffix}"))
    return replacements


# Braces are text to the check; the build escapes them (the built-site test below).
@pytest.mark.parametrize("kind", [kind for kind in PAYLOADS if kind != "attribute-list"])
def test_check_refuses_markup_with_its_place_and_a_fix(tmp_path, kind):
    write_data(tmp_path, *texts_in_fields([PAYLOADS[kind]]))
    result = run_peersite(tmp_path, "check")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines[-1] == "2 errors in content/data.yml; nothing was built.", result.stderr
    for line, language in zip(lines, ("da", "en")):
        assert re.match(rf"content/data\.yml:27:\d+: national_trial\.summary\.{language}: .+ — .+", line), line


class Offences(HTMLParser):
    """What in a page could run script or load from elsewhere, unless the theme put it there."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        # JSON-LD is data, not script: the texts in it are JSON strings, with "<" escaped so none can end it.
        self._in_script = tag == "script" and dict(attrs).get("type") != "application/ld+json"
        for name, value in attrs:
            value = unescape(value or "").strip().lower().replace(" ", "")
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            elif name in ("href", "src", "action", "formaction", "xlink:href") and re.match(r"(javascript|data|vbscript):", value):
                self.found.append(f"<{tag} {name}={value[:30]}>")
            elif name == "style" and ("url(" in value or "javascript" in value):
                self.found.append(f"<{tag} style={value[:30]}>")
        if tag in ("iframe", "img", "object", "embed", "frame"):
            self.found.append(f"<{tag}>")

    def handle_data(self, data):
        if self._in_script and "alert(" in data:
            self.found.append(f"<script>{data[:30]}")

    def handle_endtag(self, tag):
        self._in_script = False


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """A site built with every hostile text, as if `make check` had let them through."""
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    write_data(project, *texts_in_fields(list(PAYLOADS.values())))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("peersite.data.fields.markup_problem", lambda text: None)
        patch.setattr("peersite.data.fields.stray_quotes", lambda text, quoting: [])  # the quotes in the HTML
        patch.chdir(project)
        site = load_site(project / DATA_PATH)
        write_site_files(project, read_config(project), site, render_site(site))
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"), strict=False))
    return project / "site"


def test_no_hostile_text_becomes_markup_on_any_page(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 20
    offences = []
    for page in pages:
        parser = Offences()
        parser.feed(page.read_text(encoding="utf-8"))
        offences += [f"{page.relative_to(hostile_site)}: {found}" for found in parser.found]
    assert offences == []
    # The texts are there, as text: the reader sees what the editor wrote.
    trial = (hostile_site / "partnerships" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#39;script&#39;)&lt;/script&gt;" in trial or "&lt;script&gt;alert('script')&lt;/script&gt;" in trial


@pytest.fixture(scope="module")
def literal_site(tmp_path_factory):
    """A site whose texts start like Markdown, built as an editor builds it."""
    project = copy_project(tmp_path_factory.mktemp("literal"))
    write_data(project, *texts_in_fields(list(LITERAL.values())))
    result = run_mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.mark.parametrize("language", ["", "en/"], ids=["da", "en"])
def test_texts_that_look_like_markdown_read_as_written(literal_site, language):
    articles = [
        re.search(r"<article[^>]*>(.*)</article>", (literal_site / language / page / "index.html").read_text(encoding="utf-8"), re.S).group(1)
        for page in ("partnerships", "models/model-a")
    ]
    shown = {" ".join(line.split()) for article in articles for line in unescape(re.sub(r"<[^>]+>", "\n", article)).splitlines()}
    assert [text for text in LITERAL.values() if text not in shown] == []
    # None became a heading, list, quotation or rule: each page has its title and its own lists only.
    made = [tag for article in articles for tag in re.findall(r"<(h1|ol|blockquote|hr)\b", article)]
    assert made == ["h1", "h1"]


# Texts an editor writes every day, which must read exactly as written wherever a page names them.
EVERYDAY_TITLES = {"rct": "Sind & Pårørende: p < 0,05", "evaluation": "1. del af »Håb« 👨‍👩‍👧"}


@pytest.fixture(scope="module")
def everyday_site(tmp_path_factory):
    """A site whose sources are named with an ampersand, a less-than sign, a leading "1.", quotes and emoji."""
    project = copy_project(tmp_path_factory.mktemp("everyday"))
    names = {"rct": "kind: rct\n    name: {da: Forsøget, en: The trial}", "evaluation": "kind: evaluation\n    name: {da: Evaluering, en: Evaluation}"}
    # The English title quotes as English does (“…”), the Danish one as Danish (»…«): `make check` asks for each.
    english = {id: text.replace("»", "“").replace("«", "”") for id, text in EVERYDAY_TITLES.items()}
    write_data(project, *[(names[id], names[id].split("name:")[0] + f"name: {{da: {json.dumps(text, ensure_ascii=False)}, en: {json.dumps(english[id], ensure_ascii=False)}}}")
                          for id, text in EVERYDAY_TITLES.items()])
    result = run_mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.mark.parametrize("source_id", EVERYDAY_TITLES)
def test_everyday_texts_read_as_written_in_title_json_ld_and_search(everyday_site, source_id):
    """The page's <title>, its heading, its JSON-LD (plain text, escaped only as JSON) and the search index."""
    text = EVERYDAY_TITLES[source_id]
    page = (everyday_site / "evidence" / source_id / "index.html").read_text(encoding="utf-8")
    assert unescape(re.search(r"<title>(.*?)</title>", page, re.S).group(1)).startswith(text)
    assert unescape(re.sub(r"<[^>]+>", "", re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S).group(1))).rstrip("¶").strip() == text
    structured = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    assert "&amp;" not in structured and "&lt;" not in structured and "<" not in structured
    assert json.loads(structured)["name"] == text
    index = json.loads((everyday_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {unescape(re.sub(r"<[^>]+>", "", entry["title"])) for entry in index["docs"]}
    assert text in titles
