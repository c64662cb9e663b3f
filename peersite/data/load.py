"""Read the YAML data file into dicts and lists that remember where each value stands.

Whatever the file holds, reading it ends in data or in located problems, never in a traceback:
bytes that are not UTF-8, characters YAML refuses, broken syntax (said in an editor's words, peersite/data/yaml_lines.py),
several documents, keys that are not words, nesting too deep to walk and aliases that would blow up into huge trees.
Values between smart quotes are read as the editor meant them, and named.
"""

from pathlib import Path

import yaml

from .fixes import BOM
from ..messages import _
from .problems import DataError, Problem
from .yaml_lines import in_plain_words, must_be_quoted, pasted_quotes, straightened

# Far deeper than the data needs (about 6 levels), far shallower than Python's recursion limit.
MAX_DEPTH = 40
# What YAML 1.1 reads into a value of its own from plain text, and YAML 1.2 (and JSON Schema) does not.
YAML_1_1_ONLY = {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:value", "tag:yaml.org,2002:merge"}
# Values once every alias is expanded: the real data has about 10,000.
MAX_VALUES = 500_000

class Mark:
    """A position in the data file, counted from 1; for a value, also where it starts and ends in the file's
    text (to find a character inside it) and, for a single value, the text as written (before YAML reads
    `no` as false or `0700` as 448) and its quotes (`"`, `'`, or None for none)."""

    __slots__ = ("line", "column", "start", "end", "written", "style")

    def __init__(self, line: int, column: int, start: int | None = None, end: int | None = None, written: str | None = None,
                 style: str | None = None):
        self.line, self.column, self.start, self.end, self.written, self.style = line, column, start, end, written, style

    @classmethod
    def at(cls, yaml_mark: yaml.Mark) -> "Mark":
        """The position a YAML parser mark points at."""
        return cls(yaml_mark.line + 1, yaml_mark.column + 1)

    @classmethod
    def of(cls, event: yaml.NodeEvent) -> "Mark":
        """Where the value an event begins stands: for a single value with its end, written text and quotes; a list's
        or mapping's end is set when it closes."""
        start = event.start_mark
        if isinstance(event, yaml.ScalarEvent):
            return cls(start.line + 1, start.column + 1, start.index, event.end_mark.index, event.value, event.style)
        return cls(start.line + 1, start.column + 1, start.index)


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


TEXT, MAPPING, SEQUENCE = (f"tag:yaml.org,2002:{name}" for name in ("str", "map", "seq"))
# The types a single value may be given by a tag (`!!int 12`); a list or a mapping is only that.
SCALAR_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "null", "bool", "int", "float", "binary", "timestamp")}


class _Parser(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """libyaml's parser (where installed), whose events `read_tree` builds into data, reading single values as YAML 1.2
    does: dates stay text, as in JSON Schema (the schema says which texts are dates); "=" is text and "<<" an ordinary
    key (no merge keys: the data says each field where it applies)."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag not in YAML_1_1_ONLY]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def construct_yaml_int(self, node):
        try:
            return super().construct_yaml_int(node)
        except ValueError:  # Python reads at most 4,300 digits
            raise yaml.constructor.ConstructorError(None, None, "this number is too long to read", node.start_mark) from None


_Parser.add_constructor("tag:yaml.org,2002:int", _Parser.construct_yaml_int)


def position(text: str, index: int) -> tuple[int, int]:
    """Line and column (from 1) of a character index in text."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def syntax_problem(error: yaml.YAMLError, text: str) -> Problem:
    """A YAML error as a located problem, with what to do about it, and that the file was read no further."""
    line, column, what = syntax_error_place(error, text)
    return Problem(line, column, _("YAML syntax"), what + _(" (the file is read no further: run the check again once this is fixed)"))


def syntax_error_place(error: yaml.YAMLError, text: str) -> tuple[int, int, str]:
    """Where a YAML error is, and what to do about it."""
    if isinstance(error, yaml.reader.ReaderError):
        code = error.character if isinstance(error.character, int) else ord(error.character)
        return (*position(text, error.position),
                _("the control character U+{code:04X} is not allowed — delete it (it is invisible in most editors)", code=code))
    if not isinstance(error, yaml.constructor.ConstructorError) and (plain := in_plain_words(error, text)):
        return plain
    mark = Mark.at(error.problem_mark or error.context_mark)
    what = " ".join(part for part in (error.context, error.problem) if part)
    if isinstance(error, yaml.constructor.ConstructorError) and "tag" in what:
        return mark.line, mark.column, must_be_quoted("!", tag=True)
    if isinstance(error, yaml.constructor.ConstructorError):
        fix = _("write a shorter value")
    elif "single document" in what:
        fix = _("the file holds one document: remove the line '---' and join the parts")
    else:
        fix = _("check the indentation, colons and quotes on this line and the one before")
    return mark.line, mark.column, _("{parser} — {fix}", parser=what, fix=fix)


def unknown_tag(tag: str, event: yaml.NodeEvent) -> yaml.constructor.ConstructorError:
    """The error PyYAML gives a tag it has no type for (syntax_problem tells the editor to quote the text)."""
    return yaml.constructor.ConstructorError(None, None, f"could not determine a constructor for the tag {tag!r}", event.start_mark)


def single_value(parser: _Parser, event: yaml.ScalarEvent):
    """A single value as YAML reads it: its text, or what its plain form (`12`, `true`) or its tag (`!!int`) makes it."""
    if event.tag is None and not event.implicit[0]:  # in quotes or a block (|, >)
        return event.value
    tag = parser.resolve(yaml.ScalarNode, event.value, event.implicit) if event.tag in (None, "!") else event.tag
    if tag == TEXT:
        return event.value
    if tag not in SCALAR_TAGS:
        raise unknown_tag(tag, event)
    return parser.yaml_constructors[tag](parser, yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style))


