"""The models comparison, to decide with: without JavaScript the whole table is there; with it, readers
filter, sort and pick up to three models by keyboard or mouse, the choice lives in the address and goes
with the reader to the other language, a status line says what is shown, the model names stay in view
while the table scrolls down or sideways, a button prints it, and axe-core still finds nothing. On a phone
every value in the cards names its model."""

import pytest
from playwright.sync_api import Browser, Page, expect

# Fixtures, found by pytest by name: the guard against other hosts applies to every test here.
from browsing import foreign_requests, no_requests_to_other_hosts, report, violations  # noqa: F401
from conftest import REAL_SITE
from peersite.pages.environment import labels
from peersite.data.evidence_map import evidence_map
from test_language_switcher import switch_language

MODELS = [model.id for model in REAL_SITE.models]
MODEL = REAL_SITE.by_id["models"]
COMPARE = {key: value["da"] for key, value in labels()["compare"].items()}
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
    assert page.locator(".comparison thead th[data-model]").count() == len(MODELS)
    assert page.locator(".comparison tbody tr").count() >= 10
    assert all(page.locator(f'.comparison td[data-model="{id}"]').first.is_visible() for id in MODELS)
    context.close()


def capital(word: str) -> str:
    """A word with its first letter in capitals, as the controls write a value."""
    return word[:1].upper() + word[1:]


def status_of(count: int) -> str:
    """The status line for this many models shown."""
    return COMPARE["status"].replace("%n", str(count)).replace("%total", str(len(MODELS)))


def test_filters_narrow_the_models_and_write_the_address(page: Page, site_url):
    """Expected from the data: its volunteer models, then those of them in the first one's region, then a form
    none of those has."""
    words = labels()
    volunteer = [id for id in MODELS if MODEL[id].delivery == "volunteer"]
    assert volunteer, "no model with volunteer peers to filter on"
    region = MODEL[volunteer[0]].region
    in_region = [id for id in volunteer if MODEL[id].region == region]
    page.goto(site_url + "models/")
    assert shown(page) == MODELS
    status = page.get_by_role("status")
    expect(status).to_have_text(status_of(len(MODELS)))
    page.get_by_role("group", name=words["delivery"]["da"]).get_by_label(capital(words["delivery_values"]["volunteer"]["da"])).check()
    assert shown(page) == volunteer
    expect(status).to_have_text(status_of(len(volunteer)))
    page.get_by_role("group", name="Region", exact=True).get_by_label(REAL_SITE.by_id["organisations"][region].name.da, exact=True).check()
    assert shown(page) == in_region
    assert page.url.endswith(f"models/?delivery=volunteer&region={region}")
    offered = {form for model in MODELS for form in MODEL[model].formats or []}
    absent = [form for form in words["format_values"] if form in offered and not any(form in (MODEL[id].formats or []) for id in in_region)]
    if absent:
        page.get_by_role("group", name=words["format"]["da"]).get_by_label(capital(words["format_values"][absent[0]]["da"])).check()
        assert shown(page) == []
        expect(status).to_have_text(COMPARE["none"])
    page.get_by_role("button", name=COMPARE["reset"]).click()
    assert shown(page) == MODELS and page.url.endswith("models/")


def test_the_evidence_level_filters_and_sorts_the_models(page: Page, site_url):
    rows = {row.id: row for row in evidence_map(REAL_SITE) if row.id in MODELS}
    levels = sorted({(row.rank, row.level.id, row.level.name.da) for row in rows.values()})
    page.goto(site_url + "models/")
    group = page.get_by_role("group", name=labels()["evidence_level"]["da"])
    assert group.get_by_role("checkbox").evaluate_all("boxes => boxes.map(box => box.value)") == [id for _, id, _ in levels]
    for _, id, name in levels:
        group.get_by_label(name, exact=True).check()
        assert shown(page) == [model for model in MODELS if rows[model].level.id == id]
        assert f"level={id}" in page.url
        group.get_by_label(name, exact=True).uncheck()
    page.get_by_label("Sortér efter").select_option("level")
    assert shown(page) == sorted(MODELS, key=lambda model: (rows[model].rank, MODELS.index(model)))
    assert "sort=level" in page.url


def test_the_address_restores_a_shared_choice_and_sorting(page: Page, site_url):
    """Two regions of the data chosen in the address, sorted by name (in English, as the reader's browser sorts
    English), then by paid or volunteer."""
    regions = list(dict.fromkeys(MODEL[id].region for id in MODELS))[-2:]
    chosen = [id for id in MODELS if MODEL[id].region in regions]
    page.goto(site_url + f"en/models/?region={','.join(regions)}&sort=name")
    by_name = page.evaluate("names => names.sort(new Intl.Collator('en').compare)", [MODEL[id].name.en for id in chosen])
    assert shown(page) == sorted(chosen, key=lambda id: (by_name.index(MODEL[id].name.en), MODEL[id].number))
    assert page.get_by_label("Sort by").input_value() == "name"
    for region in regions:
        assert page.locator(f'input[name="region"][value="{region}"]').is_checked()
    page.get_by_label("Sort by").select_option("delivery")
    deliveries = ["paid", "volunteer", "not-stated"]
    assert shown(page) == sorted(chosen, key=lambda id: (deliveries.index(MODEL[id].delivery), MODEL[id].number))
    assert "sort=delivery" in page.url


