"""MkDocs adapter: a page's edit link is in its front matter (`peersite render` put it there); Material reads it here."""


def on_page_markdown(markdown, page, config, files):
    """Point the page's edit link where its front matter says."""
    page.edit_url = page.meta.get("edit_url")
    return markdown
