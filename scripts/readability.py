#!/usr/bin/env python3
"""Measure how easy the built site is to read: LIX for Danish pages, Flesch reading ease for English.

Usage: python scripts/readability.py [SITE_DIR] [--strict]

SITE_DIR is the built site (default: site/). Danish pages are those outside SITE_DIR/en/,
English pages those inside it. Only the text of each page's <article> element is measured.
The public pages (home, what is peer support, peer roles, the course) should have LIX <= 40;
with --strict the script exits 1 when one of them does not.

textstat counts the words, the long words and the English syllables (from the CMU Pronouncing Dictionary,
else by hyphenation). Two counts stay here, as LIX and Flesch define them: sentences (textstat ends one only at
. ! or ?, and leaves one of one or two words out of its count, so a page's headings, table cells and short list
items would lengthen the sentences around them: textstat.lix gives the course page 47.0, or 42.5 with a full
stop after every line, where this script gives 38.1) and long words without digits (textstat counts a digit as
a letter). Against the hand-written counter this replaced (2026-12-05), the public Danish pages moved by
0.3 LIX at most, pages citing sources by up to 4.3 LIX and 15 Flesch: textstat counts a web address, a DOI or
2015–2018 as one word (it was 2 to 8), and an English word's syllables as spoken ("types" has one, not two).
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import textstat

LIX_TARGET = 40
LONG_WORD_LETTERS = 6  # LIX counts a word as long when it has more letters than this.
PUBLIC_PAGES = ("/", "what-is-peer-support/", "peer-roles/", "course/")
ENGLISH_DIR = "en"
SKIPPED_FILES = ("404.html",)

# Text inside these elements is not part of what a reader reads as prose.
SKIPPED_TAGS = frozenset({
    "code", "pre", "kbd", "samp", "nav", "header", "footer", "script", "style", "svg",
    "button", "template", "noscript",
})
SKIPPED_CLASSES = frozenset({"headerlink"})
# The end (and start) of these elements ends a sentence, even without a full stop.
BLOCK_TAGS = frozenset({
    "p", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd",
    "div", "blockquote", "figcaption", "caption", "section", "details", "summary",
    "table", "ul", "ol", "dl", "br", "hr",
})
VOID_TAGS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
    "source", "track", "wbr",
})

# A full stop, colon, question or exclamation mark ends a sentence only when a space follows,
# so "2.4" and "bjp.bp.110" stay inside their sentence.
SENTENCE_END = re.compile(r"[.!?:]+(?=\s)|\n")
DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class TextStats:
    """Counts of words, sentences, long words and (in English) syllables in a text."""

    words: int
    sentences: int
    long_words: int
    syllables: int


@dataclass(frozen=True)
class PageScore:
    """One row of the report: a page, its language, its counts and its score."""

    page: str
    language: str
    stats: TextStats
    score: float
    public: bool


class _ArticleText(HTMLParser):
    """Collects the readable text of the <article> element, one block per line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open_tags: list[tuple[str, bool]] = []  # (tag, starts a skipped subtree)
        self.article_depth = 0
        self.skip_depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = set((dict(attrs).get("class") or "").split())
        skipped = tag in SKIPPED_TAGS or bool(classes & SKIPPED_CLASSES)
        if tag in BLOCK_TAGS:
            self.parts.append("\n")
        if tag in VOID_TAGS:
            return
        self.open_tags.append((tag, skipped))
        if tag == "article":
            self.article_depth += 1
        if skipped:
            self.skip_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCK_TAGS:
            self.parts.append("\n")
        if not any(open_tag == tag for open_tag, _ in self.open_tags):
            return  # a stray end tag, or the end of a void element
        while self.open_tags:
            open_tag, skipped = self.open_tags.pop()
            if open_tag == "article":
                self.article_depth -= 1
            if skipped:
                self.skip_depth -= 1
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.article_depth and not self.skip_depth:
            self.parts.append(re.sub(r"\s+", " ", data))


def extract_text(html: str) -> str:
    """Return the readable text of the page's <article>, one line per heading, paragraph, list item or cell."""
    parser = _ArticleText()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def split_sentences(text: str) -> list[str]:
    """Split text into sentences at . : ! ? followed by a space, and at each line end."""
    pieces = (piece.strip() for piece in SENTENCE_END.split(text))
    return [piece for piece in pieces if textstat.lexicon_count(piece)]


