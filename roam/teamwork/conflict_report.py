"""The list of every disagreement a merge found, as plain text or Markdown."""

from __future__ import annotations

from roam.teamwork.merge import MergeResult
from roam.teamwork.versions import describe_answer

_SNIPPET = 80


def summary_line(result: MergeResult) -> str:
    count = len(result.disagreements)
    line = (
        f"Merged {len(result.sources)} files ({', '.join(result.sources)}): "
        f"{result.agreed} {_plural(result.agreed, 'indicator')} answered alike, "
        f"{count} {_plural(count, 'conflict')}."
    )
    carried = _carried(result)
    if carried:
        line += (
            f" {carried} {_plural(carried, 'conflict')} from an earlier merge "
            f"{'is' if carried == 1 else 'are'} still undecided."
        )
    return line


def _carried(result: MergeResult) -> int:
    """Answers with versions still side by side that this merge did not find itself."""
    found = {disagreement.code for disagreement in result.disagreements}
    answers = result.assessment.answers
    return sum(1 for code, answer in answers.items() if answer.conflicts and code not in found)


def conflict_report_text(result: MergeResult) -> str:
    lines = [summary_line(result)]
    if result.disagreements:
        lines += ["", "Conflicts (the merged file keeps the first file's version until decided):"]
    for disagreement in result.disagreements:
        verb = "differs" if len(disagreement.fields) == 1 else "differ"
        lines += ["", f"{disagreement.code}: {', '.join(disagreement.fields)} {verb}"]
        width = max(len(v.source) for v in disagreement.versions)
        for version in disagreement.versions:
            line = f"  {version.source.ljust(width)}  {describe_answer(version)}"
            snippet = _snippet(version.justification)
            lines.append(f"{line}  - {snippet}" if snippet else line)
    if result.notes:
        lines += ["", "Notes:", *(f"- {note}" for note in result.notes)]
    return "\n".join(lines) + "\n"


def conflict_report_markdown(result: MergeResult) -> str:
    lines = ["# Merge conflict report", "", summary_line(result), ""]
    if result.disagreements:
        lines += [
            "The merged file keeps the first file's version of each conflicting answer "
            "until the team decides.",
            "",
            "| Indicator | Differs in | Source | Answer | Justification |",
            "|---|---|---|---|---|",
        ]
        for disagreement in result.disagreements:
            for index, version in enumerate(disagreement.versions):
                code = disagreement.code if index == 0 else ""
                fields = ", ".join(disagreement.fields) if index == 0 else ""
                cells = [code, fields, version.source, describe_answer(version)]
                cells.append(_snippet(version.justification))
                lines.append("| " + " | ".join(_md_cell(c) for c in cells) + " |")
    else:
        lines.append("No conflicts.")
    if result.notes:
        lines += ["", "## Notes", "", *(f"- {_md_cell(note)}" for note in result.notes)]
    return "\n".join(lines) + "\n"


def _snippet(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _SNIPPET else flat[: _SNIPPET - 1] + "…"


def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|")


def _plural(count: int, word: str) -> str:
    return word if count == 1 else word + "s"
