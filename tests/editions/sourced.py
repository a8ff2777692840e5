"""The mini edition with a provenance statement, a UNESCO reference and a rationale."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.files import MINI_FRAMEWORK

STATEMENT = "Test authors wrote these texts from nothing in particular."
STATEMENT_FR = "Des auteurs de test ont écrit ces textes à partir de rien."
RATIONALE = "Nobody offline scores 0 and everyone online scores 100."


def sourced_mini(folder: Path) -> Path:
    """A copy of the mini edition, in ``folder``, that records who wrote it."""
    text = MINI_FRAMEWORK.read_text(encoding="utf-8")
    text = text.replace(
        "bands:\n",
        "provenance:\n"
        f"  statement: {{en: {STATEMENT}, fr: {STATEMENT_FR}}}\n"
        "  items: roam\n"
        "bands:\n",
        1,
    )
    text = text.replace(
        "          - code: R.A.1\n",
        "          - code: R.A.1\n"
        "            unesco_ref: B.7\n"
        "            provenance: unesco-draft\n",
        1,
    )
    text = text.replace(
        "goalposts: {lower: 0, upper: 100}",
        f"goalposts: {{lower: 0, upper: 100, rationale: {RATIONALE}}}",
        1,
    )
    path = folder / "sourced-mini.yaml"
    path.write_bytes(text.encode("utf-8"))
    return path
