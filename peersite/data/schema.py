"""What content/data.yml holds: one typed record class per kind of record, each field declared once, as its kind
(`record()` types the class from the kinds); fields several kinds of record share are declared in a base they inherit.

The classes are both the schema the data is checked against and the records the pages are made from.
"""

from functools import cached_property

from .fields import (
    Choice, Date, Doi, Email, ReviewDate, Int, ListOf, Located, PageDate, Phone, PublishedYear, RecordOf, Ref,
    Refs, SiteName, Slug, Str, Text, Url, Year, record, site_address,
)
from ..messages import N_
from .references import WORK_KINDS

# A work's publisher is an organisation too: a publishing house or the publisher of a journal, magazine or newspaper
# is a 'publisher'; a trade union, professional body or other association (not of or for the people peer support
# is for: that is 'civil-society') is an 'association'.
ORG_KINDS = ("region", "regional-psychiatry", "municipality", "civil-society", "state-agency", "research-unit", "foundation",
             "project", "publisher", "association")
DELIVERY = ("paid", "volunteer", "not-stated")
FORMATS = ("individual", "group", "course")
EVIDENCE_KINDS = tuple(WORK_KINDS)  # each with the reference fields it takes, in peersite/data/references.py
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


class Reviewed(Located):
    """A record with the day its content was last checked against its sources, and who checked it. Without the day,
    its page says it is not yet reviewed (peersite/data/review.py); the site's section, where the day is required, and the
    find-support page, which shows the site's day instead, declare `reviewed` again with their own wording."""

    reviewed = ReviewDate(required=False, label="Gennemgået",
        description="Den dag, indholdet sidst blev holdt op mod kilderne. Står der ingen dato, skriver siden, at indholdet endnu ikke er gennemgået.")
    reviewed_by = Text(required=False, label="Gennemgået af",
        description="Hvem der tjekkede indholdet den dag: et navn eller en rolle.")


@record("page text", "page texts")
class PageText(Located):
    """The title, introduction and meta description of a generated page."""

    title = Text(label="Titel", description="Sidens titel. Den står også i menuen.")
    intro = Text(label="Indledning", description="De første sætninger på siden: hvad du kan læse her.")
    description = Text(label="Beskrivelse",
        description="En eller to korte sætninger om siden, som søgemaskiner og delte links viser.")


@record("set of page texts", "sets of page texts")
class PageTexts(Located):
    """The texts of every generated index page."""

    what = RecordOf(PageText, label="Hvad er peer-støtte?",
        description="Titel, indledning og beskrivelse af siden «Hvad er peer-støtte?».")
    roles = RecordOf(PageText, label="Peer-roller", description="Titel, indledning og beskrivelse af siden «Peer-roller».")
    models = RecordOf(PageText, label="Modellerne", description="Titel, indledning og beskrivelse af siden «Modellerne».")
    course = RecordOf(PageText, label="Forløbet", description="Titel, indledning og beskrivelse af siden «Forløbet».")
    partnerships = RecordOf(PageText, label="Afprøvningen",
        description="Titel, indledning og beskrivelse af siden «Afprøvningen».")
    evidence = RecordOf(PageText, label="Forskning og kilder",
        description="Titel, indledning og beskrivelse af siden «Forskning og kilder».")
    materials = RecordOf(PageText, label="Materialer", description="Titel, indledning og beskrivelse af siden «Materialer».")
    glossary = RecordOf(PageText, label="Ordliste", description="Titel, indledning og beskrivelse af siden «Ordliste».")
    downloads = RecordOf(PageText, label="Data og kildehenvisninger",
        description="Titel, indledning og beskrivelse af siden «Data og kildehenvisninger».")
    find_support = RecordOf(PageText, label="Find støtte", description="Titel, indledning og beskrivelse af siden «Find støtte».")
    evidence_map = RecordOf(PageText, label="Evidenskort", description="Titel, indledning og beskrivelse af siden «Evidenskort».")
    evidence_levels = RecordOf(PageText, label="Evidensniveauer",
        description="Titel, indledning og beskrivelse af siden «Evidensniveauer».")


@record("site section", "site sections")
class SiteInfo(Reviewed):
    """When the content was last reviewed, and the texts of the generated pages."""

    reviewed = ReviewDate(label="Gennemgået",
        description="Den dag, indholdet sidst blev tjekket mod kilderne. Sider uden egen dato viser den.")
    pages = RecordOf(PageTexts, label="Sidetekster",
        description="Titel, indledning og beskrivelse af de sider, der bliver lavet ud fra data.")


@record("organisation", "organisations", label_singular="organisation")
class Organisation(Located):
    """A region, municipality, association, agency, research unit, foundation, project or publisher."""

    id = Slug(label="Id", description="Et kort, fast navn, som andre poster bruger til at henvise til organisationen.")
    kind = Choice(*ORG_KINDS, label="Slags", description="Hvilken slags organisation det er.")
    name = Text(label="Navn", description="Organisationens navn, som den selv skriver det.")
    about = Text(required=False, label="Om organisationen",
        description="Få ord om, hvad organisationen er, hvis navnet ikke siger det.")
    url = Url(required=False, label="Webadresse", description="Adressen på organisationens hjemmeside.")


