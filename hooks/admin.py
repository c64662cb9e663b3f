"""MkDocs adapter: the form for editors at /admin/ (peersite/cms.py), written into the built site once, beside the
pages but outside the search index, the sitemap and the English folder."""

import sys
from pathlib import Path

from mkdocs.plugins import event_priority

from peersite.cms import ADMIN_FOLDER, BUNDLE, CONFIG_PATH, write_admin


@event_priority(-200)  # after static-i18n (-100) has built every language
def on_post_build(config):
    """Write /admin/ in the build that writes the default language's pages; without Decap's bundle, say why not."""
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building and i18n.current_language != i18n.default_language:
        return
    root = Path(config.config_file_path).parent
    if not (root / BUNDLE / "decap-cms.js").exists():
        print(f"No {BUNDLE}/decap-cms.js (npm ci installs it): the site is built without the form for editors at /admin/.",
              file=sys.stderr)
        return
    write_admin(Path(config.site_dir) / ADMIN_FOLDER, root / BUNDLE, (root / CONFIG_PATH).read_text(encoding="utf-8"),
                repo_url=config.repo_url, branch=config.extra["repo_branch"], base_url=config.extra.get("cms_base_url"),
                local_backend=config.extra.get("cms_local_backend"))
