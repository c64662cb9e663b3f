"""The form editors use at /admin/ (Decap CMS): its configuration, made from the record classes in
peersite/data/schema.py and the ids in content/data.yml, so that the form and `make check` never disagree.

Each section of content/data.yml is one entry of the form (an editor's draft of it is the branch
cms/<section>/<section>); a text in both languages is a pair of fields, "Dansk" and "English"; an id that points
at another record is a choice among the ids the data holds today (Decap's relation widget cannot list ids from
the file it edits); a date is text of a set form.
"""

import re
from pathlib import Path

import yaml

from .. import LANGUAGES
from ..data.fields import (
    FIRST_YEAR, LAST_YEAR, Choice, Date, Field, Int, ListOf, Matching, PageDate, RecordOf, Ref, Str, Text, Year, field_kinds,
)
from ..pages.environment import html_environment
from ..data.schema import COLLECTIONS, SITE
from ..data.validate import DATA_PATH

CONFIG_PATH = "content/cms.yml"
ADMIN_FOLDER = "admin"  # in the built site
# Decap's own build, from npm (package.json): the main script, the parts it loads when needed, its licences.
BUNDLE = "node_modules/decap-cms/dist"
BUNDLE_FILES = ("decap-cms.js", "*.decap-cms.js", "*.wasm", "decap-cms.js.LICENSE.txt")
# The page's own stylesheet and script, served beside the bundle.
ADMIN_FILES = Path(__file__).parent / "admin"
GITHUB_REPOSITORY = re.compile(r"^https://github\.com/([\w.-]+/[\w.-]+?)/?$")
# Where the GitHub backend talks to, besides the site itself: GitHub's API, and the editor's picture.
GITHUB_API, GITHUB_AVATARS = "https://api.github.com", "https://avatars.githubusercontent.com"
LANGUAGE_LABELS = {"da": "Dansk", "en": "English"}
HEADER = f"""\
# The form for editors at /admin/ (Decap CMS), generated from peersite/data/schema.py and the ids in {DATA_PATH}.
# Do not edit by hand: run `python -m peersite cms-config` after changing the schema or adding, removing or
# renaming a record. `peersite render` adds the repository and the login service (peersite/pages/site_files.py).
"""
# Which of a record's fields names it in a collapsed list, best first.
SUMMARY_FIELDS = ("name", "title", "term", "label", "principle", "id", "number", "outcome", "region", "audience", "model", "text")


def collection_ids(data: dict) -> dict[str, list[str]]:
    """The ids each collection holds today, as written (records without a readable id are left out)."""
    return {collection: [record["id"] for record in data.get(collection) or []
                         if isinstance(record, dict) and isinstance(record.get("id"), str)]
            for collection in COLLECTIONS}


def label(name: str, kind: Field) -> str:
    """What the form calls a field: its Danish label, or its name while it has none."""
    return kind.label or name


def pattern(kind: Field, regex: str) -> list[str]:
    """Decap's pattern setting: the rule, and the Danish message shown when a value breaks it."""
    return [regex, f"Skriv det {kind.written_as}."]


def widget(kind: Field, ids: dict[str, list[str]], present: bool = True) -> dict:
    """The Decap widget settings for a field kind (without name, label and hint); `present` is False inside a
    mapping that may be left out, whose fields Decap must then not ask for."""
    if isinstance(kind, Text):
        languages = [{"name": language, "label": LANGUAGE_LABELS[language], "widget": "text"} for language in LANGUAGES]
        return {"widget": "object", "collapsed": False,
                "fields": languages if present else [{**language, "required": False} for language in languages]}
    if isinstance(kind, Ref):
        return {"widget": "select", "options": ids[kind.collection]}
    if isinstance(kind, Choice):
        return {"widget": "select", "options": list(kind.options)}
    if isinstance(kind, Matching):
        return {"widget": "string", "pattern": pattern(kind, kind.pattern)}
    if isinstance(kind, Str):
        return {"widget": "string"}
    if isinstance(kind, Year):
        return {"widget": "number", "value_type": "int", "min": FIRST_YEAR, "max": LAST_YEAR}
    if isinstance(kind, Int):
        return {"widget": "number", "value_type": "int", "min": 0}
    if isinstance(kind, PageDate):
        return {"widget": "string", "pattern": pattern(kind, r"^\d{4}(-\d{2}-\d{2})?$")}
    if isinstance(kind, Date):
        return {"widget": "string", "pattern": pattern(kind, kind.json_schema({})["pattern"])}
    if isinstance(kind, ListOf) and isinstance(kind.item, (Ref, Choice)):
        # Chosen from a list, in the order chosen: the same as a list of ids, in one control.
        return {**widget(kind.item, ids), "multiple": True, **({"min": kind.at_least} if kind.at_least else {})}
    if isinstance(kind, ListOf):
        item = kind.item
        settings = {"widget": "list", **({"min": kind.at_least} if kind.at_least else {})}
        if isinstance(item, RecordOf):
            one = {"label_singular": item.record_class.label_singular} if item.record_class.label_singular else {}
            return {**settings, **one, **record_fields(item, ids)}
        if isinstance(item, Text):  # the pair itself is the item: Decap's single-field lists lose a mapping's values
            return {**settings, "label_singular": "tekst", "fields": widget(item, ids)["fields"], "summary": "{{fields.da}}"}
        return {**settings, "field": {"name": "item", "label": label("item", kind), **widget(item, ids)}}
    if isinstance(kind, RecordOf):
        return {"widget": "object", **record_fields(kind, ids, present)}
    raise TypeError(f"no form widget for {type(kind).__name__}")