@record("evaluation", "evaluations")
class Evaluation(Located):
    """What the evaluation of the national trial found, for each party."""

    by = Ref("organisations", label="Udført af", description="Den organisation, der evaluerede afprøvningen.")
    source = Ref("evidence", label="Kilde", description="Den kilde, evalueringens resultater står i.")
    methods = ListOf(Text(), label="Metoder", description="Hvordan evalueringen blev lavet, ét punkt pr. metode.")
    all_parties = Text(label="For alle parter", description="Hvad evalueringen fandt for alle, der var med.")
    receivers = ListOf(Text(), label="For dem, der fik støtte",
        description="Hvad evalueringen fandt for dem, der fik peer-støtte, ét fund pr. punkt.")
    givers = ListOf(Text(), label="For peers",
        description="Hvad evalueringen fandt for dem, der gav peer-støtte, ét fund pr. punkt.")
    organisations = ListOf(Text(), label="For organisationerne",
        description="Hvad evalueringen fandt for organisationerne, ét fund pr. punkt.")


@record("national trial", "national trials")
class NationalTrial(Located):
    """The national trial of peer support 2015–2018."""

    name = Text(label="Navn", description="Afprøvningens navn.")
    summary = Text(label="Resumé", description="Hvad afprøvningen var, i to-tre sætninger.")
    start_years = ListOf(Year(), label="Startår", description="Det eller de år, afprøvningen startede ifølge kilderne.")
    end_year = Year(label="Slutår", description="Det år, afprøvningen sluttede.")
    period_note = Text(label="Om perioden", description="Hvor kilderne er uenige om perioden, og hvad de hver især siger.")
    anchored_by = Refs("organisations", label="Forankret i",
        description="Den eller de organisationer, afprøvningen var forankret i.")
    cooperating = Refs("organisations", required=False, label="I samarbejde med",
        description="Organisationer, der samarbejdede om afprøvningen.")
    funding = Text(label="Finansiering", description="Hvor pengene til afprøvningen kom fra.")
    evaluation = RecordOf(Evaluation, label="Evaluering",
        description="Hvem der evaluerede afprøvningen, hvordan, og hvad de fandt.")
    afterwards = Text(label="Bagefter", description="Hvad der skete, efter afprøvningen sluttede.")


@record("partnership", "partnerships", label_singular="partnerskab")
class Partnership(Reviewed):
    """One of the three cross-sector partnerships of the national trial. Its models name it (models[].partnership)."""

    written_elsewhere = {"models": N_("a partnership lists no models: each model names its partnership under 'partnership:'"
                                      " — remove this list (the page lists the models that name this partnership)")}

    id = Slug(label="Id", description="Et kort, fast navn, som modellerne bruger til at henvise til partnerskabet.")
    name = Text(label="Navn", description="Partnerskabets navn.")
    region = Ref("organisations", label="Region", description="Den region, partnerskabet hørte til.")
    partners = Refs("organisations", label="Partnere", description="De organisationer, der var med i partnerskabet.")
    partners_note = Text(required=False, label="Om partnerne",
        description="Hvor kilderne nævner partnerne forskelligt, og hvad hver kilde siger.")
    delivery = ListOf(Choice(*DELIVERY), label="Lønnet eller frivillig",
        description="Om peers i partnerskabet fik løn, var frivillige, eller om kilderne ikke siger det.")
    summary = Text(label="Resumé", description="Hvad partnerskabet gjorde, i to-tre sætninger.")
    after_trial = Text(label="Efter afprøvningen",
        description="Hvad der skete med partnerskabets arbejde, efter afprøvningen sluttede.")


