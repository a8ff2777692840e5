"""Official-text overlays: UNESCO's numbering and wording, recorded by a team that holds it.

roam's catalogue is written in roam's own words.  A team with UNESCO's publication
may record, for any item (category, theme, question or indicator), UNESCO's number
and text in an overlay file; roam then shows and exports that text beside its own,
with provenance ``unesco``.  roam ships no UNESCO text: the example overlay says so.

An overlay is a YAML file named ``*.overlay.yaml``, found beside the assessment
file or in a folder given with ``--overlay``.  It names the edition it is for;
an overlay for another edition or version is ignored.  Problems are reported with
``file:line:col``, as for framework files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from pydantic import Field, ValidationError

from roam.errors import Problem, SourceError, sort_problems
from roam.framework.crosswalk import EditionName
from roam.framework.loader import display_path
from roam.framework.model import Code, Framework, StrictModel, UnescoRef
from roam.framework.text import Text
from roam.marked_yaml import MarkedDocument, read_marked_yaml
from roam.validation_problems import validation_problems

OVERLAY_SUFFIX = ".overlay.yaml"


class OverlaySource(StrictModel):
    """The publication the official texts were copied from, so a reader can check them."""

    title: str = Field(min_length=1)
    publisher: str = "UNESCO"
    year: int = Field(ge=1990, le=2100)
    isbn: str | None = None
    url: str | None = None


class OfficialText(StrictModel):
    code: Code = Field(description="roam's code of the item the official text belongs to.")
    unesco_ref: UnescoRef | None = None
    text: Text | None = None
    page: Annotated[int, Field(ge=1)] | None = None


class OverlayFile(StrictModel):
    edition: EditionName
    source: OverlaySource
    example: bool = Field(
        default=False,
        description="True for a file that shows the format with made-up texts, never UNESCO's.",
    )
    items: list[OfficialText] = Field(min_length=1)


@dataclass(frozen=True, slots=True)
class Official:
    """One item's official reference and text, and the overlay it came from."""

    unesco_ref: str | None
    text: dict[str, str] | None
    page: int | None
    example: bool
    path: Path


@dataclass
class Overlay:
    """The official texts of every overlay found for one edition, by roam's code."""

    items: dict[str, Official] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)

    def get(self, code: str) -> Official | None:
        return self.items.get(code)

    def __bool__(self) -> bool:
        return bool(self.items)


def item_codes(framework: Framework) -> set[str]:
    """Every code an overlay may name: categories, themes, questions and indicators."""
    codes: set[str] = set()
    for category in framework.categories:
        codes.add(category.code)
        for theme in category.themes:
            codes.add(theme.code)
            for question in theme.questions:
                codes.add(question.code)
                codes.update(indicator.code for indicator in question.indicators)
    return codes


def read_overlay(path: Path, framework: Framework) -> OverlayFile | None:
    """The overlay at ``path`` if it is for ``framework``'s edition; None if for another.

    Raises :class:`SourceError` (``file:line:col``) for a malformed overlay or one that
    names codes the edition does not have.
    """
    document = read_marked_yaml(path, display_path=display_path(path))
    problems: list[Problem] = list(document.problems)
    parsed: OverlayFile | None = None
    if not isinstance(document.data, dict):
        problems.append(
            Problem(document.path, "an overlay is a mapping with edition, source and items", 1, 1)
        )
    else:
        try:
            parsed = OverlayFile.model_validate(document.data)
        except ValidationError as exc:
            problems += validation_problems(document, exc, ())
    if parsed is not None and problems == []:
        if (parsed.edition.id, parsed.edition.version) != (framework.id, framework.version):
            return None
        problems += _check_items(parsed, document, framework)
    if problems or parsed is None:
        raise SourceError(sort_problems(problems))
    return parsed


def _check_items(
    parsed: OverlayFile, document: MarkedDocument, framework: Framework
) -> list[Problem]:
    known = item_codes(framework)
    problems = []
    seen: dict[str, int] = {}
    for index, item in enumerate(parsed.items):
        loc = ("items", index)
        if item.code not in known:
            problems.append(
                document.problem_at(
                    (*loc, "code"),
                    f"{framework.id} {framework.version} has no item '{item.code}'",
                )
            )
        earlier = seen.setdefault(item.code, index)
        if earlier != index:
            line, column = document.locate(("items", earlier))
            problems.append(
                document.problem_at(
                    (*loc, "code"),
                    f"'{item.code}' is already given at {document.path}:{line}:{column}",
                )
            )
        if item.unesco_ref is None and item.text is None:
            problems.append(
                document.problem_at(loc, f"'{item.code}': give unesco_ref, text or both")
            )
    return problems


def overlay_files(beside: Path | None, folders: tuple[Path, ...] = ()) -> list[Path]:
    """The ``*.overlay.yaml`` files beside ``beside`` (a file) and in ``folders``."""
    found: list[Path] = []
    places = [*([beside.parent] if beside is not None else []), *folders]
    for folder in places:
        if folder.is_dir():
            for path in sorted(folder.glob(f"*{OVERLAY_SUFFIX}")):
                if path.resolve() not in {p.resolve() for p in found}:
                    found.append(path)
    return found


def load_overlay(
    framework: Framework, beside: Path | None = None, folders: tuple[Path, ...] = ()
) -> Overlay:
    """Every overlay for ``framework`` found beside ``beside`` and in ``folders``, merged.

    All problems of all files are raised together; a code given by two files is a
    problem too (which one is right is the team's call, not roam's).
    """
    overlay = Overlay()
    problems: list[Problem] = []
    origins: dict[str, Path] = {}
    for path in overlay_files(beside, folders):
        try:
            parsed = read_overlay(path, framework)
        except SourceError as exc:
            problems += exc.problems
            continue
        if parsed is None:
            continue
        overlay.files.append(path)
        for item in parsed.items:
            if item.code in origins:
                shown = display_path(path)
                problems.append(
                    Problem(
                        shown,
                        f"'{item.code}' is also given in {display_path(origins[item.code])}",
                    )
                )
                continue
            origins[item.code] = path
            overlay.items[item.code] = Official(
                item.unesco_ref, item.text, item.page, parsed.example, path
            )
    if problems:
        raise SourceError(sort_problems(problems))
    return overlay
