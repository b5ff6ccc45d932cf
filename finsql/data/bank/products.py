"""Products, exchange rates and the products customers hold."""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta

from finsql.data.bank.catalog import (
    LOG_START,
    PRODUCTS,
    SNAPSHOT,
)
from finsql.data.fake import ds, rand_date, weekdays


class Products:
    """Products, exchange rates and the products customers hold. One part of Bank (world.py)."""

    # -- products and FX -------------------------------------------------------------------------
    def make_products(self) -> None:
        rows = []
        self.product_id = {}
        for i, p in enumerate(PRODUCTS):
            code, zh, en, cat, risk, yld, mn, term, launch, issuer, guaranteed = p
            cur = "USD" if code == "DP301" else "HKD" if code == "DP302" else "CNY"
            end, status = None, "on_sale"
            if code in ("WM006", "FD003"):
                end, status = ("2024-03-31", "closed") if code == "WM006" else (None, "suspended")
            rows.append((i + 1, code, zh, en, cat, risk, yld, mn, term, cur, launch, end, status, issuer,
                         guaranteed))
            self.product_id[code] = i + 1
        self.products = rows
        self.tables["product"] = rows

    def make_rates(self) -> None:
        rng = self.rng
        days = weekdays(date(2022, 12, 30), SNAPSHOT)
        spec = {"USD": (1, (6.9646, 7.2258, 7.0827, 7.1268), 0.0025),
                "EUR": (1, (7.4229, 7.8771, 7.8592, 7.6617), 0.004),
                "HKD": (1, (0.8933, 0.9220, 0.9062, 0.9127), 0.0025),
                "JPY": (100, (5.2358, 5.0094, 5.0213, 4.4373), 0.005)}
        anchors_d = [date(2022, 12, 30), date(2023, 6, 30), date(2023, 12, 29), date(2024, 6, 28)]
        pos = {d: i for i, d in enumerate(days)}
        rows = []
        self.fx: dict[str, dict[date, float]] = {}
        for cur, (unit, levels, vol) in spec.items():
            series = [0.0] * len(days)
            pts = list(zip(anchors_d, levels, strict=True))
            for (d0, l0), (d1, l1) in zip(pts, pts[1:], strict=False):
                i0, i1 = pos[d0], pos[d1]
                walk = [0.0]
                for _ in range(i1 - i0):
                    walk.append(walk[-1] + rng.gauss(0, vol))
                n = i1 - i0
                for k in range(n + 1):
                    series[i0 + k] = math.exp(math.log(l0) + walk[k] - walk[n] * k / n
                                              + (math.log(l1) - math.log(l0)) * k / n)
            self.fx[cur] = {}
            for d, mid in zip(days, series, strict=True):
                if d < LOG_START or d > SNAPSHOT:
                    continue
                self.fx[cur][d] = mid
                m = mid
                rows.append((ds(d), cur, unit, round(m, 4), round(m * 0.9985, 4), round(m * 1.0015, 4),
                             round(m * 0.9935, 4)))
        rows.sort()
        self.tables["exchange_rate"] = rows

    # -- product holdings ------------------------------------------------------------------------
    def make_holdings(self) -> None:
        rng = self.rng
        rows = []
        sellable = [p for p in self.products if p[4] in ("wealth_management", "fund", "insurance")]
        rank = {"R1": 1, "R2": 2, "R3": 3, "R4": 4, "R5": 5}
        for c in self.customers:
            n = rng.choices([0, 1, 2, 3, 4], weights=[40, 25, 18, 10, 7])[0]
            if c["income"] > 500000:
                n += 2
            accts = [a for a in c["accounts"] if a["type"] in ("savings", "payroll") and a["cur"] == "CNY"
                     and a["status"] != "dormant"]
            if not accts:
                continue
            crank = int(c["risk"][1])
            for _ in range(n):
                ok = [p for p in sellable if rank[p[5]] <= crank and p[12] != "suspended"]
                if rng.random() < 0.015:
                    ok = [p for p in sellable if rank[p[5]] > crank] or ok  # mis-sold (above the client's rating)
                p = rng.choice(ok)
                if p[1] == "WM008" and c["income"] < 500000:
                    continue
                a = rng.choice(accts)
                launch = date.fromisoformat(p[10])
                lo = max(launch, a["opened"], date(2021, 1, 1))
                hi = date(2024, 6, 25)
                if p[11]:
                    hi = min(hi, date.fromisoformat(p[11]))
                if a["closed"]:
                    hi = min(hi, a["closed"] - timedelta(days=1))
                if lo > hi:
                    continue
                bought = rand_date(rng, lo, hi)
                amt = max(p[7] or 1000, round(c["income"] * math.exp(rng.gauss(-1.0, 0.8)), -3))
                if p[4] == "insurance":
                    amt = max(p[7], round(amt * 0.3, -2))
                cat = p[4]
                yld = p[6] if p[6] is not None else rng.gauss(2.0 if p[5] in ("R4", "R5") else 3.0, 15.0)
                term = p[8]
                status, redeem = "holding", None
                end = SNAPSHOT
                if term and cat == "wealth_management" and term < 1000:
                    mat = bought + timedelta(days=term)
                    if mat <= SNAPSHOT:
                        status, redeem, end = "matured", mat, mat
                if status == "holding" and cat in ("fund", "wealth_management") and rng.random() < 0.3:
                    redeem = rand_date(rng, min(bought + timedelta(days=30), SNAPSHOT), SNAPSHOT)
                    status, end = "redeemed", redeem
                if a["closed"] and (redeem is None or redeem >= a["closed"]):
                    redeem = a["closed"] - timedelta(days=1)
                    if redeem < bought:
                        redeem = bought
                    status, end = "redeemed", redeem
                years = max(0.0, (end - bought).days / 365)
                if cat == "fund" and p[6] is None:
                    growth = math.exp(rng.gauss(-0.05 if p[5] != "R2" else 0.03, 0.18 if p[5] != "R2" else 0.02)
                                      * max(years, 0.1) ** 0.5)
                else:
                    growth = 1 + (yld + rng.gauss(0, 0.3)) / 100 * years
                value = round(amt * growth, 2)
                nav0 = round(rng.uniform(0.9, 2.5), 4) if cat == "fund" else 1.0
                units = round(amt / nav0, 2) if cat in ("fund", "wealth_management") else None
                channel = rng.choices(["mobile_app", "counter", "online_banking"], weights=[60, 25, 15])[0]
                profit = round(value - amt, 2) if status != "holding" else None
                cur_value = value if status == "holding" else 0.0
                rows.append((c["id"], self.product_id[p[1]], a["id"], ds(bought), float(amt), units, status,
                             ds(redeem), cur_value, profit, channel))
                t = datetime(bought.year, bought.month, bought.day, rng.randint(9, 21), rng.randint(0, 59),
                             rng.randint(0, 59))
                if bought >= LOG_START:
                    self._event(a, t, "wealth_purchase", "D", float(amt), channel, p[13], None, None, None,
                                f"购买{p[2]}", forced=True)
                if redeem is not None and redeem >= LOG_START and (not a["closed"] or redeem < a["closed"]):
                    t2 = datetime(redeem.year, redeem.month, redeem.day, rng.randint(9, 20), rng.randint(0, 59),
                                  rng.randint(0, 59))
                    self._event(a, t2, "wealth_redemption", "C", value, "system", p[13], None, None, None,
                                f"{p[2]}到期/赎回")
                if status == "holding":
                    c["wealth"] += value
        rows.sort(key=lambda r: (r[3], r[0]))
        self.tables["product_holding"] = [(i + 1, *r) for i, r in enumerate(rows)]
