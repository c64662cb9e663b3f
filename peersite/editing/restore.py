"""Put back the formatting of content/data.yml around an edit saved by the CMS.

Decap CMS saves the data file by writing it anew: comments gone, keys reordered, long lines folded, dates
unquoted, `{da: …, en: …}` turned into blocks. `restored` takes the file as it was (the original) and as the
CMS saved it, and edits the original's text where, and only where, the two mean different things: a changed
value is written over the old one in the old one's style, a removed record or key loses exactly its lines, an
added one is written after its predecessor (a record at the end of its list) in the style of its neighbours.
Every other byte stays as it was.

ruamel.yaml's parser gives each value's place and style, and its writer writes the new pieces. The original is
not dumped again as a whole (ruamel.yaml's round trip) because that writer keeps a comment with the value
before it: the header of the next section would go with a removed last record, and an added record would land
below that header.

Records in a list are matched by `id`. Items without one (ids in a list, texts, findings, the sources of a phone
number) are matched by place when the list kept its length, else the unchanged ones by value and the changed ones
by place among them; an item is never matched to a record whose id is still elsewhere in the list. A top-level
section the saved file does not hold is left as it is. The result is read back before it is returned: if it would not mean exactly what the
saved file means, `restored` refuses rather than write something else.
"""

import difflib
import functools
import io
import re
import tempfile
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.scalarstring import (DoubleQuotedScalarString, FoldedScalarString, LiteralScalarString,
                                      SingleQuotedScalarString)

from ..data.load import load_marked_yaml
from ..data.problems import DataError

# A text is written on one line however long, as the data file writes its texts.
WIDTH = 1_000_000_000
STYLES = {'"': DoubleQuotedScalarString, "'": SingleQuotedScalarString, "|": LiteralScalarString, ">": FoldedScalarString}
# Written without quotes where nothing else shows the style: ids, kinds, addresses (the data file's habit).
UNQUOTED = re.compile(r"[\w./:@+-]+")


@dataclass(frozen=True)
class Replacement:
    """Text to put in place of the original's characters start to end."""

    start: int
    end: int
    text: str


def writer() -> YAML:
    """ruamel.yaml set to write as the data file is written: 2-space mappings, list dashes indented 2."""
    writer = YAML()
    writer.width = WIDTH
    writer.indent(mapping=2, sequence=4, offset=2)
    return writer


WRITER = writer()


def dumped(data) -> str:
    """data written as YAML."""
    stream = io.StringIO()
    WRITER.dump(data, stream)
    return stream.getvalue()


def same(before, after) -> bool:
    """Whether two values read from YAML mean the same, types included (true is not 1)."""
    if isinstance(before, dict) and isinstance(after, dict):
        return before.keys() == after.keys() and all(same(before[key], after[key]) for key in before)
    if isinstance(before, list) and isinstance(after, list):
        return len(before) == len(after) and all(map(same, before, after))
    return type(before) is type(after) and before == after


def first_difference(before, after, path: tuple = ()) -> tuple | None:
    """The path to the first place two values differ, or None when they mean the same."""
    if isinstance(before, dict) and isinstance(after, dict):
        for key in [*before, *(key for key in after if key not in before)]:
            if key not in before or key not in after:
                return (*path, key)
            if (found := first_difference(before[key], after[key], (*path, key))) is not None:
                return found
        return None
    if isinstance(before, list) and isinstance(after, list):
        for index, (old, new) in enumerate(zip(before, after)):
            if (found := first_difference(old, new, (*path, index))) is not None:
                return found
        return None if len(before) == len(after) else (*path, min(len(before), len(after)))
    return None if same(before, after) else path


def shown(path: tuple) -> str:
    """A path as the checker writes it: models[0].summary.da."""
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path).lstrip(".") or "the file"


def located(data, path: tuple) -> tuple[int, int]:
    """Line and column of the value at path in data read by load_marked_yaml (of its parent where it is absent)."""
    mark = getattr(data, "mark", None)
    for part in path:
        marks = getattr(data, "marks", None)
        try:
            mark, data = marks[part], data[part]
        except (IndexError, KeyError, TypeError):
            break
    return (mark.line, mark.column) if mark else (1, 1)


def canonical(value):
    """A hashable form of a value read from YAML, equal for equal values."""
    if isinstance(value, dict):
        return ("map", tuple(sorted(((canonical(key), canonical(item)) for key, item in value.items()), key=repr)))
    if isinstance(value, list):
        return ("seq", tuple(canonical(item) for item in value))
    return (type(value).__name__, value)


