"""Whether a liaison's rejection of an answer still stands.

roam has no "rejected" review state: an imported ``reject`` sets the state
``queried`` (the answer goes back to the team, as for a query) and records the
decision on the liaison's comment (:attr:`~roam.assessment.model.Comment.decision`).
A rejection stands while nothing has happened to the answer since: the liaison's
latest decision on it is ``reject``, its state is still ``queried``, and nobody
has edited it or changed its state after that comment.  A later accept or query
(another review), a changed state (a reviewer's accept, the team's resubmission)
or an edit of the answer (the team's rework, then shown as changed since review)
ends it.  Comments alone, the team's replies, leave it standing.
"""

from __future__ import annotations

import datetime as dt

from roam.assessment.model import Answer, Comment


def standing_rejection(answer: Answer) -> Comment | None:
    """The liaison's comment whose rejection still stands on ``answer``, else None."""
    decided = [
        (_utc(comment.time), place, comment)
        for place, comment in enumerate(answer.review.thread)
        if comment.decision is not None
    ]
    if not decided or answer.review.state != "queried":
        return None
    when, _, latest = max(decided)  # the latest; of one moment, the last in the thread
    if latest.decision != "reject":
        return None
    if any(_utc(change.time) > when for change in answer.history):
        return None
    return latest


def is_rejected(answer: Answer) -> bool:
    return standing_rejection(answer) is not None


def _utc(time: dt.datetime) -> dt.datetime:
    """A time without a zone (a hand-edited file) is read as UTC, so that times compare."""
    return time if time.tzinfo is not None else time.replace(tzinfo=dt.UTC)
