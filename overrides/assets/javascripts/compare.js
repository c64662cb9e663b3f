/*
 * The models comparison, made to decide with: filter by paid or volunteer peers, form and region, sort,
 * and pick up to three models to see side by side. The choice lives in the page's address, so it can be
 * shared. Everything it needs is in the page: the column headers carry each model's values (data-model,
 * data-number, data-region, data-delivery, data-formats), the wrapper carries the words (data-text-*,
 * data-delivery-*, data-format-*), the region row carries the regions' names. Without this script the
 * whole table is shown; with it, the controls are native checkboxes and a select, in fieldsets with
 * legends, and a status line says what is shown.
 */
(function () {
  "use strict"

  const MAX_PICKED = 3
  const PARAMETERS = ["delivery", "format", "region", "sort", "compare"]

  /* An element with attributes and children; text children become text nodes. */
  function element(tag, attributes, ...children) {
    const node = document.createElement(tag)
    for (const [name, value] of Object.entries(attributes || {}))
      if (value !== false && value !== undefined) node.setAttribute(name, value === true ? "" : value)
    node.append(...children)
    return node
  }

  /* What a cell says, without the separator that only the search index reads. */
  function ownText(node) {
    return [...node.childNodes]
      .filter(child => !(child.classList && child.classList.contains("table-separator")))
      .map(child => child.textContent).join("").trim()
  }

  /* One model per column: its id, values and cells. */
  function readModels(table) {
    return [...table.querySelectorAll("thead th[data-model]")].map(header => {
      const id = header.dataset.model
      return {
        id,
        header,
        name: header.textContent.trim(),
        number: Number(header.dataset.number),
        region: header.dataset.region,
        delivery: header.dataset.delivery,
        formats: header.dataset.formats.split(" "),
        cells: [...table.querySelectorAll(`tbody td[data-model="${id}"]`)],
      }
    })
  }

  /* The values one attribute takes, in the order of the models, each with the words to show. */
  function options(models, values, word) {
    const seen = new Map()
    for (const model of models)
      for (const value of values(model))
        if (!seen.has(value)) seen.set(value, word(value, model))
    return [...seen]
  }

  /* A fieldset of checkboxes named `name`, one per option. */
  function checkboxes(name, legend, choices, idPrefix) {
    return element("fieldset", { class: "compare-controls__group" },
      element("legend", {}, legend),
      ...choices.map(([value, text]) => {
        const id = `${idPrefix}-${name}-${value}`
        return element("span", { class: "compare-controls__choice" },
          element("input", { type: "checkbox", id, name, value }),
          element("label", { for: id }, text))
      }))
  }

  function setUp(wrapper) {
    const table = wrapper.querySelector("table")
    if (!table) return
    const text = wrapper.dataset
    const models = readModels(table)
    const rows = [...table.querySelectorAll("tbody tr")]
    const regionName = id => {
      const model = models.find(m => m.region === id)
      const cell = table.querySelector(`tr[data-row="region"] td[data-model="${model.id}"]`)
      return cell ? ownText(cell) : id
    }
    const dataWord = prefix => value => text[`${prefix}-${value}`.replace(/-(\w)/g, (_, c) => c.toUpperCase())] || value
    const deliveryWord = dataWord("delivery")
    const formatWord = dataWord("format")
    const capital = word => word.charAt(0).toUpperCase() + word.slice(1)

    const sort = element("select", { id: "compare-sort", name: "sort" },
      element("option", { value: "number" }, text.textSortNumber),
      element("option", { value: "name" }, text.textSortName),
      element("option", { value: "region" }, text.textRegion),
      element("option", { value: "delivery" }, text.textDelivery))
    const picked = checkboxes("compare", text.textPick, models.map(m => [m.id, m.name]), "compare")
    const pickedNote = element("p", { class: "compare-controls__note", id: "compare-pick-note", hidden: true }, text.textPickFull)
    picked.append(pickedNote)
    picked.setAttribute("aria-describedby", "compare-pick-note")
    const status = element("p", { class: "compare-controls__status", role: "status" })
    const reset = element("button", { type: "button", class: "md-button" }, text.textReset)
    const controls = element("section", { class: "compare-controls", "aria-label": text.textControls },
      element("div", { class: "compare-controls__filters" },
        checkboxes("delivery", text.textDelivery,
          options(models, m => [m.delivery], v => capital(deliveryWord(v))), "compare"),
        checkboxes("format", text.textFormat,
          options(models, m => m.formats, v => capital(formatWord(v)))
            .sort(([a], [b]) => (a === "not-stated") - (b === "not-stated")), "compare"),
        checkboxes("region", text.textRegion,
          options(models, m => [m.region], regionName), "compare"),
        element("p", { class: "compare-controls__sort" },
          element("label", { for: "compare-sort" }, text.textSort), " ", sort)),
      picked,
      element("p", { class: "compare-controls__actions" }, reset, " ", element("span", {}, text.textLink)),
      status)
    wrapper.insertBefore(controls, wrapper.firstChild)

    const checked = name => [...controls.querySelectorAll(`input[name="${name}"]:checked`)].map(i => i.value)

    /* The choice as it stands in the form, written to the address and applied to the table. */
    function apply() {
      const filters = { delivery: checked("delivery"), format: checked("format"), region: checked("region") }
      const chosen = checked("compare")
      const matches = model =>
        (!filters.delivery.length || filters.delivery.includes(model.delivery)) &&
        (!filters.format.length || model.formats.some(f => filters.format.includes(f))) &&
        (!filters.region.length || filters.region.includes(model.region)) &&
        (!chosen.length || chosen.includes(model.id))
      const order = [...models].sort(ordering(sort.value, regionName))
      for (const row of rows)
        for (const model of order) {
          const cell = row.querySelector(`td[data-model="${model.id}"]`)
          if (cell) row.append(cell)
        }
      const headerRow = table.querySelector("thead tr")
      for (const model of order) headerRow.append(model.header)
      let shown = 0
      for (const model of models) {
        const visible = matches(model)
        shown += visible
        for (const node of [model.header, ...model.cells]) node.hidden = !visible
      }
      const full = chosen.length >= MAX_PICKED
      for (const box of picked.querySelectorAll("input"))
        box.disabled = full && !box.checked
      pickedNote.hidden = !full
      status.textContent = shown
        ? text.textStatus.replace("%n", shown).replace("%total", models.length)
        : text.textNone
      writeAddress({ ...filters, sort: sort.value === "number" ? [] : [sort.value], compare: chosen })
    }

    readAddress(controls, sort, models)
    controls.addEventListener("change", apply)
    reset.addEventListener("click", () => {
      for (const box of controls.querySelectorAll("input")) box.checked = false
      sort.value = "number"
      apply()
    })
    apply()
  }

  /* How to order the models for a sort key: always by number within equal keys. */
  function ordering(key, regionName) {
    const deliveryOrder = ["paid", "volunteer", "not-stated"]
    const keys = {
      number: () => 0,
      name: (a, b) => a.name.replace(/^\d+\.\s*/, "").localeCompare(b.name.replace(/^\d+\.\s*/, ""), document.documentElement.lang),
      region: (a, b) => regionName(a.region).localeCompare(regionName(b.region), document.documentElement.lang),
      delivery: (a, b) => deliveryOrder.indexOf(a.delivery) - deliveryOrder.indexOf(b.delivery),
    }
    const compare = keys[key] || keys.number
    return (a, b) => compare(a, b) || a.number - b.number
  }

  /* Tick what the page's address asks for: ?delivery=paid&format=group,course&sort=region&compare=a,b */
  function readAddress(controls, sort, models) {
    const parameters = new URLSearchParams(location.search)
    for (const name of ["delivery", "format", "region", "compare"]) {
      const values = (parameters.get(name) || "").split(",").filter(Boolean)
      const wanted = name === "compare" ? values.slice(0, MAX_PICKED) : values
      for (const box of controls.querySelectorAll(`input[name="${name}"]`))
        box.checked = wanted.includes(box.value)
    }
    const order = parameters.get("sort")
    if ([...sort.options].some(option => option.value === order)) sort.value = order
  }

  /* Keep the choice in the address without adding to the history. */
  function writeAddress(choice) {
    const parameters = new URLSearchParams(location.search)
    for (const name of PARAMETERS) {
      if (choice[name] && choice[name].length) parameters.set(name, choice[name].join(","))
      else parameters.delete(name)
    }
    const query = parameters.toString().replace(/%2C/g, ",")
    history.replaceState(history.state, "", location.pathname + (query ? `?${query}` : "") + location.hash)
  }

  for (const wrapper of document.querySelectorAll("[data-comparison]")) setUp(wrapper)
})()
