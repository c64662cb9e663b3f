"""The Jinja environments that turn records into pages: Markdown, where every value from the data is
written as text, and HTML fragments, where it is escaped as HTML."""

import html
import json
from functools import cache
from pathlib import Path
from urllib.parse import quote

import jinja2
import yaml
from markupsafe import Markup

from .markup import inline_markdown, plain_text

TEMPLATES = Path(__file__).parent / "templates"


def as_markdown(value) -> Markup:
    """How a template writes a value into Markdown: prepared Markdown as it is, anything else as text."""
    return value if isinstance(value, Markup) else Markup(inline_markdown(str(value)))


def join_markdown(values, separator: str = "") -> Markup:
    """Values joined, each written as text."""
    return Markup(separator).join(as_markdown(value) for value in values)


def link_target(address: str) -> Markup:
    """An address as a Markdown link target: spaces and brackets encoded, so it cannot end the link early."""
    return Markup(quote(str(address), safe=":/?#@!$&'*+,;=%~"))


def attribute(value) -> Markup:
    """A text as the value of an HTML attribute: plain text, quotes and brackets escaped."""
    return Markup(html.escape(plain_text(value), quote=True))


def yaml_string(text, limit: int = 155) -> Markup:
    """A text as a quoted front-matter value of at most `limit` characters, cut at a word."""
    plain = plain_text(text)
    if len(plain) > limit:
        plain = plain[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return Markup(json.dumps(plain, ensure_ascii=False))


@jinja2.pass_context
def number(context, value: int) -> str:
    """A whole number with the page language's thousands separator: 2.479 in Danish, 2,479 in English."""
    return f"{value:,}".replace(",", context["label"]["thousands_separator"])


@jinja2.pass_context
def series(context, values, conjunction: str = "and") -> Markup:
    """Values in running text, "a, b og c": commas, and the language's word for "and" (or "or") before the last."""
    written = [as_markdown(value) for value in values]
    if len(written) < 2:
        return join_markdown(written)
    return Markup(", ").join(written[:-1]) + Markup(" ") + as_markdown(context["label"][conjunction]) + Markup(" ") + written[-1]


def lookup(key, mapping):
    """The value a mapping holds for a key, so that `map("lookup", …)` turns a list of ids into records or words."""
    return mapping[key]


def lower_first(name) -> str:
    """A name inside a sentence: its first letter in lower case, unless it starts with an abbreviation (RCT, CHIME)."""
    name = str(name)
    first_word = name.split(" ", 1)[0]
    return name if first_word[1:2].isupper() else name[:1].lower() + name[1:]


def long_date(iso_date: str, months: list[str], pattern: str) -> str:
    """A date like 2020-12-07 written out the language's way, e.g. '7. december 2020'."""
    year, month, day = (int(part) for part in iso_date.split("-"))
    return pattern.format(day=day, month=months[month - 1], year=year)


@cache
def labels() -> dict:
    """The words around the data, in both languages."""
    return yaml.safe_load((TEMPLATES.parent / "labels.yml").read_text(encoding="utf-8"))


@cache
def markdown_environment() -> jinja2.Environment:
    """For Markdown pages: the one place data text enters Markdown is `as_markdown`, applied to every value."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=True,
        finalize=as_markdown,
    )
    environment.filters.update(
        join=join_markdown, link_target=link_target, attribute=attribute, yaml_string=yaml_string, long_date=long_date, number=number,
        lower_first=lower_first, series=series, lookup=lookup,
    )
    return environment


@cache
def html_environment() -> jinja2.Environment:
    """For HTML fragments added to built pages, escaped as HTML."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), undefined=jinja2.StrictUndefined, autoescape=True)
