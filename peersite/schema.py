"""What content/data.yml holds: one typed record class per kind of record, each field with its kind.

The classes are both the schema the data is checked against and the records the pages are made from.
"""

from functools import cached_property

from .fields import (
    BilingualText, Choice, Date, Doi, Email, ReviewDate, Int, ListOf, Located, PageDate, Phone, PhoneNumber, RecordOf, Ref,
    Refs, SiteName, Slug, Str, Text, Url, Year, record, site_address,
)
from .messages import N_
from .references import WORK_KINDS

# A work's publisher is an organisation too: a publishing house or the publisher of a journal, magazine or newspaper
# is a 'publisher'; a trade union, professional body or other association (not of or for the people peer support
# is for: that is 'civil-society') is an 'association'.
ORG_KINDS = ("region", "regional-psychiatry", "municipality", "civil-society", "state-agency", "research-unit", "foundation",
             "project", "publisher", "association")
DELIVERY = ("paid", "volunteer", "not-stated")
FORMATS = ("individual", "group", "course")
EVIDENCE_KINDS = tuple(WORK_KINDS)  # each with the reference fields it takes, in peersite/references.py
MATERIAL_KINDS = ("booklet", "leaflet", "overview", "report", "status-report", "knowledge-theme", "web-page", "catalogue", "article", "evaluation", "guide")
RESULTS = ("better", "no-significant-difference", "indication", "no-difference")
# What a source without random allocation reports on an outcome, and among whom.
REPORTED = ("improvement", "not-stated")
GROUPS = ("receivers", "givers", "workplaces")
OUTCOME_ROLES = ("primary", "secondary", "exploratory", "other")
WORK_LANGUAGES = ("da", "en")
# Whose page a help fact was seen on: the organisation's own, a newspaper's or trade site's, a municipality's page
# about someone else's service, or another organisation's.
SOURCE_KINDS = ("official", "press", "municipal", "third-party")
NUMBER_KINDS = ("phone", "sms")
AUDIENCES = ("yourself", "relatives", "young-people", "professionals")  # the find-support page's sections, in order


@record("page text", "page texts")
class PageText(Located):
    """The title, introduction and meta description of a generated page."""

    title: BilingualText = Text()
    intro: BilingualText = Text()
    description: BilingualText = Text()


@record("set of page texts", "sets of page texts")
class PageTexts(Located):
    """The texts of every generated index page."""

    what: PageText = RecordOf(PageText)
    roles: PageText = RecordOf(PageText)
    models: PageText = RecordOf(PageText)
    course: PageText = RecordOf(PageText)
    partnerships: PageText = RecordOf(PageText)
    evidence: PageText = RecordOf(PageText)
    materials: PageText = RecordOf(PageText)
    glossary: PageText = RecordOf(PageText)
    downloads: PageText = RecordOf(PageText)
    find_support: PageText = RecordOf(PageText)
    evidence_map: PageText = RecordOf(PageText)
    evidence_levels: PageText = RecordOf(PageText)


@record("site section", "site sections")
class SiteInfo(Located):
    """When the content was last reviewed, and the texts of the generated pages."""

    reviewed: str = ReviewDate()
    reviewed_by: BilingualText | None = Text(required=False)  # who reviewed it: a name or a role
    pages: PageTexts = RecordOf(PageTexts)


@record("organisation", "organisations")
class Organisation(Located):
    """A region, municipality, association, agency, research unit, foundation, project or publisher."""

    id: str = Slug()
    kind: str = Choice(*ORG_KINDS)
    name: BilingualText = Text()
    about: BilingualText | None = Text(required=False)
    url: str | None = Url(required=False)


@record("evaluation", "evaluations")
class Evaluation(Located):
    """What the evaluation of the national trial found, for each party."""

    by: str = Ref("organisations")
    source: str = Ref("evidence")
    methods: list[BilingualText] = ListOf(Text())
    all_parties: BilingualText = Text()
    receivers: list[BilingualText] = ListOf(Text())
    givers: list[BilingualText] = ListOf(Text())
    organisations: list[BilingualText] = ListOf(Text())


