"""What content/data.yml holds: every collection, its fields and the kind of each field."""

from .fields import (
    Choice, Date, Doi, Int, ListOf, Record, Ref, Refs, Slug, Str, Text, Url, Year,
)

ORG_KINDS = ("region", "municipality", "civil-society", "state-agency", "research-unit", "foundation")
DELIVERY = ("paid", "volunteer")
FORMATS = ("individual", "group", "course")
EVIDENCE_KINDS = (
    "rct", "protocol", "evaluation", "status-report", "review", "meta-analysis",
    "framework", "catalogue", "knowledge-portal", "talk", "article", "report",
)
MATERIAL_KINDS = ("booklet", "leaflet", "report", "knowledge-theme", "catalogue", "article", "evaluation")
RESULTS = ("better", "no-significant-difference", "indication", "no-difference")
OUTCOME_ROLES = ("primary", "secondary", "exploratory", "other")

PAGE = Record(
    title=Text(),
    intro=Text(),
    description=Text(),
)

ORGANISATION = Record(
    id=Slug(),
    kind=Choice(*ORG_KINDS),
    name=Text(),
    about=Text(required=False),
    url=Url(required=False),
)

EVALUATION = Record(
    by=Ref("organisations"),
    source=Ref("evidence"),
    methods=ListOf(Text()),
    all_parties=Text(),
    receivers=ListOf(Text()),
    givers=ListOf(Text()),
    organisations=ListOf(Text()),
)

NATIONAL_TRIAL = Record(
    name=Text(),
    summary=Text(),
    start_years=ListOf(Year()),
    end_year=Year(),
    period_note=Text(),
    anchored_by=Refs("organisations"),
    cooperating=Refs("organisations", required=False),
    funding=Text(),
    evaluation=EVALUATION,
    afterwards=Text(),
)

PARTNERSHIP = Record(
    id=Slug(),
    name=Text(),
    region=Ref("organisations"),
    partners=Refs("organisations"),
    partners_note=Text(required=False),
    delivery=ListOf(Choice(*DELIVERY)),
    models=Refs("models"),
    summary=Text(),
    after_trial=Text(),
)

MODEL = Record(
    id=Slug(),
    number=Int(),
    name=Text(),
    partnership=Ref("partnerships"),
    region=Ref("organisations"),
    delivery=Choice(*DELIVERY),
    setting=Text(),
    formats=ListOf(Choice(*FORMATS)),
    target_group=Text(),
    peer_does=Text(),
    summary=Text(),
    facts=ListOf(Text(), required=False),
    after_trial=Text(),
    evidence=Refs("evidence"),
    materials=Refs("materials", required=False),
)

FORM = Record(id=Slug(), name=Text(), examples=Text(), evidence_2016=Text())

DEFINITION = Record(
    id=Slug(),
    label=Text(),
    source=Ref("evidence"),
    text=Text(),
    points=ListOf(Text()),
)

MECHANISM = Record(id=Slug(), name=Text(), description=Text())

PEER_ROLE = Record(id=Slug(), principle=Text(), practice=Text())

STEP = Record(id=Slug(), name=Text(), description=Text())

SESSION = Record(number=Int(), title=Text(), about=Text(required=False))

COURSE = Record(
    name=Text(),
    summary=Text(),
    run_by=Refs("organisations"),
    weeks=ListOf(Int()),
    weeks_note=Text(),
    max_participants=Int(),
    facilitators=Int(),
    open_sessions=Int(),
    target_group=Text(),
    referral=Text(),
    routes_in=ListOf(Text()),
    sessions=ListOf(SESSION),
    volunteers=ListOf(Text()),
)

RESULT = Record(
    outcome=Ref("outcomes"),
    role=Choice(*OUTCOME_ROLES),
    measure=Str(required=False),
    result=Choice(*RESULTS),
    detail=Text(),
    source=Ref("evidence"),
)

PEER_TRIAL = Record(
    name=Text(),
    acronym=Str(),
    registration=Str(),
    design=Text(),
    run_by=Refs("organisations"),
    municipalities=Refs("organisations"),
    funder=Ref("organisations"),
    legal_basis=Text(),
    start_year=Year(),
    end_year=Year(),
    inclusion_start=Date(),
    inclusion_end=Date(),
    dates_note=Text(),
    target_n=Int(),
    randomised_n=Int(),
    arms=ListOf(Record(name=Text(), n=Int())),
    timeline=ListOf(Text()),
    results=ListOf(RESULT),
    seed_claim_note=Text(),
    papers=Refs("evidence"),
)

OUTCOME = Record(id=Slug(), name=Text())

EVIDENCE = Record(
    id=Slug(),
    kind=Choice(*EVIDENCE_KINDS),
    title=Text(),
    year=Year(required=False),
    authors=Str(required=False),
    publisher=Ref("organisations", required=False),
    journal=Str(required=False),
    n=Int(required=False),
    doi=Doi(required=False),
    url=Url(required=False),
    summary=Text(),
    findings=ListOf(Text(), required=False),
    models=Refs("models", required=False),
    outcomes=Refs("outcomes", required=False),
)

MATERIAL = Record(
    id=Slug(),
    kind=Choice(*MATERIAL_KINDS),
    title=Text(),
    year=Year(required=False),
    publisher=Ref("organisations", required=False),
    publisher_name=Text(required=False),
    about=Text(),
    url=Url(required=False),
    evidence=Ref("evidence", required=False),
    models=Refs("models", required=False),
)

TERM = Record(id=Slug(), term=Text(), abbr=Str(required=False), definition=Text())

SITE = Record(
    site=Record(
        reviewed=Date(),
        pages=Record(
            what=PAGE, roles=PAGE, models=PAGE, course=PAGE, partnerships=PAGE,
            evidence=PAGE, materials=PAGE, glossary=PAGE,
        ),
    ),
    organisations=ListOf(ORGANISATION),
    national_trial=NATIONAL_TRIAL,
    partnerships=ListOf(PARTNERSHIP),
    models=ListOf(MODEL),
    forms=ListOf(FORM),
    definitions=ListOf(DEFINITION),
    mechanisms=ListOf(MECHANISM),
    peer_roles=ListOf(PEER_ROLE),
    not_a_peer=ListOf(Text()),
    implementation_steps=ListOf(STEP),
    course=COURSE,
    outcomes=ListOf(OUTCOME),
    peer_trial=PEER_TRIAL,
    evidence=ListOf(EVIDENCE),
    materials=ListOf(MATERIAL),
    glossary=ListOf(TERM),
)

# Collections whose records other records point at by id.
COLLECTIONS = ("organisations", "partnerships", "models", "outcomes", "evidence", "materials", "glossary")
