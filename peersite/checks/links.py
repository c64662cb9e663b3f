"""Where the site's links go: edit links to a page's source, the web addresses the data names, and the links
of hand-written pages to the site's own pages and their anchors."""

import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

import markdown
from markdown.extensions.toc import TocExtension
from pymdownx.slugs import slugify

from .. import LANGUAGES, default_source, language_of_source, source_file
from ..data.fields import Doi, Field, ListOf, RecordOf, SiteName, Url, field_kinds, join, site_address, suggestion
from ..messages import _
from ..pages.page_table import DOCS_DIR, PAGES
from ..data.problems import Problem
from ..pages.render import Rendering
from ..pages.snippets import fill_snippets
from ..data.validate import DATA_PATH
from ..pages.write import hand_written_pages

DOI_RESOLVER = "https://doi.org/"
# Where a web address written in YAML ends: at a space, a quote, a comment or the end of a flow collection.
VALUE_END = r"(?![^\s\"'#,\]}])"


def edit_url(repo_url: str | None, branch: str, src_uri: str, data_line: int | None) -> str | None:
    """GitHub URL to edit a page's source on a branch, or None when the site has no repository."""
    if not repo_url:
        return None
    repo = repo_url.rstrip("/")
    if data_line:
        return f"{repo}/blob/{branch}/{DATA_PATH}#L{data_line}"
    return f"{repo}/edit/{branch}/{DOCS_DIR}/{src_uri}"


def web_addresses(record) -> dict[str, list[tuple[int, str]]]:
    """Every web address in a record and the records it holds (their url fields, their DOIs at doi.org and the roots
    of the sites they name), each with where it is named: the line of the record that names it, and the field."""
    found: dict[str, list[tuple[int, str]]] = {}

    def walk(record, where: str) -> None:
        for name, kind in field_kinds(type(record)).items():
            value, item_kind = getattr(record, name), kind.item if isinstance(kind, ListOf) else kind
            for index, item in enumerate((value if isinstance(kind, ListOf) else [value]) if value else []):
                here = f"{join(where, name)}[{index}]" if isinstance(kind, ListOf) else join(where, name)
                if isinstance(item_kind, RecordOf):
                    walk(item, here)
                elif address := web_address(item, item_kind):
                    found.setdefault(address, []).append((record.line, here))

    walk(record, "")
    return found


def address_place(lines: list[str], url: str, record_line: int) -> tuple[int, int]:
    """Line and column of the address (or the DOI, or the site name it was made of) in the record starting at
    record_line; the record's own line when it is written otherwise."""
    forms = (url, url.removeprefix(DOI_RESOLVER), url.removeprefix("https://").removesuffix("/"))
    for form in forms:
        pattern = re.compile(re.escape(form) + VALUE_END)
        for number in range(record_line - 1, len(lines)):
            if match := pattern.search(lines[number]):
                return number + 1, match.start() + 1
    return record_line, 1


def web_address(value: str, kind: Field) -> str | None:
    """The web address a value of a field kind leads to: an address itself, a DOI at doi.org, a site's root."""
    if isinstance(kind, Url):
        return value
    if isinstance(kind, Doi):
        return DOI_RESOLVER + value
    if isinstance(kind, SiteName):
        return site_address(value)
    return None


def unencrypted_addresses(site, text: str) -> list[Problem]:
    """A warning for each web address the data (site, read from text) names with http://, where it is written: anyone
    on the way can change what it shows."""
    lines = text.split("\n")
    return [Problem(*address_place(lines, address, record_line), where,
                    _("'{address}' is not encrypted (http://) — write https:// if the site answers there", address=address))
            for address, places in web_addresses(site).items() if address.startswith("http://") for record_line, where in places]


# How MkDocs turns a page into HTML (mkdocs.yml's markdown_extensions; tests/test_page_links.py keeps the two
# alike): the ids a link's #anchor may name are the ones these make.
MARKDOWN_EXTENSIONS = ("admonition", "attr_list", "def_list", "fenced_code", "md_in_html", "tables")
HEADING_IDS = {"slugify": slugify(case="lower")}  # the toc extension's
# A Markdown link's target: inline `](target)` (an image's too), or a reference definition `[name]: target`.
LINK_TARGET = re.compile(r"\]\(\s*<?([^\s)>]*)|^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)", re.MULTILINE)
CODE_SPAN = re.compile(r"(`+).*?\1")
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)  # a page's front matter, its YAML the group
ID = re.compile(r'\bid="([^"]+)"')


