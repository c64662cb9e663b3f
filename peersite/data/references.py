"""Which reference fields each kind of source takes: the one table that the source pages, the citation files
(CSL-JSON, BibTeX, RIS) and the data check read.

A kind *expects* some fields: its page always shows them, and says "not stated in the sources" where the data
has nothing. It *may* have others: shown only where the data gives them. Any other reference field on a source
of that kind is a mistake the check reports (a talk has no web address, a web page no journal).
"""

from dataclasses import dataclass

# The fields of a source's reference, in the order its page shows them.
REFERENCE_FIELDS = (
    "authors", "original_title", "year", "published", "journal", "volume", "issue", "pages", "number",
    "publisher", "organiser", "doi", "url", "accessed", "closed", "successor", "parts", "linked_from",
)
# Fields shown in the row of another: organisations named as authors stand with the people.
SHOWN_WITH = {"author_organisations": "authors"}
# Where a reader finds the work: a source with none of these gets a line on how to ask for it.
ADDRESS_FIELDS = ("doi", "url", "linked_from")
# What a material that points at a source takes from it (by the material's field, the source's field): each fact
# is written once, on the source.
FROM_SOURCE = {"publisher": "publisher", "publisher_name": "publisher", "year": "year", "url": "url", "models": "models"}
# Whom to ask for a work without an address, in this order: organisations only, as the data names them.
ASK = ("publisher", "organiser", "author_organisations")


@dataclass(frozen=True)
class WorkKind:
    """A kind of work: what citation programs call it (a CSL type), the fields its reference always shows,
    and those it may have."""

    csl_type: str
    expected: tuple[str, ...]
    optional: tuple[str, ...] = ()

    def takes(self, field: str) -> bool:
        """Whether a reference of this kind has the field (or the row it is shown in)."""
        row = SHOWN_WITH.get(field, field)
        return row in self.expected or row in self.optional


JOURNAL_ARTICLE = WorkKind(
    "article-journal",
    expected=("authors", "original_title", "year", "journal", "volume", "issue", "pages", "doi"),
    optional=("published", "url", "accessed"),
)
REPORT = WorkKind(
    "report",
    expected=("authors", "original_title", "year", "publisher"),
    optional=("published", "number", "doi", "url", "accessed", "closed", "successor", "linked_from"),
)
WEB_PAGE = WorkKind(
    "webpage",
    expected=("authors", "original_title", "year", "publisher"),
    optional=("published", "url", "accessed", "closed", "successor"),
)

# In the order `make check` lists them to an editor.
WORK_KINDS = {
    "rct": JOURNAL_ARTICLE,
    "protocol": JOURNAL_ARTICLE,
    "evaluation": REPORT,
    "status-report": REPORT,
    # As Cochrane publishes one: the database and the review's own number, no volume, issue or pages.
    "review": WorkKind(
        "article-journal",
        expected=("authors", "original_title", "year", "journal", "number", "doi"),
        optional=("published", "url"),
    ),
    "meta-analysis": JOURNAL_ARTICLE,
    "framework": JOURNAL_ARTICLE,
    "catalogue": REPORT,
    "knowledge-portal": WorkKind("webpage", WEB_PAGE.expected, WEB_PAGE.optional + ("parts",)),
    # Given to an audience: an organiser, no publisher, and no address of its own.
    "talk": WorkKind("speech", expected=("authors", "original_title", "year", "organiser"), optional=("published",)),
    # In a magazine or the trade press: the magazine, no DOI.
    "article": WorkKind(
        "article-magazine",
        expected=("authors", "original_title", "year", "journal"),
        optional=("published", "volume", "issue", "pages", "url", "accessed"),
    ),
    "report": REPORT,
    "web-page": WEB_PAGE,
    "guide": REPORT,
    "journal-article": JOURNAL_ARTICLE,  # a journal article that reports no study of its own
}


def shown_fields(source) -> list[str]:
    """The reference rows a source's page shows: every field its kind expects, and those it may have where given."""
    kind = WORK_KINDS[source.kind]
    return [
        field for field in REFERENCE_FIELDS
        if field in kind.expected or (field in kind.optional and getattr(source, field))
    ]


def has_address(work) -> bool:
    """Whether a reader can reach the work (a source or a material) through a DOI or a web address."""
    return any(getattr(work, field, None) for field in ADDRESS_FIELDS)


def whom_to_ask(work) -> tuple[str, str] | None:
    """For a work without an address: the organisation to ask for it, as (its role, its id), or None when the
    data names none (its publisher, else the organiser of a talk, else an organisation that wrote it)."""
    for role in ASK:
        value = getattr(work, role, None)
        if value:
            return role, value[0] if isinstance(value, list) else value
    return None


def facts_of(material, sources: dict):
    """The record that holds a material's publisher, year, address and models: the source it points at, else the material."""
    return sources.get(material.evidence, material)
