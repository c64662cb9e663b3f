"""The data file's text read line by line, as an editor reads it: values between smart quotes that YAML does not
take for quotes (read as the editor meant them, and mended by `check --fix`), and YAML's syntax errors said in an
editor's words at the line that is wrong. The data writes each text on one line."""

import itertools
import re
from collections.abc import Iterator

import yaml

from .characters import SMART_QUOTES
from .fixes import FIX_HINT, Edit, FixableProblem, fixed_text
from ..messages import N_, _, ngettext

QUOTES = SMART_QUOTES + "\"'"
SMART_QUOTE = re.compile(f"[{SMART_QUOTES}]")
# A straight-quoted value on one line: up to the next " not escaped with \, or the next ' not doubled.
STRAIGHT_QUOTED = {'"': re.compile(r'(?:[^"\\]|\\.)*"'), "'": re.compile(r"(?:[^']|'')*'")}
# Where a value without quotes ends: at ': ' (it was a key), at ' #' (a comment follows) or, inside [ ] or { },
# at a comma or a bracket.
PLAIN_END = re.compile(r":(?=[ \t]|$)|[ \t]#")
FLOW_PLAIN_END = re.compile(r":(?=[ \t,\[\]{}]|$)|[ \t]#|[,\[\]{}]")
# A quote that ends a value: nothing after it but spaces and a comment, or ': ' after a key.
QUOTE_END = re.compile(rf"[{re.escape(QUOTES)}](?=[ \t]*$|[ \t]+#|[ \t]*:(?:[ \t]|$))")
FLOW_QUOTE_END = re.compile(rf"[{re.escape(QUOTES)}](?=[ \t]*$|[ \t]+#|[ \t]*:(?:[ \t]|$)|[ \t]*[,\]}}])")


def lines_of(text: str) -> Iterator[tuple[int, str]]:
    """Each line of a text, without its line break, and the index it starts at."""
    offset = 0
    for line in text.split("\n"):
        yield offset, line.removesuffix("\r")
        offset += len(line) + 1


def plain_end(line: str, index: int, flow: bool) -> int:
    """Where a value or key without quotes that begins at index ends on its line."""
    match = (FLOW_PLAIN_END if flow else PLAIN_END).search(line, index + 1)
    return match.start() if match else len(line)


def closing_quote(line: str, opening: int, flow: bool) -> int | None:
    """Where the value that begins with a quote at `opening` closes on its line: at the next straight quote of its
    kind, or, for a smart quote (or a straight one not closed straight), at the quotation mark the value ends with."""
    if line[opening] in STRAIGHT_QUOTED and (straight := STRAIGHT_QUOTED[line[opening]].match(line, opening + 1)):
        return straight.end() - 1
    quotes = SMART_QUOTES if line[opening] in "\"'" else SMART_QUOTES + "\"'"
    return next((match.start() for match in (FLOW_QUOTE_END if flow else QUOTE_END).finditer(line, opening + 1)
                 if line[match.start()] in quotes), None)


def quoted_values(line: str) -> Iterator[tuple[int, int | None]]:
    """Where each value (or key) on one line of YAML that begins with a quote opens and closes; None where a straight
    quote does not close on the line. A smart quote that closes nothing begins a text like any letter.
    The data writes each text on one line: this reads a line alone, as an editor reads it."""
    index, flow = 0, 0
    while index < len(line):
        character = line[index]
        if character in " \t" or (character in "-?:" and line[index + 1:index + 2] in ("", " ", "\t")):
            index += 1
        elif character == "#" and (index == 0 or line[index - 1] in " \t"):
            return
        elif character in "[]{}" or (character == "," and flow):
            flow = max(0, flow + (character in "[{") - (character in "]}"))
            index += 1
        elif character in QUOTES and (closing := closing_quote(line, index, bool(flow))) is not None:
            yield index, closing
            index = closing + 1
        elif character in "\"'":
            yield index, None
            return
        else:
            index = plain_end(line, index, bool(flow))


