"""MkDocs adapter: give each language its own search index, so each reader downloads and searches only theirs,
with text to show for every result."""

import json
from pathlib import Path

from mkdocs.plugins import event_priority

from peersite.pages.search import SEARCH_INDEX, index_path, split_search_index, subheadings

# The headings under each heading of every page built, by its location in the search index; a page built
# again replaces its own.
_outline: dict[str, list[str]] = {}


def on_page_context(context, page, config, nav):
    """Note the headings under each of the page's headings: they are the search text of a heading with none."""
    _outline.update(subheadings(page.url, page.toc))
    return context


# After static-i18n's on_post_build (-100), which, when one process builds every language, builds the others
# and writes their combined index; when each language is built on its own, the index holds that language only.
@event_priority(-200)
def on_post_build(config):
    """Replace the index just written with one index for each language in it, in that language's folder."""
    i18n = config.plugins.get("i18n")
    site = Path(config.site_dir)
    written = site / SEARCH_INDEX
    if i18n is None or not written.exists():  # the search plugin is off
        return
    index = json.loads(written.read_text(encoding="utf-8"))
    for language, language_index in split_search_index(index, _outline).items():
        if language_index["docs"]:
            path = site / index_path(language)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(language_index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