def test_up_to_three_models_side_by_side_chosen_by_keyboard(page: Page, site_url):
    assert len(MODELS) >= 4, "four models needed: three to pick and one left over"
    chosen, left = MODELS[1::2][:3], next(id for id in MODELS if id not in MODELS[1::2][:3])
    name = lambda id: f"{MODEL[id].number}. {MODEL[id].name.da}"  # noqa: E731
    page.goto(site_url + "models/")
    picks = page.get_by_role("group", name=COMPARE["pick"])
    for id in chosen:
        box = picks.get_by_label(name(id), exact=True)
        box.focus()
        page.keyboard.press("Space")
        expect(box).to_be_checked()
    assert shown(page) == chosen
    assert page.url.endswith(f"models/?compare={','.join(chosen)}")
    assert picks.get_by_label(name(left), exact=True).is_disabled()
    expect(page.get_by_text(COMPARE["pick-full"])).to_be_visible()
    page.keyboard.press("Space")  # the third again: unchecked
    assert not picks.get_by_label(name(left), exact=True).is_disabled()


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, {"width": 390, "height": 844}], ids=["desktop", "phone"])
def test_the_controls_in_use_have_no_wcag_violations(page: Page, site_url, viewport):
    page.set_viewport_size(viewport)
    paid = [id for id in MODELS if MODEL[id].delivery == "paid"][:3]
    page.goto(site_url + f"models/?delivery=paid&compare={','.join(reversed(paid))}")
    assert shown(page) == paid  # in the table's order, whatever the address's
    found = violations(page)
    assert not found, "axe-core violations:\n" + report({"models/": found})


# Where a reader sees a model's name above the comparison's columns: its header, or the copy of the header
# row kept under the site's header; for each, its box and whether it is what the reader sees at its centre.
NAMES_IN_VIEW = """() => {
    const own = [...document.querySelectorAll(".comparison thead th[data-model]")].filter(cell => !cell.hidden)
    const copies = document.querySelectorAll(".comparison__pinned-cell[data-model]")
    return own.map(cell => {
        const copy = [...copies].find(c => c.dataset.model === cell.dataset.model)
        const seen = [cell, copy].filter(Boolean).map(node => {
            const box = node.getBoundingClientRect()
            const x = box.left + box.width / 2, y = box.top + Math.min(box.height / 2, 12)
            const inside = x >= 0 && y >= 0 && x < innerWidth && y < innerHeight
            return {box: {left: box.left, right: box.right, top: box.top, bottom: box.bottom},
                    text: node.textContent.trim(), on_top: inside && node.contains(document.elementFromPoint(x, y))}
        }).find(where => where.on_top)
        const column = cell.getBoundingClientRect(), box = cell.closest(".md-typeset__scrollwrap").getBoundingClientRect()
        const centre = column.left + column.width / 2
        return {model: cell.dataset.model, name: cell.textContent.trim(), in_box: box.left < centre && centre < box.right, seen}
    })
}"""


def next_frames(page: Page) -> None:
    """Wait until the browser has drawn two more frames: what the page moves on a scroll or a focus (with
    requestAnimationFrame) has then moved."""
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


def names_in_view(page: Page) -> dict[str, dict]:
    """For every model shown, where its name is seen on the screen (None where it is not)."""
    return {found["model"]: found for found in page.evaluate(NAMES_IN_VIEW)}


def test_model_names_stay_in_view_while_the_table_scrolls_down_and_sideways(page: Page, site_url):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site_url + "models/")
    first_cell = page.locator(".comparison tbody td").first
    first_cell.hover()
    for _ in range(12):  # a reader's wheel, over the table, down past the header row to the middle rows
        page.mouse.wheel(0, 200)
    page.wait_for_function("document.querySelector('.comparison thead').getBoundingClientRect().bottom < 0")
    header_height = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    expect(page.locator(".comparison__pinned-row")).to_be_visible()
    seen = names_in_view(page)
    assert list(seen) == MODELS and sum(found["in_box"] for found in seen.values()) >= 4
    for model, found in seen.items():
        if found["in_box"]:  # a column the box shows without scrolling sideways
            assert found["seen"], f"{model}: its name is not in view"
            assert found["seen"]["text"] == found["name"]
            assert header_height - 1 <= found["seen"]["box"]["top"] and found["seen"]["box"]["bottom"] < 800
    last = page.locator(f'.comparison tbody tr[data-row="after-2018"] td[data-model="{MODELS[-1]}"]')
    last.hover()
    page.mouse.wheel(600, 0)  # sideways, as a trackpad or shift and the wheel scroll
    page.wait_for_function("document.querySelector('.comparison .md-typeset__scrollwrap').scrollLeft > 0")
    next_frames(page)  # the copy follows on the next frame
    seen = names_in_view(page)[MODELS[-1]]
    assert seen["seen"] and seen["seen"]["text"] == seen["name"]
    assert abs(seen["seen"]["box"]["left"] - last.bounding_box()["x"]) < 1.5
    point = page.locator(".comparison__pinned-cell").first
    assert abs(point.bounding_box()["x"] - page.locator('.comparison tbody tr[data-row="after-2018"] th').bounding_box()["x"]) < 1.5


