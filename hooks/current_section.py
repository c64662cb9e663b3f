"""MkDocs adapter: a record page (a model, a source) is not in the navigation, so the page that lists it
is marked as the current one while it is rendered: the reader sees where they are."""

from peersite import DEFAULT_LANGUAGE
from peersite.pages.page_table import listing_page

_marked = []


def on_page_context(context, page, config, nav):
    """Mark the listing page of a record page as active in the navigation."""
    listing = listing_page(page.file.src_uri, getattr(page.file, "locale", DEFAULT_LANGUAGE))
    for item in nav.pages:
        if listing and item.file.src_uri == listing:
            item.active = True
            _marked.append(item)
    return context


def on_post_page(output, page, config):
    """Unmark it once the page is written."""
    while _marked:
        _marked.pop().active = False
    return output
