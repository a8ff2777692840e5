"""Comparable times: files may hold times with and without a time zone."""

from __future__ import annotations

import datetime as dt


def as_utc(time: dt.datetime) -> dt.datetime:
    """``time`` in UTC; a time without a zone is taken to be UTC already.

    Python refuses to order naive and aware times, and one team's files can
    hold both (typed by hand, or written by different tools).
    """
    if time.tzinfo is None:
        return time.replace(tzinfo=dt.UTC)
    return time.astimezone(dt.UTC)
