"""Web addresses a reader can trust: the link goes where it seems to go.

An address on the site names a registered domain, as a browser reads it (IDNA 2008 with UTS #46), in letters of
one script that do not imitate another (UTS #39): no user name before the host, no IP address, no unusual port.
Danish names with æ, ø and å are Latin and stay allowed.
"""

import ipaddress
import re
from urllib.parse import urlsplit

import idna
from confusable_homoglyphs import categories, confusables

from ..messages import N_, _

DEFAULT_PORTS = {"https": 443, "http": 80}
# Characters a browser reads in another way than they look, or that would end the address in Markdown or BibTeX.
UNSAFE = re.compile(r'[\s"<>\\^`{|}]')
# The last label of a registered domain: letters (dk, org), or an internationalised one (xn--…).
TOP_LEVEL = re.compile(r"[a-z]{2,63}|xn--[a-z0-9-]{2,59}")
# Link text that reads as an address: the reader takes it for where the link goes.
ADDRESS_TEXT = re.compile(r"(?:https?://)?(?:www\.)?((?:[\w-]+\.)+[a-zæøå]{2,})(?:[/?#:]\S*)?", re.IGNORECASE)
LOOKS_LIKE = N_("the address of a page as the organisation's own site gives it, like https://example.dk/side")
MAIL_LIKE = N_("the e-mail address as the organisation gives it, like info@example.dk")
MAIL_LINK_LIKE = N_("the e-mail address as the organisation gives it, like mailto:info@example.dk")


def host_problem(host: str, instead: str = LOOKS_LIKE) -> str | None:
    """What makes a host name untrustworthy, and what to write `instead`; None for a registered domain name."""
    if UNSAFE.search(host):
        return _("the host '{host}' holds a character that is not allowed in a domain name — write {address}", host=host, address=_(instead))
    try:
        ipaddress.ip_address(host.strip("[]"))
        return _("the host '{host}' is an IP address, not a domain name — write {address}", host=host, address=_(instead))
    except ValueError:
        pass
    try:
        ascii_host = idna.encode(host, uts46=True).decode("ascii")
        readable_host = idna.decode(ascii_host)
    except idna.IDNAError:
        if odd := next((character for character in host if not (character.isalnum() or character in ".-")), None):
            return _("the host '{host}' holds '{character}', which a domain name cannot hold — write {address}",
                     host=host, character=odd, address=_(instead))
        return _("the host '{host}' is not a valid domain name — write {address}", host=host, address=_(instead))
    if ascii_host.count(".") < 1 or not TOP_LEVEL.fullmatch(ascii_host.rsplit(".", 1)[-1]):
        return _("the host '{host}' is not a registered domain name — write {address}", host=host, address=_(instead))
    for label in readable_host.split("."):
        scripts = categories.unique_aliases(label) - {"COMMON", "INHERITED"}
        shown = _("'{host}' (written '{written}')", host=readable_host, written=host) if host != readable_host else f"'{host}'"
        if len(scripts) > 1:
            return _("the host {host} mixes {scripts} letters in '{label}', so it can pass for another site's name"
                     " — write {address}, in one alphabet", host=shown, label=label, address=_(instead),
                     scripts=_(" and ").join(script.title() for script in sorted(scripts)))
        if scripts - {"LATIN"} and confusables.is_confusable(label, preferred_aliases=["latin"]):
            return _("the host {host} is written in {script} letters that look like Latin ones, so it can pass for another"
                     " site's name — write {address}", host=shown, script="".join(scripts).title(), address=_(instead))
    return None


def address_problem(address: str) -> str | None:
    """What makes a web address untrustworthy, and what to write instead; None when it can be published."""
    try:
        parts = urlsplit(address)
        port = parts.port
    except ValueError:
        return _("'{address}' is not a web address — write {looks_like}", address=address, looks_like=_(LOOKS_LIKE))
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.netloc:
        return _("'{address}' is not a web address — write {looks_like}", address=address, looks_like=_(LOOKS_LIKE))
    if "@" in parts.netloc:
        before, host = parts.netloc.rsplit("@", 1)
        return _("the address has '{before}@' before its host, so a browser goes to '{host}', not to '{before}'"
                 " — write {address}, with nothing before '@'", before=before, host=host, address=_(LOOKS_LIKE))
    if unsafe := UNSAFE.search(address):
        return _("the character '{character}' is not allowed in a web address — write it as %{code:02X}, or copy the"
                 " address from the browser's address bar", character=unsafe.group(), code=ord(unsafe.group()))
    if port is not None and port != DEFAULT_PORTS[scheme]:
        return _("the address names the port ':{port}' — link an address on the standard port, without ':{port}'", port=port)
    return host_problem(parts.hostname or "")


def text_names_another_host(text: str, address: str) -> str | None:
    """The site a link's text names when the link leads to another one ('sundhed.dk' over evil.example); or None."""
    named = ADDRESS_TEXT.fullmatch(text.strip())
    target = (urlsplit(address).hostname or "").removeprefix("www.")
    if named and named.group(1).lower().removeprefix("www.") != target:
        return named.group(1)
    return None
