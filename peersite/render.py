"""Render the checked site as Markdown pages, one per record and index, in every language."""

import json
import re
from functools import cache
from pathlib import Path

import jinja2
import yaml

from . import LANGUAGES, source_file
from .fields import BilingualText
from .validate import Site

TEMPLATES = Path(__file__).parent / "templates"

# Folders of docs/ that hold only generated pages: stale files there are removed.
GENERATED_DIRS = (
    "what-is-peer-support", "peer-roles", "models", "course", "partnerships",
    "evidence", "materials", "glossary",
)


def localise(value, language: str):
    """The same data with every bilingual text replaced by its text in one language."""
    if isinstance(value, BilingualText):
        return value[language]
    if isinstance(value, dict):
        if value.keys() == set(LANGUAGES):
            return value[language]
        return {key: localise(item, language) for key, item in value.items()}
    if isinstance(value, list):
        return [localise(item, language) for item in value]
    return value


def plain_text(text) -> str:
    """A text on one line without Markdown emphasis or code marks."""
    return " ".join(re.sub(r"[*_`]", "", str(text)).split())


def meta_description(text, limit: int = 155) -> str:
    """Plain one-line text of at most `limit` characters, cut at a word, for a meta description."""
    plain = plain_text(text)
    if len(plain) <= limit:
        return plain
    return plain[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def long_date(iso_date: str, months: list[str], pattern: str) -> str:
    """A date like 2020-12-07 written out the language's way, e.g. '7. december 2020'."""
    year, month, day = (int(part) for part in iso_date.split("-"))
    return pattern.format(day=day, month=months[month - 1], year=year)


def table_cell(text) -> str:
    """Text that cannot break a Markdown table row."""
    return " ".join(str(text).split()).replace("|", "\\|")


@cache
def template_environment() -> jinja2.Environment:
    """The Jinja environment for Markdown templates (no HTML escaping: the output is Markdown)."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    environment.filters["cell"] = table_cell
    environment.filters["long_date"] = long_date
    environment.filters["yaml_string"] = lambda text: json.dumps(meta_description(text), ensure_ascii=False)
    return environment


@cache
def labels() -> dict:
    """The words around the data, in both languages."""
    return yaml.safe_load((TEMPLATES.parent / "labels.yml").read_text(encoding="utf-8"))


def render_language(site: Site, language: str) -> dict[str, str]:
    """Every generated page in one language, by docs/-relative path."""
    data = localise(site.data, language)
    by_id = {name: {record["id"]: record for record in data[name]} for name in site.by_id}
    environment = template_environment()
    common = {"site": data, "by_id": by_id, "label": localise(labels(), language), "lang": language}

    def render(template: str, path: str, **context) -> tuple[str, str]:
        text = environment.get_template(template).render(common, **context)
        return source_file(path, language), text

    pages = [
        render("what.md.j2", "what-is-peer-support/index.md", page=data["site"]["pages"]["what"]),
        render("roles.md.j2", "peer-roles/index.md", page=data["site"]["pages"]["roles"]),
        render("models.md.j2", "models/index.md", page=data["site"]["pages"]["models"]),
        render("course.md.j2", "course/index.md", page=data["site"]["pages"]["course"]),
        render("partnerships.md.j2", "partnerships/index.md", page=data["site"]["pages"]["partnerships"]),
        render("evidence.md.j2", "evidence/index.md", page=data["site"]["pages"]["evidence"]),
        render("materials.md.j2", "materials/index.md", page=data["site"]["pages"]["materials"]),
        render("glossary.md.j2", "glossary/index.md", page=data["site"]["pages"]["glossary"]),
    ]
    pages += [render("model.md.j2", f"models/{m['id']}.md", model=m) for m in data["models"]]
    pages += [render("source.md.j2", f"evidence/{e['id']}.md", source=e) for e in data["evidence"]]
    return dict(pages)


def render_pages(site: Site) -> dict[str, str]:
    """Every generated page in every language, by docs/-relative path."""
    return {path: text for language in LANGUAGES for path, text in render_language(site, language).items()}


def render_abbreviations(site: Site, language: str) -> str:
    """Markdown abbreviation definitions for the glossary's abbreviations, in one language."""
    terms = [term for term in localise(site["glossary"], language) if term["abbr"]]
    return template_environment().get_template("abbreviations.md.j2").render(terms=terms)


def focusable_abbreviations(html: str) -> str:
    """Let keyboard users reach each abbreviation, so its explanation shows on focus as on hover."""
    return re.sub(r"<abbr (?![^>]*tabindex)", '<abbr tabindex="0" ', html)
