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


class RememberingStylesheet(Stylesheet):
    """A Stylesheet that takes parsed rules from, and adds them to, roam's cache."""

    def __init__(self, *, variables: dict[str, str] | None = None) -> None:
        super().__init__(variables=variables)
        fingerprint = _parser_fingerprint()
        self._entry_key = cache_key("textual-css", fingerprint) if fingerprint else None
        remembered = recall(self._entry_key)
        self._remembered: dict[str, list[RuleSet]] = (
            remembered if isinstance(remembered, dict) else {}
        )
        self._learned = False  # parsed anything not remembered
        self._digested: tuple[dict[str, str], str] | None = None

    def _parse_rules(
        self,
        css: str,
        read_from: CSSLocation,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> list[RuleSet]:
        key = self._rules_key(css, read_from, is_default_rules, tie_breaker, scope)
        rules = self._remembered.get(key)
        if rules is not None:
            return rules
        rules = super()._parse_rules(css, read_from, is_default_rules, tie_breaker, scope)
        if not any(rule.errors for rule in rules):
            if len(self._remembered) >= MAX_REMEMBERED:
                self._remembered.clear()  # themes or stylesheets that come and go
            self._remembered[key] = rules
            self._learned = True
        return rules

    def _rules_key(
        self, css: str, read_from: CSSLocation, is_default: bool, tie_breaker: int, scope: str
    ) -> str:
        digest = hashlib.sha256(self._variables_digest().encode())
        for part in (repr((read_from, is_default, tie_breaker, scope)), css):
            digest.update(b"\0" + part.encode("utf-8", "surrogateescape"))
        return digest.hexdigest()

    def _variables_digest(self) -> str:
        """The theme's variables, hashed once per set of them (Textual replaces the dict)."""
        variables = self._variables
        if self._digested is None or self._digested[0] is not variables:
            text = repr(sorted(variables.items()))
            self._digested = (variables, hashlib.sha256(text.encode()).hexdigest())
        return self._digested[1]

    def reparse(self) -> None:
        """Parse again with new variables (another theme), through the remembered rules.

        Textual's own reparse parses into a fresh, plain Stylesheet, so that CSS with
        errors leaves this one whole; that one would neither find nor keep rules.
        """
        fresh = _Borrowing(self)
        for read_from, (css, is_default, tie_breaker, scope) in self.source.items():
            fresh.add_source(
                css,
                read_from=read_from,
                is_default_css=is_default,
                tie_breaker=tie_breaker,
                scope=scope,
            )
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
        if self._learned:
            remember(self._entry_key, self._remembered)
            self._learned = False


class _Borrowing(Stylesheet):
    """A fresh stylesheet for :meth:`RememberingStylesheet.reparse` that parses through it."""

    def __init__(self, owner: RememberingStylesheet) -> None:
        super().__init__(variables=owner._variables)
        self._owner = owner

    def _parse_rules(
        self,
        css: str,
        read_from: CSSLocation,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> list[RuleSet]:
        return self._owner._parse_rules(css, read_from, is_default_rules, tie_breaker, scope)
