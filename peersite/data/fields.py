"""Kinds of field in the data file: each checks a value and returns it clean, or notes a problem,
and describes itself as JSON Schema so that editors' tools can check the file while it is typed.

A record declares each field once, as its kind (`title = Text(label=…)`): `record()` writes the dataclass's
annotations from the kinds' Python types, so the two cannot disagree, and `field_kinds()` is where everything reads
them. Not pydantic: its messages are not the located instructions editors get, and ours are pinned byte for byte.
"""

import dataclasses
import datetime
import difflib
import re
from dataclasses import dataclass, field

from .. import LANGUAGE_NAMES, LANGUAGES
from .addresses import MAIL_LIKE, address_problem, host_problem
from .characters import (describe_character, hidden_character_fix, hidden_character_replacement, hidden_characters,
                         odd_spaces, quotation_marks_fix, stray_quotes, wrong_quotation_marks)
from .fixes import FIX_HINT, Edit, FixableProblem
from .load import Mark, MarkedDict, MarkedList, position
from ..pages.markup import REFUSED, markup_problem
from ..messages import N_, _, ngettext
from .problems import Problem
from .yaml_lines import pasted_quotes

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
DOI = r"^10\.\d{4,9}/\S+$"
URL = r"^https?://\S+$"  # the host is checked by peersite/data/addresses.py
EMAIL = r"^[^\s@()\[\]<>,;:]+@[^\s@()\[\]<>,;:]+\.[A-Za-z]{2,}$"
SITE_NAME = r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$"
# A Danish number as a source writes it: 8 digits, spaces allowed between them, after +45 or not, or a service
# number of 3 or 4 digits (112, 1813, 1818).
PHONE = r"^(?:(?:\+45 ?)?[2-9](?: ?[0-9]){7}|1[0-9]{2,3})$"
FIRST_YEAR, LAST_YEAR = 1990, 2035
# Characters in one text: the longest real text has about 450. Markdown handles each escaped character with a
# pass over the rest of its paragraph, so the build's time grows with the square of a text's length: the cap keeps
# a pasted document from stalling it.
LONGEST_TEXT = 2_000
MERGE_KEY_FIX = N_("'<<' would copy the fields of another mapping here (a YAML 1.1 merge key), which this file does not use"
                    " — write each field out in full")


@dataclass(frozen=True)
class BilingualText:
    """A text in every language of the site."""

    da: str
    en: str

    def __getitem__(self, language: str) -> str:
        return getattr(self, language)


class PhoneNumber(str):
    """A Danish phone number as written ("70 201 201", "1813"), with the form a tel: or sms: link needs."""

    @property
    def digits(self) -> str:
        """The number without its spaces."""
        return "".join(self.split())

    @property
    def tel(self) -> str:
        """The number as a tel: or sms: link dials it: +45 and 8 digits, or a service number as it is."""
        return f"+45{self.digits}" if len(self.digits) == 8 else self.digits


@dataclass(frozen=True)
class PendingRef:
    """An id that must name a record of a collection, checked once every collection is read."""

    collection: str
    id: str
    where: str
    mark: Mark


