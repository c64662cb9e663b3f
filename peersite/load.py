"""Read the YAML data file into dicts and lists that remember where each value stands.

Whatever the file holds, reading it ends in data or in located problems, never in a traceback:
bytes that are not UTF-8, characters YAML refuses, broken syntax, several documents, keys that are
not words, nesting too deep to walk and aliases that would blow up into huge trees.
"""

import re
from collections.abc import Iterator
from pathlib import Path

import yaml

from .fixes import BOM, FIX_HINT, Edit, FixableProblem, fixed_text
from .problems import DataError, Problem

# Far deeper than the data needs (about 6 levels), far shallower than Python's recursion limit.
MAX_DEPTH = 40
# What YAML 1.1 reads into a value of its own from plain text, and YAML 1.2 (and JSON Schema) does not.
YAML_1_1_ONLY = {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:value", "tag:yaml.org,2002:merge"}
# Values once every alias is expanded: the real data has about 10,000.
MAX_VALUES = 500_000
# The quotation marks a word processor types for " and ' ("smart quotes"), and their look-alikes: YAML does not read
# them as quotes. Danish »…« is not among them: nothing types it for ".
SMART_QUOTES = "“”„‟″＂‘’‚‛"
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


class Mark:
    """A position in the data file, counted from 1; for a value, also where it starts and ends in the file's
    text (to find a character inside it) and, for a single value, the text as written (before YAML reads
    `no` as false or `0700` as 448) and its quotes (`"`, `'`, or None for none)."""

    __slots__ = ("line", "column", "start", "end", "written", "style")

    def __init__(self, line: int, column: int, start: int | None = None, end: int | None = None, written: str | None = None,
                 style: str | None = None):
        self.line, self.column, self.start, self.end, self.written, self.style = line, column, start, end, written, style

    @classmethod
    def of(cls, yaml_mark: yaml.Mark, node: yaml.Node | None = None) -> "Mark":
        """The position a YAML parser mark points at; with the node there, its extent and written text."""
        if node is None:
            return cls(yaml_mark.line + 1, yaml_mark.column + 1)
        scalar = isinstance(node, yaml.ScalarNode)
        return cls(yaml_mark.line + 1, yaml_mark.column + 1, node.start_mark.index, node.end_mark.index,
                   node.value if scalar else None, node.style if scalar else None)


class MarkedDict(dict):
    """A mapping with the position of itself, of each key and each value, and any key written twice."""

    mark: Mark
    marks: dict
    key_marks: dict
    duplicates: list  # (key, Mark of the repeat, line of the first)
    text: str  # the whole file, on the top mapping only


class MarkedList(list):
    """A sequence with the position of itself and of each item."""

    mark: Mark
    marks: list


class _MarkingLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Safe loader (libyaml's, where installed) that keeps positions and notes duplicate keys.

    Dates stay text, as in YAML 1.2 and JSON Schema: the schema says which texts are dates. "=" is text and
    "<<" an ordinary key, as in YAML 1.2; no merge keys, so the data says each field where it applies."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag not in YAML_1_1_ONLY]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def construct_mapping(self, node, deep=False):
        mapping = MarkedDict()
        mapping.mark, mapping.marks, mapping.key_marks, mapping.duplicates = Mark.of(node.start_mark), {}, {}, []
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in mapping:
                mapping.duplicates.append((key, Mark.of(key_node.start_mark), mapping.marks[key].line))
                continue
            mapping[key] = self.construct_object(value_node, deep=True)
            mapping.marks[key], mapping.key_marks[key] = Mark.of(value_node.start_mark, value_node), Mark.of(key_node.start_mark)
        return mapping

    def construct_yaml_int(self, node):
        try:
            return super().construct_yaml_int(node)
        except ValueError:  # Python reads at most 4,300 digits
            raise yaml.constructor.ConstructorError(None, None, "this number is too long to read", node.start_mark) from None

    def construct_sequence(self, node, deep=False):
        sequence = MarkedList(self.construct_object(child, deep=True) for child in node.value)
        sequence.mark, sequence.marks = Mark.of(node.start_mark), [Mark.of(c.start_mark, c) for c in node.value]
        return sequence


_MarkingLoader.add_constructor("tag:yaml.org,2002:map", _MarkingLoader.construct_mapping)
_MarkingLoader.add_constructor("tag:yaml.org,2002:seq", _MarkingLoader.construct_sequence)
_MarkingLoader.add_constructor("tag:yaml.org,2002:int", _MarkingLoader.construct_yaml_int)


def position(text: str, index: int) -> tuple[int, int]:
    """Line and column (from 1) of a character index in text."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


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
    for offset, line in lines_of(text):
        if not SMART_QUOTE.search(line):
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
            what = f"{marks} around a text are not YAML's quotes (a word processor types “ ” ‘ ’ for \" and ') — " + (
                f"write {quote}{shown}{quote}{FIX_HINT}" if quote else "write the text between straight quotes \"…\", with \\\" for a \" in it")
            edits = tuple(Edit(offset + index, offset + index + 1, line[index], quote) for index in (opening, closing)
                          if quote and line[index] != quote)
            problems.append(FixableProblem(*position(text, offset + first_smart), "YAML syntax", what, edits=edits,
                                           done=f"wrote {quote} … {quote} for {marks}" if edits else ""))
    return problems


def straightened(text: str, problems: list[FixableProblem]) -> str:
    """The text as the editor meant it: smart quotes around values made straight (each mark one character, so that
    every place in it is the same as in the file)."""
    return fixed_text(text, [edit for problem in problems for edit in problem.edits])


# A line's key, up to the ': ' after it (after any '- ' that makes it a list item).
KEY = re.compile(r"""[ \t]*(?:-[ \t]+)*(?P<key>"[^"]*"|'[^']*'|[^\s"'#:][^:#]*?)[ \t]*:(?=[ \t]|$)""")
NO_KEY = ("this line has no 'name: ' before its text — write it as 'name: value', or, if it goes on from the text"
          " above, join it to that text inside its quotes")
AFTER_QUOTE = ("the text goes on after its closing quote — a straight \" inside a text ends it: write quotation marks in a"
               " text as »…« (Danish) or “…” (English), and nothing after the closing quote but a comment")
# Parser words for a value that begins with a character YAML reads as a sign of its own.
SIGNS = ("alias", "anchor", "tag", "block scalar", "cannot start any token", "sequence entries", "mapping keys", "directive")


def counted(number: int, noun: str) -> str:
    """'1 space', '3 spaces'."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def must_be_quoted(sign: str, why: str = "") -> str:
    """What to do with a text that begins with a character YAML reads as a sign of its own."""
    return f"a text that begins with '{sign}' must be in quotes{why} — write it between straight quotes: \"{sign}…\""


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


def colon_problem(lines: list[str], number: int, column: int) -> tuple[int, int, str] | None:
    """Why a ': ' stands where YAML takes no key: in a text, after a text's closing quote, or after a line with no key."""
    line = lines[number]
    if (key := KEY.match(line)) and column >= key.end():
        value = line[key.end():column].strip()
        if value[:1] in "\"'" and value.endswith(value[0]):
            return number + 1, column + 1, AFTER_QUOTE
        return number + 1, column + 1, f"a text with ': ' in it must be in quotes — write {key['key']}: \"…\""
    if (before := line_before(lines, number)) is None:
        return None
    previous = lines[before]
    if glued := re.match(r"[ \t]*(?:-[ \t]+)*[\w-]+:(?=\S)", previous):
        return (before + 1, glued.end() + 1,
                f"a space must follow the ':' — YAML reads '{glued.group().strip()}' and what follows as one text")
    if not (key := KEY.match(previous)) and not re.match(r"[ \t]*-(?:[ \t]|$)", previous):
        return before + 1, indentation(previous) + 1, NO_KEY
    if key and previous[key.end():].strip() and indentation(line) > key.start("key"):
        return (number + 1, indentation(line) + 1, f"this line is indented more than '{key['key']}:' in line {before + 1}, so"
                f" YAML reads it as part of that value — indent it like line {before + 1} ({key.start('key')} spaces)")
    return None


def block_problem(lines: list[str], number: int, column: int, start: yaml.Mark, in_list: bool) -> tuple[int, int, str] | None:
    """Why a line does not fit the block (a mapping's fields, or a list's items) that begins at `start`."""
    line, spaces = lines[number], indentation(lines[number])
    if column > spaces:  # something on the line before the place YAML stopped
        key = KEY.match(line)
        value = line[key.end() if key else spaces:column].strip()
        if value[:1] in "[{":
            return number + 1, column + 1, must_be_quoted(value[0])
        return (number + 1, column + 1, AFTER_QUOTE) if value.endswith(("\"", "'")) else None
    if in_list and not line.lstrip().startswith("-") and spaces == start.column:
        return (number + 1, spaces + 1, f"this line stands where the list from line {start.line + 1} has its items, but does not"
                f" begin with '- ' — begin it with '- ', or, if line {start.line + 1} begins no list, remove its '- '")
    if in_list:
        return (number + 1, spaces + 1, f"the line is indented {counted(spaces, 'space')}, but the items of the list from line"
                f" {start.line + 1} begin with '- ' at {start.column} (their fields at {start.column + 2}) — line it up with the"
                " lines it belongs with, with spaces: YAML reads the indentation as the structure")
    around = [f"the fields from line {start.line + 1} have {start.column}"]
    if (before := line_before(lines, number)) is not None and before != start.line and indentation(lines[before]) not in (spaces, start.column):
        around.insert(0, f"line {before + 1} has {indentation(lines[before])}")
    return (number + 1, spaces + 1, f"the line is indented {counted(spaces, 'space')}, unlike the lines around it ({'; '.join(around)})"
            " — line it up with the fields it belongs with, with spaces: YAML reads the indentation as the structure")


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
        return (line + 1, opening + 1, f"the text in quotes that begins here does not end on this line — end it with a straight"
                f" {quote} (a text in quotes is written on one line)")
    if text[at.index:at.index + 1] == "\t":
        return number + 1, column + 1, "a tab character — write spaces instead: YAML does not read a tab as indentation"
    if any(words in said for words in SIGNS):
        sign = start if start and start.line == at.line else at  # the sign, where the parser names it
        return sign.line + 1, sign.column + 1, must_be_quoted(text[sign.index:sign.index + 1])
    if "escape" in said or "hexdecimal" in said or "hexadecimal" in said:
        backslash = lines[number].rfind("\\", 0, column + 1)
        return (number + 1, (backslash if backslash >= 0 else column) + 1, "a backslash (\\) in a text in double quotes begins"
                " an escape like \\n — write \\\\ for the backslash itself, or write the text between single quotes")
    if "mapping values are not allowed" in said:
        return colon_problem(lines, number, column)
    if "could not find expected ':'" in said and start:
        return start.line + 1, start.column + 1, NO_KEY
    if flow := re.search(r"',' or '([\]}])'", said):
        closing = flow.group(1)
        if start and start.line < number:
            return (start.line + 1, start.column + 1, f"the '{'[' if closing == ']' else '{'}' here has no '{closing}' to close it on its"
                    f" line — end it with '{closing}', with ', ' between the items")
        return number + 1, column + 1, f"a ',' is missing before this — write ', ' between the items, and close with '{closing}'"
    if start and ("block mapping" in said or "block collection" in said):
        return block_problem(lines, number, column, start, "block collection" in said)
    return None


def syntax_problem(error: yaml.YAMLError, text: str) -> Problem:
    """A YAML error as a located problem, with what to do about it."""
    if isinstance(error, yaml.reader.ReaderError):
        code = error.character if isinstance(error.character, int) else ord(error.character)
        return Problem(*position(text, error.position), "YAML syntax",
                       f"the control character U+{code:04X} is not allowed — delete it (it is invisible in most editors)")
    if not isinstance(error, yaml.constructor.ConstructorError) and (plain := in_plain_words(error, text)):
        return Problem(*plain[:2], "YAML syntax", plain[2])
    mark = Mark.of(error.problem_mark or error.context_mark)
    what = " ".join(part for part in (error.context, error.problem) if part)
    if isinstance(error, yaml.constructor.ConstructorError) and "tag" in what:
        return Problem(mark.line, mark.column, "YAML syntax", must_be_quoted("!", " (YAML reads '!name' as a type)"))
    if isinstance(error, yaml.constructor.ConstructorError):
        fix = "write a shorter value"
    elif "single document" in what:
        fix = "the file holds one document: remove the line '---' and join the parts"
    else:
        fix = "check the indentation, colons and quotes on this line and the one before"
    return Problem(mark.line, mark.column, "YAML syntax", f"{what} — {fix}")


def event_problems(loader: yaml.BaseLoader) -> tuple[list[Problem], bool]:
    """Keys that are lists or mappings, and nesting deeper than MAX_DEPTH, found from the parser's events
    before any tree is built (libyaml's tree builder crashes on a few thousand levels); and whether the
    file uses aliases (*name)."""
    problems, aliases = [], False
    # Per open collection: whether it is a mapping waiting for a key.
    open_collections: list[bool] = []
    while (event := loader.get_event()) is not None:
        at_key = bool(open_collections) and open_collections[-1]
        if open_collections and isinstance(event, (yaml.NodeEvent, yaml.CollectionStartEvent)):
            if isinstance(event, yaml.CollectionStartEvent) and at_key:
                mark = Mark.of(event.start_mark)
                problems.append(Problem(mark.line, mark.column, "YAML structure",
                                        "a key must be a plain word, not a list or a mapping — write it like 'name:'"))
            if open_collections[-1] is not None:
                open_collections[-1] = not at_key
        aliases |= isinstance(event, yaml.AliasEvent)
        if isinstance(event, yaml.CollectionStartEvent):
            open_collections.append(True if isinstance(event, yaml.MappingStartEvent) else None)
            if len(open_collections) > MAX_DEPTH:
                mark = Mark.of(event.start_mark)
                return problems + [Problem(mark.line, mark.column, "YAML structure", f"nested more than {MAX_DEPTH}"
                                           " levels deep — the data needs only a few; check the brackets and the indentation")], aliases
        elif isinstance(event, yaml.CollectionEndEvent):
            open_collections.pop()
    return problems, aliases


def children(node: yaml.Node) -> list[yaml.Node]:
    """The nodes inside a node: a mapping's keys and values, a sequence's items."""
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return node.value if isinstance(node, yaml.SequenceNode) else []


def alias_problem(root: yaml.Node) -> Problem | None:
    """Aliases (*name) that refer to themselves, or expand into a tree too deep or too big to walk."""
    size, height, done = {}, {}, set()
    # Depth first without recursion; each node is walked once however many aliases point at it.
    stack = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        if leaving:
            inside = children(node)
            size[id(node)] = 1 + sum(size[id(child)] for child in inside)
            height[id(node)] = 1 + max((height[id(child)] for child in inside), default=0)
            done.add(id(node))
            continue
        if id(node) in done:
            continue
        if id(node) in height:  # entered, not left: an alias inside its own anchor
            mark = Mark.of(node.start_mark)
            return Problem(mark.line, mark.column, "YAML structure",
                           "an alias (*name) refers to the value it stands in — write the value out instead")
        height[id(node)] = 0
        stack.append((node, True))
        stack.extend((child, False) for child in children(node) if id(child) not in done)
    if height[id(root)] > MAX_DEPTH or size[id(root)] > MAX_VALUES:
        return Problem(1, 1, "YAML structure", f"the aliases (*name) expand into more than {MAX_DEPTH} levels"
                                               f" or {MAX_VALUES:,} values — write the values out instead")
    return None


def load_marked_yaml(path: Path, shown_path: str | None = None) -> MarkedDict:
    """Parse the data file, or raise DataError naming every problem's place."""
    shown = shown_path or str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError(shown, [Problem(1, 1, "", "file not found — create it or pass the right path")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = position(raw.decode("utf-8", errors="replace"), len(raw[:error.start].decode("utf-8", errors="replace")))
        raise DataError(shown, [Problem(line, column, "", f"not UTF-8 text ({error.reason}) — save the file as UTF-8")])
    # Places are counted after a byte-order mark, as YAML reads the file (libyaml does not count it).
    text = text.removeprefix(BOM)
    # Read as the editor meant it, the smart quotes around values straight; they are reported with the rest.
    pasted = pasted_quotes(text)
    readable = straightened(text, pasted)
    try:
        problems, aliases = event_problems(_MarkingLoader(readable))
    except yaml.YAMLError as error:
        raise DataError(shown, pasted + [syntax_problem(error, readable)]) from None
    if problems:
        raise DataError(shown, pasted + problems)
    loader = _MarkingLoader(readable)
    try:
        root = loader.get_single_node()
        if root is None:
            raise DataError(shown, [Problem(1, 1, "", "the file is empty — it must hold the sections site:, organisations:, models: …")])
        if aliases and (problem := alias_problem(root)):
            raise DataError(shown, pasted + [problem])
        data = loader.construct_document(root)
    except yaml.YAMLError as error:
        raise DataError(shown, pasted + [syntax_problem(error, readable)]) from None
    finally:
        loader.dispose()
    if not isinstance(data, MarkedDict):
        raise DataError(shown, [Problem(1, 1, "", "the file must be a mapping of sections (site:, organisations:, models: …)")])
    data.text = text
    return data
