"""A changed file is validated by the validators a run before stored, with the same results.

Each reading runs in a process of its own: the validators are put on the record
classes once per process, so only a fresh process shows where they came from.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from roam.assessment.storage import save_assessment
from roam.framework.model import Framework

from .builders import small_assessment

# Prints whether the records' validators came from the cache (Pydantic marks a
# class complete when it builds one itself), then the reading or its problems.
_READ = """
import json, sys
from roam.assessment.loader import read_assessment
from roam.assessment.model import record_models
from roam.errors import SourceError
try:
    result = {"dump": read_assessment(sys.argv[1]).assessment.model_dump(mode="json")}
except SourceError as exc:
    result = {"problems": exc.lines}
result["stored"] = all(
    type(model.__dict__.get("__pydantic_validator__")).__name__ == "SchemaValidator"
    and not model.__pydantic_complete__
    for model in record_models()
)
print(json.dumps(result))
"""


# Opens a file as the TUI does (from the cache when it is there), then edits an
# answer, saves, and asks for a record's JSON Schema.  "built" says whether Pydantic
# generated any schema itself: its scan for plugins comes with the first it builds.
_EDIT = """
import datetime as dt, json, sys
from roam.assessment.history import set_answer_field
from roam.assessment.model import Answer, record_models
from roam.assessment.session import open_assessment
opened = open_assessment(sys.argv[1])
answer = opened.assessment.answer("R.A.1.a")
when = dt.datetime(2024, 6, 1, tzinfo=dt.timezone.utc)
set_answer_field(answer, "justification", "Law of 2021.", "Amina", when)
try:
    set_answer_field(answer, "year", 1800, "Amina", when)
except ValueError as exc:
    refused = str(exc)
opened.save()
opened.close()
built = "pydantic.plugin._loader" in sys.modules or any(
    model.__pydantic_complete__ for model in record_models()
)
print(json.dumps({
    "saved": open(sys.argv[1], encoding="utf-8").read(),
    "refused": refused,
    "built": built,
    "schema": Answer.model_json_schema(),  # after "built": it makes TypeAdapters of its own
}))
"""


_OPEN = """
import sys
from roam.assessment.session import open_assessment
open_assessment(sys.argv[1]).close()
print("{}")
"""


def _read(path: Path, cache: Path | str, script: str = _READ) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "ROAM_CACHE_DIR": str(cache)},
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


@pytest.fixture
def kenya(tmp_path: Path, mini: Framework) -> Path:
    path = tmp_path / "kenya.yaml"
    save_assessment(small_assessment(mini), path, mini)
    return path


def _change(path: Path, key: str, value: Any) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data[key] = value
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


def _stored_validators(cache: Path) -> list[Path]:
    return sorted(cache.glob("validators-*.pickle"))


def test_a_later_run_validates_with_the_stored_validators(kenya: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = _read(kenya, cache)
    assert not first["stored"] and len(_stored_validators(cache)) == 1
    _change(kenya, "country", "Kenya, changed outside roam")
    second = _read(kenya, cache)
    assert second["stored"]
    assert second["dump"]["country"] == "Kenya, changed outside roam"
    assert second == {**_read(kenya, "off"), "stored": True}


def test_errors_are_the_same_with_the_stored_validators(kenya: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _read(kenya, cache)
    _change(kenya, "iso", "kenya")
    _change(kenya, "languages", [])
    found = _read(kenya, cache)
    assert found["stored"]
    assert found["problems"] == _read(kenya, "off")["problems"]
    assert any("ISO 3166-1" in line for line in found["problems"])
    assert any("languages" in line for line in found["problems"])


def test_a_damaged_entry_is_built_again_and_replaced(kenya: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _read(kenya, cache)
    (entry,) = _stored_validators(cache)
    entry.write_bytes(entry.read_bytes()[:100])
    again = _read(kenya, cache)
    assert not again["stored"] and again["dump"]["country"]
    assert _read(kenya, cache)["stored"]


def test_editing_a_file_from_the_cache_uses_the_stored_validators(
    kenya: Path, tmp_path: Path
) -> None:
    """The first edit, save or schema of a session that opened its file from the cache."""
    cache = tmp_path / "cache"
    _read(kenya, cache, _OPEN)  # validates the file: stores it and the validators
    original = kenya.read_bytes()
    edited = _read(kenya, cache, _EDIT)
    assert not edited["built"]
    assert "Law of 2021." in edited["saved"]
    assert edited["refused"].startswith("year: Input should be greater than or equal to 1900")
    kenya.write_bytes(original)
    assert edited == {**_read(kenya, "off", _EDIT), "built": False}


def test_without_the_cache_pydantic_builds_them(kenya: Path) -> None:
    found = _read(kenya, "off")
    assert not found["stored"] and found["dump"]["iso"]


def test_importing_the_models_builds_no_validator() -> None:
    """Every model is built when first used: a start from the cache builds none."""
    probe = (
        "import sys, roam.assessment.model, roam.framework.model, roam.tui.app\n"
        "print('pydantic.plugin._loader' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_the_models_annotations_are_objects_not_strings_to_evaluate() -> None:
    """Pydantic evaluates annotation strings as each class is made, on every start."""
    from pydantic import BaseModel

    from roam.assessment import model as assessment_model
    from roam.framework import model as framework_model

    models = [
        found
        for module in (assessment_model, framework_model)
        for found in vars(module).values()
        if isinstance(found, type)
        and issubclass(found, BaseModel)
        and found.__module__ == module.__name__
    ]
    postponed = {
        f"{model.__name__}.{name}"
        for model in models
        for name, annotation in vars(model).get("__annotations__", {}).items()
        if isinstance(annotation, str)
    }
    assert {assessment_model.Assessment, Framework} <= set(models)
    assert postponed == set()