def identity(item):
    """What an item of a list is known by: its id, or else its whole value."""
    if isinstance(item, dict) and type(item.get("id")) in (str, int):
        return ("id", item["id"])
    return ("value", canonical(item))


def paired(before: list, after: list) -> dict[int, int]:
    """For each item of after that continues an item of before, that item's index.

    A record pairs with the record of the same id, wherever it stands. The other items pair by place when as many
    are left on both sides (a list edited in place); else the unchanged ones pair by value, and the changed ones by
    place among them."""
    old, new = [identity(item) for item in before], [identity(item) for item in after]
    counted_old, counted_new = Counter(old), Counter(new)
    unique = {key for key in counted_old if key[0] == "id" and counted_old[key] == 1 and counted_new[key] == 1}
    where = {key: index for index, key in enumerate(old) if key in unique}
    pairs = {index: where[key] for index, key in enumerate(new) if key in unique}
    free_old = [index for index, key in enumerate(old) if key not in unique]
    free_new = [index for index, key in enumerate(new) if key not in unique]
    if len(free_old) == len(free_new):
        return pairs | dict(zip(free_new, free_old))
    matcher = difflib.SequenceMatcher(None, [old[index] for index in free_old], [new[index] for index in free_new], autojunk=False)
    for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if tag in ("equal", "replace"):
            pairs |= dict(zip(free_new[new_start:new_end], free_old[old_start:old_end]))
    return pairs


def staying(pairs: dict[int, int]) -> set[int]:
    """The new indices of the longest run of pairs that keep their order: these stay where they are, the other
    pairs moved."""
    tails, tail_at, previous = [], [], {}
    for new_index in sorted(pairs):
        place = bisect_left(tails, pairs[new_index])
        previous[new_index] = tail_at[place - 1] if place else None
        if place == len(tails):
            tails.append(pairs[new_index])
            tail_at.append(new_index)
        else:
            tails[place], tail_at[place] = pairs[new_index], new_index
    kept, index = set(), tail_at[-1] if tail_at else None
    while index is not None:
        kept.add(index)
        index = previous[index]
    return kept


def written_plain(text: str) -> bool:
    """Whether a text can be written without quotes and still be read as this text by YAML 1.1 (the site's
    loader reads `no` as false) and 1.2 alike."""
    return not yaml.safe_dump({"k": text}, allow_unicode=True, width=WIDTH)[3:].startswith(("'", '"'))


def informative(node) -> bool:
    """Whether a node shows a style to copy (an empty value shows none)."""
    return isinstance(node, Node) and not (isinstance(node, ScalarNode) and node.value == "" and not node.style)


def child_templates(templates: list, key) -> list:
    """The values under key in the mappings among templates."""
    return [value for template in templates if isinstance(template, MappingNode)
            for key_node, value in template.value if key_node.value == key]


def child_names(node: MappingNode) -> list:
    """The keys of a mapping node."""
    return [key.value for key, _ in node.value]


def item_templates(templates: list) -> list:
    """The items of the lists among templates, the last first (a new record is written like the one before it)."""
    return [item for template in templates if isinstance(template, SequenceNode) for item in reversed(template.value)]


def key_order(keys, templates: list) -> list:
    """keys in the order the first template mapping writes them, then the rest as they come."""
    written = next((child_names(template) for template in templates if isinstance(template, MappingNode)), [])
    return [key for key in written if key in keys] + [key for key in keys if key not in written]


