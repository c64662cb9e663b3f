"""MkDocs adapter: keep a 404 page per language (each language's build would overwrite the last)."""

from pathlib import Path

from mkdocs.plugins import event_priority

from peersite import url_prefix

_pages: dict[str, str] = {}


def on_post_template(output_content, template_name, config):
    """Remember the 404 page of the language being built."""
    if template_name == "404.html":
        _pages[config.theme["language"]] = output_content
    return output_content


@event_priority(-200)  # after static-i18n (-100) has built every language
def on_post_build(config):
    """Write site/404.html in the default language and site/<lang>/404.html for the others."""
    site_dir = Path(config.site_dir)
    for language, html in _pages.items():
        folder = site_dir / url_prefix(language)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "404.html").write_text(html, encoding="utf-8")
