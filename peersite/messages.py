"""Messages to editors in the language they read (gettext's way): the code writes each message in English with named
placeholders, `_("unknown value '{value}' — use one of: {options}", value=…, options=…)`, and the catalogue of a
language (peersite/locale/<language>/LC_MESSAGES/peersite.po, read with Babel) gives it in that language. A
fragment that goes into another message is translated the same way, so no English is left inside a Danish message."""

import contextlib
import contextvars
import functools
import gettext
import io
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "peersite"
SOURCE_LANGUAGE = "en"
MESSAGE_LANGUAGES = ("en", "da")  # `--language` of `check` and of the spell check
# Babel's extractor finds the messages by these calls (tests/test_danish_messages.py): a record's noun and plural
# in peersite/data/schema.py are a message's singular and plural.
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "record": (1, 2)}

_speaking: contextvars.ContextVar[gettext.NullTranslations] = contextvars.ContextVar("speaking", default=gettext.NullTranslations())


def catalogue_path(language: str) -> Path:
    """Where a language's catalogue is."""
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache
def translations(language: str) -> gettext.NullTranslations:
    """A language's messages, compiled from its catalogue by Babel; English, the code's own, needs none."""
    if language == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    with catalogue_path(language).open("rb") as po:
        catalogue = read_po(po, locale=language)
    compiled = io.BytesIO()
    write_mo(compiled, catalogue)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


@contextlib.contextmanager
def speaking(language: str):
    """Within the block, every message is given in `language`."""
    token = _speaking.set(translations(language))
    try:
        yield
    finally:
        _speaking.reset(token)


def _(message: str, **values) -> str:
    """A message in the language spoken, its {placeholders} filled in."""
    return _speaking.get().gettext(message).format(**values)


def ngettext(singular: str, plural: str, count: int, **values) -> str:
    """A message about `count` things, in the form the spoken language uses for that number; {count} is filled in."""
    return _speaking.get().ngettext(singular, plural, count).format(count=count, **values)


def N_(message: str) -> str:
    """Mark a message written where no language is chosen yet (a constant): it is translated where it is used."""
    return message
