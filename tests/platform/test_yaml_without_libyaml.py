"""PyYAML built without LibYAML (conda, source builds): the pure-Python loader, same errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from roam import marked_yaml
from roam.errors import Problem, SourceError
from roam.marked_yaml import parse_marked_yaml
from tests.helpers.calls import recorded_calls

needs_libyaml = pytest.mark.skipif(
    not hasattr(yaml, "CSafeLoader"), reason="this PyYAML has no LibYAML to compare with"
)

DOCUMENTS = {
    "plain": "a: 1\nb: [x, y]\nc: {d: no, e: 2024-01-02}\n",
    "merge": "base: &b {x: 1}\nm:\n  <<: *b\n  y: 2\n",
    "duplicate key": "a: 1\nb: 2\na: 3\n",
    "bad tag": "a: !!int x\n",
    "unknown alias": "a: &x [1, 2]\nb: *x\nc: *y\n",
    "bad indent": "a: 1\n  b: 2\n",
    "unclosed list": "a: [1, 2\n",
    "tab indent": "a:\n\t- 1\n",
    "unterminated quote": "a: 'open\n",
    "control character": "a: 1\nb: x\x07y\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "too deep": "[" * 70 + "]" * 70,
}


def _outcome(text: str) -> tuple[str, Any]:
    try:
        document = parse_marked_yaml(text, "team.yaml")
    except SourceError as exc:
        return "error", exc.problems
    return "data", (document.data, document.problems)


@pytest.fixture
def without_libyaml(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(yaml, "CSafeLoader", raising=False)


def _where(problems: list[Problem]) -> list[tuple[str, int | None, int | None, str]]:
    """File, line, column and kind of each problem (LibYAML words syntax errors its own way)."""
    return [(p.path, p.line, p.column, p.message.split(":")[0]) for p in problems]


@needs_libyaml
@pytest.mark.parametrize("name", DOCUMENTS)
def test_the_pure_python_loader_reads_and_refuses_the_same(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = DOCUMENTS[name]
    with_libyaml = _outcome(text)
    monkeypatch.delattr(yaml, "CSafeLoader")
    without = _outcome(text)
    assert without[0] == with_libyaml[0]
    if without[0] == "data":
        assert without == with_libyaml
    else:
        assert _where(without[1]) == _where(with_libyaml[1])


def test_errors_without_libyaml_name_file_line_and_column(without_libyaml: None) -> None:
    kind, problems = _outcome("a: 1\nb: x\x07y\n")
    assert kind == "error"
    assert [str(p) for p in problems] == [
        "team.yaml:2:5: YAML syntax error: character U+0007 is not allowed in YAML"
    ]
    kind, problems = _outcome("[" * 200 + "]" * 200)
    assert [str(p) for p in problems] == [
        "team.yaml:1:65: nested more than 64 levels deep; refusing to read it"
    ]


def test_the_built_in_framework_and_the_demo_load_without_libyaml(
    cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from roam.assessment.loader import load_assessment
    from roam.assessment.storage import save_assessment
    from roam.demo import make_demo
    from roam.framework.loader import load_framework
    from roam.scoring.engine import score

    framework = load_framework()
    path = tmp_path / "examplia.yaml"
    save_assessment(make_demo(framework, path=path), path, framework)
    expected = score(load_assessment(path, framework), framework)

    monkeypatch.setenv("ROAM_CACHE_DIR", str(tmp_path / "empty-cache"))  # parse again
    monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    parsed = recorded_calls(monkeypatch, marked_yaml, "_parse", lambda _text, path, **_: path)
    framework = load_framework()
    assert len(framework.places) == 303
    assert score(load_assessment(path, framework), framework) == expected
    assert len(parsed) == 8  # the edition's seven files and the assessment: all parsed