def new_collection(event: yaml.CollectionStartEvent) -> MarkedDict | MarkedList:
    """The empty mapping or list an event begins, marked where it begins."""
    default = MAPPING if isinstance(event, yaml.MappingStartEvent) else SEQUENCE
    if event.tag not in (None, "!", default):  # !!set, !!omap, a tag of one's own: nothing the data can hold
        raise unknown_tag(event.tag, event)
    collection = MarkedDict() if default == MAPPING else MarkedList()
    collection.mark = Mark.of(event)
    if default == MAPPING:
        collection.marks, collection.key_marks, collection.duplicates = {}, {}, []
    else:
        collection.marks = []
    return collection


class _Open:
    """A mapping or list being read, and, in a mapping, the key read last while its value is awaited."""

    __slots__ = ("value", "is_mapping", "key", "key_mark")

    def __init__(self, value: MarkedDict | MarkedList):
        self.value, self.is_mapping, self.key, self.key_mark = value, isinstance(value, MarkedDict), None, None

    def add(self, value, mark: Mark) -> None:
        """Put a value read inside it in its place: an item, a key, or the value of the key before it."""
        if not self.is_mapping:
            self.value.append(value)
            self.value.marks.append(mark)
        elif self.key_mark is None:
            self.key, self.key_mark = value, mark
        else:
            mapping, key, key_mark, self.key, self.key_mark = self.value, self.key, self.key_mark, None, None
            if key in mapping:
                mapping.duplicates.append((key, key_mark, mapping.marks[key].line))
            else:
                mapping[key], mapping.marks[key], mapping.key_marks[key] = value, mark, key_mark


def yaml_structure_problem(mark: Mark, what: str) -> Problem:
    """A problem with the file's structure, located."""
    return Problem(mark.line, mark.column, _("YAML structure"), what)