# Whether the focused element is what a reader sees at the centre of its first line, not hidden under the names
# kept in view or the points' column, nor outside the table's box.
FOCUS_IN_SIGHT = """() => {
    const focused = document.activeElement, box = focused.getClientRects()[0]
    const x = box.left + box.width / 2, y = box.top + box.height / 2
    const there = document.elementFromPoint(x, y)
    return {in_table: !!focused.closest(".comparison tbody"), seen: focused.contains(there),
            text: `${focused.textContent.trim()} (${Math.round(x)}, ${Math.round(y)})`}
}"""


def test_a_link_reached_by_the_keyboard_is_never_under_the_names(page: Page, site_url):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site_url + "models/")
    page.get_by_role("button", name=COMPARE["reset"]).focus()
    hidden, reached = [], 0
    for _ in range(200):
        page.keyboard.press("Tab")
        next_frames(page)  # the copy of the names follows on the next frame
        found = page.evaluate(FOCUS_IN_SIGHT)
        if reached and not found["in_table"]:
            break
        reached += found["in_table"]
        if found["in_table"] and not found["seen"]:
            hidden.append(found["text"])
    assert reached > 2 * len(MODELS) and hidden == []


def test_the_copy_of_the_names_is_hidden_from_screen_readers_and_keyboards(page: Page, site_url):
    page.goto(site_url + "models/")
    pinned = page.locator(".comparison__pinned")
    expect(pinned).to_have_attribute("aria-hidden", "true")
    assert pinned.locator("a").count() == len(MODELS)
    assert all(tab == -1 for tab in pinned.locator("a").evaluate_all("links => links.map(link => link.tabIndex)"))


def test_on_a_phone_every_value_names_its_model(page: Page, site_url):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + "models/?compare=" + ",".join(MODELS[:2]))
    expect(page.locator(".comparison__pinned-row")).to_be_hidden()
    labels_shown = page.evaluate("""() => [...document.querySelectorAll(".comparison tbody td")]
        .filter(cell => cell.offsetParent).map(cell => [cell.dataset.model,
            getComputedStyle(cell, "::before").content.replace(/^"|"$/g, "")])""")
    names = {model.id: f"{model.number}. {model.name.da}" for model in REAL_SITE.models}
    assert len(labels_shown) == 2 * page.locator(".comparison tbody tr").count()
    assert {model for model, _ in labels_shown} == set(MODELS[:2])
    assert all(label == names[model] for model, label in labels_shown)


@pytest.mark.parametrize("language", ["da", "en"])
def test_switching_language_keeps_the_choice(page: Page, site_url, language):
    other = "en" if language == "da" else "da"
    prefix = {"da": "", "en": "en/"}
    page.goto(site_url + prefix[language] + f"models/?compare={MODELS[3]},{MODELS[0]}&sort=name")
    chosen, choice = shown(page), page.url.split("/models/")[1]
    assert sorted(chosen) == sorted([MODELS[0], MODELS[3]]) and "sort=name" in choice
    switch_language(page, other)
    expect(page).to_have_url(site_url + prefix[other] + "models/" + choice)
    assert shown(page) == chosen
    # A choice changed on the page goes along too.
    page.locator(f'input[name="compare"][value="{MODELS[1]}"]').check()
    choice = page.url.split("/models/")[1]
    assert MODELS[1] in choice
    switch_language(page, language)
    expect(page).to_have_url(site_url + prefix[language] + "models/" + choice)
    assert sorted(shown(page)) == sorted(MODELS[:2] + [MODELS[3]])


@pytest.mark.parametrize("language", ["da", "en"])
def test_a_button_prints_the_comparison(page: Page, site_url, language):
    page.goto(site_url + ("en/" if language == "en" else "") + "models/")
    page.evaluate("() => { window.print = () => { window.printed = (window.printed || 0) + 1 } }")
    page.get_by_role("button", name=labels()["compare_print"]["print"][language]).click()
    assert page.evaluate("window.printed") == 1


def test_without_print_there_is_no_print_button(browser: Browser, site_url):
    context = browser.new_context()
    context.add_init_script("delete window.print; delete Window.prototype.print")
    page = context.new_page()
    page.goto(site_url + "models/")
    expect(page.locator(".compare-controls")).to_be_visible()
    expect(page.get_by_role("button", name=labels()["compare_print"]["print"]["da"])).to_have_count(0)
    context.close()
