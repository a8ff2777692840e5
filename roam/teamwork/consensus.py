"""Recording the team's decision on a merge conflict.

The TUI shows ``Answer.conflicts`` side by side; when the team agrees, it calls
:func:`resolve_conflict`, which applies the chosen version and keeps the whole
decision (every version that was on the table, the choice, who, when) in the
answer's history.
"""

from __future__ import annotations

import datetime as dt

from roam.assessment.model import Answer, AnswerVersion, Change

CONSENSUS_FIELD = "consensus"


def resolve_conflict(
    answer: Answer, chosen_version: AnswerVersion, who: str, when: dt.datetime
) -> Change:
    """Apply ``chosen_version`` to ``answer``, clear its conflicts and record the decision.

    ``chosen_version`` is usually one of ``answer.conflicts``, but the team may
    also agree on a version none of the files held.  Status, level, value,
    year, justification and confidence become the chosen version's; its
    evidence is added to the answer's (no evidence is ever removed).  The
    answer is changed in place; the returned :class:`Change` has been appended
    to its history (``old``: the versions in conflict, ``new``: the chosen one).
    """
    if not who.strip():
        raise ValueError("a consensus decision must say who decided")
    if chosen_version.level is not None and chosen_version.value is not None:
        raise ValueError("a version has either a level or a value, not both")
    change = Change(
        time=when,
        who=who.strip(),
        field=CONSENSUS_FIELD,
        old=[version.model_dump(mode="json") for version in answer.conflicts],
        new=chosen_version.model_dump(mode="json"),
    )
    answer.status = chosen_version.status
    answer.level = chosen_version.level
    answer.value = chosen_version.value
    answer.year = chosen_version.year
    answer.justification = chosen_version.justification
    answer.confidence = chosen_version.confidence
    known = {item.identity() for item in answer.evidence}
    answer.evidence += [
        item.model_copy() for item in chosen_version.evidence if item.identity() not in known
    ]
    answer.conflicts = []
    answer.history.append(change)
    return change
