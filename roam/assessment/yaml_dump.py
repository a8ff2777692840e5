"""Plain data to YAML text that reads well and diffs well.

Block style throughout, keys in the order given, multi-line text as ``|``
blocks, dates and times in ISO 8601, long lines never folded (a one-word edit
then changes one line of the diff, not a re-wrapped paragraph).  LibYAML's
emitter is used when PyYAML was built with it; the output is the same.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml

_BaseDumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

# Characters YAML treats as line breaks besides "\n"; in a block scalar a reader
# may normalise them, so text holding them is written quoted with escapes.
_OTHER_BREAKS = frozenset("\r\x85\u2028\u2029")
_NO_WRAP = 2**31 - 1


class _Dumper(_BaseDumper):  # type: ignore[valid-type,misc]
    """A private dumper class, so our representers never leak into PyYAML's globals."""

    def ignore_aliases(self, data: Any) -> bool:
        # Equal values (two edits at the same moment) must stay plain, not &anchors.
        return True


def _represent_str(dumper: yaml.SafeDumper, text: str) -> yaml.Node:
    if "\n" in text and not _OTHER_BREAKS.intersection(text):
        return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|")
    return dumper.represent_str(text)


def _represent_datetime(dumper: yaml.SafeDumper, moment: dt.datetime) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", moment.isoformat())


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(dt.datetime, _represent_datetime)


def dump_yaml(data: Any) -> str:
    """``data`` (dicts, lists, scalars, dates) as block-style YAML text."""
    text: str = yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=_NO_WRAP,
        indent=2,
    )
    return text