@dataclass
class Checking:
    """What one pass over the data collects: problems, references to resolve, and what could not be read."""

    problems: list[Problem] = field(default_factory=list)
    refs: list[PendingRef] = field(default_factory=list)
    # Places whose value could not be read: mistakes that follow from them are not reported.
    unreadable: set[str] = field(default_factory=set)
    # The data file's text, to point at a character inside a value.
    source: str = ""

    def __post_init__(self):
        # Smart quotes around a value are a mistake in the file's text: the values were read without them.
        self.problems[:0] = pasted_quotes(self.source)

    def problem(self, mark: Mark, where: str, what: str) -> None:
        """Note one problem at a place."""
        self.problems.append(Problem(mark.line, mark.column, where, what))

    def checked_text(self, text: str, mark: Mark, where: str, language: str | None = None) -> str | None:
        """A text as the site uses it, one paragraph on one line; or None, noting what it may not hold: too many
        characters, a hidden character (at its own line and column where it is written as itself) or markup. Spaces
        other than the ordinary one and quotation marks not of the text's language are noted, with their fix."""
        if len(text) > LONGEST_TEXT:
            self.problem(mark, where, _("the text is {length:,} characters long; a text here holds at most {longest:,}"
                                        " — shorten it, or split it between records", length=len(text), longest=LONGEST_TEXT))
            return None
        if spaces := odd_spaces(text):
            named = ", ".join(dict.fromkeys(describe_character(text[index]) for index in spaces))
            self.character_problem(text, mark, where, {index: " " for index in spaces},
                                   N_("{named} {at} — write an ordinary space: the page shows one anyway, and most editors show"
                                      " no difference"), N_("wrote an ordinary space for {named}"), named=named)
        marks = wrong_quotation_marks(text, language) if language else []
        if marks:
            wrong = " ".join(dict.fromkeys(text[index] for index, _ in marks))
            self.character_problem(text, mark, where, dict(marks),
                                   N_("the quotation marks {wrong} {at} are not {language} ones — {fix}"),
                                   N_("wrote {right} for {wrong}"), wrong=wrong, language=_(LANGUAGE_NAMES[language]),
                                   fix=quotation_marks_fix(language), right=" ".join(dict.fromkeys(new for _index, new in marks)))
        if hidden := hidden_characters(text):
            character = text[hidden[0]]
            self.character_problem(text, mark, where, {index: hidden_character_replacement(text[index]) for index in hidden},
                                   N_("{character} {at} — {fix}"),
                                   N_("removed {character} and the others") if len(hidden) > 1 else N_("removed {character}"),
                                   character=describe_character(character), fix=hidden_character_fix(character))
            return None
        if found := markup_problem(text):
            index, what = found
            self.problems.append(Problem(*self.place(text, mark, index)[:2], where, what))
            return None
        if stray := stray_quotes(text, {index for index, _ in marks}):
            # No fix: a quote left over from the quotes around the text goes, one that quotes needs its partner.
            self.character_problem(text, mark, where, dict.fromkeys(stray, '"'),
                                   N_("a straight \" {at} does not open or close a quotation — remove it if it is left over from"
                                      " the quotes around the text; a quotation in a text is written »…« in Danish, “…” in English"),
                                   None)
        return " ".join(text.split())

    def place(self, text: str, mark: Mark, index: int) -> tuple[int, int, dict | None]:
        """The line and column of a text's character (by its index in the text), and where each of its characters is
        written (written_at); the value's own place, and None, where the text is not written character for character."""
        spans = written_at(self.source, text, mark)
        return (*position(self.source, spans[index][0]), spans) if spans else (mark.line, mark.column, None)

    def character_problem(self, text: str, mark: Mark, where: str, replacements: dict[int, str], what: str,
                          done: str | None, **values) -> None:
        """Note characters of a text to replace (by their index in it), at the first one's own line and column (where
        the message `what` says {at}), with the edits that replace each one in the file and what they do (`done`);
        without edits where no replacement is sure (`done` None)."""
        line, column, spans = self.place(text, mark, first := min(replacements))
        at = _("at column {column}", column=column) if spans else _("at character {number} of the text", number=first + 1)
        if len(replacements) > 1:
            at = ngettext("{at} (and {count} more in this text)", "{at} (and {count} more in this text)", len(replacements) - 1, at=at)
        edits = tuple(Edit(*spans[index], self.source[slice(*spans[index])], new)
                      for index, new in replacements.items()) if spans and done else ()
        what = _(what, at=at, **values) + (_(FIX_HINT) if edits else "")
        self.problems.append(FixableProblem(line, column, where, what, edits=edits, done=_(done, **values) if done else ""))


# A character a double-quoted value writes with a backslash: \x41, \u00a0, \U0001F600 (by its number), or \n, \" …
ESCAPE = re.compile(r"\\(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|[^\r\n])")


def written_at(source: str, text: str, mark: Mark) -> dict[int, tuple[int, int]] | None:
    """Where each character of a value stands in the file's text, as (start, end): the character itself, a doubled
    ' in single quotes, or an escape in double quotes. None when the value does not stand character for character
    (it goes over several lines)."""
    if mark.start is None:
        return None
    quoted = mark.style in ('"', "'")
    index, stop, spans = mark.start + quoted, mark.end - quoted, {}
    for number, character in enumerate(text):
        escape = ESCAPE.match(source, index, stop) if mark.style == '"' else None
        if escape:
            code = next((group for group in escape.groups() if group), None)
            if code is not None and chr(int(code, 16)) != character:
                return None
            step = escape.end() - index
        elif source[index:index + 2] == "''" and mark.style == "'" and character == "'":
            step = 2
        elif source[index:index + 1] == character:
            step = 1
        else:
            return None
        spans[number] = (index, index + step)
        index += step
    return spans if index == stop else None


