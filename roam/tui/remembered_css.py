"""Textual's parsed stylesheets, kept between runs in roam's cache folder.

Every start, Textual parses roam's stylesheet and the default CSS of every widget
class it mounts: about 36 ms before the walkthrough's first frame, and 50 ms in
all, against 6 ms to unpickle the parsed rules (benchmarks/README.md).  The rules
of one piece of CSS depend on its text, where it was read from, its place in the
cascade and the theme's variables, and on Textual's parser; all of that is in the
key, so another theme, an edited stylesheet or another Textual parses anew.

Like the cache of validated files (:mod:`roam.framework.validated_cache`, whose
folder, trust and pruning this shares), it is never needed: an entry that is
missing, damaged or written by another version is a miss, and CSS with errors is
never stored, so Textual still reports it.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

import textual.css
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.css.types import CSSLocation

from roam.framework.validated_cache import cache_key, recall, remember

# Pieces of CSS kept: roam's start needs about 25 per theme.
MAX_REMEMBERED = 200


@cache
def _parser_fingerprint() -> str | None:
    """A hash of the Textual code behind parsed rules: the parser and the types it builds.

    With the installed version's folder name.  Not ``textual.__version__``: Textual
    reads it from the package metadata, which costs more (about 25 ms) than the parse
    this saves.
    """
    package = Path(textual.css.__file__).parent.parent
    files = [*package.glob("css/*.py"), *package.glob("layouts/*.py")]
    files += [package / "color.py", package / "geometry.py"]
    digest = hashlib.sha256()
    for installed in sorted(package.parent.glob("textual-*.dist-info")):
        digest.update(installed.name.encode() + b"\0")
    try:
        for path in sorted(files):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    except OSError:
        return None  # installed without sources: no safe fingerprint, so no cache
    return digest.hexdigest()


class _RuleStore:
    """The rules one run remembers: read from the cache once, shared by a stylesheet's copies."""

    def __init__(self) -> None:
        fingerprint = _parser_fingerprint()
        self.key = cache_key("textual-css", fingerprint) if fingerprint else None
        remembered = recall(self.key)
        self.rules: dict[str, list[RuleSet]] = remembered if isinstance(remembered, dict) else {}
        self.learned = False  # parsed anything not remembered

    def add(self, key: str, rules: list[RuleSet]) -> None:
        if len(self.rules) >= MAX_REMEMBERED:
            self.rules.clear()  # themes or stylesheets that come and go
        self.rules[key] = rules
        self.learned = True

    def save(self) -> None:
        if self.learned:
            remember(self.key, self.rules)
            self.learned = False


class RememberingStylesheet(Stylesheet):
    """A Stylesheet that takes parsed rules from, and adds them to, roam's cache."""

    def __init__(
        self, *, variables: dict[str, str] | None = None, store: _RuleStore | None = None
    ) -> None:
        super().__init__(variables=variables)
        self._store = store or _RuleStore()
        self._variables_key = _digest(repr(sorted(self._variables.items())))

    def set_variables(self, variables: dict[str, str]) -> None:
        super().set_variables(variables)
        self._variables_key = _digest(repr(sorted(variables.items())))

    def _parse_rules(
        self,
        css: str,
        read_from: CSSLocation,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> list[RuleSet]:
        key = _digest(
            self._variables_key, repr((read_from, is_default_rules, tie_breaker, scope)), css
        )
        rules = self._store.rules.get(key)
        if rules is not None:
            return rules
        rules = super()._parse_rules(css, read_from, is_default_rules, tie_breaker, scope)
        if not any(rule.errors for rule in rules):
            self._store.add(key, rules)
        return rules

    def copy(self) -> RememberingStylesheet:
        """A copy that parses through the same remembered rules (Textual's is a plain one)."""
        fresh = RememberingStylesheet(variables=self._variables.copy(), store=self._store)
        fresh.source = self.source.copy()
        return fresh

    def reparse(self) -> None:
        """Parse again with new variables (another theme), through the remembered rules.

        As Textual's own, into a copy, so that CSS with errors leaves this one whole;
        Textual's builds a plain Stylesheet, which would neither find nor keep rules.
        """
        fresh = self.copy()
        try:
            fresh.parse()
        except Exception:
            self._invalid_css.update(fresh._invalid_css)  # as Textual does: not parsed again
            raise
        self._rules = fresh.rules
        self._rules_map = None
        self.source = fresh.source
        self._require_parse = False

    def save(self) -> None:
        """Store what this run parsed for the next; nothing when it parsed nothing new."""
        self._store.save()


def _digest(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    return digest.hexdigest()
