"""Explain the glossary's words where a page uses them: every abbreviation shows its meaning on hover
and focus, and the first use of each other term links to the glossary."""

import html
import re
from dataclasses import dataclass
from functools import cache

from markupsafe import Markup

from .markup import plain_text
from .environment import html_environment

TAG = re.compile(r"(<[^>]+>)")
TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
# Text inside these elements is left alone: an abbreviation inside a link would be a control inside a control.
NO_ABBREVIATIONS = {"a", "abbr", "button", "code", "pre", "script", "style", "svg"}
# Headings, terms being defined and the titles of cited works stay as written; links and abbreviations
# explain themselves.
NO_TERM_LINKS = NO_ABBREVIATIONS | {"h1", "h2", "h3", "h4", "h5", "h6", "dt", "cite"}


@dataclass(frozen=True)
class GlossaryTerm:
    """A glossary word as written in running text, its explanation, its anchor in the glossary, and
    whether it is an abbreviation (explained wherever it stands) or a term (linked where first used)."""

    words: str
    definition: str
    anchor: str
    abbreviation: bool = False


def glossary_terms(entries) -> list[GlossaryTerm]:
    """The glossary's words in one language (from localised glossary records), longest first."""
    terms = []
    for entry in entries:
        definition = plain_text(entry.definition)
        if entry.abbr:
            terms.append(GlossaryTerm(entry.abbr, f"{plain_text(entry.term)}: {definition}", entry.id, True))
        else:
            terms.append(GlossaryTerm(plain_text(entry.term).split(" (")[0], definition, entry.id))
    return sorted(terms, key=lambda term: -len(term.words))


def words_pattern(terms: list[GlossaryTerm]) -> re.Pattern | None:
    """One pattern for every glossary word as a whole word: abbreviations as written, terms in any case."""
    def alternatives(abbreviations: bool) -> str:
        words = [re.escape(html.escape(term.words, quote=False)) for term in terms if term.abbreviation == abbreviations]
        return "|".join(words) or "(?!)"
    # An abbreviation may end a compound ("95 %-KI"); a term is a word of its own.
    return re.compile(rf"(?:(?<!\w)(?P<abbreviation>{alternatives(True)})|(?<![\w-])(?i:(?P<term>{alternatives(False)})))(?![\w-])")


@cache
def explanations():
    """The markup of an explained abbreviation and a linked term, from templates/glossary-term.html.j2."""
    return html_environment().get_template("glossary-term.html.j2").make_module()


class Explainer:
    """Explains one language's glossary words in pages; made once per build, used for every page."""

    def __init__(self, terms: list[GlossaryTerm]):
        self.abbreviations = {term.words: term for term in terms if term.abbreviation}
        self.terms = {term.words.casefold(): term for term in terms if not term.abbreviation}
        self.pattern = words_pattern(terms)

    def explain(self, page_html: str, glossary_url: str, link_terms: bool = True) -> str:
        """The page with its abbreviations explained and, if link_terms, each term's first use linked."""
        linked: set[str] = set()
        inside = {"abbreviations": 0, "terms": 0}  # how many elements that leave them alone are open

        def explained(match: re.Match) -> str:
            text = Markup(match.group(0))
            if match.group("abbreviation"):
                if inside["abbreviations"]:
                    return text
                return explanations().abbreviation(self.abbreviations[html.unescape(text)], text)
            term = self.terms[html.unescape(text).casefold()]
            if not link_terms or inside["terms"] or term.anchor in linked:
                return text
            linked.add(term.anchor)
            return explanations().term_link(term, text, f"{glossary_url}#{term.anchor}")

        parts = TAG.split(page_html)
        for index, part in enumerate(parts):
            if index % 2:
                name = TAG_NAME.match(part)
                if name and not part.endswith("/>"):
                    step, tag = (-1 if name.group(1) else 1), name.group(2).lower()
                    inside["abbreviations"] += step * (tag in NO_ABBREVIATIONS)
                    inside["terms"] += step * (tag in NO_TERM_LINKS)
            elif part.strip():
                parts[index] = self.pattern.sub(explained, part)
        return "".join(parts)
