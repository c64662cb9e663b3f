"""Each field of content/data.yml is declared once, as its kind, in peersite/data/schema.py: a field written the old
double way (an annotation beside the kind) is refused when the schema is read, and a field a record inherits
(reviewed, reviewed_by) is checked, exported, in the JSON Schema and in the form for every record kind that has it.
The fields renamed for what they hold show where they did: a model's contacts, the trial's claim against its result."""

import csv
import dataclasses
import io

import pytest
import yaml

from conftest import MINIMAL, REAL_DATA, REAL_SITE
from peersite import LANGUAGES, source_file
from peersite.editing.cms import cms_config
from peersite.data.data_schema import data_schema
from peersite.pages.environment import labels
from peersite.open_data.export import TABLES, dataset, table_csv
from peersite.data.fields import BilingualText, ListOf, Located, RecordOf, ReviewDate, Text, field_kinds, record
from peersite.data.load import load_marked_yaml
from peersite.pages.render import render_site
from peersite.data.review import OWN_REVIEW
from peersite.data.schema import SITE, Reviewed
from peersite.data.validate import check_site, validate_site
from test_admin import form_fields, record_classes

INHERITED = ("reviewed", "reviewed_by")


def places(kind=SITE, path: tuple = ()):
    """Each record class of the data file with the path of its first record: ('models', 0), ('site',)."""
    if isinstance(kind, ListOf):
        yield from places(kind.item, (*path, 0))
    elif isinstance(kind, RecordOf):
        yield kind.record_class, path
        for name, inner in field_kinds(kind.record_class).items():
            yield from places(inner, (*path, name))


PLACES = {record_class: path for record_class, path in reversed(list(places()))}  # the first path of each
REVIEWED = [record_class for record_class in record_classes() if issubclass(record_class, Reviewed)]


def where(path: tuple) -> str:
    """A path as the checker names it: models[0], site."""
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path).lstrip(".")


def at(data, path: tuple):
    """The value at a path of plain data."""
    for part in path:
        data = data[part]
    return data


def minimal_with(tmp_path, path: tuple, **values):
    """The minimal data file with values set in the record at a path, read with its lines."""
    data = yaml.safe_load(MINIMAL.read_text(encoding="utf-8"))
    at(data, path).update(values)
    written = tmp_path / "data.yml"
    written.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return load_marked_yaml(written)


@pytest.mark.parametrize("declaration", [
    "title: BilingualText = Text(label='Titel')",  # the old double way
    "title: str = Text(label='Titel')",  # and one whose annotation disagrees with its kind
    "title: BilingualText",  # an annotation without a kind
])
def test_a_field_declared_with_an_annotation_is_refused_with_how_to_declare_it(declaration):
    namespace = {"BilingualText": BilingualText, "Text": Text, "Located": Located}
    with pytest.raises(TypeError, match=r"Twice: title declared with an annotation — declare each field once, as its kind"):
        exec(f"class Twice(Located):\n    {declaration}\n", namespace)
        record("twice", "twices")(namespace["Twice"])


@pytest.mark.parametrize("record_class", record_classes(), ids=lambda record_class: record_class.__name__)
def test_a_records_types_are_its_kinds_types(record_class):
    kinds = field_kinds(record_class)
    types = {field.name: field.type for field in dataclasses.fields(record_class) if field.name in kinds}
    assert types == {name: kind.annotation() for name, kind in kinds.items()}


def test_a_base_s_fields_stay_together_where_the_record_declares_one_again():
    class Dated(Located):
        day = ReviewDate(required=False)
        by = Text(required=False)

    @record("late", "lates")
    class Late(Dated):
        name = Text()

    @record("early", "earlies")
    class Early(Dated):
        day = ReviewDate()
        name = Text()

    assert list(field_kinds(Late)) == ["name", "day", "by"]
    assert list(field_kinds(Early)) == ["day", "by", "name"]
    assert field_kinds(Early)["day"].required and not field_kinds(Late)["day"].required


