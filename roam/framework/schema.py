"""The JSON Schema of the framework YAML files, for editors such as VS Code."""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from roam.framework.model import Category, EditionFile

SCHEMA_ID = "https://roam.invalid/schema/roam-framework.schema.json"


def framework_json_schema() -> dict[str, Any]:
    """One schema that accepts either an edition file or a category file."""
    adapter: TypeAdapter[EditionFile | Category] = TypeAdapter(EditionFile | Category)
    schema = adapter.json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = "roam framework file (edition or category)"
    return schema
