"""MkDocs adapter: the navigation from peersite's table of pages; content/data.yml checked and its pages
written into docs/ before each build; the publisher given to the footer; glossary words explained and every
page's content sanitised."""

from pathlib import Path

from mkdocs.config.config_options import PathSpec
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from peersite import DEFAULT_LANGUAGE, LANGUAGES
from peersite.links import edit_url
from peersite.markup import sanitize_html
from peersite.pages import navigation, not_in_nav, page_url
from peersite.cli import check
from peersite.problems import DataError
from peersite.publisher import footer_publisher
from peersite.render import localise, render_site
from peersite.snippets import fill_snippets
from peersite.tables import rewrite_tables
from peersite.terms import Explainer, glossary_terms
from peersite.validate import DATA_PATH
from peersite.write import write_pages

GLOSSARY = "glossary/index.md"
# Per language: the glossary's words, ready to explain them in every page; the snippets hand-written pages name.
_explainers: dict[str, Explainer] = {}
_snippets: dict[str, dict[str, str]] = {}
# Per language: the publisher's texts for the footer, or None while the data does not name one.
_publisher: dict[str, dict | None] = {}


def on_config(config):
    """Take the navigation, and the pages deliberately left out of it, from peersite/pages.py."""
    config.nav = navigation()
    config.not_in_nav = PathSpec().run_validation("\n".join(not_in_nav()))
    return config


def on_pre_build(config):
    """Check the data and the hand-written pages; write the generated pages."""
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return  # static-i18n's build of a further language: the first build checked and wrote everything
    docs = Path(config.docs_dir)
    try:
        site, rendered = check(Path(config.config_file_path).parent / DATA_PATH, DATA_PATH, docs)
    except DataError as error:
        raise PluginError(error.report()) from None
    pages, snippets = rendered or render_site(site)  # a failure to render shows here, with its traceback
    write_pages(docs, pages)
    _snippets.update(snippets)
    _publisher.update(footer_publisher(site))
    for language in LANGUAGES:
        _explainers[language] = Explainer(glossary_terms(localise(site.glossary, language)))


def on_env(env, config, files):
    """Give the footer (overrides/partials/copyright.html) the publisher, as texts it only prints."""
    env.globals["publisher"] = _publisher
    return env


def on_page_markdown(markdown, page, config, files):
    """Point the edit link at the page's file, or a generated page's at its record; fill in the data blocks."""
    page.edit_url = edit_url(config.repo_url, config.extra["repo_branch"], page.file.src_uri, page.meta.get("data_line"))
    return fill_snippets(markdown, _snippets[language_of(page)])


def on_page_content(html, page, config, files):
    """Make tables read well on phones and in search, explain the glossary's words, then keep only the markup the site's pages are made of."""
    language = language_of(page)
    glossary = page_url(GLOSSARY, language)
    html = rewrite_tables(html)
    html = _explainers[language].explain(html, get_relative_url(glossary, page.url), link_terms=page.url != glossary)
    return sanitize_html(html)


def language_of(page) -> str:
    """The language static-i18n gave a page's file."""
    return getattr(page.file, "locale", DEFAULT_LANGUAGE)
