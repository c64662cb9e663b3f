"""The evidence map, derived from the data: for the six models and the course, what is known on each of
the map's columns, and from which source. Nothing here is stated by hand: a model's cells come from the
sources that name the model and the outcomes they cover, the course's from the PEER trial's results."""

from dataclasses import dataclass

from .schema import Site, Source

# A source that names a model without random allocation tells what those involved experienced.
RANDOMISED_KINDS = ("rct",)


@dataclass(frozen=True)
class Finding:
    """One source's word on one cell: a trial result ('better', 'no-significant-difference', …), or
    'experienced' (a study without random allocation), on these outcomes."""

    state: str
    outcomes: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class MapRow:
    """A model or the course, and its findings column by column; an empty cell is 'not studied'."""

    model: str | None  # None for the course
    cells: tuple[tuple[Finding, ...], ...]
    randomised: bool  # whether a randomised trial studied it

    @property
    def studied_columns(self) -> list[int]:
        """The positions of the columns some source has studied."""
        return [index for index, cell in enumerate(self.cells) if cell]


def model_findings(sources: list[Source], outcomes: list[str]) -> tuple[Finding, ...]:
    """What the sources naming a model say on any of these outcomes."""
    findings = []
    for source in sources:
        if covered := tuple(outcome for outcome in source.outcomes or [] if outcome in outcomes):
            state = "randomised" if source.kind in RANDOMISED_KINDS else "experienced"
            findings.append(Finding(state, covered, source.id))
    return tuple(findings)


def course_findings(site: Site, outcomes: list[str]) -> tuple[Finding, ...]:
    """What the PEER trial found on any of these outcomes, result by result."""
    return tuple(
        Finding(result.result, (result.outcome,), result.source)
        for result in site.peer_trial.results if result.outcome in outcomes
    )


def evidence_map(site: Site) -> list[MapRow]:
    """The map's rows: each model in order, then the course."""
    columns = site.evidence_map.columns
    # Each model's sources gathered once: looking through every source for every model grows with their product.
    sources_of: dict[str, list[Source]] = {model.id: [] for model in site.models}
    for source in site.evidence:
        for model_id in source.models or []:
            sources_of[model_id].append(source)
    rows = [
        MapRow(model.id, tuple(model_findings(sources_of[model.id], column.outcomes) for column in columns),
               any(source.kind in RANDOMISED_KINDS for source in sources_of[model.id]))
        for model in site.models
    ]
    rows.append(MapRow(None, tuple(course_findings(site, column.outcomes) for column in columns), True))
    return rows


def context_sources(site: Site) -> list[str]:
    """The sources shown apart from the Danish models, as context: reviews, meta-analyses, frameworks."""
    return [source.id for source in site.evidence if source.kind in site.evidence_map.context_kinds]


def unmapped_outcomes(site: Site) -> list[str]:
    """Outcomes a model's source or the trial covers that no column of the map gathers."""
    mapped = {outcome for column in site.evidence_map.columns for outcome in column.outcomes}
    covered = [outcome for source in site.evidence if source.models for outcome in source.outcomes or []]
    covered += [result.outcome for result in site.peer_trial.results]
    return sorted(set(covered) - mapped)
