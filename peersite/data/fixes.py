"""Mistakes `python -m peersite check --fix` mends by itself: a fixable problem carries the characters to replace at
their place in the data file's text. They are replaced in that text, not re-dumped from the YAML, so comments,
quoting and layout stay byte for byte, and a second run finds nothing to change."""

from dataclasses import dataclass, field
from pathlib import Path

from ..messages import N_
from .problems import Problem

# The end of a message about a mistake that --fix mends.
FIX_HINT = N_(" (make fix does it)")
BOM = "\ufeff"


@dataclass(frozen=True)
class Edit:
    """Characters of the file's text, from `start` to `end`: as they are written (`old`), and as they should be."""

    start: int
    end: int
    old: str
    new: str


@dataclass(frozen=True, order=True)
class FixableProblem(Problem):
    """A problem with the edits that mend it, and what they do, in a few words."""

    edits: tuple[Edit, ...] = field(default=(), compare=False)
    done: str = field(default="", compare=False)


def fixed_text(text: str, edits: list[Edit]) -> str:
    """The text with every edit made; an edit that overlaps one before it, or no longer matches the text, is left out."""
    parts, done_to = [], 0
    for edit in sorted(set(edits), key=lambda edit: (edit.start, edit.end)):
        if edit.start < done_to or text[edit.start:edit.end] != edit.old:
            continue
        parts += [text[done_to:edit.start], edit.new]
        done_to = edit.end
    return "".join(parts) + text[done_to:]


def fix_file(path: Path, problems: list[Problem]) -> list[FixableProblem]:
    """Write the fix of every fixable problem into the file; the problems it mended."""
    fixable = [problem for problem in problems if isinstance(problem, FixableProblem) and problem.edits]
    if fixable:
        text = path.read_bytes().decode("utf-8")
        bom = BOM if text.startswith(BOM) else ""  # places are counted after it, as YAML reads the file
        edits = [edit for problem in fixable for edit in problem.edits]
        path.write_bytes((bom + fixed_text(text.removeprefix(bom), edits)).encode("utf-8"))
    return fixable
