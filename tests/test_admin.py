"""The form for editors at /admin/: its configuration made from peersite/data/schema.py and the data's ids, committed and
drift-tested like the JSON Schema; and the page the build writes, outside the site's pages, search and sitemap, with
the form only where it could log an editor in (tests/browser/test_cms.py drives the form itself)."""

import json
import subprocess
import sys

import pytest
import yaml

from conftest import FAKE_REPO_URL, REAL_DATA, ROOT, run_site_build, write_data
from peersite.editing.cms import ADMIN_FOLDER, BUNDLE, CONFIG_PATH, admin_files, cms_config, cms_config_yaml, github_repository
from peersite.data.fields import ListOf, RecordOf, Ref, field_kinds
from peersite.data.schema import COLLECTIONS, SITE

COMMITTED = ROOT / CONFIG_PATH
FIX = "run `python -m peersite cms-config` and commit content/cms.yml"


def cms_config_command(folder, *options) -> subprocess.CompletedProcess:
    """`python -m peersite cms-config` run in folder."""
    return subprocess.run([sys.executable, "-m", "peersite", "cms-config", *options], cwd=folder, capture_output=True, text=True)


def record_classes(kind=SITE, seen=None) -> list:
    """Every record class the data file holds, at any depth."""
    seen = [] if seen is None else seen
    kind = kind.item if isinstance(kind, ListOf) else kind
    if isinstance(kind, RecordOf) and kind.record_class not in seen:
        seen.append(kind.record_class)
        for inner in field_kinds(kind.record_class).values():
            record_classes(inner, seen)
    return seen


def form_fields(fields: list[dict], path: str = ""):
    """Every field of the form with its path, at any depth."""
    for field in fields:
        here = f"{path}.{field['name']}"
        yield here, field
        yield from form_fields(field.get("fields", []) + ([field["field"]] if "field" in field else []), here)


def test_committed_configuration_is_the_generated_one():
    assert COMMITTED.read_text(encoding="utf-8") == cms_config_yaml(REAL_DATA), FIX


@pytest.mark.parametrize("record_class", record_classes(), ids=lambda record_class: record_class.__name__)
def test_every_field_has_a_danish_label_and_a_description(record_class):
    unnamed = [name for name, kind in field_kinds(record_class).items() if not (kind.label and kind.description)]
    assert unnamed == [], f"give these fields label= and description= in peersite/data/schema.py: {unnamed}"


def test_one_entry_per_section_of_the_data_file_each_saving_into_it():
    collections = cms_config(REAL_DATA)["collections"]
    assert [collection["name"] for collection in collections] == list(SITE.kinds)
    for collection in collections:
        [entry] = collection["files"]
        assert (entry["file"], [field["name"] for field in entry["fields"]]) == ("content/data.yml", [collection["name"]])


def test_texts_are_pairs_of_danish_and_english_with_the_fields_help_text():
    models = next(collection for collection in cms_config(REAL_DATA)["collections"] if collection["name"] == "models")
    fields = dict(form_fields(models["files"][0]["fields"]))
    summary = fields[".models.summary"]
    assert [(field["name"], field["label"]) for field in summary["fields"]] == [("da", "Dansk"), ("en", "English")]
    kind = field_kinds(SITE.kinds["models"].item.record_class)["summary"]
    assert (summary["label"], summary["hint"]) == (kind.label, kind.description)


def test_ids_are_chosen_among_the_ids_the_data_holds_today():
    ids = {collection: [record["id"] for record in REAL_DATA[collection]] for collection in COLLECTIONS}
    declared = {(record_class, name) for record_class in record_classes() for name, kind in field_kinds(record_class).items()
                if isinstance(kind.item if isinstance(kind, ListOf) else kind, Ref)}
    chosen = set()
    for collection in cms_config(REAL_DATA)["collections"]:
        for path, field in form_fields(collection["files"][0]["fields"]):
            *parents, name = path.split(".")[1:]
            parent = declared_kind(SITE, parents)
            parent = parent.item if isinstance(parent, ListOf) else parent
            if isinstance(parent, RecordOf) and (parent.record_class, name) in declared:
                ref = parent.kinds[name].item if isinstance(parent.kinds[name], ListOf) else parent.kinds[name]
                assert (field["widget"], field["options"]) == ("select", ids[ref.collection]), path
                chosen.add((parent.record_class, name))
    assert chosen == declared


