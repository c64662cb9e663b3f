"""Records whose facts were last checked against their sources more than 24 months ago. `make check` names
them with their lines as warnings, not errors: the site still builds, and an editor knows what to check again."""

import datetime
from dataclasses import dataclass

from .schema import REVIEWED_COLLECTIONS, Site

STALE_AFTER_YEARS = 2


@dataclass(frozen=True)
class Stale:
    """A record not reviewed for too long: where it is, and the date it was last reviewed (its own or the site's)."""

    line: int
    where: str
    id: str
    reviewed: str
    own_date: bool

    def message(self) -> str:
        """What is old and what to do about it."""
        whose = "" if self.own_date else " (the site's date: the record has no reviewed date of its own)"
        return (f"last reviewed on {self.reviewed}{whose}, more than {STALE_AFTER_YEARS * 12} months ago"
                f" — check '{self.id}' against its sources, then set its reviewed: to that day")

    def format(self, path: str, style: str = "text") -> str:
        """As a `path:LINE: warning:` line, or as a GitHub workflow warning on that line."""
        if style == "github":
            return f"::warning file={path},line={self.line},title={self.where}::{self.message()}"
        return f"{path}:{self.line}: warning: {self.where}: {self.message()}"


def cutoff(today: datetime.date) -> datetime.date:
    """The same day STALE_AFTER_YEARS years before today (28 February for a 29th)."""
    try:
        return today.replace(year=today.year - STALE_AFTER_YEARS)
    except ValueError:
        return today.replace(year=today.year - STALE_AFTER_YEARS, day=28)


def stale_records(site: Site, today: datetime.date) -> list[Stale]:
    """Every model, partnership and source last reviewed (by its own date, else the site's) before the cutoff."""
    oldest = cutoff(today).isoformat()
    return [
        Stale(record.line, f"{collection}[{index}]", record.id, record.reviewed or site.site.reviewed, bool(record.reviewed))
        for collection in REVIEWED_COLLECTIONS
        for index, record in enumerate(getattr(site, collection))
        if (record.reviewed or site.site.reviewed) < oldest
    ]