def describe(value, mark: Mark | None = None) -> str:
    """Name a wrong value the way an editor would: as written in the file, and what YAML made of it."""
    written = mark.written if mark is not None else None
    if written is not None and isinstance(value, (bool, int, float)) and written != str(value):
        meaning = _("{value} (a yes/no value)", value=str(value).lower()) if isinstance(value, bool) else _("the number {value}", value=value)
        return _("'{written}', which YAML reads as {meaning}", written=written, meaning=meaning)
    if isinstance(value, MarkedDict):
        return _("a mapping")
    if isinstance(value, MarkedList):
        return _("a list")
    if value is None:
        return _("nothing")
    if isinstance(value, bool):
        return _("'{value}' (a yes/no value)", value=str(value).lower())
    if isinstance(value, str):
        return _("a text ('{value}')", value=value)
    return f"'{value}'"


def quote_it(mark: Mark) -> str:
    """How to make YAML read a value as text: in quotes, as the editor wrote it."""
    return _('put it in quotes: "{written}"', written=mark.written) if mark.written else _("write it as a quoted string")


def suggestion(word, options) -> str:
    """"did you mean …? " for the option closest to a mistyped word, or ""."""
    match = difflib.get_close_matches(str(word), [str(option) for option in options], n=1)
    return _("did you mean '{option}'? ", option=match[0]) if match else ""


class Field:
    """A field kind; `required` says whether a record must have it, `noun` what a list of them holds. `label` names
    the field and `description` says in plain Danish what to write in it: the form at /admin/ shows both
    (peersite/editing/cms.py), and the JSON Schema gives the description to editors' tools."""

    # How a value of this kind is written, in Danish, for the form's message when it does not match.
    written_as = ""
    noun = N_("values")
    python_type: object = object  # what a clean value is

    def annotation(self):
        """The type a record's field of this kind holds: a field that may be left out holds None then."""
        return self.python_type if self.required else self.python_type | None

    def __init__(self, required: bool = True, *, label: str = "", description: str = ""):
        self.required = required
        self.label = label
        self.description = description

    def check(self, value, where: str, mark: Mark, checking: Checking):
        """Return the clean value, or note a problem and return None."""
        raise NotImplementedError

    def json_schema(self, definitions: dict) -> dict:
        """The same rule for JSON Schema validators, as far as JSON Schema can say it; shared parts go
        into `definitions` and are referred to."""
        raise NotImplementedError


class Str(Field):
    """A plain, non-empty text that is the same in every language."""

    noun = N_("texts")
    python_type = str

    def check(self, value, where, mark, checking):
        if not isinstance(value, str) or not value.strip():
            checking.problem(mark, where, _("expected text, got {got} — {fix}", got=describe(value, mark), fix=quote_it(mark)))
            return None
        return checking.checked_text(value, mark, where)

    def json_schema(self, definitions):
        return {"type": "string", "pattern": r"\S", "maxLength": LONGEST_TEXT, "not": {"pattern": REFUSED.pattern}}


class Matching(Str):
    """A text of a set form; subclasses give the pattern, the message when it does not match, and what else can
    be wrong with a text of that form."""

    pattern: str
    mismatch: str

    def problem_with(self, text: str) -> str | None:
        """What is wrong with a text that has the form; None when nothing is."""
        return None

    def check(self, value, where, mark, checking):
        text = super().check(value, where, mark, checking)
        if text is None:
            return None
        if problem := self.problem_with(text) if re.match(self.pattern, text) else _(self.mismatch, text=text):
            checking.problem(mark, where, problem)
            return None
        return text

    def json_schema(self, definitions):
        return {**super().json_schema(definitions), "pattern": self.pattern}


