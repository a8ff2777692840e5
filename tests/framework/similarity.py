"""Near-duplicate indicators: a text-similarity measure over normalised texts (stdlib only).

Two measures, because two kinds of duplicate slip in:
- judged indicators (institutional, qualitative) that ask the same thing in other words
  under two themes: TF-IDF cosine over the content words of the indicator and its question,
  so that words every indicator uses weigh little and a shared topic ("copyright",
  "curriculum", "liability") weighs much;
- statistics worded alike: difflib's ratio over the normalised indicator texts.
"""

from __future__ import annotations

import difflib
import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass

from roam.framework import Framework, localize

# Judged indicators whose texts score this or more are near-duplicates.  In 2018.1 the
# pairs issue 30 names score 0.37 to 0.54; distinct topics that share vocabulary (national
# and international participation, say) score under 0.33.
JUDGED_THRESHOLD = 0.35
# Statistics whose normalised texts match this closely count the same thing twice;
# patterned statistics ("share of women ...", "share of children ...") stay under 0.89.
WORDING_THRESHOLD = 0.9

_STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "to",
        "in",
        "for",
        "is",
        "are",
        "be",
        "by",
        "on",
        "its",
        "it",
        "with",
        "as",
        "that",
        "their",
        "at",
        "from",
        "any",
        "all",
        "has",
        "have",
        "each",
        "who",
        "which",
        "this",
        "these",
        "those",
        "there",
        "no",
        "not",
        "into",
        "per",
        "how",
        "what",
        "whether",
        "does",
        "do",
        "can",
    ]
)
_JUDGED = ("institutional", "qualitative")


@dataclass(frozen=True)
class Pair:
    first: str
    second: str
    score: float

    def __str__(self) -> str:
        return f"{self.first} / {self.second}: {self.score:.2f}"


def normalised(text: str) -> str:
    """Lowercase, punctuation read as spaces, whitespace collapsed."""
    return " ".join(re.sub(r"[^\w%]+", " ", text.casefold()).split())


def _stem(word: str) -> str:
    for suffix in ("ies", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _words(text: str) -> Counter[str]:
    return Counter(
        _stem(word)
        for word in normalised(text).split()
        if word not in _STOP_WORDS and len(word) > 1
    )


def judged_pairs(framework: Framework, threshold: float = JUDGED_THRESHOLD) -> list[Pair]:
    """Judged indicators of different questions whose texts are near-duplicates."""
    documents = {
        place.indicator.code: (
            place.question.code,
            _words(f"{localize(place.indicator.text)} {localize(place.question.text)}"),
        )
        for place in framework.iter_places()
        if place.indicator.kind in _JUDGED
    }
    frequency = Counter(word for _, words in documents.values() for word in words)
    total = len(documents)
    vectors = {}
    for code, (_, words) in documents.items():
        weights = {
            word: (1 + math.log(count)) * math.log(total / frequency[word])
            for word, count in words.items()
        }
        length = math.sqrt(sum(value * value for value in weights.values())) or 1.0
        vectors[code] = {word: value / length for word, value in weights.items()}
    pairs = []
    for first, second in itertools.combinations(vectors, 2):
        if documents[first][0] == documents[second][0]:
            continue  # indicators of one question share its words by design
        other = vectors[second]
        score = sum(value * other.get(word, 0.0) for word, value in vectors[first].items())
        if score >= threshold:
            pairs.append(Pair(first, second, score))
    return sorted(pairs, key=lambda pair: -pair.score)


def worded_alike(framework: Framework, threshold: float = WORDING_THRESHOLD) -> list[Pair]:
    """Any two indicators whose normalised texts are nearly the same string."""
    texts = [
        (place.indicator.code, normalised(localize(place.indicator.text)))
        for place in framework.iter_places()
    ]
    pairs = []
    for (first, a), (second, b) in itertools.combinations(texts, 2):
        matcher = difflib.SequenceMatcher(None, a, b)
        if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
            continue  # upper bounds of the ratio: most pairs stop here
        score = matcher.ratio()
        if score >= threshold:
            pairs.append(Pair(first, second, score))
    return pairs