def pasted_quotes(text: str) -> list[FixableProblem]:
    """Values written between smart quotes (“…”, ”…”, „…“, ‘…’), as a word processor types them, or opened with a
    straight quote and closed with a smart one: YAML reads only straight quotes as its own."""
    problems = []
    lines = list(lines_of(text))
    for number, (offset, line) in enumerate(lines, 1):
        if not SMART_QUOTE.search(line):
            continue
        following = next((later for _, later in itertools.islice(lines, number, None) if later.strip()), "")
        # A value continued on the more indented line below is one text over several lines, smart quotes and all.
        if indentation(following) > indentation(line):
            continue
        for opening, closing in quoted_values(line):
            if closing is None or not {line[opening], line[closing]} & set(SMART_QUOTES):
                continue
            first_smart = opening if line[opening] in SMART_QUOTES else closing
            body = line[opening + 1:closing]
            if line[opening] in "\"'":  # the editor's own opening quote: the text is written for it
                quote = line[opening]
            else:
                quote = '"' if not {'"', "\\"} & set(body) else "'" if "'" not in body else None
            marks = f"{line[opening]} … {line[closing]}"
            shown = body if len(body) <= 40 else body[:39] + "…"
            fix = (_("write {quoted}", quoted=f"{quote}{shown}{quote}") + _(FIX_HINT) if quote
                   else _("write the text between straight quotes \"…\", with \\\" for a \" in it"))
            what = _("{marks} around a text are not YAML's quotes (a word processor types “ ” ‘ ’ for \" and ') — {fix}", marks=marks, fix=fix)
            edits = tuple(Edit(offset + index, offset + index + 1, line[index], quote) for index in (opening, closing)
                          if quote and line[index] != quote)
            problems.append(FixableProblem(number, first_smart + 1, _("YAML syntax"), what, edits=edits,
                                           done=_("wrote {quote} … {quote} for {marks}", quote=quote, marks=marks) if edits else ""))
    return problems


def straightened(text: str, problems: list[FixableProblem]) -> str:
    """The text as the editor meant it: smart quotes around values made straight (each mark one character, so that
    every place in it is the same as in the file)."""
    return fixed_text(text, [edit for problem in problems for edit in problem.edits])


# A line's key, up to the ': ' after it (after any '- ' that makes it a list item).
KEY = re.compile(r"""[ \t]*(?:-[ \t]+)*(?P<key>"[^"]*"|'[^']*'|[^\s"'#:][^:#]*?)[ \t]*:(?=[ \t]|$)""")
NO_KEY = N_("this line has no 'name: ' before its text — write it as 'name: value', or, if it goes on from the text"
             " above, join it to that text inside its quotes")
AFTER_QUOTE = N_("the text goes on after its closing quote — a straight \" inside a text ends it: write quotation marks in a"
                  " text as »…« (Danish) or “…” (English), and nothing after the closing quote but a comment")
# Parser words for a value that begins with a character YAML reads as a sign of its own.
SIGNS = ("alias", "anchor", "tag", "block scalar", "cannot start any token", "sequence entries", "mapping keys", "directive")


def must_be_quoted(sign: str, tag: bool = False) -> str:
    """What to do with a text that begins with a character YAML reads as a sign of its own ('!', a tag, says why)."""
    if tag:
        return _("a text that begins with '{sign}' must be in quotes (YAML reads '!name' as a type) — write it between"
                 " straight quotes: \"{sign}…\"", sign=sign)
    return _("a text that begins with '{sign}' must be in quotes — write it between straight quotes: \"{sign}…\"", sign=sign)


def indentation(line: str) -> int:
    """How many spaces a line begins with."""
    return len(line) - len(line.lstrip(" "))


def line_before(lines: list[str], number: int) -> int | None:
    """The number (from 0) of the last line before line `number` that holds more than a comment."""
    return next((before for before in range(number - 1, -1, -1) if lines[before].strip()
                 and not lines[before].lstrip().startswith("#")), None)


def unclosed_quote(lines: list[str], first: int, last: int) -> tuple[int, int, str] | None:
    """The first value from line `first` to line `last` (from 0) whose straight quote does not close on its line."""
    for number in range(first, min(last, len(lines) - 1) + 1):
        if opening := next((opening for opening, closing in quoted_values(lines[number]) if closing is None), None):
            return number, opening, lines[number][opening]
    return None


def glued_dash(lines: list[str], number: int) -> tuple[int, int, str] | None:
    """A list item's '-' written without the space after it ('-id: x'), which YAML reads as a field named '-id'."""
    key = KEY.match(lines[number])
    if key and re.match(r"-[^\s-]", key["key"]):
        return (number + 1, key.start("key") + 2,
                _("a space must follow the '-' that begins a list item — write '- {key}:'", key=key["key"][1:]))
    return None


def moved_block_end(lines: list[str], number: int) -> int:
    """The last line (from 0) of the block that begins at line `number`: the lines after it indented at least as far,
    blank lines and comments aside."""
    last, spaces = number, indentation(lines[number])
    for after in range(number + 1, len(lines)):
        if lines[after].strip() and not lines[after].lstrip().startswith("#"):
            if indentation(lines[after]) < spaces:
                break
            last = after
    return last


