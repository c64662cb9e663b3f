"""Tables rewritten to read well on a phone and in search results (peersite/pages/tables.py)."""

from peersite.pages.tables import rewrite_tables

TABLE = """<p>Før</p>
<table>
<thead>
<tr>
<th>Model</th>
<th style="text-align: left;">Lønnet &amp; <a href="x/">frivillig</a> "1"</th>
</tr>
</thead>
<tbody>
<tr>
<td><a href="a/">1. A</a></td>
<td>Lønnet</td>
</tr>
<tr>
<td>2. B</td>
<td></td>
</tr>
</tbody>
</table>"""

COMPARISON = """<table>
<thead>
<tr><th scope="col">Punkt</th><th scope="col" data-model="a">1. A</th></tr>
</thead>
<tbody>
<tr><th scope="row">Region</th><td data-model="a">Region A</td></tr>
</tbody>
</table>"""


def test_each_data_cell_is_labelled_with_its_column_header_as_text():
    rewritten = rewrite_tables(TABLE)
    assert '<td data-label="Model"><a href="a/">1. A</a><span class="table-separator"> · </span></td>' in rewritten
    assert '<td data-label="Lønnet &amp; frivillig &#34;1&#34;">Lønnet<span class="table-separator"> · </span></td>' in rewritten


def test_an_empty_cell_gets_no_separator():
    assert '<td data-label="Lønnet &amp; frivillig &#34;1&#34;"></td>' in rewrite_tables(TABLE)


def test_the_header_row_is_left_out_of_search_and_the_rest_of_the_page_is_untouched():
    rewritten = rewrite_tables(TABLE)
    assert rewritten.startswith("<p>Før</p>\n<table>\n<thead data-search-exclude>\n<tr>\n<th>Model</th>")
    assert rewrite_tables(rewritten) == rewritten


def test_a_row_header_is_not_labelled_and_a_column_header_labels_its_column():
    rewritten = rewrite_tables(COMPARISON)
    assert '<th scope="row">Region<span class="table-separator"> · </span></th>' in rewritten
    assert '<td data-model="a" data-label="1. A">Region A<span class="table-separator"> · </span></td>' in rewritten


def test_a_table_without_a_header_row_is_left_as_it_is():
    plain = "<table><tbody><tr><td>a</td><td>b</td></tr></tbody></table>"
    assert rewrite_tables(plain) == plain