@record("model", "models", label_singular="model")
class Model(Reviewed):
    """One of the six peer-support models of the national trial. The sources and materials about it name it
    (evidence[].models, materials[].models): each link is written once, on their side."""

    written_elsewhere = {
        "evidence": N_("a model lists no sources: each source names the models it is about — write this model's id under"
                       " 'models:' of each source about it (under evidence:), and remove this list"),
        "materials": N_("a model lists no materials: each material names the models it is about — write this model's id"
                        " under 'models:' of the material (or of the source it points at with 'evidence:'), and remove this list"),
    }

    id = Slug(label="Id",
        description="Et kort, fast navn. Det står i sidens adresse, og andre poster bruger det til at henvise til modellen.")
    number = Int(label="Nummer", description="Modellens nummer: 1, 2, 3 … i den rækkefølge, modellerne står i.")
    name = Text(label="Navn", description="Modellens navn.")
    partnership = Ref("partnerships", label="Partnerskab", description="Det partnerskab, der afprøvede modellen.")
    region = Ref("organisations", label="Region", description="Den region, modellen blev afprøvet i.")
    delivery = Choice(*DELIVERY, label="Lønnet eller frivillig",
        description="Om peers fik løn, var frivillige, eller om kilderne ikke siger det.")
    delivery_note = Text(required=False, label="Om løn eller frivillighed",
        description="Hvad kilderne siger om løn, hvor de kun siger det om regionen som helhed.")
    setting = Text(label="Hvor", description="Hvor støtten blev givet, fx i kommunens tilbud eller i distriktspsykiatrien.")
    formats = ListOf(Choice(*FORMATS), label="Form",
        description="Om støtten gives til én ad gangen, i grupper eller som kursus. Lad den stå tom, hvis kilderne ikke siger det.")
    target_group = Text(label="Målgruppe", description="Hvem støtten er for.")
    peer_does = Text(label="Det gør peeren", description="Hvad peeren gør i modellen.")
    summary = Text(label="Resumé",
        description="Hvad modellen er, i to-tre sætninger. Resuméet står øverst på modellens side og i sammenligningen.")
    facts = ListOf(Text(), required=False, label="Mere om modellen",
        description="Flere fakta fra kilderne, ét pr. punkt.")
    after_trial = Text(label="Efter afprøvningen", description="Hvad der skete med modellen, efter afprøvningen sluttede.")
    resources = Text(required=False, label="Ressourcer",
        description="Personale, timer og uddannelse, som kilderne nævner. Lad feltet stå tomt, hvis de ikke nævner det; så skriver siden »Ikke oplyst i kilderne«.")
    cost = Text(required=False, label="Udgifter",
        description="Hvad modellen koster, hvis kilderne siger det. Lad feltet stå tomt, hvis de ikke gør; så skriver siden »Ikke oplyst i kilderne«.")
    contacts = Refs("organisations", required=False, label="Spørg",
        description="Organisationer, man kan spørge om modellen, fx dem, der ifølge kilderne driver den eller står bag den.")


@record("form", "forms", label_singular="form")
class Form(Located):
    """One of the three forms of peer support, and what was known of it in 2016."""

    id = Slug(label="Id", description="Et kort, fast navn for formen.")
    name = Text(label="Navn", description="Formens navn.")
    examples = Text(label="Eksempler", description="Eksempler på peer-støtte i denne form.")
    evidence_2016 = Text(label="Viden i 2016", description="Hvad man vidste om denne form for peer-støtte i 2016.")


@record("definition", "definitions", label_singular="definition")
class Definition(Located):
    """A definition of peer support, with its source."""

    id = Slug(label="Id", description="Et kort, fast navn for definitionen.")
    label = Text(label="Overskrift", description="Hvis definition det er, fx «Socialstyrelsens definition».")
    source = Ref("evidence", label="Kilde", description="Den kilde, definitionen kommer fra.")
    text = Text(label="Definition", description="Selve definitionen, med dine egne ord.")
    points = ListOf(Text(), label="Punkter", description="Det vigtigste i definitionen, ét punkt pr. linje.")


@record("mechanism", "mechanisms", label_singular="punkt")
class Mechanism(Located):
    """Something that makes peer support work."""

    id = Slug(label="Id", description="Et kort, fast navn for det, der får støtten til at virke.")
    name = Text(label="Navn", description="En kort overskrift.")
    description = Text(label="Beskrivelse", description="Hvordan det får støtten til at virke, i et par sætninger.")


@record("peer role", "peer roles", label_singular="princip")
class PeerRole(Located):
    """A principle of the peer role, and what it means in practice."""

    id = Slug(label="Id", description="Et kort, fast navn for princippet.")
    principle = Text(label="Princip", description="Princippet, i få ord.")
    practice = Text(label="I praksis", description="Hvad princippet betyder for peerens arbejde.")


@record("implementation step", "implementation steps", label_singular="trin")
class Step(Located):
    """One thing an organisation prepares before peers start."""

    id = Slug(label="Id", description="Et kort, fast navn for trinnet.")
    name = Text(label="Navn", description="En kort overskrift.")
    description = Text(label="Beskrivelse", description="Hvad organisationen skal forberede, i et par sætninger.")


@record("session", "sessions", label_singular="møde")
class Session(Located):
    """One of the course's weekly meetings."""

    number = Int(label="Nummer", description="Mødets nummer i forløbet: 1, 2, 3 …")
    title = Text(label="Titel", description="Mødets emne.")
    about = Text(required=False, label="Om mødet", description="Hvad der sker på mødet, hvis kilderne siger det.")


