"""The demo's recommendations: the invented texts, each tied to one of the weakest indicators.

They are spread over the categories, and one more asks for the figures the team
could not find (the no-data answers).
"""

from __future__ import annotations

import random

from roam.assessment.model import Assessment, Recommendation
from roam.demo.content import demo_content
from roam.framework.model import Framework, ScaledIndicator
from roam.framework.text import localize


def recommendations(
    framework: Framework, assessment: Assessment, rng: random.Random
) -> list[Recommendation]:
    """The team's recommendations for ``assessment``, drawn with the demo's generator."""
    texts = demo_content().recommendations
    weakest = _weakest_codes(framework, assessment, rng, len(texts))
    result = []
    for number, item in enumerate(texts, 1):
        if not weakest:
            break
        code = weakest[(number - 1) % len(weakest)]
        text = localize(framework.indicator(code).text)
        result.append(
            Recommendation(
                id=f"REC-{number:02d}",
                text=f"{item.text} ({code}: {text.rstrip('.')}.)",
                groups=list(item.groups),
                priority=item.priority,
                timeframe=item.timeframe,
                indicators=[code],
            )
        )
    gaps = [code for code, answer in assessment.answers.items() if answer.status == "no_data"]
    if gaps:
        result.append(
            Recommendation(
                id=f"REC-{len(result) + 1:02d}",
                text=(
                    "Add the missing figures to the next household ICT survey and the "
                    "regulator's returns, broken down by sex, age, location and disability, "
                    "so the next assessment can answer " + ", ".join(gaps[:6]) + "."
                ),
                groups=["government", "academia"],
                priority="high",
                timeframe="short",
                indicators=gaps[:6],
            )
        )
    return result


def _weakest_codes(
    framework: Framework, assessment: Assessment, rng: random.Random, most: int
) -> list[str]:
    """Scored indicators answered at the lower levels, spread over the categories."""
    ranked: list[tuple[float, str]] = []
    for code, answer in assessment.answers.items():
        place = framework.places[code]
        indicator = place.indicator
        if place.category.contextual or not isinstance(indicator, ScaledIndicator):
            continue
        level = framework.scale_for(indicator).level(answer.level or "")
        if answer.status == "answered" and level is not None:
            ranked.append((level.score + rng.random(), code))
    ranked.sort()
    by_category: dict[str, list[str]] = {}
    for _, code in ranked:
        by_category.setdefault(framework.places[code].category.code, []).append(code)
    spread = []
    for round_index in range(max((len(v) for v in by_category.values()), default=0)):
        spread += [codes[round_index] for codes in by_category.values() if round_index < len(codes)]
    return spread[:most]