class Slug(Matching):
    """An id: lower-case ASCII letters, digits and hyphens."""

    noun = N_("ids")
    pattern = SLUG
    written_as = "med små bogstaver a–z, tal og bindestreger, fx peer-guide (ae, oe og aa for æ, ø og å)"
    mismatch = N_("'{text}' is not a valid id — use lower-case a–z, 0–9 and hyphens (write 'ae', 'oe', 'aa' for 'æ', 'ø', 'å')")

    def check(self, value, where, mark, checking):
        parts = value.split() if isinstance(value, str) else []
        if len(parts) > 1 and all(re.match(self.pattern, part) for part in parts):  # [a b], or a-b written with spaces
            checking.problem(mark, where, _("'{text}' contains a space, but an id cannot contain spaces — if these are {count}"
                                            " ids, write a comma between them: {listed}; if it is one, write hyphens for the"
                                            " spaces: {one}",
                                            text=value, count=len(parts), listed=", ".join(parts), one="-".join(parts)))
            return None
        return super().check(value, where, mark, checking)


class Doi(Matching):
    """A DOI without the resolver prefix, like 10.1186/s13063-022-06670-6."""

    pattern = DOI
    written_as = "uden https://doi.org/ foran, fx 10.1186/s13063-022-06670-6"
    mismatch = N_("'{text}' is not a DOI — write it like 10.1186/s13063-022-06670-6, without https://doi.org/")


class Url(Matching):
    """A web address starting with https:// (or http://), to a registered domain (peersite/data/addresses.py)."""

    pattern = URL
    written_as = "som en hel adresse, fx https://example.dk/side"
    mismatch = N_("'{text}' is not a web address — write the full address, like https://example.dk/page"
                  " (leave the field out if unknown)")

    def problem_with(self, text):
        return address_problem(text)


class Email(Matching):
    """An e-mail address, without mailto:."""

    pattern = EMAIL
    written_as = "som en e-mailadresse uden mailto:, fx redaktion@example.dk"
    mismatch = N_("'{text}' is not an e-mail address — write it like redaktion@example.dk, without mailto:")

    def problem_with(self, text):
        return host_problem(text.rsplit("@", 1)[1], MAIL_LIKE)


class SiteName(Matching):
    """A web site's name as a source gives it, like regionh.dk: for a fact whose exact page is not known."""

    noun = N_("site names")
    pattern = SITE_NAME
    written_as = "som sidens navn alene, fx regionh.dk"
    mismatch = N_("'{text}' is not a site name — write only the site's name, like regionh.dk"
                  " (a page's full address goes in url:)")

    def problem_with(self, text):
        return host_problem(text)


def site_address(site: str) -> str:
    """Where a link to a site named without its page leads: the site's root, https://regionh.dk/."""
    return f"https://{site}/"


class Phone(Matching):
    """A Danish phone number as the source writes it: 8 digits, grouped by spaces, or a 3–4-digit service number."""

    noun = N_("phone numbers")
    python_type = PhoneNumber
    pattern = PHONE
    written_as = "med 8 cifre, grupperet som kilden skriver dem, fx 70 201 201, eller som et servicenummer, fx 1813"
    mismatch = N_("'{text}' is not a Danish phone number — write its 8 digits as the source groups them, like"
                  " \"70 201 201\" (+45 before them if the source writes it), or a service number of 3 or 4 digits, like \"1813\"")

    def check(self, value, where, mark, checking):
        if isinstance(value, int) and not isinstance(value, bool):
            checking.problem(mark, where, _("expected a phone number in quotes, got {got} — write it as \"{number}\"",
                                            got=describe(value, mark), number=mark.written or value))
            return None
        number = super().check(value, where, mark, checking)
        return PhoneNumber(number) if number is not None else None


class Choice(Str):
    """One of a fixed set of words."""

    noun = N_("words")

    def __init__(self, *options: str, required: bool = True, label: str = "", description: str = ""):
        super().__init__(required, label=label, description=description)
        self.options = options

    def check(self, value, where, mark, checking):
        text = super().check(value, where, mark, checking)
        if text is not None and text not in self.options:
            checking.problem(mark, where, _("unknown value '{value}' — {suggestion}use one of: {options}", value=text,
                                            suggestion=suggestion(text, self.options), options=", ".join(self.options)))
            return None
        return text

    def json_schema(self, definitions):
        return {"enum": list(self.options)}


