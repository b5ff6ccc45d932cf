"""Accounts and cards."""

from __future__ import annotations

import math
from datetime import date, timedelta

from finsql.data.bank.catalog import (
    LOG_START,
    SNAPSHOT,
)
from finsql.data.fake import add_months, ds, rand_date


class Accounts:
    """Accounts and cards. One part of Bank (world.py)."""

    # -- accounts --------------------------------------------------------------------------------
    def make_accounts(self) -> None:
        rng = self.rng
        rows = []
        self.accounts = []
        for c in self.customers:
            plan = ["savings"]
            if c["employer"] and rng.random() < 0.22:
                plan.append("payroll")
            if rng.random() < 0.12 or c["occ"] == "self_employed":
                plan.append("current")
            for _ in range(rng.choices([0, 1, 2, 3], weights=[45, 35, 15, 5])[0]):
                plan.append("time_deposit")
            if rng.random() < 0.07 or c["nationality"] != "CN":
                plan.append("fx")
            for atype in plan:
                aid = len(rows) + 1
                cur = "CNY"
                if atype == "fx":
                    cur = rng.choice(["USD", "USD", "HKD"])
                    atype = "savings"
                opened = c["join"] if not c["accounts"] else rand_date(rng, c["join"], date(2024, 6, 20))
                prod = {"savings": "DP001", "payroll": "DP003", "current": "DP002"}.get(atype)
                if cur == "USD":
                    prod = "DP301"
                elif cur == "HKD":
                    prod = "DP302"
                rate, term, maturity = 0.2 if cur == "CNY" else (0.05 if cur == "USD" else 0.01), None, None
                if atype == "time_deposit":
                    prod = rng.choices(["DP101", "DP102", "DP103", "DP104", "DP201"], weights=[15, 35, 15, 20, 15])[0]
                    if prod == "DP201" and c["income"] < 300000:
                        prod = "DP104"
                    term = {"DP101": 3, "DP102": 12, "DP103": 24, "DP104": 36, "DP201": 36}[prod]
                    opened = rand_date(rng, max(c["join"], date(2020, 1, 1)), date(2024, 6, 10))
                    base = {3: 1.45, 12: 1.85, 24: 2.35, 36: 2.85}[term] if prod != "DP201" else 3.30
                    cut = 0.0 if opened < date(2022, 9, 15) else 0.15 if opened < date(2023, 6, 8) else \
                        0.35 if opened < date(2023, 12, 22) else 0.55
                    rate = round(base - cut, 2)
                    maturity = add_months(opened, term)
                wealth = c["income"] * math.exp(rng.gauss(-0.3, 0.9))
                if atype == "time_deposit":
                    bal = round(max(10000.0, wealth * rng.uniform(0.3, 1.5)), -2)
                    if prod == "DP201":
                        bal = max(200000.0, bal)
                elif cur != "CNY":
                    bal = round(wealth * rng.uniform(0.05, 0.5) / (7.1 if cur == "USD" else 0.91), 2)
                else:
                    bal = round(wealth * rng.uniform(0.05, 0.6), 2)
                status, closed = "active", None
                if atype != "time_deposit" and rng.random() < 0.05 and opened < date(2023, 6, 1):
                    status, closed = "closed", rand_date(rng, max(opened, LOG_START) + timedelta(days=30),
                                                         date(2024, 6, 15))
                elif atype == "time_deposit" and maturity <= SNAPSHOT:
                    status, closed = "closed", maturity
                elif atype == "savings" and rng.random() < 0.03:
                    status = "frozen"
                branch = c["branch"] if rng.random() < 0.85 else rng.choice(self.branches)
                if branch["opened"] > opened:
                    branch = c["branch"]
                a = dict(id=aid, cust=c, type=atype, cur=cur, opened=opened, closed=closed, status=status,
                         balance=bal, rate=rate, term=term, maturity=maturity, prod=prod, branch=branch,
                         last=None, activity=math.exp(rng.gauss(0, 0.6)))
                c["accounts"].append(a)
                self.accounts.append(a)
                self.events[aid] = []
                rows.append(a)
        # a few long-inactive savings accounts become dormant
        for a in self.accounts:
            if a["type"] == "savings" and a["status"] == "active" and a["opened"] < date(2020, 1, 1) \
                    and rng.random() < 0.04:
                a["status"] = "dormant"

    def _acct_no(self, a: dict) -> str:
        return f"62{2588 + a['branch']['id']:04d}{a['id'] * 7919 % 10**9:09d}{a['id'] % 97:02d}"

    # -- cards -----------------------------------------------------------------------------------
    def make_cards(self) -> None:
        rng = self.rng
        rows = []
        for c in self.customers:
            debit_accts = [a for a in c["accounts"] if a["type"] in ("savings", "payroll") and a["cur"] == "CNY"]
            for a in debit_accts:
                if rng.random() < 0.9:
                    issue = a["opened"] + timedelta(days=rng.randint(0, 3))
                    expiry = add_months(issue, 120)
                    status = "cancelled" if a["status"] == "closed" else "frozen" if a["status"] == "frozen" else \
                        "expired" if expiry < SNAPSHOT else "active"
                    if status == "active" and rng.random() < 0.01:
                        status = "lost"
                    level = "gold" if c["income"] > 300000 else "classic"
                    rows.append([None, c["id"], a["id"], None, "debit", level, "UnionPay", None, None, ds(issue),
                                 ds(expiry), status, 0.0, a, issue])
            if rng.random() < 0.42 and c["age"] >= 20:
                for _ in range(1 if rng.random() < 0.8 else 2):
                    inc = c["income"]
                    level = "diamond" if inc > 1e6 else "platinum" if inc > 400000 else "gold" if inc > 150000 \
                        else "classic"
                    prod = {"classic": "CC001", "gold": "CC002", "platinum": "CC003", "diamond": "CC004"}[level]
                    if rng.random() < 0.12:
                        prod = "CC005"
                    limit = round(min(500000, max(5000, inc * rng.uniform(0.1, 0.4))), -3)
                    issue = rand_date(rng, max(c["join"], date(2016, 1, 1)), date(2024, 5, 31))
                    expiry = add_months(issue, 60)
                    status = "expired" if expiry < SNAPSHOT else "active"
                    if status == "active" and rng.random() < 0.04:
                        status = rng.choice(["frozen", "cancelled"])
                    used = rng.uniform(0, 0.7) if rng.random() < 0.85 else rng.uniform(0.7, 1.0)
                    owed = round(limit * used, 2) if status in ("active", "frozen") else 0.0
                    fee = {"classic": 0.0, "gold": 0.0, "platinum": 800.0, "diamond": 3600.0}[level]
                    network = rng.choice(["UnionPay", "UnionPay", "Visa", "Mastercard"])
                    rows.append([None, c["id"], None, self.product_id[prod], "credit", level, network, limit, owed,
                                 ds(issue), ds(expiry), status, fee, None, issue])
                    c["cards"].append(dict(limit=limit, owed=owed, status=status))
        rows.sort(key=lambda r: (r[14], r[1]))
        out = []
        for i, r in enumerate(rows):
            cid = i + 1
            bin_ = "622588" if r[4] == "debit" else {"UnionPay": "625912", "Visa": "438088",
                                                      "Mastercard": "518710"}[r[6]]
            last_used = None
            a = r[13]
            if r[11] == "active":
                last_used = ds(SNAPSHOT - timedelta(days=int(rng.expovariate(1 / 12))))
            out.append((cid, f"{bin_}******{(cid * 7723) % 10000:04d}", r[1], r[2], r[3], r[4], r[5], r[6], r[7],
                        r[8], r[9], r[10], r[11], r[12], last_used))
        self.tables["card"] = out
        self.credit_cards: dict[int, list[tuple]] = {}
        for x in out:
            if x[5] == "credit":
                self.credit_cards.setdefault(x[2], []).append(x)
