"""The readability script: the prose it takes from a page, the counts textstat makes of it, the report."""

import importlib.util
import sys
from pathlib import Path

import pytest
import textstat

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "readability.py"
_spec = importlib.util.spec_from_file_location("readability", SCRIPT)
readability = importlib.util.module_from_spec(_spec)
sys.modules["readability"] = readability  # dataclasses look their module up here
_spec.loader.exec_module(readability)

PAGE_HTML = """<!doctype html>
<html><body>
<header>Peer-støtte i psykiatrien</header>
<nav><a href="/">Forside</a></nav>
<article class="md-content__inner md-typeset">
<a class="md-content__button md-icon" title="Rediger"><svg><path d="M0"/></svg></a>
<h1 id="kom-i-gang">Kom i gang<a class="headerlink" href="#kom-i-gang" title="Permanent link">&para;</a></h1>
<p>Første linje
fortsætter her. Kør <code>make check</code> nu.</p>
<ul><li>Et</li><li>To<br>Tre</li></ul>
<table><tr><th>Model</th><td>Lønnet</td></tr></table>
<pre><code>not prose</code></pre>
</article>
<footer>Tilgængelighed</footer>
</body></html>"""


def test_extract_text_keeps_article_prose_only():
    assert readability.extract_text(PAGE_HTML) == (
        "Kom i gang\n"
        "Første linje fortsætter her. Kør nu.\n"
        "Et\n"
        "To\n"
        "Tre\n"
        "Model\n"
        "Lønnet"
    )


def test_extract_text_without_article_is_empty():
    assert readability.extract_text("<html><body><p>Ingen artikel</p></body></html>") == ""


def test_split_sentences_ends_at_punctuation_before_a_space_and_at_line_ends():
    assert readability.split_sentences("Se 2.4 her: tre ord! Ja?\nListe\n—") == [
        "Se 2.4 her", "tre ord", "Ja", "Liste",
    ]


def test_text_stats_counts_hyphenated_words_once():
    # 8 words; long words: peer-støtte (10 letters), ligestillede (12); støtte and mellem have 6.
    stats = readability.text_stats("Peer-støtte er støtte mellem ligestillede. Den giver håb.", "da")
    assert stats == readability.TextStats(words=8, sentences=2, long_words=2, syllables=0)


def test_digits_are_no_letters_of_a_long_word():
    # Forsøget (8 letters) is long; 2015–2018 is one word of no letters (textstat alone would count it long).
    assert readability.text_stats("Forsøget 2015–2018 varede fire år.", "da") == readability.TextStats(
        words=5, sentences=1, long_words=1, syllables=0)


def test_a_heading_or_table_cell_of_one_or_two_words_is_a_sentence():
    # 10 words, 3 long (frivillig, ansatte, arbejde). LIX counts the three lines: 10 / 3 + 100 * 3 / 10; textstat.lix
    # counts one sentence of 10 words, as if the heading and the cell lengthened the sentence after them.
    text = "Lønnet\nFrivillig hjælp\nDe ansatte får løn for deres arbejde."
    assert readability.lix(readability.text_stats(text, "da")) == pytest.approx(10 / 3 + 30)
    assert textstat.lix(text) == pytest.approx(10 + 30)


def test_lix():
    # 8 words / 2 sentences + 100 * 2 long words / 8 words = 4 + 25
    stats = readability.text_stats("Peer-støtte er støtte mellem ligestillede. Den giver håb.", "da")
    assert readability.lix(stats) == 29.0


def test_lix_treats_each_line_as_a_sentence():
    # 4 words / 4 lines + 100 * 1 long word (frivillig, 9 letters) / 4 words = 1 + 25
    assert readability.lix(readability.text_stats("Lønnet\nfrivillig\nbegge\nåben", "da")) == 26.0


def test_flesch_one_sentence():
    # 6 words, 1 sentence, 6 syllables: 206.835 - 1.015 * 6 - 84.6 * 1
    assert readability.flesch(readability.text_stats("The cat sat on the mat.", "en")) == pytest.approx(116.145)


def test_flesch_counts_syllables_as_spoken():
    # peer 1, support 2, can 1, give 1, hope 1, recovery 3 (the CMU dictionary's first way), takes 1, time 1 = 11
    # syllables: 206.835 - 1.015 * 8 / 2 - 84.6 * 11 / 8. Counting vowel groups made "takes" two.
    stats = readability.text_stats("Peer support can give hope. Recovery takes time.", "en")
    assert stats.syllables == 11
    assert readability.flesch(stats) == pytest.approx(206.835 - 4.06 - 84.6 * 11 / 8)


def test_empty_text_scores_zero():
    assert readability.lix(readability.text_stats("", "da")) == 0.0
    assert readability.flesch(readability.text_stats("  \n ", "en")) == 0.0


@pytest.mark.parametrize(("path", "key"), [
    ("index.html", "/"),
    ("course/index.html", "course/"),
    ("models/bro-til-hverdagslivet/index.html", "models/bro-til-hverdagslivet/"),
    ("about.html", "about.html"),
])
def test_page_key(path, key):
    assert readability.page_key(Path(path)) == key


def test_main_scores_danish_and_english_pages_and_skips_404(tmp_path, capsys):
    (tmp_path / "en").mkdir()
    (tmp_path / "index.html").write_text(
        "<article><p>Peer-støtte er støtte mellem ligestillede. Den giver håb.</p></article>",
        encoding="utf-8")
    (tmp_path / "en" / "index.html").write_text(
        "<article><p>The cat sat on the mat.</p></article>", encoding="utf-8")
    (tmp_path / "404.html").write_text("<article><p>Ikke fundet.</p></article>", encoding="utf-8")

    assert readability.main([str(tmp_path), "--strict"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[2].split() == ["/", "da", "8", "2", "29.0", "LIX", "yes,", "LIX", "<=", "40"]
    assert rows[3].split() == ["/", "en", "6", "1", "116.1", "Flesch", "yes"]
    assert len([row for row in rows if row.startswith("/")]) == 2


def test_main_strict_fails_when_a_public_danish_page_is_too_hard(tmp_path, capsys):
    (tmp_path / "course").mkdir()
    (tmp_path / "course" / "index.html").write_text(
        "<article><p>Organisationsudvikling kræver implementeringsstrategier.</p></article>",
        encoding="utf-8")
    assert readability.main([str(tmp_path), "--strict"]) == 1
    assert "above LIX 40: course/" in capsys.readouterr().out
