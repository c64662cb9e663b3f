"""Paper: a page of each kind prints on A4 with the site's name, its address, every heading, the day it was last
reviewed and where its sources are, without navigation or footer; the comparison and the evidence map
print every column on landscape A4, and a comparison of chosen models names them and prints the address
of the choice; a model page prints as a one-page fact sheet; a link to another site prints its address.
Printed to PDF by Chromium, read back with poppler's pdftotext and pdfinfo."""

import functools
import html
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page

# Fixtures, found by pytest by name: the guard against other hosts applies to every test here.
from browsing import each_kind, foreign_requests, language_of, no_requests_to_other_hosts, shared_pages  # noqa: F401
from peersite.data.evidence_map import evidence_map
from conftest import REAL_SITE
from peersite.pages.environment import labels

A4 = (595, 842)  # points, portrait
PAGE_SIZE = re.compile(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts")


def squash(text: str) -> str:
    """Text without any white space: lines broken on paper and in the HTML compare equal."""
    return re.sub(r"\s+", "", text)


Printed = tuple[str, list[tuple[int, int]]]


def print_pdf(page: Page, folder: Path) -> Printed:
    """A loaded page printed as Chromium prints it for a reader: its text and each sheet's size in points."""
    pdf = folder / "page.pdf"
    pdf.write_bytes(page.pdf(format="A4", prefer_css_page_size=True, print_background=True))
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True, check=True).stdout
    return text, [(round(float(w)), round(float(h))) for w, h in PAGE_SIZE.findall(info)]


@pytest.fixture(scope="module")
def printed(shared_pages, tmp_path_factory) -> Callable[[str], Printed]:
    """The page at a URL, printed (print_pdf) once for all the tests here that read it: a page of each kind includes
    the comparison, the evidence map and a model's page, which tests of their own read again."""
    folder = tmp_path_factory.mktemp("printed")

    @functools.cache
    def printed_page(url: str) -> Printed:
        """The page at url, printed."""
        return print_pdf(shared_pages.at(url), folder)
    return printed_page


def html_text(fragment: str) -> str:
    """What a piece of HTML says, without its markup and permalink signs."""
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment)).replace("¶", "")


def built(site_dir: Path, path: str) -> str:
    """A built page's HTML, by its URL path."""
    file = site_dir / path if path.endswith(".html") else site_dir / path / "index.html"
    return file.read_text(encoding="utf-8")


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_kind_of_page_prints_with_name_address_headings_and_review_date_without_navigation(
        printed, site_url, built_site, each_kind, language):
    """A page of each kind (browsing.pages_of_each_kind): the print stylesheet is the same for every page of a kind."""
    problems, counts = [], []
    for path in [p for p in each_kind if language_of(p) == language and not p.endswith("404.html")]:
        source = built(built_site, path)
        text, sizes = printed(site_url + path)
        on_paper = squash(text)
        counts.append(f"{path or '/'}: {len(sizes)}")
        article = re.search(r"<article[^>]*>(.*)</article>", source, re.S)[1]
        expected = {
            "the site's name": html_text(re.search(r'<div class="md-header__topic">\s*<span class="md-ellipsis">(.*?)</span>', source, re.S)[1]),
            "the page's address": re.search(r'<link rel="canonical" href="([^"]+)"', source)[1],
        }
        expected |= {f"heading {h!r}": html_text(h) for h in re.findall(r"<h[1-3][^>]*>(.*?)</h[1-3]>", article, re.S)}
        reviewed = re.search(r'<p class="page-reviewed">(.*?)</p>', article, re.S)
        if reviewed:
            expected["last reviewed and sources"] = html_text(reviewed[1])
        for what, words in expected.items():
            if squash(words) not in on_paper:
                problems.append(f"{path or '/'}: {what} is not on paper")
        navigation = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>', source, re.S)[0]
        for title in {html_text(t).strip() for t in re.findall(r'class="md-nav__link[^"]*">(.*?)</a>', navigation, re.S)}:
            if title and squash(title) not in squash(html_text(article)) and squash(title) in on_paper:
                problems.append(f"{path or '/'}: the navigation's {title!r} is on paper")
        if any(size not in (A4, A4[::-1]) for size in sizes):
            problems.append(f"{path or '/'}: sheets {sizes} are not A4")
    print("\nprinted sheets: " + ", ".join(counts))
    assert problems == []


