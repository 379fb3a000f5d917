"""A small JSON Schema checker for the keywords `docgen schema` uses (no jsonschema package in
the environment): type, properties, required, additionalProperties, items, enum, const,
pattern, minimum/maximum, minItems, anyOf, $ref, if/then. Returns the paths it rejects."""

from __future__ import annotations

import datetime as dt
import re

_TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


def as_json(value: object) -> object:
    """YAML data as an editor's JSON view of it: a YAML date is a string."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    return value


def errors(schema: dict, value: object, root: dict | None = None, path: str = "") -> list[str]:
    root = root or schema
    if "$ref" in schema:
        target = root
        for part in schema["$ref"].lstrip("#/").split("/"):
            target = target[part]
        return errors(target, value, root, path)
    out: list[str] = []
    if "anyOf" in schema:
        if all(errors(s, value, root, path) for s in schema["anyOf"]):
            out.append(f"{path}: anyOf")
        return out
    kind = schema.get("type")
    if kind is not None:
        kinds = kind if isinstance(kind, list) else [kind]
        if not any(_TYPES[k](value) for k in kinds):
            return [f"{path}: type {kind}"]
    if "enum" in schema and value not in schema["enum"]:
        out.append(f"{path}: enum")
    if "const" in schema and value != schema["const"]:
        out.append(f"{path}: const")
    if isinstance(value, str) and "pattern" in schema and not re.search(schema["pattern"], value):
        out.append(f"{path}: pattern")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            out.append(f"{path}: minimum")
        if "maximum" in schema and value > schema["maximum"]:
            out.append(f"{path}: maximum")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            out.append(f"{path}: minItems")
        if "items" in schema:
            for i, item in enumerate(value):
                out += errors(schema["items"], item, root, f"{path}[{i}]")
    if isinstance(value, dict):
        props = schema.get("properties", {})
        for key in schema.get("required", []):
            if key not in value:
                out.append(f"{path}.{key}: required")
        for key, item in value.items():
            if key in props:
                out += errors(props[key], item, root, f"{path}.{key}")
            elif schema.get("additionalProperties") is False:
                out.append(f"{path}.{key}: additionalProperties")
            elif isinstance(schema.get("additionalProperties"), dict):
                out += errors(schema["additionalProperties"], item, root, f"{path}.{key}")
        if "if" in schema and not errors(schema["if"], value, root, path) and "then" in schema:
            out += errors(schema["then"], value, root, path)
    return out
