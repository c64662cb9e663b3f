"""Help now: every phone number on the site is a link a phone dials (or texts) in one tap, with where it comes from
and when it was checked; every page's header leads to the crisis box; the find-support page gives each region's
numbers and every offer with its source; an editor's malformed number or source gets a located message.
Expectations come from content/data.yml, so a correct new number or offer never breaks them."""

import html
import re
from urllib.parse import urljoin

import pytest

from conftest import REAL_SITE, site_pages, write_data
from peersite import url_prefix
from peersite.data.fields import PhoneNumber
from peersite.checks.links import web_addresses
from peersite.pages.page_table import help_now_url
from peersite.pages.render import labels, localise
from test_data_errors import run_check

LANGUAGES = ("da", "en")


def page(site, language: str, path: str) -> str:
    """A built page's HTML by its path under the language's root."""
    return (site / url_prefix(language) / path / "index.html").read_text(encoding="utf-8")


def article(markup: str) -> str:
    """The main content of a page."""
    return re.search(r"<article[^>]*>(.*)</article>", markup, re.S).group(1)


def text(markup: str) -> str:
    """A piece of HTML as the words a reader sees."""
    inline = re.sub(r"</?(?:a|abbr|em|strong|span|code|br)\b[^>]*>", "", markup)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", inline)).split())


def section(content: str, anchor: str) -> str:
    """The HTML from the heading with this id to the next heading of the same or a higher level."""
    heading = re.search(rf'<h([23])[^>]*id="{re.escape(anchor)}"', content)
    assert heading, f"no heading #{anchor}"
    end = re.compile(rf"<h[2-{heading[1]}][ >]").search(content, heading.end())
    return content[heading.start():end.start() if end else len(content)]


def long_date(iso: str, language: str) -> str:
    """A date as the pages write it in a language."""
    words = localise(labels(), language)
    year, month, day = (int(part) for part in iso.split("-"))
    return words["date_pattern"].format(day=day, month=words["months"][month - 1], year=year)


def place(source) -> str:
    """What a reader sees of where a help fact was seen: the page's site, the site's name or the newspaper's."""
    if source.url:
        return source.url.split("//")[1].split("/")[0].removeprefix("www.")
    return source.site or source.name


def assert_sourced(markup: str, sources, language: str) -> None:
    """Each source's place, whose page it is, its own date and the day it was checked are in the markup's text."""
    shown = text(markup)
    words = localise(labels(), language)
    for source in sources:
        assert place(source) in shown
        assert words["source_kinds"][source.kind] in shown
        assert f"{words['checked']} {long_date(source.checked, language)}" in shown
        for name, date in (("page_published", source.published), ("page_updated", source.updated)):
            if date:
                assert f"{words[name]} {date if isinstance(date, int) else long_date(date, language)}" in shown


def phone_link(number) -> str:
    """The start of the link a number must be: tel: or sms:, in the +45 form a phone dials."""
    return f'<a class="phone-link" href="{ {"phone": "tel", "sms": "sms"}[number.kind]}:{number.number.tel}"'


def all_numbers():
    """Every number the data gives, with the part of the find-support page it stands in."""
    support = REAL_SITE.find_support
    yield from ((number, "help-now") for number in support.crisis.numbers)
    yield from ((number, help.region) for help in support.regions for number in help.numbers)
    yield from ((number, offer.id) for offer in support.offers for number in offer.numbers)


