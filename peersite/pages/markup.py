"""The markup a data text may carry, and the one way data text enters Markdown and HTML.

A data text is one paragraph of plain text with two kinds of markup: emphasis (*word*, **word**) and
links to other sites ([text](https://…), mailto:). Everything else an editor writes is published as
written: a text starting "7. december", "-", "#" or ">" stays text, and "<b>" shows as "<b>".
"""

import re
from functools import lru_cache
from html import unescape

import markdown
import nh3

from ..data.addresses import MAIL_LINK_LIKE, address_problem, host_problem, text_names_another_host
from ..messages import _

SAFE_SCHEMES = ("https", "http", "mailto")
# Links on a built page may also dial or text a number: the templates make them from checked phone numbers only.
PAGE_SCHEMES = (*SAFE_SCHEMES, "tel", "sms")
# What an editor may not write in a data text: raw HTML, character references (they can hide
# anything), images, link definitions, and links that are not to a web or mail address.
REFUSED = re.compile(
    r"<[A-Za-z/!?]"
    r"|&#?[A-Za-z0-9]+;"
    r"|!\["
    r"|\[[^\[\]]*\]:"  # no "[" inside, so a long run of "[" is scanned once, not once from each
    r"|\]\(\s*(?!(?:https?|mailto):)[^)\s]*"
)
LINK = re.compile(r"\[([^\[\]]+)\]\(((?:https?://|mailto:)[^()\s<>]+)\)")
# What is left of a link that is not whole once the whole ones are blanked out: "[text](https://…" without its ")",
# or with a space in the address.
BROKEN_LINK = re.compile(r"\[[^\[\]]*\]\(\S*|\]\(\S*")
# A star touching a word on the page: an emphasis mark Markdown found no partner for ("**word" shows its stars).
LONE_STAR = re.compile(r"(?<=\w)\*|\*(?=[\w*])")
# Characters that would start Markdown syntax anywhere in a line, and what they become.
INLINE_ESCAPES = str.maketrans({
    "\\": "\\\\", "`": "\\`", "[": "\\[", "]": "\\]", "{": "\\{", "}": "\\}",
    "&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;",
})
# A line starting with these is a heading, list, quote, definition, admonition, rule or code block.
LINE_START = re.compile(r"(?:\d+(?=[.)])|[#+=:~!-]|[*_](?=\s|[*_\s-]*$))")


def markup_problem(text: str) -> tuple[int, str] | None:
    """What is wrong with the markup of a data text, and how to write it instead, with where in the text it begins;
    None when it is fine."""
    found = REFUSED.search(text)
    if not found:
        return link_problem(text) or broken_markup(text)
    shown = found.group(0)
    if shown.startswith("<"):
        return found.start(), _("raw HTML ('{shown}…') is not allowed in a data text — write plain text;"
                                " use *word* for emphasis and [text](https://…) for a link", shown=shown)
    if shown.startswith("&"):
        return found.start(), _("the character reference '{shown}' is not allowed — write the character itself", shown=shown)
    if shown.startswith("!"):
        return found.start(), _("images are not allowed in a data text — describe the picture in words, or link to it"
                                " with [text](https://…)")
    if shown.startswith("["):
        return found.start(), _("the link definition '{shown}' is not allowed — write the link where it is used:"
                                " [text](https://…)", shown=shown)
    target = shown[2:].strip()
    scheme = re.match(r"[A-Za-z][\w+.-]*:", target)
    target = f"{scheme.group(0)}…" if scheme else target
    return found.start(), _("the link to '{target}' is not allowed — links must start with https://, http:// or mailto:"
                            " (a page of this site is linked through the record's fields, not in a text)", target=target)


def broken_markup(text: str) -> tuple[int, str] | None:
    """Markup that would show as typed on the page: a link that is not whole, a star that emphasises nothing."""
    # Blanked, not removed: what is left keeps its place in the text.
    if broken := BROKEN_LINK.search(LINK.sub(lambda link: " " * len(link.group()), text)):
        return broken.start(), _("the link '{shown}' is incomplete — write it as [text](https://…), with ')' at its end"
                                 " and no space in the address", shown=broken.group(0))
    if "*" in text and LONE_STAR.search(unescape(re.sub(r"<[^>]+>", "", markdown.markdown(inline_markdown(text))))):
        return text.index("*"), _("a '*' here does not start or end an emphasis, so the page would show it — write *words* or"
                                  " **words**, with a mark on both sides, or remove it")
    return None


def link_problem(text: str) -> tuple[int, str] | None:
    """What is deceptive about a link in a data text, and where it begins: an address a reader cannot trust, or link
    text that names another site than the one the link leads to; None when every link is fine."""
    for link in LINK.finditer(text):
        words, address = link.groups()
        mail = address.startswith("mailto:")
        if problem := host_problem(address.split("?")[0].rsplit("@", 1)[-1], MAIL_LINK_LIKE) if mail else address_problem(address):
            return link.start(), _("the link '{link}': {problem}", link=link.group(0), problem=problem)
        if not mail and (named := text_names_another_host(words, address)):
            return link.start(), _("the link text '{words}' names {named}, but the link goes to {address} — write the"
                                   " address the link goes to as its text, or say in words what the page is",
                                   words=words, named=named, address=address)
    return None


@lru_cache(maxsize=16384)  # labels and names recur on every page
def inline_markdown(text: str) -> str:
    """A data text as one line of Markdown that reads exactly as written, but for emphasis and safe links."""
    text = re.sub(r"\s+", " ", str(text))
    pieces, start = [], 0
    for link in LINK.finditer(text):
        pieces.append(text[start:link.start()].translate(INLINE_ESCAPES))
        pieces.append(f"[{link.group(1).translate(INLINE_ESCAPES)}]({link.group(2)})")
        start = link.end()
    pieces.append(text[start:].translate(INLINE_ESCAPES))
    markdown = "".join(pieces)
    indent = len(markdown) - len(markdown.lstrip(" "))
    marker = LINE_START.match(markdown, indent)
    if not marker:
        return markdown
    if marker.group(0).isdigit():  # "7. december": the full stop, not the number, makes a list
        return f"{markdown[:marker.end()]}\\{markdown[marker.end():]}"
    return f"{markdown[:indent]}&#{ord(markdown[indent])};{markdown[indent + 1:]}"


def plain_text(text) -> str:
    """A data text on one line without its markup: emphasis marks dropped, links as their text."""
    text = LINK.sub(r"\1", str(text))
    return " ".join(re.sub(r"[*_`]", "", text).split())


# What the site's pages are made of: Markdown's output, the templates' blocks and the glossary's links
# (and <i>, which citeproc-py sets a journal's name and a work's title in).
ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "caption", "cite", "code", "dd", "details", "div", "dl", "dt", "em",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "li", "ol", "p", "pre", "q", "small",
    "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
}
ALLOWED_ATTRIBUTES = {
    "*": {"id", "class", "lang", "title", "role", "aria-label", "aria-describedby", "hidden"},
    "a": {"href", "rel", "hreflang", "download", "type"},
    "abbr": {"tabindex"},
    "details": {"open"},
    "ol": {"start"},
    "td": {"colspan", "rowspan", "headers"},
    "th": {"colspan", "rowspan", "headers", "scope"},
}


def sanitize_html(html: str) -> str:
    """A page's content with every tag, attribute and address outside what the site uses removed."""
    return nh3.clean(
        html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=set(PAGE_SCHEMES),
        link_rel=None, strip_comments=True, generic_attribute_prefixes={"data-"},
    )
