"""The Republic of Examplia: a complete, realistic, reproducible demo assessment.

``make_demo`` (in generator) writes the plan (plans) up as answers, evidence (sources) and
figures (figures); the invented people and phrases are data in content.yaml (content).
"""

from roam.demo.generator import DEFAULT_SEED, DEMO_COUNTRY, DEMO_ISO, Cycle, demo_start, make_demo

__all__ = ["DEFAULT_SEED", "DEMO_COUNTRY", "DEMO_ISO", "Cycle", "demo_start", "make_demo"]
