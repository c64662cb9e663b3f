"""What each page is, for search engines and data portals: schema.org JSON-LD. Every page is a WebPage of the
site (a MedicalWebPage where it holds knowledge from the data) with its language and review date; a source's
page describes the work and its reference, and the downloads page the dataset and every file of it."""

from posixpath import dirname

from .. import LANGUAGES, url_prefix
from .citations import CSL_TYPES, csl_item, csl_name
from .downloads import Download
from ..pages.environment import labels
from .licence import LICENCE_URL
from ..pages.page_table import PAGES
from ..data.review import review_date
from ..data.schema import Site, Source

CONTEXT = "https://schema.org"
DATASET_PAGE = "downloads/index.md"
# Pages made from the data hold knowledge about mental health; the hand-written ones are about the site.
KNOWLEDGE_PAGES = {page.source for page in PAGES if page.texts} - {DATASET_PAGE}
RECORD_FOLDERS = {page.folder: page.records for page in PAGES if page.records}
WORK_TYPES = {"article-journal": "ScholarlyArticle", "report": "Report"}  # the rest are CreativeWork


def record_of(site: Site, source: str):
    """The record a page is made from ('evidence/chime-2011.md' → that source), or None."""
    collection = RECORD_FOLDERS.get(dirname(source))
    return site.by_id[collection].get(source.rsplit("/", 1)[-1][:-3]) if collection else None


def person(name: dict) -> dict:
    """A CSL name as a schema.org Person."""
    if "literal" in name:
        return {"@type": "Person", "name": name["literal"]}
    return {"@type": "Person", "name": f"{name['given']} {name['family']}", "givenName": name["given"],
            "familyName": name["family"]}


def periodical(item: dict) -> dict:
    """Where a journal article was published: its issue in its volume of the journal, as far as known."""
    part = {"@type": "Periodical", "name": item["container-title"]}
    if "volume" in item:
        part = {"@type": "PublicationVolume", "volumeNumber": item["volume"], "isPartOf": part}
    if "issue" in item:
        part = {"@type": "PublicationIssue", "issueNumber": item["issue"], "isPartOf": part}
    return part


def work(source: Source, site: Site, language: str) -> dict:
    """A source as the schema.org work it is: authors, date, title, where it was published and its DOI."""
    item = csl_item(source, site, language)
    organisations = site.by_id["organisations"]
    described = {
        "@type": WORK_TYPES.get(CSL_TYPES[source.kind], "CreativeWork"),
        "name": source.original_title.text if source.original_title else source.name[language],
        "inLanguage": source.original_title.language if source.original_title else None,
        "author": [person(csl_name(name)) for name in source.authors]
        + [{"@type": "Organization", "name": organisations[id].name.da} for id in source.author_organisations] or None,
        "datePublished": source.published or (str(source.year) if source.year else None),
        "isPartOf": periodical(item) if "container-title" in item else None,
        "pagination": source.pages,
        "publisher": {"@type": "Organization", "name": item["publisher"]} if "publisher" in item else None,
        "identifier": {"@type": "PropertyValue", "propertyID": "DOI", "value": source.doi} if source.doi else None,
        "sameAs": f"https://doi.org/{source.doi}" if source.doi else None,
        "url": source.url,
    }
    return {key: value for key, value in described.items() if value}


def dataset_jsonld(site: Site, language: str, site_url: str, files: list[Download]) -> dict:
    """The site's data as a schema.org Dataset, with every file the site offers as a distribution."""
    return {
        "@type": "Dataset",
        "name": labels()["dataset_title"][language],
        "description": labels()["dataset_description"][language],
        "inLanguage": list(LANGUAGES),
        "dateModified": site.site.reviewed,
        "license": LICENCE_URL,
        "isAccessibleForFree": True,
        "distribution": [
            {"@type": "DataDownload", "contentUrl": site_url + file.path, "encodingFormat": file.media_type,
             "name": file.path.rsplit("/", 1)[-1], "contentSize": f"{file.size} B"}
            for file in files
        ],
    }


def page_jsonld(site: Site, source: str, language: str, *, url: str, title: str, description: str | None,
                site_url: str, site_name: str, files: list[Download]) -> dict:
    """A page's JSON-LD; `source` is its Danish Markdown file ('evidence/chime-2011.md'), `url` its address."""
    record = record_of(site, source)
    reviewed = review_date(site, record)  # none for a record nobody has reviewed
    page = {
        "@context": CONTEXT,
        "@type": "MedicalWebPage" if source in KNOWLEDGE_PAGES or record else "WebPage",
        "@id": url,
        "url": url,
        "name": title,
        "description": description,
        "inLanguage": language,
        "isPartOf": {"@type": "WebSite", "name": site_name, "url": site_url + url_prefix(language)},
        "dateModified": reviewed,
        "lastReviewed": reviewed,
        "license": LICENCE_URL,
    }
    if isinstance(record, Source):
        page["mainEntity"] = work(record, site, language)
    elif source == DATASET_PAGE:
        page["mainEntity"] = dataset_jsonld(site, language, site_url, files)
    return {key: value for key, value in page.items() if value}