@pytest.mark.parametrize("written, tel", [
    ("112", "112"),
    ("1813", "1813"),
    ("70 201 201", "+4570201201"),
    ("70 11 07 07", "+4570110707"),
])
def test_a_number_is_dialled_in_full_from_any_country_service_numbers_as_they_are(written, tel):
    assert PhoneNumber(written).tel == tel


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_number_on_find_support_is_a_link_with_its_source_and_the_day_it_was_checked(built_site, language):
    content = article(page(built_site, language, "find-support"))
    checked = 0
    for number, anchor in all_numbers():
        part = section(content, anchor) if anchor != "help-now" else content.split('id="pick-region"')[0]
        link = re.search(re.escape(phone_link(number)) + r' aria-label="([^"]+)">([^<]+)</a>', part)
        assert link, f"{number.number} is not a {number.kind} link in #{anchor}"
        label, shown = html.unescape(link[1]), link[2]
        assert shown == number.number
        assert label.endswith(f"{localise(number.name, language)}: {number.number}")
        assert localise(number.for_what, language) in text(part)
        assert_sourced(part, number.sources, language)
        checked += 1
    assert checked >= 2 + len(REAL_SITE.find_support.regions)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_region_has_a_heading_reached_from_the_region_list(built_site, language):
    content = article(page(built_site, language, "find-support"))
    picker = re.search(r'<div class="region-picker">(.*?)</div>', content, re.S)
    assert picker
    regions = REAL_SITE.find_support.regions
    assert re.findall(r'href="#([^"]+)"', picker[1]) == [help.region for help in regions]
    for help in regions:
        part = section(content, help.region)
        assert localise(REAL_SITE.by_id["organisations"][help.region].name, language) in text(part)
        for fact in help.facts:
            assert localise(fact.text, language) in text(part)
            assert_sourced(part, fact.sources, language)
        if help.left_out:
            assert localise(help.left_out, language) in text(part)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_offer_says_for_whom_what_who_cost_and_how_with_its_source(built_site, language):
    content = article(page(built_site, language, "find-support"))
    words = localise(labels(), language)
    for offer in REAL_SITE.find_support.offers:
        shown = text(section(content, offer.id))
        assert localise(offer.what, language) in shown
        assert f"{words['for_whom']}: {localise(offer.for_whom, language) if offer.for_whom else words['offer_not_stated']}" in shown
        assert f"{words['price']}: {localise(offer.cost, language) if offer.cost else words['offer_not_stated']}" in shown
        for organisation in offer.run_by:
            assert localise(REAL_SITE.by_id["organisations"][organisation].name, language) in shown
        if offer.reach:
            assert localise(offer.reach, language).split("[")[0] in shown
        assert offer.reach or offer.numbers or f"{words['reach']}: {words['reach_not_stated']}" in shown
        assert_sourced(section(content, offer.id), offer.sources, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_offers_stand_under_whom_they_are_for_and_the_other_sections_point_to_them(built_site, language):
    content = article(page(built_site, language, "find-support"))
    words = localise(labels(), language)
    headings = [text(h) for h in re.findall(r"<h2[^>]*>(.*?)<a class=\"headerlink\"", content)]
    audiences = list(words["audiences"].values())
    assert headings[:2 + len(audiences)] == [words["help_now"], words["pick_region"], *audiences]
    assert headings[2 + len(audiences)] == words["join_course"]
    parts = re.split(r"<h2[^>]*>", content)[3:3 + len(audiences)]
    for audience, part in zip(words["audiences"], parts):
        standing = [offer for offer in REAL_SITE.find_support.offers if offer.audiences[0] == audience]
        assert re.findall(r'<h3 id="([^"]+)"', part) == [offer.id for offer in standing]
        also = [offer.id for offer in REAL_SITE.find_support.offers if audience in offer.audiences[1:]]
        assert set(re.findall(r'<a href="#([^"]+)">', part)) >= set(also)
        for gap in REAL_SITE.find_support.gaps:
            if gap.audience == audience:
                assert localise(gap.text, language) in text(part)
                assert_sourced(part, gap.sources, language)


@pytest.mark.parametrize("language, words", [
    ("da", ["krise", "akut", "112", "selvmord", "hjælp nu", "pårørende"]),
    ("en", ["crisis", "emergency", "suicide", "help now", "relatives"]),
])
def test_find_support_uses_the_words_readers_search_for(built_site, language, words):
    shown = text(article(page(built_site, language, "find-support"))).casefold()
    assert [word for word in words if word not in shown] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_shows_the_crisis_numbers_from_the_data_with_their_sources(built_site, language):
    home = article(page(built_site, language, ""))
    box = re.search(r'<div class="help-now-home">(.*?)</div>', home, re.S)
    assert box, "no crisis numbers on the home page"
    for number in REAL_SITE.find_support.crisis.numbers:
        assert phone_link(number) in box[1]
        assert_sourced(box[1], number.sources, language)
    assert f'href="{help_now_url(language).removeprefix(url_prefix(language))}"' in box[1]


def test_every_page_has_the_help_now_link_in_its_header_in_its_own_language(built_site):
    pages = site_pages(built_site)
    assert len(pages) > 60
    wrong = []
    for path in pages:
        address = path.relative_to(built_site).as_posix()
        language = "en" if address.startswith("en/") else "da"
        markup = path.read_text(encoding="utf-8")
        header = re.search(r"<header\b.*?</header>", markup, re.S)
        link = header and re.search(r'<a class="help-now-link" href="([^"]+)"><span>([^<]+)</span></a>', header[0])
        if not link:
            wrong.append(f"{address}: no link")
            continue
        if urljoin(f"http://site/{address.removesuffix('index.html')}", link[1]) != f"http://site/{help_now_url(language)}":
            wrong.append(f"{address}: {link[1]}")
        if html.unescape(link[2]) != localise(labels()["help_now_link"], language):
            wrong.append(f"{address}: '{link[2]}'")
    assert wrong == []


def test_no_phone_number_on_any_page_is_plain_text(built_site):
    """Every number the data gives is tappable wherever it stands: outside a tel:/sms: link it appears nowhere."""
    written = {str(number.number) for number, _ in all_numbers()}
    found = []
    for path in sorted(built_site.rglob("*.html")):
        body = re.search(r"<body\b.*</body>", path.read_text(encoding="utf-8"), re.S)[0]
        body = re.sub(r'<a class="phone-link"[^>]*>[^<]*</a>', "", body)
        body = re.sub(r"<(?:script|style)\b.*?</(?:script|style)>", "", body, flags=re.S)
        shown = text(body)
        found += [f"{path.relative_to(built_site)}: {number}" for number in written if re.search(rf"(?<!\d)(?<!\d[.,]){number}(?!\d)(?![.,]\d)", shown)]
    assert found == []


def test_the_external_link_check_visits_every_page_a_help_fact_was_seen_on():
    """`make linkcheck-external` checks each help source's page, or the root of a site named without its page."""
    support = REAL_SITE.find_support
    sources = [source for number, _ in all_numbers() for source in number.sources]
    sources += [source for item in (*support.offers, *support.gaps) for source in item.sources]
    sources += [source for help in support.regions for fact in help.facts for source in fact.sources]
    addresses = {source.address for source in sources if source.address}
    assert "https://regionh.dk/" in addresses
    assert addresses <= set(web_addresses(REAL_SITE))


# An editor's mistakes in a number or its source: (kind, text in minimal.yml, what the editor wrote, the report lines)
MISTAKES = [
    ("malformed-number", 'number: "70 201 201"', 'number: "70 201 20"', [
        "content/data.yml:219:17: find_support.crisis.numbers[1].number: '70 201 20' is not a Danish phone number"
        ' — write its 8 digits as the source groups them, like "70 201 201" (+45 before them if the source writes it),'
        ' or a service number of 3 or 4 digits, like "1813"',
    ]),
    ("number-with-another-country-code", 'number: "70 201 201"', 'number: "+46 70 201 201"', [
        "content/data.yml:219:17: find_support.crisis.numbers[1].number: '+46 70 201 201' is not a Danish phone number"
        ' — write its 8 digits as the source groups them, like "70 201 201" (+45 before them if the source writes it),'
        ' or a service number of 3 or 4 digits, like "1813"',
    ]),
    ("number-without-quotes", 'number: "1813"', "number: 1813", [
        "content/data.yml:233:19: find_support.regions[0].numbers[0].number: expected a phone number in quotes,"
        ' got \'1813\' — write it as "1813"',
    ]),
    ("unknown-number-kind", "          kind: sms\n", "          kind: text\n", [
        "content/data.yml:260:17: find_support.offers[0].numbers[0].kind: unknown value 'text'"
        " — use one of: phone, sms",
    ]),
    ("no-source-place", "            - name: Avisen\n              kind: press\n", "            - kind: press\n", [
        "content/data.yml:246:15: find_support.regions[0].facts[0].sources[0]: missing field 'url' or 'site' or 'name'"
        " — add one of them",
    ]),
    # The misspelt name is reported once: not also as a source that names no place.
    ("misspelt-source-place", "            - name: Avisen\n", "            - nmae: Avisen\n", [
        "content/data.yml:246:15: find_support.regions[0].facts[0].sources[0].nmae: unknown field 'nmae'"
        " — did you mean 'name'? use one of: url, site, name, page, kind, published, updated, checked",
    ]),
    ("two-source-places", "        - name: En hjemmeside\n", "        - name: En hjemmeside\n          site: example.net\n", [
        "content/data.yml:278:11: find_support.gaps[0].sources[0].site: name and site are both written"
        " — keep only one of 'url' or 'site' or 'name'",
    ]),
    ("address-as-site", "        - name: En hjemmeside\n", "        - site: https://example.net/side\n", [
        "content/data.yml:277:17: find_support.gaps[0].sources[0].site: 'https://example.net/side' is not a site name"
        " — write only the site's name, like regionh.dk (a page's full address goes in url:)",
    ]),
    ("no-sources", "          sources:\n            - name: Avisen\n              kind: press\n              checked: \"2026-11-22\"\n",
     "          sources: []\n", [
        "content/data.yml:245:20: find_support.regions[0].facts[0].sources: the list needs at least 1 item, it has 0"
        " — add each on its own line starting with '- '",
    ]),
    ("unknown-source-kind", "          kind: third-party\n          checked: \"2026-11-22\"\n  join_course",
     "          kind: blog\n          checked: \"2026-11-22\"\n  join_course", [
        "content/data.yml:278:17: find_support.gaps[0].sources[0].kind: unknown value 'blog'"
        " — use one of: official, press, municipal, third-party",
    ]),
    ("bad-page-date", 'published: "2022-05-25"', 'published: "maj 2022"', [
        "content/data.yml:240:26: find_support.regions[0].numbers[0].sources[0].published: expected a year or a date,"
        " got a text ('maj 2022') — write a year, like 2019, or a day as YYYY-MM-DD, like \"2022-05-25\"",
    ]),
]


@pytest.mark.parametrize("old, new, expected", [m[1:] for m in MISTAKES], ids=[m[0] for m in MISTAKES])
def test_a_mistake_in_a_number_or_its_source_is_reported_where_it_is(tmp_path, old, new, expected):
    write_data(tmp_path, (old, new))
    result = run_check(tmp_path)
    count = len(expected)
    assert result.returncode == 1
    assert result.stderr.splitlines() == expected + [f"{count} error{'s' if count > 1 else ''} in content/data.yml; nothing was built."]
    assert "Traceback" not in result.stderr
