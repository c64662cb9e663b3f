"""The models comparison, to decide with: without JavaScript the whole table is there; with it, readers
filter, sort and pick up to three models by keyboard or mouse, the choice lives in the address, a status
line says what is shown, and axe-core still finds nothing."""

import pytest
from playwright.sync_api import Browser, Page, expect

# Fixtures, found by pytest by name: the guard against other hosts applies to every test here.
from browsing import foreign_requests, no_requests_to_other_hosts, report, violations  # noqa: F401
from conftest import REAL_SITE

MODELS = [model.id for model in REAL_SITE.models]
SHOWN = """() => [...document.querySelectorAll(".comparison thead th[data-model]")]
    .filter(header => !header.hidden).map(header => header.dataset.model)"""
# Every row shows the same models, in the same order, as the header.
ROWS_AGREE = """() => [...document.querySelectorAll(".comparison tbody tr")].every(row =>
    JSON.stringify([...row.querySelectorAll("td")].filter(cell => !cell.hidden).map(cell => cell.dataset.model))
    === JSON.stringify([...document.querySelectorAll(".comparison thead th[data-model]")]
        .filter(header => !header.hidden).map(header => header.dataset.model)))"""


def shown(page: Page) -> list[str]:
    """The models the comparison shows, left to right; checks that every row agrees with the header."""
    assert page.evaluate(ROWS_AGREE)
    return page.evaluate(SHOWN)


def test_without_javascript_the_whole_comparison_is_there(browser: Browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "models/")
    assert page.locator(".compare-controls").count() == 0
    assert page.locator(".comparison thead th[data-model]").count() == 6
    assert page.locator(".comparison tbody tr").count() >= 10
    assert all(page.locator(f'.comparison td[data-model="{id}"]').first.is_visible() for id in MODELS)
    context.close()


def test_filters_narrow_the_models_and_write_the_address(page: Page, site_url):
    page.goto(site_url + "models/")
    assert shown(page) == MODELS
    status = page.get_by_role("status")
    expect(status).to_have_text("Viser 6 af 6 modeller.")
    page.get_by_role("group", name="Lønnet eller frivillig").get_by_label("Frivillig").check()
    assert shown(page) == ["bro-til-hverdagslivet", "peer-guide"]
    expect(status).to_have_text("Viser 2 af 6 modeller.")
    page.get_by_role("group", name="Region", exact=True).get_by_label("Region Midt (Region Midtjylland)", exact=True).check()
    assert shown(page) == ["peer-guide"]
    assert page.url.endswith("models/?delivery=volunteer&region=region-midt")
    page.get_by_role("group", name="Form").get_by_label("Kursus").check()
    assert shown(page) == []
    expect(status).to_have_text("Ingen model passer til dine valg. Fjern et filter.")
    page.get_by_role("button", name="Vis alle seks").click()
    assert shown(page) == MODELS and page.url.endswith("models/")


def test_the_address_restores_a_shared_choice_and_sorting(page: Page, site_url):
    page.goto(site_url + "en/models/?region=region-sjaelland,region-midt&sort=name")
    # By name: Akademiet …, Peer guide, Peers som Brobyggere, Recovery schools.
    assert shown(page) == ["ark", "peer-guide", "peers-som-brobyggere", "recoveryskoler"]
    assert page.get_by_label("Sort by").input_value() == "name"
    assert page.get_by_label("Region Sjælland (Region Zealand)", exact=True).is_checked()
    page.get_by_label("Sort by").select_option("delivery")
    assert shown(page) == ["peers-som-brobyggere", "ark", "peer-guide", "recoveryskoler"]
    assert "sort=delivery" in page.url


def test_up_to_three_models_side_by_side_chosen_by_keyboard(page: Page, site_url):
    page.goto(site_url + "models/")
    picks = page.get_by_role("group", name="Sammenlign side om side (vælg op til tre)")
    for name in ("2. Bro til hverdagslivet", "4. Recoveryskoler", "6. Akademiet for Recovery og Kompetenceudvikling (ARK)"):
        box = picks.get_by_label(name)
        box.focus()
        page.keyboard.press("Space")
        expect(box).to_be_checked()
    assert shown(page) == ["bro-til-hverdagslivet", "recoveryskoler", "ark"]
    assert page.url.endswith("models/?compare=bro-til-hverdagslivet,recoveryskoler,ark")
    assert picks.get_by_label("3. Peer-guide").is_disabled()
    expect(page.get_by_text("Du har valgt tre. Fjern et valg for at vælge en anden.")).to_be_visible()
    page.keyboard.press("Space")  # the third again: unchecked
    assert not picks.get_by_label("3. Peer-guide").is_disabled()


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, {"width": 390, "height": 844}], ids=["desktop", "phone"])
def test_the_controls_in_use_have_no_wcag_violations(page: Page, site_url, viewport):
    page.set_viewport_size(viewport)
    page.goto(site_url + "models/?delivery=paid&compare=individuel-og-gruppebaseret,ark,peers-som-brobyggere")
    assert shown(page) == ["individuel-og-gruppebaseret", "peers-som-brobyggere", "ark"]
    found = violations(page)
    assert not found, "axe-core violations:\n" + report({"models/": found})
