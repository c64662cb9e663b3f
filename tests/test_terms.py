"""Glossary words on a page: every abbreviation explained, each term's first use linked, nothing else touched."""

from types import SimpleNamespace

from peersite.pages.terms import Explainer, GlossaryTerm, glossary_terms


def entry(id, term, definition, abbr=None):
    """A localised glossary record."""
    return SimpleNamespace(id=id, term=term, definition=definition, abbr=abbr)


TERMS = glossary_terms([
    entry("peer", "Peer", "En person med *egne* erfaringer."),
    entry("peer-stoette", "Peer-støtte", "Støtte fra en peer."),
    entry("visitation", "Visitation (assessment)", "Kommunens vurdering."),
    entry("rct", "RCT (forsøg med lodtrækning)", "Forsøg, hvor lodtrækning afgør.", abbr="RCT"),
])
EXPLAINER = Explainer(TERMS)


def test_terms_are_matched_by_their_words_longest_first():
    assert TERMS == [
        GlossaryTerm("Peer-støtte", "Støtte fra en peer.", "peer-stoette"),
        GlossaryTerm("Visitation", "Kommunens vurdering.", "visitation"),
        GlossaryTerm("Peer", "En person med egne erfaringer.", "peer"),
        GlossaryTerm("RCT", "RCT (forsøg med lodtrækning): Forsøg, hvor lodtrækning afgør.", "rct", abbreviation=True),
    ]


def test_first_use_in_running_text_is_linked_once():
    page = "<h2>Peer</h2><p>En peer giver peer-støtte. En peer igen, uden visitation.</p>"
    assert EXPLAINER.explain(page, "../glossary/") == (
        "<h2>Peer</h2><p>En "
        '<a class="glossary-term" href="../glossary/#peer" title="En person med egne erfaringer.">peer</a> giver '
        '<a class="glossary-term" href="../glossary/#peer-stoette" title="Støtte fra en peer.">peer-støtte</a>.'
        " En peer igen, uden "
        '<a class="glossary-term" href="../glossary/#visitation" title="Kommunens vurdering.">visitation</a>.</p>'
    )


def test_every_abbreviation_is_explained_even_in_headings_but_not_inside_links():
    page = '<h2>Et RCT</h2><p>RCT og RCT, <a href="x/">RCT</a>, RCTer</p>'
    abbr = '<abbr tabindex="0" title="RCT (forsøg med lodtrækning): Forsøg, hvor lodtrækning afgør.">RCT</abbr>'
    assert EXPLAINER.explain(page, "") == f'<h2>Et {abbr}</h2><p>{abbr} og {abbr}, <a href="x/">RCT</a>, RCTer</p>'


def test_an_abbreviation_that_ends_a_compound_is_explained_but_a_term_is_not_linked_there():
    """"95 %-KI": the abbreviation after the hyphen is explained; "RCT-studie" and "ikke-peer" are left alone."""
    page = "<p>Et 95 %-RCT, et RCT-studie og en ikke-peer.</p>"
    abbr = '<abbr tabindex="0" title="RCT (forsøg med lodtrækning): Forsøg, hvor lodtrækning afgør.">RCT</abbr>'
    assert EXPLAINER.explain(page, "../glossary/") == f"<p>Et 95 %-{abbr}, et RCT-studie og en ikke-peer.</p>"


def test_links_code_and_words_inside_other_words_are_left_alone():
    page = '<p><a href="x/">peer</a> <code>peer RCT</code> peers peerne</p>'
    assert EXPLAINER.explain(page, "../glossary/") == page


def test_the_glossary_itself_links_no_terms_but_explains_abbreviations():
    page = "<p>En peer i et RCT.</p>"
    explained = EXPLAINER.explain(page, "", link_terms=False)
    assert "glossary-term" not in explained and "<abbr" in explained


def test_definitions_are_escaped_in_the_title():
    explainer = Explainer(glossary_terms([entry("x", "Ord", 'Et "citat" & <b>ikke kode</b>.')]))
    assert explainer.explain("<p>ord</p>", "") == (
        '<p><a class="glossary-term" href="#x" title="Et &#34;citat&#34; &amp; &lt;b&gt;ikke kode&lt;/b&gt;.">ord</a></p>'
    )
