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


def syntax_problem(error: yaml.YAMLError, text: str) -> Problem:
    """A YAML error as a located problem, with what to do about it."""
    if isinstance(error, yaml.reader.ReaderError):
        code = error.character if isinstance(error.character, int) else ord(error.character)
        return Problem(*position(text, error.position), _("YAML syntax"),
                       _("the control character U+{code:04X} is not allowed — delete it (it is invisible in most editors)", code=code))
    if not isinstance(error, yaml.constructor.ConstructorError) and (plain := in_plain_words(error, text)):
        return Problem(*plain[:2], _("YAML syntax"), plain[2])
    mark = Mark.of(error.problem_mark or error.context_mark)
    what = " ".join(part for part in (error.context, error.problem) if part)
    if isinstance(error, yaml.constructor.ConstructorError) and "tag" in what:
        return Problem(mark.line, mark.column, _("YAML syntax"), must_be_quoted("!", tag=True))
    if isinstance(error, yaml.constructor.ConstructorError):
        fix = _("write a shorter value")
    elif "single document" in what:
        fix = _("the file holds one document: remove the line '---' and join the parts")
    else:
        fix = _("check the indentation, colons and quotes on this line and the one before")
    return Problem(mark.line, mark.column, _("YAML syntax"), _("{parser} — {fix}", parser=what, fix=fix))


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
                problems.append(Problem(mark.line, mark.column, _("YAML structure"),
                                        _("a key must be a plain word, not a list or a mapping — write it like 'name:'")))
            if open_collections[-1] is not None:
                open_collections[-1] = not at_key
        aliases |= isinstance(event, yaml.AliasEvent)
        if isinstance(event, yaml.CollectionStartEvent):
            open_collections.append(True if isinstance(event, yaml.MappingStartEvent) else None)
            if len(open_collections) > MAX_DEPTH:
                mark = Mark.of(event.start_mark)
                return problems + [Problem(mark.line, mark.column, _("YAML structure"), _("nested more than {depth} levels deep — the data needs only a few;"
                                           " check the brackets and the indentation", depth=MAX_DEPTH))], aliases
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
            return Problem(mark.line, mark.column, _("YAML structure"),
                           _("an alias (*name) refers to the value it stands in — write the value out instead"))
        height[id(node)] = 0
        stack.append((node, True))
        stack.extend((child, False) for child in children(node) if id(child) not in done)
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
        raise DataError(shown, [Problem(line, column, "", _("not UTF-8 text ({reason}) — save the file as UTF-8", reason=error.reason))])
    # Places are counted after a byte-order mark, as YAML reads the file (libyaml does not count it).
    text = text.removeprefix(BOM)
    # Read as the editor meant it, the smart quotes around values straight; they are reported with the rest.
    pasted = [] if as_written else pasted_quotes(text)
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
            raise DataError(shown, [Problem(1, 1, "", _("the file is empty — it must hold the sections site:, organisations:, models: …"))])
        if aliases and (problem := alias_problem(root)):
            raise DataError(shown, pasted + [problem])
        data = loader.construct_document(root)
    except yaml.YAMLError as error:
        raise DataError(shown, pasted + [syntax_problem(error, readable)]) from None
    finally:
        loader.dispose()
    if not isinstance(data, MarkedDict):
        raise DataError(shown, [Problem(1, 1, "", _("the file must be a mapping of sections (site:, organisations:, models: …)"))])
    data.text = text
    return data
