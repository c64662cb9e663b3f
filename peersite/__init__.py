"""Turn content/data.yml into the Danish and English pages of the peer-support site."""

from .messages import N_

LANGUAGES = ("da", "en")
DEFAULT_LANGUAGE = "da"
LANGUAGE_NAMES = {"da": N_("Danish"), "en": N_("English")}  # in messages to editors, translated where they are used


def source_file(path: str, language: str) -> str:
    """A page's Markdown file in a language: `models/x.md` (Danish) or `models/x.en.md`."""
    return path if language == DEFAULT_LANGUAGE else f"{path[:-3]}.{language}.md"


def url_prefix(language: str) -> str:
    """Where a language's pages live in the built site: at the root, or under `en/`."""
    return "" if language == DEFAULT_LANGUAGE else f"{language}/"


def language_of_source(path: str) -> str:
    """The language of a Markdown file by its name: `page.en.md` English, `page.md` Danish."""
    return next((language for language in LANGUAGES if path.endswith(f".{language}.md")), DEFAULT_LANGUAGE)


def default_source(path: str) -> str:
    """The Danish file of a page, from its file in any language: `models/x.md` for `models/x.en.md`."""
    language = language_of_source(path)
    return path if language == DEFAULT_LANGUAGE else f"{path.removesuffix(f'.{language}.md')}.md"


def language_of_url(path: str) -> str:
    """The language of a page by its address relative to the site's root: under `en/` English, else Danish."""
    return next((language for language in LANGUAGES if url_prefix(language) and path.startswith(url_prefix(language))),
                DEFAULT_LANGUAGE)
