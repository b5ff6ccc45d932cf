"""Quarterly credit scores."""

from __future__ import annotations

import math
from datetime import date

from finsql.data.fake import ds


def grade(score: int) -> str:
    for cut, g in ((800, "AAA"), (740, "AA"), (680, "A"), (620, "BBB"), (560, "BB"), (500, "B")):
        if score >= cut:
            return g
    return "C"


class Scores:
    """Quarterly credit scores. One part of Bank (world.py)."""

    # -- credit scores ---------------------------------------------------------------------------
    def make_scores(self) -> None:
        rng = self.rng
        dates = [date(2023, 3, 31), date(2023, 6, 30), date(2023, 9, 30), date(2023, 12, 31), date(2024, 3, 31),
                 date(2024, 6, 30)]
        rows = []
        for c in self.customers:
            base = 645 + 60 * math.log10(max(c["income"], 10000) / 100000) + rng.gauss(0, 45) + 1.2 * (c["age"] - 35)
            cards = c["cards"]
            for d in dates:
                if c["join"] > d:
                    continue
                limit = sum(x["limit"] for x in cards)
                owed = sum(x["owed"] for x in cards)
                util = round(owed / limit * 100 * rng.uniform(0.7, 1.3), 2) if limit else 0.0
                debt = sum(ln["outstanding"] if ln["status"] not in ("paid_off",) else 0.0 for ln in c["loans"]
                           if ln["start"] <= d)
                dti = round(min(400.0, debt * 0.012 / max(c["income"] / 12, 500) * 100 * rng.uniform(0.8, 1.2)), 2)
                delinq = 0
                for ln in c["loans"]:
                    if ln["status"] in ("overdue", "written_off") and d >= date(2024, 1, 1):
                        delinq += max(1, min(12, ln["late"] // 30 + 1)) if d == dates[-1] else 1
                    elif ln["behaviour"] == 1 and rng.random() < 0.15:
                        delinq += 1
                s = base - 0.6 * util - 0.2 * min(dti, 150) - 45 * delinq + rng.gauss(0, 12)
                s = int(min(950, max(350, round(s))))
                inquiries = rng.choices([0, 1, 2, 3, 5], weights=[50, 25, 12, 8, 5])[0]
                lines = len([x for x in cards if x["status"] == "active"]) + len(
                    [ln for ln in c["loans"] if ln["status"] in ("active", "overdue") and ln["start"] <= d])
                rows.append((c["id"], ds(d), s, grade(s), "v3.0" if d >= date(2024, 1, 1) else "v2.1", dti, util,
                             delinq, inquiries, lines))
        self.tables["credit_score"] = [(i + 1, *r) for i, r in enumerate(rows)]
