"""Texts that may be given in several languages.

In YAML a text is either a plain string (English) or a mapping from language
code to string.  Internally it is always the mapping, so callers never branch.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, WithJsonSchema

FALLBACK_LANGUAGE = "en"


def _to_localized(value: Any) -> Any:
    if isinstance(value, str):
        return {FALLBACK_LANGUAGE: value}
    if isinstance(value, dict):
        for language, text in value.items():
            if not isinstance(language, str) or not isinstance(text, str):
                raise ValueError(
                    "a translated text maps language codes to strings, "
                    f"but {language!r} maps to {type(text).__name__} {text!r}"
                )
        if not value:
            raise ValueError("a translated text needs at least one language")
        return value
    raise ValueError(
        f"expected text or a mapping from language code to text, got {type(value).__name__}"
    )


_SCHEMA = {
    "anyOf": [
        {"type": "string"},
        {
            "type": "object",
            "additionalProperties": {"type": "string"},
            "propertyNames": {"pattern": "^[a-z]{2,3}(-[A-Za-z0-9]+)?$"},
            "minProperties": 1,
        },
    ]
}

Text = Annotated[dict[str, str], BeforeValidator(_to_localized), WithJsonSchema(_SCHEMA)]


def localize(text: dict[str, str] | None, language: str = FALLBACK_LANGUAGE) -> str:
    """The text in ``language``, else English, else any language it has."""
    if not text:
        return ""
    if language in text:
        return text[language]
    if FALLBACK_LANGUAGE in text:
        return text[FALLBACK_LANGUAGE]
    return next(iter(text.values()))