@record("course", "courses")
class Course(Located):
    """The course Vejen til hverdagslivet."""

    name = Text(label="Navn", description="Forløbets navn.")
    summary = Text(label="Resumé", description="Hvad forløbet er, i to-tre sætninger.")
    run_by = Refs("organisations", label="Drives af", description="De organisationer, der driver forløbet.")
    weeks = ListOf(Int(), label="Uger",
        description="Hvor mange uger forløbet varer ifølge kilderne. Skriv hvert tal, kilderne giver.")
    weeks_note = Text(label="Om varigheden",
        description="Hvor kilderne giver forskellige tal for varigheden, og hvad hver kilde siger.")
    max_participants = Int(label="Højst antal deltagere", description="Hvor mange der højst kan være med på et hold.")
    facilitators = Int(label="Antal peers, der leder", description="Hvor mange frivillige peers der leder et hold.")
    open_sessions = Int(label="Åbne møder", description="Hvor mange møder man kan komme til uden at være tilmeldt forløbet.")
    target_group = Text(label="Målgruppe", description="Hvem forløbet er for.")
    referral = Text(label="Henvisning", description="Om man skal henvises eller visiteres for at komme med.")
    routes_in = ListOf(Text(), label="Veje ind", description="Hvordan deltagerne kommer med, én vej pr. punkt.")
    sessions = ListOf(Session, label="Møder", description="Forløbets møder i rækkefølge.")
    volunteers = ListOf(Text(), label="Krav til frivillige",
        description="Hvad der kræves af de frivillige peers, ét krav pr. punkt.")
    url = Url(required=False, label="Webadresse",
        description="Adressen på den side, hvor dem, der driver forløbet, skriver om det.")


@record("result", "results", label_singular="resultat")
class Result(Located):
    """What a trial found on one outcome."""

    outcome = Ref("outcomes", label="Effektmål", description="Det effektmål, resultatet handler om.")
    role = Choice(*OUTCOME_ROLES, label="Slags effektmål",
        description="Om effektmålet var primært, sekundært, undersøgende eller et andet mål, som artiklen også rapporterer.")
    measure = Str(required=False, label="Måleredskab", description="Det spørgeskema eller mål, der blev brugt, fx QPR-15.")
    result = Choice(*RESULTS, label="Resultat",
        description="Hvad forsøget fandt: en forbedring, ingen signifikant forskel, en indikation eller ingen forskel.")
    detail = Text(label="Detaljer", description="Resultatet med tal, som kilden giver det.")
    source = Ref("evidence", label="Kilde", description="Den kilde, resultatet står i.")


@record("trial arm", "trial arms", label_singular="gruppe")
class Arm(Located):
    """One group of a randomised trial."""

    name = Text(label="Navn", description="Gruppens navn, fx «forløbet» eller «almindelige tilbud».")
    n = Int(label="Antal", description="Hvor mange der var i gruppen.")


@record("trial", "trials")
class PeerTrial(Located):
    """The randomised PEER trial of the course."""

    name = Text(label="Navn", description="Forsøgets navn.")
    registration = Str(label="Registrering", description="Forsøgets registreringsnummer, fx i ClinicalTrials.gov.")
    registration_url = Url(required=False, label="Registreringens adresse",
        description="Adressen på registreringens egen side.")
    design = Text(label="Design", description="Hvordan forsøget var bygget op.")
    run_by = Refs("organisations", label="Udført af", description="De organisationer, der gennemførte forsøget.")
    municipalities = Refs("organisations", label="Kommuner", description="De kommuner, forsøget foregik i.")
    funder = Ref("organisations", label="Betalt af", description="Den organisation, der betalte forsøget.")
    legal_basis = Text(label="Lovgrundlag", description="Den lov, forsøget og forløbet foregik efter.")
    start_year = Year(label="Startår", description="Det år, forsøget startede.")
    end_year = Year(label="Slutår", description="Det år, forsøget sluttede.")
    inclusion_start = Date(label="Første deltager", description="Den dag, de første deltagere kom med.")
    inclusion_end = Date(label="Sidste deltager", description="Den dag, de sidste deltagere kom med.")
    dates_note = Text(label="Om datoerne", description="Hvor kilderne giver forskellige datoer, og hvilke siden viser.")
    target_n = Int(label="Planlagt antal", description="Hvor mange deltagere forsøget ville have med.")
    randomised_n = Int(label="Antal ved lodtrækning", description="Hvor mange der faktisk kom med ved lodtrækning.")
    arms = ListOf(Arm, label="Grupper", description="Forsøgets grupper, med antal i hver.")
    timeline = ListOf(Text(), label="Tidslinje", description="Forsøgets forløb, ét trin pr. punkt.")
    results = ListOf(Result, label="Resultater", description="Hvad forsøget fandt, ét effektmål pr. punkt.")
    claim_versus_result = Text(label="Om beskrivelsen af resultaterne",
        description="Hvis en kilde siger mere, end forsøget fandt: hvad kilden siger, og hvad forsøget faktisk fandt.")
    papers = Refs("evidence", label="Artikler", description="De kilder, der beskriver forsøget og dets resultater.")


@record("outcome", "outcomes", label_singular="effektmål")
class Outcome(Located):
    """Something a trial or evaluation measured."""

    id = Slug(label="Id", description="Et kort, fast navn, som resultater og kilder bruger til at henvise til effektmålet.")
    name = Text(label="Navn", description="Det, der blev målt, fx «Håb».")


@record("title of a work", "titles of works")
class WorkTitle(Located):
    """A work's own title, word for word as published, and the language it is written in."""

    text = Str(label="Titel", description="Værkets titel ord for ord, som den er udgivet.")
    language = Choice(*WORK_LANGUAGES, label="Sprog", description="Det sprog, titlen er skrevet på.")


