"""When content was last checked against its sources, as the pages show it; and records last checked more than 24
months ago, which `make check` names with their lines as warnings, not errors: the site still builds, and an editor
knows what to check again. A model, partnership or source without a review date of its own was never reviewed: its
page says so, and does not borrow the site's date."""

import datetime
from dataclasses import dataclass

from .fields import field_kinds
from ..messages import _
from .schema import REVIEWED_COLLECTIONS, Site

# The records that are reviewed one by one: a model, a partnership, a source.
OWN_REVIEW = tuple(field_kinds(Site)[collection].item.record_class for collection in REVIEWED_COLLECTIONS)

STALE_AFTER_YEARS = 2


@dataclass(frozen=True)
class Stale:
    """A record not reviewed for too long: where it is, and the date it was last reviewed."""

    line: int
    where: str
    id: str
    reviewed: str

    def message(self) -> str:
        """What is old and what to do about it."""
        return _("last reviewed on {reviewed}, more than {months} months ago — check '{id}' against its sources, then set its"
                 " reviewed: to that day", reviewed=self.reviewed, months=STALE_AFTER_YEARS * 12, id=self.id)

    def format(self, path: str, style: str = "text") -> str:
        """As a `path:LINE: warning:` line, or as a GitHub workflow warning on that line."""
        if style == "github":
            return f"::warning file={path},line={self.line},title={self.where}::{self.message()}"
        warning = _("warning")
        return f"{path}:{self.line}: {warning}: {self.where}: {self.message()}"


def cutoff(today: datetime.date) -> datetime.date:
    """The same day STALE_AFTER_YEARS years before today (28 February for a 29th)."""
    try:
        return today.replace(year=today.year - STALE_AFTER_YEARS)
    except ValueError:
        return today.replace(year=today.year - STALE_AFTER_YEARS, day=28)


def review_date(site: Site, record=None) -> str | None:
    """The day a page says its content was last reviewed: the record's own date; none for a model, partnership or
    source without one (nobody reviewed it); else, for a page or section of the site, the site's date."""
    if record is not None and record.reviewed:
        return record.reviewed
    return None if isinstance(record, OWN_REVIEW) else site.site.reviewed


def stale_records(site: Site, today: datetime.date) -> list[Stale]:
    """Every model, partnership and source last reviewed before the cutoff."""
    oldest = cutoff(today).isoformat()
    return [
        Stale(record.line, f"{collection}[{index}]", record.id, record.reviewed)
        for collection in REVIEWED_COLLECTIONS
        for index, record in enumerate(getattr(site, collection))
        if record.reviewed and record.reviewed < oldest
    ]
