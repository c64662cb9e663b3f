"""The data file's rules as JSON Schema, from the same record classes the checker uses, so that editors'
tools (VS Code with the YAML language server) underline mistakes and complete field names while typing."""

from .schema import SITE


def data_schema() -> dict:
    """The JSON Schema of content/data.yml: kinds, forms, required and unknown fields (what JSON Schema can say)."""
    definitions: dict = {}
    root = SITE.json_schema(definitions)
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "content/data.yml of the peer-support site",
        "description": "Generated from peersite/schema.py by `python -m peersite schema`; do not edit by hand."
                       " References between records, duplicate ids and model numbers are checked by `make check` only.",
        **root,
        "definitions": definitions,
    }
