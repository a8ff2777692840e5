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


def crosswalk_json_schema() -> dict[str, Any]:
    """The schema of a crosswalk file (indicators/crosswalks/<from>__<to>.yaml)."""
    from roam.framework.crosswalk import CrosswalkFile

    return _titled(
        TypeAdapter(CrosswalkFile).json_schema(by_alias=True),
        "roam-crosswalk.schema.json",
        "roam crosswalk between two editions",
    )


def overlay_json_schema() -> dict[str, Any]:
    """The schema of an official-text overlay file (*.overlay.yaml)."""
    from roam.framework.overlay import OverlayFile

    return _titled(
        TypeAdapter(OverlayFile).json_schema(),
        "roam-overlay.schema.json",
        "roam official-text overlay",
    )


def _titled(schema: dict[str, Any], name: str, title: str) -> dict[str, Any]:
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://roam.invalid/schema/{name}"
    schema["title"] = title
    return schema


SCHEMAS = {
    "framework": framework_json_schema,
    "crosswalk": crosswalk_json_schema,
    "overlay": overlay_json_schema,
}