def read_tree(parser: _Parser) -> tuple[object, list[Problem], bool]:
    """The document's data, built from the parser's events (None for a file without one); the problems met on the way
    (a list or mapping as a key, nesting deeper than MAX_DEPTH, an alias inside the value it stands for); and whether
    the file uses aliases (*name).

    Events, not PyYAML's tree of nodes: libyaml's tree builder crashes on a few thousand levels, and building the
    tree, then the data from it, took two thirds of the time of reading the file."""
    problems, anchors, open_values, root, aliases, document = [], {}, [], None, False, None
    while (event := parser.get_event()) is not None:
        kind = type(event)
        if kind is yaml.ScalarEvent:
            value, mark = single_value(parser, event), Mark.of(event)
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            value = new_collection(event)
            mark = value.mark
        elif kind is yaml.AliasEvent:
            aliases = True
            if event.anchor not in anchors:
                raise yaml.composer.ComposerError(None, None, f"found undefined alias {event.anchor!r}", event.start_mark)
            value, mark = anchors[event.anchor][:2]
            if any(value is open_value.value for open_value in open_values):
                problems.append(yaml_structure_problem(mark, _("an alias (*name) refers to the value it stands in"
                                                               " — write the value out instead")))
                value = None
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            open_values.pop().value.mark.end = event.end_mark.index
            continue
        elif kind is yaml.DocumentStartEvent:
            if document is not None:
                while parser.get_event() is not None:  # what the parser finds wrong anywhere in the file is said first
                    pass
                raise yaml.composer.ComposerError("expected a single document in the stream", document,
                                                  "but found another document", event.start_mark)
            document = event.start_mark
            continue
        else:
            continue
        if not open_values:
            root = value
        elif open_values[-1].is_mapping and open_values[-1].key_mark is None and isinstance(value, (MarkedDict, MarkedList)):
            problems.append(yaml_structure_problem(Mark.at(event.start_mark),
                                              _("a key must be a plain word, not a list or a mapping — write it like 'name:'")))
            open_values[-1].add(None, mark)
        else:
            open_values[-1].add(value, mark)
        if kind is not yaml.AliasEvent and event.anchor is not None:
            if event.anchor in anchors:
                raise yaml.composer.ComposerError(f"found duplicate anchor {event.anchor!r}; first occurrence", anchors[event.anchor][2],
                                                  "second occurrence", event.start_mark)
            anchors[event.anchor] = value, mark, event.start_mark
        if kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            open_values.append(_Open(value))
            if len(open_values) > MAX_DEPTH:
                deep = _("nested more than {depth} levels deep — the data needs only a few; check the brackets and the indentation",
                         depth=MAX_DEPTH)
                return None, problems + [yaml_structure_problem(mark, deep)], aliases
    return root, problems, aliases


def inside(value) -> list:
    """The values inside a value: a mapping's keys and values, a list's items."""
    if isinstance(value, dict):
        return [*value.keys(), *value.values()]
    return value if isinstance(value, list) else []


def alias_problem(root) -> Problem | None:
    """Aliases (*name) that expand into a tree too deep or too big to walk."""
    size, height = {}, {}
    # Depth first without recursion; each list or mapping is walked once however many aliases point at it.
    stack = [(root, False)]
    while stack:
        value, leaving = stack.pop()
        if leaving:
            values = inside(value)
            size[id(value)] = 1 + sum(size.get(id(item), 1) for item in values)
            height[id(value)] = 1 + max((height.get(id(item), 1) for item in values), default=0)
        elif isinstance(value, (dict, list)) and id(value) not in size:
            stack.append((value, True))
            stack.extend((item, False) for item in inside(value))
    if height[id(root)] > MAX_DEPTH or size[id(root)] > MAX_VALUES:
        return Problem(1, 1, _("YAML structure"), _("the aliases (*name) expand into more than {depth} levels or {values:,} values"
                                                  " — write the values out instead", depth=MAX_DEPTH, values=MAX_VALUES))
    return None


def load_marked_yaml(path: Path, shown_path: str | None = None, as_written: bool = False) -> MarkedDict:
    """Parse the data file, or raise DataError naming every problem's place. A file a program wrote (the CMS) is read
    `as_written`: a text it wrote between smart quotes without YAML's quotes means those quotes."""
    shown = shown_path or str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError(shown, [Problem(1, 1, "", _("file not found — create it or pass the right path"))])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = position(raw.decode("utf-8", errors="replace"), len(raw[:error.start].decode("utf-8", errors="replace")))
        raise DataError(shown, [Problem(line, column, "", _("not UTF-8 text: the character here is saved in another encoding — save the file as UTF-8"))])
    # Places are counted after a byte-order mark, as YAML reads the file (libyaml does not count it).
    text = text.removeprefix(BOM)
    # Read as the editor meant it, the smart quotes around values straight; they are reported with the rest.
    pasted = [] if as_written else pasted_quotes(text)
    readable = straightened(text, pasted)
    parser = _Parser(readable)
    try:
        data, problems, aliases = read_tree(parser)
    except yaml.YAMLError as error:
        raise DataError(shown, pasted + [syntax_problem(error, readable)]) from None
    finally:
        parser.dispose()
    if not problems and aliases:
        problems = [problem] if (problem := alias_problem(data)) else []
    if problems:
        raise DataError(shown, pasted + problems)
    if data is None:
        raise DataError(shown, [Problem(1, 1, "", _("the file is empty — it must hold the sections site:, organisations:, models: …"))])
    if not isinstance(data, MarkedDict):
        raise DataError(shown, [Problem(1, 1, "", _("the file must be a mapping of sections (site:, organisations:, models: …)"))])
    data.text = text
    return data
