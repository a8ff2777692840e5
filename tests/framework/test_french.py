"""Issue 30: every localisable text of the shipped 2018.2 catalogue has complete French.

A localisable text is any field the framework model types as a translated text (names,
descriptions, questions, indicator texts, guidance, goalpost rationales, scale and band
labels, the provenance statement...), found by walking the loaded edition, so a field added
later is covered too. Two exceptions, both kept as the files write them in every language:
an indicator's ``sources`` (names of data sources and publications are proper names) and
strings the model does not translate (units, the publication's title).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import BaseModel

from roam.framework import Framework, load_framework

# Texts that may read the same in French and English: words spelled alike in both
# languages (two scale levels), acronyms and proper names.
SAME_IN_BOTH = {"Absent", "Initial", "ROAM-X"}

# Not translated: names of data sources and publications (see the module docstring).
KEPT_AS_WRITTEN = {"sources"}

# A sentence ends with '.', '?' or '!' followed by white space or the end of the text.
# French typography puts a space before '?' and '!', which this splitter accepts too.
SENTENCE_END = re.compile(r"[.?!]+(?:\s|$)")


def sentences(text: str) -> int:
    return len(SENTENCE_END.findall(text.strip()))


def translated_texts(value: Any, path: str = "") -> Iterator[tuple[str, dict[str, str]]]:
    """Every translated text under ``value``, with a path such as ``R.A.1.a/text``."""
    if isinstance(value, BaseModel):
        code = getattr(value, "code", None) or getattr(value, "id", None)
        here = f"{path}/{code}" if isinstance(code, str) else path
        for name in type(value).model_fields:
            if name not in KEPT_AS_WRITTEN:
                yield from translated_texts(getattr(value, name), f"{here}/{name}")
    elif (
        isinstance(value, dict)
        and "en" in value
        and all(isinstance(text, str) for text in value.values())
    ):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from translated_texts(item, f"{path}/{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from translated_texts(item, f"{path}[{index}]")


@pytest.fixture(scope="module")
def shipped() -> Framework:
    framework = load_framework()
    assert (framework.id, framework.version) == ("roam-x-2018", "2018.2")
    return framework


@pytest.fixture(scope="module")
def texts(shipped: Framework) -> list[tuple[str, dict[str, str]]]:
    return list(translated_texts(shipped))


def test_the_walk_reaches_every_kind_of_text(texts: list[tuple[str, dict[str, str]]]) -> None:
    # Guards the walk itself, so the tests below cannot pass by finding nothing: the 303
    # indicator texts, the 124 questions plus the 6 of the contextual groups, rationales,
    # guidance of themes and indicators, and scale levels.
    def count(pattern: str) -> int:
        return sum(re.search(pattern, path) is not None for path, _ in texts)

    assert count(r"/[A-Z]\.[A-Z0-9]+\.\d+\.[a-z]/text$") == 303
    assert count(r"/[A-Z]\.[A-Z0-9]+\.\d+/text$") == 124 + 6
    assert count(r"/[A-Z]\.[A-Z0-9]+/name$") == 25 + 6
    assert count(r"/rationale$") >= 100
    assert count(r"\.[a-z]/guidance$") >= 29
    assert count(r"/label$") >= 10


def test_every_text_has_french_that_differs_from_the_english(
    texts: list[tuple[str, dict[str, str]]],
) -> None:
    missing = [path for path, text in texts if not text.get("fr", "").strip()]
    assert missing == [], f"{len(missing)} texts without French, first: {missing[:5]}"
    same = [
        path
        for path, text in texts
        if text["fr"].strip() == text["en"].strip() and text["en"].strip() not in SAME_IN_BOTH
    ]
    assert same == [], same


def test_french_keeps_every_english_sentence(texts: list[tuple[str, dict[str, str]]]) -> None:
    # Guidance above all (issue 30 found theme guidance that dropped sentences), but every
    # text is held to it: a French text with fewer sentences has lost something.
    short = [
        (path, sentences(text["en"]), sentences(text.get("fr", "")))
        for path, text in texts
        if sentences(text.get("fr", "")) != sentences(text["en"])
    ]
    assert short == []
    guidance = [text for path, text in texts if path.endswith("/guidance")]
    assert sum(sentences(text["en"]) for text in guidance) >= 100


def test_french_uses_unescos_terms_and_keeps_data_source_names(shipped: Framework) -> None:
    french = "\n".join(text["fr"] for _, text in translated_texts(shipped))
    assert "DOAM-X" in shipped.title["fr"]
    assert "éducation aux médias et à l'information, EMI" in french or (
        "éducation aux médias et à l'information (EMI)" in french
    )
    assert "Indicateurs de gouvernance dans le monde" in french
    # Proper names of sources stay as they are inside French sentences.
    assert "Freedom on the Net" in shipped.indicator("R.B.1.b").text["fr"]
    assert "CIVICUS Monitor" in shipped.indicator("R.D.2.b").text["fr"]