@record("national trial", "national trials")
class NationalTrial(Located):
    """The national trial of peer support 2015–2018."""

    name: BilingualText = Text()
    summary: BilingualText = Text()
    start_years: list[int] = ListOf(Year())
    end_year: int = Year()
    period_note: BilingualText = Text()
    anchored_by: list[str] = Refs("organisations")
    cooperating: list[str] = Refs("organisations", required=False)
    funding: BilingualText = Text()
    evaluation: Evaluation = RecordOf(Evaluation)
    afterwards: BilingualText = Text()


@record("partnership", "partnerships")
class Partnership(Located):
    """One of the three cross-sector partnerships of the national trial. Its models name it (models[].partnership)."""

    written_elsewhere = {"models": N_("a partnership lists no models: each model names its partnership under 'partnership:'"
                                      " — remove this list (the page lists the models that name this partnership)")}

    id: str = Slug()
    name: BilingualText = Text()
    region: str = Ref("organisations")
    partners: list[str] = Refs("organisations")
    partners_note: BilingualText | None = Text(required=False)
    delivery: list[str] = ListOf(Choice(*DELIVERY))
    summary: BilingualText = Text()
    after_trial: BilingualText = Text()
    reviewed: str | None = ReviewDate(required=False)  # checked against the sources; else the site's date
    reviewed_by: BilingualText | None = Text(required=False)  # who checked it on that day: a name or a role


@record("model", "models")
class Model(Located):
    """One of the six peer-support models of the national trial. The sources and materials about it name it
    (evidence[].models, materials[].models): each link is written once, on their side."""

    written_elsewhere = {
        "evidence": N_("a model lists no sources: each source names the models it is about — write this model's id under"
                       " 'models:' of each source about it (under evidence:), and remove this list"),
        "materials": N_("a model lists no materials: each material names the models it is about — write this model's id"
                        " under 'models:' of the material (or of the source it points at with 'evidence:'), and remove this list"),
    }

    id: str = Slug()
    number: int = Int()
    name: BilingualText = Text()
    partnership: str = Ref("partnerships")
    region: str = Ref("organisations")
    delivery: str = Choice(*DELIVERY)
    delivery_note: BilingualText | None = Text(required=False)  # what the sources say, where they say it of the region only
    setting: BilingualText = Text()
    formats: list[str] = ListOf(Choice(*FORMATS))  # [] where the sources do not say
    target_group: BilingualText = Text()
    peer_does: BilingualText = Text()
    summary: BilingualText = Text()
    facts: list[BilingualText] = ListOf(Text(), required=False)
    after_trial: BilingualText = Text()
    resources: BilingualText | None = Text(required=False)  # staff, hours, training the sources name; else "not stated"
    cost: BilingualText | None = Text(required=False)  # what it costs, where a source says; else "not stated"
    ask: list[str] = Refs("organisations", required=False)  # named in the sources as running or anchoring the model
    reviewed: str | None = ReviewDate(required=False)  # checked against the sources; else the site's date
    reviewed_by: BilingualText | None = Text(required=False)  # who checked it on that day: a name or a role


@record("form", "forms")
class Form(Located):
    """One of the three forms of peer support, and what was known of it in 2016."""

    id: str = Slug()
    name: BilingualText = Text()
    examples: BilingualText = Text()
    evidence_2016: BilingualText = Text()


@record("definition", "definitions")
class Definition(Located):
    """A definition of peer support, with its source."""

    id: str = Slug()
    label: BilingualText = Text()
    source: str = Ref("evidence")
    text: BilingualText = Text()
    points: list[BilingualText] = ListOf(Text())


@record("mechanism", "mechanisms")
class Mechanism(Located):
    """Something that makes peer support work."""

    id: str = Slug()
    name: BilingualText = Text()
    description: BilingualText = Text()


