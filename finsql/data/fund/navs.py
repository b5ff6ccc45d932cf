"""Daily net values of every share class, and the shares outstanding each quarter."""

from __future__ import annotations

import math
from datetime import date, timedelta

from finsql.data.fake import ds
from finsql.data.fund.catalog import (
    BASE,
    QEND,
    START,
)
from finsql.data.fund.model import Fund, ShareClass, publ_date


class Navs:
    """Daily net values of every share class, and the shares outstanding each quarter. One part of World
    (world.py)."""

    # -- NAV simulation --------------------------------------------------------------------------
    def _mmf_level(self, d: date) -> float:
        pts = [(date(2021, 7, 1), 2.25), (date(2022, 3, 1), 2.05), (date(2022, 8, 31), 1.45),
               (date(2022, 12, 15), 1.90), (date(2023, 6, 30), 1.95), (date(2023, 12, 29), 2.15),
               (date(2024, 3, 31), 1.85), (date(2024, 6, 28), 1.68)]
        for (d0, y0), (d1, y1) in zip(pts, pts[1:], strict=False):
            if d <= d1:
                t = max(0.0, (d - d0).days / (d1 - d0).days)
                return y0 + (y1 - y0) * t
        return pts[-1][1]

    def _hidden_adj(self, c: ShareClass, d: date) -> float:
        """Adjusted NAV before the window (smooth path from 1.0 at the class start to adj0 at BASE)."""
        if c.start is None or d <= c.start:
            return 1.0
        span = (BASE - c.start).days
        return math.exp(math.log(c.adj0) * min(1.0, (d - c.start).days / span)) if span > 0 else c.adj0

    def simulate_navs(self) -> None:
        rng = self.rng
        n = len(self.td_all)
        bond_r = self.idx_ret["cbond"]
        fx = self.fx
        rows = []
        for f in self.funds:
            if f.est is None:
                continue
            # gross daily return of the portfolio (before fees) and of the composite benchmark
            eq_r = self.idx_ret[f.bench_eq]
            gross = [0.0] * n
            bench = [0.0] * n
            a = f.alpha / 245
            qdii = f.sub == 110901
            for k in range(1, n):
                fxr = fx[k] / fx[k - 1] - 1 if qdii else 0.0
                if f.mmf:
                    bench[k] = 0.0135 / 365 * (self.td_all[k] - self.td_all[k - 1]).days
                    continue
                b = f.eq_w * eq_r[k] + f.bond_w * bond_r[k]
                if qdii:
                    b = (1 + b) * (1 + fxr) - 1 + 0.05 * 0.0035 / 245
                elif f.sub in (110102, 110103):
                    b += 0.05 * 0.0035 / 245
                bench[k] = b
                if f.sub == 110502:
                    core = f.beta * bond_r[k] + rng.gauss(0, f.idio)
                else:
                    core = f.beta * (f.eq_w * eq_r[k] + f.bond_w * bond_r[k]) + rng.gauss(0, f.idio)
                gross[k] = a + core + (fxr if qdii else 0.0)
            f.gross, f.bench = gross, bench
            f.fx_r = [0.0] + [fx[k] / fx[k - 1] - 1 for k in range(1, n)] if qdii else None
            # dividend candidate days (shared by every class)
            f.div_days = []
            pay = (f.type == 1105 and rng.random() < 0.55) or (f.sub in (110101, 110301, 110302, 110303)
                                                               and rng.random() < 0.22) \
                or (f.track == "csidiv" and f.op_mode != 4) or (f.type == 1111 and rng.random() < 0.3)
            if pay and not f.mmf:
                every = rng.choice([63, 125, 250]) if f.type == 1105 else rng.choice([250, 125])
                k = rng.randint(20, every)
                while k < n - 5:
                    f.div_days.append(k)
                    k += every + rng.randint(-15, 15)
            f.spread_path = None
            if f.mmf:
                lvl, y = [], f.spread
                for _ in range(n):
                    y = 0.9 * y + 0.1 * f.spread + rng.gauss(0, 0.03)
                    lvl.append(y)
                f.spread_path = lvl
            for c in f.classes:
                rows.extend(self._class_nav(f, c))
        self.tables["mf_netvalue"] = rows

    def _class_nav(self, f: Fund, c: ShareClass) -> list[tuple]:
        rng = self.rng
        td = self.td_all
        n = len(td)
        lead = f.classes[0]
        if c.start < START and c is not lead:
            first = 0
            years = (BASE - c.start).days / 365.25
            decay = math.exp(-(c.sales_fee - lead.sales_fee) / 100 * years)
            if c.start <= lead.start:
                c.adj0, c.unit0, cumdiv = lead.adj0 * decay, lead.unit0 * decay, lead.cumdiv0 * decay
            else:
                c.adj0 = lead.adj0 / self._hidden_adj(lead, c.start) * decay
                c.unit0, cumdiv = lead.unit0 * decay, 0.0
        elif c.start < START:
            first = 0
            years = (BASE - c.start).days / 365.25
            mu = {1101: 0.08, 1103: 0.075, 1105: 0.04, 1107: 0.022, 1109: 0.07, 1111: 0.05}[f.type]
            sd = {1101: 0.07, 1103: 0.07, 1105: 0.012, 1107: 0.002, 1109: 0.06, 1111: 0.03}[f.type]
            if c.letter == "C":
                mu -= c.sales_fee / 100
            c.adj0 = min(8.0, max(0.55, math.exp((mu + rng.gauss(0, sd)) * years)))
            if f.mmf:
                c.unit0, cumdiv = 1.0, 0.0
            else:
                acc0 = c.adj0 / (1 + rng.uniform(0, 0.15) * (c.adj0 - 1)) if c.adj0 > 1.15 else c.adj0
                cumdiv = rng.uniform(0.0, 0.6) * (acc0 - 1) if acc0 > 1.2 and rng.random() < 0.6 else 0.0
                c.unit0 = max(0.35, acc0 - cumdiv)
                cumdiv = acc0 - c.unit0
        else:
            first = self.tdi[c.start]
            c.adj0 = 1.0
            cumdiv = 0.0
            c.unit0 = 1.0
            if c.letter and c.start != f.est:  # class added later starts at the sibling's NAV
                sib = f.classes[0]
                p = sib.pos.get(first)
                c.unit0 = sib.navs[p][1] if p is not None else 1.0
        c.cumdiv0 = cumdiv
        last = self.tdi[f.term] if f.term else n - 1
        out = []
        unit, adj = c.unit0, c.adj0
        pub_prev = round(unit, 4)
        fee_base = (f.cust + c.sales_fee) / 100 / 245
        reform_k = self.k_on_or_after(f.reform) if f.reform else n + 1
        divs = set(f.div_days)
        profits: list[tuple[int, float]] = []
        for k in range(first, last + 1):
            d = td[k]
            if k == 0:
                continue  # BASE itself is not published
            mg = (1.2 if k >= reform_k else f.mgmt) / 100 / 245
            cus = (0.2 / 100 / 245 + c.sales_fee / 100 / 245) if k >= reform_k else fee_base
            if f.mmf:
                days = (d - td[k - 1]).days if k > first else 1
                y = max(0.6, self._mmf_level(d) + f.spread_path[k] - (f.mgmt + f.cust + c.sales_fee - 0.55))
                profit = round(y / 100 / 365 * 10000 * days, 4)
                adj *= 1 + profit / 10000
                profits.append((k, profit))
                del profits[:-8]
                if len(profits) >= 6:
                    window = [p for kk, p in profits if (d - td[kk]).days < 7]
                    weekly = round(sum(window) / 10000 * 365 / 7 * 100, 4)
                else:
                    weekly = round(y, 4)
                out.append((c.inner, ds(d), 1.0, 1.0, round(adj, 6), None, profit, weekly))
                c.pos[k] = len(c.navs)
                c.navs.append((k, 1.0, 1.0, adj, None))
                continue
            if k == first and c.start >= START:
                growth = None
                pub = round(unit, 4)
                div = 0.0
            else:
                r = f.gross[k] - mg - cus
                if c.currency == "USD":
                    r = (1 + r) / (1 + f.fx_r[k]) - 1
                pre = unit * (1 + r)
                adj *= 1 + r
                div = 0.0
                if k in divs and k - first > 20 and c.currency == "CNY":
                    gap = 0.01 if f.type == 1105 else 0.05
                    if pre > 1.0 + gap:
                        share = rng.uniform(0.3, 0.8) if f.type == 1105 else rng.uniform(0.2, 0.5)
                        ratio10 = round(max(0.05, (pre - 1.0) * share * 10), 2)
                        div = ratio10 / 10
                        c.divs.append((k, div, pre))
                unit = pre - div
                cumdiv += div
                pub = round(unit, 4)
                growth = round(((pub + div) / pub_prev - 1) * 100, 4)
            acc = round(pub + cumdiv, 4)
            out.append((c.inner, ds(d), pub, acc, round(adj, 6), growth, None, None))
            c.pos[k] = len(c.navs)
            c.navs.append((k, pub, acc, adj, growth))
            pub_prev = pub
        return out

    def nav_at(self, c: ShareClass, d: date) -> tuple | None:
        """The class's NAV row on the last trading day on or before ``d`` (None before its first NAV)."""
        k = self.k_on_or_before(d)
        while k > 0 and k not in c.pos:
            k -= 1
            if c.navs and k < c.navs[0][0]:
                return None
        return c.navs[c.pos[k]] if k in c.pos else None

    def adj_at(self, c: ShareClass, d: date) -> float:
        row = self.nav_at(c, d)
        if row is not None:
            return row[3]
        return self._hidden_adj(c, min(d, BASE))

    def unit_at(self, c: ShareClass, d: date) -> float:
        row = self.nav_at(c, d)
        return row[1] if row is not None else c.unit0

    # -- shares ----------------------------------------------------------------------------------
    def make_shares(self) -> None:
        rng = self.rng
        rows = []
        for f in self.funds:
            if f.est is None:
                continue
            for c in f.classes:
                fx0 = self.fx[0] if c.currency == "USD" else 1.0
                if c.start < START:
                    shares = c.size0 / (c.unit0 * fx0)
                    prev_end = BASE
                else:
                    shares = None
                for qi, qe in enumerate(QEND):
                    qs = QEND[qi - 1] + timedelta(days=1) if qi else START
                    if c.start > qe or (f.term and f.term < qs):
                        continue
                    if shares is None:  # class starts inside this quarter
                        if c.start == f.est:
                            founded = round(c.size0 / 1.0, -2)
                            if f.if_initiative:
                                founded = round(rng.uniform(1.0e7, 1.2e7), -2)
                            c.founded = founded
                            start_shares = founded
                        else:
                            start_shares = 0.0
                        sdate = c.start
                        prev_end = c.start
                    else:
                        start_shares = shares
                        sdate = qs
                    u0 = self.adj_at(c, prev_end)
                    u1 = self.adj_at(c, min(qe, f.term) if f.term else qe)
                    ret = u1 / u0 - 1 if u0 else 0.0
                    base = start_shares if start_shares > 0 else c.size0 * 0.3
                    if start_shares == 0:
                        buy = c.size0 * rng.uniform(0.3, 0.8)
                        sell = 0.0
                    elif f.mmf:
                        buy = base * rng.uniform(0.3, 1.3)
                        sell = start_shares * rng.uniform(0.3, 1.25)
                    else:
                        buy = base * max(0.005, rng.gauss(0.09, 0.06) + 0.6 * ret)
                        sell = start_shares * min(0.9, max(0.01, rng.gauss(0.1, 0.05) - 0.3 * ret))
                        if f.term:
                            buy *= 0.2
                    edate = qe
                    if f.term and f.term <= qe:
                        edate = f.term
                        sell = start_shares + buy
                    end = max(0.0, start_shares + buy - sell)
                    if not f.term and end < 2e6:
                        buy += 2e6 - end
                        end = start_shares + buy - sell
                    buy, sell = round(buy, -2), round(sell, -2)
                    end = round(start_shares + buy - sell, 2)
                    if end < 0 or edate != qe:
                        sell, end = round(start_shares + buy, 2), 0.0
                    unit = self.unit_at(c, edate) if not f.mmf else 1.0
                    fx = self.fx[self.k_on_or_before(edate)] if c.currency == "USD" else 1.0
                    c.shares[qe] = end
                    chg = round((end / start_shares - 1) * 100, 4) if start_shares else None
                    rows.append((len(rows) + 1, c.inner, ds(publ_date(rng, qe)), ds(sdate), ds(edate),
                                 round(start_shares, 2), buy, sell, end, chg, round(end * unit * fx, 2)))
                    shares = end
                    prev_end = qe
        self.tables["mf_shareschange"] = rows

    def fund_net_assets(self, f: Fund, qe: date) -> float:
        tot = 0.0
        for c in f.classes:
            if qe in c.shares:
                fx = self.fx[self.k_on_or_before(qe)] if c.currency == "USD" else 1.0
                tot += c.shares[qe] * (1.0 if f.mmf else self.unit_at(c, qe)) * fx
        return tot

    def _shares_at(self, c: ShareClass, d: date) -> float:
        ends = sorted(c.shares)
        for q in ends:
            if q >= d:
                return c.shares[q]
        return c.shares[ends[-1]] if ends else c.size0
