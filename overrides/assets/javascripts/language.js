/*
 * The language selector opens the same page in the other language; this takes the reader to the same place on it
 * too: the section they went to (the address's #part, as find-support/#region-sjaelland), which both languages'
 * pages carry under the same id where the data makes it (a region, a help line). Where the other page has no such
 * section, it opens at its top, as without this script.
 */
document.addEventListener("click", event => {
  const link = event.target.closest && event.target.closest("a.md-select__link[hreflang]")
  if (link) link.hash = location.hash
})