@record("peer role", "peer roles")
class PeerRole(Located):
    """A principle of the peer role, and what it means in practice."""

    id: str = Slug()
    principle: BilingualText = Text()
    practice: BilingualText = Text()


@record("implementation step", "implementation steps")
class Step(Located):
    """One thing an organisation prepares before peers start."""

    id: str = Slug()
    name: BilingualText = Text()
    description: BilingualText = Text()


@record("session", "sessions")
class Session(Located):
    """One of the course's weekly meetings."""

    number: int = Int()
    title: BilingualText = Text()
    about: BilingualText | None = Text(required=False)


@record("course", "courses")
class Course(Located):
    """The course Vejen til hverdagslivet."""

    name: BilingualText = Text()
    summary: BilingualText = Text()
    run_by: list[str] = Refs("organisations")
    weeks: list[int] = ListOf(Int())
    weeks_note: BilingualText = Text()
    max_participants: int = Int()
    facilitators: int = Int()
    open_sessions: int = Int()
    target_group: BilingualText = Text()
    referral: BilingualText = Text()
    routes_in: list[BilingualText] = ListOf(Text())
    sessions: list[Session] = ListOf(Session)
    volunteers: list[BilingualText] = ListOf(Text())
    url: str | None = Url(required=False)  # the page of those who run it about the course


@record("result", "results")
class Result(Located):
    """What a trial found on one outcome."""

    outcome: str = Ref("outcomes")
    role: str = Choice(*OUTCOME_ROLES)
    measure: str | None = Str(required=False)
    result: str = Choice(*RESULTS)
    detail: BilingualText = Text()
    source: str = Ref("evidence")


@record("trial arm", "trial arms")
class Arm(Located):
    """One group of a randomised trial."""

    name: BilingualText = Text()
    n: int = Int()


@record("trial", "trials")
class PeerTrial(Located):
    """The randomised PEER trial of the course."""

    name: BilingualText = Text()
    registration: str = Str()
    registration_url: str | None = Url(required=False)  # the registration's own page
    design: BilingualText = Text()
    run_by: list[str] = Refs("organisations")
    municipalities: list[str] = Refs("organisations")
    funder: str = Ref("organisations")
    legal_basis: BilingualText = Text()
    start_year: int = Year()
    end_year: int = Year()
    inclusion_start: str = Date()
    inclusion_end: str = Date()
    dates_note: BilingualText = Text()
    target_n: int = Int()
    randomised_n: int = Int()
    arms: list[Arm] = ListOf(Arm)
    timeline: list[BilingualText] = ListOf(Text())
    results: list[Result] = ListOf(Result)
    seed_claim_note: BilingualText = Text()
    papers: list[str] = Refs("evidence")


@record("outcome", "outcomes")
class Outcome(Located):
    """Something a trial or evaluation measured."""

    id: str = Slug()
    name: BilingualText = Text()


@record("title of a work", "titles of works")
class WorkTitle(Located):
    """A work's own title, word for word as published, and the language it is written in."""

    text: str = Str()
    language: str = Choice(*WORK_LANGUAGES)


@record("reported outcome", "reported outcomes")
class Reported(Located):
    """What a source without random allocation reports on one outcome, and among whom, where it says."""

    outcome: str = Ref("outcomes")
    found: str = Choice(*REPORTED)  # 'not-stated': the source covers it, but our sources give no result
    among: str | None = Choice(*GROUPS, required=False)  # else everyone involved


@record("part of a work", "parts of a work")
class WorkPart(Located):
    """An article of a theme or a chapter of a work, with its own authors and address."""

    title: str = Str()  # word for word, in the work's language
    authors: list[str] = ListOf(Str(), required=False)
    url: str | None = Url(required=False)


