"""MkDocs adapter: check content/data.yml and write its pages into docs/ before each build."""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from peersite import DEFAULT_LANGUAGE, LANGUAGES, url_prefix
from peersite.problems import DataError
from peersite.links import edit_url
from peersite.render import focusable_abbreviations, localise, render_abbreviations, render_pages
from peersite.terms import glossary_terms, link_first_uses
from peersite.translations import untranslated_pages
from peersite.validate import DATA_PATH, load_site
from peersite.write import write_pages

# Per language, from the glossary: abbreviation definitions to append to each page, and the terms to link.
_abbreviations: dict[str, str] = {}
_terms: dict[str, list] = {}


def on_pre_build(config):
    """Check the data and the hand-written pages; write the generated pages."""
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return  # static-i18n's build of a further language: the first build checked and wrote everything
    try:
        site = load_site(Path(config.config_file_path).parent / DATA_PATH)
    except DataError as error:
        raise PluginError(error.report()) from None
    missing = untranslated_pages(Path(config.docs_dir))
    if missing:
        raise PluginError("\n".join(missing))
    write_pages(Path(config.docs_dir), render_pages(site))
    for language in LANGUAGES:
        _abbreviations[language] = render_abbreviations(site, language)
        _terms[language] = glossary_terms(localise(site["glossary"], language))


def on_page_markdown(markdown, page, config, files):
    """Point the edit link at the page's file, or a generated page's at its record; explain the abbreviations."""
    page.edit_url = edit_url(config.repo_url, page.file.src_uri, page.meta.get("data_line"))
    return f"{markdown}\n\n{_abbreviations[language_of(page)]}"


def on_page_content(html, page, config, files):
    """Make the abbreviations' explanations reachable by keyboard; link each glossary term's first use."""
    language = language_of(page)
    glossary = f"{url_prefix(language)}glossary/"
    html = focusable_abbreviations(html)
    if page.url == glossary:
        return html
    return link_first_uses(html, _terms[language], get_relative_url(glossary, page.url))


def language_of(page) -> str:
    """The language static-i18n gave a page's file."""
    return getattr(page.file, "locale", DEFAULT_LANGUAGE)
