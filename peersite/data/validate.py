"""Check the whole data file against the schema and turn it into records, or list every problem."""

from pathlib import Path

from .fields import Checking, Text, field_kinds, suggestion
from .load import MarkedDict, load_marked_yaml
from ..messages import _
from .problems import DataError, Problem
from .references import FROM_SOURCE, REFERENCE_FIELDS, SHOWN_WITH, WORK_KINDS
from .schema import COLLECTIONS, REVIEWED_COLLECTIONS, SITE, Material, Site

DATA_PATH = "content/data.yml"


def check_unique_ids(raw: MarkedDict, site: Site, checking: Checking) -> None:
    """Note ids used twice in a collection, and collections with a record whose id could not be read."""
    for collection in COLLECTIONS:
        raw_records, seen = raw.get(collection), {}
        for index, item in enumerate(getattr(site, collection) or []):
            where = f"{collection}[{index}]"
            if not item or not item.id:
                if where in checking.unreadable or f"{where}.id" in checking.unreadable:
                    checking.unreadable.add(collection)
                continue
            if item.id in seen:
                checking.problem(
                    raw_records[index].marks["id"], f"{where}.id",
                    _("id '{id}' is already used by {other}, on line {line} — give this record its own id", id=item.id,
                      other=f"{collection}[{seen[item.id]}]", line=raw_records[seen[item.id]].marks["id"].line),
                )
            else:
                seen[item.id] = index


def resolve_references(site: Site, checking: Checking) -> None:
    """Note every reference whose id names no record, unless the collection could not be read in full."""
    for ref in checking.refs:
        if ref.collection in checking.unreadable:
            continue
        known = site.by_id[ref.collection]
        if ref.id in known:
            continue
        listed = ", ".join(sorted(known)[:12]) + (", …" if len(known) > 12 else "") or _("none yet")
        checking.problem(
            ref.mark, ref.where,
            _("unknown id '{id}' in {collection} — {suggestion}use an id from {collection} (known: {known})",
              id=ref.id, collection=ref.collection, suggestion=suggestion(ref.id, known), known=listed),
        )


def check_model_numbers(raw: MarkedDict, site: Site, checking: Checking) -> None:
    """Model numbers run 1, 2, 3 … in the order the models are listed (when the list could be read as written)."""
    if "models" in checking.unreadable:
        return
    for index, model in enumerate(site.models or []):
        if model and model.number is not None and model.number != index + 1:
            checking.problem(
                raw["models"][index].marks["number"], f"models[{index}].number",
                _("model number {number} out of order — number the models 1, 2, 3 … as they are listed (this one is {place})",
                  number=model.number, place=index + 1),
            )


def check_evidence_scope(raw: MarkedDict, site: Site, checking: Checking) -> None:
    """A finding is counted at the level it was measured: the programme's evaluation names no models, and a
    source does not list an outcome both as covered and as reported."""
    evaluation = site.national_trial.evaluation if site.national_trial else None
    for index, source in enumerate(site.evidence or []):
        if not source:
            continue
        marks = raw["evidence"][index].marks
        if evaluation and source.id == evaluation.source and source.models:
            checking.problem(
                marks["models"], f"evidence[{index}].models",
                _("this is the evaluation of the whole pilot programme (national_trial.evaluation.source): it covers the"
                  " three partnerships together, so its findings are the programme's, not each model's — remove 'models'"),
            )
        twice = sorted(set(source.outcomes or []) & {item.outcome for item in source.reported or [] if item})
        if twice:
            checking.problem(
                marks["outcomes"], f"evidence[{index}].outcomes",
                _("{outcomes} also under 'reported' — list an outcome once: under 'reported' when the source"
                  " says what it found, under 'outcomes' when it only covers it", outcomes=", ".join(twice)),
            )


def check_model_sources_reach_the_map(raw: MarkedDict, site: Site, checking: Checking) -> None:
    """A source about a model says what it reported, outcome by outcome: a model's row on the evidence map is made
    of its sources' `reported`, and shows neither `outcomes` nor a source that says nothing."""
    for index, source in enumerate(site.evidence or []):
        if not source or not source.models:
            continue
        record, where = raw["evidence"][index], f"evidence[{index}]"
        models = ", ".join(filter(None, source.models))  # an unreadable id is reported where it is written
        if source.outcomes:
            checking.problem(record.key_marks["outcomes"], f"{where}.outcomes",
                             _("a source about a model ({models}) shows no 'outcomes' on the evidence map: the model's row"
                               " shows what its sources reported — move each under 'reported' as {{outcome: …, found: not-stated}}"
                               " (or found: improvement, where the source reports one)", models=models))
        elif record.get("reported") is None:
            checking.problem(record.key_marks["models"], f"{where}.reported",
                             _("a source about a model ({models}) that reports no outcome puts nothing in the model's row"
                               " on the evidence map — list what it found under 'reported', like"
                               " [{{outcome: hope, found: improvement}}], or write 'reported: []' if our sources give no finding from it",
                               models=models))


