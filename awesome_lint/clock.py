"""The calendar as the project reads it (UTC): what counts as a year or an arXiv month that cannot have come yet,
and the month a lint cache entry belongs to, all from one reading."""

from __future__ import annotations

import time


def utc_month() -> tuple[int, int]:
    """The current (year, month) in UTC."""
    now = time.gmtime()
    return now.tm_year, now.tm_mon
