"""MkDocs adapter: give each language its own search index, so each reader downloads and searches only theirs."""

import json
from pathlib import Path

from mkdocs.plugins import event_priority

from peersite.search import SEARCH_INDEX, index_path, split_search_index


# After static-i18n's on_post_build (-100), which builds the other languages and writes one combined index.
@event_priority(-200)
def on_post_build(config):
    """Replace the combined index with one index per language, once the last language is built."""
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.building:
        return
    site = Path(config.site_dir)
    combined = site / SEARCH_INDEX
    if not combined.exists():  # the search plugin is off
        return
    index = json.loads(combined.read_text(encoding="utf-8"))
    for language, language_index in split_search_index(index, i18n.default_language, i18n.build_languages).items():
        path = site / index_path(language, i18n.default_language)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(language_index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