def check_levels(raw: MarkedDict, site: Site, checking: Checking) -> None:
    """The rubric's levels run strongest first; each kind of source reaches one level at most; the last level,
    and only the last, has no kinds: where a model stands when no source is about it."""
    levels = site.evidence_map.levels if site.evidence_map else None
    if not levels or "evidence_map.levels" in checking.unreadable:
        return
    raw_levels, seen = raw["evidence_map"]["levels"], {}
    for index, level in enumerate(levels):
        where, last = f"evidence_map.levels[{index}].kinds", index == len(levels) - 1
        if not level or where in checking.unreadable:  # reported already, where it could not be read
            continue
        if last and level.kinds:
            checking.problem(raw_levels[index].marks["kinds"], where,
                             _("the last level is where a model stands when no source is about it — write 'kinds: []'"))
        elif not last and not level.kinds:
            checking.problem(raw_levels[index].marks["kinds"], where,
                             _("only the last level may have no kinds — name the kinds of source that reach this level"))
        for kind in level.kinds:
            if kind in seen:
                checking.problem(raw_levels[index].marks["kinds"], where,
                                 _("'{kind}' already reaches the level '{level}' — a kind of source reaches one level only",
                                   kind=kind, level=seen[kind]))
            seen.setdefault(kind, level.id)


def check_reference_fields(raw: MarkedDict, site: Site, checking: Checking) -> None:
    """A source gives only the reference fields its kind takes (peersite/data/references.py), and a day its address
    was seen or closed only with the address."""
    for index, source in enumerate(site.evidence or []):
        if not source or source.kind not in WORK_KINDS:
            continue
        record, kind = raw["evidence"][index], WORK_KINDS[source.kind]
        for field in (*REFERENCE_FIELDS, *SHOWN_WITH):
            if getattr(source, field) and not kind.takes(field):
                fitting = ", ".join(name for name, other in WORK_KINDS.items() if other.takes(field))
                checking.problem(record.key_marks[field], f"evidence[{index}].{field}",
                                 _("a source of kind '{kind}' takes no '{field}' — remove it, or give the source a kind that"
                                   " takes it: {fitting}", kind=source.kind, field=field, fitting=fitting))
        for field in ("accessed", "closed"):
            if getattr(source, field) and "url" not in record:  # a url written wrongly is reported where it is
                checking.problem(record.key_marks[field], f"evidence[{index}].{field}",
                                 _("'{field}' is a date of the work's web address — add its 'url', or remove '{field}'", field=field))


def check_material_facts(raw: MarkedDict, site: Site, checking: Checking) -> None:
    """A material that points at a source takes its publisher, year, address and models from there: each is written once."""
    organisations, sources, kinds = site.by_id["organisations"], site.by_id["evidence"], field_kinds(Material)
    for index, material in enumerate(site.materials or []):
        source = sources.get(material.evidence) if material else None
        if source is None:
            continue
        for field, source_field in FROM_SOURCE.items():
            value, given = getattr(material, field), getattr(source, source_field)
            if not value:
                continue
            if isinstance(kinds[field], Text):  # a publisher's name, to compare with the source's organisation
                value, given = value.da, organisations[given].name.da if given in organisations else given
            where, mark = f"materials[{index}].{field}", raw["materials"][index].marks[field]
            if value == given:
                checking.problem(mark, where, _("{value} is already given by the source '{source}' (line {line}) that the"
                                                " material points at — remove it here", value=quoted(value), source=source.id, line=source.line))
            else:
                checking.problem(mark, where, _("{value} disagrees with the source '{source}' (line {line}), which gives {given}"
                                                " — a material takes its {field} from its source: correct the source if it is"
                                                " wrong, and remove it here", value=quoted(value), source=source.id, line=source.line,
                                                given=quoted(given) if given else _("no {field}", field=source_field), field=source_field))


def quoted(value) -> str:
    """A value as a message names it: a text in quotes, a list of ids as YAML writes it, a number as it is."""
    if isinstance(value, list):
        return f"[{', '.join(value)}]"
    return f"'{value}'" if isinstance(value, str) else str(value)


def check_reviewers(site: Site, checking: Checking) -> None:
    """A record names who reviewed it only beside its own review date: the site's date is the site's reviewer's."""
    records = [(f"{collection}[{index}]", item) for collection in REVIEWED_COLLECTIONS
               for index, item in enumerate(getattr(site, collection) or [])]
    for where, item in records + [("find_support", site.find_support)]:
        if item and item.reviewed_by and not item.reviewed:
            checking.problem(item.key_marks["reviewed_by"], f"{where}.reviewed_by",
                             _("a reviewer without the record's own reviewed: date — add the day they checked it"
                               ' as reviewed: "YYYY-MM-DD", or remove reviewed_by'))


def check_site(raw: MarkedDict) -> tuple[Site, list[Problem]]:
    """Check raw data in full: the records as far as they could be read, and every problem."""
    checking = Checking(source=getattr(raw, "text", ""))
    site = SITE.check(raw, "", raw.mark, checking)
    check_unique_ids(raw, site, checking)
    resolve_references(site, checking)
    check_model_numbers(raw, site, checking)
    check_evidence_scope(raw, site, checking)
    check_model_sources_reach_the_map(raw, site, checking)
    check_levels(raw, site, checking)
    check_reference_fields(raw, site, checking)
    check_material_facts(raw, site, checking)
    check_reviewers(site, checking)
    return site, checking.problems


def validate_site(raw: MarkedDict, shown_path: str = DATA_PATH) -> Site:
    """Check raw data in full; return the Site or raise DataError with every problem."""
    site, problems = check_site(raw)
    if problems:
        raise DataError(shown_path, problems)
    return site


def load_site(path: Path, shown_path: str = DATA_PATH) -> Site:
    """Read and check the data file."""
    return validate_site(load_marked_yaml(Path(path), shown_path), shown_path)