@record("evidence source", "evidence sources")
class Source(Located):
    """A trial, review, evaluation, report or other source the site builds on, with its full reference."""

    id: str = Slug()
    kind: str = Choice(*EVIDENCE_KINDS)
    name: BilingualText = Text()  # what the site calls the work: a description, never a translated title
    original_title: WorkTitle | None = RecordOf(WorkTitle, required=False)  # where the sources give it
    year: int | None = Year(required=False)
    published: str | None = Date(required=False)  # the day of publication, where the sources give it
    # People as "Family, Given" ("Poulsen, C. H."); a name whose family name is unclear, as written, without a comma.
    authors: list[str] = ListOf(Str(), required=False)
    author_organisations: list[str] = Refs("organisations", required=False)  # organisations named as authors
    publisher: str | None = Ref("organisations", required=False)
    organiser: str | None = Ref("organisations", required=False)  # of a talk or event
    journal: str | None = Str(required=False)
    volume: str | None = Str(required=False)
    issue: str | None = Str(required=False)
    pages: str | None = Str(required=False)  # a page range, or the article's number in the journal
    number: str | None = Str(required=False)  # a review's or report's own number, like CD010880.pub2
    n: int | None = Int(required=False)
    doi: str | None = Doi(required=False)
    url: str | None = Url(required=False)
    accessed: str | None = ReviewDate(required=False)  # the day the address was seen to work
    closed: str | None = Date(required=False)  # the day the address closed, as its own notice says
    successor: str | None = Ref("evidence", required=False)  # the work that follows this one
    parts: list[WorkPart] = ListOf(WorkPart, required=False)
    linked_from: str | None = Url(required=False)  # a page that describes and links a work with no address of its own
    summary: BilingualText = Text()
    findings: list[BilingualText] = ListOf(Text(), required=False)
    models: list[str] = Refs("models", required=False)  # the models it studied or describes on their own
    outcomes: list[str] = Refs("outcomes", required=False)  # what it covers, where it reports no finding of its own
    reported: list[Reported] = ListOf(Reported, required=False)  # what it found, outcome by outcome, without random allocation
    reviewed: str | None = ReviewDate(required=False)  # checked against the sources; else the site's date
    reviewed_by: BilingualText | None = Text(required=False)  # who checked it on that day: a name or a role


@record("material", "materials")
class Material(Located):
    """A report, leaflet, article or theme page about peer support."""

    id: str = Slug()
    kind: str = Choice(*MATERIAL_KINDS)
    title: BilingualText = Text()
    year: int | None = Year(required=False)
    publisher: str | None = Ref("organisations", required=False)
    publisher_name: BilingualText | None = Text(required=False)
    about: BilingualText = Text()
    url: str | None = Url(required=False)
    evidence: str | None = Ref("evidence", required=False)  # the source it also is: its publisher, year, address, models
    models: list[str] = Refs("models", required=False)  # the models it is about, for a material that is no source


@record("glossary term", "glossary terms")
class Term(Located):
    """A word or abbreviation the site explains."""

    id: str = Slug()
    term: BilingualText = Text()
    abbr: BilingualText | None = Text(required=False)  # as written in running text: KI in Danish, CI in English
    definition: BilingualText = Text()


@record("map column", "map columns")
class MapColumn(Located):
    """A column of the evidence map: the outcomes it gathers, and its name when it gathers more than one."""

    id: str = Slug()
    name: BilingualText | None = Text(required=False)  # else the name of its one outcome
    outcomes: list[str] = Refs("outcomes")


@record("evidence level", "evidence levels")
class EvidenceLevel(Located):
    """A step of the public rubric: which kinds of source about a model or the course reach it, and what it
    means and does not mean."""

    id: str = Slug()
    kinds: list[str] = ListOf(Choice(*EVIDENCE_KINDS))  # [] for the last level: no source at all
    name: BilingualText = Text()
    reason: BilingualText = Text()  # one sentence: why a model or the course stands here
    means: BilingualText = Text()
    does_not_mean: BilingualText = Text()


@record("evidence map", "evidence maps")
class EvidenceMap(Located):
    """What is known of each model, the programme and the course, outcome by outcome; the rubric of
    evidence levels, strongest first; and which sources are context."""

    columns: list[MapColumn] = ListOf(MapColumn)
    levels: list[EvidenceLevel] = ListOf(EvidenceLevel)
    context_kinds: list[str] = ListOf(Choice(*EVIDENCE_KINDS))  # kinds of source shown apart, as context