def colon_problem(lines: list[str], number: int, column: int) -> tuple[int, int, str] | None:
    """Why a ': ' stands where YAML takes no key: in a text, after a text's closing quote, or after a line with no key."""
    line = lines[number]
    if (key := KEY.match(line)) and column >= key.end():
        value = line[key.end():column].strip()
        if value[:1] in "\"'" and value.endswith(value[0]):
            return number + 1, column + 1, _(AFTER_QUOTE)
        return number + 1, column + 1, _("a text with ': ' in it must be in quotes — write {key}: \"…\"", key=key["key"])
    if (before := line_before(lines, number)) is None:
        return None
    previous = lines[before]
    if glued := re.match(r"[ \t]*(?:-[ \t]+)*[\w-]+:(?=\S)", previous):
        return (before + 1, glued.end() + 1,
                _("a space must follow the ':' — YAML reads '{glued}' and what follows as one text", glued=glued.group().strip()))
    if dash := glued_dash(lines, before):
        return dash
    if not (key := KEY.match(previous)) and not re.match(r"[ \t]*-(?:[ \t]|$)", previous):
        return before + 1, indentation(previous) + 1, _(NO_KEY)
    if key and previous[key.end():].strip() and indentation(line) > key.start("key"):
        if (last := moved_block_end(lines, number)) > number:
            shift = indentation(line) - key.start("key")
            return (number + 1, indentation(line) + 1, ngettext(
                "lines {first}–{last} are indented {count} space more than '{key}:' in line {line}, so YAML reads them as part"
                " of its value — indent them all {count} space less (this one like line {line})",
                "lines {first}–{last} are indented {count} spaces more than '{key}:' in line {line}, so YAML reads them as part"
                " of its value — indent them all {count} spaces less (this one like line {line})", shift,
                first=number + 1, last=last + 1, key=key["key"], line=before + 1))
        return (number + 1, indentation(line) + 1, ngettext(
            "this line is indented more than '{key}:' in line {line}, so YAML reads it as part of that value — indent it like"
            " line {line} ({count} space)",
            "this line is indented more than '{key}:' in line {line}, so YAML reads it as part of that value — indent it like"
            " line {line} ({count} spaces)", key.start("key"), key=key["key"], line=before + 1))
    return None


def empty_field_above(lines: list[str], number: int) -> tuple[int, str] | None:
    """The line (from 0) and name of a field with nothing after its ':' just above line `number`, at its indentation."""
    above = line_before(lines, number)
    key = KEY.match(lines[above]) if above is not None else None
    if key and key.start("key") == indentation(lines[number]) and re.fullmatch(r"[ \t]*(#.*)?", lines[above][key.end():]):
        return above, key["key"]
    return None


