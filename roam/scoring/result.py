"""What the scoring engine returns: plain, immutable data that every view reads.

The TUI, the workbook and the CLI show these values as they are; none of them
computes a score of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

NodeLevel = Literal["overall", "category", "theme", "question", "indicator"]
RuleName = Literal["default", "no_data_as_zero", "equal_indicator_weights", "geometric_mean"]


@dataclass(frozen=True, slots=True)
class ScoringRules:
    """The aggregation rules; the default is the method of the manual (docs/scoring.md)."""

    no_data_as_zero: bool = False
    equal_indicator_weights: bool = False
    mean: Literal["arithmetic", "geometric"] = "arithmetic"


@dataclass(frozen=True, slots=True)
class Coverage:
    """How many in-scope indicators below a node have each status."""

    answered: int = 0
    not_applicable: int = 0
    no_data: int = 0
    not_assessed: int = 0

    @property
    def total(self) -> int:
        return self.answered + self.not_applicable + self.no_data + self.not_assessed

    def percent(self, status: str) -> float:
        """Share of ``status`` in percent (0 when the node has no in-scope indicator)."""
        return 100.0 * getattr(self, status) / self.total if self.total else 0.0

    @property
    def complete(self) -> float:
        """Percent of indicators with a decided status (anything but not_assessed)."""
        return 100.0 - self.percent("not_assessed") if self.total else 0.0


@dataclass(frozen=True, slots=True)
class ConfidenceSummary:
    low: int = 0
    medium: int = 0
    high: int = 0
    unstated: int = 0


@dataclass(frozen=True, slots=True)
class NodeScore:
    """The score of one node of the tree, with the figures that explain it."""

    level: NodeLevel
    code: str
    score: float | None  # None: nothing scoreable below (all N/A, no data, or not assessed)
    coverage: Coverage
    weight: float
    incomplete: bool  # some in-scope indicator below is not_assessed
    band: str | None = None  # descriptive band label (English); a diagnostic aid, not a rank
    evidence_count: int = 0
    confidence: ConfidenceSummary = field(default_factory=ConfidenceSummary)
    children: tuple[NodeScore, ...] = ()


@dataclass(frozen=True, slots=True)
class ScoreReport:
    """Scores of a whole assessment under one set of rules, plus the alternatives."""

    rules: ScoringRules
    overall: NodeScore
    categories: tuple[NodeScore, ...]  # in framework order; contextual ones: score None
    robustness: dict[str, dict[str, float | None]]  # rule name -> category code -> score
    data_gaps: tuple[str, ...]  # indicator codes answered no_data, in framework order

    def category(self, code: str) -> NodeScore:
        return next(c for c in self.categories if c.code == code)

    def find(self, code: str) -> NodeScore | None:
        """Any node (category, theme, question or indicator) by its code."""
        stack = [*self.categories]
        while stack:
            node = stack.pop()
            if node.code == code:
                return node
            stack.extend(node.children)
        return None

    def nodes_by_code(self) -> dict[str, NodeScore]:
        """Every node of the tree by its code, from one walk (for views that look up many)."""
        nodes: dict[str, NodeScore] = {}
        stack = [*self.categories]
        while stack:
            node = stack.pop()
            nodes[node.code] = node
            stack.extend(node.children)
        return nodes


@dataclass(frozen=True, slots=True)
class Finding:
    """One readiness-check finding, tied to an indicator when there is one."""

    check: str  # a key of readiness_check_names.CHECKS (not_assessed, answer_problem, ...)
    code: str
    message: str
