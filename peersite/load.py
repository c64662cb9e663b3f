"""Read the YAML data file into dicts and lists that remember where each value stands."""

from pathlib import Path

import yaml

from .problems import DataError, Problem


class Mark:
    """A position in the data file, counted from 1."""

    __slots__ = ("line", "column")

    def __init__(self, yaml_mark: yaml.Mark):
        self.line = yaml_mark.line + 1
        self.column = yaml_mark.column + 1


class MarkedDict(dict):
    """A mapping with the position of itself and of each value, and any key written twice."""

    mark: Mark
    marks: dict
    duplicates: list  # (key, Mark of the repeat, line of the first)


class MarkedList(list):
    """A sequence with the position of itself and of each item."""

    mark: Mark
    marks: list


class _MarkingLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Safe loader (libyaml's, where installed) that keeps positions and notes duplicate keys."""

    def construct_mapping(self, node, deep=False):
        mapping = MarkedDict()
        mapping.mark, mapping.marks, mapping.duplicates = Mark(node.start_mark), {}, []
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in mapping:
                mapping.duplicates.append((key, Mark(key_node.start_mark), mapping.marks[key].line))
                continue
            mapping[key] = self.construct_object(value_node, deep=True)
            mapping.marks[key] = Mark(value_node.start_mark)
        return mapping

    def construct_sequence(self, node, deep=False):
        sequence = MarkedList(self.construct_object(child, deep=True) for child in node.value)
        sequence.mark, sequence.marks = Mark(node.start_mark), [Mark(c.start_mark) for c in node.value]
        return sequence


_MarkingLoader.add_constructor("tag:yaml.org,2002:map", _MarkingLoader.construct_mapping)
_MarkingLoader.add_constructor("tag:yaml.org,2002:seq", _MarkingLoader.construct_sequence)


def load_marked_yaml(path: Path, shown_path: str | None = None) -> MarkedDict:
    """Parse the data file, or raise DataError naming the syntax problem's place."""
    shown = shown_path or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(shown, [Problem(1, 1, "", "file not found — create it or pass the right path")])
    except UnicodeDecodeError as error:
        raise DataError(shown, [Problem(1, 1, "", f"not UTF-8 text ({error.reason}) — save the file as UTF-8")])
    loader = _MarkingLoader(text)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        what = " ".join(part for part in (error.context, error.problem) if part)
        raise DataError(shown, [Problem(
            mark.line + 1, mark.column + 1, "YAML syntax",
            f"{what} — check the indentation, colons and quotes on this line and the one before",
        )])
    finally:
        loader.dispose()
    if not isinstance(data, MarkedDict):
        raise DataError(shown, [Problem(1, 1, "", "the file must be a mapping of sections (organisations:, models:, …)")])
    return data