class Int(Field):
    """A whole number, zero or more."""

    noun = N_("numbers")
    python_type = int

    def check(self, value, where, mark, checking):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            # Digits in quotes are a text to YAML: the editor wrote the number, and only the quotes are wrong.
            quoted = isinstance(value, str) and value.strip().isdigit()
            fix = _("write the number without the quotes") if quoted else _("write digits only, like 12")
            checking.problem(mark, where, _("expected a whole number, got {got} — {fix}", got=describe(value, mark), fix=fix))
            return None
        return value

    def json_schema(self, definitions):
        return {"type": "integer", "minimum": 0}


class Year(Int):
    """A plausible year."""

    noun = N_("years")

    def check(self, value, where, mark, checking):
        year = super().check(value, where, mark, checking)
        if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
            checking.problem(mark, where, _("{year} is not a plausible year — use a year from {first} to {last}",
                                            year=mark.written or year, first=FIRST_YEAR, last=LAST_YEAR))
            return None
        return year

    def json_schema(self, definitions):
        return {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR}


class PublishedYear(Year):
    """The year a work came out: not one still to come."""

    def check(self, value, where, mark, checking):
        year = super().check(value, where, mark, checking)
        if year is not None and year > datetime.date.today().year:
            checking.problem(mark, where, _("{year} is still to come — write the year the work came out, this year at the"
                                            " latest", year=year))
            return None
        return year


DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def checked_day(value, where: str, mark: Mark, checking: Checking, expected: str) -> str | None:
    """A day written YYYY-MM-DD, as written; or None, noting why not: a hidden character (named at its column: "expected a
    date, got '2026-12-04'" would show nothing wrong), a day the calendar does not have, or another form (`expected`)."""
    if isinstance(value, str) and (value := checking.checked_text(value, mark, where)) is None:
        return None
    if not isinstance(value, str) or not DAY.fullmatch(value):
        checking.problem(mark, where, _(expected, got=describe(value, mark)))
        return None
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        checking.problem(mark, where, _("{day} is not a day of the calendar — check the month (01 to 12) and the day", day=value))
        return None


class Date(Field):
    """A calendar date written YYYY-MM-DD, in quotes."""

    written_as = "som ÅÅÅÅ-MM-DD, fx 2018-06-01"
    noun = N_("dates")
    python_type = str  # as written, YYYY-MM-DD

    def check(self, value, where, mark, checking):
        return checked_day(value, where, mark, checking,
                           N_("expected a date, got {got} — write it as YYYY-MM-DD, like \"2018-06-01\""))

    def json_schema(self, definitions):
        return {"type": "string", "pattern": f"^{DAY.pattern}$"}


class PageDate(Field):
    """The date a web page gives itself: a year, like 2019, or a day written YYYY-MM-DD, in quotes."""

    written_as = "som et årstal, fx 2019, eller som ÅÅÅÅ-MM-DD, fx 2022-05-25"
    noun = N_("dates")
    python_type = str | int

    def check(self, value, where, mark, checking):
        if isinstance(value, int) and not isinstance(value, bool):
            return Year().check(value, where, mark, checking)
        return checked_day(value, where, mark, checking, N_("expected a year or a date, got {got}"
                                                            " — write a year, like 2019, or a day as YYYY-MM-DD, like \"2022-05-25\""))

    def json_schema(self, definitions):
        return {"anyOf": [Year().json_schema(definitions), Date().json_schema(definitions)]}


class ReviewDate(Date):
    """The day content was last checked against its sources: not a day still to come."""

    def check(self, value, where, mark, checking):
        date = super().check(value, where, mark, checking)
        if date is not None and date > datetime.date.today().isoformat():
            checking.problem(mark, where, _("{date} is in the future — write the day the content was checked, today at the latest", date=date))
            return None
        return date


