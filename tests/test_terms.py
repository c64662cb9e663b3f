"""Glossary terms: the first use on a page links to the explanation, nowhere else is touched."""

from peersite.terms import GlossaryTerm, glossary_terms, link_first_uses

TERMS = glossary_terms([
    {"id": "peer", "term": "Peer", "abbr": None, "definition": "En person med *egne* erfaringer."},
    {"id": "peer-stoette", "term": "Peer-støtte", "abbr": None, "definition": "Støtte fra en peer."},
    {"id": "visitation", "term": "Visitation (assessment)", "abbr": None, "definition": "Kommunens vurdering."},
    {"id": "rct", "term": "RCT", "abbr": "RCT", "definition": "Forsøg med lodtrækning."},
])


def test_terms_are_matched_by_their_words_longest_first_without_abbreviations():
    assert TERMS == [
        GlossaryTerm("Peer-støtte", "Støtte fra en peer.", "peer-stoette"),
        GlossaryTerm("Visitation", "Kommunens vurdering.", "visitation"),
        GlossaryTerm("Peer", "En person med egne erfaringer.", "peer"),
    ]


def test_first_use_in_running_text_is_linked_once():
    page = "<h2>Peer</h2><p>En peer giver peer-støtte. En peer igen, uden visitation.</p>"
    assert link_first_uses(page, TERMS, "../glossary/") == (
        "<h2>Peer</h2><p>En "
        '<a class="glossary-term" href="../glossary/#peer" title="En person med egne erfaringer.">peer</a> giver '
        '<a class="glossary-term" href="../glossary/#peer-stoette" title="Støtte fra en peer.">peer-støtte</a>.'
        " En peer igen, uden "
        '<a class="glossary-term" href="../glossary/#visitation" title="Kommunens vurdering.">visitation</a>.</p>'
    )


def test_links_code_and_words_inside_other_words_are_left_alone():
    page = '<p><a href="x/">peer</a> <code>peer</code> peers peerne</p>'
    assert link_first_uses(page, TERMS, "../glossary/") == page