def block_problem(lines: list[str], number: int, column: int, start: yaml.Mark, in_list: bool) -> tuple[int, int, str] | None:
    """Why a line does not fit the block (a mapping's fields, or a list's items) that begins at `start`."""
    line, spaces = lines[number], indentation(lines[number])
    if in_list and (dash := glued_dash(lines, number)):
        return dash
    if column > spaces:  # something on the line before the place YAML stopped
        key = KEY.match(line)
        value = line[key.end() if key else spaces:column].strip()
        if value[:1] in "[{":
            return number + 1, column + 1, must_be_quoted(value[0])
        return (number + 1, column + 1, _(AFTER_QUOTE)) if value.endswith(("\"", "'")) else None
    if in_list and not line.lstrip().startswith("-") and spaces == start.column:
        return (number + 1, spaces + 1, _("this line stands where the list from line {line} has its items, but does not"
                                          " begin with '- ' — begin it with '- ', or, if line {line} begins no list, remove its '- '",
                                          line=start.line + 1))
    if in_list:
        return (number + 1, spaces + 1, ngettext(
            "the line is indented {count} space, but the items of the list from line {line} begin with '- ' at {items} (their"
            " fields at {fields}) — line it up with the lines it belongs with, with spaces: YAML reads the indentation as the structure",
            "the line is indented {count} spaces, but the items of the list from line {line} begin with '- ' at {items} (their"
            " fields at {fields}) — line it up with the lines it belongs with, with spaces: YAML reads the indentation as the structure",
            spaces, line=start.line + 1, items=start.column, fields=start.column + 2))
    record = lines[start.line]
    if line.lstrip().startswith("- ") and spaces == start.column and record.lstrip().startswith("- "):
        dash = indentation(record)
        return (number + 1, spaces + 1, ngettext(
            "this line begins a record with '- ' where the fields of the record from line {line} stand — if a new record"
            " begins here, write its '- ' {dash} space in, like line {line}, and, if its other lines moved in with it,"
            " indent them {shift} spaces less",
            "this line begins a record with '- ' where the fields of the record from line {line} stand — if a new record"
            " begins here, write its '- ' {dash} spaces in, like line {line}, and, if its other lines moved in with it,"
            " indent them {shift} spaces less",
            dash, line=start.line + 1, dash=dash, shift=spaces - dash))
    before = line_before(lines, number)
    if before is not None and indentation(lines[before]) == start.column < spaces and (empty := empty_field_above(lines, before)):
        return (before + 1, start.column + 1, ngettext(
            "this line is indented like '{key}:' in line {line}, so YAML reads it as a field beside '{key}:', not inside it,"
            " and line {next} as indented too far — to put this line inside '{key}:', indent it {count} space, like line {next}",
            "this line is indented like '{key}:' in line {line}, so YAML reads it as a field beside '{key}:', not inside it,"
            " and line {next} as indented too far — to put this line inside '{key}:', indent it {count} spaces, like line {next}",
            spaces, key=empty[1], line=empty[0] + 1, next=number + 1))
    around = [_("the fields from line {line} have {spaces}", line=start.line + 1, spaces=start.column)]
    if before is not None and before != start.line and indentation(lines[before]) not in (spaces, start.column):
        around.insert(0, _("line {line} has {spaces}", line=before + 1, spaces=indentation(lines[before])))
    return (number + 1, spaces + 1, ngettext(
        "the line is indented {count} space, unlike the lines around it ({around}) — line it up with the fields it belongs"
        " with, with spaces: YAML reads the indentation as the structure",
        "the line is indented {count} spaces, unlike the lines around it ({around}) — line it up with the fields it belongs"
        " with, with spaces: YAML reads the indentation as the structure", spaces, around="; ".join(around)))


def in_plain_words(error: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str] | None:
    """Where a YAML syntax error is, and what to do, in an editor's words (libyaml's and PyYAML's messages alike);
    None for an error not explained here."""
    said, at, start = f"{error.context or ''} {error.problem or ''}", error.problem_mark, error.context_mark
    if at is None:
        return None
    lines = [line for _, line in lines_of(text)]
    number, column = min(at.line, len(lines) - 1), at.column
    if unclosed := unclosed_quote(lines, start.line if start and start.line <= number else max(number - 1, 0), number):
        line, opening, quote = unclosed
        if lines[line][opening - 1:opening] == quote:  # right after the quote that ended the text before it
            return line + 1, opening + 1, _("one {quote} too many: the text ended at the {quote} before this one — remove this one",
                                            quote=quote)
        return (line + 1, opening + 1, _("the text in quotes that begins here does not end on this line — end it with a straight"
                                         " {quote} (a text in quotes is written on one line)", quote=quote))
    if text[at.index:at.index + 1] == "\t":
        return number + 1, column + 1, _("a tab character — write spaces instead: YAML does not read a tab as indentation")
    if any(words in said for words in SIGNS):
        sign = start if start and start.line == at.line else at  # the sign, where the parser names it
        return sign.line + 1, sign.column + 1, must_be_quoted(text[sign.index:sign.index + 1])
    if "escape" in said or "hexdecimal" in said or "hexadecimal" in said:
        backslash = lines[number].rfind("\\", 0, column + 1)
        return (number + 1, (backslash if backslash >= 0 else column) + 1, _("a backslash (\\) in a text in double quotes begins"
                " an escape like \\n — write \\\\ for the backslash itself, or write the text between single quotes"))
    if "mapping values are not allowed" in said:
        return colon_problem(lines, number, column)
    if "could not find expected ':'" in said and start:
        return start.line + 1, start.column + 1, _(NO_KEY)
    if flow := re.search(r"',' or '([\]}])'", said):
        closing = flow.group(1)
        if start and start.line < number:
            return (start.line + 1, start.column + 1, _("the '{opening}' here has no '{closing}' to close it on its line — end it"
                                                        " with '{closing}', with ', ' between the items",
                                                        opening="[" if closing == "]" else "{", closing=closing))
        return number + 1, column + 1, _("a ',' is missing before this — write ', ' between the items, and close with '{closing}'", closing=closing)
    if start and ("block mapping" in said or "block collection" in said):
        return block_problem(lines, number, column, start, "block collection" in said)
    return None
