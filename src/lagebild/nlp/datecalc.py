"""Calendar arithmetic for date mentions: ranges of days, months, seasons, parts of a year.

All ranges are inclusive ``(first_day, last_day)`` pairs of :class:`datetime.date`.
Seasons are meteorological (spring March-May, summer June-August, autumn
September-November, winter December-February, named by the year of its December).
Parts (Anfang/Mitte/Ende) of a year are January-April, May-August, September-December;
of a month days 1-10, 11-20, 21-last.
"""
from __future__ import annotations

import calendar as _cal
import datetime as dt

Range = tuple[dt.date, dt.date]


def parse_published(published: str | None) -> dt.date | None:
    """The date part of an ISO 8601 publication time, None when absent or unreadable."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def day(d: dt.date) -> Range:
    return d, d


def month(year: int, m: int) -> Range:
    return dt.date(year, m, 1), dt.date(year, m, _cal.monthrange(year, m)[1])


def year(y: int) -> Range:
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def add_months(year_: int, m: int, delta: int) -> tuple[int, int]:
    k = year_ * 12 + (m - 1) + delta
    return k // 12, k % 12 + 1


def season(y: int, first_month: int) -> Range:
    start = dt.date(y, first_month, 1)
    ey, em = add_months(y, first_month, 2)
    return start, month(ey, em)[1]


def season_instance(pub: dt.date, first_month: int, offset: int) -> Range:
    """The season relative to ``pub``: -1 last one ended, 0 this year's, 1 next one to start."""
    if offset < 0:
        y = pub.year
        while season(y, first_month)[1] >= pub:
            y -= 1
        return season(y, first_month)
    if offset > 0:
        y = pub.year - 1
        while season(y, first_month)[0] <= pub:
            y += 1
        return season(y, first_month)
    y = pub.year - 1 if first_month == 12 and pub.month <= 2 else pub.year
    return season(y, first_month)


PARTS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
MONTH_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}


def part_of_year(y: int, part: str) -> Range:
    a, b = PARTS[part]
    return dt.date(y, a, 1), month(y, b)[1]


def part_of_month(y: int, m: int, part: str) -> Range:
    a, b = MONTH_PARTS[part]
    last = _cal.monthrange(y, m)[1]
    return dt.date(y, m, a), dt.date(y, m, min(b, last))


def quarter(y: int, q: int) -> Range:
    return dt.date(y, 3 * q - 2, 1), month(y, 3 * q)[1]


def half(y: int, h: int) -> Range:
    return (dt.date(y, 1, 1), dt.date(y, 6, 30)) if h == 1 else (dt.date(y, 7, 1), dt.date(y, 12, 31))


def week(d: dt.date) -> Range:
    monday = d - dt.timedelta(days=d.weekday())
    return monday, monday + dt.timedelta(days=6)


def weekday_before(pub: dt.date, weekday: int, offset: int = 0) -> dt.date:
    """The last ``weekday`` on or before ``pub`` (offset -1: strictly before; 1: next one after)."""
    if offset > 0:
        return pub + dt.timedelta(days=(weekday - pub.weekday() - 1) % 7 + 1)
    back = (pub.weekday() - weekday) % 7
    if offset < 0 and back == 0:
        back = 7
    return pub - dt.timedelta(days=back)


def shift(pub: dt.date, granularity: str, n: int) -> Range:
    """The day/week/month/year ``n`` units from ``pub``."""
    if granularity == "day":
        return day(pub + dt.timedelta(days=n))
    if granularity == "week":
        return week(pub + dt.timedelta(weeks=n))
    if granularity == "month":
        return month(*add_months(pub.year, pub.month, n))
    return year(pub.year + n)


def valid_day(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= _cal.monthrange(y, m)[1]