class Text(Field):
    """A text given in every language, each non-empty."""

    noun = N_("texts in both languages")
    python_type = BilingualText

    def check(self, value, where, mark, checking):
        if not is_mapping(value, where, mark, checking, _("a text in both languages"), _('write it as {{da: "…", en: "…"}}')):
            return None
        texts = {}
        for language in LANGUAGES:
            name, here = _(LANGUAGE_NAMES[language]), f"{where}.{language}"
            text = value.get(language)
            if language not in value:
                if not any(key in LANGUAGES for key, *_ in value.duplicates):  # said where the other is written twice
                    checking.problem(value.mark, here, _("missing {language} text — add it", language=name))
            elif isinstance(text, (bool, int, float)):
                checking.problem(value.marks[language], here, _("expected the {language} text, got {got} — {fix}", language=name,
                                                                 got=describe(text, value.marks[language]), fix=quote_it(value.marks[language])))
            elif not isinstance(text, str) or not text.strip():
                checking.problem(value.marks[language], here, _("empty {language} text — write it", language=name))
            elif (checked := checking.checked_text(text, value.marks[language], here, language)) is not None:
                texts[language] = checked
        field_name = where.rsplit(".", 1)[-1]
        for extra in value.keys() - set(LANGUAGES):
            languages = _(" and ").join(LANGUAGES)
            checking.problem(value.key_marks[extra], f"{where}.{extra}", _(
                "unknown language '{language}' — use only {languages}; if '{language}' is a field of its own, indent it as"
                " far as '{field}:'", language=extra, languages=languages, field=field_name) if "[" not in field_name
                else _("unknown language '{language}' — use only {languages}", language=extra, languages=languages))
        return BilingualText(**texts) if len(texts) == len(LANGUAGES) else None

    def json_schema(self, definitions):
        text = Str().json_schema(definitions)
        definitions["text"] = {
            "type": "object",
            "description": (self.__doc__ or "").strip(),
            "properties": {language: text for language in LANGUAGES},
            "required": list(LANGUAGES),
            "additionalProperties": False,
        }
        return {"$ref": "#/definitions/text"}


class Ref(Slug):
    """The id of a record in another collection."""

    def __init__(self, collection: str, required: bool = True, label: str = "", description: str = ""):
        super().__init__(required, label=label, description=description)
        self.collection = collection

    def check(self, value, where, mark, checking):
        text = super().check(value, where, mark, checking)
        if text is not None:
            checking.refs.append(PendingRef(self.collection, text, where, mark))
        return text


class ListOf(Field):
    """A list whose items are all of one kind (a field kind or a record class), with at least `at_least` items."""

    def __init__(self, item, required: bool = True, at_least: int = 0, label: str = "", description: str = ""):
        super().__init__(required, label=label, description=description)
        self.item = kind_of(item)
        self.at_least = at_least
        self.python_type = list[self.item.python_type]

    def annotation(self):
        """A list, empty where the field is left out."""
        return self.python_type

    def check(self, value, where, mark, checking):
        if not isinstance(value, MarkedList):
            checking.problem(mark, where, _("expected a list of {items}, got {got} — start each item on its own line with '- '",
                                            items=plural_noun(self.item), got=describe(value, mark)))
            return None
        if len(value) < self.at_least:
            checking.problem(mark, where, ngettext("the list needs at least {count} item, it has {items}"
                                                   " — add each on its own line starting with '- '",
                                                   "the list needs at least {count} items, it has {items}"
                                                   " — add each on its own line starting with '- '", self.at_least, items=len(value)))
            return None
        return [self.item.check(item, f"{where}[{index}]", value.marks[index], checking) for index, item in enumerate(value)]

    def json_schema(self, definitions):
        schema = {"type": "array", "items": self.item.json_schema(definitions)}
        return {**schema, "minItems": self.at_least} if self.at_least else schema


def plural_noun(kind: Field) -> str:
    """What a list of a field kind holds, in the language spoken: 'texts', 'models'."""
    if isinstance(kind, RecordOf):
        return ngettext(kind.record_class.noun, kind.record_class.plural, 2)
    return _(kind.noun)


def Refs(collection: str, required: bool = True, at_least: int = 0, label: str = "", description: str = "") -> ListOf:
    """A list of ids in another collection."""
    return ListOf(Ref(collection), required=required, at_least=at_least, label=label, description=description)