def test_the_records_reviewed_one_by_one_are_the_reviewed_collections_each_with_its_table():
    assert [record_class.__name__ for record_class in OWN_REVIEW] == ["Partnership", "Model", "Source"]
    assert set(OWN_REVIEW) <= {table.record_class for table in TABLES}


@pytest.mark.parametrize("record_class", REVIEWED, ids=lambda record_class: record_class.__name__)
def test_an_inherited_field_is_checked_where_it_is_written(record_class, tmp_path):
    path = PLACES[record_class]
    _, problems = check_site(minimal_with(tmp_path, path, reviewed="2999-01-01", reviewed_by="Redaktionen"))
    found = {problem.where: problem.what for problem in problems}
    assert found[f"{where(path)}.reviewed"] == "2999-01-01 is in the future — write the day the content was checked, today at the latest"
    assert found[f"{where(path)}.reviewed_by"] == ("expected a text in both languages, got a text ('Redaktionen')"
                                                   ' — write it as {da: "…", en: "…"}')


@pytest.mark.parametrize("record_class", REVIEWED, ids=lambda record_class: record_class.__name__)
def test_an_inherited_field_is_in_the_open_data(record_class, tmp_path):
    path = PLACES[record_class]
    reviewer = {"da": "Redaktionen", "en": "The editors"}
    site = validate_site(minimal_with(tmp_path, path, reviewed="2026-01-02", reviewed_by=reviewer))
    assert at(dataset(site)["data"], path).items() >= {"reviewed": "2026-01-02", "reviewed_by": reviewer}.items()
    for table in TABLES:
        if table.record_class is record_class:
            first = next(csv.DictReader(io.StringIO(table_csv(site, table))))
            assert (first["reviewed"], first["reviewed_by_da"], first["reviewed_by_en"]) == ("2026-01-02", *reviewer.values())


@pytest.mark.parametrize("record_class", REVIEWED, ids=lambda record_class: record_class.__name__)
def test_an_inherited_field_is_in_the_json_schema_with_its_description(record_class):
    definition = data_schema()["definitions"][record_class.__name__]
    kinds = field_kinds(record_class)
    for name in INHERITED:
        assert definition["properties"][name]["description"] == kinds[name].description
        assert (name in definition["required"]) == kinds[name].required


@pytest.mark.parametrize("record_class", REVIEWED, ids=lambda record_class: record_class.__name__)
def test_an_inherited_field_is_in_the_form_with_its_label_and_help(record_class):
    section, *inside = [part for part in PLACES[record_class] if not isinstance(part, int)]
    collection = next(collection for collection in cms_config(REAL_DATA)["collections"] if collection["name"] == section)
    fields = dict(form_fields(collection["files"][0]["fields"]))
    kinds = field_kinds(record_class)
    for name in INHERITED:
        field = fields[".".join(["", section, *inside, name])]
        assert (field["label"], field["hint"]) == (kinds[name].label, kinds[name].description)


@pytest.fixture(scope="module")
def real_pages() -> dict[str, str]:
    """The pages made from the real data, in both languages."""
    return render_site(REAL_SITE)[0]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_models_contacts_are_whom_its_page_says_to_ask(real_pages, language):
    organisations = REAL_SITE.by_id["organisations"]
    for model in REAL_SITE.models:
        page = real_pages[source_file(f"models/{model.id}.md", language)]
        asked = [line for line in page.splitlines() if line.startswith(f"- **{labels()['ask'][language]}:**")]
        assert len(asked) == bool(model.contacts), model.id
        assert all(organisations[id].name[language] in asked[0] for id in model.contacts), model.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_course_page_sets_a_sources_claim_against_what_the_trial_found(real_pages, language):
    assert REAL_SITE.peer_trial.claim_versus_result[language] in real_pages[source_file("course/index.md", language)]
