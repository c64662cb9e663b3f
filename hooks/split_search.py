"""MkDocs adapter: give each language its own search index, so each reader downloads and searches only theirs."""

import json
from pathlib import Path

from mkdocs.plugins import event_priority

from peersite.search import SEARCH_INDEX, index_path, split_search_index


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
    for language, language_index in split_search_index(index).items():
        if language_index["docs"]:
            path = site / index_path(language)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(language_index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