def prose_lines(text: str) -> list[str]:
    """A page's lines with its front matter, code blocks and code spans blanked out: nothing in code is read as a
    link, and every column stays where it was."""
    front = FRONT_MATTER.match(text)
    skipped = front.group().count("\n") if front else 0
    lines, in_code = text.split("\n"), False
    for number, line in enumerate(lines):
        fence = number >= skipped and line.lstrip().startswith(("```", "~~~"))
        if number < skipped or in_code or fence:
            lines[number] = " " * len(line)
        else:
            lines[number] = CODE_SPAN.sub(lambda match: " " * len(match.group()), line)
        in_code ^= fence
    return lines


def page_anchors(markdown_text: str) -> set[str]:
    """The ids of a page's headings and elements, as MkDocs makes them."""
    converter = markdown.Markdown(extensions=[*MARKDOWN_EXTENSIONS, TocExtension(**HEADING_IDS)])
    return set(ID.findall(converter.convert(FRONT_MATTER.sub("", markdown_text))))


def broken_page_links(docs_dir: Path, rendered: Rendering | None) -> list[Problem]:
    """A problem for each link of a hand-written page to a page or #anchor the site does not have.

    `rendered` is render_site's output: the pages made from the data, and the snippets hand-written pages take.
    Without it (the data cannot be read), links are checked against the pages that do not depend on the data only,
    neither into the folders of record pages nor to anchors.
    """
    hand_written = {name: (docs_dir / name).read_text(encoding="utf-8") for name in hand_written_pages(docs_dir)}
    if rendered:
        pages = dict(rendered.pages) | {name: fill_snippets(text, rendered.snippets[language_of_source(name)])
                                        for name, text in hand_written.items()}
        unknowable = set()
    else:
        pages = dict.fromkeys([source_file(page.source, language) for page in PAGES for language in LANGUAGES] + list(hand_written))
        unknowable = {page.folder for page in PAGES if page.records}
    known = sorted({default_source(name) for name in pages})
    anchors: dict[str, set[str] | None] = {}

    def ids(name: str) -> set[str] | None:
        """The anchors of a page, or None when they cannot be known."""
        if name not in anchors:
            anchors[name] = page_anchors(pages[name]) if pages.get(name) is not None else None
        return anchors[name]

    problems = []
    for name, text in hand_written.items():
        for number, line in enumerate(prose_lines(text), start=1):
            for match in LINK_TARGET.finditer(line):
                group = 1 if match.group(1) is not None else 2
                what = page_link_problem(match.group(group), name, known, unknowable, ids)
                if what:
                    problems.append(Problem(number, match.start(group) + 1, "", _("link '{target}': {problem}", target=match.group(group), problem=what),
                                            path=f"{DOCS_DIR}/{name}"))
    return problems


def page_link_problem(target: str, page: str, known: list[str], unknowable: set[str], ids) -> str | None:
    """What is wrong with a link of a hand-written page, and how to fix it; None when it leads to a page of the site
    (and an anchor there), or elsewhere than to the site's pages."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not (parts.path or parts.fragment):
        return None  # another site, mail, a phone number, or an empty target Markdown leaves as text
    if posixpath.splitext(parts.path)[1] not in ("", ".md"):
        return None  # a picture or a download: the build checks those
    folder = posixpath.dirname(page) or "."
    path = posixpath.normpath(posixpath.join(folder, parts.path.lstrip("/"))) if parts.path else page
    if not path.endswith(".md"):  # an address such as `models/`: which page it means, if any
        path = next((name for name in (f"{path}.md", f"{path}/index.md") if name in known), path)
    instead = f"'{posixpath.relpath(path, folder)}'" if path in known else _("its Markdown file, relative to this page")
    if parts.path.startswith("/"):
        return _("a link from the top of the host breaks where the site is not at the top, as in a pull request's preview"
                 " — link to {instead}", instead=instead)
    if path.startswith("../"):
        return _("leads out of {folder}/ — link to a page of the site by its Markdown file, relative to this page", folder=DOCS_DIR)
    if parts.path and not parts.path.endswith(".md"):
        return _("an address, not a page's file — link to {instead}", instead=instead)
    if default_source(path) not in known:
        if posixpath.dirname(path) in unknowable:
            return None
        meant = suggestion(parts.path, [posixpath.relpath(name, folder) for name in known]).strip()
        return _("there is no page {page} — {fix}", page=f"{DOCS_DIR}/{path}",
                 fix=meant or _("link to a page by its Markdown file, relative to this page"))
    target = source_file(default_source(path), language_of_source(page))
    present = ids(target) if parts.fragment else None
    if present is None or parts.fragment in present:
        return None
    meant = suggestion(parts.fragment, sorted(present)).strip()
    missing = _("{page} has no heading or anchor '#{anchor}'", page=f"{DOCS_DIR}/{target}", anchor=parts.fragment)
    return f"{missing} — {meant}" if meant else missing
