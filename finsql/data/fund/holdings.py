"""Quarterly portfolios: top stock holdings, asset allocation and industry weights."""

from __future__ import annotations

from datetime import timedelta

from finsql.data.fake import ds
from finsql.data.fund.catalog import (
    INDUSTRIES,
    QEND,
    THEMES,
)
from finsql.data.fund.model import Fund, publ_date


class Holdings:
    """Quarterly portfolios: top stock holdings, asset allocation and industry weights. One part of World
    (world.py)."""

    def _universe(self, f: Fund) -> list[tuple[dict, float]]:
        a_shares = [s for s in self.stocks if not s["foreign"]]
        if f.sub == 110901:
            key = f.bench_eq
            pool = [s for s in self.stocks if s["foreign"] and ((s["market"] == 72) == (key == "hsi"))]
        elif f.track == "chinext":
            pool = [s for s in a_shares if s["chinext"]]
        elif f.track == "sse50":
            pool = [s for s in a_shares if s["tier"] == "L" and s["code"].startswith("6")]
        elif f.track in ("csi500", "csi1000"):
            pool = [s for s in a_shares if s["tier"] == "M"]
        elif f.track == "csidiv":
            pool = [s for s in a_shares if s["ind"] in THEMES["dividend"]]
        elif f.track == "csi300":
            pool = [s for s in a_shares if s["tier"] == "L"]
        else:
            pool = list(a_shares)
            if "沪港深" in f.theme_zh or "港股" in f.theme_zh:
                pool += [s for s in self.stocks if s["market"] == 72]
        pref = THEMES.get(f.theme_key, [])
        out = []
        for s in pool:
            wt = 1.0
            if pref and s["ind"] in pref:
                wt = 8.0
            if f.track or f.sub == 110901:
                wt = 3.0 if s["tier"] in ("L", "F") else 1.0
                if pref and s["ind"] in pref:
                    wt *= 3
            out.append((s, wt))
        return out

    def make_portfolios(self) -> None:
        """Each fund's quarterly asset allocation, top-10 stock holdings and industry weights."""
        rng = self.rng
        prices = self._stock_prices()
        by_inner = {s["inner"]: s for s in self.stocks}
        hold_rows, ind_rows, alloc_rows = [], [], []
        for f in self.funds:
            if f.est is None:
                continue
            universe = self._universe(f) if f.stock_rng[1] > 0 else []
            port: list[int] = []
            weights: list[float] = []
            prev_shares: dict[int, float] = {}
            stock_ratio = rng.uniform(*f.stock_rng) if f.stock_rng[1] else 0.0
            for qe in QEND:
                if qe < f.est or (f.term and f.term <= qe):
                    continue
                na = self.fund_net_assets(f, qe)
                if na <= 0:
                    continue
                publ = publ_date(rng, qe)
                lo, hi = f.stock_rng
                if hi:
                    drift = 8 if f.sub == 110302 else 2.5
                    stock_ratio = min(hi, max(lo, stock_ratio + rng.gauss(0, drift)))
                    if qe < f.est + timedelta(days=90):
                        stock_ratio *= rng.uniform(0.3, 0.8)  # still building the portfolio
                alloc, row = self._allocation(f, na, stock_ratio)
                for c in f.classes:
                    if qe in c.shares:
                        alloc_rows.append((len(alloc_rows) + 1, c.inner, ds(qe), ds(publ), *row))
                if not universe or alloc["stock"] <= 0:
                    continue
                port, weights = self._rebalance(f, universe, port, weights)
                hold, prev_shares = self._top_ten(f, port, weights, alloc, na, qe,
                                                  prices, by_inner, prev_shares)
                for c in f.classes:
                    if qe in c.shares:
                        for h in hold:
                            hold_rows.append((len(hold_rows) + 1, c.inner, ds(qe), ds(publ), *h))
                ranked = self._industry_weights(hold, alloc, by_inner)
                for c in f.classes:
                    if qe in c.shares:
                        for sn, (i_code, ratio) in enumerate(ranked, start=1):
                            ind_rows.append((len(ind_rows) + 1, c.inner, ds(qe), ds(publ), sn, i_code,
                                             INDUSTRIES[i_code][0], round(ratio / 100 * na, 2), round(ratio, 4)))
        self.tables["mf_keystockportfolio"] = hold_rows
        self.tables["mf_investindustry"] = ind_rows
        self.tables["mf_assetallocation"] = alloc_rows

    def _allocation(self, f: Fund, na: float, stock_ratio: float) -> tuple[dict[str, float], list[float]]:
        """The quarter's asset allocation (% of net assets by asset) and its mf_assetallocation values."""
        rng = self.rng
        alloc = self._alloc(f, stock_ratio)
        tot_ratio = sum(alloc.values())
        bond_split = self._bond_split(f)
        foreign = 1.0 if f.sub == 110901 else rng.uniform(0.2, 0.5) if (
            "沪港深" in f.theme_zh or "港股" in f.theme_zh) else 0.0
        liab = tot_ratio - 100.0
        repo_fin = liab * rng.uniform(0.75, 0.95) if liab > 5 else 0.0

        def pair(ratio: float, na: float = na) -> list[float]:
            return [round(ratio / 100 * na, 2), round(ratio, 4)]

        row = [round(tot_ratio / 100 * na, 2), round(na, 2), round(liab / 100 * na, 2), round(tot_ratio, 4)]
        row += pair(alloc["stock"]) + pair(alloc["stock"] * foreign) + pair(alloc["bond"])
        for share in bond_split:
            row += pair(alloc["bond"] * share)
        for key in ("abs", "fund", "deriv", "metal", "repo", "cash"):
            row += pair(alloc[key])
        row += [round(alloc["settle"] / 100 * na, 2)] + pair(alloc["other"]) + pair(repo_fin)
        return alloc, row

    def _rebalance(self, f: Fund, universe: list[tuple[dict, float]], port: list[int],
                   weights: list[float]) -> tuple[list[int], list[float]]:
        """The ten stocks held this quarter (a few swapped since the last) and their target weights."""
        rng = self.rng
        if not port:
            port = self._draw(universe, 10, [])
            weights = []
        else:
            turn = rng.choice([0, 1, 1, 2, 3, 4]) if not f.track else rng.choice([0, 0, 1])
            for _ in range(turn):
                out_i = rng.randrange(len(port))
                new = self._draw(universe, 1, port)
                if new:
                    port[out_i] = new[0]
        if not weights or rng.random() < 0.7:
            top = {"chinext": 5.5, "sse50": 6.0, "csidiv": 2.2, "csi500": 0.9, "csi1000": 0.6,
                   "csi300": 4.5}.get(f.track or "", 9.0)
            decay = rng.uniform(0.82, 0.93)
            weights = [top * rng.uniform(0.85, 1.15) * decay ** i for i in range(10)]
        return port, weights

    def _top_ten(self, f: Fund, port: list[int], weights: list[float], alloc: dict[str, float], na: float, qe,
                 prices: dict[int, dict], by_inner: dict[int, dict],
                 prev_shares: dict[int, float]) -> tuple[list[tuple], dict[int, float]]:
        """The top-10 holdings rows of the quarter (largest first) and the shares now held."""
        if f.track:
            factor = alloc["stock"] / 100
        else:
            factor = min(1.0, 0.75 * alloc["stock"] / sum(weights[:len(port)]))
        raw = sorted(((weights[i] * factor, port[i]) for i in range(len(port))), reverse=True)
        cur: dict[int, float] = {}
        hold = []
        for sn, (wt, inner) in enumerate(raw, start=1):
            price = prices[inner][qe]
            mv = wt / 100 * na
            shares = max(100.0, round(mv / price, -2))
            mv = shares * price
            cur[inner] = shares
            chg = round(shares - prev_shares[inner], 2) if inner in prev_shares else None
            s = by_inner[inner]
            hold.append((sn, inner, s["code"], s["abbr"], shares, round(mv, 2),
                         round(mv / na * 100, 4), chg))
        hold.sort(key=lambda h: -h[5])
        hold = [(i + 1, *h[1:]) for i, h in enumerate(hold)]
        prev_shares = cur
        return hold, prev_shares

    def _industry_weights(self, hold: list[tuple], alloc: dict[str, float],
                          by_inner: dict[int, dict]) -> list[tuple[int, float]]:
        """Industry weights (% of net assets), largest first: the top ten's industries plus a spread of the rest."""
        rng = self.rng
        ind: dict[int, float] = {}
        for h in hold:
            i_code = by_inner[h[1]]["ind"]
            ind[i_code] = ind.get(i_code, 0.0) + h[6]
        rest = alloc["stock"] - sum(h[6] for h in hold)
        if rest > 0.2:
            extra = [i for i in INDUSTRIES if i not in ind]
            extra = rng.sample(extra, min(len(extra), rng.randint(2, 7)))
            targets = list(ind) + extra
            shares_w = [rng.random() + (1.5 if t in ind else 0.2) for t in targets]
            sw = sum(shares_w)
            for t, x in zip(targets, shares_w, strict=True):
                ind[t] = ind.get(t, 0.0) + rest * x / sw
        ranked = sorted(ind.items(), key=lambda kv: -kv[1])
        return ranked

    def _draw(self, universe: list[tuple[dict, float]], k: int, exclude: list[int]) -> list[int]:
        pool = [(s["inner"], wt) for s, wt in universe if s["inner"] not in exclude]
        out: list[int] = []
        while pool and len(out) < k:
            i = self.rng.choices(range(len(pool)), weights=[wt for _, wt in pool])[0]
            out.append(pool.pop(i)[0])
        return out

    def _alloc(self, f: Fund, stock: float) -> dict[str, float]:
        u = self.rng.uniform
        sub = f.sub
        a = {"stock": stock, "bond": 0.0, "abs": 0.0, "fund": 0.0, "deriv": 0.0, "metal": 0.0, "repo": 0.0,
             "cash": 0.0, "settle": 0.0, "other": u(0.05, 1.2)}
        if sub in (110101, 110102, 110103, 110901):
            a["bond"] = u(0, 4) if sub != 110901 else 0.0
            a["repo"] = u(0, 2)
            a["fund"] = u(0, 4) if sub == 110901 and not f.track else 0.0
        elif sub in (110301, 110302):
            a["bond"] = u(2, 12) if stock > 60 else u(10, 45)
            a["repo"] = u(0, 4)
        elif sub == 110303:
            a["bond"] = u(65, 95)
            a["repo"] = u(0, 5)
        elif sub in (110501, 110502):
            a["bond"] = u(95, 128) if sub == 110501 else u(88, 112)
            a["repo"] = u(0, 6)
        elif sub == 110504:
            a["bond"] = u(85, 118)
            a["repo"] = u(0, 4)
        elif sub == 110701:
            a["bond"] = u(30, 60)
            a["repo"] = u(20, 45)
        else:  # FOF
            a["fund"] = u(80, 94)
            a["bond"] = u(0, 5)
            a["repo"] = u(0, 3)
        if sub in (110501, 110504) and self.rng.random() < 0.5:
            a["abs"] = u(0.3, 5.0)
        if sub == 110103 or (sub == 110302 and self.rng.random() < 0.2):
            a["deriv"] = u(0.0, 0.6)  # stock-index futures margin and valuation gains
        if sub in (111101, 110302) and self.rng.random() < 0.15:
            a["metal"] = u(1.0, 6.0)  # gold
        if stock > 0:
            a["settle"] = u(0.2, 2.0)
        invested = sum(a.values())
        a["cash"] = max(u(0.8, 8.0) if sub != 110701 else u(5, 30), 100.3 - invested)
        return a

    def _bond_split(self, f: Fund) -> list[float]:
        """Gov, financial, corporate, convertible, NCD shares of the bond holdings."""
        rng = self.rng
        base = {110501: (2, 3, 4, 0.1, 0.6), 110502: (1, 2, 3, 0.05, 3), 110504: (1.5, 2, 3, 2.5, 0.5),
                110701: (0.3, 1.2, 0.3, 0.0, 6), 110303: (1.5, 2, 2, 1.5, 0.5)}.get(f.sub, (3, 2, 1, 0.8, 0.5))
        x = [b * rng.uniform(0.5, 1.5) for b in base]
        s = sum(x)
        return [v / s for v in x]