@record("reported outcome", "reported outcomes", label_singular="effektmål")
class Reported(Located):
    """What a source without random allocation reports on one outcome, and among whom, where it says."""

    outcome = Ref("outcomes", label="Effektmål", description="Det effektmål, kilden rapporterer om.")
    found = Choice(*REPORTED, label="Fundet",
        description="Om kilden rapporterer en forbedring, eller om vores kilder ikke giver et resultat.")
    among = Choice(*GROUPS, required=False, label="Blandt",
        description="Hvem forbedringen gælder: dem, der fik støtte, peers eller arbejdspladserne. Lad den stå tom, hvis den gælder alle.")


@record("part of a work", "parts of a work", label_singular="del")
class WorkPart(Located):
    """An article of a theme or a chapter of a work, with its own authors and address."""

    title = Str(label="Titel", description="Delens titel ord for ord, på værkets sprog.")
    authors = ListOf(Str(), required=False, label="Forfattere",
        description="Delens forfattere, én pr. punkt, som «Efternavn, Fornavn».")
    url = Url(required=False, label="Webadresse", description="Adressen på delen.")


@record("evidence source", "evidence sources", label_singular="kilde")
class Source(Reviewed):
    """A trial, review, evaluation, report or other source the site builds on, with its full reference."""

    id = Slug(label="Id",
        description="Et kort, fast navn. Det står i sidens adresse, og andre poster bruger det til at henvise til kilden.")
    kind = Choice(*EVIDENCE_KINDS, label="Slags",
        description="Hvilken slags værk kilden er. Den afgør, hvilke felter kildehenvisningen viser.")
    name = Text(label="Navn",
        description="Hvad siden kalder kilden: en beskrivelse, ikke en oversat titel.")
    original_title = RecordOf(WorkTitle, required=False, label="Originaltitel",
        description="Værkets egen titel og sprog, hvis kilderne giver den.")
    year = PublishedYear(required=False, label="År", description="Det år, værket udkom.")
    published = Date(required=False, label="Udgivet",
        description="Den dag, værket udkom, hvis kilderne giver den.")
    authors = ListOf(Str(), required=False, label="Forfattere",
        description="Forfatterne, én pr. punkt, som «Efternavn, Fornavn». Et navn uden tydeligt efternavn skrives, som det står.")
    author_organisations = Refs("organisations", required=False, label="Organisationer som forfattere",
        description="Organisationer, der står som forfattere.")
    publisher = Ref("organisations", required=False, label="Udgiver", description="Den organisation, der har udgivet værket.")
    organiser = Ref("organisations", required=False, label="Arrangør",
        description="Den organisation, der holdt oplægget eller arrangementet.")
    journal = Str(required=False, label="Tidsskrift", description="Det tidsskrift, artiklen står i.")
    volume = Str(required=False, label="Årgang", description="Tidsskriftets årgang (volume).")
    issue = Str(required=False, label="Nummer", description="Tidsskriftets nummer (issue).")
    pages = Str(required=False, label="Sider",
        description="Sidetallene, eller artiklens nummer i tidsskriftet.")
    number = Str(required=False, label="Rapportnummer",
        description="En oversigts eller rapports eget nummer, fx CD010880.pub2.")
    n = Int(required=False, label="Deltagere", description="Hvor mange der deltog i undersøgelsen.")
    doi = Doi(required=False, label="DOI", description="Værkets DOI.")
    url = Url(required=False, label="Webadresse", description="Adressen på værket.")
    accessed = ReviewDate(required=False, label="Set",
        description="Den dag, adressen blev set at virke.")
    closed = Date(required=False, label="Lukket",
        description="Den dag, adressen lukkede, som dens egen meddelelse siger.")
    successor = Ref("evidence", required=False, label="Efterfølger",
        description="Det værk, der afløser dette.")
    parts = ListOf(WorkPart, required=False, label="Dele",
        description="Artikler i et tema eller kapitler i et værk, med egne forfattere og adresser.")
    linked_from = Url(required=False, label="Linket fra",
        description="Adressen på en side, der beskriver og linker til et værk uden egen adresse.")
    summary = Text(label="Resumé", description="Hvad kilden er, og hvad den handler om, i to-tre sætninger.")
    findings = ListOf(Text(), required=False, label="Fund",
        description="Hvad kilden fandt, ét fund pr. punkt, i den styrke, kilden selv giver det.")
    models = Refs("models", required=False, label="Modeller",
        description="De modeller, kilden har undersøgt eller beskriver hver for sig.")
    outcomes = Refs("outcomes", required=False, label="Effektmål",
        description="Hvad en kilde om hele afprøvningen eller forløbet dækker. En kilde om en model skriver i stedet under Rapporteret.")
    reported = ListOf(Reported, required=False, label="Rapporteret",
        description="Hvad en kilde uden lodtrækning rapporterer, effektmål for effektmål. Det sætter kilden på evidenskortet;"
                    " en kilde om en model skal have feltet, tomt hvis den intet rapporterer.")