@record("note on two names", "notes on two names")
class LookAlike(Located):
    """How the course differs from the model with a name like it."""

    model: str = Ref("models")
    text: BilingualText = Text()


@record("page a help fact was seen on", "pages help facts were seen on")
class HelpSource(Located):
    """Where a number or an offer was seen: the page's address, else the site's or the newspaper's name as the
    sources give it; whose page it is, the date the page gives itself, and the day it was checked."""

    one_of = ("url", "site", "name")
    url: str | None = Url(required=False)  # the page's full address, where the sources give it
    site: str | None = SiteName(required=False)  # else the site's name, like regionh.dk (linked at its root)
    name: str | None = Str(required=False)  # else the publisher's or newspaper's name, not linked
    page: BilingualText | None = Text(required=False)  # what the page is, where it helps: "its page for relatives"
    kind: str = Choice(*SOURCE_KINDS)
    published: str | int | None = PageDate(required=False)  # the page's own date: a year, or a day
    updated: str | int | None = PageDate(required=False)  # the year or day the page says it was updated
    checked: str = ReviewDate()

    @property
    def address(self) -> str | None:
        """Where a link to the page leads: its own address, else its site's root; None for a name alone."""
        return self.url or (site_address(self.site) if self.site else None)


@record("number to call or text", "numbers to call or text")
class HelpNumber(Located):
    """A phone number or text line: what it is called and for, when it answers, and where it was seen."""

    number: PhoneNumber = Phone()  # as the source writes it: "70 201 201", "1813"
    kind: str = Choice(*NUMBER_KINDS)
    name: BilingualText = Text()
    for_what: BilingualText = Text()
    hours: BilingualText | None = Text(required=False)  # where the sources give them
    sources: list[HelpSource] = ListOf(HelpSource, at_least=1)


@record("help fact", "help facts")
class HelpFact(Located):
    """Help without a number of its own, like an emergency unit anyone may walk into, and where it was seen."""

    name: BilingualText = Text()
    text: BilingualText = Text()
    sources: list[HelpSource] = ListOf(HelpSource, at_least=1)


@record("region's help", "regions' help")
class RegionHelp(Located):
    """Whom to call and where to go out of hours and in a psychiatric emergency in one region."""

    region: str = Ref("organisations")  # a number listed here is this region's
    numbers: list[HelpNumber] = ListOf(HelpNumber, required=False)
    facts: list[HelpFact] = ListOf(HelpFact, required=False)
    left_out: BilingualText | None = Text(required=False)  # what the page does not show, and why


@record("crisis box", "crisis boxes")
class CrisisHelp(Located):
    """The numbers to call at once in a crisis, and what to do when it is not life-threatening."""

    numbers: list[HelpNumber] = ListOf(HelpNumber, at_least=1)
    doctor: BilingualText = Text()  # your own doctor by day; out of hours the region's number


@record("offer of support", "offers of support")
class Offer(Located):
    """Support a reader can get: for whom, what they get, who runs it, what it costs, how to reach it."""

    id: str = Slug()
    audiences: list[str] = ListOf(Choice(*AUDIENCES), at_least=1)  # it stands under the first, the others link to it
    name: BilingualText = Text()
    for_whom: BilingualText | None = Text(required=False)  # else "the sources do not say"
    what: BilingualText = Text()
    run_by: list[str] = Refs("organisations", at_least=1)
    cost: BilingualText | None = Text(required=False)  # where the sources say
    reach: BilingualText | None = Text(required=False)  # how to get in touch, where the sources say
    numbers: list[HelpNumber] = ListOf(HelpNumber, required=False)
    model: str | None = Ref("models", required=False)
    sources: list[HelpSource] = ListOf(HelpSource, at_least=1)


