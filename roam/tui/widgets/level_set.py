"""The level choices of one scale, labelled in the session's language with their scores."""

from __future__ import annotations

from roam.framework.model import Scale
from roam.tui.session import Session
from roam.tui.widgets.choice_set import ChoiceSet


class LevelSet(ChoiceSet):
    """The levels of one scale; one set per scale, shown when its indicators are."""

    def __init__(self, scale_id: str, scale: Scale, session: Session) -> None:
        self.scale = scale
        self.scale_id = scale_id
        super().__init__(
            [
                (label, level.id)
                for label, level in zip(level_labels(session, scale), scale.levels, strict=True)
            ],
            id=f"level-{scale_id}",
            classes="level-set",
        )


def level_labels(session: Session, scale: Scale) -> list[str]:
    """Each level's name in the session's language, with its score: "Partial (50)"."""
    return [f"{session.text(level.label)} ({level.score:g})" for level in scale.levels]