def record_fields(kind: RecordOf, ids: dict[str, list[str]], present: bool = True) -> dict:
    """A record's fields for an object or list widget, and what names an item in a collapsed list."""
    kinds = field_kinds(kind.record_class)
    fields = [form_field(name, field_kind, ids, present) for name, field_kind in kinds.items()]
    shown = next((name for name in SUMMARY_FIELDS if name in kinds), None)
    if shown is None:
        return {"fields": fields}
    return {"fields": fields, "summary": f"{{{{fields.{shown}.da}}}}" if isinstance(kinds[shown], Text) else f"{{{{fields.{shown}}}}}"}


def form_field(name: str, kind: Field, ids: dict[str, list[str]], present: bool = True) -> dict:
    """One field of the form: its name, Danish label, help text and widget. Decap asks for a required field to
    be filled in, so a list that may be empty, and everything in a mapping that may be left out, is not required."""
    required = present and kind.required
    settings = {"name": name, "label": label(name, kind), **widget(kind, ids, required)}
    if not required or (isinstance(kind, ListOf) and not kind.at_least):
        settings["required"] = False
    if kind.description:
        settings["hint"] = kind.description
    return settings


def section_field(name: str, kind: Field, ids: dict[str, list[str]]) -> dict:
    """A section of the data file as the one field of its entry: never to be left out, even where its list may
    be empty."""
    settings = form_field(name, kind, ids)
    if kind.required:
        settings.pop("required", None)
    return settings


def cms_config(data: dict) -> dict:
    """The Decap CMS configuration: one entry per section of the data file, in the file's order."""
    ids = collection_ids(data)
    return {
        "backend": {"name": "github"},
        "publish_mode": "editorial_workflow",
        "local_backend": True,
        "locale": "da",
        # Nothing in the data is an uploaded file; Decap still asks where uploads would go.
        "media_folder": "content/uploads",
        # A collection per section, each with the one entry that edits it: Decap lists entries of one collection by
        # their file, so several entries of the same file in one collection would all show as the first.
        "collections": [{
            "name": name,
            "label": label(name, kind),
            "editor": {"preview": False},
            "files": [{"name": name, "label": label(name, kind), "file": DATA_PATH, "fields": [section_field(name, kind, ids)]}],
        } for name, kind in field_kinds(SITE.record_class).items()],
    }


def cms_config_yaml(data: dict) -> str:
    """The configuration as the text of content/cms.yml."""
    return HEADER + yaml.safe_dump(cms_config(data), allow_unicode=True, sort_keys=False, width=120)


def github_repository(repo_url: str | None) -> str | None:
    """owner/name of a GitHub repository's address, as the edit links use it; None when there is none."""
    match = GITHUB_REPOSITORY.match(repo_url or "")
    return match.group(1) if match else None


def missing_settings(repository: str | None, base_url: str | None) -> list[str]:
    """What the form needs before it can log editors in on the published site, by the setting's name."""
    return [name for name, value in (("REPO_URL", repository), ("CMS_BASE_URL", base_url)) if not value]


def site_config(committed: str, repository: str | None, branch: str, base_url: str | None, local_backend: str | None) -> dict:
    """The committed configuration with what only the build knows: the repository, its branch, the login
    service, and (to try the form on this machine) decap-server's address."""
    config = yaml.safe_load(committed)
    backend = {**config["backend"], "branch": branch}
    backend.update({key: value for key, value in (("repo", repository), ("base_url", base_url)) if value})
    config["backend"] = backend
    if local_backend:
        config["local_backend"] = {"url": local_backend}
    return config


def admin_files(bundle: Path, committed: str, repo_url: str | None, branch: str, base_url: str | None,
                local_backend: str | None = None) -> dict[str, bytes]:
    """The files of /admin/ by their path in the site: the form with Decap's bundle, or, while the published form could
    not log anyone in, a page that says what the publisher must set."""
    repository = github_repository(repo_url)
    missing = [] if local_backend else missing_settings(repository, base_url)
    files = {}
    if not missing:
        files = {path.name: path.read_bytes() for pattern in BUNDLE_FILES for path in bundle.glob(pattern)}
        config = site_config(committed, repository, branch, base_url, local_backend)
        files["config.yml"] = yaml.safe_dump(config, allow_unicode=True, sort_keys=False).encode()
    files.update({path.name: path.read_bytes() for path in ADMIN_FILES.iterdir()})
    connect = " ".join(filter(None, (GITHUB_API, base_url, local_backend)))
    page = html_environment().get_template("admin.html.j2").render(
        missing=missing, connect=connect, images=GITHUB_AVATARS, repo_url=repo_url, branch=branch)
    files["index.html"] = page.encode()
    return {f"{ADMIN_FOLDER}/{name}": content for name, content in files.items()}
