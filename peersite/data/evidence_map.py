"""What the sources found, at the level it was measured, and how strong it is: for each model from the
sources about that model alone, for the national pilot programme as a whole from its evaluation, and for the
course from the PEER trial; outcome by outcome, and each row's evidence level on the public rubric.
Nothing here is typed by hand: it follows from the sources' kinds, the models they cover, what they report,
and the trial's results."""

from dataclasses import dataclass

from .fields import Choice, Int, Located, Ref, Refs, Str, record
from .schema import GROUPS, OUTCOME_ROLES, EvidenceLevel, Site, Source

PROGRAMME, COURSE = "programme", "course"
SCOPES = ("model", PROGRAMME, COURSE)
# What a cell says, strongest first; a cell no source speaks to is "not studied".
FINDINGS = ("significant-improvement", "indication", "no-clear-difference", "experienced-improvement", "not-reported")
DIRECTIONS = ("improvement", "no-clear-difference", "not-reported")
# A source without random allocation that reports an improvement tells what those involved experienced.
FINDING_OF_REPORTED = {"improvement": "experienced-improvement", "not-stated": "not-reported"}
DIRECTION_OF = {
    "significant-improvement": "improvement", "indication": "improvement", "experienced-improvement": "improvement",
    "no-clear-difference": "no-clear-difference", "not-reported": "not-reported",
}


@record("finding", "findings")
class Finding(Located):
    """One source's word on one outcome of one row of the map, with its strength and direction as fields."""

    row = Str()  # a model's id, 'programme' or 'course'
    scope = Choice(*SCOPES)
    outcome = Ref("outcomes")
    source = Ref("evidence")
    level = Str()  # the evidence level the source's kind reaches (the rubric's ids)
    finding = Choice(*FINDINGS)
    direction = Choice(*DIRECTIONS)
    among = Choice(*GROUPS, required=False)  # else everyone involved
    role = Choice(*OUTCOME_ROLES, required=False)  # a trial outcome's role: primary, exploratory …


@record("evidence level of a row", "evidence levels of rows")
class RowLevel(Located):
    """Where a model, the programme or the course stands on the rubric, and the sources that put it there."""

    row = Str()
    scope = Choice(*SCOPES)
    level = Str()
    rank = Int()  # 1 for the strongest level
    sources = Refs("evidence", required=False)  # the sources that reach the level


@dataclass(frozen=True)
class MapRow:
    """A model, the programme or the course: the sources about it alone, its level, and its findings column by column."""

    id: str
    scope: str
    sources: tuple[str, ...]
    level: EvidenceLevel
    rank: int  # the level's place on the rubric, 1 for the strongest
    level_sources: tuple[str, ...]  # the sources that reach the level
    cells: tuple[tuple[Finding, ...], ...]

    @property
    def findings(self) -> list[Finding]:
        """Every finding of the row, column by column."""
        return [finding for cell in self.cells for finding in cell]

    @property
    def studied_columns(self) -> list[int]:
        """The positions of the columns some source about this row speaks to."""
        return [index for index, cell in enumerate(self.cells) if cell]


def level_of(site: Site, sources: list[Source]) -> tuple[int, EvidenceLevel, tuple[str, ...]]:
    """The first level of the rubric some of these sources reach (the last level, without kinds, when none
    does), its rank, and the sources that reach it."""
    levels = site.evidence_map.levels
    for rank, level in enumerate(levels, 1):
        reaching = tuple(source.id for source in sources if source.kind in level.kinds)
        if reaching or not level.kinds:
            return rank, level, reaching
    return len(levels), levels[-1], ()


def kind_level(site: Site, kind: str) -> str:
    """The level a source of this kind reaches on its own, or '' for kinds that study no model (reviews, protocols)."""
    return next((level.id for level in site.evidence_map.levels if kind in level.kinds), "")


def trial_finding(result) -> str:
    """How strong a trial's result on one outcome is: significant on a primary or secondary outcome, an
    indication on an exploratory one, or no clear difference (not proof of none)."""
    if result.result in ("no-significant-difference", "no-difference"):
        return "no-clear-difference"
    if result.result == "indication" or result.role == "exploratory":
        return "indication"
    return "significant-improvement"


def row_findings(site: Site, row: str, scope: str, sources: list[Source]) -> list[Finding]:
    """What the sources about a row report, outcome by outcome; for the course, the trial's results too."""
    findings = []
    if scope == COURSE:
        for result in site.peer_trial.results:
            kind = site.by_id["evidence"][result.source].kind
            finding = trial_finding(result)
            findings.append(Finding(row=row, scope=scope, outcome=result.outcome, source=result.source,
                                    level=kind_level(site, kind), finding=finding, direction=DIRECTION_OF[finding],
                                    among=None, role=result.role))
    for source in sources:
        for reported in source.reported or []:
            finding = FINDING_OF_REPORTED[reported.found]
            findings.append(Finding(row=row, scope=scope, outcome=reported.outcome, source=source.id,
                                    level=kind_level(site, source.kind), finding=finding,
                                    direction=DIRECTION_OF[finding], among=reported.among, role=None))
    return findings


def map_row(site: Site, row: str, scope: str, sources: list[Source]) -> MapRow:
    """One row of the map: its level and its findings sorted into the map's columns."""
    findings = row_findings(site, row, scope, sources)
    findings.sort(key=lambda finding: FINDINGS.index(finding.finding))  # strongest first in every cell
    cells = tuple(
        tuple(finding for finding in findings if finding.outcome in column.outcomes)
        for column in site.evidence_map.columns
    )
    rank, level, reaching = level_of(site, sources)
    return MapRow(row, scope, tuple(source.id for source in sources), level, rank, reaching, cells)


def programme_sources(site: Site) -> list[Source]:
    """The sources about the national pilot programme as a whole: its evaluation."""
    return [site.by_id["evidence"][site.national_trial.evaluation.source]]


def evidence_map(site: Site) -> list[MapRow]:
    """The map's rows: each model in order, then the programme as a whole, then the course."""
    # Each model's sources gathered once: looking through every source for every model grows with their product.
    sources_of: dict[str, list[Source]] = {model.id: [] for model in site.models}
    for source in site.evidence:
        for model_id in source.models or []:
            sources_of[model_id].append(source)
    rows = [map_row(site, model.id, "model", sources_of[model.id]) for model in site.models]
    rows.append(map_row(site, PROGRAMME, PROGRAMME, programme_sources(site)))
    course_sources = [site.by_id["evidence"][id] for id in site.peer_trial.papers]
    rows.append(map_row(site, COURSE, COURSE, course_sources))
    return rows


def row_levels(rows: list[MapRow]) -> list[RowLevel]:
    """Each row's level as a record for the open data."""
    return [RowLevel(row=row.id, scope=row.scope, level=row.level.id, rank=row.rank, sources=list(row.level_sources))
            for row in rows]


def context_sources(site: Site) -> list[str]:
    """The sources shown apart from the Danish models, as context: reviews, meta-analyses, frameworks."""
    return [source.id for source in site.evidence if source.kind in site.evidence_map.context_kinds]


def unmapped_outcomes(site: Site) -> list[str]:
    """Outcomes a row's source reports, or the trial, that no column of the map gathers."""
    mapped = {outcome for column in site.evidence_map.columns for outcome in column.outcomes}
    reported = {item.outcome for source in site.evidence for item in source.reported or []}
    reported |= {result.outcome for result in site.peer_trial.results}
    return sorted(reported - mapped)
