"""Every sentence our own: no built page shares a run of 8 words with a seed text, outside quotations.

The rule the test applies, word by word after folding case and dropping punctuation:
- A quotation is text between »…« (Danish) or “…” (English), or inside <q> or <cite>. Quotation marks
  are for titles of works, sessions and courses given word for word, never for facts.
- A formatted reference (<p class="citation">, made by the citation processor) quotes a work's own title
  and publication details: it is a quotation too.
- A run made only of proper names from the data (organisations, partnerships, models), joined by
  "og"/"and"/"samt", is a list of names, not a sentence, and is allowed.
- Runs do not cross a quotation or the edge of a paragraph, list item, table cell or heading.
"""

import re
import unicodedata
from html.parser import HTMLParser

import pytest

from conftest import REAL_SITE, ROOT

SEEDS = ROOT.parent / "shared" / "seeds"
# The seeds are beside the project on the team's machines and its CI, not in the repository (as on GitHub).
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="shared/seeds is not beside the project (as on GitHub)")
RUN = 8
QUOTES = {"»": "«", "“": "”"}
QUOTE_ELEMENTS = {"q", "cite"}
BLOCKS = {
    "p", "li", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "div", "tr", "table",
    "ul", "ol", "blockquote", "details", "summary", "figcaption", "br", "article",
}
SKIPPED = {"script", "style", "svg"}
JOINERS = {"og", "and", "samt"}
TOKEN = re.compile(r"\w+|[»«“”]")


def words(text: str) -> list[str]:
    """The words of a text, case-folded, without punctuation."""
    return re.findall(r"\w+", unicodedata.normalize("NFC", text).casefold())


class PageText(HTMLParser):
    """A page's article and meta description as pieces of text, each marked as quoted or not, with block edges."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.pieces: list[tuple[str, bool] | None] = []  # None marks the edge of a block
        self.in_article = self.skipped = self.quoting = 0
        self.in_citation = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "meta" and attributes.get("name") == "description":
            self.pieces += [None, (attributes.get("content") or "", False), None]
        self.in_article += tag == "article"
        self.skipped += tag in SKIPPED
        self.quoting += tag in QUOTE_ELEMENTS
        self.in_citation |= tag == "p" and "citation" in (attributes.get("class") or "").split()
        if tag in BLOCKS:
            self.pieces.append(None)

    def handle_endtag(self, tag):
        self.in_article -= tag == "article"
        self.skipped -= tag in SKIPPED
        self.quoting -= tag in QUOTE_ELEMENTS
        self.in_citation &= tag != "p"
        if tag in BLOCKS:
            self.pieces.append(None)

    def handle_data(self, data):
        if self.in_article and not self.skipped:
            self.pieces.append((data, self.quoting > 0 or self.in_citation))


def unquoted_stretches(html: str) -> list[list[str]]:
    """Runs of words outside quotations, split at every quotation and block edge."""
    parser = PageText()
    parser.feed(html)
    stretches, current, closing = [], [], None
    for piece in parser.pieces + [None]:
        if piece is None:
            stretches.append(current)
            current, closing = [], None
            continue
        text, quoted = piece
        for token in TOKEN.findall(text):
            if closing is None and token in QUOTES:
                closing = QUOTES[token]
                stretches.append(current)
                current = []
            elif closing is not None and token == closing:
                closing = None
            elif token[0].isalnum() or token[0] == "_":
                if closing is None and not quoted:
                    current.extend(words(token))
                elif current:
                    stretches.append(current)
                    current = []
    return [stretch for stretch in stretches if len(stretch) >= RUN]


def seed_runs() -> dict[tuple[str, ...], str]:
    """Every run of 8 words in the seed texts, with the seed file it comes from."""
    runs = {}
    for seed in sorted(SEEDS.glob("*.txt")):
        text = words(seed.read_text(encoding="utf-8"))
        for start in range(len(text) - RUN + 1):
            runs.setdefault(tuple(text[start:start + RUN]), seed.name)
    return runs


def proper_names() -> set[tuple[str, ...]]:
    """The names of organisations, partnerships and models in both languages, with and without a gloss."""
    names = set()
    for section in ("organisations", "partnerships", "models"):
        for record in getattr(REAL_SITE, section):
            for name in (record.name.da, record.name.en):
                names |= {tuple(words(name)), tuple(words(name.split(" (")[0]))}
    return names


def name_positions(stretch: list[str], names: set[tuple[str, ...]]) -> set[int]:
    """The positions in a stretch of words that belong to a proper name."""
    positions = set()
    for name in names:
        for start in range(len(stretch) - len(name) + 1):
            if tuple(stretch[start:start + len(name)]) == name:
                positions.update(range(start, start + len(name)))
    return positions


def shared_runs(html: str, seeds: dict, names: set) -> list[str]:
    """The longest stretches of a page's own words shared with a seed, each as text with its seed file."""
    found = []
    for stretch in unquoted_stretches(html):
        named = name_positions(stretch, names)
        shared = [
            start for start in range(len(stretch) - RUN + 1)
            if tuple(stretch[start:start + RUN]) in seeds
            and not all(i in named or stretch[i] in JOINERS for i in range(start, start + RUN))
        ]
        spans: list[list[int]] = []
        for start in shared:
            if spans and start <= spans[-1][1]:
                spans[-1][1] = start + RUN
            else:
                spans.append([start, start + RUN])
        found += [f"{' '.join(stretch[a:b])} ({seeds[tuple(stretch[a:a + RUN])]})" for a, b in spans]
    return found


SEED_RUNS = seed_runs()
NAMES = proper_names()
COPIED = "Peer-støtte er gensidig støtte mellem mennesker, som i en eller anden grad deler erfaringer"


def test_seeds_are_there_to_compare_with():
    assert len(SEED_RUNS) > 3000


@pytest.mark.parametrize(("html", "expected"), [
    (f"<article><p>{COPIED}.</p></article>", 1),
    (f"<article><p>Som kilden skriver: »{COPIED}«.</p></article>", 0),
    (f"<article><p>“{COPIED}”</p></article>", 0),
    (f"<article><p><q>{COPIED}</q></p></article>", 0),
    (f'<article><p class="citation">{COPIED}.</p><p>{COPIED}.</p></article>', 1),
    ("<article><p>Peer-støtte er gensidig støtte mellem mennesker, som i en eller anden grad</p></article>", 1),
    ("<article><p>Peer-støtte er gensidig støtte mellem mennesker,</p><p>som i en eller anden grad</p></article>", 0),
    (f'<head><meta name="description" content="{COPIED}"></head><article></article>', 1),
    ("<article><p>Region Hovedstaden, Københavns Kommune, Rudersdal Kommune, Helsingør Kommune, "
     "Det Sociale Netværk</p></article>", 0),
    ("<article><p>I Region Hovedstaden var Det Sociale Netværk og SIND en del af projektet.</p></article>", 1),
])
def test_copied_words_are_found_unless_quoted_or_only_names(html, expected):
    assert len(shared_runs(html, SEED_RUNS, NAMES)) == expected


def test_no_page_shares_eight_words_in_a_row_with_a_seed(built_site):
    copied = [
        f"{page.relative_to(built_site)}: {run}"
        for page in sorted(built_site.rglob("*.html"))
        for run in shared_runs(page.read_text(encoding="utf-8"), SEED_RUNS, NAMES)
    ]
    assert copied == [], "Write these in your own words, or quote a title as »…« / “…”:\n" + "\n".join(copied)