def text_stats(text: str, language: str) -> TextStats:
    """Count a text's words, sentences, long words (over 6 letters) and, in English, syllables, with textstat."""
    textstat.set_lang(language)
    return TextStats(
        words=textstat.lexicon_count(text),
        # textstat leaves a sentence of one or two words out of its count (while counting its words), so a heading,
        # a table cell or a short list item would lengthen the sentence before it: the script counts them.
        sentences=len(split_sentences(text)),
        # textstat counts a digit as a letter; LIX counts letters, so 2015–2018 or a DOI is no long word.
        long_words=textstat.long_word_count(DIGIT.sub("", text), threshold=LONG_WORD_LETTERS),
        syllables=textstat.syllable_count(text) if language == "en" else 0,
    )


def lix(stats: TextStats) -> float:
    """LIX: words per sentence plus the percentage of long words; 0 for no words."""
    if not stats.words:
        return 0.0
    return stats.words / stats.sentences + 100 * stats.long_words / stats.words


def flesch(stats: TextStats) -> float:
    """Flesch reading ease of English (higher is easier); 0 for no words."""
    if not stats.words:
        return 0.0
    return 206.835 - 1.015 * stats.words / stats.sentences - 84.6 * stats.syllables / stats.words


def page_key(relative: Path) -> str:
    """Return a page's address inside its language, e.g. "/" or "course/", from its HTML file's path."""
    if relative.name == "index.html":
        parent = relative.parent.as_posix()
        return "/" if parent == "." else parent + "/"
    return relative.as_posix()


def score_page(html_file: Path, site: Path) -> PageScore:
    """Measure one built page: LIX if it is Danish, Flesch reading ease if it is English."""
    relative = html_file.relative_to(site)
    english = relative.parts[0] == ENGLISH_DIR
    if english:
        relative = relative.relative_to(ENGLISH_DIR)
    language = "en" if english else "da"
    stats = text_stats(extract_text(html_file.read_text(encoding="utf-8")), language)
    key = page_key(relative)
    return PageScore(
        page=key,
        language=language,
        stats=stats,
        score=flesch(stats) if english else lix(stats),
        public=key in PUBLIC_PAGES,
    )


def find_pages(site: Path) -> list[Path]:
    """List the built HTML pages of the site, leaving out 404 pages."""
    return sorted(
        path for path in site.rglob("*.html")
        if path.name not in SKIPPED_FILES
    )


def format_report(scores: list[PageScore]) -> str:
    """Render the scores as a plain-text table followed by a verdict on the public pages."""
    header = ("page", "lang", "words", "sentences", "score", "measure", "public")
    rows = [header]
    for row in scores:
        verdict = ""
        if row.public:
            verdict = "yes" if row.language == "en" else (
                f"yes, LIX <= {LIX_TARGET}" if row.score <= LIX_TARGET else f"yes, LIX > {LIX_TARGET}"
            )
        rows.append((
            row.page, row.language, str(row.stats.words), str(row.stats.sentences),
            f"{row.score:.1f}", "LIX" if row.language == "da" else "Flesch", verdict,
        ))
    widths = [max(len(row[column]) for row in rows) for column in range(len(header))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    too_hard = [row.page for row in scores if row.public and row.language == "da" and row.score > LIX_TARGET]
    if too_hard:
        lines.append(f"\n{len(too_hard)} public Danish page(s) above LIX {LIX_TARGET}: "
                     + ", ".join(too_hard) + " - shorten sentences and words.")
    else:
        lines.append(f"\nAll public Danish pages have LIX <= {LIX_TARGET}.")
    lines.append("LIX: under 30 very easy, 30-40 easy, 40-50 medium. "
                 "Flesch: 60-70 plain English, higher is easier.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the readability table for a built site; with --strict, exit 1 if a public page is too hard."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default="site", type=Path, help="the built site (default: site)")
    parser.add_argument("--strict", action="store_true",
                        help=f"exit 1 if a public Danish page has LIX above {LIX_TARGET}")
    args = parser.parse_args(argv)
    if not args.site.is_dir():
        print(f"{args.site}: no built site here - run `mkdocs build` first", file=sys.stderr)
        return 2
    scores = sorted(
        (score_page(path, args.site) for path in find_pages(args.site)),
        key=lambda row: (row.page, row.language),
    )
    if not scores:
        print(f"{args.site}: no HTML pages found - run `mkdocs build` first", file=sys.stderr)
        return 2
    print(format_report(scores))
    too_hard = any(row.public and row.language == "da" and row.score > LIX_TARGET for row in scores)
    return 1 if args.strict and too_hard else 0


if __name__ == "__main__":
    sys.exit(main())
