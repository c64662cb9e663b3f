"""Located problems in the data file, and the error that carries them."""

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in the data file, at a line and column (both counted from 1)."""

    line: int
    column: int
    where: str
    what: str

    def format(self, path: str) -> str:
        """Render as `path:LINE:COL: where: what`."""
        where = f"{self.where}: " if self.where else ""
        return f"{path}:{self.line}:{self.column}: {where}{self.what}"


class DataError(Exception):
    """The data file cannot be used: carries every problem found."""

    def __init__(self, path: str, problems: list[Problem]):
        self.path = path
        self.problems = sorted(problems)
        super().__init__(self.report())

    def report(self) -> str:
        """All problems, one a line, then a count."""
        lines = [problem.format(self.path) for problem in self.problems]
        count = len(self.problems)
        lines.append(f"{count} error{'s' if count != 1 else ''} in {self.path}; nothing was built.")
        return "\n".join(lines)