def is_mapping(value, where: str, mark: Mark, checking: Checking, expected: str, fix: str) -> bool:
    """Whether value is a mapping; notes keys written twice in it, or that it is no mapping."""
    if not isinstance(value, MarkedDict):
        checking.problem(mark, where, _("expected {expected}, got {got} — {fix}", expected=expected, got=describe(value, mark), fix=fix))
        return False
    first_key = next(iter(value), None)
    for key, repeat, first_line in value.duplicates:
        if key == first_key and where.endswith("]"):
            # A list item's first field again: a new item whose '- ' is missing, read as more of this one. What its
            # fields repeat, and whatever refers to the list's records, follows from that and is not reported.
            checking.problem(repeat, join(where, key), _(
                "'{key}' is written a second time in the record from line {line}, so YAML reads this line and those after"
                " it as more of that record — if a new record begins here, begin its first line with '- ', as line {line}"
                " does", key=key, line=value.mark.line))
            checking.unreadable.add(where.rsplit("[", 1)[0])
            break
        if key in LANGUAGES and (missing := [language for language in LANGUAGES if language not in value]):
            # A text copied to make the other language's, and its name left as it was.
            checking.problem(repeat, join(where, key), _(
                "'{key}' is written twice (first on line {line}) — if this is the {language} text, write '{missing}:' here"
                " instead", key=key, line=first_line, language=_(LANGUAGE_NAMES[missing[0]]), missing=missing[0]))
            continue
        checking.problem(repeat, join(where, key), _("'{key}' is written twice (first on line {line}) — keep one of them", key=key, line=first_line))
    return True


def join(where: str, name) -> str:
    """The path of a field inside a place: `models[0].name`, or `models` at the top; odd names quoted."""
    name = str(name) if re.fullmatch(r"[\w-]+", str(name)) else repr(name)
    return f"{where}.{name}" if where else name


# Records --------------------------------------------------------------------------------------------

@dataclass(frozen=True, kw_only=True)
class Located:
    """A record read from the data file, with the line it starts on (for edit links and messages)."""

    line: int = field(default=0, compare=False)
    # Where each field's name is written, for messages about a record after it is checked.
    key_marks: dict = field(default_factory=dict, compare=False, repr=False)


def record(noun: str, plural: str, label_singular: str = ""):
    """Turn a class whose attributes are field kinds, its own and its bases', into a frozen record of those fields,
    typed by their kinds; `label_singular` is what the form at /admin/ calls one record, in Danish ("Tilføj model")."""

    def make(cls):
        if typed := list(vars(cls).get("__annotations__", {})):
            raise TypeError(f"{cls.__name__}: {', '.join(typed)} declared with an annotation — declare each field once,"
                            " as its kind only (`title = Text(label=…)`): the record takes its type from the kind")
        kinds = declared_kinds(cls)
        cls.__annotations__ = {name: kind.annotation() for name, kind in kinds.items()}
        for name, kind in kinds.items():
            setattr(cls, name, field(metadata={"kind": kind}))
        cls.noun, cls.plural, cls.label_singular = noun, plural, label_singular
        return dataclass(frozen=True, kw_only=True)(cls)

    return make


def declared_kinds(cls) -> dict[str, Field]:
    """The field kinds a class declares, its own in order, then each base's. A base's fields stay together: where the
    class declares one of them again (with its own kind), else after the class's own."""
    kinds = {name: kind for name, kind in vars(cls).items() if isinstance(kind, Field)}
    for base in cls.__mro__[1:]:
        group = {name: kind for name, kind in vars(base).items() if isinstance(kind, Field)}
        names = list(kinds)
        at = min((names.index(name) for name in group if name in kinds), default=len(names))
        order = names[:at] + list(group) + [name for name in names[at:] if name not in group]
        kinds = {name: kinds.get(name, group.get(name)) for name in order}
    return kinds


def field_kinds(record_class) -> dict[str, Field]:
    """A record class's fields and their kinds, in the order they are declared: the one place every reader of the
    schema (the check, JSON Schema, the open data, the form, the links) takes a field's kind from."""
    return {f.name: f.metadata["kind"] for f in dataclasses.fields(record_class) if "kind" in f.metadata}


