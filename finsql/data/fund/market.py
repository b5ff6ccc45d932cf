"""Codes, stocks and indexes: the securities funds hold and track, with their daily prices."""

from __future__ import annotations

import bisect
import math
from datetime import date, timedelta

from finsql.data.fake import (
    ds,
    rand_date,
    weekdays,
)
from finsql.data.fund.catalog import (
    A_SHARES,
    BASE,
    CONST,
    END,
    FOREIGN_STOCKS,
    INDEXES,
    INDUSTRIES,
    QEND,
)
from finsql.data.fund.model import bridge, xgrq


class Market:
    """Codes, stocks and indexes: the securities funds hold and track, with their daily prices. One part of World
    (world.py)."""

    def make_constants(self) -> None:
        rows = []
        for lb, (lbmc, lben, codes) in CONST.items():
            for dm, (ms, en) in codes.items():
                rows.append((len(rows) + 1, lb, lbmc, lben, dm, ms, en))
        self.tables["ct_systemconst"] = rows

    # -- securities: stocks and indexes ----------------------------------------------------------
    def make_securities(self) -> None:
        rng = self.rng
        n = len(A_SHARES) + len(FOREIGN_STOCKS) + len(INDEXES)
        codes = sorted(rng.sample(range(1000, 30000), n))
        rng.shuffle(codes)
        self.stock_inner: dict[str, int] = {}
        self.stocks: list[dict] = []
        rows, ind_rows = [], []
        for i, (code, abbr, en, spell, ind, price, tier) in enumerate(A_SHARES):
            inner = codes[i]
            market = 83 if code.startswith("6") else 90
            sector = 7 if code.startswith("688") else 6 if code.startswith("300") else 1
            if sector == 7:
                listed = rand_date(rng, date(2019, 7, 22), date(2020, 12, 31))
            elif sector == 6:
                listed = rand_date(rng, date(2009, 10, 30), date(2018, 6, 30))
            else:
                listed = rand_date(rng, date(1991, 1, 1), date(2016, 12, 31))
            full = abbr.rstrip("A") + "股份有限公司"
            rows.append((inner, 100000 + i * 37, code, abbr, full, abbr, en + " Co., Ltd.", en, spell, market, 1,
                         ds(listed), sector, 1, xgrq(rng, date(2024, rng.randint(1, 6), rng.randint(1, 28)))))
            self.stocks.append(dict(inner=inner, code=code, abbr=abbr, ind=ind, price=price, tier=tier,
                                    market=market, foreign=False, chinext=sector == 6))
            self.stock_inner[code] = inner
        off = len(A_SHARES)
        for j, (code, abbr, en, spell, ind, price, market) in enumerate(FOREIGN_STOCKS):
            inner = codes[off + j]
            listed = rand_date(rng, date(1980, 12, 12), date(2020, 6, 30))
            rows.append((inner, 200000 + j * 41, code, abbr, abbr, abbr, en, en, spell, market,
                         2 if market == 72 else 3, ds(listed), 1, 1,
                         xgrq(rng, date(2024, rng.randint(1, 6), rng.randint(1, 28)))))
            self.stocks.append(dict(inner=inner, code=code, abbr=abbr, ind=ind, price=price, tier="F",
                                    market=market, foreign=True, chinext=False))
            self.stock_inner[code] = inner
        for s in self.stocks:
            ind_rows.append((len(ind_rows) + 1, s["inner"], 38, s["ind"], INDUSTRIES[s["ind"]][0],
                             INDUSTRIES[s["ind"]][1], "2021-07-30", 1))
        self.index_inner: dict[str, int] = {}
        off += len(FOREIGN_STOCKS)
        for j, ix in enumerate(INDEXES):
            key, code, abbr, full, en, spell, market = ix[:7]
            inner = codes[off + j]
            self.index_inner[key] = inner
            rows.append((inner, None, code, abbr, full, abbr, en, en.replace(" Index", ""), spell, market, 4,
                         ix[13], None, 1, xgrq(rng, date(2024, 1, rng.randint(2, 28)))))
        self.secumain = rows
        self.tables["lc_exgindustry"] = ind_rows

    def make_indexes(self) -> None:
        rng = self.rng
        cn_days = self.td_all
        os_days = weekdays(BASE, END)
        quotes, info = [], []
        self.index_levels: dict[str, tuple[list[date], list[float]]] = {}
        for ix in INDEXES:
            key, code, abbr, full, en, spell, market, itype, cal, lv, vol = ix[:11]
            days = cn_days if cal == "cn" else os_days
            anchors = list(zip([BASE, date(2021, 12, 31), date(2022, 12, 30), date(2023, 12, 29), END], lv,
                               strict=True))
            levels = bridge(rng, days, anchors, vol)
            self.index_levels[key] = (days, levels)
            inner = self.index_inner[key]
            base_vol = ix[16] * 1e8
            for i in range(1, len(days)):
                prev, close = levels[i - 1], levels[i]
                if key == "cbond":
                    o = h = lo = close
                    tv = tval = None
                else:
                    o = prev * (1 + rng.gauss(0, vol * 0.3))
                    h = max(o, close) * (1 + abs(rng.gauss(0, vol * 0.4)))
                    lo = min(o, close) * (1 - abs(rng.gauss(0, vol * 0.4)))
                    tv = base_vol * math.exp(rng.gauss(0, 0.25)) * (1 + 15 * abs(close / prev - 1))
                    tval = tv * close / lv[0] * (12.0 if cal == "cn" else 40.0)
                    tv, tval = round(tv), round(tval, 2)
                quotes.append((inner, ds(days[i]), round(prev, 4), round(o, 4), round(h, 4), round(lo, 4),
                               round(close, 4), tv, tval, round((close / prev - 1) * 100, 4)))
            currency = {"hsi": "HKD", "spx": "USD", "ndx": "USD"}.get(key, "CNY")
            desc = {
                1: (f"{full}由{ix[11]}编制，选取{ix[15]}只规模大、流动性好的证券作为样本，反映相应市场的整体表现。",
                    f"{en}, compiled by {ix[12]}, tracks {ix[15]} large and liquid securities of its market."),
                2: (f"{full}选取{ix[15]}只现金股息率高、分红稳定的上市公司证券作为样本，反映高股息证券的整体表现。",
                    f"{en} tracks {ix[15]} listed companies with high and stable cash dividend yields."),
                3: (f"{full}涵盖银行间和交易所市场的国债、政策性金融债、企业债等，反映中国债券市场整体价格与收益走势。",
                    f"{en} covers government, policy-bank and corporate bonds in the interbank and exchange "
                    "markets and reflects China's overall bond market."),
                4: (f"{full}为境外市场代表性指数，由{ix[11]}编制，样本数约{ix[15]}只。",
                    f"{en} is a benchmark overseas index compiled by {ix[12]} with about {ix[15]} constituents."),
            }[itype]
            weight = "全收益(财富)指数" if key == "cbond" else "自由流通市值加权" if itype != 2 else "股息率加权"
            pub = date.fromisoformat(ix[13]) + timedelta(days=rng.randint(60, 400))
            info.append((inner, itype, ix[11], ix[12], ix[13], ix[14], ds(pub), ix[15], weight, currency, *desc))
        self.tables["qt_indexquote"] = quotes
        self.tables["lc_indexbasicinfo"] = info
        # USD/CNY for the QDII funds (daily, Shanghai calendar)
        fx_anchor = list(zip([BASE, date(2021, 12, 31), date(2022, 12, 30), date(2023, 12, 29), END],
                             (6.4601, 6.3757, 6.9646, 7.0827, 7.1268), strict=True))
        self.fx = bridge(rng, cn_days, fx_anchor, 0.0025)
        # daily returns on Shanghai trading days for every index (overseas: last close on or before the day)
        self.idx_ret: dict[str, list[float]] = {}
        for key, (days, levels) in self.index_levels.items():
            if days is cn_days:
                r = [0.0] + [levels[i] / levels[i - 1] - 1 for i in range(1, len(levels))]
            else:
                asof = [levels[bisect.bisect_right(days, d) - 1] for d in cn_days]
                r = [0.0] + [asof[i] / asof[i - 1] - 1 for i in range(1, len(asof))]
            self.idx_ret[key] = r

    def index_level_at(self, key: str, d: date) -> float:
        days, levels = self.index_levels[key]
        return levels[bisect.bisect_right(days, d) - 1]

    # -- portfolios: top-10 stocks, industries, asset allocation ---------------------------------
    def _stock_prices(self) -> dict[int, dict[date, float]]:
        rng = self.rng
        out = {}
        for s in self.stocks:
            mkt = "hsi" if s["market"] == 72 else "ndx" if s["market"] == 78 else "spx" if s["foreign"] \
                else ("chinext" if s["chinext"] else "csi300" if s["tier"] == "L" else "csi500")
            beta = rng.uniform(0.7, 1.4)
            p = s["price"] * math.exp(rng.gauss(0, 0.06))
            prices = {QEND[-1]: p}
            for qi in range(len(QEND) - 1, 0, -1):
                m = self.index_level_at(mkt, QEND[qi]) / self.index_level_at(mkt, QEND[qi - 1])
                p = p / (m ** beta * math.exp(rng.gauss(0, 0.11)))
                prices[QEND[qi - 1]] = p
            out[s["inner"]] = {q: round(v, 2) for q, v in prices.items()}
        return out
