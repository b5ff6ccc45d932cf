"""Deterministic fake-data helpers for the bundled database builders: names, places, calendars, numbers.

Every function that draws takes the caller's ``random.Random``; nothing here uses global randomness.
The pools (surnames and given-name characters with pinyin, company-name characters, cities, exchange
holidays) are data, in ``pools.json`` beside this file. Builders draw from them by index, so a pool's
order is part of what a seed builds: reordering one changes the databases and their gold results.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import random
from datetime import date, datetime, timedelta
from pathlib import Path

_POOLS = json.loads(Path(__file__).with_name("pools.json").read_text(encoding="utf-8"))


def _rows(name: str) -> tuple[tuple, ...]:
    return tuple(tuple(row) for row in _POOLS[name])


# fund and bank: surnames weighted by their order, given-name characters by gender
SURNAMES = _rows("surnames_by_frequency")
_SURNAME_WEIGHTS = [len(SURNAMES) + 20 - i for i in range(len(SURNAMES))]
MALE_CHARS, FEMALE_CHARS, NEUTRAL_CHARS = (_rows(n) for n in ("male_given", "female_given", "neutral_given"))
# stock and macro: surnames drawn by rank, one pool of given-name characters, company names and places
SURNAMES_RANKED = _rows("surnames_ranked")
GIVEN_CHARS = _rows("given")
BRAND_CHARS = _rows("brand")
CITIES = _rows("cities")  # (province zh, province en, city zh, city en, postcode, area code, weight)
MUNICIPALITIES = frozenset(_POOLS["municipalities"])
DISTRICTS = tuple(_POOLS["districts"])
MUNI_DISTRICTS = {city: tuple(districts) for city, districts in _POOLS["municipality_districts"].items()}
ROADS = tuple(_POOLS["roads"])
# audit and law firms: those that serve funds (fund), invented ones for listed companies (stock)
FUND_AUDITORS, FUND_LAW_FIRMS = tuple(_POOLS["fund_auditors"]), tuple(_POOLS["fund_law_firms"])
COMPANY_AUDITORS, COMPANY_LAW_FIRMS = tuple(_POOLS["company_auditors"]), tuple(_POOLS["company_law_firms"])


# --- people --------------------------------------------------------------------------------------

def person_name(rng: random.Random, gender: str | None = None) -> tuple[str, str, str]:
    """Return (Chinese name, pinyin name 'Zhang Xiaoming', gender 'M'/'F')."""
    if gender is None:
        gender = "M" if rng.random() < 0.55 else "F"
    sur_zh, sur_en = rng.choices(SURNAMES, weights=_SURNAME_WEIGHTS)[0]
    own = MALE_CHARS if gender == "M" else FEMALE_CHARS
    pool = own + NEUTRAL_CHARS
    if rng.random() < 0.25:
        chars = [rng.choice(own)]
    else:
        chars = [rng.choice(pool), rng.choice(own)]
        if chars[0][0] == chars[1][0]:
            chars = [chars[1]]
    given_zh = "".join(c for c, _ in chars)
    given_en = "".join(p for _, p in chars).capitalize()
    return sur_zh + given_zh, f"{sur_en} {given_en}", gender


def unique_names(rng: random.Random, n: int, gender_p_male: float = 0.55) -> list[tuple[str, str, str]]:
    """``n`` distinct person names (distinct in Chinese)."""
    seen: set[str] = set()
    out: list[tuple[str, str, str]] = []
    while len(out) < n:
        zh, en, g = person_name(rng, "M" if rng.random() < gender_p_male else "F")
        if zh not in seen:
            seen.add(zh)
            out.append((zh, en, g))
    return out


def person_name_ranked(rng: random.Random, used: set[str] | None = None) -> tuple[str, str, int]:
    """(Chinese name, pinyin name 'Surname Given', gender 1=male/2=female), unique within ``used``."""
    for _ in range(200):
        sur, sur_py = SURNAMES_RANKED[min(int(rng.random() ** 1.6 * len(SURNAMES_RANKED)), len(SURNAMES_RANKED) - 1)]
        parts = [rng.choice(GIVEN_CHARS) for _ in range(1 if rng.random() < 0.3 else 2)]
        if len(parts) == 2 and parts[0][0] == parts[1][0]:
            continue
        zh = sur + "".join(p[0] for p in parts)
        en = f"{sur_py} {''.join(p[1] for p in parts).capitalize()}"
        if used is None or zh not in used:
            if used is not None:
                used.add(zh)
            return zh, en, 2 if rng.random() < 0.22 else 1
    raise RuntimeError("name pool exhausted")


# --- places --------------------------------------------------------------------------------------

def address(rng: random.Random, province: str, city: str) -> str:
    if city in MUNICIPALITIES:
        return f"{province}{rng.choice(MUNI_DISTRICTS[city])}{rng.choice(ROADS)}路{rng.randint(1, 999)}号"
    return f"{province}{city}市{rng.choice(DISTRICTS)}{rng.choice(ROADS)}路{rng.randint(1, 999)}号"


def weighted_choice(rng: random.Random, items: list, weights: list[float]):
    total = sum(weights)
    pick = rng.random() * total
    for item, weight in zip(items, weights, strict=True):
        pick -= weight
        if pick <= 0:
            return item
    return items[-1]


# --- calendars -----------------------------------------------------------------------------------

def _holidays() -> frozenset[dt.date]:
    days = set()
    for start, end in _POOLS["exchange_holidays"]:
        day, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
        while day <= last:
            days.add(day)
            day += dt.timedelta(days=1)
    return frozenset(days)


HOLIDAYS = _holidays()


def trading_days(start: dt.date, end: dt.date) -> list[dt.date]:
    """Exchange trading days in [start, end]: weekdays that are not public holidays."""
    out = []
    day = start
    while day <= end:
        if day.weekday() < 5 and day not in HOLIDAYS:
            out.append(day)
        day += dt.timedelta(days=1)
    return out


def weekdays(start: date, end: date, skip: tuple[str, ...] = ("01-01", "12-25")) -> list[date]:
    """Weekdays in [start, end] except the given month-day holidays (overseas market calendar)."""
    out = []
    d = start
    while d <= end:
        if d.weekday() < 5 and d.isoformat()[5:] not in skip:
            out.append(d)
        d += timedelta(days=1)
    return out


def month_ends(first: tuple[int, int], last: tuple[int, int]) -> list[dt.date]:
    """Last calendar day of every month from (year, month) ``first`` to ``last`` inclusive."""
    out = []
    year, month = first
    while (year, month) <= last:
        nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
        out.append(nxt - dt.timedelta(days=1))
        year, month = nxt.year, nxt.month
    return out


def quarter_end(year: int, quarter: int) -> dt.date:
    return {1: dt.date(year, 3, 31), 2: dt.date(year, 6, 30), 3: dt.date(year, 9, 30),
            4: dt.date(year, 12, 31)}[quarter]


def rand_date(rng: random.Random, start: date, end: date) -> date:
    """A uniformly random date in [start, end]."""
    return start + timedelta(days=rng.randint(0, max(0, (end - start).days)))


def ds(d: date | None) -> str | None:
    """'YYYY-MM-DD' (None stays None)."""
    return None if d is None else d.isoformat()


def dts(d: datetime) -> str:
    """'YYYY-MM-DD HH:MM:SS'."""
    return d.strftime("%Y-%m-%d %H:%M:%S")


def add_months(d: date, months: int) -> date:
    """``d`` plus ``months`` calendar months, clamped to the month's last day."""
    m = d.month - 1 + months
    y, m = d.year + m // 12, m % 12 + 1
    for day in (d.day, 30, 29, 28):
        try:
            return date(y, m, day)
        except ValueError:
            continue
    raise ValueError(d)


# --- numbers -------------------------------------------------------------------------------------

def rounded(x: float | None, n: int = 2) -> float | None:
    """``x`` rounded to ``n`` decimals; None (a missing value) stays None."""
    return None if x is None else round(x, n)


def lognormal(rng: random.Random, median: float, sigma: float, lo: float | None = None,
              hi: float | None = None) -> float:
    value = median * math.exp(rng.gauss(0.0, sigma))
    if lo is not None:
        value = max(lo, value)
    if hi is not None:
        value = min(hi, value)
    return value


def clip(value: float, lo: float, hi: float) -> float:
    return lo if value < lo else hi if value > hi else value


def interpolate(points: list[tuple[float, float]], x: float) -> float:
    """Piecewise-linear interpolation through sorted (x, y) points, flat beyond the ends."""
    if x <= points[0][0]:
        return points[0][1]
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        if x <= x1:
            return y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    return points[-1][1]
