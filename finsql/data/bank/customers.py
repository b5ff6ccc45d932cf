"""Districts, branches and the customers who bank there."""

from __future__ import annotations

import math
from datetime import date

from finsql.data.bank.catalog import (
    AREA_CODES,
    BANK_EN,
    BANK_ZH,
    CITIES,
    EMPLOYER_A,
    EMPLOYER_B,
    FOREIGN_NAMES,
    INCOME,
    OCCUPATIONS,
)
from finsql.data.fake import ds, rand_date, unique_names


class Customers:
    """Districts, branches and the customers who bank there. One part of Bank (world.py)."""

    # -- districts and branches ------------------------------------------------------------------
    def make_geo(self) -> None:
        rng = self.rng
        rows, self.districts = [], []
        for prov, prov_en, city, city_en, region, tier, dists, pop, gdp, sal, house in CITIES:
            for name, name_en in dists:
                did = len(rows) + 1
                f = rng.uniform(0.8, 1.25)
                rows.append((did, prov, prov_en, city, city_en, name, name_en, region, tier,
                             round(pop * rng.uniform(0.4, 1.1), 1), round(gdp * f, -2), round(sal * f, -1),
                             round(rng.uniform(3.8, 5.9), 1), round(house * rng.uniform(0.7, 1.5), -2)))
                self.districts.append(dict(id=did, city=city, city_en=city_en, name=name, name_en=name_en,
                                           tier=tier, salary=sal * f))
        self.tables["district"] = rows
        managers = unique_names(rng, 60, 0.6)
        brows, self.branches = [], []
        head = next(d for d in self.districts if d["name"] == "黄浦区")
        plan = [(head, "head_office")]
        for d in self.districts:
            if d is head:
                continue
            plan.append((d, "branch" if d["name"] in ("朝阳区", "福田区", "天河区", "西湖区", "鼓楼区", "武侯区",
                                                      "江汉区", "雁塔区", "渝中区") else "sub_branch"))
        for d in rng.sample(self.districts, 6):
            plan.append((d, "community"))
        roads = ["人民路", "中山路", "解放路", "建设路", "长江路", "和平路", "新华路", "东风路", "金融街", "世纪大道"]
        for i, (d, btype) in enumerate(plan):
            bid = i + 1
            if btype == "head_office":
                zh, en = f"{BANK_ZH}总行营业部", f"{BANK_EN} Head Office Business Department"
            elif btype == "branch":
                zh, en = f"{BANK_ZH}{d['city']}分行", f"{BANK_EN} {d['city_en']} Branch"
            elif btype == "sub_branch":
                zh = f"{BANK_ZH}{d['city']}{d['name'].rstrip('区')}支行"
                en = f"{BANK_EN} {d['city_en']} {d['name_en']} Sub-branch"
            else:
                road = rng.choice(roads)
                zh = f"{BANK_ZH}{d['city']}{road.rstrip('路街道')}社区支行"
                en = f"{BANK_EN} {d['city_en']} {d['name_en']} Community Sub-branch {i}"
            opened = {"head_office": lambda: date(2003, 5, 18),
                      "branch": lambda: rand_date(rng, date(2003, 6, 1), date(2012, 12, 31)),
                      "sub_branch": lambda: rand_date(rng, date(2005, 1, 1), date(2019, 12, 31)),
                      "community": lambda: rand_date(rng, date(2015, 1, 1), date(2021, 12, 31))}[btype]()
            staff = {"head_office": 180, "branch": 60, "sub_branch": 22, "community": 8}[btype]
            brows.append((bid, f"HX{bid:04d}", zh, en, d["id"], btype,
                          f"{d['city']}市{d['name']}{rng.choice(roads)}{rng.randint(1, 888)}号",
                          f"{AREA_CODES[d['city']]}-{rng.randint(5000, 8999)}{rng.randint(1000, 9999)}",
                          ds(opened), managers[i][0], max(4, round(staff * rng.uniform(0.7, 1.3))),
                          0 if btype == "community" else int(rng.random() < 0.8), int(rng.random() < 0.6)))
            self.branches.append(dict(id=bid, district=d["id"], type=btype, opened=opened))
        self.tables["branch"] = brows

    # -- customers -------------------------------------------------------------------------------
    def make_customers(self) -> None:
        rng = self.rng
        n = 1800
        names = unique_names(rng, n, 0.52)
        rows, self.customers = [], []
        dist_w = [5 if d["tier"] == 1 else 2 for d in self.districts]
        for i in range(n):
            cid = i + 1
            zh, en, g = names[i]
            nationality = "CN"
            id_type = "resident_id"
            if rng.random() < 0.02:
                zh, en, g, nationality = rng.choice(FOREIGN_NAMES)
                id_type = "hk_macau_permit" if nationality == "HK" else "passport"
            age = min(85, max(18, round(rng.gauss(41, 13))))
            birth = date(2024 - age, rng.randint(1, 12), rng.randint(1, 28))
            occ = "student" if age < 23 and rng.random() < 0.7 else "retired" if age >= 60 and rng.random() < 0.8 \
                else rng.choice([o for o in OCCUPATIONS if o not in ("student", "retired")])
            d = rng.choices(self.districts, weights=dist_w)[0]
            income = INCOME[occ] * math.exp(rng.gauss(0, 0.45)) * (1.2 if d["tier"] == 1 else 0.85)
            if rng.random() < 0.03:
                income *= rng.uniform(4, 15)  # business owners / high earners
            income = round(income, -2)
            edu = rng.choices(["high_school", "associate", "bachelor", "master", "doctorate"],
                              weights=[18, 20, 40, 17, 5])[0]
            marital = "single" if age < 24 or (age < 30 and rng.random() < 0.6) else rng.choices(
                ["single", "married", "divorced", "widowed"], weights=[15, 72, 9, 4 if age > 55 else 0.3])[0]
            branches = [b for b in self.branches if b["district"] == d["id"]] or self.branches[:1]
            branch = rng.choice(branches)
            join = rand_date(rng, max(branch["opened"], date(birth.year + 18, 1, 1), date(2006, 1, 1)),
                             date(2024, 5, 31))
            if join < branch["opened"]:
                join = branch["opened"]
            employer = None
            if occ not in ("student", "retired", "freelancer", "self_employed"):
                employer = f"{d['city']}{rng.choice(EMPLOYER_A)}{rng.choice(EMPLOYER_A)}{rng.choice(EMPLOYER_B)}有限公司"
                if occ == "civil_servant":
                    employer = f"{d['city']}市{d['name']}人民政府"
                elif occ == "teacher":
                    employer = f"{d['city']}市第{rng.randint(1, 40)}中学"
                elif occ == "doctor":
                    employer = f"{d['city']}市第{rng.randint(1, 9)}人民医院"
            risk_level = rng.choices(["C1", "C2", "C3", "C4", "C5"], weights=[10, 25, 35, 20, 10])[0]
            if age >= 65:
                risk_level = rng.choice(["C1", "C2", "C2", "C3"])
            idp = {"resident_id": f"{rng.randint(110, 650)}***********{rng.randint(0, 9999):04d}",
                   "passport": f"{rng.choice('EGKP')}*****{rng.randint(100, 999)}",
                   "hk_macau_permit": f"H*****{rng.randint(100, 999)}"}[id_type]
            phone = f"1{rng.choice(['38', '39', '58', '86', '88', '35', '37', '50', '77', '99'])}****" \
                    f"{rng.randint(0, 9999):04d}"
            mail_user = en.lower().replace(" ", ".").replace("'", "")
            email = f"{mail_user}{rng.randint(1, 999)}@{rng.choice(['qq.com', '163.com', '126.com', 'gmail.com'])}" \
                if rng.random() < 0.8 else None
            c = dict(id=cid, zh=zh, en=en, age=age, birth=birth, occ=occ, income=income, district=d, branch=branch,
                     join=join, risk=risk_level, employer=employer, accounts=[], loans=[], cards=[], wealth=0.0,
                     nationality=nationality)
            self.customers.append(c)
            rows.append([cid, f"C{20000000 + cid * 7:08d}", zh, en, g, ds(birth), id_type, idp, nationality, phone,
                         email, edu, occ, employer, income, marital, d["id"], branch["id"], ds(join), None, risk_level,
                         None, None])
        self.customer_rows = rows
