"""Link the first use of each glossary term on a page to its explanation, shown on hover and focus."""

import html
import re
from dataclasses import dataclass

from .render import plain_text

# Text inside these elements is left alone: links and abbreviations explain themselves, headings and code stay as written.
LEFT_ALONE = {"a", "abbr", "code", "pre", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "button", "svg"}
TAG = re.compile(r"(<[^>]+>)")
TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")


@dataclass(frozen=True)
class GlossaryTerm:
    """A glossary term as it is written in running text, with its explanation and its glossary anchor."""

    words: str
    definition: str
    anchor: str


def glossary_terms(entries: list[dict]) -> list[GlossaryTerm]:
    """The glossary's terms in one language, longest first, without the abbreviations (they have their own markup)."""
    terms = [
        GlossaryTerm(entry["term"].split(" (")[0], plain_text(entry["definition"]), entry["id"])
        for entry in entries if not entry["abbr"]
    ]
    return sorted(terms, key=lambda term: -len(term.words))


def term_pattern(terms: list[GlossaryTerm]) -> re.Pattern:
    """One pattern matching any of the terms as whole words, in any case."""
    alternatives = "|".join(re.escape(html.escape(term.words, quote=False)) for term in terms)
    return re.compile(rf"(?<![\w-])({alternatives})(?![\w-])", re.IGNORECASE)


def link_first_uses(page_html: str, terms: list[GlossaryTerm], glossary_url: str) -> str:
    """The page with the first use of each term in its running text linked to the glossary."""
    by_words = {term.words.casefold(): term for term in terms}
    pattern, linked, depth = term_pattern(terms), set(), 0

    def link(match: re.Match) -> str:
        term = by_words[html.unescape(match.group(1)).casefold()]
        if term.anchor in linked:
            return match.group(0)
        linked.add(term.anchor)
        title = html.escape(term.definition, quote=True)
        return f'<a class="glossary-term" href="{glossary_url}#{term.anchor}" title="{title}">{match.group(0)}</a>'

    parts = TAG.split(page_html)
    for index, part in enumerate(parts):
        if index % 2:
            name = TAG_NAME.match(part)
            if name and name.group(2).lower() in LEFT_ALONE and not part.endswith("/>"):
                depth += -1 if name.group(1) else 1
        elif depth == 0 and terms and part.strip():
            parts[index] = pattern.sub(link, part)
    return "".join(parts)
