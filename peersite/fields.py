"""Kinds of field in the data file: each checks a value and returns it clean, or notes a problem."""

import datetime
import re
from dataclasses import dataclass, field
from urllib.parse import urlparse

from . import LANGUAGES
from .load import Mark, MarkedDict, MarkedList
from .problems import Problem

LANGUAGE_NAMES = {"da": "Danish", "en": "English"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DOI = re.compile(r"^10\.\d{4,9}/\S+$")
FIRST_YEAR, LAST_YEAR = 1990, 2035


@dataclass(frozen=True)
class BilingualText:
    """A text in every language of the site."""

    da: str
    en: str

    def __getitem__(self, language: str) -> str:
        return getattr(self, language)


@dataclass(frozen=True)
class PendingRef:
    """An id that must name a record of a collection, checked once every collection is read."""

    collection: str
    id: str
    where: str
    mark: Mark


@dataclass
class Checking:
    """What one pass over the data collects: the problems and the references to resolve."""

    problems: list[Problem] = field(default_factory=list)
    refs: list[PendingRef] = field(default_factory=list)

    def problem(self, mark: Mark, where: str, what: str) -> None:
        """Note one problem at a place."""
        self.problems.append(Problem(mark.line, mark.column, where, what))


def describe(value) -> str:
    """Name a wrong value's type the way an editor would."""
    if isinstance(value, MarkedDict):
        return "a mapping"
    if isinstance(value, MarkedList):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (a yes/no value)"
    return f"'{value}'"


def check_mapping(value, where: str, mark: Mark, checking: Checking, expected: str, fix: str) -> bool:
    """Whether value is a mapping; notes keys written twice in it, or that it is no mapping."""
    if not isinstance(value, MarkedDict):
        checking.problem(mark, where, f"expected {expected}, got {describe(value)} — {fix}")
        return False
    for key, repeat, first_line in value.duplicates:
        here = f"{where}.{key}" if where else str(key)
        checking.problem(repeat, here, f"'{key}' is written twice (first on line {first_line}) — keep one of them")
    return True


class Field:
    """A field kind; `required` says whether a record must have it."""

    def __init__(self, required: bool = True):
        self.required = required

    def check(self, value, where: str, mark: Mark, checking: Checking):
        """Return the clean value, or note a problem and return None."""
        raise NotImplementedError


class Str(Field):
    """A plain, non-empty string that is the same in every language."""

    def check(self, value, where, mark, checking):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            checking.problem(mark, where, f"expected text, got {describe(value)} — write it as a quoted string")
            return None
        return value.strip()


class Matching(Str):
    """A string of a set form; subclasses give the pattern and the message when it does not match."""

    pattern: re.Pattern
    mismatch: str

    def check(self, value, where, mark, checking):
        text = super().check(value, where, mark, checking)
        if text is not None and not self.pattern.match(text):
            checking.problem(mark, where, self.mismatch.format(text=text))
            return None
        return text


class Slug(Matching):
    """An id: lower-case ASCII letters, digits and hyphens."""

    pattern = SLUG
    mismatch = "'{text}' is not a valid id — use lower-case a–z, 0–9 and hyphens (write 'ae', 'oe', 'aa' for 'æ', 'ø', 'å')"


class Choice(Str):
    """One of a fixed set of words."""

    def __init__(self, *options: str, required: bool = True):
        super().__init__(required)
        self.options = options

    def check(self, value, where, mark, checking):
        text = super().check(value, where, mark, checking)
        if text is not None and text not in self.options:
            checking.problem(mark, where, f"unknown value '{text}' — use one of: {', '.join(self.options)}")
            return None
        return text


class Int(Field):
    """A whole number, zero or more."""

    def check(self, value, where, mark, checking):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            checking.problem(mark, where, f"expected a whole number, got {describe(value)} — write digits only, like 12")
            return None
        return value


class Year(Int):
    """A plausible year."""

    def check(self, value, where, mark, checking):
        year = super().check(value, where, mark, checking)
        if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
            checking.problem(mark, where, f"{year} is not a plausible year — use a year from {FIRST_YEAR} to {LAST_YEAR}")
            return None
        return year


class Date(Field):
    """A calendar date written YYYY-MM-DD."""

    def check(self, value, where, mark, checking):
        if isinstance(value, datetime.date):
            return value.isoformat()
        try:
            return datetime.date.fromisoformat(str(value)).isoformat()
        except ValueError:
            checking.problem(mark, where, f"expected a date, got {describe(value)} — write it as YYYY-MM-DD, like \"2018-06-01\"")
            return None


class Url(Str):
    """A web address starting with https:// (or http://)."""

    def check(self, value, where, mark, checking):
        text = super().check(value, where, mark, checking)
        if text is None:
            return None
        parts = urlparse(text)
        if parts.scheme not in ("http", "https") or "." not in parts.netloc or " " in text:
            checking.problem(mark, where, f"'{text}' is not a web address — write the full address, like https://example.dk/page (leave the field out if unknown)")
            return None
        return text


class Doi(Matching):
    """A DOI without the resolver prefix, like 10.1186/s13063-022-06670-6."""

    pattern = DOI
    mismatch = "'{text}' is not a DOI — write it like 10.1186/s13063-022-06670-6, without https://doi.org/"


class Text(Field):
    """A text given in every language, each non-empty."""

    def check(self, value, where, mark, checking):
        if not check_mapping(value, where, mark, checking, "a text in both languages",
                             'write it as {da: "…", en: "…"}'):
            return None
        texts = {}
        for language in LANGUAGES:
            name = LANGUAGE_NAMES[language]
            here = f"{where}.{language}"
            if language not in value:
                checking.problem(value.mark, here, f"missing {name} text — add it")
            elif not isinstance(value[language], str) or not value[language].strip():
                checking.problem(value.marks[language], here, f"empty {name} text — write it")
            else:
                texts[language] = value[language].strip()
        for extra in value.keys() - set(LANGUAGES):
            checking.problem(value.marks[extra], f"{where}.{extra}", f"unknown language '{extra}' — use only {' and '.join(LANGUAGES)}")
        return BilingualText(**texts) if len(texts) == len(LANGUAGES) else None


class Ref(Slug):
    """The id of a record in another collection."""

    def __init__(self, collection: str, required: bool = True):
        super().__init__(required)
        self.collection = collection

    def check(self, value, where, mark, checking):
        text = super().check(value, where, mark, checking)
        if text is not None:
            checking.refs.append(PendingRef(self.collection, text, where, mark))
        return text


class ListOf(Field):
    """A list whose items are all of one kind."""

    def __init__(self, item: Field, required: bool = True):
        super().__init__(required)
        self.item = item

    def check(self, value, where, mark, checking):
        if not isinstance(value, MarkedList):
            checking.problem(mark, where, f"expected a list, got {describe(value)} — start each item on its own line with '- '")
            return None
        return [
            self.item.check(item, f"{where}[{index}]", value.marks[index], checking)
            for index, item in enumerate(value)
        ]


def Refs(collection: str, required: bool = True) -> ListOf:
    """A list of ids in another collection."""
    return ListOf(Ref(collection), required=required)


class Record(Field):
    """A mapping with named fields; records with an `id` remember their line for edit links."""

    def __init__(self, required: bool = True, **fields: Field):
        super().__init__(required)
        self.fields = fields

    def check(self, value, where, mark, checking):
        if not check_mapping(value, where, mark, checking, "a record",
                             "write one 'field: value' a line, indented under it"):
            return None
        record = {"line": value.mark.line}
        for name, kind in self.fields.items():
            here = f"{where}.{name}" if where else name
            if name not in value or value[name] is None:
                if kind.required:
                    checking.problem(value.mark, here, f"missing field '{name}' — add it")
                record[name] = [] if isinstance(kind, ListOf) else None
                continue
            record[name] = kind.check(value[name], here, value.marks[name], checking)
        for extra in value.keys() - self.fields.keys():
            here = f"{where}.{extra}" if where else str(extra)
            checking.problem(value.marks[extra], here, f"unknown field '{extra}' — use one of: {', '.join(self.fields)}")
        return record

