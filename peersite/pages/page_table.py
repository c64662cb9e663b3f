"""The site's pages in one table: which are hand-written and which generated, from which template,
and where they stand in the navigation. Rendering, writing, the navigation and the tests read it."""

from dataclasses import dataclass
from posixpath import basename, dirname

from .. import source_file, url_prefix

DOCS_DIR = "docs"
FIND_SUPPORT = "find-support/index.md"
HELP_NOW_ANCHOR = "help-now"  # the crisis box on the find-support page, which every page's header links to


@dataclass(frozen=True)
class SitePage:
    """A page: hand-written in docs/, or generated from the data through `templates/<texts>.md.j2`."""

    source: str  # the Danish page's Markdown file, relative to docs/
    texts: str | None = None  # generated: the key of its title, intro and description in site.pages
    records: str | None = None  # a collection that gets a page per record in this page's folder ...
    record_template: str | None = None  # ... made with this template
    in_nav: bool = True
    search_boost: float | None = None  # how much more its words weigh in search (Material's search: boost)

    @property
    def template(self) -> str | None:
        """The template that generates this page, if it is generated."""
        return f"{self.texts}.md.j2" if self.texts else None

    @property
    def folder(self) -> str:
        """The folder of docs/ the page stands in ('' for the top)."""
        return dirname(self.source)


PAGES = (
    SitePage("index.md"),
    # The answer to a reader typing "krise", "112" or "help now" comes first; 3 would also take "vejen til
    # hverdagslivet" and "recovery school" from the pages about them (scripts/search_report.py shows it).
    SitePage(FIND_SUPPORT, texts="find_support", search_boost=2),
    SitePage("what-is-peer-support/index.md", texts="what"),
    SitePage("peer-roles/index.md", texts="roles"),
    SitePage("models/index.md", texts="models", records="models", record_template="model.md.j2"),
    SitePage("course/index.md", texts="course"),
    SitePage("partnerships/index.md", texts="partnerships"),
    SitePage("evidence/index.md", texts="evidence", records="evidence", record_template="source.md.j2"),
    SitePage("evidence-map/index.md", texts="evidence_map"),
    SitePage("evidence-levels/index.md", texts="evidence_levels"),
    SitePage("materials/index.md", texts="materials"),
    SitePage("getting-started.md"),
    SitePage("glossary/index.md", texts="glossary"),
    SitePage("about.md"),
    SitePage("accessibility.md", in_nav=False),
    SitePage("privacy.md", in_nav=False),
    SitePage("downloads/index.md", texts="downloads", in_nav=False),  # linked from every page's footer
)

# Facts hand-written pages state, generated from the data: a page names one with <!-- data: name -->,
# and templates/snippets/<name>.md.j2 makes it.
SNIPPETS = ("implementation-steps", "models-delivery", "reviewed", "publisher", "contact", "help-now")


def generated_pages() -> list[SitePage]:
    """The pages made from the data."""
    return [page for page in PAGES if page.texts]


def navigation() -> list[str]:
    """The navigation, as MkDocs' `nav`: the Danish source of every page in it, in order."""
    return [page.source for page in PAGES if page.in_nav]


def not_in_nav() -> list[str]:
    """Pages reached from other pages rather than the navigation: record pages and the statements."""
    records = [f"/{page.folder}/*.md" for page in PAGES if page.records]
    return records + [f"/{page.source[:-3]}*.md" for page in PAGES if not page.in_nav]


def page_url(source: str, language: str) -> str:
    """A page's address in the built site, relative to its root: 'en/models/ark/' for models/ark.md."""
    path = source.removesuffix(".md").removesuffix("index")
    return url_prefix(language) + (f"{path}/" if path and not path.endswith("/") else path)


def listing_page(source: str, language: str) -> str | None:
    """The page that lists a record page, as a file of the same language: 'models/index.en.md' for
    'models/ark.en.md'; None for a page that is no record page."""
    for page in PAGES:
        if page.records and dirname(source) == page.folder:
            listing = source_file(page.source, language)
            return listing if basename(source) != basename(listing) else None
    return None


def help_now_url(language: str) -> str:
    """The crisis box on the find-support page of a language, from the site's root: 'en/find-support/#help-now'."""
    return f"{page_url(FIND_SUPPORT, language)}#{HELP_NOW_ANCHOR}"