@pytest.mark.parametrize("language", ["da", "en"])
def test_comparison_prints_every_column_on_landscape_a4(printed, site_url, built_site, language):
    path = ("en/" if language == "en" else "") + "models/"
    text, sizes = printed(site_url + path)
    print(f"\n{path}: {len(sizes)} landscape sheets")
    assert sizes and all(size == A4[::-1] for size in sizes) and len(sizes) <= 4
    table = re.search(r'<div class="comparison".*?</table>', built(built_site, path), re.S)[0]
    names = [html_text(h) for h in re.findall(r"<th[^>]*data-model[^>]*>(.*?)</th>", table, re.S)]
    points = [html_text(h) for h in re.findall(r'<th scope="row">(.*?)<span', table, re.S)]
    assert len(names) == len(REAL_SITE.models) and len(points) >= 10
    for words in names + points:
        assert squash(words) in squash(text), words


@pytest.mark.parametrize("language", ["da", "en"])
def test_a_printed_choice_of_models_names_them_and_prints_the_address_of_the_choice(
        printed, site_url, built_site, language):
    chosen = [REAL_SITE.models[1], REAL_SITE.models[3]]
    path = ("en/" if language == "en" else "") + "models/"
    choice = "?compare=" + ",".join(model.id for model in chosen)
    text, sizes = printed(site_url + path + choice)
    on_paper, words = squash(text), labels()
    names = [f"{model.number}. {model.name[language]}" for model in chosen]
    caption = words["compare_print"]["caption-shown"][language].replace("%models", f" {words['and'][language]} ".join(names))
    assert squash(caption) in on_paper
    assert squash(words["table_caption_models"][language]) not in on_paper
    assert squash(" ".join([words["compared_on"][language], *names])) in on_paper  # the header row: these two only
    address = re.search(r'<link rel="canonical" href="([^"]+)"', built(built_site, path))[1]
    assert squash(f"{address}{choice}") in squash(text.split("\n")[0])  # at the top of the first sheet
    assert sizes and all(size == A4[::-1] for size in sizes)


def test_a_printed_link_to_another_site_shows_its_address(printed, site_url):
    source = next(source for source in REAL_SITE.evidence if source.doi)
    text, _ = printed(site_url + f"evidence/{source.id}/")
    on_paper = squash(text)
    assert squash(f"(https://doi.org/{source.doi})") in on_paper
    assert "(#" not in on_paper and "(../" not in on_paper  # neither an anchor in the page nor one of the site's pages


@pytest.mark.parametrize("language", ["da", "en"])
def test_evidence_map_prints_every_column_on_landscape_a4(printed, site_url, built_site, language):
    path = ("en/" if language == "en" else "") + "evidence-map/"
    text, sizes = printed(site_url + path)
    print(f"\n{path}: {len(sizes)} landscape sheets")
    assert sizes and all(size == A4[::-1] for size in sizes)
    table = re.search(r'<div class="evidence-map".*?</table>', built(built_site, path), re.S)[0]
    headers = [html_text(re.sub(r"<small>.*?</small>", "", h)) for h in re.findall(r'<th scope="col"[^>]*>(.*?)</th>', table, re.S)]
    rows = [html_text(h) for h in re.findall(r'<th[^>]*scope="row"[^>]*>(.*?)<span', table, re.S)]
    # The row names, the evidence level, then the outcome columns; the models, the programme and the course.
    assert len(headers) == 2 + len(REAL_SITE.evidence_map.columns) and len(rows) == len(evidence_map(REAL_SITE))
    for words in headers + rows:
        assert squash(words) in squash(text), words


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("model", [model.id for model in REAL_SITE.models])
def test_a_model_page_prints_as_a_one_page_fact_sheet(printed, site_url, built_site, language, model):
    path = ("en/" if language == "en" else "") + f"models/{model}/"
    text, sizes = printed(site_url + path)
    assert sizes == [A4], f"{path} prints on {len(sizes)} sheets"
    article = re.search(r"<article[^>]*>(.*)</article>", built(built_site, path), re.S)[1]
    for heading in re.findall(r"<h[1-3][^>]*>(.*?)</h[1-3]>", article, re.S):
        assert squash(html_text(heading)) in squash(text), heading
