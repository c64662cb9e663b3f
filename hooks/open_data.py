"""MkDocs adapter: the site's data and citations as files beside its pages (peersite/downloads.py), listed in
the sitemap, and every page described in its head as schema.org JSON-LD (peersite/jsonld.py)."""

import html
from pathlib import Path

from mkdocs.plugins import event_priority

from peersite import DEFAULT_LANGUAGE
from peersite.downloads import downloads
from peersite.environment import html_environment
from peersite.jsonld import page_jsonld
from peersite.validate import DATA_PATH, load_site

_state: dict = {}  # the checked site and its downloads, made once per build


def on_pre_build(config):
    """Read the data (hooks/generate_pages.py has just checked it) and make the downloads."""
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return  # a further language of the same build
    site = load_site(Path(config.config_file_path).parent / DATA_PATH)
    _state.update(site=site, files=downloads(site))


def on_page_context(context, page, config, nav):
    """Give the page template the page's JSON-LD (overrides/partials/structured-data.html writes it)."""
    language = getattr(page.file, "locale", DEFAULT_LANGUAGE)
    source = page.file.src_uri.replace(f".{language}.md", ".md")
    context["structured_data"] = page_jsonld(
        _state["site"], source, language, url=page.canonical_url, title=html.unescape(page.title),  # MkDocs keeps the heading's entities
        description=page.meta.get("description") or config.site_description,
        site_url=config.site_url, site_name=config.site_name, files=_state["files"],
    )
    return context


def on_post_template(output_content, template_name, config):
    """List every download in the sitemap, beside the pages."""
    if template_name != "sitemap.xml":
        return output_content
    entries = html_environment().get_template("sitemap-downloads.xml.j2").render(
        site_url=config.site_url, files=_state["files"])
    return output_content.replace("</urlset>", entries + "</urlset>", 1)


@event_priority(-200)  # after static-i18n (-100) has built every language
def on_post_build(config):
    """Write the downloads into the built site, once: in the build that writes the default language's pages."""
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building and i18n.current_language != i18n.default_language:
        return
    site_dir = Path(config.site_dir)
    for file in _state["files"]:
        target = site_dir / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.content)