class RecordOf(Field):
    """A mapping with named fields, read into a record class."""

    def __init__(self, record_class, required: bool = True, label: str = "", description: str = ""):
        super().__init__(required, label=label, description=description)
        self.record_class = record_class
        self.kinds = field_kinds(record_class)  # kept: the check reads them for every record
        self.noun = record_class.plural
        self.python_type = record_class

    def check(self, value, where, mark, checking):
        noun = ngettext(self.record_class.noun, self.record_class.plural, 1)
        article = _("an {record}", record=noun) if self.record_class.noun[0] in "aeiou" else _("a {record}", record=noun)
        if not is_mapping(value, where, mark, checking, article,
                          _("write one 'field: value' a line, indented under it")):
            checking.unreadable.add(where)
            return None
        section = not where  # the file's top: its fields are sections
        unknown = [key for key in value if key not in self.kinds]
        # A link written on the other record's side is told where it goes (written_elsewhere: field → message).
        elsewhere = getattr(self.record_class, "written_elsewhere", {})
        # A mistyped name is reported once, as unknown; the field it was meant to be is not also missing.
        meant = {difflib.get_close_matches(str(key), self.kinds, n=1)[0] for key in unknown
                 if key not in elsewhere and difflib.get_close_matches(str(key), self.kinds, n=1)}
        for key in unknown:
            known = {"name": key, "suggestion": suggestion(key, self.kinds), "options": ", ".join(self.kinds)}
            checking.problem(value.key_marks[key], join(where, key), _(MERGE_KEY_FIX) if key == "<<" else _(elsewhere[key]) if key in elsewhere
                             else _("unknown section '{name}' — {suggestion}use one of: {options}", **known) if section
                             else _("unknown field '{name}' — {suggestion}use one of: {options}", **known))
        # Records with `one_of` need exactly one of those fields: an address, say, given one way or another.
        alternatives = getattr(self.record_class, "one_of", ())
        given = [name for name in value if name in alternatives and value.get(name) is not None]  # as written
        choices = _(" or ").join(f"'{name}'" for name in alternatives)
        if alternatives and not given and not meant & set(alternatives):
            checking.problem(value.mark, where, _("missing field {choices} — add one of them", choices=choices))
        elif len(given) > 1:
            checking.problem(value.key_marks[given[1]], join(where, given[1]),
                             _("{given} are both written — keep only one of {choices}", given=_(" and ").join(given), choices=choices))
        clean = {}
        for name, kind in self.kinds.items():
            here = join(where, name)
            if value.get(name) is None:
                if kind.required and name in value:
                    checking.problem(value.key_marks[name], here, _("'{name}' has no value — write it after '{name}: '",
                                                                    name=name))
                # A field indented into the one above it is named there, as that field's own mistake.
                elif kind.required and name not in meant and not any(isinstance(child, dict) and name in child
                                                                       for child in value.values()):
                    checking.problem(value.mark, here, _("missing section '{name}' — add it", name=name) if section
                                     else _("missing field '{name}' — add it", name=name))
                if kind.required:
                    checking.unreadable.add(here)
                clean[name] = [] if isinstance(kind, ListOf) else None
                continue
            clean[name] = kind.check(value[name], here, value.marks[name], checking)
            if clean[name] is None:
                checking.unreadable.add(here)
        return self.record_class(line=value.mark.line, key_marks=value.key_marks, **clean)

    def json_schema(self, definitions):
        name = self.record_class.__name__
        if name not in definitions:
            definitions[name] = {}  # taken before the fields, so that a record may hold its own kind
            properties = {}
            for field_name, kind in self.kinds.items():
                schema = kind.json_schema(definitions)
                schema = schema if kind.required else {"anyOf": [schema, {"type": "null"}]}
                properties[field_name] = {**schema, "description": kind.description} if kind.description else schema
            definitions[name] = {
                "type": "object",
                "description": (self.record_class.__doc__ or "").strip(),
                "properties": properties,
                "required": [field_name for field_name, kind in self.kinds.items() if kind.required],
                "additionalProperties": False,
            }
            if alternatives := getattr(self.record_class, "one_of", ()):
                definitions[name]["oneOf"] = [{"required": [alternative]} for alternative in alternatives]
        return {"$ref": f"#/definitions/{name}"}


def kind_of(item) -> Field:
    """A field kind as given, or the kind that reads a record class."""
    return item if isinstance(item, Field) else RecordOf(item)
