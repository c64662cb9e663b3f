"""Located problems in the data file and the hand-written pages, and the error that carries them."""

import re
from dataclasses import dataclass

from ..messages import _, ngettext

CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str) -> str:
    """Text with its line breaks and other control characters shown as escapes, so a message stays one line."""
    return CONTROL.sub(lambda match: repr(match.group())[1:-1], text)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong at a line and column (both counted from 1) of the data file, or of `path`."""

    line: int
    column: int
    where: str
    what: str
    path: str | None = None

    def format(self, path: str, warning: bool = False) -> str:
        """Render as `path:LINE:COL: where: what` (with `warning: ` before `where` for what does not stop a build)."""
        where = f"{one_line(self.where)}: " if self.where else ""
        warned = _("warning") + ": " if warning else ""
        return f"{self.path or path}:{self.line}:{self.column}: {warned}{where}{one_line(self.what)}"

    def annotation(self, path: str, warning: bool = False) -> str:
        """Render as a GitHub workflow command, so that the problem shows on its line of a pull request."""
        def escape(text: str, properties: bool = False) -> str:
            text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            return text.replace(":", "%3A").replace(",", "%2C") if properties else text
        title = f",title={escape(one_line(self.where), True)}" if self.where else ""
        return f"::{'warning' if warning else 'error'} file={escape(self.path or path, True)},line={self.line},col={self.column}{title}::{escape(one_line(self.what))}"


class DataError(Exception):
    """The data file cannot be used: carries every problem found."""

    def __init__(self, path: str, problems: list[Problem]):
        self.path = path
        self.problems = sorted(problems, key=lambda problem: (problem.path or "", problem.line, problem.column))
        super().__init__(self.report())

    def report(self, style: str = "text") -> str:
        """All problems, one a line (as text, or as GitHub annotations), then a count."""
        lines = [problem.annotation(self.path) if style == "github" else problem.format(self.path) for problem in self.problems]
        count = len(self.problems)
        lines.append(ngettext("{count} error in {path}; nothing was built.", "{count} errors in {path}; nothing was built.", count, path=self.path))
        return "\n".join(lines)