@record("material", "materials", label_singular="materiale")
class Material(Located):
    """A report, leaflet, article or theme page about peer support."""

    id = Slug(label="Id", description="Et kort, fast navn for materialet.")
    kind = Choice(*MATERIAL_KINDS, label="Slags", description="Hvilken slags materiale det er.")
    title = Text(label="Titel", description="Materialets titel.")
    year = PublishedYear(required=False, label="År", description="Det år, materialet udkom.")
    publisher = Ref("organisations", required=False, label="Udgiver",
        description="Den organisation, der har udgivet materialet.")
    publisher_name = Text(required=False, label="Udgiverens navn",
        description="Udgiverens navn, hvor udgiveren ikke står under organisationer.")
    about = Text(label="Om materialet", description="Hvad materialet handler om, i en eller to sætninger.")
    url = Url(required=False, label="Webadresse", description="Adressen på materialet.")
    evidence = Ref("evidence", required=False, label="Kilde",
        description="Den kilde, materialet er. Så står udgiver, år, adresse og modeller kun ét sted: på kilden.")
    models = Refs("models", required=False, label="Modeller",
        description="De modeller, materialet handler om, når materialet ikke selv er en kilde.")


@record("glossary term", "glossary terms", label_singular="ord")
class Term(Located):
    """A word or abbreviation the site explains."""

    id = Slug(label="Id", description="Et kort, fast navn for ordet.")
    term = Text(label="Ord", description="Ordet, som det står i teksten.")
    abbr = Text(required=False, label="Forkortelse",
        description="Forkortelsen, som den står i teksten, fx KI på dansk og CI på engelsk.")
    definition = Text(label="Forklaring", description="Hvad ordet betyder, i en eller to korte sætninger.")


@record("map column", "map columns", label_singular="kolonne")
class MapColumn(Located):
    """A column of the evidence map: the outcomes it gathers, and its name when it gathers more than one."""

    id = Slug(label="Id", description="Et kort, fast navn for kolonnen.")
    name = Text(required=False, label="Navn",
        description="Kolonnens navn, når den samler flere effektmål. Ellers bruges effektmålets eget navn.")
    outcomes = Refs("outcomes", label="Effektmål", description="De effektmål, kolonnen samler.")


@record("evidence level", "evidence levels", label_singular="niveau")
class EvidenceLevel(Located):
    """A step of the public rubric: which kinds of source about a model or the course reach it, and what it
    means and does not mean."""

    id = Slug(label="Id", description="Et kort, fast navn for niveauet.")
    kinds = ListOf(Choice(*EVIDENCE_KINDS), label="Slags kilder",
        description="De slags kilder, der giver dette niveau. Lad den stå tom for det sidste niveau: ingen kilde.")
    name = Text(label="Navn", description="Niveauets navn.")
    reason = Text(label="Begrundelse",
        description="Én sætning om, hvorfor en model eller forløbet står på dette niveau.")
    means = Text(label="Betyder", description="Hvad niveauet betyder.")
    does_not_mean = Text(label="Betyder ikke", description="Hvad niveauet ikke betyder.")


@record("evidence map", "evidence maps")
class EvidenceMap(Located):
    """What is known of each model, the programme and the course, outcome by outcome; the rubric of
    evidence levels, strongest first; and which sources are context."""

    columns = ListOf(MapColumn, label="Kolonner", description="Kortets kolonner, hver med de effektmål, den samler.")
    levels = ListOf(EvidenceLevel, label="Evidensniveauer", description="Niveauerne, det stærkeste først.")
    context_kinds = ListOf(Choice(*EVIDENCE_KINDS), label="Kilder som baggrund",
        description="De slags kilder, der står for sig som baggrund, ikke i kortet.")


@record("note on two names", "notes on two names")
class LookAlike(Located):
    """How the course differs from the model with a name like it."""

    model = Ref("models", label="Model", description="Den model, hvis navn ligner forløbets.")
    text = Text(label="Forskellen", description="Hvordan forløbet og modellen er forskellige.")


@record("page a help fact was seen on", "pages help facts were seen on", label_singular="side")
class HelpSource(Located):
    """Where a number or an offer was seen: the page's address, else the site's or the newspaper's name as the
    sources give it; whose page it is, the date the page gives itself, and the day it was checked."""

    one_of = ("url", "site", "name")
    url = Url(required=False, label="Webadresse",
        description="Sidens fulde adresse, hvis kilderne giver den.")
    site = SiteName(required=False, label="Hjemmeside",
        description="Ellers hjemmesidens navn, fx regionh.dk. Linket går til hjemmesidens forside.")
    name = Str(required=False, label="Navn",
        description="Ellers udgiverens eller avisens navn.")
    page = Text(required=False, label="Siden",
        description="Hvad siden er, hvor det hjælper, fx «siden for pårørende».")
    kind = Choice(*SOURCE_KINDS, label="Slags side",
        description="Om siden er organisationens egen, en avis' eller et fagblads, en kommunes eller en anden organisations.")
    published = PageDate(required=False, label="Udgivet",
        description="Den dato, siden selv giver: et år eller en dag.")
    updated = PageDate(required=False, label="Opdateret",
        description="Det år eller den dag, siden siger, den blev opdateret.")
    checked = ReviewDate(label="Tjekket", description="Den dag, vi sidst så oplysningen på siden.")

    @property
    def address(self) -> str | None:
        """Where a link to the page leads: its own address, else its site's root; None for a name alone."""
        return self.url or (site_address(self.site) if self.site else None)


