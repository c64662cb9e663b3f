"""The licence of the site's own texts and data, named the same way in every file that carries it."""

LICENCE_ID = "CC-BY-4.0"
LICENCE_NAME = "Creative Commons Attribution 4.0 International"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
NOTICE = (f"The site's own texts and data may be used under {LICENCE_NAME} ({LICENCE_ID}, {LICENCE_URL})."
          " The cited works belong to their authors.")
