"""The data file's rules as JSON Schema, from the same record classes the checker uses, so that editors'
tools (VS Code with the YAML language server) underline mistakes and complete field names while typing."""

import json

from .schema import SITE

# The version of the data's shape, in the schema and the published dataset: raise the first number when a
# field is renamed or removed, the second when one is added. It shows in content/data.schema.json's diff.
SCHEMA_VERSION = "4.0.0"
DRAFT = "http://json-schema.org/draft-07/schema#"


def data_schema() -> dict:
    """The JSON Schema of content/data.yml: kinds, forms, required and unknown fields (what JSON Schema can say)."""
    definitions: dict = {}
    root = SITE.json_schema(definitions)
    return {
        "$schema": DRAFT,
        "title": "content/data.yml of the peer-support site",
        "version": SCHEMA_VERSION,
        "description": "Generated from peersite/data/schema.py by `python -m peersite schema`; do not edit by hand."
                       " References between records, duplicate ids and model numbers are checked by `make check` only.",
        **root,
        "definitions": definitions,
    }


def schema_json() -> str:
    """The JSON Schema as the text of content/data.schema.json."""
    return json.dumps(data_schema(), indent=2, ensure_ascii=False) + "\n"
