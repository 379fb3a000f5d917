"""`docgen schema`: the spec's JSON Schema, for VS Code and other editors."""

from __future__ import annotations

from ..plumbing.progress import Echo
from ..spec.scaffold import json_schema


def run(echo: Echo) -> int:
    echo(json_schema())
    return 0