class RestoreError(Exception):
    """The files cannot be restored: carries the problems, each located in one of them."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


class Original:
    """The original file's text, with the edits that make it mean what the saved file means."""

    def __init__(self, text: str, root: Node):
        self.text = text
        # How the file writes the values under each key: the style of its texts, whether its lists are in flow.
        counted: dict[tuple, Counter] = {}
        nodes = [(root, None)]
        while nodes:
            node, key = nodes.pop()
            if isinstance(node, ScalarNode):
                if informative(node):
                    counted.setdefault((key, ScalarNode), Counter())[node.style] += 1
                continue
            counted.setdefault((key, type(node)), Counter())[node.flow_style] += 1
            nodes += [(value, key_node.value) for key_node, value in node.value] if isinstance(node, MappingNode) \
                else [(item, key) for item in node.value]
        self.habits = {kind: count.most_common(1)[0][0] for kind, count in counted.items()}

    def styled(self, value, templates: list, key=None):
        """A new value as ruamel.yaml will write it: quoted, in flow or in block like the first template of its
        kind; where there is none, as the file writes the values under the same key; where it has none, texts
        in double quotes and words (ids, kinds, addresses) without."""
        templates = [template for template in templates if informative(template)]
        if isinstance(value, (dict, list)):
            kind = MappingNode if isinstance(value, dict) else SequenceNode
            if isinstance(value, dict):
                new = CommentedMap((name, self.styled(value[name], child_templates(templates, name), name))
                                   for name in key_order(value, templates))
            else:
                new = CommentedSeq(self.styled(item, item_templates(templates), key) for item in value)
            like = next((template for template in templates if isinstance(template, kind)), None)
            flow = like.flow_style if like is not None else self.habits.get((key, kind), False)
            new.fa.set_flow_style() if flow else new.fa.set_block_style()
            return new
        if not isinstance(value, str):
            return value
        like = next((template for template in templates if isinstance(template, ScalarNode)), None)
        style = like.style if like is not None else self.habits.get((key, ScalarNode), "" if UNQUOTED.fullmatch(value) else '"')
        if style in STYLES:
            return STYLES[style](value)
        return value if written_plain(value) else DoubleQuotedScalarString(value)

    def line_start(self, index: int) -> int:
        """Where the line holding index starts."""
        return self.text.rfind("\n", 0, index) + 1

    def line_end(self, last: int) -> int:
        """Where the line after the one holding index last starts (an end-of-line comment stays with its line)."""
        found = self.text.find("\n", last)
        return len(self.text) if found < 0 else found + 1

    def last(self, node: Node) -> int:
        """Index of the last character a node is written with."""
        if isinstance(node, MappingNode) and not node.flow_style and node.value:
            key, value = node.value[-1]
            return self.last(value) if informative(value) else key.end_mark.index
        if isinstance(node, SequenceNode) and not node.flow_style and node.value:
            item = node.value[-1]
            return self.last(item) if informative(item) else self.text.rfind("-", 0, item.start_mark.index)
        end = node.end_mark.index
        while end - 1 > node.start_mark.index and self.text[end - 1] in " \t\r\n":  # block scalars end after their line breaks
            end -= 1
        return end - 1

    def prefix(self, index: int) -> str:
        """What stands before index on its line, spaces removed."""
        return self.text[self.line_start(index):index].strip()

    def entry_span(self, key: Node, value: Node) -> tuple[int, int] | None:
        """The lines of a mapping entry; None for one that shares its line with a list's dash."""
        if self.prefix(key.start_mark.index):
            return None
        end = self.last(value) if informative(value) else key.end_mark.index
        return self.line_start(key.start_mark.index), self.line_end(end)

    def item_span(self, item: Node) -> tuple[int, int] | None:
        """The lines of a block list's item, from its dash; None where the dash is not alone before it."""
        if self.prefix(item.start_mark.index) != "-" or not informative(item):
            return None
        return self.line_start(item.start_mark.index), self.line_end(self.last(item))

    def dash_column(self, item: Node) -> int:
        """The column of the dash before a block list's item."""
        start = self.line_start(item.start_mark.index)
        return self.text.index("-", start) - start

    @staticmethod
    def indented(text: str, column: int) -> str:
        """Every line of text moved right by column spaces (to the left where column is negative); empty lines stay
        empty."""
        return "".join(line if line == "\n" else " " * column + line if column >= 0 else line[-column:]
                       for line in text.splitlines(keepends=True))

    def entry_text(self, key, value, column: int) -> str:
        """A mapping entry written at column."""
        return self.indented(dumped(CommentedMap([(key, value)])), column)

    def item_text(self, value, column: int) -> str:
        """A list item written with its dash at column."""
        written = dumped(CommentedSeq([value]))
        return self.indented(written, column - (len(written) - len(written.lstrip(" "))))

    def line_after(self, index: int) -> tuple[int, str]:
        """Where text inserted after the line ending at index goes, and what must come first (a line break the
        file's last line lacks)."""
        return index, "" if index == 0 or self.text[index - 1] == "\n" else "\n"

    def inline(self, value) -> str | None:
        """A value written on one line, as after `key: `; None when it takes more lines."""
        written = dumped(CommentedMap([("k", value)]))[2:]
        written = written[1:] if written.startswith(" ") else written
        return written[:-1] if written.count("\n") == 1 and written.endswith("\n") and written != "\n" else None

    def value_edits(self, node: Node, before, after, templates: list, key=None) -> list[Replacement] | None:
        """The edits that make node (the value under key), which means before, mean after; None when it must be
        written anew whole."""
        if same(before, after):
            return []
        block = isinstance(node, (MappingNode, SequenceNode)) and not node.flow_style
        if block and isinstance(node, MappingNode) and isinstance(before, dict) and isinstance(after, dict) and after:
            return self.mapping_edits(node, before, after, templates)
        if block and isinstance(node, SequenceNode) and isinstance(before, list) and isinstance(after, list) and after:
            return self.sequence_edits(node, before, after, templates, key)
        if block or not informative(node) or (isinstance(node, ScalarNode) and node.style in ("|", ">")):
            return None
        written = self.inline(self.styled(after, [node, *templates], key))
        return None if written is None else [Replacement(node.start_mark.index, node.end_mark.index, written)]

    def mapping_edits(self, node: MappingNode, before: dict, after: dict, templates: list) -> list[Replacement] | None:
        """Edits to a block mapping: changed values in place, removed keys' lines gone, new keys after the key
        before them (in the order of the mappings beside this one)."""
        entries = dict(zip(before, node.value))
        edits = []
        for key, (key_node, value_node) in entries.items():
            if key not in after:
                if (span := self.entry_span(key_node, value_node)) is None:
                    return None
                edits.append(Replacement(*span, ""))
                continue
            below = child_templates(templates, key)
            if not informative(value_node) and not same(before[key], after[key]):
                # An empty value filled in: after the colon, or on the lines below; a comment on the line stays.
                value = self.styled(after[key], below, key)
                if (written := self.inline(value)) is not None:
                    colon = self.text.index(":", key_node.end_mark.index) + 1
                    edits.append(Replacement(colon, colon, f" {written}"))
                    continue
                first, below_key = self.entry_text(key, value, key_node.start_mark.column).split("\n", 1)
                if first.endswith(":"):
                    at, lead = self.line_after(self.line_end(key_node.end_mark.index))
                    edits.append(Replacement(at, at, lead + below_key))
                    continue
            inner = self.value_edits(value_node, before[key], after[key], below, key)
            if inner is None:
                if (span := self.entry_span(key_node, value_node)) is None:
                    return None
                inner = [Replacement(*span, self.entry_text(key, self.styled(after[key], [value_node, *below], key), key_node.start_mark.column))]
            edits += inner
        kept = [key for key in before if key in after]
        if not kept:
            return None
        column = node.value[0][0].start_mark.column
        for key in (key for key in after if key not in before):
            # The order of the first mapping beside this one that has the key, else the saved file's (the CMS's form).
            order = next((child_names(template) for template in [*templates, node]
                          if isinstance(template, MappingNode) and key in child_names(template)), list(after))
            earlier = [other for other in order[:order.index(key)] if other in kept]
            # A key first in order still goes after the first one when that one shares the line of a list's dash.
            anchor = earlier[-1] if earlier else (kept[0] if self.prefix(node.value[0][0].start_mark.index) else None)
            if anchor is None:
                at, lead = self.line_start(entries[kept[0]][0].start_mark.index), ""
            else:
                key_node, value_node = entries[anchor]
                at, lead = self.line_after(self.line_end(self.last(value_node) if informative(value_node) else key_node.end_mark.index))
            edits.append(Replacement(at, at, lead + self.entry_text(key, self.styled(after[key], child_templates(templates, key), key), column)))
        return edits

    def sequence_edits(self, node: SequenceNode, before: list, after: list, templates: list, key=None) -> list[Replacement] | None:
        """Edits to a block list: paired items changed in place, the others' lines removed, new items after the
        item before them (at the end of the list when added last), written like their neighbours."""
        items = node.value
        if not items:
            return None
        pairs = paired(before, after)
        kept = staying(pairs)
        spans = {index: self.item_span(item) for index, item in enumerate(items)}
        if None in spans.values():
            return None
        column = self.dash_column(items[0])
        neighbours = [*reversed(items), *item_templates(templates)]
        edits = [Replacement(*spans[index], "") for index in sorted(set(range(len(items))) - {pairs[new] for new in kept})]
        previous = None
        for new_index, value in enumerate(after):
            if new_index in kept:
                previous = old_index = pairs[new_index]
                inner = self.value_edits(items[old_index], before[old_index], value, neighbours, key)
                if inner is None:
                    inner = [Replacement(*spans[old_index], self.item_text(self.styled(value, [items[old_index], *neighbours], key), column))]
                edits += inner
                continue
            own = [items[pairs[new_index]]] if new_index in pairs else []
            if previous is None:
                at, lead = spans[0][0], ""
            else:
                at, lead = self.line_after(spans[previous][1])
            edits.append(Replacement(at, at, lead + self.item_text(self.styled(value, [*own, *neighbours], key), column)))
        return edits

    def edited(self, edits: list[Replacement]) -> str:
        """The text with the edits made: insertions at one place in the order they were found."""
        parts, cursor = [], 0
        for order, edit in sorted(enumerate(edits), key=lambda pair: (pair[1].start, pair[1].end, pair[0])):
            if edit.start < cursor:  # one value reached twice, through an alias (*name)
                raise ValueError(f"two edits at character {edit.start}")
            parts += [self.text[cursor:edit.start], edit.text]
            cursor = edit.end
        return "".join(parts + [self.text[cursor:]])


