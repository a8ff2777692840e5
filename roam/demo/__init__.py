"""The Republic of Examplia: a complete, realistic, reproducible demo assessment.

``make_demo`` (in generator) writes the plan (plans) up as answers (answer_writer), evidence
(evidence_writer, sources) and recommendations (recommendation_writer), with figures (figures)
on the cycle's calendar (schedule); the invented people and phrases are data in content.yaml
(content).
"""

from roam.demo.generator import DEFAULT_SEED, DEMO_COUNTRY, DEMO_ISO, Cycle, make_demo
from roam.demo.schedule import demo_start

__all__ = ["DEFAULT_SEED", "DEMO_COUNTRY", "DEMO_ISO", "Cycle", "demo_start", "make_demo"]
