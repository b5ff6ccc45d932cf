"""Fund managers: their profiles and tenures."""

from __future__ import annotations

from datetime import date, timedelta

from finsql.data.fake import (
    ds,
    rand_date,
    rounded,
    unique_names,
)
from finsql.data.fund.catalog import (
    END,
    MAJORS,
    SCHOOLS,
)
from finsql.data.fund.model import Fund


class People:
    """Fund managers: their profiles and tenures. One part of World (world.py)."""

    # -- managers --------------------------------------------------------------------------------
    def make_managers(self) -> None:
        rng = self.rng
        by_comp: dict[int, list[Fund]] = {}
        for f in self.funds:
            by_comp.setdefault(f.company["code"], []).append(f)
        n_total = sum(max(2, round(len(v) * 0.75) + 1) for v in by_comp.values())
        names = unique_names(rng, n_total, 0.72)
        pcodes = sorted(rng.sample(range(10000, 99999), n_total))
        rng.shuffle(pcodes)
        people = []
        tenure_rows = []
        ni = 0
        self.mgr_people = []
        for comp in self.companies:
            funds = by_comp.get(comp["code"], [])
            if not funds:
                continue
            pool = []
            for _ in range(max(2, round(len(funds) * 0.75) + 1)):
                zh, en, g = names[ni]
                pool.append(dict(code=pcodes[ni], zh=zh, en=en, g=g, star=min(4.0, rng.paretovariate(2.5)),
                                 tenures=[], comp=comp))
                ni += 1
            for f in sorted(funds, key=lambda x: x.est or date(2099, 1, 1)):
                if f.est is None:
                    continue
                end = f.term or END
                span = (end - f.est).days
                n_seg = 1 + min(4, sum(1 for _ in range(int(span / 365)) if rng.random() < 0.22))
                cuts = sorted(rand_date(rng, f.est + timedelta(days=60), end - timedelta(days=30))
                              for _ in range(n_seg - 1)) if span > 120 else []
                bounds = [f.est] + cuts + [None]
                team: list[dict] = []
                spans: dict[int, list] = {}
                for si in range(len(bounds) - 1):
                    s0, s1 = bounds[si], bounds[si + 1]
                    keep = [m for m in team if rng.random() < 0.4][:1]
                    size = 2 if rng.random() < 0.3 else 1
                    cand = [m for m in pool if m not in keep]
                    new = []
                    while len(keep) + len(new) < size and cand:
                        m = rng.choices(cand, weights=[m["star"] for m in cand])[0]
                        cand.remove(m)
                        new.append(m)
                    team = keep + new
                    for m in team:
                        if m["code"] in spans and spans[m["code"]][2] == s0:
                            spans[m["code"]][2] = s1
                        else:
                            key = m["code"] if m["code"] not in spans else m["code"] + 10**6 * si
                            spans[key] = [m, s0, s1]
                for m, s0, s1 in spans.values():
                    post = 2 if rng.random() < 0.05 and len(spans) > 1 else 1
                    m["tenures"].append((f, s0, s1, post))
            people.extend(pool)
        edu_zh = {1: "学士", 2: "硕士", 3: "博士", 4: "MBA"}
        edu_en = {1: "Bachelor's degree", 2: "Master's degree", 3: "PhD", 4: "MBA"}
        for m in people:
            comp = m["comp"]
            first = min((t[1] for t in m["tenures"]), default=END - timedelta(days=rng.randint(30, 700)))
            join = max(comp["est"], first - timedelta(days=rng.randint(200, 3000)))
            practice = join - timedelta(days=rng.randint(0, 2500))
            birth = practice.year - rng.randint(23, 28)
            edu = rng.choices([1, 2, 3, 4], weights=[8, 70, 15, 7])[0]
            school, school_en = rng.choice(SCHOOLS)
            major, major_en = rng.choice(MAJORS)
            bg = (f"{school}{major}专业{edu_zh[edu]}，{practice.year}年开始从事证券投资研究工作，"
                  f"{join.year}年加入{comp['abbr']}，历任研究员、基金经理助理、投资经理，现任基金经理。")
            bg_en = (f"{edu_en[edu]} in {major_en}, {school_en}. Began securities research in {practice.year}, "
                     f"joined {comp['brand_en']} in {join.year}; formerly research analyst, assistant fund "
                     "manager and investment manager; now a fund manager.")
            cert = f"F{rng.randint(1000, 9999)}{practice.year % 100:02d}{rng.randint(100000, 999999)}"
            m["row"] = (m["code"], m["zh"], m["en"], 1 if m["g"] == "M" else 2, birth, edu, school, major,
                        "中国" if rng.random() < 0.97 else rng.choice(["中国香港", "美国", "新加坡"]), cert,
                        ds(practice), comp["code"], ds(join), bg, bg_en, ds(first))
            for f, s0, s1, post in m["tenures"]:
                for c in f.classes:
                    a0 = max(s0, c.start)
                    if s1 is not None and s1 <= a0:
                        continue
                    stop = s1 or (f.term if f.term else END)
                    adj_a, adj_b = self.adj_at(c, a0), self.adj_at(c, stop)
                    perf = (adj_b / adj_a - 1) * 100
                    days = (stop - a0).days
                    ann = ((adj_b / adj_a) ** (365 / days) - 1) * 100 if days >= 365 else None
                    dim = s1 if s1 is not None else f.term
                    tenure_rows.append([c.inner, m["code"], m["zh"], post, ds(a0), ds(dim),
                                        1 if dim is None else 0, days, round(perf, 4), rounded(ann, 4),
                                        ds(a0 - timedelta(days=rng.randint(0, 2)) if a0 > f.est else f.est - timedelta(
                                            days=rng.randint(2, 5)))])
        tenure_rows.sort(key=lambda r: (r[4], r[0], r[1]))
        self.tables["mf_personalinfo"] = sorted(m["row"] for m in people)
        self.tables["mf_fundmanagernew"] = [(i + 1, *r) for i, r in enumerate(tenure_rows)]
