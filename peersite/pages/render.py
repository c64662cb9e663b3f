"""Render the checked site as Markdown, in every language: the generated pages of peersite/pages/page_table.py,
one per record where a page has records, and the snippets the hand-written pages include."""

import dataclasses
from functools import partial
from typing import NamedTuple

from .. import LANGUAGES, source_file
from ..open_data.citations import formatted_references
from ..open_data.downloads import by_source, downloads
from .environment import labels, markdown_environment
from ..data.evidence_map import FINDING_OF_REPORTED, context_sources, evidence_map, trial_finding
from ..data.fields import BilingualText
from .page_table import HELP_NOW_ANCHOR, SNIPPETS, generated_pages
from ..data.references import facts_of, has_address, shown_fields, whom_to_ask
from ..data.publisher import unset_fields
from ..data.review import review_date
from ..data.schema import Site


def localise(value, language: str):
    """The same records with every bilingual text replaced by its text in one language."""
    if isinstance(value, BilingualText):
        return value[language]
    if dataclasses.is_dataclass(value):
        return dataclasses.replace(value, **{
            f.name: localise(getattr(value, f.name), language) for f in dataclasses.fields(value) if f.name not in ("line", "key_marks")
        })
    if isinstance(value, dict):
        if value.keys() == set(LANGUAGES):
            return value[language]
        return {key: localise(item, language) for key, item in value.items()}
    if isinstance(value, list):
        return [localise(item, language) for item in value]
    return value


def render_language(site: Site, language: str, files: list, site_path: str) -> tuple[dict[str, str], dict[str, str]]:
    """Every generated page in one language by docs/-relative path, and every snippet by name; `files` are
    the site's downloads, which pages link to from `site_path`, the path of the site's root on its server."""
    local = localise(site, language)
    map_rows = evidence_map(local)
    environment = markdown_environment()
    common = {"site": local, "by_id": local.by_id, "label": localise(labels(), language), "lang": language,
              "citations": formatted_references(site, language), "downloads": files, "source_downloads": by_source(files),
              "map_rows": map_rows, "map_row_of": {row.id: row for row in map_rows}, "context_sources": context_sources(local),
              "trial_finding": trial_finding, "finding_of_reported": FINDING_OF_REPORTED,
              "reference_fields": {source.id: shown_fields(source) for source in local.evidence},
              "has_address": has_address, "whom_to_ask": whom_to_ask, "review_date": partial(review_date, local),
              "facts_of": {material.id: facts_of(material, local.by_id["evidence"]) for material in local.materials},
              "publisher": None if unset_fields(site) else local.publisher,
              "help_now_anchor": HELP_NOW_ANCHOR, "site_path": site_path}

    def render(template: str, root: str, **context) -> str:
        # `root` leads from the page to the top of docs/, for links between pages.
        return environment.get_template(template).render(common, root=root, **context)

    def render_page(template: str, search_boost: float | None = None, **context) -> str:
        # Every generated page stands in a folder of docs/.
        return render(template, "../", search_boost=search_boost, **context)

    pages = {}
    for page in generated_pages():
        pages[page.source] = render_page(page.template, page.search_boost,
                                         page=getattr(local.site.pages, page.texts))
        records = getattr(local, page.records) if page.records else []
        for index, item in enumerate(records):
            path = f"{page.folder}/{item.id}.md"
            pages[path] = render_page(page.record_template, record=item,
                                      previous_record=records[index - 1] if index else None,
                                      next_record=records[index + 1] if index + 1 < len(records) else None)
    # Snippets stand in hand-written pages at the top of docs/.
    snippets = {name: render(f"snippets/{name}.md.j2", "") for name in SNIPPETS}
    return {source_file(path, language): text for path, text in pages.items()}, snippets


class Rendering(NamedTuple):
    """What the data makes: the generated pages by docs/-relative path, the snippets by language and name, the downloads."""

    pages: dict[str, str]
    snippets: dict[str, dict[str, str]]
    downloads: list


def render_site(site: Site, site_path: str = "/") -> Rendering:
    """Every generated page in every language, every snippet, and the downloads the pages link to.

    A link to a download is written from the site's root (its path on the server, `site_path`): the downloads are
    files beside the Danish pages, outside the English build, and Zensical takes a relative link in HTML as written
    from the page's Markdown file, MkDocs from the page's address."""
    pages, snippets, files = {}, {}, downloads(site)
    for language in LANGUAGES:
        pages_in_language, snippets[language] = render_language(site, language, files, site_path)
        pages.update(pages_in_language)
    return Rendering(pages, snippets, files)
