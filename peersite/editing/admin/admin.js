// /admin/: names for the form's buttons that Decap CMS 3.16.3 draws without one, or names in English, so that a screen
// reader says what each does in Danish. tests/browser/test_cms.py counts the controls left without a name.
(() => {
  "use strict";

  // Decap's own English names, and what to call them instead.
  const DANISH = {
    "Collapse": "Fold sammen",
    "Expand": "Fold ud",
    "Account options dropdown": "Konto",
  };

  // The text that names a list item when it is folded (the form's configuration chooses it), else its position.
  function itemName(item, bar) {
    const label = item.querySelector(':scope > [class*="NestedObjectLabel"]');
    const text = label && label.textContent.trim();
    if (text) return `«${text}»`;
    const items = [...item.parentElement.children].filter((sibling) => sibling.contains(sibling.querySelector('[class*="ListItemTopBar"]')));
    return `punkt ${items.indexOf(item) + 1}`;
  }

  // The label of the field a control belongs to, as the form shows it.
  function fieldLabel(control) {
    const container = control.closest('[class*="ControlContainer"]');
    const label = container && container.querySelector("label");
    return label ? label.textContent.trim() : "";
  }

  function setName(element, name) {
    if (element && element.getAttribute("aria-label") !== name) element.setAttribute("aria-label", name);
  }

  function nameControls() {
    for (const bar of document.querySelectorAll('[class*="ListItemTopBar"]')) {
      const item = bar.parentElement;
      const name = itemName(item, bar);
      const [toggle, remove] = bar.querySelectorAll(":scope > button");
      setName(toggle, `Vis eller skjul ${name}`);
      setName(bar.querySelector(':scope > [role="button"]'), `Flyt ${name}`);
      setName(remove, `Fjern ${name}`);
    }
    for (const element of document.querySelectorAll("[aria-label]")) {
      const english = element.getAttribute("aria-label");
      if (english in DANISH) {
        const field = fieldLabel(element);
        setName(element, field ? `${DANISH[english]}: ${field}` : DANISH[english]);
      } else if (english.startsWith("Remove ")) {
        setName(element, `Fjern ${english.slice("Remove ".length)}`);
      }
    }
  }

  // Decap draws the form anew as the editor works: name what it draws, once a frame at most.
  let scheduled = false;
  new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      nameControls();
    });
  }).observe(document.body, {childList: true, subtree: true, attributes: true, attributeFilter: ["aria-label"]});
})();