@record("number to call or text", "numbers to call or text", label_singular="nummer")
class HelpNumber(Located):
    """A phone number or text line: what it is called and for, when it answers, and where it was seen."""

    number = Phone(label="Nummer",
        description="Nummeret, som kilden skriver det.")
    kind = Choice(*NUMBER_KINDS, label="Slags", description="Om man ringer eller skriver en sms.")
    name = Text(label="Navn", description="Hvad nummeret hedder.")
    for_what = Text(label="Til hvad", description="Hvad man kan ringe eller skrive om.")
    hours = Text(required=False, label="Åbningstider",
        description="Hvornår nummeret svarer, hvis kilderne siger det.")
    sources = ListOf(HelpSource, at_least=1, label="Set på",
        description="De sider, nummeret er set på, med den dag, det blev tjekket.")


@record("help fact", "help facts", label_singular="hjælp")
class HelpFact(Located):
    """Help without a number of its own, like an emergency unit anyone may walk into, and where it was seen."""

    name = Text(label="Navn", description="Hvad hjælpen hedder.")
    text = Text(label="Tekst", description="Hvad hjælpen er, og hvordan man får den.")
    sources = ListOf(HelpSource, at_least=1, label="Set på",
        description="De sider, oplysningen er set på, med den dag, den blev tjekket.")


@record("region's help", "regions' help", label_singular="region")
class RegionHelp(Located):
    """Whom to call and where to go out of hours and in a psychiatric emergency in one region."""

    region = Ref("organisations", label="Region", description="Den region, hjælpen gælder.")
    numbers = ListOf(HelpNumber, required=False, label="Numre", description="Regionens numre at ringe til.")
    facts = ListOf(HelpFact, required=False, label="Anden hjælp",
        description="Hjælp uden eget nummer, fx en akutmodtagelse, man selv kan møde op på.")
    left_out = Text(required=False, label="Udeladt",
        description="Hvad siden ikke viser for regionen, og hvorfor.")


@record("crisis box", "crisis boxes")
class CrisisHelp(Located):
    """The numbers to call at once in a crisis, and what to do when it is not life-threatening."""

    numbers = ListOf(HelpNumber, at_least=1, label="Numre",
        description="De numre, man skal ringe til med det samme i en krise.")
    doctor = Text(label="Lægen",
        description="Hvad man gør, når det ikke er livstruende: egen læge om dagen og ellers regionens nummer.")


@record("offer of support", "offers of support", label_singular="tilbud")
class Offer(Located):
    """Support a reader can get: for whom, what they get, who runs it, what it costs, how to reach it."""

    id = Slug(label="Id", description="Et kort, fast navn for tilbuddet.")
    audiences = ListOf(Choice(*AUDIENCES), at_least=1, label="For",
        description="Hvem tilbuddet er for. Det står under den første, og de andre linker til det.")
    name = Text(label="Navn", description="Tilbuddets navn.")
    for_whom = Text(required=False, label="For hvem",
        description="Hvem tilbuddet er for, med kildens egne ord.")
    what = Text(label="Hvad", description="Hvad man får.")
    run_by = Refs("organisations", at_least=1, label="Drives af", description="De organisationer, der driver tilbuddet.")
    cost = Text(required=False, label="Pris",
        description="Hvad det koster, hvis kilderne siger det.")
    reach = Text(required=False, label="Sådan kommer du i kontakt",
        description="Hvordan man kommer i kontakt med tilbuddet, hvis kilderne siger det.")
    numbers = ListOf(HelpNumber, required=False, label="Numre", description="Tilbuddets numre at ringe eller skrive til.")
    model = Ref("models", required=False, label="Model", description="Den model, tilbuddet bygger på.")
    sources = ListOf(HelpSource, at_least=1, label="Set på",
        description="De sider, tilbuddet er set på, med den dag, det blev tjekket.")


@record("gap in what the sources give", "gaps in what the sources give", label_singular="hul")
class Gap(Located):
    """Support a source names but no current page confirms: said plainly in the section a reader would look in."""

    audience = Choice(*AUDIENCES, label="For", description="Den del af siden, hvor man ville lede efter støtten.")
    text = Text(label="Tekst", description="Hvilken støtte en kilde nævner, og at ingen nuværende side bekræfter den.")
    sources = ListOf(HelpSource, at_least=1, label="Set på",
        description="De sider, der nævner støtten, med den dag, de blev tjekket.")


