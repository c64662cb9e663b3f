"""Everything a generator needs, as plain files written before it runs (`peersite render`): every page, hand-written
and generated, finished in Markdown; the downloads and the form for editors beside them; and a configuration that
mkdocs.yml inherits, with the navigation and the words the theme shows. MkDocs, ProperDocs and Zensical build the
same site from them: per-page values are front matter, site-wide ones config, and the last step from Markdown to
HTML is the Markdown extension in peersite/pages/page_html.py."""

import html
import re
import sys
from pathlib import Path

import yaml

from .. import LANGUAGES, default_source, language_of_source, url_prefix
from ..editing.cms import BUNDLE, CONFIG_PATH, admin_files
from .environment import labels
from ..open_data.jsonld import page_jsonld
from ..checks.links import FRONT_MATTER, edit_url
from .page_html import page_marker
from .page_table import DOCS_DIR, help_now_url, navigation, not_in_nav, page_url
from ..data.publisher import footer_publisher
from .render import Rendering, localise
from ..data.schema import Site
from .site_config import SiteConfig
from .snippets import fill_snippets
from .terms import glossary_terms
from .write import hand_written_pages, write_files, write_if_changed

RENDERED = "rendered"  # everything `render` writes, owned by it: nothing else belongs here
RENDERED_DOCS = f"{RENDERED}/docs"  # mkdocs.yml's docs_dir
RENDERED_CONFIG = f"{RENDERED}/mkdocs.yml"  # mkdocs.yml's INHERIT
GLOSSARY = "glossary/index.md"
HEADING = re.compile(r"^# (.+?)(?:\s+\{[^}]*\})?\s*$", re.MULTILINE)
# libyaml's, where PyYAML was built with it (its wheels are): ten times faster for a thousand pages' front matter.
YAML_LOADER, YAML_DUMPER = getattr(yaml, "CSafeLoader", yaml.SafeLoader), getattr(yaml, "CSafeDumper", yaml.SafeDumper)
MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>])")  # Python-Markdown's escapable characters


def split_front_matter(text: str) -> tuple[dict, str]:
    """A page's front matter and the Markdown after it."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text
    return yaml.load(match.group(1), Loader=YAML_LOADER) or {}, text[match.end():]


def page_title(meta: dict, body: str) -> str:
    """The title a generator gives a page: its front matter's, else its first heading's text (without Markdown's
    backslash escapes and HTML's entities, as the heading reads)."""
    if meta.get("title"):
        return str(meta["title"])
    heading = HEADING.search(body)
    return html.unescape(MARKDOWN_ESCAPE.sub(r"\1", heading.group(1))) if heading else ""


class PageFinisher:
    """Finishes a page for the generator: the values its theme shows in its front matter, its glossary's line at its end."""

    def __init__(self, site: Site, config: SiteConfig, rendering: Rendering):
        self.site, self.config, self.rendering = site, config, rendering
        self.terms = {language: glossary_terms(localise(site.glossary, language)) for language in LANGUAGES}

    def finish(self, name: str, text: str) -> str:
        """The page `name` (docs/-relative, `page.en.md` English) with its front matter and glossary line."""
        language, source = language_of_source(name), default_source(name)
        meta, body = split_front_matter(text)
        url = page_url(source, language)
        meta["edit_url"] = edit_url(self.config.repo_url, self.config.repo_branch, name, meta.get("data_line"))
        meta["structured_data"] = page_jsonld(
            self.site, source, language, url=self.config.site_url + url, title=page_title(meta, body),
            description=meta.get("description") or self.config.site_description[language], site_url=self.config.site_url,
            site_name=self.config.site_name[language], files=self.rendering.downloads)
        glossary = page_url(GLOSSARY, language)
        # From the site's root: Zensical takes a relative link in a page's HTML as written from its Markdown file's
        # folder, MkDocs from the page's address; a link from the root means the same to both.
        glossary_link = self.config.site_path + glossary
        marker = page_marker(self.terms[language], glossary_link, link_terms=url != glossary)
        front = yaml.dump(meta, Dumper=YAML_DUMPER, allow_unicode=True, sort_keys=False, width=1_000_000)  # one line a value
        return f"---\n{front}---\n{body.rstrip()}\n\n{marker}\n"


def theme_config(site: Site, rendering: Rendering) -> dict:
    """The configuration mkdocs.yml inherits: the navigation, and per language what every page's header and footer show."""
    publisher = footer_publisher(site)
    words = {language: {"prefix": url_prefix(language), "help_now_url": help_now_url(language),
                        "labels": localise(labels(), language), "publisher": publisher[language]} for language in LANGUAGES}
    return {
        "nav": navigation(),
        "not_in_nav": "\n".join(not_in_nav()),
        "extra": {"peersite": {**words, "downloads": [file.path for file in rendering.downloads]}},
    }


def site_files(site: Site, config: SiteConfig, rendering: Rendering, root: Path) -> dict[str, str | bytes]:
    """Every file of the generator's docs folder, by its path there: the pages, the other files of docs/ (pictures),
    the downloads and, when Decap's bundle is installed, /admin/."""
    docs = root / DOCS_DIR
    finisher = PageFinisher(site, config, rendering)
    files: dict[str, str | bytes] = {}
    for path in sorted(docs.rglob("*")):
        name = path.relative_to(docs).as_posix()
        if path.is_file() and not name.endswith(".md") and not any(part.startswith(".") for part in path.relative_to(docs).parts):
            files[name] = path.read_bytes()
    for name in hand_written_pages(docs):
        text = fill_snippets((docs / name).read_text(encoding="utf-8"), rendering.snippets[language_of_source(name)])
        files[name] = finisher.finish(name, text)
    for name, text in rendering.pages.items():
        files[name] = finisher.finish(name, text)
    files.update({file.path: file.content for file in rendering.downloads})
    bundle = root / BUNDLE
    if (bundle / "decap-cms.js").exists():
        files.update(admin_files(bundle, (root / CONFIG_PATH).read_text(encoding="utf-8"), config.repo_url, config.repo_branch,
                                 config.cms_base_url, config.cms_local_backend))
    else:
        print(f"No {BUNDLE}/decap-cms.js (npm ci installs it): the site is built without the form for editors at /admin/.",
              file=sys.stderr)
    return files


def write_site_files(root: Path, config: SiteConfig, site: Site, rendering: Rendering) -> list[str]:
    """Write rendered/docs/ and rendered/mkdocs.yml for the project at root; return the files written or removed."""
    changed = write_files(root / RENDERED_DOCS, site_files(site, config, rendering, root))
    config = yaml.safe_dump(theme_config(site, rendering), allow_unicode=True, sort_keys=False)
    write_if_changed(root / RENDERED_CONFIG, f"# Written by `peersite render`; mkdocs.yml inherits it.\n{config}")
    return changed

