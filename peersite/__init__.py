"""Turn content/data.yml into the Danish and English pages of the peer-support site."""

LANGUAGES = ("da", "en")
DEFAULT_LANGUAGE = "da"


def source_file(path: str, language: str) -> str:
    """A page's Markdown file in a language: `models/x.md` (Danish) or `models/x.en.md`."""
    return path if language == DEFAULT_LANGUAGE else f"{path[:-3]}.{language}.md"


def url_prefix(language: str) -> str:
    """Where a language's pages live in the built site: at the root, or under `en/`."""
    return "" if language == DEFAULT_LANGUAGE else f"{language}/"
