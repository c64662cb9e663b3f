#!/usr/bin/env python3
"""Measure how easy the built site is to read: LIX for Danish pages, Flesch reading ease for English.

Usage: python scripts/readability.py [SITE_DIR] [--strict]

SITE_DIR is the built site (default: site/). Danish pages are those outside SITE_DIR/en/,
English pages those inside it. Only the text of each page's <article> element is measured.
The public pages (home, what is peer support, peer roles, the course) should have LIX <= 40;
with --strict the script exits 1 when one of them does not.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

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

WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
# A full stop, colon, question or exclamation mark ends a sentence only when a space follows,
# so "2.4" and "bjp.bp.110" stay inside their sentence.
SENTENCE_END = re.compile(r"[.!?:]+(?=\s)|\n")
VOWEL_GROUP = re.compile(r"[aeiouy]+")
SOUNDED_LE = re.compile(r"[^aeiouy]le$")


@dataclass(frozen=True)
class TextStats:
    """Counts of words, sentences, long words and English syllables in a text."""

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
    return [piece for piece in pieces if WORD.search(piece)]


def find_words(text: str) -> list[str]:
    """Return the words of a text; a hyphenated word such as peer-støtte counts as one."""
    return WORD.findall(text)


def count_letters(word: str) -> int:
    """Count the letters of a word, leaving out hyphens, apostrophes and digits."""
    return sum(1 for char in word if char.isalpha())


def count_syllables(word: str) -> int:
    """Estimate an English word's syllables as its vowel groups, less a silent final e; at least 1."""
    word = word.lower()
    groups = len(VOWEL_GROUP.findall(word))
    # A final e is silent ("make"), except in a consonant + "le" ending ("table").
    if groups > 1 and word.endswith("e") and not SOUNDED_LE.search(word):
        groups -= 1
    return max(1, groups)


def text_stats(text: str) -> TextStats:
    """Count the words, sentences, long words (over 6 letters) and syllables of a text."""
    words = find_words(text)
    return TextStats(
        words=len(words),
        sentences=len(split_sentences(text)),
        long_words=sum(1 for word in words if count_letters(word) > LONG_WORD_LETTERS),
        syllables=sum(count_syllables(word) for word in words),
    )


def lix(text: str) -> float:
    """Return the LIX of a text: words per sentence plus the percentage of long words; 0 if empty."""
    stats = text_stats(text)
    if not stats.words:
        return 0.0
    return stats.words / stats.sentences + 100 * stats.long_words / stats.words


def flesch(text: str) -> float:
    """Return the Flesch reading ease of an English text (higher is easier); 0 if empty."""
    stats = text_stats(text)
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
    text = extract_text(html_file.read_text(encoding="utf-8"))
    key = page_key(relative)
    return PageScore(
        page=key,
        language="en" if english else "da",
        stats=text_stats(text),
        score=flesch(text) if english else lix(text),
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