def read(path: Path, shown_path: str):
    """A data file read as YAML reads it; RestoreError with its problems where it cannot be."""
    try:
        return load_marked_yaml(path, shown_path, as_written=True)
    except DataError as error:
        raise RestoreError([problem.format(shown_path) for problem in error.problems]) from None


@functools.lru_cache(maxsize=4)  # restoring against one original again (the tests) reads it once
def node_tree(text: str) -> Node:
    """A YAML text's node tree, with each value's place and style (read only: it is shared)."""
    return YAML(typ="safe", pure=True).compose(text)


def composed(text: str, shown_path: str) -> Node:
    """The original's node tree; RestoreError where ruamel.yaml cannot read it."""
    try:
        return node_tree(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"{mark.line + 1}:{mark.column + 1}" if mark else "1:1"
        raise RestoreError([f"{shown_path}:{where}: YAML syntax: {error.problem or error.context}"]) from None


def structure_problem(node: Node, data, path: tuple = ()) -> tuple[tuple, Node] | None:
    """Where the node tree does not hold what the site's loader read (a key written twice): path and node."""
    if isinstance(data, dict):
        if not isinstance(node, MappingNode) or len(node.value) != len(data):
            return path, node
        return next((found for (_, value), key in zip(node.value, data)
                     if (found := structure_problem(value, data[key], (*path, key)))), None)
    if isinstance(data, list):
        if not isinstance(node, SequenceNode) or len(node.value) != len(data):
            return path, node
        return next((found for index, item in enumerate(node.value)
                     if (found := structure_problem(item, data[index], (*path, index)))), None)
    return None


def restored(original: Path, saved: Path, original_name: str | None = None, saved_name: str | None = None) -> str:
    """The original file's text, changed to mean exactly what the saved file means (a top-level section the saved
    file lacks kept as it is); RestoreError naming each problem's place in either file."""
    original_name, saved_name = original_name or str(original), saved_name or str(saved)
    before, after = read(original, original_name), read(saved, saved_name)
    expected = {key: after.get(key, value) for key, value in before.items()} | after
    root = composed(before.text, original_name)
    if (found := structure_problem(root, before)) is not None:
        path, node = found
        raise RestoreError([f"{original_name}:{node.start_mark.line + 1}:{node.start_mark.column + 1}: {shown(path)}:"
                            " a key is written twice here — run `make check` on the original and fix it first"])
    file = Original(before.text, root)
    edits = file.value_edits(root, before, expected, [])
    try:
        text = file.edited(edits) if edits is not None else dumped(file.styled(expected, [root]))
    except ValueError:
        raise RestoreError([f"{saved_name}: the change touches a value {original_name} writes once and uses twice"
                            f" (an alias, *name); {saved_name} is left as it is — make the change in the file by hand"]) from None
    with tempfile.TemporaryDirectory() as folder:
        written = Path(folder, "restored.yml")
        written.write_text(text, encoding="utf-8")
        try:
            result = load_marked_yaml(written, "the restored file")
        except DataError as error:
            raise RestoreError([f"{saved_name}: restoring would write a file YAML cannot read"
                                f" ({error.problems[0].format('the restored file')}); {saved_name} is left as it is"
                                " — a bug in peersite/editing/restore.py: please report it with both files"]) from None
    if (path := first_difference(result, expected)) is not None:
        line, column = located(after, path)
        raise RestoreError([f"{saved_name}:{line}:{column}: {shown(path)}: restoring would change what this value"
                            f" means; {saved_name} is left as it is — a bug in peersite/editing/restore.py: please report it"
                            " with both files"])
    return text


def changed_lines(before: str, after: str) -> tuple[int, int]:
    """Lines removed from before and added in after."""
    removed = added = 0
    for tag, old_start, old_end, new_start, new_end in difflib.SequenceMatcher(
            None, before.splitlines(), after.splitlines(), autojunk=False).get_opcodes():
        removed += (old_end - old_start) * (tag != "equal")
        added += (new_end - new_start) * (tag != "equal")
    return removed, added
