"""Management companies, trustees, funds and share classes, with each fund's parameters."""

from __future__ import annotations

import math
from datetime import date, timedelta

from finsql.data.fake import (
    ds,
    rand_date,
    unique_names,
)
from finsql.data.fund.catalog import (
    BOND_THEMES,
    CITY_INFO,
    COMPANIES,
    ENHANCED_BOND_THEMES,
    EQUITY_THEMES,
    FEE_REFORM,
    FLEX_THEMES,
    FOF_THEMES,
    INDEX_BY_KEY,
    INDEX_FUND_TARGETS,
    MMF_THEMES,
    QDII_THEMES,
    SHORT_BOND_THEMES,
    STABLE_THEMES,
    START,
    TRUSTEES,
)
from finsql.data.fund.model import Fund, ShareClass


class Lineup:
    """Management companies, trustees, funds and share classes, with each fund's parameters. One part of World
    (world.py)."""

    # -- management companies and custodians -----------------------------------------------------
    def make_companies(self) -> None:
        rng = self.rng
        codes = sorted(rng.sample(range(1000, 80000), len(COMPANIES) + len(TRUSTEES)))
        rng.shuffle(codes)
        people = unique_names(rng, 2 * len(COMPANIES) + len(TRUSTEES), 0.8)
        rows = []
        self.companies = []
        for i, c in enumerate(COMPANIES):
            (abbr, full, en, en_abbr, brand, brand_en, brand_ini, city, est, bg, prefix, holder, foreign,
             fratio) = c
            code = codes[i]
            streets, zipc, area = CITY_INFO[city]
            street = rng.choice(streets)
            addr = f"{city}市{street}{rng.randint(1, 399)}号{rng.choice(['国际金融中心', '大厦', '金融大厦', '中心'])}" \
                   f"{rng.randint(5, 45)}层"
            reg_addr = addr if rng.random() < 0.7 else f"{city}市{rng.choice(streets)}{rng.randint(1, 200)}号"
            domain = en_abbr.lower().replace(" ", "")
            aum = round(math.exp(rng.gauss(math.log(5500), 0.7)), 2)
            if abbr in ("易方达基金", "华夏基金", "广发基金", "天弘基金", "南方基金", "招商基金"):
                aum = round(aum * 2.2 + 8000, 2)
            rows.append((code, full, abbr, en, en_abbr, brand, brand_en, est, float(rng.choice(
                [10000, 12000, 13000, 15000, 20000, 24000, 30000, 50000, 51400])), people[2 * i][0],
                people[2 * i + 1][0], bg, holder, foreign, fratio, reg_addr, addr, city, zipc,
                f"{area}-{rng.randint(5000, 8999)}{rng.randint(1000, 9999)}",
                f"{area}-{rng.randint(5000, 8999)}{rng.randint(1000, 9999)}", f"service@{domain}.com.cn",
                f"www.{domain}.com.cn", f"400-{rng.randint(600, 899)}-{rng.randint(1000, 9999)}",
                f"91{rng.choice(['11', '31', '44', '12'])}0000{rng.randint(10**9, 10**10 - 1)}"
                f"{rng.choice('ABCDEFGHJKLMNPQRTUWXY')}{rng.randint(0, 9)}",
                rng.randint(280, 1300), aum))
            self.companies.append(dict(code=code, abbr=abbr, full=full, brand=brand, brand_en=brand_en,
                                       ini=brand_ini, est=date.fromisoformat(est), prefix=prefix, city=city,
                                       weight=1.0 + (aum / 6000)))
        self.tables["mf_investadvisoroutline"] = rows
        trows = []
        self.trustee_codes = []
        for j, t in enumerate(TRUSTEES):
            full, abbr, en, en_abbr, ttype, est, qual, cap, city, web, line = t
            code = codes[len(COMPANIES) + j]
            self.trustee_codes.append(code)
            streets = CITY_INFO[city][0]
            trows.append((code, full, abbr, en, en_abbr, ttype, est,
                          ds(rand_date(rng, date(qual, 1, 1), date(qual, 12, 28))), cap,
                          people[2 * len(COMPANIES) + j][0], city,
                          f"{city}市{rng.choice(streets)}{rng.randint(1, 300)}号", web, line))
        self.tables["mf_trusteeoutline"] = trows

    # -- funds -----------------------------------------------------------------------------------
    def make_funds(self) -> None:
        rng = self.rng
        plan = ([110101] * 24 + [110102] * 16 + [110103] * 8 + [110301] * 28 + [110302] * 14 + [110303] * 8
                + [110501] * 20 + [110502] * 8 + [110504] * 10 + [110701] * 14 + [110901] * 10 + [111101] * 6)
        rng.shuffle(plan)
        comp_w = [c["weight"] for c in self.companies]
        used: set[tuple[str, str]] = set()
        self.funds: list[Fund] = []
        n_issuing = 3
        for n, sub in enumerate(plan):
            f = Fund()
            f.sub = sub
            f.type = {1101: 1101, 1103: 1103, 1105: 1105, 1107: 1107, 1109: 1109, 1111: 1111}[sub // 100]
            for _ in range(200):
                comp = rng.choices(self.companies, weights=comp_w)[0]
                theme = self._pick_theme(f, sub)
                if (comp["brand"], theme[0]) not in used:
                    break
            used.add((comp["brand"], theme[0]))
            f.company = comp
            f.theme_zh, f.theme_en, f.theme_ini = theme[0], theme[1], theme[2]
            f.theme_key = theme[3] if len(theme) > 3 else "all"
            f.track = theme[4] if len(theme) > 4 else None
            f.bench_key = theme[5] if len(theme) > 5 else None
            f.lockup = theme[6] if len(theme) > 6 else None
            f.eq_w = theme[7] if len(theme) > 7 else None
            # life cycle
            issuing = n >= len(plan) - n_issuing
            earliest = max(comp["est"] + timedelta(days=200), date(2004, 1, 1))
            if sub == 110901:
                earliest = max(earliest, date(2008, 1, 1))
            if sub == 111101:
                earliest = max(earliest, date(2018, 6, 1))
            if sub == 110502:
                earliest = max(earliest, date(2016, 1, 1))
            if issuing:
                f.issue_start = rand_date(rng, date(2024, 6, 11), date(2024, 6, 24))
                f.est = None
            else:
                if rng.random() < 0.27:
                    est = rand_date(rng, max(earliest, date(2021, 7, 5)), date(2024, 4, 30))
                else:
                    est = rand_date(rng, earliest, date(2021, 5, 31))
                    if rng.random() < 0.5:  # more funds from the 2015-2021 boom
                        est = rand_date(rng, max(earliest, date(2015, 1, 1)), date(2021, 5, 31))
                est = self.td_all[self.k_on_or_after(est)] if est >= START else est
                while est.weekday() >= 5:
                    est += timedelta(days=1)
                f.est = est
                f.issue_start = est - timedelta(days=rng.randint(20, 60))
            f.issue_end = f.issue_start + timedelta(days=rng.randint(5, 28))
            if f.est:
                f.issue_end = min(f.issue_end, f.est - timedelta(days=3))
            self._fund_params(f)
            self.funds.append(f)
        # a few small old funds were liquidated inside the window
        old = [f for f in self.funds if f.est and f.est < date(2019, 1, 1) and f.sub not in (110102, 110701)]
        for f in rng.sample(old, 5):
            f.term = self.td_all[self.k_on_or_after(rand_date(rng, date(2022, 3, 1), date(2024, 3, 15)))]
            f.size *= 0.08
        self._make_classes()

    def _pick_theme(self, f: Fund, sub: int) -> tuple:
        rng = self.rng
        if sub in (110101, 110301):
            return rng.choice(EQUITY_THEMES)
        if sub == 110302:
            return rng.choice(FLEX_THEMES + EQUITY_THEMES[:12])
        if sub == 110303:
            return rng.choice(STABLE_THEMES)
        if sub in (110102, 110103):
            key = rng.choice(INDEX_FUND_TARGETS)
            ix = INDEX_BY_KEY[key]
            return (ix[2], ix[4].replace(" Index", ""), ix[5], "index", key, key)
        if sub == 110501:
            return (*rng.choice(BOND_THEMES), "bond")
        if sub == 110502:
            return (*rng.choice(SHORT_BOND_THEMES), "bond")
        if sub == 110504:
            return (*rng.choice(ENHANCED_BOND_THEMES), "bond")
        if sub == 110701:
            return (*rng.choice(MMF_THEMES), "cash")
        if sub == 110901:
            zh, en, ini, track, bench = rng.choice(QDII_THEMES)
            key = {"ndx": "tech", "spx": "all", "hsi": "all"}[bench]
            if "医疗" in zh:
                key = "health"
            return (zh, en, ini, key, track, bench)
        zh, en, ini, lock, eqw = rng.choice(FOF_THEMES)
        return (zh, en, ini, "all", None, "csi300", lock, eqw)

    def _fund_params(self, f: Fund) -> None:
        """Set a fund's model, benchmark, fees, size and portfolio style."""
        rng = self.rng
        sub = f.sub
        f.op_mode = 1
        f.if_initiative = 0
        f.alpha = rng.gauss(0, 0.05)
        f.idio = 0.007
        f.beta = 1.0
        f.mmf = sub == 110701
        f.reform = None
        eq_key = {"growth": "chinext", "tech": "chinext", "semi": "chinext", "energy": "csi500",
                  "digital": "csi1000", "mfg": "csi500", "carbon": "csi500", "defense": "csi1000",
                  "dividend": "csidiv", "value": "csi300", "bluechip": "csi300", "fin": "sse50",
                  "cycle": "csi500", "soe": "csi300"}.get(f.theme_key, "csi300")
        if f.theme_key == "all" and rng.random() < 0.3:
            eq_key = "csi500"
        f.bench_eq = eq_key
        f.eq_w, f.bond_w = (f.eq_w or 0.0), 0.0
        size_mu, size_sd = self._style_of_subtype(f, math.log(8e8), 1.2)
        if f.mgmt == 1.5 and f.type in (1101, 1103) and f.sub not in (110102, 110103):
            f.reform = rand_date(rng, FEE_REFORM, date(2023, 12, 29))
        when = f.est or date(2024, 6, 30)
        if (f.op_mode == 6 and sub != 111101 and when < date(2019, 1, 1)) or (f.op_mode == 5 and when < date(2013, 1, 1)):
            f.op_mode, f.lockup = 1, None  # holding-period and regular-open products are recent inventions
        if f.if_initiative and when < date(2013, 1, 1):
            f.if_initiative = 0
        if f.op_mode in (3, 4) and sub != 110901:
            f.lockup = None
        f.size = math.exp(rng.gauss(size_mu, size_sd))
        if not hasattr(f, "stock_rng"):
            f.stock_rng = (0, 0)

    def _style_of_subtype(self, f: Fund, size_mu: float, size_sd: float) -> tuple[float, float]:
        """Asset weights, beta, fees and stock range by fund subtype; the log-normal size's (mu, sd)."""
        if f.sub in (110101, 110102, 110103, 110301, 110302, 110303):
            return self._equity_style(f, size_mu, size_sd)
        return self._other_style(f, size_mu, size_sd)

    def _equity_style(self, f: Fund, size_mu: float, size_sd: float) -> tuple[float, float]:
        """Stock, index, mixed and flexible funds."""
        rng, sub, u = self.rng, f.sub, self.rng.uniform
        if sub == 110101:
            f.eq_w, f.bond_w = rng.choice([(0.8, 0.2), (0.85, 0.15), (0.9, 0.1), (0.95, 0.05)])
            f.beta, f.idio = u(0.9, 1.15), u(0.006, 0.011)
            f.mgmt, f.cust = rng.choice([1.5, 1.5, 1.5, 1.2]), 0.25
            f.stock_rng = (85, 94)
        elif sub in (110102, 110103):
            f.bench_eq = f.track
            f.eq_w, f.bond_w = 0.95, 0.0
            if sub == 110102:
                f.beta, f.idio, f.alpha = u(0.97, 1.0), u(0.0004, 0.0009), u(-0.006, 0.0)
                f.op_mode = 4 if rng.random() < 0.55 else (3 if rng.random() < 0.3 else 1)
                f.mgmt = 0.15 if f.op_mode == 4 and rng.random() < 0.4 else 0.5
                f.cust = 0.05 if f.mgmt == 0.15 else 0.1
                f.stock_rng = (96, 99.5) if f.op_mode == 4 else (92, 96)
                size_mu = math.log(40e8) if f.op_mode == 4 else math.log(12e8)
            else:
                f.beta, f.idio, f.alpha = u(0.96, 1.02), u(0.0018, 0.003), u(-0.01, 0.06)
                f.mgmt, f.cust = rng.choice([1.0, 1.0, 1.2, 0.8]), rng.choice([0.15, 0.2])
                f.stock_rng = (90, 95)
        elif sub == 110301:
            f.eq_w, f.bond_w = rng.choice([(0.6, 0.4), (0.7, 0.3), (0.8, 0.2), (0.65, 0.35)])
            f.beta, f.idio = u(1.05, 1.3), u(0.005, 0.010)
            f.mgmt, f.cust = rng.choice([1.5, 1.5, 1.5, 1.2]), 0.25
            f.stock_rng = (70, 92)
        elif sub == 110302:
            f.eq_w, f.bond_w = rng.choice([(0.5, 0.5), (0.6, 0.4), (0.4, 0.6)])
            f.beta, f.idio = u(0.7, 1.3), u(0.004, 0.008)
            f.mgmt, f.cust = rng.choice([1.5, 1.5, 1.2, 1.0]), 0.25
            f.stock_rng = (35, 90)
            if rng.random() < 0.25:
                f.op_mode, f.lockup = 6, 365
        elif sub == 110303:
            f.eq_w, f.bond_w = rng.choice([(0.2, 0.8), (0.15, 0.85), (0.1, 0.9), (0.3, 0.7)])
            f.beta, f.idio, f.alpha = u(0.9, 1.2), u(0.0008, 0.0018), rng.gauss(0.005, 0.01)
            f.mgmt, f.cust = rng.choice([0.8, 0.8, 1.0, 0.6]), rng.choice([0.15, 0.2])
            f.stock_rng = (10, 28)
            size_mu = math.log(15e8)
            if rng.random() < 0.4:
                f.op_mode, f.lockup = 6, rng.choice([180, 365])
        return size_mu, size_sd

    def _other_style(self, f: Fund, size_mu: float, size_sd: float) -> tuple[float, float]:
        """Bond, money-market, QDII and fund-of-funds."""
        rng, sub, u = self.rng, f.sub, self.rng.uniform
        if sub == 110501:
            f.eq_w, f.bond_w = 0.0, 1.0
            f.beta, f.idio, f.alpha = u(0.8, 1.25), u(0.00015, 0.0004), rng.gauss(0.0, 0.006)
            f.mgmt = rng.choice([0.3, 0.3, 0.5, 0.5, 0.7])
            f.cust = {0.3: 0.1, 0.5: 0.15, 0.7: 0.2}[f.mgmt]
            size_mu, size_sd = math.log(25e8), 1.0
            if rng.random() < 0.25:
                f.op_mode, f.lockup = 5, rng.choice([90, 180, 365])
            if rng.random() < 0.15:
                f.if_initiative = 1
        elif sub == 110502:
            f.eq_w, f.bond_w = 0.0, 1.0
            f.beta, f.idio, f.alpha = u(0.35, 0.55), u(0.0001, 0.0002), u(0.008, 0.014)
            f.mgmt, f.cust = rng.choice([0.2, 0.3, 0.3]), rng.choice([0.05, 0.1])
            size_mu, size_sd = math.log(30e8), 1.0
        elif sub == 110504:
            f.eq_w, f.bond_w = rng.choice([(0.1, 0.9), (0.15, 0.85), (0.2, 0.8)])
            f.beta, f.idio, f.alpha = u(0.9, 1.3), u(0.0006, 0.0015), rng.gauss(0.0, 0.01)
            f.mgmt, f.cust = rng.choice([0.6, 0.7, 0.8]), rng.choice([0.15, 0.2])
            f.stock_rng = (5, 18)
            size_mu, size_sd = math.log(15e8), 1.0
        elif sub == 110701:
            f.mgmt, f.cust = rng.choice([0.15, 0.2, 0.27, 0.33]), rng.choice([0.05, 0.08])
            f.spread = rng.gauss(0.0, 0.18)
            size_mu, size_sd = math.log(180e8), 1.1
        elif sub == 110901:
            f.bench_eq = f.bench_key
            f.eq_w, f.bond_w = (0.95, 0.0) if f.track else (0.8, 0.0)
            if f.track:
                f.beta, f.idio, f.alpha = u(0.96, 1.0), u(0.0006, 0.0012), u(-0.012, 0.0)
                f.mgmt, f.cust = rng.choice([0.8, 0.6]), 0.2
                f.op_mode = 4 if rng.random() < 0.4 else 1
            else:
                f.beta, f.idio = u(0.95, 1.3), u(0.005, 0.009)
                f.mgmt, f.cust = rng.choice([1.5, 1.8, 1.5]), rng.choice([0.25, 0.3, 0.35])
            f.stock_rng = (82, 95)
            size_mu = math.log(10e8)
        else:  # FOF
            f.bond_w = 1 - f.eq_w
            f.beta, f.idio, f.alpha = 1.0, u(0.0015, 0.003), rng.gauss(0.0, 0.015)
            f.mgmt, f.cust = rng.choice([0.6, 0.8, 1.0]), rng.choice([0.15, 0.2])
            f.op_mode = 6
            size_mu = math.log(6e8)
        return size_mu, size_sd

    def _make_classes(self) -> None:
        rng = self.rng
        for f in self.funds:
            sub = f.sub
            letters = [""]
            if f.op_mode not in (4,):
                p_c = {110501: 0.55, 110502: 0.8, 110504: 0.6, 110301: 0.3, 110302: 0.3, 110303: 0.5,
                       110101: 0.25, 110102: 0.6, 110103: 0.5, 110901: 0.4, 110701: 0.45, 111101: 0.2}[sub]
                if rng.random() < p_c:
                    letters = ["A", "B"] if f.mmf else ["A", "C"]
            if sub == 110901 and letters == ["A", "C"] and rng.random() < 0.45:
                letters.append("USD")
            for letter in letters:
                c = ShareClass(f, letter)
                if f.mmf:
                    c.sales_fee = 0.25 if letter in ("", "A") else 0.01
                elif letter == "C":
                    c.sales_fee = {1101: rng.choice([0.4, 0.5, 0.6, 0.8]), 1103: rng.choice([0.4, 0.5, 0.6]),
                                   1105: rng.choice([0.1, 0.2, 0.3, 0.4]), 1109: rng.choice([0.35, 0.4, 0.5]),
                                   1111: 0.4}[f.type]
                    if sub in (110102, 110103):
                        c.sales_fee = rng.choice([0.2, 0.25, 0.3, 0.4])
                if letter == "USD":
                    c.currency = "USD"
                c.start = f.est
                if f.est and letter in ("C", "USD") and f.est < date(2018, 1, 1):
                    last = f.term - timedelta(days=180) if f.term else date(2023, 6, 30)
                    c.start = max(f.est, rand_date(rng, date(2018, 1, 1), last))
                    while c.start.weekday() >= 5 or c.start.isoformat() in ("2022-10-03",):
                        c.start += timedelta(days=1)
                    if c.start >= START:
                        c.start = self.td_all[self.k_on_or_after(c.start)]
                f.classes.append(c)
            weights = [1.0] + [rng.uniform(0.15, 0.6) for _ in f.classes[1:]]
            if f.mmf and len(f.classes) > 1:
                weights = [1.0, rng.uniform(0.8, 2.5)]
            tot = sum(weights)
            for c, wt in zip(f.classes, weights, strict=True):
                c.size0 = f.size * wt / tot
        # InnerCodes (older classes get smaller codes) and exchange / OTC fund codes
        classes = [c for f in self.funds for c in f.classes]
        order = sorted(range(len(classes)), key=lambda i: (classes[i].start or date(2099, 1, 1), i))
        inners = sorted(self.rng.sample(range(30000, 400000), len(classes)))
        for rank, i in enumerate(order):
            classes[i].inner = inners[rank]
        self.classes = [classes[i] for i in order]
        used: set[str] = set()

        def fresh(make) -> str:
            for _ in range(1000):
                code = make()
                if code not in used:
                    used.add(code)
                    return code
            raise RuntimeError("no free fund code")

        def seq_code(d: date) -> str:
            frac = (d - date(2013, 1, 1)).days / (date(2024, 7, 1) - date(2013, 1, 1)).days
            return fresh(lambda: f"{max(1, int(frac * 21500) + rng.randint(-150, 150)):06d}")

        for f in self.funds:
            when = f.est or f.issue_start
            main = f.classes[0]
            if f.op_mode == 4:
                if rng.random() < 0.6:
                    main.code = fresh(lambda: rng.choice(["51", "56", "58"]) + f"{rng.randint(0, 9999):04d}")
                    f.market = 83
                else:
                    main.code = fresh(lambda: f"159{rng.randint(0, 999):03d}")
                    f.market = 90
            elif f.op_mode == 3:
                main.code = fresh(lambda: f"16{rng.randint(0, 9999):04d}")
                f.market = 90
            elif when < date(2013, 1, 1):
                prefix = f.company["prefix"]
                main.code = fresh(lambda prefix=prefix: prefix + f"{rng.randint(1, 999):03d}")
                f.market = 89
            else:
                main.code = seq_code(when)
                f.market = 89
            for c in f.classes[1:]:
                nxt = f"{int(main.code) + f.classes.index(c):06d}"
                if c.start == f.est and nxt not in used and main.code[:2] not in ("16", "15", "51", "56", "58"):
                    used.add(nxt)
                    c.code = nxt
                else:
                    c.code = seq_code(c.start or when)
            f.main_code = main.code
            if f.est:
                f.listed = f.est + timedelta(days=rng.randint(20, 45)) if f.market != 89 else None
                if f.listed:
                    while f.listed.weekday() >= 5:
                        f.listed += timedelta(days=1)
            else:
                f.listed = None
