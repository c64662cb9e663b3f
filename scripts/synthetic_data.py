"""Write a data file with N models and N evidence sources, for measuring how the build scales."""

import argparse
import copy
from pathlib import Path

import yaml

MINIMAL = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "minimal.yml"


def synthetic_data(count: int) -> dict:
    """The minimal data grown to `count` models, each with an evidence source of its own."""
    data = yaml.safe_load(MINIMAL.read_text(encoding="utf-8"))
    model, source = data["models"][0], data["evidence"][0]
    for number in range(2, count + 1):
        model_id, source_id = f"model-{number:04d}", f"source-{number:04d}"
        data["models"].append({
            **copy.deepcopy(model), "id": model_id, "number": number,
            "name": {"da": f"Model {number}", "en": f"Model {number}"},
        })
        data["evidence"].append({
            **copy.deepcopy(source), "id": source_id, "models": [model_id],
            "name": {"da": f"Kilde {number}", "en": f"Source {number}"},
        })
    return data


class _PlainDumper(yaml.SafeDumper):
    """Writes every value out, as an editor does, instead of anchors and aliases for repeated ones."""

    def ignore_aliases(self, data):
        return True


def as_yaml(data: dict) -> str:
    """The data as an editor would write it: no anchors or aliases, keys in the order given."""
    return yaml.dump(data, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False)


def main() -> None:
    """Write the synthetic data file named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", type=int, help="how many models and evidence sources")
    parser.add_argument("output", type=Path, help="where to write the data file")
    args = parser.parse_args()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    data = synthetic_data(args.count)
    args.output.write_text(as_yaml(data), encoding="utf-8")
    print(f"{args.output}: {args.count} models, {len(data['evidence'])} evidence sources")


if __name__ == "__main__":
    main()
