"""Who stands behind the site: what of content/data.yml's `publisher:` an editor has still to fill in, and the
publisher as plain texts for the footer of every page. `make check` warns of each empty field with its line;
`check --publishing`, which the workflow that publishes the site runs, refuses while one is empty."""

from .. import LANGUAGES
from .fields import Text, field_kinds
from ..pages.markup import plain_text
from ..messages import N_, _
from .problems import Problem
from .schema import Publisher, Site

# What to write in each empty field; the contact is one e-mail address or postal address, or both.
TO_WRITE = {
    "name": N_('not set yet — write who publishes the site (an organisation or a person), as {{da: "…", en: "…"}}'),
    "responsible_editor": N_('not set yet — write who is editorially responsible (a name or a role), as {{da: "…", en: "…"}}'),
    "email": N_("no way to reach the publisher without GitHub yet — write an e-mail address here,"
                " or a postal address under postal_address, or both"),
    "funding": N_('not set yet — write who pays for the site, as {{da: "…", en: "…"}}'),
    "advertising": N_('not set yet — write that the site carries no advertising or sponsorship'
                      ' (or what it carries), as {{da: "…", en: "…"}}'),
}


def unset_fields(site: Site) -> list[Problem]:
    """Each field of the publisher still to fill in, at the line where it is written (else the section's)."""
    publisher = site.publisher
    empty = [name for name in TO_WRITE if getattr(publisher, name) is None]
    if publisher.postal_address and "email" in empty:
        empty.remove("email")
    section = site.key_marks["publisher"]
    return [
        Problem(mark.line, mark.column, f"publisher.{name}", _(TO_WRITE[name]))
        for name in empty for mark in [publisher.key_marks.get(name, section)]
    ]


def footer_publisher(site: Site) -> dict[str, dict | None]:
    """Per language, the publisher's texts as the footer prints them (without emphasis or links), or None
    while a field is still to fill in."""
    if unset_fields(site):
        return {language: None for language in LANGUAGES}
    values = {name: getattr(site.publisher, name) for name in field_kinds(Publisher)}
    texts = {name for name, kind in field_kinds(Publisher).items() if isinstance(kind, Text)}
    # Texts lose their emphasis and links; an address is shown as written (an underscore is part of it).
    return {
        language: {name: plain_text(value[language]) if name in texts and value else value for name, value in values.items()}
        for language in LANGUAGES
    }