@record("gap in what the sources give", "gaps in what the sources give")
class Gap(Located):
    """Support a source names but no current page confirms: said plainly in the section a reader would look in."""

    audience: str = Choice(*AUDIENCES)
    text: BilingualText = Text()
    sources: list[HelpSource] = ListOf(HelpSource, at_least=1)


@record("find-support section", "find-support sections")
class FindSupport(Located):
    """Help in a crisis, help out of hours by region, offers by who they are for, and how to join the course."""

    crisis: CrisisHelp = RecordOf(CrisisHelp)
    regions: list[RegionHelp] = ListOf(RegionHelp, at_least=1)
    offers: list[Offer] = ListOf(Offer)
    gaps: list[Gap] = ListOf(Gap, required=False)
    join_course: BilingualText = Text()  # where the course runs, as far as the sources say
    reviewed: str | None = ReviewDate(required=False)
    reviewed_by: BilingualText | None = Text(required=False)


@record("publisher", "publishers")
class Publisher(Located):
    """Who stands behind the site. Every field may stay empty until it is known; until all are filled in
    (an e-mail address or a postal address, or both), the pages say so and the site is not published."""

    name: BilingualText | None = Text(required=False)  # who publishes the site: an organisation or a person
    responsible_editor: BilingualText | None = Text(required=False)  # a name or a role
    email: str | None = Email(required=False)  # a way to reach them without a GitHub account ...
    postal_address: str | None = Str(required=False)  # ... or this one, or both
    funding: BilingualText | None = Text(required=False)  # who pays for the site
    advertising: BilingualText | None = Text(required=False)  # that it carries no advertising or sponsorship


# Sections whose records other records point at by id.
COLLECTIONS = ("organisations", "partnerships", "models", "outcomes", "evidence", "materials", "glossary")
# Sections whose records may have a review date of their own.
REVIEWED_COLLECTIONS = ("partnerships", "models", "evidence")


@record("mapping of sections", "data files")
class Site(Located):
    """Everything the site states: content/data.yml, checked."""

    site: SiteInfo = RecordOf(SiteInfo)
    organisations: list[Organisation] = ListOf(Organisation)
    national_trial: NationalTrial = RecordOf(NationalTrial)
    partnerships: list[Partnership] = ListOf(Partnership)
    models: list[Model] = ListOf(Model)
    forms: list[Form] = ListOf(Form)
    definitions: list[Definition] = ListOf(Definition)
    mechanisms: list[Mechanism] = ListOf(Mechanism)
    peer_roles: list[PeerRole] = ListOf(PeerRole)
    not_a_peer: list[BilingualText] = ListOf(Text())
    implementation_steps: list[Step] = ListOf(Step)
    course: Course = RecordOf(Course)
    outcomes: list[Outcome] = ListOf(Outcome)
    peer_trial: PeerTrial = RecordOf(PeerTrial)
    evidence: list[Source] = ListOf(Source)
    materials: list[Material] = ListOf(Material)
    glossary: list[Term] = ListOf(Term)
    evidence_map: EvidenceMap = RecordOf(EvidenceMap)
    course_and_model: LookAlike = RecordOf(LookAlike)
    find_support: FindSupport = RecordOf(FindSupport)
    publisher: Publisher = RecordOf(Publisher)

    @cached_property
    def by_id(self) -> dict[str, dict]:
        """Each collection's records by id."""
        return {name: {item.id: item for item in getattr(self, name) or [] if item} for name in COLLECTIONS}

    @cached_property
    def models_of(self) -> dict[str, list[str]]:
        """Each partnership's models, in the order the models are listed: a model names its partnership."""
        return {partnership.id: [model.id for model in self.models if model.partnership == partnership.id]
                for partnership in self.partnerships}

    @cached_property
    def materials_of(self) -> dict[str, list[str]]:
        """Each model's materials that name it themselves: those that are no source (a material that is a source
        takes its models from it, and stands among the model's sources)."""
        return {model.id: [material.id for material in self.materials if model.id in material.models]
                for model in self.models}


SITE = RecordOf(Site)
