"""The site's Markdown extension (`markdown_extensions: [peersite.pages.page_html]`): the last step from a page's Markdown to
its HTML, the same under MkDocs, ProperDocs and Zensical, whose templates cannot call Python.

`peersite render` ends every page with one line, `<!-- peersite-page {json} -->`, giving the glossary's words in the
page's language and the way from the page to the glossary: the extension takes it out before the page is read, and
once the page is HTML makes its tables read well on phones and in search, explains the glossary's words, and keeps
only the markup the site's pages are made of."""

import json
import re
from functools import lru_cache

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from .. import LANGUAGES
from .markup import sanitize_html
from .tables import rewrite_tables
from .terms import Explainer, GlossaryTerm

MARKER = re.compile(r"^<!-- peersite-page (\{.*\}) -->$")


def page_marker(terms: list[GlossaryTerm], glossary_url: str, link_terms: bool) -> str:
    """The line `render` ends a page with; `<`, `>` and `&` escaped, so that no text can end the comment."""
    settings = {"glossary": glossary_url, "link_terms": link_terms,
                "terms": [[term.words, term.definition, term.anchor, term.abbreviation] for term in terms]}
    text = json.dumps(settings, ensure_ascii=False, separators=(",", ":"))
    return "<!-- peersite-page " + text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + " -->"


class PageSettings(Preprocessor):
    """Takes the page's settings out of its Markdown."""

    def run(self, lines: list[str]) -> list[str]:
        """The page's lines without the settings line, which is kept on the converter for FinishedHtml."""
        kept = []
        for line in lines:
            match = MARKER.match(line)
            if match:
                self.md.peersite_page = json.loads(match.group(1))
            else:
                kept.append(line)
        return kept


class PageSerialised(Treeprocessor):
    """Marks the point after which the postprocessors see the whole page: the toc extension runs them before it, on
    each heading's text, for the table of contents."""

    def run(self, root) -> None:
        """Note that the page is whole from here on."""
        self.md.peersite_whole_page = True


class FinishedHtml(Postprocessor):
    """Tables, glossary words and the allowed markup, on the page's finished HTML."""

    def run(self, text: str) -> str:
        """The page's HTML as the site shows it; a heading's text for the table of contents as it is."""
        if not getattr(self.md, "peersite_whole_page", False):
            return text
        text = rewrite_tables(text)
        settings = getattr(self.md, "peersite_page", None)
        if settings:
            text = explainer(tuple(map(tuple, settings["terms"]))).explain(text, settings["glossary"], settings["link_terms"])
        return sanitize_html(text)


@lru_cache(maxsize=len(LANGUAGES))
def explainer(terms: tuple[tuple, ...]) -> Explainer:
    """The explainer of one language's glossary words, made once for all the pages that name them."""
    return Explainer([GlossaryTerm(*term) for term in terms])


class PageHtmlExtension(Extension):
    """Registers both steps: the settings taken out first, the HTML finished after every other step."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 — Python-Markdown's name
        self.md = md
        md.registerExtension(self)
        md.preprocessors.register(PageSettings(md), "peersite_page", 35)  # before whitespace and HTML blocks are read
        md.treeprocessors.register(PageSerialised(md), "peersite_whole_page", -100)  # after every other
        md.postprocessors.register(FinishedHtml(md), "peersite_html", 0)  # after raw HTML is put back (30)

    def reset(self) -> None:
        """A converter used for a further page starts without the last page's settings."""
        self.md.peersite_page = None
        self.md.peersite_whole_page = False


def makeExtension(**kwargs) -> PageHtmlExtension:  # noqa: N802 — how Python-Markdown loads an extension by name
    """The extension, as Python-Markdown loads it from `markdown_extensions`."""
    return PageHtmlExtension(**kwargs)
