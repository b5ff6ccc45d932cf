"""Fees, performance and rankings, fund archives with their texts, dividends and holders."""

from __future__ import annotations

import math
from datetime import date, timedelta

from finsql.data.fake import (
    FUND_AUDITORS,
    FUND_LAW_FIRMS,
    add_months,
    ds,
)
from finsql.data.fund.catalog import (
    BASE,
    CONST,
    END,
    HALF_YEARS,
    INDEX_BY_KEY,
    QEND,
    START,
    TRUSTEE_WEIGHTS,
)
from finsql.data.fund.model import Fund, ShareClass, halfyear_publ, xgrq


class Reports:
    """Fees, performance and rankings, fund archives with their texts, dividends and holders. One part of World
    (world.py)."""

    # -- fees ------------------------------------------------------------------------------------
    def make_fees(self) -> None:
        rows = []
        for f in self.funds:
            for c in f.classes:
                rows.extend(self._class_fees(f, c))
        self.tables["mf_chargeratenew"] = [(i + 1, *r) for i, r in enumerate(rows)]

    def _class_fees(self, f: Fund, c: ShareClass) -> list[tuple]:
        rng = self.rng
        start = c.start or f.issue_start
        publ = ds(f.issue_start - timedelta(days=3) if c.start in (None, f.est) else start - timedelta(days=5))
        cur = c.currency
        out = []

        def add(kind, lo, hi, unit, st=None, en=None, dunit=None, desc="", ex=start, cancel=None, client=1,
                pd=publ):
            out.append((c.inner, pd, kind, client, cur, lo, hi, unit, st, en, dunit, desc, ds(ex), ds(cancel),
                        0 if cancel else 1))

        # management and custody (the 2023 fee reform cut 1.5%/0.25% to 1.2%/0.2%)
        if f.reform and start < f.reform:
            cut = f.reform - timedelta(days=1)
            rp = ds(f.reform - timedelta(days=rng.randint(2, 6)))
            add(15, f.mgmt, f.mgmt, 1, desc=f"管理费年费率{f.mgmt:.2f}%", cancel=cut)
            add(15, 1.2, 1.2, 1, desc="管理费年费率1.20%(2023年费率改革后下调)", ex=f.reform, pd=rp)
            add(16, f.cust, f.cust, 1, desc=f"托管费年费率{f.cust:.2f}%", cancel=cut)
            add(16, 0.2, 0.2, 1, desc="托管费年费率0.20%(2023年费率改革后下调)", ex=f.reform, pd=rp)
        else:
            mg = 1.2 if f.reform else f.mgmt
            cu = 0.2 if f.reform else f.cust
            add(15, mg, mg, 1, desc=f"管理费年费率{mg:.2f}%")
            add(16, cu, cu, 1, desc=f"托管费年费率{cu:.2f}%")
        if c.sales_fee:
            add(19, c.sales_fee, c.sales_fee, 1, desc=f"销售服务费年费率{c.sales_fee:.2f}%")
        front = c.letter in ("", "A", "USD") and not f.mmf and f.op_mode != 4
        if front:
            eq = f.type in (1101, 1103, 1109, 1111)
            p_tiers = [1.5, 1.0, 0.6] if eq else [0.8, 0.5, 0.3]
            s_tiers = [1.2, 0.8, 0.5] if eq else [0.6, 0.4, 0.2]
            if f.sub == 110502:
                p_tiers, s_tiers = [0.3, 0.2, 0.1], [0.3, 0.2, 0.1]
            if f.sub == 110102:
                p_tiers, s_tiers = [1.2, 0.8, 0.5], [1.0, 0.6, 0.4]
            bounds = [(0, 100), (100, 300), (300, 500)]
            for kind, tiers, name in ((10, s_tiers, "认购"), (11, p_tiers, "申购")):
                if kind == 10 and c.start not in (None, f.est):
                    continue
                ex = f.issue_start if kind == 10 else start
                cancel = f.est if kind == 10 and f.est else None
                for (lo, hi), rate in zip(bounds, tiers, strict=True):
                    span = f"{name}金额{hi}万元以下" if lo == 0 else f"{name}金额{lo}万元(含)至{hi}万元"
                    add(kind, rate, rate, 2, lo, hi, 1, f"{span}，费率{rate:.2f}%", ex=ex, cancel=cancel)
                add(kind, 1000, 1000, 3, 500, None, 1, f"{name}金额500万元(含)以上，每笔1000元", ex=ex,
                    cancel=cancel)
                if kind == 11 and f.type in (1101, 1103, 1105) and rng.random() < 0.3:
                    for (lo, hi), rate in zip(bounds, tiers, strict=True):
                        r10 = round(rate * 0.1, 3)
                        span = f"{hi}万元以下" if lo == 0 else f"{lo}万元(含)至{hi}万元"
                        add(kind, r10, r10, 2, lo, hi, 1, f"养老金客户通过直销中心申购，金额{span}，费率{r10:.3f}%",
                            client=2)
        # redemption
        if not f.mmf and f.op_mode != 4:
            eq = f.type in (1101, 1103, 1109, 1111)
            if f.lockup and f.op_mode == 6:
                tiers = [(0, None, 0.0)]
            elif c.letter == "C":
                tiers = [(0, 7, 1.5), (7, 30, 0.5 if eq else 0.1), (30, None, 0.0)]
            elif eq:
                tiers = [(0, 7, 1.5), (7, 30, 0.75), (30, 365, 0.5), (365, 730, 0.25), (730, None, 0.0)]
            else:
                tiers = [(0, 7, 1.5), (7, 365, 0.1), (365, None, 0.0)]
            for lo, hi, rate in tiers:
                span = f"持有{lo}天(含)至{hi}天" if hi else f"持有{lo}天(含)以上"
                if f.lockup and f.op_mode == 6:
                    span = f"满足{f.lockup}天最短持有期后赎回"
                add(12, rate, rate, 2, lo, hi, 2, f"{span}，赎回费率{rate:.2f}%")
        return out

    # -- performance and ranks -------------------------------------------------------------------
    def make_performance(self) -> None:
        td = self.td_all
        month_ends = []
        for i, d in enumerate(td[1:], start=1):
            if i == len(td) - 1 or td[i + 1].month != d.month:
                if d >= date(2022, 6, 1):
                    month_ends.append(i)
        rows = []
        rank_input: dict[int, list] = {}
        for f in self.funds:
            for c in f.classes:
                if not c.navs:
                    continue
                for k in month_ends:
                    if k not in c.pos:
                        continue
                    rows.append(self._perf_row(f, c, k))
                    rank_input.setdefault(k, []).append((c, f, rows[-1]))
        rank_rows = []
        cols = {"m1": 6, "m3": 7, "m6": 8, "ytd": 9, "y1": 10, "y2": 11}
        for k in month_ends:
            items = rank_input.get(k, [])
            ranks: dict[tuple[int, str], tuple[int, int]] = {}
            for ftype in CONST[1101][2]:
                group = [(c, r) for c, f, r in items if f.type == ftype]
                for name, ci in cols.items():
                    vals = sorted(((r[ci], c.inner) for c, r in group if r[ci] is not None),
                                  key=lambda x: (-x[0], x[1]))
                    for pos, (_, inner) in enumerate(vals, start=1):
                        ranks[(inner, name)] = (pos, len(vals))
            for c, f, _r0 in items:
                rr = []
                for name in cols:
                    pos, tot = ranks.get((c.inner, name), (None, None))
                    rr += [pos, tot]
                y1 = ranks.get((c.inner, "y1"))
                quart = pct = None
                if y1:
                    pct = round(y1[0] / y1[1] * 100, 2)
                    quart = min(4, 1 + int((y1[0] - 1) * 4 / y1[1]))
                rank_rows.append((c.inner, ds(td[k]), f.type, *rr, quart, pct))
        self.tables["mf_netvalueperformance"] = rows
        self.tables["mf_performancerank"] = rank_rows

    def _perf_row(self, f: Fund, c: ShareClass, k: int) -> tuple:
        td = self.td_all
        d = td[k]
        nav = c.navs[c.pos[k]]
        adj = nav[3]
        first_k = c.navs[0][0]

        def rr(dd: date) -> float | None:
            """Return since ``dd`` (None when the class did not exist yet)."""
            if dd < c.start:
                return None
            if self.k_on_or_before(dd) >= first_k:
                base = self.adj_at(c, dd)
            else:  # before the NAV window: the class's history up to BASE
                base = self._hidden_adj(c, dd)
            return round((adj / base - 1) * 100, 4)

        def brr(dd: date) -> float | None:
            """Benchmark return since ``dd`` (None if the class did not exist or dd is before the window)."""
            if dd < c.start or dd < BASE:
                return None
            b = 1.0
            for kk in range(self.k_on_or_before(dd) + 1, k + 1):
                b *= 1 + f.bench[kk]
            return round((b - 1) * 100, 4)

        ye = date(d.year - 1, 12, 31)
        starts = [d - timedelta(days=7), add_months(d, -1), add_months(d, -3), add_months(d, -6), ye,
                  add_months(d, -12), add_months(d, -24)]
        wk, m1, m3, m6, ytd, y1, y2 = (rr(x) for x in starts)
        if ye < c.start:
            ytd = round((adj - 1) * 100, 4)
        bench = [brr(x) for x in starts]
        if ye < c.start:
            bench[4] = brr(c.start)
        since = round((adj - 1) * 100, 4)
        days = (d - c.start).days
        ann = round((adj ** (365 / days) - 1) * 100, 4) if days >= 180 else None
        ann2 = round(((1 + y2 / 100) ** 0.5 - 1) * 100, 4) if y2 is not None else None
        excess = [round(a - b, 4) if a is not None and b is not None else None
                  for a, b in zip((m1, m3, m6, ytd, y1, y2), bench[1:], strict=True)]
        risk: list[float | None] = [None] * 13
        if y1 is not None:
            k0 = self.k_on_or_before(add_months(d, -12))
            ks = [kk for kk in range(max(k0, first_k), k + 1) if kk in c.pos]
            series = [c.navs[c.pos[kk]][3] for kk in ks]
            rets = [series[i] / series[i - 1] - 1 for i in range(1, len(series))]
            brets = [f.bench[kk] for kk in ks[1:]]
            if len(rets) > 20:
                n = len(rets)
                mean = sum(rets) / n
                sd = math.sqrt(sum((x - mean) ** 2 for x in rets) / (n - 1))
                vol = sd * math.sqrt(245) * 100
                down = math.sqrt(sum(min(x, 0.0) ** 2 for x in rets) / n) * math.sqrt(245) * 100
                peak, dd_max = series[0], 0.0
                for v in series:
                    peak = max(peak, v)
                    dd_max = min(dd_max, v / peak - 1)
                mdd = dd_max * 100
                pos_days = sum(1 for x in rets if x > 0) / n * 100
                risk = [round(vol, 4), round(down, 4), round(mdd, 4)] + [None] * 7 + [
                    round(pos_days, 2), round(max(rets) * 100, 4), round(min(rets) * 100, 4)]
                if not f.mmf and vol > 0:
                    bmean = sum(brets) / n
                    bvar = sum((x - bmean) ** 2 for x in brets) / (n - 1)
                    cov = sum((x - mean) * (y - bmean) for x, y in zip(rets, brets, strict=True)) / (n - 1)
                    beta = cov / bvar if bvar > 0 else None
                    diff = [x - y for x, y in zip(rets, brets, strict=True)]
                    dmean = sum(diff) / n
                    te = math.sqrt(sum((x - dmean) ** 2 for x in diff) / (n - 1)) * math.sqrt(245) * 100
                    risk[3] = round((y1 - 1.5) / vol, 4)
                    risk[4] = round((y1 - 1.5) / down, 4) if down > 0 else None
                    risk[5] = round(y1 / -mdd, 4) if mdd < 0 else None
                    if beta is not None:
                        risk[6] = round(beta, 4)
                        risk[7] = round((mean - beta * bmean) * 245 * 100, 4)
                    risk[8] = round(te, 4)
                    risk[9] = round((y1 - bench[5]) / te, 4) if te > 0 and bench[5] is not None else None
        return (c.inner, ds(d), nav[1], nav[2], round(adj, 6), wk, m1, m3, m6, ytd, y1, y2, since, ann, ann2,
                *bench, *excess, *risk)

    # -- fund archives and secumain rows for the funds -------------------------------------------
    def make_archives(self) -> None:
        rng = self.rng
        rows = []
        secu = list(self.secumain)
        for f in self.funds:
            comp = f.company
            names = self._names(f)
            trustee = rng.choices(self.trustee_codes, weights=TRUSTEE_WEIGHTS)[0]
            if f.sub in (110102, 110103) and f.op_mode == 4 and trustee == self.trustee_codes[-1]:
                trustee = self.trustee_codes[0]
            bench_zh, bench_en = self._benchmark_text(f)
            texts = self._texts(f)
            risk = {110101: 4, 110102: 4, 110103: 4, 110301: 4, 110302: 4, 110303: 3, 110501: 2, 110502: 2,
                    110504: 3, 110701: 1, 110901: 5, 111101: 3}[f.sub]
            if f.sub == 110101 and f.theme_key in ("semi", "defense", "tech"):
                risk = 5
            if f.sub == 111101 and f.eq_w >= 0.45:
                risk = 4
            style = {110102: 5, 110103: 5, 110501: 4, 110502: 4, 110504: 4, 110701: 6, 111101: 3,
                     110303: 4}.get(f.sub)
            if style is None:
                style = 1 if f.theme_key in ("growth", "tech", "semi", "energy", "digital", "mfg", "carbon",
                                             "defense") else 2 if f.theme_key in ("value", "dividend", "bluechip",
                                                                                  "fin", "soe", "cycle") else 3
                if f.sub == 110901 and f.track:
                    style = 5
            status = 3 if f.term else 2 if f.est is None else 1
            audit = rng.choice(FUND_AUDITORS)
            law = rng.choice(FUND_LAW_FIRMS)
            registrar = "中国证券登记结算有限责任公司" if f.market != 89 or rng.random() < 0.25 else comp["full"]
            div_method = 2 if f.mmf or f.op_mode == 4 else rng.choice([1, 1, 1, 2])
            duration, expire = 1, None
            if f.sub == 111101 and rng.random() < 0.3 and f.est:
                duration, expire = 2, ds(f.est.replace(year=f.est.year + 5) - timedelta(days=1))
            track_inner = self.index_inner[f.track] if f.track else None
            bench_inner = self.index_inner[f.bench_eq] if not f.mmf and f.type != 1105 else (
                self.index_inner["cbond"] if f.type == 1105 else None)
            for c in f.classes:
                zh_abbr, zh_full, en_full, en_abbr, spelling = names[c.letter]
                purchase, redeem, large = 1, 1, None
                if status == 3:
                    purchase, redeem = 2, 2
                elif status == 2:
                    purchase, redeem = 2, 2
                elif f.sub == 110901 and rng.random() < 0.6:
                    purchase, large = 3, rng.choice([1000.0, 5000.0, 10000.0, 100000.0])
                elif rng.random() < 0.08:
                    purchase, large = 3, rng.choice([10000.0, 100000.0, 1000000.0])
                if f.op_mode == 5 and rng.random() < 0.6 and status == 1:
                    purchase, redeem = 2, 3
                if c.currency == "USD":
                    min_buy, min_add = 100.0, 100.0
                elif f.op_mode == 4:
                    min_buy = min_add = None
                else:
                    min_buy = rng.choice([1.0, 10.0, 10.0, 100.0, 1000.0]) if not f.mmf else rng.choice([0.01, 1.0])
                    min_add = min_buy
                    if f.mmf and c.letter == "B":
                        min_buy, min_add = 5000000.0, 1000.0
                min_red = None if f.op_mode == 4 else rng.choice([1.0, 10.0, 100.0])
                min_hold = None if f.op_mode == 4 else rng.choice([1.0, 10.0, 100.0])
                households = round(c.founded / rng.uniform(2e4, 9e4)) if c.founded else None
                if c.founded and f.if_initiative:
                    households = rng.randint(3, 60)
                listed = ds(f.listed) if c is f.classes[0] else None
                rows.append((
                    c.inner, f.main_code, c.code, c.letter or None, zh_full, zh_abbr, en_full, en_abbr, spelling,
                    f.type, f.sub, f.op_mode, style, 1 if f.track else 0, f.if_initiative,
                    1 if "养老" in f.theme_zh else 0, track_inner, bench_inner, bench_zh, bench_en, comp["code"],
                    trustee, ds(f.issue_start), ds(f.issue_end), ds(f.est), ds(c.start), c.founded, households,
                    1.0, duration, expire, f.lockup, listed, f.market if c is f.classes[0] else 89, status,
                    ds(f.term), purchase, redeem, large, risk, texts["risk"], c.currency, min_buy, min_add,
                    min_red, min_hold, div_method, texts["objective"], texts["scope"], texts["strategy"], audit,
                    law, registrar, ds(f.issue_start - timedelta(days=rng.randint(3, 10))),
                    xgrq(rng, min(END, (f.term or END) + timedelta(days=rng.randint(0, 3))))))
                cat = 9 if f.op_mode == 4 else 10 if f.op_mode == 3 else 8
                market = f.market if c is f.classes[0] else 89
                secu.append((c.inner, comp["code"], c.code, zh_abbr, zh_full, zh_abbr, en_full, en_abbr,
                             spelling, market, cat, listed, None, 5 if f.term else 3 if f.est is None else 1,
                             rows[-1][-1]))
        rows.sort()
        self.tables["mf_fundarchives"] = rows
        self.tables["secumain"] = sorted(secu)

    def _names(self, f: Fund) -> dict[str, tuple[str, str, str, str, str]]:
        comp = f.company
        brand, brand_en, ini = comp["brand"], comp["brand_en"], comp["ini"]
        sub = f.sub
        theme, theme_en, tini = f.theme_zh, f.theme_en, f.theme_ini
        lock_zh = lock_en = lock_ini = ""
        if f.op_mode == 6 and f.type != 1111:
            lock_zh, lock_en, lock_ini = {180: ("六个月持有", "Six-month Holding", "LGYCY"),
                                          365: ("一年持有", "One-year Holding", "YNCY")}[f.lockup]
        if f.op_mode == 5:
            lock_zh, lock_en, lock_ini = "定开", "Regular Open", "DK"
        sif = "Securities Investment Fund"
        if sub == 110101:
            short, full, en, en_full, sini = "股票", "股票型证券投资基金", "Equity", f"Equity {sif}", "GP"
        elif f.type == 1103:
            short, full, en, en_full, sini = "混合", "混合型证券投资基金", "Hybrid", f"Hybrid {sif}", "HH"
        elif f.type == 1105:
            short, full, en, en_full, sini = "债券", "债券型证券投资基金", "Bond", f"Bond {sif}", "ZQ"
            if theme.endswith("债"):
                short, sini = "", ""
            if theme_en.endswith("Bond"):
                en, en_full = "", sif
        elif f.mmf:
            short, full, en, en_full, sini = "货币", "货币市场基金", "Money Market", "Money Market Fund", "HB"
            if theme == "货币":
                short, sini = "", ""
        elif sub in (110102, 110103):
            if f.op_mode == 4:
                short, full, en, en_full, sini = "ETF", "交易型开放式指数证券投资基金", "ETF", "Exchange Traded Fund", "ETF"
            else:
                short = "指数增强" if sub == 110103 else "指数"
                full = "指数增强型证券投资基金" if sub == 110103 else "指数证券投资基金"
                en = "Index Enhanced" if sub == 110103 else "Index"
                en_full = f"{en} {sif}"
                sini = "ZSZQ" if sub == 110103 else "ZS"
                if f.op_mode == 3:
                    full += "(LOF)"
                    en_full += " (LOF)"
        elif sub == 110901:
            if f.op_mode == 4:
                short, full, sini = "ETF", "交易型开放式指数证券投资基金(QDII)", "ETF"
                en, en_full = "ETF (QDII)", "Exchange Traded Fund (QDII)"
                theme, theme_en = theme.replace("指数", ""), theme_en.replace(" Index", "")
            elif f.track:
                short, full, en, en_full, sini = "(QDII)", "型证券投资基金(QDII)", "(QDII)", f"{sif} (QDII)", ""
            else:
                short, full, sini = "混合(QDII)", "混合型证券投资基金(QDII)", "HH"
                en, en_full = "Hybrid (QDII)", f"Hybrid {sif} (QDII)"
        else:
            short, full, en, en_full, sini = "混合(FOF)", "混合型基金中基金(FOF)", "Hybrid FOF", "Hybrid Fund of Funds (FOF)", \
                "HHFOF"
        if f.if_initiative:
            full = full.replace("证券投资基金", "发起式证券投资基金")
            en_full = en_full.replace(sif, f"Initiative {sif}")
        base_abbr = f"{brand}{theme}{lock_zh}{short}"
        base_full = f"{brand}{theme}{lock_zh}{full}"
        base_en = " ".join(x for x in (brand_en, theme_en, lock_en, en) if x)
        full_en = " ".join(x for x in (brand_en, theme_en, lock_en, en_full) if x)
        spell = f"{ini}{tini}{lock_ini}{sini}"
        out = {}
        for c in f.classes:
            letter = c.letter
            suffix = {"": "", "A": "A", "B": "B", "C": "C", "USD": "美元现汇"}[letter]
            en_suffix = {"": "", "A": " A", "B": " B", "C": " C", "USD": " USD Cash"}[letter]
            sp = spell + ({"USD": "MYXH"}.get(letter, letter))
            out[letter] = (base_abbr + suffix, base_full, full_en, base_en + en_suffix, sp)
        return out

    def _benchmark_text(self, f: Fund) -> tuple[str, str]:
        if f.mmf:
            return "七天通知存款利率(税后)", "7-day call deposit rate (after tax)"
        ix = INDEX_BY_KEY[f.bench_eq]
        zh, en = ix[3].replace("中证小盘500", "中证500") + "收益率", ix[4] + " return"
        if f.sub == 110901:
            zh, en = ix[3] + "收益率(经汇率调整)", ix[4] + " return (in CNY)"
        bond_zh, bond_en = "中债综合指数收益率", "ChinaBond Composite Index return"
        if f.type == 1105 and f.eq_w == 0:
            return bond_zh, bond_en
        if f.sub in (110102, 110103) or (f.sub == 110901 and f.track):
            return (f"{zh}×95%+银行活期存款利率(税后)×5%", f"{en} × 95% + bank demand deposit rate (after tax) × 5%")
        w = round(f.eq_w * 100)
        if f.bond_w == 0:
            return (f"{zh}×{w}%+银行活期存款利率(税后)×{100 - w}%",
                    f"{en} × {w}% + bank demand deposit rate (after tax) × {100 - w}%")
        return f"{zh}×{w}%+{bond_zh}×{100 - w}%", f"{en} × {w}% + {bond_en} × {100 - w}%"

    def _texts(self, f: Fund) -> dict[str, str]:
        t = f.theme_zh
        sub = f.sub
        if f.mmf:
            return dict(
                risk="本基金为货币市场基金，是证券投资基金中的低风险品种，其预期风险和预期收益低于债券型基金、混合型基金和股票型基金。",
                objective="在保持基金资产低风险和高流动性的前提下，力求获得超过业绩比较基准的稳定收益。",
                scope="现金、期限在一年以内(含)的银行存款、债券回购、中央银行票据、同业存单，剩余期限在397天以内(含)的债券等货币市场工具。",
                strategy="根据宏观经济形势、货币政策和资金面变化，动态调整组合平均剩余期限和各类资产配置比例，在控制流动性风险的前提下提高组合收益。")
        if f.type == 1105:
            stock = "，可适度参与可转换债券和股票投资以增强收益" if sub == 110504 else "，不直接买入股票"
            return dict(
                risk="本基金为债券型基金，其预期风险和预期收益高于货币市场基金，低于混合型基金和股票型基金。",
                objective=f"在严格控制风险和保持资产流动性的基础上，通过积极主动的{t}投资管理，力争为投资者提供持续稳定的回报。",
                scope=f"国债、金融债、企业债、公司债、中期票据、短期融资券、同业存单、资产支持证券等固定收益类金融工具{stock}。",
                strategy="采用久期管理、期限结构配置、类属配置与个券精选相结合的策略，在严控信用风险的前提下获取票息收益与资本利得。")
        if sub in (110102, 110103) or (sub == 110901 and f.track):
            ix = INDEX_BY_KEY[f.track]
            enh = "在有效跟踪标的指数的基础上，力争获得超越标的指数的投资收益" if sub == 110103 else \
                "紧密跟踪标的指数，追求跟踪偏离度和跟踪误差的最小化"
            return dict(
                risk=f"本基金为股票型指数基金，主要投资于{ix[3]}成份股，其预期风险和预期收益高于混合型基金、债券型基金与货币市场基金。",
                objective=f"{enh}，日均跟踪偏离度的绝对值力争不超过0.35%。",
                scope=f"{ix[3]}的成份股及备选成份股(投资比例不低于基金资产的90%)，以及债券、货币市场工具等。",
                strategy="采用完全复制法(或抽样复制与量化增强相结合)构建组合，并根据成份股调整、分红派息及申购赎回情况进行动态调整。")
        if sub == 111101:
            return dict(
                risk="本基金为基金中基金，主要投资于经中国证监会依法核准或注册的公开募集证券投资基金，预期风险和收益介于股票型基金和债券型基金之间。",
                objective="通过大类资产配置和基金精选，在控制风险的前提下追求基金资产的长期稳健增值。",
                scope="经中国证监会依法核准或注册的公开募集证券投资基金(投资比例不低于基金资产的80%)，以及股票、债券和货币市场工具等。",
                strategy="以目标风险或目标日期为约束进行战略资产配置，结合宏观研判进行战术调整，运用定量与定性相结合的方法精选子基金。")
        market = "境外市场" if sub == 110901 else "A股市场"
        return dict(
            risk="本基金为股票型基金，其预期风险和预期收益高于混合型基金、债券型基金与货币市场基金。" if f.type == 1101
            else "本基金为混合型基金，其预期风险和预期收益高于债券型基金和货币市场基金，低于股票型基金。",
            objective=f"本基金重点关注{t}相关投资机会，在严格控制风险的前提下，力争实现基金资产的长期稳健增值。",
            scope=f"{market}上市的股票、存托凭证、债券、货币市场工具、资产支持证券及法律法规允许基金投资的其他金融工具。",
            strategy=f"自上而下把握宏观经济与行业景气变化，自下而上精选{t}主题下具备核心竞争力和估值优势的优质企业，构建并动态优化投资组合。")

    # -- dividends -------------------------------------------------------------------------------
    def make_dividends(self) -> None:
        rng = self.rng
        td = self.td_all
        rows = []
        for f in self.funds:
            fund_offset = rng.choice([0, 0, 1, 2, 5]) if f.est and f.est < START else 0
            for c in f.classes:
                offset = fund_offset if c.start == f.est else 0
                for times, (k, div, pre) in enumerate(c.divs, start=1 + offset):
                    ex = td[k]
                    listed = f.market != 89 and c is f.classes[0]
                    record = td[k - 1] if listed else ex
                    publ = td[max(1, k - rng.randint(2, 4))]
                    reinvest = td[min(len(td) - 1, k + 1)]
                    pay = td[min(len(td) - 1, k + rng.randint(1, 3))]
                    q = max((q for q in QEND if q < publ), default=None)
                    base_date = q or date(publ.year, publ.month, 1) - timedelta(days=1)
                    shares = self._shares_at(c, ex)
                    ratio10 = round(div * 10, 2)
                    total = round(shares * div, 2)
                    profit = round(max(total * rng.uniform(1.05, 2.5), shares * (pre - 1.0)), 2)
                    rows.append((c.inner, ds(publ), ds(base_date), profit, ds(record), ds(ex), ds(reinvest),
                                 ds(pay), ratio10, ratio10, round(pre, 4), total, times))
        rows.sort(key=lambda r: (r[5], r[0]))
        self.tables["mf_dividend"] = [(i + 1, *r) for i, r in enumerate(rows)]

    # -- holders ---------------------------------------------------------------------------------
    def make_holders(self) -> None:
        rng = self.rng
        rows = []
        for f in self.funds:
            inst_mu = {1101: 0.15, 1103: 0.12, 1105: 0.75, 1107: 0.35, 1109: 0.1, 1111: 0.05}[f.type]
            if f.op_mode == 4:
                inst_mu = 0.55
            if f.sub == 110502:
                inst_mu = 0.55
            for c in f.classes:
                inst_c = min(0.98, max(0.002, rng.gauss(inst_mu, 0.15)))
                if c.letter == "B":
                    inst_c = min(0.995, inst_c + 0.5)
                avg_c = rng.uniform(0.8e4, 6e4) if not f.mmf else rng.uniform(0.3e4, 2e4)
                for he in HALF_YEARS:
                    if he not in c.shares or c.shares[he] <= 0:
                        continue
                    total = c.shares[he]
                    inst = min(0.999, max(0.001, inst_c + rng.gauss(0, 0.04)))
                    inst_sh = round(total * inst, 2)
                    ind_sh = round(total - inst_sh, 2)
                    avg_ind = avg_c * rng.uniform(0.85, 1.15)
                    accounts = max(1, round(ind_sh / avg_ind) + rng.randint(1, 40))
                    emp = round(min(ind_sh, total * rng.uniform(0, 0.004)), 2) if rng.random() < 0.8 else 0.0
                    rows.append((c.inner, ds(he), ds(halfyear_publ(rng, he)), round(total, 2), accounts,
                                 round(total / accounts, 2), inst_sh, round(inst_sh / total * 100, 4), ind_sh,
                                 round(ind_sh / total * 100, 4), emp, round(emp / total * 100, 4)))
        self.tables["mf_holderinfo"] = [(i + 1, *r) for i, r in enumerate(rows)]
