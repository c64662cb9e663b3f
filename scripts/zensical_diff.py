"""Build the site with Zensical (and zensical-i18n) beside `make build`'s MkDocs build, from the same rendered files,
and compare every page's article, both languages: its text and where its links lead. The themes differ; the content
must not. Exit 1 when a page differs, with what differs.

Zensical runs no hooks and its templates cannot call Python: everything the content needs is in the files `peersite
render` wrote and in the Markdown extension peersite.pages.page_html, which Zensical runs as MkDocs does.
"""

import argparse
import difflib
import os
import posixpath
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
ZENSICAL = ROOT / ".venv-zensical" / "bin" / "zensical-i18n"
# Theme parts inside the article that are no content: heading anchors. (The edit button is compared: where it leads.)
SKIPPED_CLASSES = {"headerlink"}
SKIPPED_TAGS = {"script", "style", "svg"}
SHOWN = 10  # differing pages shown in full; the rest are only counted
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class ArticleText(HTMLParser):
    """The words of a page's <article>, each link followed by where it leads from the site's root (MkDocs and Zensical
    may write the same link from different folders), one block a line."""

    def __init__(self, page_url: str):
        super().__init__(convert_charrefs=True)
        self.page_url = page_url
        self.depth = 0  # inside the article: how many of its elements are open
        self.skipping = 0  # inside an element that is no content
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if not self.depth:
            if tag == "article":
                self.depth = 1
            return
        if tag not in VOID_TAGS:
            self.depth += 1
            if self.skipping or tag in SKIPPED_TAGS or SKIPPED_CLASSES & set((attributes.get("class") or "").split()):
                self.skipping += 1
        if not self.skipping and tag == "a" and attributes.get("href"):
            self.parts.append(f" [→{self.target(attributes['href'])}] ")
        if tag in ("p", "li", "tr", "h1", "h2", "h3", "h4", "dt", "dd", "br"):
            self.parts.append("\n")

    def target(self, href: str) -> str:
        """Where a link leads: an address elsewhere as written, a link within the site from the site's root."""
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith("#"):
            return href
        path = posixpath.normpath(posixpath.join("/" + self.page_url, parts.path)) + ("/" if parts.path.endswith("/") else "")
        return path + (f"#{parts.fragment}" if parts.fragment else "")

    def handle_endtag(self, tag):
        if not self.depth or tag in VOID_TAGS:
            return
        self.depth -= 1
        if self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if self.depth and not self.skipping:
            self.parts.append(data)

    def lines(self) -> list[str]:
        """The article's text, a line per block, spaces collapsed."""
        return [" ".join(line.split()) for line in "".join(self.parts).split("\n") if line.strip()]


def article_lines(site: Path, page: str) -> list[str]:
    """The article text of a built page, by its path in the site."""
    parser = ArticleText(page.removesuffix("index.html"))
    parser.feed((site / page).read_text(encoding="utf-8"))
    return parser.lines()


def pages(site: Path) -> list[str]:
    """Every page of a built site by its path, without /admin/ (no page of the site) and the 404 pages (no article)."""
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("index.html")
                  if path.relative_to(site).parts[0] != "admin")


def build_with_zensical(site_dir: Path) -> None:
    """Build both languages with zensical-i18n into site_dir, from mkdocs.yml and the files render wrote."""
    config = ROOT / ".zensical-diff.yml"  # beside mkdocs.yml: its paths are read from the folder it stands in
    config.write_text(f"INHERIT: mkdocs.yml\nsite_dir: {site_dir.relative_to(ROOT)}\n", encoding="utf-8")
    try:
        subprocess.run([str(ZENSICAL), "build", "-f", str(config)], cwd=ROOT, check=True,
                       env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    finally:
        config.unlink()


def differences(by_mkdocs: Path, by_zensical: Path) -> list[str]:
    """One entry per page of the MkDocs site that Zensical did not build or whose article differs, with the diff."""
    found = []
    for page in pages(by_mkdocs):
        if not (by_zensical / page).exists():
            found.append(f"{page}: not built by Zensical")
            continue
        ours, theirs = article_lines(by_mkdocs, page), article_lines(by_zensical, page)
        if ours != theirs:
            found.append("\n".join(difflib.unified_diff(ours, theirs, f"MkDocs {page}", f"Zensical {page}", lineterm="", n=1)))
    return found


def main() -> int:
    """Build with both, compare every page's article; 0 when all are the same."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep both built sites and say where")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="zensical-diff-", dir=ROOT))  # Zensical builds only into a visible folder of the project
    try:
        subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "-d", str(scratch / "mkdocs")], cwd=ROOT, check=True)
        build_with_zensical(scratch / "zensical")
        found = differences(scratch / "mkdocs", scratch / "zensical")
        for difference in found[:SHOWN]:
            print(difference, file=sys.stderr)
        compared = pages(scratch / "mkdocs")
        if found:
            print(f"{len(found)} of {len(compared)} pages differ.", file=sys.stderr)
            return 1
        languages = {page.startswith("en/") for page in compared}
        print(f"Zensical and MkDocs: the same article text and links on all {len(compared)} pages "
              f"({'both languages' if languages == {True, False} else 'one language'}).")
        return 0
    finally:
        if args.keep:
            print(f"Built sites kept in {scratch}", file=sys.stderr)
        else:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
