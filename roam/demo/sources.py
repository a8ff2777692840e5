"""Invented sources for the demo's evidence: laws, statistics, judgments, press, interviews.

Every organisation, person and web address is made up; web addresses use the reserved
``.example`` domain.  A source's wording depends on the random generator, so it is code.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from roam.assessment.model import EvidenceKind

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Source:
    citation: str
    publisher: str
    location: str
    confidential: bool = False


HELD_BY_THE_TEAM: frozenset[EvidenceKind] = frozenset({"interview", "expert_judgement"})
_GAZETTE = "Government Printer of Examplia"
_REGULATOR = "Examplia Communications Regulatory Authority (ECRA)"
_STATISTICS = "Examplia National Statistics Office"
_MINISTRY = "Ministry of Digital Affairs"
_RIGHTS_FORUM = "Examplia Digital Rights Forum"
_UNIVERSITY = "University of Port Examplia, Centre for Internet Studies"


def _long_date(day: dt.date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _url(host: str, *parts: object) -> str:
    return f"https://{host}.examplia.example/" + "/".join(str(p) for p in parts)


def _law(rng: random.Random, day: dt.date) -> Source:
    year = day.year
    act = rng.randint(3, 29)
    sections = f"{rng.randint(4, 20)}-{rng.randint(21, 40)}"
    instrument = rng.randint(10, 90)
    title = rng.choice(
        (
            f"Electronic Communications Act {year} (Act No. {act} of {year})",
            f"Data Protection Act {year}, Part III",
            f"Access to Information Act {year}",
            f"Cybersecurity and Computer Misuse Act {year}, sections {sections}",
            f"Universal Service Regulations {year} (Statutory Instrument {instrument})",
            f"National Broadband Policy {year}-{year + 5}",
        )
    )
    slug = title.split(" (")[0].split(",")[0].lower().replace(" ", "-")
    return Source(title, _GAZETTE, _url("laws", day.year, slug))


def _statistic(rng: random.Random, day: dt.date) -> Source:
    choice = rng.randrange(3)
    if choice == 0:
        table = f"{rng.randint(2, 7)}.{rng.randint(1, 9)}"
        return Source(
            f"Household ICT Access and Use Survey {day.year}, table {table}",
            _STATISTICS,
            _url("stats", "ict-survey", day.year),
        )
    if choice == 1:
        quarter = (day.month - 1) // 3 + 1
        return Source(
            f"Quarterly Telecommunications Market Report, Q{quarter} {day.year}",
            _REGULATOR,
            _url("ecra", "market-reports", f"{day.year}-q{quarter}"),
        )
    return Source(
        f"Statistical Yearbook {day.year}", _STATISTICS, _url("stats", "yearbook", day.year)
    )


def _survey(rng: random.Random, day: dt.date) -> Source:
    sample = rng.randint(8, 30) * 100
    return rng.choice(
        (
            Source(
                f"Internet Users' Trust and Safety Survey {day.year} (n = {sample:,})",
                _UNIVERSITY,
                _url("cis", "surveys", f"trust-{day.year}"),
            ),
            Source(
                f"National Media Consumption Survey {day.year} (n = {sample:,})",
                "Examplia Press Council",
                _url("presscouncil", "research", day.year),
            ),
            Source(
                f"Online Harassment of Women Journalists: survey {day.year} (n = {sample // 10})",
                _RIGHTS_FORUM,
                _url("rightsforum", "publications", f"harassment-{day.year}"),
            ),
        )
    )


def _court(rng: random.Random, day: dt.date) -> Source:
    number = rng.randint(12, 240)
    return rng.choice(
        (
            Source(
                f"High Court of Examplia, Digital Rights Forum v. Attorney General, "
                f"petition {number} of {day.year} (judgment of {_long_date(day)})",
                "High Court of Examplia",
                _url("judiciary", "judgments", f"hc-{day.year}-{number}"),
            ),
            Source(
                f"Supreme Court of Examplia, Civil Appeal No. {number} of {day.year}",
                "Supreme Court of Examplia",
                _url("judiciary", "judgments", f"sc-{day.year}-{number}"),
            ),
        )
    )


def _report(rng: random.Random, day: dt.date) -> Source:
    return rng.choice(
        (
            Source(f"ECRA Annual Report {day.year}", _REGULATOR, _url("ecra", "annual", day.year)),
            Source(
                f"State of Internet Freedom in Examplia {day.year}",
                _RIGHTS_FORUM,
                _url("rightsforum", "reports", day.year),
            ),
            Source(
                f"National Broadband Plan: progress review {day.year}",
                _MINISTRY,
                _url("digital", "broadband", f"review-{day.year}"),
            ),
            Source(
                f"Annual Report of the Information Commissioner {day.year}",
                "Office of the Information Commissioner",
                _url("infocommissioner", "reports", day.year),
            ),
        )
    )


def _media(rng: random.Random, day: dt.date) -> Source:
    paper, host = rng.choice(
        (("The Examplia Herald", "herald"), ("Port Examplia Courier", "courier"))
    )
    headline = rng.choice(
        (
            "Regulator fines mobile operator over week-long outage",
            "Social media restricted during national exam week",
            "New fibre link reaches the northern districts",
            "Court orders release of detained blogger",
            "Parliament passes data protection amendments",
            "Mobile data prices fall for a third year",
        )
    )
    slug = headline.lower().replace(" ", "-")
    return Source(f"'{headline}', {paper}, {_long_date(day)}", paper, _url(host, day.year, slug))


def _interview(rng: random.Random, day: dt.date) -> Source:
    who = rng.choice(
        (
            "a senior official of the Ministry of Digital Affairs",
            "the editor of an online news outlet",
            "a representative of an internet service provider",
            "a digital rights lawyer",
            "a network engineer from the technical community",
            "a university researcher in communication studies",
        )
    )
    number = rng.randint(1, 24)
    confidential = rng.random() < 0.25
    return Source(
        f"Interview {number:02d} with {who} (anonymised), {_long_date(day)}",
        "",
        f"team drive: interviews/interview-{number:02d}-notes.pdf",
        confidential=confidential,
    )


def _expert(rng: random.Random, day: dt.date) -> Source:
    return rng.choice(
        (
            Source(
                f"MAB expert session of {_long_date(day)}, minutes item {rng.randint(2, 9)}",
                "Multistakeholder Advisory Board",
                f"team drive: mab/minutes-{day.isoformat()}.pdf",
            ),
            Source(
                f"Written opinion of the research team's legal adviser, {_long_date(day)}",
                "",
                f"team drive: opinions/legal-{day.isoformat()}.pdf",
            ),
        )
    )


SOURCE_MAKERS = {
    "law_or_regulation": _law,
    "official_statistic": _statistic,
    "survey": _survey,
    "court_decision": _court,
    "report": _report,
    "media": _media,
    "interview": _interview,
    "expert_judgement": _expert,
}