def declared_kind(kind, names: list[str]):
    """The field kind schema.py declares at a path of field names below a section."""
    for name in names:
        kind = kind.item if isinstance(kind, ListOf) else kind
        if not isinstance(kind, RecordOf):
            return None
        kind = kind.kinds.get(name)
    return kind


def test_a_record_added_makes_the_committed_configuration_stale_and_check_says_how_to_fix_it(tmp_path):
    write_data(tmp_path)
    assert cms_config_command(tmp_path).returncode == 0
    write_data(tmp_path, ("  - id: region-a\n", "  - id: region-aa\n"))
    stale = cms_config_command(tmp_path, "--check")
    assert stale.returncode == 1
    assert stale.stderr.strip() == (
        "content/cms.yml: the form at /admin/ is out of date with content/data.yml (a record was added, removed or renamed,"
        " or the schema changed) — run `make cms-config` and commit content/cms.yml")
    assert cms_config_command(tmp_path).returncode == 0
    assert cms_config_command(tmp_path, "--check").returncode == 0


@pytest.mark.parametrize("repo_url, repository", [
    ("https://github.com/owner/name", "owner/name"),
    ("https://github.com/owner/name/", "owner/name"),
    ("https://github.com/owner/name.site", "owner/name.site"),
    ("https://gitlab.com/owner/name", None),
    ("https://github.com/owner", None),
    (None, None),
])
def test_the_repository_is_taken_from_the_address_the_edit_links_use(repo_url, repository):
    assert github_repository(repo_url) == repository


def test_the_published_form_gets_the_repository_branch_and_login_service():
    files = admin_files(ROOT / BUNDLE, COMMITTED.read_text(encoding="utf-8"), repo_url=FAKE_REPO_URL, branch="main",
                        base_url="https://login.example.org")
    config = yaml.safe_load(files[f"{ADMIN_FOLDER}/config.yml"])
    assert config["backend"] == {"name": "github", "branch": "main", "repo": github_repository(FAKE_REPO_URL),
                                 "base_url": "https://login.example.org"}
    assert (config["publish_mode"], config["locale"], config["local_backend"]) == ("editorial_workflow", "da", True)
    page = files[f"{ADMIN_FOLDER}/index.html"].decode()
    assert '<script src="decap-cms.js"></script>' in page and files[f"{ADMIN_FOLDER}/decap-cms.js"]
    assert "connect-src 'self' https://api.github.com https://login.example.org;" in page


@pytest.fixture(scope="module")
def admin_page(built_site) -> str:
    """/admin/ as `make build` writes it here: a repository (REPO_URL) but no login service."""
    return (built_site / ADMIN_FOLDER / "index.html").read_text(encoding="utf-8")


def test_without_a_login_service_admin_says_in_both_languages_what_the_publisher_must_set(built_site, admin_page):
    assert '<meta name="robots" content="noindex, nofollow">' in admin_page and '<html lang="da">' in admin_page
    assert "<h1>Formularen er ikke slået til endnu</h1>" in admin_page and '<section lang="en">' in admin_page
    assert admin_page.count("<code>CMS_BASE_URL</code>") == 2 and "<code>REPO_URL</code>" not in admin_page
    assert f'href="{FAKE_REPO_URL}/blob/main/CONTRIBUTING.md"' in admin_page
    assert sorted(path.name for path in (built_site / ADMIN_FOLDER).iterdir()) == ["admin.css", "admin.js", "index.html"]


def test_admin_is_outside_the_sitemap_the_search_and_the_english_site(built_site):
    assert f"/{ADMIN_FOLDER}/" not in (built_site / "sitemap.xml").read_text(encoding="utf-8")
    for index in built_site.rglob("search_index.json"):
        assert not [doc for doc in json.loads(index.read_text(encoding="utf-8"))["docs"] if doc["location"].startswith(ADMIN_FOLDER)]
    assert not (built_site / "en" / ADMIN_FOLDER).exists()


def test_without_npm_the_site_is_built_without_admin_and_says_so_in_one_line(project_copy):
    write_data(project_copy)
    result = run_site_build(project_copy, project_copy / "site")
    assert result.returncode == 0, result.stderr
    said = [line for line in result.stderr.splitlines() if "/admin/" in line]
    assert said == [f"No {BUNDLE}/decap-cms.js (npm ci installs it): the site is built without the form for editors at /admin/."]
    assert not (project_copy / "site" / ADMIN_FOLDER).exists()