@record("find-support section", "find-support sections")
class FindSupport(Reviewed):
    """Help in a crisis, help out of hours by region, offers by who they are for, and how to join the course."""

    crisis = RecordOf(CrisisHelp, label="Krise", description="Hjælp med det samme i en krise.")
    regions = ListOf(RegionHelp, at_least=1, label="Regioner",
        description="Hjælp uden for lægens åbningstid og akut psykiatrisk hjælp, region for region.")
    offers = ListOf(Offer, label="Tilbud", description="Støtte, man kan få, ordnet efter hvem den er for.")
    gaps = ListOf(Gap, required=False, label="Huller",
        description="Støtte, en kilde nævner, men som ingen nuværende side bekræfter.")
    join_course = Text(label="Vær med i forløbet",
        description="Hvor forløbet kører, så vidt kilderne siger.")
    reviewed = ReviewDate(required=False, label="Gennemgået",
        description="Den dag, siden sidst blev tjekket. Uden den viser siden hjemmesidens dato.")


@record("publisher", "publishers")
class Publisher(Located):
    """Who stands behind the site. Every field may stay empty until it is known; until all are filled in
    (an e-mail address or a postal address, or both), the pages say so and the site is not published."""

    name = Text(required=False, label="Navn",
        description="Hvem der udgiver hjemmesiden: en organisation eller en person.")
    responsible_editor = Text(required=False, label="Ansvarshavende redaktør",
        description="Et navn eller en rolle.")
    email = Email(required=False, label="E-mail",
        description="En adresse, man kan skrive til uden en GitHub-konto.")
    postal_address = Str(required=False, label="Postadresse",
        description="En postadresse, i stedet for eller ud over e-mailen.")
    funding = Text(required=False, label="Finansiering",
        description="Hvem der betaler for hjemmesiden.")
    advertising = Text(required=False, label="Reklame",
        description="At hjemmesiden ikke har reklamer eller sponsorer, eller hvad den har.")


# Sections whose records other records point at by id.
COLLECTIONS = ("organisations", "partnerships", "models", "outcomes", "evidence", "materials", "glossary")


@record("mapping of sections", "data files")
class Site(Located):
    """Everything the site states: content/data.yml, checked."""

    site = RecordOf(SiteInfo, label="Hjemmesiden",
        description="Hvornår indholdet sidst blev gennemgået, og teksterne til de sider, der bliver lavet ud fra data.")
    organisations = ListOf(Organisation, label="Organisationer",
        description="Regioner, kommuner, foreninger, styrelser, forskningsenheder og fonde, som andre poster henviser til.")
    national_trial = RecordOf(NationalTrial, label="Afprøvningen", description="Den nationale afprøvning af peer-støtte.")
    partnerships = ListOf(Partnership, label="Partnerskaber", description="Partnerskaberne i afprøvningen.")
    models = ListOf(Model, label="Modeller", description="Modellerne for peer-støtte fra afprøvningen.")
    forms = ListOf(Form, label="Former", description="Formerne for peer-støtte, og hvad man vidste om dem i 2016.")
    definitions = ListOf(Definition, label="Definitioner", description="Definitioner af peer-støtte, hver med sin kilde.")
    mechanisms = ListOf(Mechanism, label="Det, der virker", description="Det, der får peer-støtte til at virke.")
    peer_roles = ListOf(PeerRole, label="Peer-roller",
        description="Principperne for peer-rollen, og hvad de betyder i praksis.")
    not_a_peer = ListOf(Text(), label="En peer er ikke", description="Hvad en peer ikke er, ét punkt pr. linje.")
    implementation_steps = ListOf(Step, label="Før peers starter",
        description="Det, en organisation forbereder, før peers starter.")
    course = RecordOf(Course, label="Forløbet", description="Forløbet Vejen til hverdagslivet.")
    outcomes = ListOf(Outcome, label="Effektmål", description="Det, forsøg og evalueringer har målt.")
    peer_trial = RecordOf(PeerTrial, label="PEER-forsøget", description="Lodtrækningsforsøget, der testede forløbet.")
    evidence = ListOf(Source, label="Kilder",
        description="Forsøg, oversigter, evalueringer, rapporter og andre kilder, som siden bygger på.")
    materials = ListOf(Material, label="Materialer",
        description="Rapporter, foldere, artikler og temasider om peer-støtte.")
    glossary = ListOf(Term, label="Ordliste", description="Ord og forkortelser, siden forklarer.")
    evidence_map = RecordOf(EvidenceMap, label="Evidenskort",
        description="Kortets kolonner, evidensniveauerne og de kilder, der står som baggrund.")
    course_and_model = RecordOf(LookAlike, label="Forløb og model",
        description="Hvordan forløbet adskiller sig fra modellen med et navn, der ligner.")
    find_support = RecordOf(FindSupport, label="Find støtte",
        description="Hjælp i en krise, hjælp i din region og tilbud om støtte.")
    publisher = RecordOf(Publisher, label="Udgiver",
        description="Hvem der står bag hjemmesiden. Siden bliver ikke udgivet, før alle felter er udfyldt.")

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
# Sections whose records may have a review date of their own: those whose record kind is Reviewed.
REVIEWED_COLLECTIONS = tuple(name for name in COLLECTIONS if issubclass(SITE.kinds[name].item.record_class, Reviewed))
