/*
 * The models comparison, made to decide with: filter by evidence level, paid or volunteer peers, form and region, sort,
 * and pick up to three models to see side by side. The choice lives in the page's address, so it can be
 * shared, printed and taken to the other language. Everything it needs is in the page: the column headers
 * carry each model's values (data-model, data-number, data-level, data-level-rank, data-region, data-delivery,
 * data-formats), the wrapper carries the words (data-text-*, data-level-*, data-delivery-*, data-format-*), the
 * region row carries the regions' names. Without this script the whole table is shown; with it, the controls are native
 * checkboxes, a select and buttons, in fieldsets with legends, and a status line says what is shown.
 *
 * A filter group or a sort key is one entry in `filterGroups` or `sortKeys` below: what it reads from a
 * model (readModels keeps every data-* value of a column's header) and the words it shows.
 */
(function () {
  "use strict"

  const MAX_PICKED = 3

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

  /* One model per column: its id, its header's data-* values, its name and number, and its cells. */
  function readModels(table) {
    return [...table.querySelectorAll("thead th[data-model]")].map(header => ({
      ...header.dataset,
      id: header.dataset.model,
      header,
      name: header.textContent.trim(),
      number: Number(header.dataset.number),
      formats: header.dataset.formats.split(" "),
      cells: [...table.querySelectorAll(`tbody td[data-model="${header.dataset.model}"]`)],
    }))
  }

  /* The values one filter group takes, in the order of the models, each with the words to show. */
  function options(models, group) {
    const seen = new Map()
    for (const model of models)
      for (const value of group.values(model))
        if (!seen.has(value)) seen.set(value, group.word(value))
    return [...seen].sort(group.order || (() => 0))
  }

  /* A fieldset of checkboxes named `name`, one per option. */
  function checkboxes(name, legend, choices) {
    return element("fieldset", { class: "compare-controls__group" },
      element("legend", {}, legend),
      ...choices.map(([value, text]) => {
        const id = `compare-${name}-${value}`
        return element("span", { class: "compare-controls__choice" },
          element("input", { type: "checkbox", id, name, value }),
          element("label", { for: id }, text))
      }))
  }

  function setUp(wrapper) {
    const table = wrapper.querySelector("table")
    if (!table) return
    const text = wrapper.dataset
    const language = document.documentElement.lang
    const models = readModels(table)
    const rows = [...table.querySelectorAll("tbody tr")]
    const regionName = id => {
      const model = models.find(m => m.region === id)
      const cell = table.querySelector(`tr[data-row="region"] td[data-model="${model.id}"]`)
      return cell ? ownText(cell) : id
    }
    const dataWord = prefix => value => text[`${prefix}-${value}`.replace(/-(\w)/g, (_, c) => c.toUpperCase())] || value
    const capital = word => word.charAt(0).toUpperCase() + word.slice(1)
    const byText = read => (a, b) => read(a).localeCompare(read(b), language)
    const byOrder = (read, order) => (a, b) => order.indexOf(read(a)) - order.indexOf(read(b))

    const levelRank = level => Number(models.find(m => m.level === level).levelRank)
    const filterGroups = [
      { name: "level", legend: text.textLevel, values: m => [m.level], word: dataWord("level"),
        order: ([a], [b]) => levelRank(a) - levelRank(b) },
      { name: "delivery", legend: text.textDelivery, values: m => [m.delivery], word: v => capital(dataWord("delivery")(v)) },
      { name: "format", legend: text.textFormat, values: m => m.formats, word: v => capital(dataWord("format")(v)),
        order: ([a], [b]) => (a === "not-stated") - (b === "not-stated") },
      { name: "region", legend: text.textRegion, values: m => [m.region], word: regionName },
    ]
    const sortKeys = [
      { name: "number", label: text.textSortNumber, compare: () => 0 },
      { name: "level", label: text.textLevel, compare: (a, b) => a.levelRank - b.levelRank },
      { name: "name", label: text.textSortName, compare: byText(m => m.name.replace(/^\d+\.\s*/, "")) },
      { name: "region", label: text.textRegion, compare: byText(m => regionName(m.region)) },
      { name: "delivery", label: text.textDelivery, compare: byOrder(m => m.delivery, ["paid", "volunteer", "not-stated"]) },
    ]

    const sort = element("select", { id: "compare-sort", name: "sort" },
      ...sortKeys.map(key => element("option", { value: key.name }, key.label)))
    const picked = checkboxes("compare", text.textPick, models.map(m => [m.id, m.name]))
    const pickedNote = element("p", { class: "compare-controls__note", id: "compare-pick-note", hidden: true }, text.textPickFull)
    picked.append(pickedNote)
    picked.setAttribute("aria-describedby", "compare-pick-note")
    const status = element("p", { class: "compare-controls__status", role: "status" })
    const reset = element("button", { type: "button", class: "md-button" }, text.textReset)
    const actions = element("p", { class: "compare-controls__actions" }, reset, " ")
    if (typeof window.print === "function") {
      const print = element("button", { type: "button", class: "md-button" }, text.textPrint)
      print.addEventListener("click", () => window.print())
      actions.append(print, " ")
    }
    actions.append(element("span", {}, text.textLink))
    const controls = element("section", { class: "compare-controls", "aria-label": text.textControls },
      element("div", { class: "compare-controls__filters" },
        ...filterGroups.map(group => checkboxes(group.name, group.legend, options(models, group))),
        element("p", { class: "compare-controls__sort" },
          element("label", { for: "compare-sort" }, text.textSort), " ", sort)),
      picked,
      actions,
      status)
    wrapper.insertBefore(controls, wrapper.firstChild)
    const caption = table.caption
    const allCaption = caption ? caption.textContent : ""
    const names = new Intl.ListFormat(language, { type: "conjunction" })
    const pinned = pinHeader(wrapper, table)

    const checked = name => [...controls.querySelectorAll(`input[name="${name}"]:checked`)].map(i => i.value)

    /* The choice as it stands in the form, written to the address and applied to the table. */
    function apply() {
      const chosen = checked("compare")
      const filters = filterGroups.map(group => [group, checked(group.name)])
      const matches = model =>
        filters.every(([group, wanted]) => !wanted.length || group.values(model).some(v => wanted.includes(v))) &&
        (!chosen.length || chosen.includes(model.id))
      const key = sortKeys.find(k => k.name === sort.value) || sortKeys[0]
      const order = [...models].sort((a, b) => key.compare(a, b) || a.number - b.number)
      for (const row of rows)
        for (const model of order) {
          const cell = row.querySelector(`td[data-model="${model.id}"]`)
          if (cell) row.append(cell)
        }
      const headerRow = table.querySelector("thead tr")
      for (const model of order) headerRow.append(model.header)
      const shown = order.filter(matches)
      for (const model of models)
        for (const node of [model.header, ...model.cells]) node.hidden = !shown.includes(model)
      const full = chosen.length >= MAX_PICKED
      for (const box of picked.querySelectorAll("input"))
        box.disabled = full && !box.checked
      pickedNote.hidden = !full
      status.textContent = shown.length
        ? text.textStatus.replace("%n", shown.length).replace("%total", models.length)
        : text.textNone
      if (caption)
        caption.textContent = shown.length && shown.length < models.length
          ? text.textCaptionShown.replace("%models", names.format(shown.map(m => m.name)))
          : allCaption
      pinned.refresh()
      writeAddress([
        ...filters.map(([group, wanted]) => [group.name, wanted]),
        ["sort", key === sortKeys[0] ? [] : [key.name]],
        ["compare", chosen],
      ])
    }

    readAddress(controls, sort, [...filterGroups.map(group => group.name), "compare"])
    controls.addEventListener("change", apply)
    reset.addEventListener("click", () => {
      for (const box of controls.querySelectorAll("input")) box.checked = false
      sort.value = sortKeys[0].name
      apply()
    })
    apply()
  }

  /* Tick what the page's address asks for: ?delivery=paid&format=group,course&sort=region&compare=a,b */
  function readAddress(controls, sort, names) {
    const parameters = new URLSearchParams(location.search)
    for (const name of names) {
      const values = (parameters.get(name) || "").split(",").filter(Boolean)
      const wanted = name === "compare" ? values.slice(0, MAX_PICKED) : values
      for (const box of controls.querySelectorAll(`input[name="${name}"]`))
        box.checked = wanted.includes(box.value)
    }
    const order = parameters.get("sort")
    if ([...sort.options].some(option => option.value === order)) sort.value = order
  }

  /* Keep the choice in the address without adding to the history, and carry it to the other language's
     page and to the address printed at the top of the paper. */
  function writeAddress(choice) {
    const parameters = new URLSearchParams(location.search)
    for (const [name, values] of choice) {
      if (values.length) parameters.set(name, values.join(","))
      else parameters.delete(name)
    }
    const query = parameters.toString().replace(/%2C/g, ",")
    const search = query ? `?${query}` : ""
    history.replaceState(history.state, "", location.pathname + search + location.hash)
    for (const link of document.querySelectorAll('a.md-select__link[hreflang], link[rel="alternate"][hreflang]')) {
      link.dataset.address = link.dataset.address || link.getAttribute("href")
      link.setAttribute("href", link.dataset.address.split("?")[0] + search)
    }
    for (const printed of document.querySelectorAll("[data-print-address]")) {
      printed.dataset.printAddress = printed.dataset.printAddress || printed.textContent
      printed.textContent = printed.dataset.printAddress + search
    }
  }

  /*
   * The model names kept in view under the site's header while the table scrolls past. The table scrolls
   * sideways in a box of its own when it is wider than the page, and a header row inside such a box cannot
   * stick to the window; so a copy of the header row, for the eye only (screen readers and keyboards use
   * the table's own), sticks above the table, follows it sideways and shows once the table's own header
   * row has left the screen. Phones show cards and paper the whole table: the stylesheet hides the copy.
   */
  function pinHeader(wrapper, table) {
    const row = element("div", { class: "comparison__pinned-row" })
    const clip = element("div", { class: "comparison__pinned-clip" }, row)
    const pinned = element("div", { class: "comparison__pinned", "aria-hidden": "true" }, clip)
    wrapper.insertBefore(pinned, wrapper.firstChild)
    let cells = []
    let scheduled = false

    /* Copy the header row as it stands: its visible cells, in their order. */
    function refresh() {
      cells = [...table.tHead.rows[0].cells].filter(cell => !cell.hidden).map(cell => {
        const copy = element("div", { class: "comparison__pinned-cell" }, ...[...cell.childNodes].map(node => node.cloneNode(true)))
        if (cell.dataset.model) copy.dataset.model = cell.dataset.model
        for (const link of copy.querySelectorAll("a, button, input, select")) link.tabIndex = -1
        return [cell, copy]
      })
      row.replaceChildren(...cells.map(([, copy]) => copy))
      schedule()
    }

    /* Size and place the copy over the table's columns, and show it only while the table's own header row is out of view. */
    function place() {
      scheduled = false
      const box = table.closest(".md-typeset__scrollwrap") || table.parentElement
      const top = pinned.getBoundingClientRect().top
      const head = table.tHead.getBoundingClientRect()
      const body = table.tBodies[0].getBoundingClientRect()
      const inner = box.getBoundingClientRect().left + box.clientLeft
      const left = Math.max(inner, head.left)
      const right = Math.min(inner + box.clientWidth, head.right)
      for (const [cell, copy] of cells) copy.style.width = `${cell.getBoundingClientRect().width}px`
      clip.style.left = `${left - pinned.getBoundingClientRect().left}px`
      clip.style.width = `${Math.max(0, right - left)}px`
      row.style.transform = `translateX(${head.left - left}px)`
      // The first column stays at the box's left edge, as the table's own first column does.
      if (cells.length) cells[0][1].style.transform = `translateX(${left - head.left}px)`
      const stuck = head.height > 0 && head.bottom <= top && body.bottom > top + row.offsetHeight
      pinned.classList.toggle("comparison__pinned--shown", stuck)
    }

    function schedule() {
      if (!scheduled) {
        scheduled = true
        requestAnimationFrame(place)
      }
    }

    // A link reached by the keyboard comes fully into view, clear of the copy and of the points' column (their
    // room is the links' scroll-margin in the stylesheet): the browser leaves a link half out of the box as it is.
    table.addEventListener("focusin", event => {
      if (event.target.matches(":focus-visible")) event.target.scrollIntoView({ block: "nearest", inline: "nearest" })
    })
    document.addEventListener("scroll", schedule, { capture: true, passive: true })
    window.addEventListener("resize", schedule)
    if (window.ResizeObserver) new ResizeObserver(schedule).observe(table)
    return { refresh }
  }

  for (const wrapper of document.querySelectorAll("[data-comparison]")) setUp(wrapper)
})()
