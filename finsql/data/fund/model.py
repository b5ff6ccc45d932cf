"""What the fund builder simulates: funds and their share classes, and the date and path helpers it draws with."""

from __future__ import annotations

import math
import random
from datetime import date, timedelta

from finsql.data.fake import ds


def bridge(rng: random.Random, days: list[date], anchors: list[tuple[date, float]], vol: float) -> list[float]:
    """Log Brownian bridge through (date, level) anchors; ``days`` starts at the first anchor."""
    pos = {d: i for i, d in enumerate(days)}
    out = [0.0] * len(days)
    for (d0, l0), (d1, l1) in zip(anchors, anchors[1:], strict=False):
        i0, i1 = pos[d0], pos[d1]
        n = i1 - i0
        walk = [0.0]
        for _ in range(n):
            walk.append(walk[-1] + rng.gauss(0, vol))
        a, b = math.log(l0), math.log(l1)
        for k in range(n + 1):
            out[i0 + k] = math.exp(a + walk[k] - walk[n] * k / n + (b - a) * k / n)
    return out


def publ_date(rng: random.Random, report: date) -> date:
    """Quarterly report publication: within 15 working days after the quarter end."""
    d = report + timedelta(days=rng.randint(16, 22))
    while d.weekday() >= 5:
        d += timedelta(days=1)
    return d


def halfyear_publ(rng: random.Random, report: date) -> date:
    d = report + timedelta(days=rng.randint(55, 61) if report.month == 6 else rng.randint(85, 90))
    while d.weekday() >= 5:
        d -= timedelta(days=1)
    return d


def xgrq(rng: random.Random, d: date) -> str:
    return f"{ds(d)} {rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"


class ShareClass:
    """One share class (one InnerCode / one row of mf_fundarchives)."""

    def __init__(self, fund: Fund, letter: str) -> None:
        self.fund = fund
        self.letter = letter
        self.inner = 0
        self.code = ""
        self.start: date | None = None  # share class start date
        self.sales_fee = 0.0
        self.currency = "CNY"
        self.founded: float | None = None
        self.navs: list[tuple] = []  # (k, unit, acc, adj, growth, profit, weekly)
        self.pos: dict[int, int] = {}  # trading-day index -> position in navs
        self.adj0 = 1.0  # adjusted NAV at BASE (or 1.0 at the class start)
        self.unit0 = 1.0
        self.divs: list[tuple] = []  # (k, per unit, unit before)
        self.shares: dict[date, float] = {}  # quarter end -> end shares
        self.share_rows: list[tuple] = []
        self.size0 = 0.0


class Fund:
    """One fund (all its share classes share a portfolio and managers)."""

    def __init__(self) -> None:
        self.classes: list[ShareClass] = []
        self.est: date | None = None
        self.term: date | None = None
        self.holdings: dict[date, list[tuple[int, float]]] = {}
