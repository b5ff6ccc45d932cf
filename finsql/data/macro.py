"""Macro database: China macro series plus real US data.

Two tables hold real public-domain data read from ``data/sources`` (see data/sources/README.md):
``ed_usmacroquarterly`` (US quarterly macro 1959Q1-2009Q3, FRED/BLS via statsmodels' ``macrodata``) and
``ed_uslongley`` (Longley's US annual data 1947-1962). Everything about China is synthetic: series are
generated around hand-set anchor paths that follow the published level and trend (GDP growth, CPI, PPI,
money, trade, rates, FX, PMI) with added noise, so values are plausible but are not official statistics.
Policy-rate and LPR step changes are an approximate reconstruction of public announcements.
Monthly data run 2015-01 .. 2024-05, quarterly GDP 2010Q1 .. 2024Q1, daily markets 2019-01-02 .. 2024-06-28.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import random
import sqlite3

from finsql.data.fake import (
    clip,
    interpolate,
    month_ends,
    rounded,
    trading_days,
)
from finsql.data.tables import create_table, insert_dicts, insert_tuples
from finsql.paths import REPO_ROOT

SOURCES = REPO_ROOT / "data" / "sources"
MONTHS = month_ends((2015, 1), (2024, 5))
SEED_MONTHS = month_ends((2014, 1), (2014, 12))
DAY_START, DAY_END = dt.date(2019, 1, 2), dt.date(2024, 6, 28)
SYNTH_SRC = ("合成数据(参照国家统计局口径)", "Synthetic, shaped after NBS publications")


def _mi(label: str) -> float:
    """'YYYY-MM' -> month number, for interpolating anchor paths."""
    year, month = label.split("-")[:2]
    return int(year) * 12 + int(month) - 1


def _path(points: list[tuple[str, float]], months: list[dt.date]) -> list[float]:
    pts = [(_mi(label), value) for label, value in points]
    return [interpolate(pts, d.year * 12 + d.month - 1) for d in months]


def _ar(rng: random.Random, n: int, sd: float, rho: float = 0.6) -> list[float]:
    z, out = 0.0, []
    for _ in range(n):
        z = rho * z + rng.gauss(0.0, sd)
        out.append(z)
    return out


def _levels(seed: list[float], yoy: list[float]) -> list[float]:
    """Extend 12 seed months by year-on-year growth rates (percent); returns seed + new levels."""
    levels = list(seed)
    for i, growth in enumerate(yoy):
        levels.append(levels[i] * (1 + growth / 100))
    return levels


def _track(rng: random.Random, season: list[float], target: list[float], alpha: float = 0.5,
           sd: float = 0.05) -> tuple[list[float], list[float]]:
    """Price-index levels built from month-on-month changes that steer towards a target YoY path.

    Month-on-month change = seasonal norm + ``alpha`` x (target YoY - YoY the norm alone would give) + noise, so
    the published MoM stays sane while the YoY follows the target's shape. Returns (levels incl. 12 seed months,
    realised YoY)."""
    levels = [100.0]
    for m in range(1, 12):
        levels.append(levels[-1] * (1 + season[m] / 100))
    realised = []
    for i, goal in enumerate(target):
        j = i + 12
        month = (j % 12)
        base = levels[j - 1] * (1 + season[month] / 100) / levels[j - 12] * 100 - 100
        mom = season[month] + alpha * (goal - base) + rng.gauss(0, sd)
        levels.append(levels[j - 1] * (1 + mom / 100))
        realised.append((levels[j] / levels[j - 12] - 1) * 100)
    return levels, realised


def _seasonal_seed(annual_total: float, weights: list[float]) -> list[float]:
    total = sum(weights)
    return [annual_total * w / total for w in weights]


def _cum_yoy(levels: list[float], months: list[dt.date]) -> list[float]:
    """Year-to-date growth (%) for the months after the 12 seed months."""
    out = []
    for i, day in enumerate(months):
        j = i + 12
        ytd = sum(levels[j - day.month + 1: j + 1])
        ago = sum(levels[j - 12 - day.month + 1: j - 12 + 1])
        out.append((ytd / ago - 1) * 100)
    return out


# --- reference tables -----------------------------------------------------------------------------

# code, zh, en, type (1 economy, 2 aggregate), continent en, continent zh, currency, currency zh, currency en,
# G20 member, income group en, income group zh
REGIONS = (
    ("CHN", "中国", "China", 1, "Asia", "亚洲", "CNY", "人民币", "Chinese yuan", 1, "Upper middle income", "中高收入"),
    ("USA", "美国", "United States", 1, "North America", "北美洲", "USD", "美元", "US dollar", 1, "High income", "高收入"),
    ("JPN", "日本", "Japan", 1, "Asia", "亚洲", "JPY", "日元", "Japanese yen", 1, "High income", "高收入"),
    ("KOR", "韩国", "South Korea", 1, "Asia", "亚洲", "KRW", "韩元", "South Korean won", 1, "High income", "高收入"),
    ("HKG", "中国香港", "Hong Kong SAR, China", 1, "Asia", "亚洲", "HKD", "港元", "Hong Kong dollar", 0, "High income",
     "高收入"),
    ("SGP", "新加坡", "Singapore", 1, "Asia", "亚洲", "SGD", "新加坡元", "Singapore dollar", 0, "High income", "高收入"),
    ("VNM", "越南", "Vietnam", 1, "Asia", "亚洲", "VND", "越南盾", "Vietnamese dong", 0, "Lower middle income", "中低收入"),
    ("IND", "印度", "India", 1, "Asia", "亚洲", "INR", "印度卢比", "Indian rupee", 1, "Lower middle income", "中低收入"),
    ("IDN", "印度尼西亚", "Indonesia", 1, "Asia", "亚洲", "IDR", "印尼盾", "Indonesian rupiah", 1, "Upper middle income",
     "中高收入"),
    ("MYS", "马来西亚", "Malaysia", 1, "Asia", "亚洲", "MYR", "林吉特", "Malaysian ringgit", 0, "Upper middle income",
     "中高收入"),
    ("THA", "泰国", "Thailand", 1, "Asia", "亚洲", "THB", "泰铢", "Thai baht", 0, "Upper middle income", "中高收入"),
    ("SAU", "沙特阿拉伯", "Saudi Arabia", 1, "Asia", "亚洲", "SAR", "沙特里亚尔", "Saudi riyal", 1, "High income", "高收入"),
    ("DEU", "德国", "Germany", 1, "Europe", "欧洲", "EUR", "欧元", "Euro", 1, "High income", "高收入"),
    ("FRA", "法国", "France", 1, "Europe", "欧洲", "EUR", "欧元", "Euro", 1, "High income", "高收入"),
    ("ITA", "意大利", "Italy", 1, "Europe", "欧洲", "EUR", "欧元", "Euro", 1, "High income", "高收入"),
    ("NLD", "荷兰", "Netherlands", 1, "Europe", "欧洲", "EUR", "欧元", "Euro", 0, "High income", "高收入"),
    ("GBR", "英国", "United Kingdom", 1, "Europe", "欧洲", "GBP", "英镑", "Pound sterling", 1, "High income", "高收入"),
    ("CHE", "瑞士", "Switzerland", 1, "Europe", "欧洲", "CHF", "瑞士法郎", "Swiss franc", 0, "High income", "高收入"),
    ("RUS", "俄罗斯", "Russia", 1, "Europe", "欧洲", "RUB", "卢布", "Russian ruble", 1, "Upper middle income", "中高收入"),
    ("CAN", "加拿大", "Canada", 1, "North America", "北美洲", "CAD", "加元", "Canadian dollar", 1, "High income", "高收入"),
    ("MEX", "墨西哥", "Mexico", 1, "North America", "北美洲", "MXN", "墨西哥比索", "Mexican peso", 1, "Upper middle income",
     "中高收入"),
    ("BRA", "巴西", "Brazil", 1, "South America", "南美洲", "BRL", "雷亚尔", "Brazilian real", 1, "Upper middle income",
     "中高收入"),
    ("AUS", "澳大利亚", "Australia", 1, "Oceania", "大洋洲", "AUD", "澳元", "Australian dollar", 1, "High income",
     "高收入"),
    ("ZAF", "南非", "South Africa", 1, "Africa", "非洲", "ZAR", "兰特", "South African rand", 1, "Upper middle income",
     "中高收入"),
    ("EUU", "欧盟", "European Union", 2, "Europe", "欧洲", "EUR", "欧元", "Euro", 1, "High income", "高收入"),
    ("ASEAN", "东盟", "ASEAN", 2, "Asia", "亚洲", None, None, None, 0, None, None),
    ("WLD", "全球(合计)", "World (total)", 2, None, None, None, None, None, 0, None, None),
)


def _regions() -> list[dict]:
    keys = ("RegionCode", "ChiName", "EngName", "RegionType", "Continent", "ContinentZh", "CurrencyCode",
            "CurrencyName", "CurrencyNameEn", "IfG20", "IncomeGroup", "IncomeGroupZh")
    return [dict(zip(keys, row, strict=True)) for row in REGIONS]


# --- China GDP ------------------------------------------------------------------------------------

GDP_REAL_YOY = {  # quarter -> real YoY anchor (%)
    (2010, 1): 12.2, (2010, 2): 11.4, (2010, 3): 10.2, (2010, 4): 9.9, (2011, 1): 10.2, (2011, 2): 10.0,
    (2011, 3): 9.4, (2011, 4): 8.8, (2012, 1): 8.1, (2012, 2): 7.6, (2012, 3): 7.5, (2012, 4): 8.1,
    (2013, 1): 7.9, (2013, 2): 7.6, (2013, 3): 7.9, (2013, 4): 7.7, (2014, 1): 7.5, (2014, 2): 7.6,
    (2014, 3): 7.3, (2014, 4): 7.3, (2015, 1): 7.1, (2015, 2): 7.1, (2015, 3): 7.0, (2015, 4): 6.9,
    (2016, 1): 6.9, (2016, 2): 6.8, (2016, 3): 6.8, (2016, 4): 6.9, (2017, 1): 7.0, (2017, 2): 7.0,
    (2017, 3): 6.9, (2017, 4): 6.8, (2018, 1): 6.9, (2018, 2): 6.9, (2018, 3): 6.7, (2018, 4): 6.5,
    (2019, 1): 6.3, (2019, 2): 6.0, (2019, 3): 5.9, (2019, 4): 5.8, (2020, 1): -6.9, (2020, 2): 3.1,
    (2020, 3): 4.8, (2020, 4): 6.4, (2021, 1): 18.5, (2021, 2): 8.1, (2021, 3): 5.1, (2021, 4): 4.2,
    (2022, 1): 4.7, (2022, 2): 0.5, (2022, 3): 3.8, (2022, 4): 2.8, (2023, 1): 4.4, (2023, 2): 6.4,
    (2023, 3): 4.8, (2023, 4): 5.3, (2024, 1): 5.2,
}
GDP_NOMINAL_2010 = 412000.0  # CNY 100m, annual
DEFLATOR = [("2010-01", 6.8), ("2011-06", 8.2), ("2012-06", 2.8), ("2014-06", 1.3), ("2015-06", 0.3),
            ("2016-06", 1.2), ("2017-06", 4.3), ("2018-06", 3.5), ("2019-06", 1.8), ("2020-06", 0.8),
            ("2021-06", 4.7), ("2022-06", 2.3), ("2022-12", 0.8), ("2023-06", -0.8), ("2024-01", -1.2)]
SA_QOQ = {(2020, 1): -10.0, (2020, 2): 11.3, (2020, 3): 3.2, (2020, 4): 2.6, (2021, 1): 0.5, (2021, 2): 1.3,
          (2021, 3): 0.7, (2021, 4): 1.5, (2022, 1): 1.3, (2022, 2): -2.2, (2022, 3): 3.5, (2022, 4): 0.7,
          (2023, 1): 2.2, (2023, 2): 0.6, (2023, 3): 1.4, (2023, 4): 1.2, (2024, 1): 1.5}
QUARTER_SHARE = (0.215, 0.243, 0.252, 0.290)
# industry code, column stem, zh, en, sector (1/2/3), share of GDP in 2010 and 2023, growth gap vs GDP, covid hit
GDP_INDUSTRIES = (
    ("A", "Agriculture", "农林牧渔业", "Agriculture, forestry, animal husbandry and fishery", 1, 0.095, 0.072, -3.0, 0.05),
    ("B", "Industry", "工业", "Industry", 2, 0.400, 0.317, 0.3, -0.10),
    ("C", "Construction", "建筑业", "Construction", 2, 0.066, 0.068, 0.5, -0.18),
    ("D", "WholesaleRetail", "批发和零售业", "Wholesale and retail trade", 3, 0.089, 0.098, 1.0, -0.18),
    ("E", "Transport", "交通运输、仓储和邮政业", "Transport, storage and postal services", 3, 0.047, 0.044, -0.2, -0.14),
    ("F", "HotelCatering", "住宿和餐饮业", "Accommodation and catering", 3, 0.019, 0.017, -1.0, -0.35),
    ("G", "ITServices", "信息传输、软件和信息技术服务业", "Information transmission, software and IT services", 3,
     0.022, 0.045, 9.0, 0.13),
    ("H", "Finance", "金融业", "Financial intermediation", 3, 0.062, 0.080, 1.0, 0.06),
    ("I", "RealEstate", "房地产业", "Real estate", 3, 0.057, 0.058, -1.0, -0.06),
    ("J", "LeasingBusiness", "租赁和商务服务业", "Leasing and business services", 3, 0.022, 0.033, 3.0, -0.09),
    ("K", "OtherServices", "其他服务业", "Other services", 3, 0.121, 0.168, 1.5, -0.02),
)


def _gdp(rng: random.Random) -> list[dict]:
    quarters = sorted(GDP_REAL_YOY)
    noise = _ar(rng, len(quarters), 0.12, 0.3)
    real_yoy = {q: GDP_REAL_YOY[q] + (0 if q[0] < 2011 else noise[i]) for i, q in enumerate(quarters)}
    defl = _path(DEFLATOR, [dt.date(y, 3 * q, 1) for y, q in quarters])
    nominal: dict[tuple[int, int], float] = {}
    for i, (year, q) in enumerate(quarters):
        if year == 2010:
            nominal[(year, q)] = GDP_NOMINAL_2010 * QUARTER_SHARE[q - 1] * math.exp(rng.gauss(0, 0.005))
        else:
            growth = (1 + real_yoy[(year, q)] / 100) * (1 + defl[i] / 100)
            nominal[(year, q)] = nominal[(year - 1, q)] * growth
    real_level: dict[tuple[int, int], float] = {}
    for year, q in quarters:  # chained real index (2010 prices)
        if year == 2010:
            real_level[(year, q)] = nominal[(year, q)]
        else:
            real_level[(year, q)] = real_level[(year - 1, q)] * (1 + real_yoy[(year, q)] / 100)
    rows = []
    va_prev: dict[tuple, float] = {}
    for i, (year, q) in enumerate(quarters):
        t = min(1.0, (year - 2010 + (q - 1) / 4) / 13.0)
        gdp = nominal[(year, q)]
        row: dict = dict(EndDate=dt.date(year, 3 * q, 30 if q in (2, 3) else 31).isoformat(), Year=year,
                         Quarter=q, GDP=rounded(gdp, 1))
        row["GDPCum"] = rounded(sum(nominal[(year, j)] for j in range(1, q + 1)), 1)
        row["GDPYoY"] = rounded(real_yoy[(year, q)], 1)
        if year > 2010:
            cum_real = sum(real_level[(year, j)] for j in range(1, q + 1))
            cum_ago = sum(real_level[(year - 1, j)] for j in range(1, q + 1))
            row["GDPCumYoY"] = rounded((cum_real / cum_ago - 1) * 100, 1)
            row["NominalGDPYoY"] = rounded((gdp / nominal[(year - 1, q)] - 1) * 100, 1)
            row["GDPDeflatorYoY"] = rounded(defl[i], 1)
        qoq = SA_QOQ.get((year, q), ((1 + real_yoy[(year, q)] / 100) ** 0.25 - 1) * 100)
        row["GDPQoQ"] = rounded(qoq + rng.gauss(0, 0.1), 1) if i else None
        # value added by industry: shares drift from the 2010 mix to the 2023 mix, with seasonality for farming
        shares = {}
        for code, stem, _zh, _en, _sector, s0, s1, _gap, _hit in GDP_INDUSTRIES:
            share = s0 + (s1 - s0) * t
            if code == "A":
                share *= (0.62, 0.85, 1.12, 1.25)[q - 1]
            if (year, q) == (2020, 1):
                share *= 1 + _hit * 0.6
            shares[stem] = share * math.exp(rng.gauss(0, 0.01))
        total_share = sum(shares.values())
        sector_va = {1: 0.0, 2: 0.0, 3: 0.0}
        for _code, stem, _zh, _en, sector, _s0, _s1, gap, hit in GDP_INDUSTRIES:
            va = gdp * shares[stem] / total_share
            row[f"{stem}VA"] = rounded(va, 1)
            sector_va[sector] += va
            if year > 2010:
                shock = hit * 100 if (year, q) == (2020, 1) else (-hit * 60 if (year, q) == (2021, 1) else 0)
                row[f"{stem}YoY"] = rounded(real_yoy[(year, q)] + gap * 0.5 + shock + rng.gauss(0, 0.6), 1)
            va_prev[(stem, year, q)] = va
        for sector, stem in ((1, "Primary"), (2, "Secondary"), (3, "Tertiary")):
            row[f"{stem}IndustryVA"] = rounded(sector_va[sector], 1)
            row[f"{stem}Share"] = rounded(sector_va[sector] / gdp * 100, 1)
            if year > 2010:
                members = [s for c, s, _z, _e, sec, *_ in GDP_INDUSTRIES if sec == sector]
                weights = [row[f"{s}VA"] for s in members]
                row[f"{stem}YoY"] = rounded(sum(row[f"{s}YoY"] * w for s, w in zip(members, weights, strict=True))
                                       / sum(weights), 1)
        if year > 2010 and row.get("GDPCumYoY") is not None:
            g = row["GDPCumYoY"]
            cons = g * clip(0.55 + rng.gauss(0, 0.08), 0.2, 0.9) if g > 0 else g * 0.8
            inv = g * clip(0.35 + rng.gauss(0, 0.08), 0.0, 0.7) if g > 0 else -g * 0.2
            row["ConsumptionContribution"] = rounded(cons, 1)
            row["InvestmentContribution"] = rounded(inv, 1)
            row["NetExportContribution"] = rounded(g - row["ConsumptionContribution"] - row["InvestmentContribution"], 1)
        rows.append(row)
    return rows


# --- prices ---------------------------------------------------------------------------------------

CPI_HEADLINE = [
    ("2015-01", 0.8), ("2015-06", 1.4), ("2015-12", 1.6), ("2016-02", 2.3), ("2016-06", 1.9), ("2016-12", 2.1),
    ("2017-02", 0.8), ("2017-06", 1.5), ("2017-12", 1.8), ("2018-02", 2.9), ("2018-06", 1.9), ("2018-12", 1.9),
    ("2019-03", 2.3), ("2019-06", 2.7), ("2019-09", 3.0), ("2019-11", 4.5), ("2020-01", 5.4), ("2020-04", 3.3),
    ("2020-07", 2.7), ("2020-10", 0.5), ("2020-11", -0.5), ("2021-01", -0.3), ("2021-03", 0.4), ("2021-06", 1.1),
    ("2021-09", 0.7), ("2021-11", 2.3), ("2022-01", 0.9), ("2022-04", 2.1), ("2022-09", 2.8), ("2022-12", 1.8),
    ("2023-02", 1.0), ("2023-04", 0.1), ("2023-07", -0.3), ("2023-08", 0.1), ("2023-10", -0.2), ("2023-12", -0.3),
    ("2024-01", -0.8), ("2024-02", 0.7), ("2024-03", 0.1), ("2024-05", 0.3),
]
PORK = [("2015-01", -8.0), ("2015-06", 2.0), ("2015-12", 20.0), ("2016-05", 45.0), ("2016-12", 10.0),
        ("2017-06", -20.0), ("2017-12", -10.0), ("2018-05", -20.0), ("2018-12", -2.0), ("2019-04", 15.0),
        ("2019-08", 47.0), ("2019-10", 101.0), ("2020-02", 135.0), ("2020-06", 81.0), ("2020-10", -3.0),
        ("2021-01", -4.0), ("2021-06", -36.0), ("2021-09", -46.0), ("2021-12", -37.0), ("2022-03", -42.0),
        ("2022-07", 20.0), ("2022-10", 52.0), ("2022-12", 22.0), ("2023-03", 9.0), ("2023-07", -26.0),
        ("2023-12", -27.0), ("2024-03", -2.0), ("2024-05", -1.0)]
CORE = [("2015-01", 1.6), ("2015-12", 1.5), ("2016-12", 1.9), ("2017-06", 2.2), ("2017-12", 2.2), ("2018-06", 1.9),
        ("2018-12", 1.8), ("2019-06", 1.6), ("2019-12", 1.4), ("2020-06", 0.9), ("2020-12", 0.4), ("2021-06", 0.9),
        ("2021-12", 1.2), ("2022-06", 1.0), ("2022-12", 0.7), ("2023-06", 0.4), ("2023-09", 0.8), ("2023-12", 0.6),
        ("2024-02", 1.2), ("2024-05", 0.6)]
ENERGY = [("2015-01", -10.0), ("2015-12", -12.0), ("2016-06", -6.0), ("2016-12", 5.0), ("2017-06", 6.0),
          ("2018-06", 8.0), ("2018-12", 0.0), ("2019-06", -2.0), ("2019-12", 2.0), ("2020-05", -15.0),
          ("2020-12", -10.0), ("2021-06", 17.0), ("2021-12", 20.0), ("2022-06", 25.0), ("2022-12", 5.0),
          ("2023-06", -9.0), ("2023-12", -1.0), ("2024-05", 3.0)]
# code, zh, en, recipe: weights on (headline, food, core, energy, constant), seasonal amplitude
CPI_CATEGORIES = (
    ("A00", "居民消费价格总指数", "CPI: all items", None, 0.6),
    ("A01", "食品烟酒", "Food, tobacco and liquor", (0, 0.75, 0, 0, 0.6), 1.5),
    ("A0101", "食品", "Food", (0, 1.0, 0, 0, 0), 2.5),
    ("A010101", "猪肉", "Pork", "pork", 3.0),
    ("A010102", "鲜菜", "Fresh vegetables", (0, 0.5, 0, 0, 0.5), 8.0),
    ("A010103", "鲜果", "Fresh fruit", (0, 0.3, 0, 0, 1.5), 4.0),
    ("A02", "衣着", "Clothing", (0, 0, 0.6, 0, 0.2), 0.8),
    ("A03", "居住", "Housing", (0, 0, 0.7, 0.1, 0.0), 0.3),
    ("A04", "生活用品及服务", "Household articles and services", (0, 0, 0.6, 0, 0.0), 0.4),
    ("A05", "交通通信", "Transport and communication", (0, 0, 0.2, 0.45, -0.6), 0.6),
    ("A06", "教育文化娱乐", "Education, culture and recreation", (0, 0, 1.0, 0, 0.6), 1.0),
    ("A07", "医疗保健", "Health care", (0, 0, 0.6, 0, 1.2), 0.3),
    ("A08", "其他用品及服务", "Other articles and services", (0, 0, 0.8, 0, 1.5), 0.8),
    ("B01", "核心CPI(不含食品和能源)", "Core CPI (excluding food and energy)", (0, 0, 1.0, 0, 0), 0.4),
    ("B02", "消费品", "Consumer goods", (1.2, 0, 0, 0, -0.3), 0.8),
    ("B03", "服务", "Services", (0, 0, 1.0, 0, 0.4), 0.6),
    ("B04", "非食品", "Non-food", (0.6, 0, 0.4, 0.05, -0.2), 0.4),
)
# typical month-on-month pattern (%) used to seed 2014 price levels
CPI_SEASON = (1.0, 0.8, -0.5, -0.2, -0.1, -0.1, 0.3, 0.3, 0.4, 0.1, -0.2, 0.2)


def _cpi(rng: random.Random) -> list[dict]:
    n = len(MONTHS)
    headline = [v + e for v, e in zip(_path(CPI_HEADLINE, MONTHS), _ar(rng, n, 0.1), strict=True)]
    pork = [v + e for v, e in zip(_path(PORK, MONTHS), _ar(rng, n, 3.0), strict=True)]
    core = [v + e for v, e in zip(_path(CORE, MONTHS), _ar(rng, n, 0.08), strict=True)]
    energy = [v + e for v, e in zip(_path(ENERGY, MONTHS), _ar(rng, n, 1.0), strict=True)]
    food = [0.18 * p + 1.6 + e for p, e in zip(pork, _ar(rng, n, 0.8), strict=True)]
    rows = []
    for code, zh, en, recipe, amp in CPI_CATEGORIES:
        if recipe is None:
            yoy = headline
        elif recipe == "pork":
            yoy = pork
        else:
            wh, wf, wc, we, const = recipe
            noise = _ar(rng, n, 0.15 + amp * 0.05)
            yoy = [wh * h + wf * f + wc * c + we * e + const + z
                   for h, f, c, e, z in zip(headline, food, core, energy, noise, strict=True)]
        levels, yoy = _track(rng, [x * amp for x in CPI_SEASON], yoy, 0.6, 0.03 + amp * 0.02)
        cum = _cum_yoy(levels, MONTHS)
        for i, day in enumerate(MONTHS):
            j = i + 12
            rows.append(dict(EndDate=day.isoformat(), CategoryCode=code, CategoryName=zh, CategoryNameEn=en,
                             YoY=rounded(yoy[i], 1), MoM=rounded((levels[j] / levels[j - 1] - 1) * 100, 1),
                             CumYoY=rounded(cum[i], 1), IndexLastYear=rounded(100 + yoy[i], 1)))
    return rows


PPI = [("2015-01", -4.3), ("2015-06", -4.8), ("2015-12", -5.9), ("2016-06", -2.6), ("2016-09", 0.1),
       ("2016-12", 5.5), ("2017-02", 7.8), ("2017-06", 5.5), ("2017-12", 4.9), ("2018-06", 4.7), ("2018-12", 0.9),
       ("2019-06", 0.0), ("2019-10", -1.6), ("2020-01", 0.1), ("2020-05", -3.7), ("2020-12", -0.4),
       ("2021-05", 9.0), ("2021-10", 13.5), ("2021-12", 10.3), ("2022-06", 6.1), ("2022-10", -1.3),
       ("2023-06", -5.4), ("2023-12", -2.7), ("2024-05", -1.4)]
PPI_PARTS = (  # column, multiplier of headline PPI, constant, noise
    ("ProducerGoodsYoY", 1.3, -0.1, 0.3), ("MiningYoY", 3.0, 0.5, 1.5), ("RawMaterialsYoY", 1.8, 0.0, 0.6),
    ("ProcessingYoY", 0.8, -0.2, 0.3), ("ConsumerGoodsYoY", 0.12, 0.4, 0.2), ("FoodYoY", 0.15, 0.8, 0.5),
    ("ClothingYoY", 0.08, 0.6, 0.2), ("DailyUseYoY", 0.15, 0.4, 0.2), ("DurableGoodsYoY", 0.05, -0.6, 0.2),
    ("PPIRMYoY", 1.25, 0.2, 0.4), ("FuelPowerYoY", 2.4, 0.5, 1.5), ("FerrousMetalYoY", 2.2, 0.0, 1.5),
)


def _ppi(rng: random.Random) -> list[dict]:
    n = len(MONTHS)
    head = [v + e for v, e in zip(_path(PPI, MONTHS), _ar(rng, n, 0.15), strict=True)]
    levels, head = _track(rng, [0.05] * 12, head, 0.5, 0.08)
    cum = _cum_yoy(levels, MONTHS)
    parts = {col: [mult * h + const + z for h, z in zip(head, _ar(rng, n, sd), strict=True)]
             for col, mult, const, sd in PPI_PARTS}
    rm_levels, parts["PPIRMYoY"] = _track(rng, [0.05] * 12, parts["PPIRMYoY"], 0.35, 0.1)
    rows = []
    for i, day in enumerate(MONTHS):
        j = i + 12
        row = dict(EndDate=day.isoformat(), PPIYoY=rounded(head[i], 1), PPIMoM=rounded((levels[j] / levels[j - 1] - 1) * 100, 1),
                   PPICumYoY=rounded(cum[i], 1))
        for col in parts:
            row[col] = rounded(parts[col][i], 1)
        row["PPIRMMoM"] = rounded((rm_levels[j] / rm_levels[j - 1] - 1) * 100, 1)
        rows.append(row)
    return rows


# --- labour ---------------------------------------------------------------------------------------

UNEMP = [("2018-01", 5.0), ("2018-06", 4.8), ("2018-12", 4.9), ("2019-02", 5.3), ("2019-06", 5.1),
         ("2019-12", 5.2), ("2020-01", 5.3), ("2020-02", 6.2), ("2020-04", 6.0), ("2020-08", 5.6), ("2020-12", 5.2),
         ("2021-02", 5.5), ("2021-06", 5.0), ("2021-12", 5.1), ("2022-02", 5.5), ("2022-04", 6.1), ("2022-05", 5.9),
         ("2022-07", 5.4), ("2022-10", 5.5), ("2022-12", 5.5), ("2023-02", 5.6), ("2023-06", 5.2), ("2023-10", 5.0),
         ("2023-12", 5.1), ("2024-02", 5.3), ("2024-05", 5.0)]
YOUTH_BASE = [("2018-01", 9.8), ("2019-01", 10.5), ("2020-01", 12.0), ("2021-01", 13.5), ("2022-01", 15.0),
              ("2022-12", 16.5), ("2023-06", 19.0)]
YOUTH_SUMMER = (-0.8, -0.4, -0.2, -0.5, -0.5, 1.8, 3.2, 2.5, 0.5, -0.3, -0.6, -0.7)
YOUTH_NEW = [("2023-12", 14.9), ("2024-01", 14.6), ("2024-02", 15.3), ("2024-03", 15.3), ("2024-04", 14.7),
             ("2024-05", 14.2)]
NEW_JOBS = {2018: 1361, 2019: 1352, 2020: 1186, 2021: 1269, 2022: 1206, 2023: 1244, 2024: 1300}
JOB_SHARE = (0.08, 0.08, 0.10, 0.09, 0.09, 0.09, 0.08, 0.08, 0.08, 0.08, 0.08, 0.07)


def _unemployment(rng: random.Random) -> list[dict]:
    months = month_ends((2018, 1), (2024, 5))
    n = len(months)
    urban = [v + e for v, e in zip(_path(UNEMP, months), _ar(rng, n, 0.05, 0.3), strict=True)]
    youth = _path(YOUTH_BASE, months)
    new_youth = dict(YOUTH_NEW)
    rows = []
    cum = 0.0
    for i, day in enumerate(months):
        label = day.strftime("%Y-%m")
        if day.month == 1:
            cum = 0.0
        cum += NEW_JOBS[day.year] * JOB_SHARE[day.month - 1] * math.exp(rng.gauss(0, 0.03))
        u = urban[i]
        if label in new_youth:
            y16 = new_youth[label]
        elif dt.date(2023, 7, 1) <= day < dt.date(2023, 12, 1):
            y16 = None  # publication of the youth rate was suspended
        else:
            y16 = youth[i] + YOUTH_SUMMER[day.month - 1] + (u - 5.1) * 2.0 + rng.gauss(0, 0.2)
        quarter_end = day.month in (3, 6, 9, 12)
        rows.append(dict(
            EndDate=day.isoformat(), SurveyedUnempRate=rounded(u, 1), Rate31Cities=rounded(u + 0.1 + rng.gauss(0, 0.05), 1),
            Rate16to24=rounded(y16, 1),
            Rate25to29=rounded(6.1 + rng.gauss(0, 0.2) + (u - 5.1), 1) if day >= dt.date(2023, 12, 1) else None,
            Rate25to59=rounded(u - 0.6 + rng.gauss(0, 0.05), 1), LocalHukouRate=rounded(u - 0.1 + rng.gauss(0, 0.05), 1),
            MigrantRate=rounded(u + 0.2 + rng.gauss(0, 0.07), 1),
            NewUrbanJobsCum=rounded(NEW_JOBS[day.year] if day.month == 12 else cum, 0),
            RegisteredUnempRate=rounded(3.8 - 0.2 * (day.year - 2018) + rng.gauss(0, 0.03), 2)
            if quarter_end and day.year <= 2020 else None,
            AvgWeeklyHours=rounded(46.5 + 0.25 * (day.year - 2018) + rng.gauss(0, 0.3)
                              - (1.5 if label in ("2020-02", "2022-04") else 0), 1),
        ))
    return rows


# --- rates ----------------------------------------------------------------------------------------

# rate code, zh, en, [(change date, new rate %)]: approximate reconstruction of PBoC announcements
POLICY_RATES = (
    ("DEP1Y", "一年期存款基准利率", "1-year deposit benchmark rate",
     (("2014-11-22", 2.75), ("2015-03-01", 2.50), ("2015-05-11", 2.25), ("2015-06-28", 2.00), ("2015-08-26", 1.75),
      ("2015-10-24", 1.50))),
    ("LOAN1Y", "一年期贷款基准利率", "1-year lending benchmark rate",
     (("2014-11-22", 5.60), ("2015-03-01", 5.35), ("2015-05-11", 5.10), ("2015-06-28", 4.85), ("2015-08-26", 4.60),
      ("2015-10-24", 4.35))),
    ("OMO7D", "7天期逆回购操作利率", "7-day reverse repo rate (open market operations)",
     (("2015-10-26", 2.25), ("2017-02-03", 2.35), ("2017-03-16", 2.45), ("2017-12-14", 2.50), ("2018-03-22", 2.55),
      ("2019-11-18", 2.50), ("2020-03-30", 2.20), ("2022-01-17", 2.10), ("2022-08-15", 2.00),
      ("2023-06-13", 1.90))),
    ("MLF1Y", "1年期中期借贷便利(MLF)利率", "1-year medium-term lending facility (MLF) rate",
     (("2016-01-20", 3.25), ("2016-02-26", 3.00), ("2017-01-24", 3.10), ("2017-03-16", 3.20),
      ("2017-12-14", 3.25), ("2018-03-22", 3.30), ("2019-11-05", 3.25), ("2020-02-17", 3.15),
      ("2020-04-15", 2.95), ("2022-01-17", 2.85), ("2022-08-15", 2.75), ("2023-06-15", 2.65),
      ("2023-08-15", 2.50))),
    ("RRR", "大型存款类金融机构存款准备金率", "Reserve requirement ratio, large depository institutions",
     (("2015-02-05", 19.5), ("2015-04-20", 18.5), ("2015-09-06", 18.0), ("2015-10-24", 17.5), ("2016-03-01", 17.0),
      ("2018-04-25", 16.0), ("2018-07-05", 15.5), ("2018-10-15", 14.5), ("2019-01-15", 14.0),
      ("2019-01-25", 13.5), ("2019-09-16", 13.0), ("2020-01-06", 12.5), ("2021-07-15", 12.0),
      ("2021-12-15", 11.5), ("2022-04-25", 11.25), ("2022-12-05", 11.0), ("2023-03-27", 10.75),
      ("2023-09-15", 10.5), ("2024-02-05", 10.0))),
)
LPR = (("2019-08", 4.25, 4.85), ("2019-09", 4.20, 4.85), ("2019-11", 4.15, 4.80), ("2020-02", 4.05, 4.75),
       ("2020-04", 3.85, 4.65), ("2021-12", 3.80, 4.65), ("2022-01", 3.70, 4.60), ("2022-05", 3.70, 4.45),
       ("2022-08", 3.65, 4.30), ("2023-06", 3.55, 4.20), ("2023-08", 3.45, 4.20), ("2024-02", 3.45, 3.95))


def _policy_rates() -> list[dict]:
    rows = []
    for code, zh, en, changes in POLICY_RATES:
        prev = None
        for day, rate in changes:
            rows.append(dict(ChangeDate=day, RateCode=code, RateName=zh, RateNameEn=en, Rate=rate, PreviousRate=prev,
                             ChangeBP=rounded((rate - prev) * 100, 0) if prev is not None else None))
            prev = rate
    return rows


def _lpr(calendar: list[dt.date]) -> list[dict]:
    rows = []
    prev = None
    current = LPR[0][1:]
    steps = {label: (a, b) for label, a, b in LPR}
    for month in month_ends((2019, 8), (2024, 6)):
        label = month.strftime("%Y-%m")
        current = steps.get(label, current)
        fix = next(d for d in calendar if d >= dt.date(month.year, month.month, 20))
        row = dict(TradingDay=fix.isoformat(), LPR1Y=current[0], LPR5Y=current[1],
                   LPR1YChangeBP=rounded((current[0] - prev[0]) * 100, 0) if prev else None,
                   LPR5YChangeBP=rounded((current[1] - prev[1]) * 100, 0) if prev else None)
        rows.append(row)
        prev = current
    return rows


CGB10 = [("2019-01", 3.15), ("2019-04", 3.40), ("2019-08", 3.00), ("2019-12", 3.14), ("2020-01", 3.00),
         ("2020-04", 2.50), ("2020-07", 2.95), ("2020-11", 3.30), ("2021-03", 3.25), ("2021-07", 2.95),
         ("2021-12", 2.78), ("2022-03", 2.80), ("2022-08", 2.62), ("2022-11", 2.90), ("2023-02", 2.90),
         ("2023-06", 2.68), ("2023-08", 2.56), ("2023-11", 2.70), ("2023-12", 2.56), ("2024-02", 2.35),
         ("2024-04", 2.26), ("2024-06", 2.21)]
CGB1 = [("2019-01", 2.40), ("2019-04", 2.60), ("2019-12", 2.40), ("2020-04", 1.15), ("2020-07", 2.10),
        ("2020-11", 2.90), ("2021-06", 2.45), ("2021-12", 2.25), ("2022-03", 2.10), ("2022-08", 1.65),
        ("2022-11", 2.20), ("2023-02", 2.20), ("2023-06", 1.80), ("2023-11", 2.30), ("2023-12", 2.10),
        ("2024-02", 1.80), ("2024-04", 1.60), ("2024-06", 1.55)]
DR007 = [("2019-01", 2.55), ("2019-06", 2.45), ("2019-12", 2.45), ("2020-02", 2.05), ("2020-04", 1.45),
         ("2020-06", 1.95), ("2020-09", 2.2), ("2020-12", 2.3), ("2021-06", 2.2), ("2021-12", 2.2), ("2022-03", 2.1),
         ("2022-06", 1.7), ("2022-08", 1.4), ("2022-11", 1.85), ("2023-02", 2.1), ("2023-06", 1.9), ("2023-09", 1.95),
         ("2023-12", 2.05), ("2024-03", 1.85), ("2024-06", 1.85)]
CURVE = (("CGB2Y", 0.22), ("CGB3Y", 0.35), ("CGB5Y", 0.58), ("CGB7Y", 0.80))


def _day_path(points: list[tuple[str, float]], days: list[dt.date]) -> list[float]:
    pts = [(_mi(label) + 0.5, value) for label, value in points]
    return [interpolate(pts, d.year * 12 + d.month - 1 + (d.day - 1) / 31) for d in days]


def _market_rates(rng: random.Random, days: list[dt.date]) -> list[dict]:
    n = len(days)
    y10 = [v + e for v, e in zip(_day_path(CGB10, days), _ar(rng, n, 0.012, 0.97), strict=True)]
    y1 = [v + e for v, e in zip(_day_path(CGB1, days), _ar(rng, n, 0.02, 0.97), strict=True)]
    dr_path = _day_path(DR007, days)
    dr_noise = _ar(rng, n, 0.06, 0.7)
    cdb_spread = _ar(rng, n, 0.004, 0.98)
    rows = []
    for i, d in enumerate(days):
        month_end = (i + 1 < n and days[i + 1].month != d.month)
        quarter_end = month_end and d.month in (3, 6, 9, 12)
        spike = 0.35 if quarter_end else (0.15 if month_end else 0.0)
        if d.month == 1 and d.day >= 20 or d.month == 2 and d.day <= 5:
            spike += 0.1  # Spring Festival cash demand
        dr007 = max(0.8, dr_path[i] + dr_noise[i] * 1.5 + spike)
        dr001 = max(0.5, dr007 * 0.88 - 0.12 - spike * 0.5 + rng.gauss(0, 0.06))
        s3m = y1[i] + 0.45 + rng.gauss(0, 0.01)
        row = dict(TradingDay=d.isoformat(), ShiborON=rounded(dr001 + 0.02, 3), Shibor1W=rounded(dr007 + 0.02, 3),
                   Shibor2W=rounded(dr007 + 0.05 + rng.gauss(0, 0.02), 3), Shibor1M=rounded(s3m - 0.15, 3),
                   Shibor3M=rounded(s3m, 3), Shibor6M=rounded(s3m + 0.08, 3), Shibor9M=rounded(s3m + 0.12, 3),
                   Shibor1Y=rounded(s3m + 0.15, 3), DR001=rounded(dr001, 4), DR007=rounded(dr007, 4),
                   R007=rounded(dr007 + 0.12 + abs(rng.gauss(0, 0.08)) + spike * 0.5, 4), CGB1Y=rounded(y1[i], 4))
        for col, frac in CURVE:
            row[col] = rounded(y1[i] + (y10[i] - y1[i]) * frac + rng.gauss(0, 0.005), 4)
        row["CGB10Y"] = rounded(y10[i], 4)
        row["CGB30Y"] = rounded(y10[i] + 0.28 + 0.12 * (d.year < 2023) + rng.gauss(0, 0.01), 4)
        row["CDB10Y"] = rounded(y10[i] + 0.15 + cdb_spread[i], 4)
        rows.append(row)
    return rows


# --- FX -------------------------------------------------------------------------------------------

USDCNY = [("2019-01", 6.80), ("2019-04", 6.71), ("2019-09", 7.07), ("2019-12", 6.98), ("2020-05", 7.11),
          ("2020-12", 6.54), ("2021-06", 6.45), ("2021-12", 6.37), ("2022-03", 6.34), ("2022-05", 6.68),
          ("2022-10", 7.11), ("2022-12", 6.98), ("2023-01", 6.76), ("2023-06", 7.19), ("2023-09", 7.18),
          ("2023-12", 7.10), ("2024-06", 7.12)]
# currency, region, unit, USD per unit (or units per USD when inverted), points
CROSSES = (
    ("USD", "USA", 1, None, None),
    ("EUR", "EUU", 1, False, [("2019-01", 1.14), ("2019-10", 1.10), ("2020-03", 1.10), ("2020-12", 1.22),
                              ("2021-06", 1.20), ("2021-12", 1.13), ("2022-09", 0.98), ("2023-01", 1.08),
                              ("2023-07", 1.11), ("2023-10", 1.06), ("2023-12", 1.10), ("2024-06", 1.07)]),
    ("JPY", "JPN", 100, True, [("2019-01", 109.0), ("2019-08", 106.0), ("2020-03", 108.0), ("2020-12", 104.0),
                               ("2021-06", 110.0), ("2021-12", 114.0), ("2022-03", 118.0), ("2022-10", 148.0),
                               ("2023-01", 130.0), ("2023-06", 142.0), ("2023-11", 150.0), ("2023-12", 143.0),
                               ("2024-04", 155.0), ("2024-06", 159.0)]),
    ("HKD", "HKG", 1, True, [("2019-01", 7.84), ("2019-12", 7.79), ("2020-06", 7.75), ("2021-12", 7.79),
                             ("2022-06", 7.85), ("2023-06", 7.83), ("2024-06", 7.81)]),
    ("GBP", "GBR", 1, False, [("2019-01", 1.28), ("2019-08", 1.21), ("2019-12", 1.31), ("2020-03", 1.20),
                              ("2020-12", 1.35), ("2021-06", 1.39), ("2021-12", 1.34), ("2022-09", 1.10),
                              ("2023-01", 1.22), ("2023-07", 1.28), ("2023-10", 1.21), ("2024-06", 1.27)]),
    ("AUD", "AUS", 1, False, [("2019-01", 0.71), ("2019-12", 0.69), ("2020-03", 0.61), ("2021-02", 0.78),
                              ("2021-12", 0.72), ("2022-10", 0.64), ("2023-01", 0.70), ("2023-10", 0.63),
                              ("2024-06", 0.67)]),
    ("CAD", "CAN", 1, True, [("2019-01", 1.34), ("2020-03", 1.42), ("2021-06", 1.23), ("2021-12", 1.27),
                             ("2022-10", 1.37), ("2023-06", 1.32), ("2024-06", 1.37)]),
    ("CHF", "CHE", 1, True, [("2019-01", 0.99), ("2020-06", 0.95), ("2021-01", 0.89), ("2022-06", 0.97),
                             ("2022-10", 1.00), ("2023-07", 0.86), ("2023-10", 0.91), ("2024-06", 0.90)]),
    ("SGD", "SGP", 1, True, [("2019-01", 1.36), ("2020-03", 1.43), ("2021-01", 1.33), ("2022-09", 1.42),
                             ("2023-04", 1.33), ("2023-10", 1.37), ("2024-06", 1.35)]),
)


def _fx(rng: random.Random, days: list[dt.date]) -> list[tuple]:
    n = len(days)
    usd = [v * math.exp(e) for v, e in zip(_day_path(USDCNY, days), _ar(rng, n, 0.0012, 0.97), strict=True)]
    rows = []
    for code, region, unit, inverted, points in CROSSES:
        if points is None:
            rate = usd
        else:
            path = _day_path(points, days)
            noise = _ar(rng, n, 0.003 if code != "HKD" else 0.0002, 0.97)
            cross = [v * math.exp(e) for v, e in zip(path, noise, strict=True)]
            rate = [u / c if inverted else u * c for u, c in zip(usd, cross, strict=True)]
        prev = None
        for i, d in enumerate(days):
            mid = rate[i] * unit
            rows.append((d.isoformat(), code, region, f"{code}/CNY", unit, round(mid, 4),
                         rounded((mid / prev - 1) * 100, 4) if prev else None))
            prev = mid
    return rows


# --- money and credit -----------------------------------------------------------------------------

M2_YOY = [("2015-01", 10.8), ("2015-06", 10.2), ("2015-12", 13.3), ("2016-06", 11.8), ("2016-12", 11.3),
          ("2017-06", 9.4), ("2017-12", 8.2), ("2018-06", 8.0), ("2018-12", 8.1), ("2019-06", 8.5),
          ("2019-12", 8.7), ("2020-02", 8.8), ("2020-05", 11.1), ("2020-12", 10.1), ("2021-06", 8.6),
          ("2021-12", 9.0), ("2022-04", 10.5), ("2022-11", 12.4), ("2022-12", 11.8), ("2023-02", 12.9),
          ("2023-06", 11.3), ("2023-12", 9.7), ("2024-04", 7.2), ("2024-05", 7.0)]
M1_YOY = [("2015-01", 10.6), ("2015-06", 4.3), ("2015-12", 15.2), ("2016-07", 25.4), ("2016-12", 21.4),
          ("2017-06", 15.0), ("2017-12", 11.8), ("2018-06", 6.6), ("2018-12", 1.5), ("2019-06", 4.4),
          ("2019-12", 4.4), ("2020-06", 6.5), ("2020-12", 8.6), ("2021-06", 5.5), ("2021-12", 3.5),
          ("2022-06", 5.8), ("2022-12", 3.7), ("2023-06", 3.1), ("2023-12", 1.3), ("2024-04", -1.4),
          ("2024-05", -4.2)]
M0_YOY = [("2015-01", 2.0), ("2015-12", 4.9), ("2016-12", 8.1), ("2017-12", 3.4), ("2018-12", 3.6),
          ("2019-12", 5.4), ("2020-12", 9.2), ("2021-12", 7.7), ("2022-06", 13.8), ("2022-12", 15.3),
          ("2023-12", 8.3), ("2024-05", 11.7)]
LOANS = {2014: 97816, 2015: 117200, 2016: 126500, 2017: 135300, 2018: 161700, 2019: 168100, 2020: 196300,
         2021: 199500, 2022: 213100, 2023: 227500, 2024: 226000}
LOAN_SEASON = (0.20, 0.06, 0.12, 0.05, 0.07, 0.11, 0.04, 0.07, 0.10, 0.04, 0.06, 0.08)
TSF = {2015: 154100, 2016: 178000, 2017: 194400, 2018: 192600, 2019: 256700, 2020: 348600, 2021: 313500,
       2022: 320100, 2023: 355800, 2024: 330000}
TSF_SEASON = (0.16, 0.05, 0.12, 0.05, 0.07, 0.12, 0.05, 0.08, 0.10, 0.05, 0.07, 0.08)


def _money(rng: random.Random) -> list[dict]:
    n = len(MONTHS)
    series = {}
    for name, points, dec2014, season, sd in (
            ("M2", M2_YOY, 1228375.0, (1.0, 1.0, 1.005, 0.998, 1.0, 1.006, 0.998, 1.0, 1.006, 0.998, 1.0, 1.0),
             0.15),
            ("M1", M1_YOY, 348056.0, (0.99, 0.975, 0.985, 0.98, 0.985, 0.995, 0.985, 0.985, 0.99, 0.985, 0.99, 1.0),
             0.4),
            ("M0", M0_YOY, 60260.0, (1.10, 1.04, 0.99, 0.97, 0.96, 0.96, 0.96, 0.965, 0.98, 0.97, 0.975, 1.0),
             0.6)):
        seed = [dec2014 / 1.12 ** ((12 - m - 1) / 12) * season[m] / season[11] for m in range(12)]
        yoy = [v + e for v, e in zip(_path(points, MONTHS), _ar(rng, n, sd, 0.5), strict=True)]
        series[name] = (_levels(seed, yoy), yoy)
    rows = []
    loan_balance = 816800.0
    deposit_balance = 1138600.0
    tsf_stock = 1229000.0
    loan_hist: list[float] = []
    tsf_hist: list[float] = []
    cum_loans = 0.0
    for i, day in enumerate(MONTHS):
        if day.month == 1:
            cum_loans = 0.0
        new_loans = LOANS[day.year] * LOAN_SEASON[day.month - 1] * math.exp(rng.gauss(0, 0.12))
        cum_loans += new_loans
        loan_balance += new_loans
        tsf_inc = TSF[day.year] * TSF_SEASON[day.month - 1] * math.exp(rng.gauss(0, 0.15))
        tsf_stock += tsf_inc
        m2 = series["M2"][0][i + 12]
        m2_prev = series["M2"][0][i + 11]
        deposit_balance += (m2 - m2_prev) * 0.9 + rng.gauss(0, 2000)
        loan_hist.append(loan_balance)
        tsf_hist.append(tsf_stock)
        row = dict(EndDate=day.isoformat())
        for name in ("M0", "M1", "M2"):
            row[name] = rounded(series[name][0][i + 12], 1)
            row[f"{name}YoY"] = rounded(series[name][1][i], 1)
        row.update(NewRMBLoans=rounded(new_loans, 0), NewRMBLoansCum=rounded(cum_loans, 0),
                   RMBLoanBalance=rounded(loan_balance, 0),
                   RMBLoanYoY=rounded((loan_balance / loan_hist[i - 12] - 1) * 100, 1) if i >= 12 else None,
                   RMBDepositBalance=rounded(deposit_balance, 0), TSFIncrement=rounded(tsf_inc, 0), TSFStock=rounded(tsf_stock, 0),
                   TSFStockYoY=rounded((tsf_stock / tsf_hist[i - 12] - 1) * 100, 1) if i >= 12 else None)
        rows.append(row)
    return rows


# --- trade ----------------------------------------------------------------------------------------

EXPORTS = {2014: 23427, 2015: 22735, 2016: 20976, 2017: 22633, 2018: 24867, 2019: 24990, 2020: 25900,
           2021: 33630, 2022: 35936, 2023: 33800, 2024: 34800}  # USD 100m
IMPORTS = {2014: 19592, 2015: 16796, 2016: 15879, 2017: 18438, 2018: 21357, 2019: 20771, 2020: 20556,
           2021: 26870, 2022: 27160, 2023: 25568, 2024: 25900}
TRADE_SEASON_X = (0.082, 0.060, 0.078, 0.081, 0.086, 0.087, 0.090, 0.089, 0.089, 0.085, 0.087, 0.086)
TRADE_SEASON_M = (0.085, 0.068, 0.083, 0.082, 0.083, 0.082, 0.084, 0.085, 0.086, 0.082, 0.084, 0.096)
COVID = {(2020, 1): (0.85, 0.95), (2020, 2): (0.6, 0.85), (2020, 3): (0.92, 1.0), (2020, 4): (1.0, 0.9)}
# partner, export share 2015 -> 2023, import share 2015 -> 2023
PARTNERS = (
    ("USA", 0.180, 0.148, 0.089, 0.063), ("EUU", 0.156, 0.148, 0.125, 0.104), ("ASEAN", 0.122, 0.155, 0.116, 0.151),
    ("HKG", 0.145, 0.082, 0.008, 0.005), ("JPN", 0.060, 0.047, 0.085, 0.063), ("KOR", 0.045, 0.044, 0.104, 0.063),
    ("RUS", 0.015, 0.033, 0.020, 0.050), ("IND", 0.026, 0.035, 0.008, 0.007), ("AUS", 0.018, 0.022, 0.044, 0.051),
    ("BRA", 0.012, 0.018, 0.026, 0.048), ("GBR", 0.026, 0.023, 0.011, 0.006), ("DEU", 0.030, 0.030, 0.052, 0.037),
    ("VNM", 0.029, 0.041, 0.018, 0.036), ("SAU", 0.009, 0.013, 0.018, 0.025),
)


def _trade(rng: random.Random) -> list[dict]:
    rows = []
    months = SEED_MONTHS + MONTHS
    partners = (("WLD", 1.0, 1.0, 1.0, 1.0),) + PARTNERS
    for code, x0, x1, m0, m1 in partners:
        levels_x, levels_m = [], []
        for day in months:
            t = clip((day.year - 2015 + (day.month - 1) / 12) / 8.5, 0.0, 1.0)
            share_x = x0 + (x1 - x0) * t
            share_m = m0 + (m1 - m0) * t
            cx, cm = COVID.get((day.year, day.month), (1.0, 1.0))
            sd = 0.02 if code == "WLD" else 0.06
            levels_x.append(EXPORTS[day.year] * TRADE_SEASON_X[day.month - 1] * share_x * cx
                            * math.exp(rng.gauss(0, sd)))
            levels_m.append(IMPORTS[day.year] * TRADE_SEASON_M[day.month - 1] * share_m * cm
                            * math.exp(rng.gauss(0, sd)))
        cum_x = cum_m = 0.0
        for i, day in enumerate(MONTHS):
            j = i + 12
            if day.month == 1:
                cum_x = cum_m = 0.0
            cum_x += levels_x[j]
            cum_m += levels_m[j]
            ytd_x_ago = sum(levels_x[j - 12 - day.month + 1: j - 11])
            ytd_m_ago = sum(levels_m[j - 12 - day.month + 1: j - 11])
            rows.append(dict(EndDate=day.isoformat(), RegionCode=code, Exports=rounded(levels_x[j]),
                             Imports=rounded(levels_m[j]), TradeBalance=rounded(levels_x[j] - levels_m[j]),
                             ExportsYoY=rounded((levels_x[j] / levels_x[j - 12] - 1) * 100, 1),
                             ImportsYoY=rounded((levels_m[j] / levels_m[j - 12] - 1) * 100, 1),
                             ExportsCum=rounded(cum_x), ImportsCum=rounded(cum_m),
                             ExportsCumYoY=rounded((cum_x / ytd_x_ago - 1) * 100, 1),
                             ImportsCumYoY=rounded((cum_m / ytd_m_ago - 1) * 100, 1)))
    return rows


# code, zh, en, direction (1 export, 2 import), unit zh, unit en, annual quantity by year, unit price path
# (USD per quantity unit, with quantity in the stated unit), or a share of total exports when no quantity
COMMODITIES = (
    ("E01", "机电产品", "Mechanical and electrical products", 1, None, None, None, 0.58),
    ("E02", "高新技术产品", "High-tech products", 1, None, None, None, 0.28),
    ("E03", "纺织纱线、织物及其制品", "Textile yarn, fabrics and products", 1, None, None, None, 0.045),
    ("E04", "服装及衣着附件", "Garments and clothing accessories", 1, None, None, None, 0.055),
    ("E05", "钢材", "Steel products", 1, "万吨", "10k tonnes",
     {2014: 9378, 2015: 11240, 2016: 10849, 2017: 7543, 2018: 6934, 2019: 6429, 2020: 5367, 2021: 6690,
      2022: 6732, 2023: 9026, 2024: 10500},
     [("2014-06", 800), ("2016-01", 520), ("2018-06", 900), ("2020-06", 780), ("2021-09", 1350),
      ("2022-06", 1400), ("2023-06", 950), ("2024-05", 800)]),
    ("E06", "汽车(包括底盘)", "Motor vehicles (including chassis)", 1, "万辆", "10k units",
     {2014: 95, 2015: 76, 2016: 81, 2017: 106, 2018: 115, 2019: 122, 2020: 108, 2021: 212, 2022: 340,
      2023: 522, 2024: 620},
     [("2014-06", 14000), ("2019-06", 15000), ("2021-06", 16000), ("2023-06", 20500), ("2024-05", 21000)]),
    ("E07", "集成电路(出口)", "Integrated circuits (exports)", 1, "亿个", "100m units",
     {2014: 1535, 2015: 1827, 2016: 1810, 2017: 2044, 2018: 2171, 2019: 2187, 2020: 2598, 2021: 3107,
      2022: 2734, 2023: 2678, 2024: 2900},
     [("2014-06", 0.40), ("2018-06", 0.39), ("2021-06", 0.49), ("2023-06", 0.51), ("2024-05", 0.52)]),
    ("E08", "稀土", "Rare earths", 1, "吨", "tonnes",
     {2014: 27800, 2015: 34800, 2016: 46900, 2017: 51200, 2018: 53000, 2019: 46300, 2020: 35400, 2021: 48700,
      2022: 48700, 2023: 52300, 2024: 55000},
     [("2014-06", 14000), ("2016-06", 7500), ("2018-06", 9000), ("2021-06", 14000), ("2022-06", 16000),
      ("2023-06", 10000), ("2024-05", 9000)]),
    ("I01", "原油", "Crude oil", 2, "万吨", "10k tonnes",
     {2014: 30837, 2015: 33550, 2016: 38101, 2017: 41957, 2018: 46190, 2019: 50572, 2020: 54239, 2021: 51298,
      2022: 50828, 2023: 56399, 2024: 55500},
     [("2014-06", 790), ("2015-01", 400), ("2016-01", 230), ("2017-06", 360), ("2018-10", 580), ("2019-06", 470),
      ("2020-04", 230), ("2020-12", 340), ("2021-10", 560), ("2022-06", 820), ("2022-12", 640), ("2023-06", 560),
      ("2024-05", 600)]),
    ("I02", "铁矿砂及其精矿", "Iron ore and concentrates", 2, "万吨", "10k tonnes",
     {2014: 93251, 2015: 95272, 2016: 102412, 2017: 107474, 2018: 106447, 2019: 106895, 2020: 117010,
      2021: 112432, 2022: 110686, 2023: 117906, 2024: 122000},
     [("2014-06", 100), ("2015-12", 45), ("2017-02", 85), ("2018-06", 68), ("2019-07", 115), ("2020-06", 95),
      ("2021-05", 210), ("2021-12", 120), ("2022-06", 130), ("2023-06", 110), ("2024-01", 130), ("2024-05", 115)]),
    ("I03", "大豆", "Soybeans", 2, "万吨", "10k tonnes",
     {2014: 7140, 2015: 8169, 2016: 8391, 2017: 9554, 2018: 8803, 2019: 8851, 2020: 10033, 2021: 9652,
      2022: 9108, 2023: 9941, 2024: 10000},
     [("2014-06", 560), ("2015-06", 430), ("2016-06", 400), ("2018-06", 420), ("2019-06", 380), ("2020-06", 380),
      ("2021-06", 560), ("2022-09", 690), ("2023-06", 610), ("2024-05", 480)]),
    ("I04", "集成电路(进口)", "Integrated circuits (imports)", 2, "亿个", "100m units",
     {2014: 2857, 2015: 3140, 2016: 3425, 2017: 3770, 2018: 4176, 2019: 4451, 2020: 5435, 2021: 6355,
      2022: 5384, 2023: 4796, 2024: 5200},
     [("2014-06", 0.76), ("2018-06", 0.75), ("2020-06", 0.64), ("2022-06", 0.77), ("2023-06", 0.73),
      ("2024-05", 0.70)]),
    ("I05", "天然气", "Natural gas", 2, "万吨", "10k tonnes",
     {2014: 4400, 2015: 4400, 2016: 5400, 2017: 6857, 2018: 9039, 2019: 9656, 2020: 10166, 2021: 12136,
      2022: 10925, 2023: 11997, 2024: 12800},
     [("2014-06", 560), ("2016-06", 300), ("2018-06", 460), ("2020-06", 300), ("2021-12", 650), ("2022-09", 900),
      ("2023-06", 600), ("2024-05", 500)]),
    ("I06", "煤及褐煤", "Coal and lignite", 2, "万吨", "10k tonnes",
     {2014: 29122, 2015: 20406, 2016: 25543, 2017: 27090, 2018: 28123, 2019: 29977, 2020: 30399, 2021: 32322,
      2022: 29320, 2023: 47442, 2024: 50000},
     [("2014-06", 75), ("2015-12", 50), ("2017-06", 85), ("2018-06", 90), ("2020-06", 60), ("2021-10", 150),
      ("2022-06", 170), ("2023-06", 110), ("2024-05", 90)]),
    ("I07", "铜矿砂及其精矿", "Copper ore and concentrates", 2, "万吨", "10k tonnes",
     {2014: 1182, 2015: 1329, 2016: 1696, 2017: 1735, 2018: 1972, 2019: 2199, 2020: 2176, 2021: 2340,
      2022: 2527, 2023: 2754, 2024: 2850},
     [("2014-06", 1750), ("2016-01", 1200), ("2018-06", 1650), ("2020-03", 1300), ("2021-06", 2600),
      ("2022-06", 2500), ("2023-06", 2600), ("2024-05", 3000)]),
)
QTY_SEASON = (0.085, 0.070, 0.085, 0.083, 0.085, 0.084, 0.085, 0.085, 0.083, 0.080, 0.085, 0.090)


def _trade_goods(rng: random.Random, world: dict[str, float]) -> list[dict]:
    rows = []
    months = SEED_MONTHS + MONTHS
    for code, zh, en, direction, unit, unit_en, qty, price_pts in COMMODITIES:
        values, quantities = [], []
        if qty is None:
            share = price_pts
            for day in months:
                key = day.strftime("%Y-%m")
                total = world.get(key)
                if total is None:
                    cx = COVID.get((day.year, day.month), (1.0, 1.0))[0]
                    total = EXPORTS[day.year] * TRADE_SEASON_X[day.month - 1] * cx
                values.append(total * share * math.exp(rng.gauss(0, 0.02)))
                quantities.append(None)
        else:
            prices = _path(price_pts, months)
            for i, day in enumerate(months):
                q = qty[day.year] * QTY_SEASON[day.month - 1] * math.exp(rng.gauss(0, 0.07))
                quantities.append(q)
                scale = {"万吨": 1e4, "万辆": 1e4, "亿个": 1e8, "吨": 1.0}[unit]
                values.append(q * scale * prices[i] * math.exp(rng.gauss(0, 0.02)) / 1e8)
        for i, day in enumerate(MONTHS):
            j = i + 12
            q, q_ago = quantities[j], quantities[j - 12]
            rows.append(dict(EndDate=day.isoformat(), CommodityCode=code, CommodityName=zh, CommodityNameEn=en,
                             Direction=direction, Quantity=rounded(q, 1), QuantityUnit=unit, QuantityUnitEn=unit_en,
                             QuantityYoY=rounded((q / q_ago - 1) * 100, 1) if q is not None else None,
                             Value=rounded(values[j]), ValueYoY=rounded((values[j] / values[j - 12] - 1) * 100, 1)))
    return rows


# --- activity -------------------------------------------------------------------------------------

IVA_YOY = [("2015-01", 6.8), ("2015-06", 6.8), ("2015-12", 5.9), ("2016-06", 6.2), ("2016-12", 6.0),
           ("2017-06", 7.6), ("2017-12", 6.2), ("2018-06", 6.0), ("2018-12", 5.7), ("2019-06", 6.3),
           ("2019-12", 6.9), ("2020-01", -13.5), ("2020-02", -13.5), ("2020-03", -1.1), ("2020-04", 3.9),
           ("2020-08", 5.6), ("2020-12", 7.3), ("2021-01", 35.1), ("2021-02", 35.1), ("2021-03", 14.1),
           ("2021-06", 8.3), ("2021-09", 3.1), ("2021-12", 4.3), ("2022-03", 5.0), ("2022-04", -2.9),
           ("2022-05", 0.7), ("2022-06", 3.9), ("2022-09", 6.3), ("2022-12", 1.3), ("2023-02", 2.4),
           ("2023-04", 5.6), ("2023-06", 4.4), ("2023-09", 4.5), ("2023-12", 6.8), ("2024-02", 7.0),
           ("2024-03", 4.5), ("2024-05", 5.6)]
IVA_PARTS = (("MiningYoY", 0.6, 0.5, 1.2), ("ManufacturingYoY", 1.08, -0.2, 0.4), ("UtilitiesYoY", 0.7, 1.8, 1.2),
             ("HighTechMfgYoY", 1.2, 3.5, 1.0), ("EquipmentMfgYoY", 1.3, 1.8, 0.9),
             ("StateHoldingYoY", 0.9, -0.5, 0.6), ("PrivateYoY", 1.05, 0.3, 0.6))
OUTPUTS = (  # column, annual totals
    ("CrudeSteelOutput", {2014: 82270, 2015: 80383, 2016: 80837, 2017: 83173, 2018: 92826, 2019: 99634,
                          2020: 106477, 2021: 103279, 2022: 101796, 2023: 101908, 2024: 100000}),
    ("CementOutput", {2014: 247619, 2015: 235919, 2016: 240295, 2017: 233084, 2018: 217667, 2019: 233036,
                      2020: 237691, 2021: 236281, 2022: 212927, 2023: 202300, 2024: 185000}),
    ("PowerGeneration", {2014: 56496, 2015: 56184, 2016: 59111, 2017: 64171, 2018: 67914, 2019: 71422,
                         2020: 74170, 2021: 81122, 2022: 83886, 2023: 89091, 2024: 93500}),
    ("AutoOutput", {2014: 2372, 2015: 2450, 2016: 2812, 2017: 2902, 2018: 2781, 2019: 2553, 2020: 2532,
                    2021: 2653, 2022: 2748, 2023: 3016, 2024: 3100}),
    ("NEVOutput", {2014: 8, 2015: 34, 2016: 52, 2017: 79, 2018: 127, 2019: 124, 2020: 145, 2021: 367, 2022: 700,
                   2023: 944, 2024: 1250}),
    ("CrudeOilProcessing", {2014: 50277, 2015: 52199, 2016: 54101, 2017: 56777, 2018: 60357, 2019: 65198,
                            2020: 67441, 2021: 70355, 2022: 67590, 2023: 73478, 2024: 74000}),
    ("CoalOutput", {2014: 387000, 2015: 375000, 2016: 341000, 2017: 352000, 2018: 368000, 2019: 385000,
                    2020: 390000, 2021: 413000, 2022: 456000, 2023: 466000, 2024: 470000}),
    ("IntegratedCircuitOutput", {2014: 1016, 2015: 1087, 2016: 1318, 2017: 1565, 2018: 1740, 2019: 2018,
                                 2020: 2614, 2021: 3594, 2022: 3242, 2023: 3514, 2024: 4100}),
)
OUTPUT_SEASON = (0.078, 0.070, 0.085, 0.083, 0.087, 0.088, 0.086, 0.086, 0.085, 0.083, 0.084, 0.085)
CAPACITY = [("2015-01", 74.0), ("2016-03", 72.9), ("2017-06", 76.8), ("2018-06", 76.7), ("2019-06", 76.4),
            ("2020-03", 67.3), ("2020-12", 78.0), ("2021-06", 78.4), ("2021-12", 77.8), ("2022-06", 75.1),
            ("2022-12", 74.9), ("2023-06", 74.5), ("2023-12", 75.9), ("2024-03", 73.6)]


def _industrial(rng: random.Random) -> list[dict]:
    n = len(MONTHS)
    head = [v + e for v, e in zip(_path(IVA_YOY, MONTHS), _ar(rng, n, 0.25, 0.3), strict=True)]
    seed = [100.0 * OUTPUT_SEASON[m] / OUTPUT_SEASON[0] for m in range(12)]
    levels = _levels(seed, head)
    parts = {col: [mult * h + const + z for h, z in zip(head, _ar(rng, n, sd, 0.4), strict=True)]
             for col, mult, const, sd in IVA_PARTS}
    output_levels = {}
    for col, annual in OUTPUTS:
        series = []
        for day in SEED_MONTHS + MONTHS:
            factor = 0.8 if (day.year, day.month) in ((2020, 1), (2020, 2)) else 1.0
            series.append(annual[day.year] * OUTPUT_SEASON[day.month - 1] * factor * math.exp(rng.gauss(0, 0.03)))
        output_levels[col] = series
    capacity = _path(CAPACITY, MONTHS)
    rows = []
    for i, day in enumerate(MONTHS):
        j = i + 12
        jan, feb = day.month == 1, day.month == 2
        cum = sum(levels[j - day.month + 1: j + 1]) / sum(levels[j - 12 - day.month + 1: j - 11]) * 100 - 100
        row: dict = dict(EndDate=day.isoformat())
        # NBS publishes January and February together: January is blank, February holds the two-month figure
        row["IndustrialVAYoY"] = None if jan else rounded(head[i], 1)
        row["IndustrialVACumYoY"] = None if jan else rounded(cum, 1)
        for col in parts:
            row[col] = None if jan else rounded(parts[col][i], 1)
        for col, _annual in OUTPUTS:
            value = output_levels[col][j] + (output_levels[col][j - 1] if feb else 0.0)
            row[col] = None if jan else rounded(value, 1)
        row["CapacityUtilization"] = rounded(capacity[i] + rng.gauss(0, 0.2), 1) if day.month in (3, 6, 9, 12) else None
        rows.append(row)
    return rows


RETAIL = {2014: 262394, 2015: 300931, 2016: 332316, 2017: 366262, 2018: 380987, 2019: 408017, 2020: 391981,
          2021: 440823, 2022: 439733, 2023: 471495}
RETAIL_YOY = [("2015-01", 10.7), ("2015-12", 11.1), ("2016-06", 10.6), ("2016-12", 10.9), ("2017-06", 11.0),
              ("2017-12", 9.4), ("2018-06", 9.0), ("2018-12", 8.2), ("2019-06", 9.8), ("2019-12", 8.0),
              ("2020-01", -20.5), ("2020-02", -20.5), ("2020-03", -15.8), ("2020-04", -7.5), ("2020-08", 0.5),
              ("2020-12", 4.6), ("2021-01", 33.8), ("2021-02", 33.8), ("2021-03", 34.2), ("2021-04", 17.7),
              ("2021-06", 12.1), ("2021-08", 2.5), ("2021-12", 1.7), ("2022-03", -3.5), ("2022-04", -11.1),
              ("2022-05", -6.7), ("2022-06", 3.1), ("2022-09", 2.5), ("2022-11", -5.9), ("2022-12", -1.8),
              ("2023-02", 3.5), ("2023-04", 18.4), ("2023-06", 3.1), ("2023-09", 5.5), ("2023-11", 10.1),
              ("2023-12", 7.4), ("2024-02", 5.5), ("2024-03", 3.1), ("2024-04", 2.3), ("2024-05", 3.7)]
RETAIL_SEASON = (0.090, 0.076, 0.077, 0.076, 0.081, 0.084, 0.080, 0.082, 0.087, 0.091, 0.090, 0.096)
ONLINE_SHARE = {2015: 10.8, 2016: 12.6, 2017: 15.0, 2018: 18.4, 2019: 20.7, 2020: 24.9, 2021: 24.5, 2022: 27.2,
                2023: 27.6, 2024: 28.3}  # physical goods online, share of full-year retail sales (%)


def _retail(rng: random.Random) -> list[dict]:
    n = len(MONTHS)
    yoy = [v + e for v, e in zip(_path(RETAIL_YOY, MONTHS), _ar(rng, n, 0.3, 0.3), strict=True)]
    seed = _seasonal_seed(RETAIL[2014], list(RETAIL_SEASON))
    levels = _levels(seed, yoy)
    catering_yoy = [y + (1.5 if y > 0 else 0) + (y * 1.2 if abs(y) > 8 else 0) + rng.gauss(0, 1.0) for y in yoy]
    catering_share = 0.112
    cat_levels = _levels([s * catering_share for s in seed], catering_yoy)
    # year-to-date online share runs below the full-year share early in the year
    online = [ONLINE_SHARE[d.year] * (0.88 + 0.01 * d.month) + rng.gauss(0, 0.1) for d in MONTHS]
    rows = []
    cum = cum_cat = cum_online = 0.0
    online_prev: dict[int, float] = {}
    for i, day in enumerate(MONTHS):
        j = i + 12
        jan = day.month == 1
        if jan:
            cum = cum_cat = cum_online = 0.0
        total, cat = levels[j], cat_levels[j]
        cum += total
        cum_cat += cat
        ago = sum(levels[j - 12 - day.month + 1: j - 11])
        phys_share = online[i] / 100
        cum_online_phys = cum * phys_share
        cum_online = cum_online_phys * 1.18
        key = day.month
        goods = total - cat
        goods_ago = levels[j - 12] - cat_levels[j - 12]
        urban_share = 0.862 + rng.gauss(0, 0.002)
        row = dict(EndDate=day.isoformat())
        month_total = total + (levels[j - 1] if day.month == 2 else 0.0)
        month_cat = cat + (cat_levels[j - 1] if day.month == 2 else 0.0)
        row.update(
            RetailSales=None if jan else rounded(month_total, 0),
            RetailSalesYoY=None if jan else rounded(yoy[i], 1),
            RetailSalesCum=None if jan else rounded(cum, 0),
            RetailSalesCumYoY=None if jan else rounded((cum / ago - 1) * 100, 1),
            OnlineRetailCum=None if jan else rounded(cum_online, 0),
            OnlineRetailCumYoY=None if jan or day.year == 2015 else rounded(
                (cum_online / online_prev[key] - 1) * 100, 1),
            OnlinePhysicalGoodsCum=None if jan else rounded(cum_online_phys, 0),
            OnlinePhysicalShare=None if jan else rounded(phys_share * 100, 1),
            CateringRevenue=None if jan else rounded(month_cat, 0),
            CateringYoY=None if jan else rounded(catering_yoy[i], 1),
            GoodsRetail=None if jan else rounded(month_total - month_cat, 0),
            GoodsRetailYoY=None if jan else rounded((goods / goods_ago - 1) * 100, 1),
            UrbanRetail=None if jan else rounded(month_total * urban_share, 0),
            UrbanRetailYoY=None if jan else rounded(yoy[i] - 0.2 + rng.gauss(0, 0.2), 1),
            RuralRetail=None if jan else rounded(month_total * (1 - urban_share), 0),
            RuralRetailYoY=None if jan else rounded(yoy[i] + 0.8 + rng.gauss(0, 0.3), 1),
            AutoRetailYoY=None if jan else rounded(yoy[i] * 0.8 - 1.5 + rng.gauss(0, 3.0), 1),
        )
        online_prev[key] = cum_online
        rows.append(row)
    return rows


PMI = [("2015-01", 49.8), ("2015-06", 50.2), ("2015-12", 49.7), ("2016-02", 49.0), ("2016-06", 50.0),
       ("2016-12", 51.4), ("2017-06", 51.7), ("2017-12", 51.6), ("2018-06", 51.5), ("2018-12", 49.4),
       ("2019-03", 50.5), ("2019-06", 49.4), ("2019-12", 50.2), ("2020-01", 50.0), ("2020-02", 35.7),
       ("2020-03", 52.0), ("2020-06", 50.9), ("2020-11", 52.1), ("2021-03", 51.9), ("2021-06", 50.9),
       ("2021-09", 49.6), ("2021-12", 50.3), ("2022-03", 49.5), ("2022-04", 47.4), ("2022-06", 50.2),
       ("2022-09", 50.1), ("2022-11", 48.0), ("2022-12", 47.0), ("2023-01", 50.1), ("2023-02", 52.6),
       ("2023-03", 51.9), ("2023-04", 49.2), ("2023-06", 49.0), ("2023-09", 50.2), ("2023-12", 49.0),
       ("2024-02", 49.1), ("2024-03", 50.8), ("2024-04", 50.4), ("2024-05", 49.5)]
NONMFG = [("2015-01", 53.7), ("2015-12", 54.4), ("2016-12", 54.5), ("2017-12", 55.0), ("2018-12", 53.8),
          ("2019-12", 53.5), ("2020-01", 54.1), ("2020-02", 29.6), ("2020-03", 52.3), ("2020-06", 54.4),
          ("2020-11", 56.4), ("2021-06", 53.5), ("2021-08", 47.5), ("2021-12", 52.7), ("2022-04", 41.9),
          ("2022-06", 54.7), ("2022-10", 48.7), ("2022-12", 41.6), ("2023-01", 54.4), ("2023-03", 58.2),
          ("2023-06", 53.2), ("2023-12", 50.4), ("2024-03", 53.0), ("2024-05", 51.1)]


def _pmi(rng: random.Random) -> list[dict]:
    n = len(MONTHS)
    pmi = [v + e for v, e in zip(_path(PMI, MONTHS), _ar(rng, n, 0.15, 0.3), strict=True)]
    non = [v + e for v, e in zip(_path(NONMFG, MONTHS), _ar(rng, n, 0.25, 0.3), strict=True)]
    ppi_mom = [0.0] + [b - a for a, b in zip(_path(PPI, MONTHS), _path(PPI, MONTHS)[1:], strict=False)]
    rows = []
    for i, day in enumerate(MONTHS):
        p, nm = pmi[i], non[i]
        shock = p < 40
        prod = p + 1.3 + rng.gauss(0, 0.4) - (3.0 if shock else 0)
        emp = p - 1.6 + rng.gauss(0, 0.3) + (-2.0 if shock else 0)
        supplier = 50.3 + rng.gauss(0, 0.4) - (18.0 if shock else 0)
        raw_inv = p - 1.8 + rng.gauss(0, 0.3)
        # official weights: 0.3 new orders + 0.25 output + 0.2 employment + 0.15 (100 - delivery) + 0.1 inventory
        new_orders = (p - 0.25 * prod - 0.2 * emp - 0.15 * (100 - supplier) - 0.1 * raw_inv) / 0.3
        purchase_price = clip(51.5 + ppi_mom[i] * 6 + rng.gauss(0, 1.5), 32, 75)
        row = dict(
            EndDate=day.isoformat(), ManufacturingPMI=rounded(p, 1), Production=rounded(prod, 1), NewOrders=rounded(new_orders, 1),
            NewExportOrders=rounded(new_orders - 3.0 + rng.gauss(0, 0.6), 1),
            Backlog=rounded(new_orders - 5.0 + rng.gauss(0, 0.5), 1),
            FinishedGoodsInventory=rounded(47.0 + rng.gauss(0, 0.8), 1),
            PurchaseQuantity=rounded(p + 0.3 + rng.gauss(0, 0.4), 1), Imports=rounded(p - 1.8 + rng.gauss(0, 0.5), 1),
            PurchasePrice=rounded(purchase_price, 1), ExFactoryPrice=rounded(purchase_price - 3.5 + rng.gauss(0, 0.8), 1),
            RawMaterialInventory=rounded(raw_inv, 1), Employment=rounded(emp, 1), SupplierDeliveryTime=rounded(supplier, 1),
            ProductionExpectation=rounded(clip(55.5 + (p - 50) * 0.8 + rng.gauss(0, 0.8), 45, 60), 1),
            LargeEnterprisePMI=rounded(p + 1.0 + rng.gauss(0, 0.4), 1),
            MediumEnterprisePMI=rounded(p - 0.4 + rng.gauss(0, 0.5), 1),
            SmallEnterprisePMI=rounded(p - 1.6 + rng.gauss(0, 0.6), 1),
            NonManufacturingPMI=rounded(nm, 1), ServicesPMI=rounded(nm - 1.2 + rng.gauss(0, 0.3), 1),
            ConstructionPMI=rounded(clip(nm + 4.5 + rng.gauss(0, 1.0), 35, 66), 1),
            CompositePMI=rounded(0.45 * prod + 0.55 * nm + rng.gauss(0, 0.1), 1) if day.year >= 2018 else None,
            CaixinMfgPMI=rounded(p + 0.2 + rng.gauss(0, 0.6) + (4.0 if shock else 0), 1),
            CaixinServicesPMI=rounded(nm - 0.5 + rng.gauss(0, 0.8), 1),
        )
        rows.append(row)
    return rows


# --- real US data ---------------------------------------------------------------------------------

def _read_csv(name: str) -> list[dict]:
    with open(SOURCES / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _us_quarterly() -> list[dict]:
    rows = []
    data = _read_csv("us_macrodata.csv")
    for i, rec in enumerate(data):
        year, q = int(rec["year"]), int(rec["quarter"])
        gdp = float(rec["realgdp"])
        prev = float(data[i - 1]["realgdp"]) if i else None
        ago = float(data[i - 4]["realgdp"]) if i >= 4 else None
        rows.append(dict(
            EndDate=dt.date(year, 3 * q, 30 if q in (2, 3) else 31).isoformat(), Year=year, Quarter=q,
            RealGDP=gdp, RealCons=float(rec["realcons"]), RealInv=float(rec["realinv"]),
            RealGovt=float(rec["realgovt"]), RealDPI=float(rec["realdpi"]), CPI=float(rec["cpi"]),
            M1=float(rec["m1"]), TBillRate=float(rec["tbilrate"]), Unemp=float(rec["unemp"]), Pop=float(rec["pop"]),
            Infl=float(rec["infl"]), RealInt=float(rec["realint"]),
            RealGDPQoQAnnualized=rounded(((gdp / prev) ** 4 - 1) * 100, 2) if prev else None,
            RealGDPYoY=rounded((gdp / ago - 1) * 100, 2) if ago else None))
    return rows


def _us_longley() -> list[dict]:
    return [dict(Year=int(rec["YEAR"]), TotalEmployment=float(rec["TOTEMP"]), GNPDeflator=float(rec["GNPDEFL"]),
                 GNP=float(rec["GNP"]), Unemployed=float(rec["UNEMP"]), ArmedForces=float(rec["ARMED"]),
                 Population=float(rec["POP"])) for rec in _read_csv("us_longley.csv")]


# --- indicator catalogue --------------------------------------------------------------------------

# code, zh, en, category zh, category en, table, column, region, frequency, unit, unit zh, real?
INDICATORS = (
    ("CN.GDP.NOM.Q", "国内生产总值(现价,当季)", "GDP at current prices, quarter", "国民经济核算", "National accounts",
     "ed_gdp", "GDP", "CHN", "Q", "CNY 100m", "亿元", 0),
    ("CN.GDP.YOY.Q", "GDP不变价当季同比", "Real GDP growth, quarter YoY", "国民经济核算", "National accounts",
     "ed_gdp", "GDPYoY", "CHN", "Q", "%", "%", 0),
    ("CN.GDP.YOY.CUM", "GDP不变价累计同比", "Real GDP growth, year-to-date YoY", "国民经济核算", "National accounts",
     "ed_gdp", "GDPCumYoY", "CHN", "Q", "%", "%", 0),
    ("CN.GDP.QOQ.SA", "GDP季调环比", "Real GDP growth, quarter on quarter (seasonally adjusted)", "国民经济核算",
     "National accounts", "ed_gdp", "GDPQoQ", "CHN", "Q", "%", "%", 0),
    ("CN.GDP.DEFL.YOY", "GDP平减指数同比", "GDP deflator YoY", "国民经济核算", "National accounts", "ed_gdp",
     "GDPDeflatorYoY", "CHN", "Q", "%", "%", 0),
    ("CN.GDP.TER.SHARE", "第三产业增加值占比", "Tertiary industry share of GDP", "国民经济核算", "National accounts",
     "ed_gdp", "TertiaryShare", "CHN", "Q", "%", "%", 0),
    ("CN.GDP.CONS.CONTRIB", "最终消费支出对GDP累计同比的拉动", "Consumption contribution to GDP growth",
     "国民经济核算", "National accounts", "ed_gdp", "ConsumptionContribution", "CHN", "Q", "pp", "百分点", 0),
    ("CN.CPI.YOY", "CPI当月同比", "CPI YoY", "价格", "Prices", "ed_cpi", "YoY", "CHN", "M", "%", "%", 0),
    ("CN.CPI.MOM", "CPI当月环比", "CPI MoM", "价格", "Prices", "ed_cpi", "MoM", "CHN", "M", "%", "%", 0),
    ("CN.CPI.CORE.YOY", "核心CPI当月同比", "Core CPI YoY", "价格", "Prices", "ed_cpi", "YoY", "CHN", "M", "%", "%", 0),
    ("CN.CPI.PORK.YOY", "猪肉价格同比", "Pork price YoY", "价格", "Prices", "ed_cpi", "YoY", "CHN", "M", "%", "%", 0),
    ("CN.PPI.YOY", "PPI当月同比", "PPI YoY", "价格", "Prices", "ed_ppi", "PPIYoY", "CHN", "M", "%", "%", 0),
    ("CN.PPI.MOM", "PPI当月环比", "PPI MoM", "价格", "Prices", "ed_ppi", "PPIMoM", "CHN", "M", "%", "%", 0),
    ("CN.PPIRM.YOY", "工业生产者购进价格同比", "Producer purchase price index YoY", "价格", "Prices", "ed_ppi",
     "PPIRMYoY", "CHN", "M", "%", "%", 0),
    ("CN.UNEMP.URBAN", "全国城镇调查失业率", "Surveyed urban unemployment rate", "就业", "Labour",
     "ed_unemployment", "SurveyedUnempRate", "CHN", "M", "%", "%", 0),
    ("CN.UNEMP.16_24", "16-24岁人口调查失业率", "Unemployment rate, ages 16-24", "就业", "Labour",
     "ed_unemployment", "Rate16to24", "CHN", "M", "%", "%", 0),
    ("CN.JOBS.NEW.CUM", "城镇新增就业人数累计", "New urban jobs, year to date", "就业", "Labour", "ed_unemployment",
     "NewUrbanJobsCum", "CHN", "M", "10k persons", "万人", 0),
    ("CN.RATE.OMO7D", "7天逆回购利率", "7-day reverse repo rate", "利率", "Interest rates", "ed_policyrate", "Rate",
     "CHN", "E", "%", "%", 0),
    ("CN.RATE.MLF1Y", "1年期MLF利率", "1-year MLF rate", "利率", "Interest rates", "ed_policyrate", "Rate", "CHN",
     "E", "%", "%", 0),
    ("CN.RATE.RRR", "存款准备金率(大型机构)", "Reserve requirement ratio (large banks)", "利率", "Interest rates",
     "ed_policyrate", "Rate", "CHN", "E", "%", "%", 0),
    ("CN.LPR.1Y", "1年期贷款市场报价利率(LPR)", "1-year loan prime rate", "利率", "Interest rates", "ed_lpr",
     "LPR1Y", "CHN", "M", "%", "%", 0),
    ("CN.LPR.5Y", "5年期以上贷款市场报价利率(LPR)", "5-year loan prime rate", "利率", "Interest rates", "ed_lpr",
     "LPR5Y", "CHN", "M", "%", "%", 0),
    ("CN.SHIBOR.ON", "隔夜SHIBOR", "Overnight SHIBOR", "利率", "Interest rates", "ed_marketrate", "ShiborON", "CHN",
     "D", "%", "%", 0),
    ("CN.SHIBOR.3M", "3个月SHIBOR", "3-month SHIBOR", "利率", "Interest rates", "ed_marketrate", "Shibor3M", "CHN",
     "D", "%", "%", 0),
    ("CN.DR007", "存款类机构7天质押式回购利率(DR007)", "DR007 repo rate", "利率", "Interest rates", "ed_marketrate",
     "DR007", "CHN", "D", "%", "%", 0),
    ("CN.CGB.1Y", "1年期国债到期收益率", "1-year government bond yield", "利率", "Interest rates", "ed_marketrate",
     "CGB1Y", "CHN", "D", "%", "%", 0),
    ("CN.CGB.10Y", "10年期国债到期收益率", "10-year government bond yield", "利率", "Interest rates",
     "ed_marketrate", "CGB10Y", "CHN", "D", "%", "%", 0),
    ("CN.CGB.30Y", "30年期国债到期收益率", "30-year government bond yield", "利率", "Interest rates",
     "ed_marketrate", "CGB30Y", "CHN", "D", "%", "%", 0),
    ("CN.FX.USDCNY", "美元兑人民币中间价", "USD/CNY central parity", "汇率", "Exchange rates", "ed_fxrate", "MidRate",
     "CHN", "D", "CNY per USD", "人民币/美元", 0),
    ("CN.FX.EURCNY", "欧元兑人民币中间价", "EUR/CNY central parity", "汇率", "Exchange rates", "ed_fxrate",
     "MidRate", "CHN", "D", "CNY per EUR", "人民币/欧元", 0),
    ("CN.FX.JPYCNY", "100日元兑人民币中间价", "100 JPY/CNY central parity", "汇率", "Exchange rates", "ed_fxrate",
     "MidRate", "CHN", "D", "CNY per 100 JPY", "人民币/100日元", 0),
    ("CN.M2", "货币和准货币(M2)余额", "Broad money M2", "货币金融", "Money and credit", "ed_moneysupply", "M2", "CHN",
     "M", "CNY 100m", "亿元", 0),
    ("CN.M2.YOY", "M2同比", "M2 YoY", "货币金融", "Money and credit", "ed_moneysupply", "M2YoY", "CHN", "M", "%", "%",
     0),
    ("CN.M1.YOY", "M1同比", "M1 YoY", "货币金融", "Money and credit", "ed_moneysupply", "M1YoY", "CHN", "M", "%", "%",
     0),
    ("CN.M0.YOY", "M0同比", "M0 YoY", "货币金融", "Money and credit", "ed_moneysupply", "M0YoY", "CHN", "M", "%", "%",
     0),
    ("CN.LOANS.NEW", "新增人民币贷款", "New RMB loans", "货币金融", "Money and credit", "ed_moneysupply",
     "NewRMBLoans", "CHN", "M", "CNY 100m", "亿元", 0),
    ("CN.TSF.INC", "社会融资规模增量", "Total social financing, flow", "货币金融", "Money and credit",
     "ed_moneysupply", "TSFIncrement", "CHN", "M", "CNY 100m", "亿元", 0),
    ("CN.TRADE.EXP", "出口金额(美元)", "Exports (USD)", "对外贸易", "Foreign trade", "ed_trade", "Exports", "CHN", "M",
     "USD 100m", "亿美元", 0),
    ("CN.TRADE.IMP", "进口金额(美元)", "Imports (USD)", "对外贸易", "Foreign trade", "ed_trade", "Imports", "CHN", "M",
     "USD 100m", "亿美元", 0),
    ("CN.TRADE.BAL", "贸易差额(美元)", "Trade balance (USD)", "对外贸易", "Foreign trade", "ed_trade", "TradeBalance",
     "CHN", "M", "USD 100m", "亿美元", 0),
    ("CN.TRADE.CRUDE.QTY", "原油进口数量", "Crude oil imports, volume", "对外贸易", "Foreign trade",
     "ed_tradecommodity", "Quantity", "CHN", "M", "10k tonnes", "万吨", 0),
    ("CN.IVA.YOY", "规模以上工业增加值当月同比", "Industrial value added YoY", "工业", "Industry",
     "ed_industrialprod", "IndustrialVAYoY", "CHN", "M", "%", "%", 0),
    ("CN.STEEL.OUTPUT", "粗钢产量", "Crude steel output", "工业", "Industry", "ed_industrialprod", "CrudeSteelOutput",
     "CHN", "M", "10k tonnes", "万吨", 0),
    ("CN.POWER.OUTPUT", "发电量", "Power generation", "工业", "Industry", "ed_industrialprod", "PowerGeneration", "CHN",
     "M", "100m kWh", "亿千瓦时", 0),
    ("CN.NEV.OUTPUT", "新能源汽车产量", "New energy vehicle output", "工业", "Industry", "ed_industrialprod",
     "NEVOutput", "CHN", "M", "10k units", "万辆", 0),
    ("CN.CAPU", "工业产能利用率", "Industrial capacity utilisation", "工业", "Industry", "ed_industrialprod",
     "CapacityUtilization", "CHN", "Q", "%", "%", 0),
    ("CN.RETAIL.YOY", "社会消费品零售总额当月同比", "Retail sales YoY", "消费", "Consumption", "ed_retailsales",
     "RetailSalesYoY", "CHN", "M", "%", "%", 0),
    ("CN.RETAIL", "社会消费品零售总额(当月)", "Retail sales, month", "消费", "Consumption", "ed_retailsales",
     "RetailSales", "CHN", "M", "CNY 100m", "亿元", 0),
    ("CN.RETAIL.ONLINE.SHARE", "实物商品网上零售额占比", "Online physical goods share of retail", "消费",
     "Consumption", "ed_retailsales", "OnlinePhysicalShare", "CHN", "M", "%", "%", 0),
    ("CN.PMI.MFG", "制造业PMI", "Manufacturing PMI", "景气调查", "Business surveys", "ed_pmi", "ManufacturingPMI",
     "CHN", "M", "index", "指数", 0),
    ("CN.PMI.NONMFG", "非制造业商务活动指数", "Non-manufacturing PMI", "景气调查", "Business surveys", "ed_pmi",
     "NonManufacturingPMI", "CHN", "M", "index", "指数", 0),
    ("CN.PMI.CAIXIN", "财新制造业PMI", "Caixin manufacturing PMI", "景气调查", "Business surveys", "ed_pmi",
     "CaixinMfgPMI", "CHN", "M", "index", "指数", 0),
    ("US.GDP.REAL", "美国实际GDP", "US real GDP", "国民经济核算", "National accounts", "ed_usmacroquarterly",
     "RealGDP", "USA", "Q", "USD bn (chained 2005, SAAR)", "十亿美元(2005年链式价格,季调年率)", 1),
    ("US.GDP.REAL.YOY", "美国实际GDP同比", "US real GDP growth YoY", "国民经济核算", "National accounts",
     "ed_usmacroquarterly", "RealGDPYoY", "USA", "Q", "%", "%", 1),
    ("US.CONS.REAL", "美国实际个人消费支出", "US real personal consumption", "国民经济核算", "National accounts",
     "ed_usmacroquarterly", "RealCons", "USA", "Q", "USD bn (chained 2005, SAAR)", "十亿美元(2005年链式价格,季调年率)", 1),
    ("US.CPI", "美国CPI指数", "US CPI index", "价格", "Prices", "ed_usmacroquarterly", "CPI", "USA", "Q",
     "index 1982-84=100", "指数(1982-84=100)", 1),
    ("US.INFL", "美国通胀率(年化)", "US inflation rate (annualised)", "价格", "Prices", "ed_usmacroquarterly", "Infl",
     "USA", "Q", "%", "%", 1),
    ("US.TBILL.3M", "美国3个月国库券利率", "US 3-month Treasury bill rate", "利率", "Interest rates",
     "ed_usmacroquarterly", "TBillRate", "USA", "Q", "%", "%", 1),
    ("US.UNEMP", "美国失业率", "US unemployment rate", "就业", "Labour", "ed_usmacroquarterly", "Unemp", "USA", "Q",
     "%", "%", 1),
    ("US.M1", "美国M1货币供应量", "US M1 money stock", "货币金融", "Money and credit", "ed_usmacroquarterly", "M1",
     "USA", "Q", "USD bn", "十亿美元", 1),
    ("US.POP", "美国人口", "US population", "人口", "Population", "ed_usmacroquarterly", "Pop", "USA", "Q",
     "million persons", "百万人", 1),
    ("US.GNP.LONGLEY", "美国国民生产总值(Longley)", "US GNP (Longley)", "国民经济核算", "National accounts",
     "ed_uslongley", "GNP", "USA", "A", "USD million", "百万美元", 1),
    ("US.EMP.LONGLEY", "美国总就业人数(Longley)", "US total employment (Longley)", "就业", "Labour", "ed_uslongley",
     "TotalEmployment", "USA", "A", "thousand persons", "千人", 1),
)
FREQ_ZH = {"D": "日", "M": "月", "Q": "季", "A": "年", "E": "不定期(调整时公布)"}
US_SRC = ("美联储圣路易斯分行FRED、美国劳工统计局(经statsmodels macrodata,公有领域)",
          "FRED (Federal Reserve Bank of St. Louis) and BLS, via statsmodels macrodata; public domain")
LONGLEY_SRC = ("Longley (1967), NIST StRD(经statsmodels,公有领域)",
               "Longley (1967) via NIST StRD and statsmodels; public domain")


def _indicator_rows(conn: sqlite3.Connection) -> list[dict]:
    date_col = {"ed_uslongley": "Year", "ed_policyrate": "ChangeDate", "ed_lpr": "TradingDay",
                "ed_marketrate": "TradingDay", "ed_fxrate": "TradingDay"}
    filters = {"CN.CPI.YOY": "CategoryCode = 'A00'", "CN.CPI.MOM": "CategoryCode = 'A00'",
               "CN.CPI.CORE.YOY": "CategoryCode = 'B01'", "CN.CPI.PORK.YOY": "CategoryCode = 'A010101'",
               "CN.RATE.OMO7D": "RateCode = 'OMO7D'", "CN.RATE.MLF1Y": "RateCode = 'MLF1Y'",
               "CN.RATE.RRR": "RateCode = 'RRR'", "CN.FX.USDCNY": "CurrencyCode = 'USD'",
               "CN.FX.EURCNY": "CurrencyCode = 'EUR'", "CN.FX.JPYCNY": "CurrencyCode = 'JPY'",
               "CN.TRADE.EXP": "RegionCode = 'WLD'", "CN.TRADE.IMP": "RegionCode = 'WLD'",
               "CN.TRADE.BAL": "RegionCode = 'WLD'", "CN.TRADE.CRUDE.QTY": "CommodityCode = 'I01'"}
    rows = []
    for code, zh, en, cat, cat_en, table, column, region, freq, unit, unit_zh, real in INDICATORS:
        when = date_col.get(table, "EndDate")
        where = f"{column} IS NOT NULL" + (f" AND {filters[code]}" if code in filters else "")
        first, last = conn.execute(f"SELECT MIN({when}), MAX({when}) FROM {table} WHERE {where}").fetchone()
        src = (LONGLEY_SRC if table == "ed_uslongley" else US_SRC) if real else SYNTH_SRC
        if table in ("ed_policyrate", "ed_lpr"):
            src = ("人民银行公告的近似重建(合成级,非权威)",
                   "Approximate reconstruction of PBoC announcements (not authoritative)")
        rows.append(dict(IndicatorCode=code, ChiName=zh, EngName=en, Category=cat, CategoryEn=cat_en, TableName=table,
                         ColumnName=column, FilterCondition=filters.get(code), RegionCode=region, Frequency=freq,
                         FrequencyZh=FREQ_ZH[freq], Unit=unit, UnitZh=unit_zh, Source=src[1], SourceZh=src[0],
                         IfSynthetic=0 if real else 1, StartDate=str(first), EndDate=str(last)))
    return rows


# --- DDL and build --------------------------------------------------------------------------------

def _cols(*names: str, kind: str = "REAL") -> str:
    return "\n".join(f"{n} {kind}" for n in names)


def _ddl(conn: sqlite3.Connection) -> dict[str, list[str]]:
    region_fk = ((("RegionCode",), "ed_region", ("RegionCode",)),)
    t = {}
    t["ed_region"] = create_table(conn, "ed_region", """
        RegionCode TEXT NOT NULL
        ChiName TEXT NOT NULL
        EngName TEXT NOT NULL
        RegionType INTEGER
        Continent TEXT
        ContinentZh TEXT
        CurrencyCode TEXT
        CurrencyName TEXT
        CurrencyNameEn TEXT
        IfG20 INTEGER
        IncomeGroup TEXT
        IncomeGroupZh TEXT
    """, ("RegionCode",))
    t["ed_indicator"] = create_table(conn, "ed_indicator", """
        IndicatorCode TEXT NOT NULL
        ChiName TEXT NOT NULL
        EngName TEXT NOT NULL
        Category TEXT
        CategoryEn TEXT
        TableName TEXT
        ColumnName TEXT
        FilterCondition TEXT
        RegionCode TEXT
        Frequency TEXT
        FrequencyZh TEXT
        Unit TEXT
        UnitZh TEXT
        Source TEXT
        SourceZh TEXT
        IfSynthetic INTEGER
        StartDate TEXT
        EndDate TEXT
    """, ("IndicatorCode",), region_fk)
    industry_cols = [f"{stem}{suffix}" for _c, stem, *_ in GDP_INDUSTRIES for suffix in ("VA", "YoY")]
    t["ed_gdp"] = create_table(conn, "ed_gdp", "EndDate TEXT NOT NULL\nYear INTEGER\nQuarter INTEGER\n" + _cols(
        "GDP", "GDPCum", "GDPYoY", "GDPCumYoY", "GDPQoQ", "NominalGDPYoY", "GDPDeflatorYoY", "PrimaryIndustryVA",
        "SecondaryIndustryVA", "TertiaryIndustryVA", "PrimaryYoY", "SecondaryYoY", "TertiaryYoY", "PrimaryShare",
        "SecondaryShare", "TertiaryShare", *industry_cols, "ConsumptionContribution", "InvestmentContribution",
        "NetExportContribution"), ("EndDate",))
    t["ed_cpi"] = create_table(conn, "ed_cpi", """
        EndDate TEXT NOT NULL
        CategoryCode TEXT NOT NULL
        CategoryName TEXT
        CategoryNameEn TEXT
        YoY REAL
        MoM REAL
        CumYoY REAL
        IndexLastYear REAL
    """, ("EndDate", "CategoryCode"))
    t["ed_ppi"] = create_table(conn, "ed_ppi", "EndDate TEXT NOT NULL\n" + _cols(
        "PPIYoY", "PPIMoM", "PPICumYoY", *[p[0] for p in PPI_PARTS], "PPIRMMoM"), ("EndDate",))
    t["ed_unemployment"] = create_table(conn, "ed_unemployment", "EndDate TEXT NOT NULL\n" + _cols(
        "SurveyedUnempRate", "Rate31Cities", "Rate16to24", "Rate25to29", "Rate25to59", "LocalHukouRate",
        "MigrantRate", "NewUrbanJobsCum", "RegisteredUnempRate", "AvgWeeklyHours"), ("EndDate",))
    t["ed_policyrate"] = create_table(conn, "ed_policyrate", """
        ChangeDate TEXT NOT NULL
        RateCode TEXT NOT NULL
        RateName TEXT
        RateNameEn TEXT
        Rate REAL
        PreviousRate REAL
        ChangeBP REAL
    """, ("RateCode", "ChangeDate"))
    t["ed_lpr"] = create_table(conn, "ed_lpr", "TradingDay TEXT NOT NULL\n" + _cols(
        "LPR1Y", "LPR5Y", "LPR1YChangeBP", "LPR5YChangeBP"), ("TradingDay",))
    t["ed_marketrate"] = create_table(conn, "ed_marketrate", "TradingDay TEXT NOT NULL\n" + _cols(
        "ShiborON", "Shibor1W", "Shibor2W", "Shibor1M", "Shibor3M", "Shibor6M", "Shibor9M", "Shibor1Y", "DR001",
        "DR007", "R007", "CGB1Y", "CGB2Y", "CGB3Y", "CGB5Y", "CGB7Y", "CGB10Y", "CGB30Y", "CDB10Y"), ("TradingDay",))
    t["ed_fxrate"] = create_table(conn, "ed_fxrate", """
        TradingDay TEXT NOT NULL
        CurrencyCode TEXT NOT NULL
        RegionCode TEXT NOT NULL
        CurrencyPair TEXT
        QuoteUnit INTEGER
        MidRate REAL
        ChangePCT REAL
    """, ("TradingDay", "CurrencyCode"), region_fk)
    t["ed_moneysupply"] = create_table(conn, "ed_moneysupply", "EndDate TEXT NOT NULL\n" + _cols(
        "M0", "M0YoY", "M1", "M1YoY", "M2", "M2YoY", "NewRMBLoans", "NewRMBLoansCum", "RMBLoanBalance", "RMBLoanYoY",
        "RMBDepositBalance", "TSFIncrement", "TSFStock", "TSFStockYoY"), ("EndDate",))
    t["ed_trade"] = create_table(conn, "ed_trade", "EndDate TEXT NOT NULL\nRegionCode TEXT NOT NULL\n" + _cols(
        "Exports", "Imports", "TradeBalance", "ExportsYoY", "ImportsYoY", "ExportsCum", "ImportsCum",
        "ExportsCumYoY", "ImportsCumYoY"), ("EndDate", "RegionCode"), region_fk)
    t["ed_tradecommodity"] = create_table(conn, "ed_tradecommodity", """
        EndDate TEXT NOT NULL
        CommodityCode TEXT NOT NULL
        CommodityName TEXT
        CommodityNameEn TEXT
        Direction INTEGER
        Quantity REAL
        QuantityUnit TEXT
        QuantityUnitEn TEXT
        QuantityYoY REAL
        Value REAL
        ValueYoY REAL
    """, ("EndDate", "CommodityCode"))
    t["ed_industrialprod"] = create_table(conn, "ed_industrialprod", "EndDate TEXT NOT NULL\n" + _cols(
        "IndustrialVAYoY", "IndustrialVACumYoY", *[p[0] for p in IVA_PARTS], *[o[0] for o in OUTPUTS],
        "CapacityUtilization"), ("EndDate",))
    t["ed_retailsales"] = create_table(conn, "ed_retailsales", "EndDate TEXT NOT NULL\n" + _cols(
        "RetailSales", "RetailSalesYoY", "RetailSalesCum", "RetailSalesCumYoY", "OnlineRetailCum",
        "OnlineRetailCumYoY", "OnlinePhysicalGoodsCum", "OnlinePhysicalShare", "CateringRevenue", "CateringYoY",
        "GoodsRetail", "GoodsRetailYoY", "UrbanRetail", "UrbanRetailYoY", "RuralRetail", "RuralRetailYoY",
        "AutoRetailYoY"), ("EndDate",))
    t["ed_pmi"] = create_table(conn, "ed_pmi", "EndDate TEXT NOT NULL\n" + _cols(
        "ManufacturingPMI", "Production", "NewOrders", "NewExportOrders", "Backlog", "FinishedGoodsInventory",
        "PurchaseQuantity", "Imports", "PurchasePrice", "ExFactoryPrice", "RawMaterialInventory", "Employment",
        "SupplierDeliveryTime", "ProductionExpectation", "LargeEnterprisePMI", "MediumEnterprisePMI",
        "SmallEnterprisePMI", "NonManufacturingPMI", "ServicesPMI", "ConstructionPMI", "CompositePMI",
        "CaixinMfgPMI", "CaixinServicesPMI"), ("EndDate",))
    t["ed_usmacroquarterly"] = create_table(conn, "ed_usmacroquarterly", "EndDate TEXT NOT NULL\nYear INTEGER\n"
                                            "Quarter INTEGER\n" + _cols(
        "RealGDP", "RealCons", "RealInv", "RealGovt", "RealDPI", "CPI", "M1", "TBillRate", "Unemp", "Pop", "Infl",
        "RealInt", "RealGDPQoQAnnualized", "RealGDPYoY"), ("EndDate",))
    t["ed_uslongley"] = create_table(conn, "ed_uslongley", "Year INTEGER NOT NULL\n" + _cols(
        "TotalEmployment", "GNPDeflator", "GNP", "Unemployed", "ArmedForces", "Population"), ("Year",))
    return t


def build(conn: sqlite3.Connection, rng: random.Random) -> None:
    """Create and fill every table of the macro database."""
    cols = _ddl(conn)
    days = trading_days(DAY_START, DAY_END)
    calendar = trading_days(DAY_START, dt.date(2024, 12, 31))
    insert_dicts(conn, "ed_region", cols["ed_region"], _regions())
    insert_dicts(conn, "ed_gdp", cols["ed_gdp"], _gdp(rng))
    insert_dicts(conn, "ed_cpi", cols["ed_cpi"], _cpi(rng))
    insert_dicts(conn, "ed_ppi", cols["ed_ppi"], _ppi(rng))
    insert_dicts(conn, "ed_unemployment", cols["ed_unemployment"], _unemployment(rng))
    insert_dicts(conn, "ed_policyrate", cols["ed_policyrate"], _policy_rates())
    insert_dicts(conn, "ed_lpr", cols["ed_lpr"], _lpr(calendar))
    insert_dicts(conn, "ed_marketrate", cols["ed_marketrate"], _market_rates(rng, days))
    insert_tuples(conn, "ed_fxrate", cols["ed_fxrate"], _fx(rng, days))
    insert_dicts(conn, "ed_moneysupply", cols["ed_moneysupply"], _money(rng))
    trade = _trade(rng)
    insert_dicts(conn, "ed_trade", cols["ed_trade"], trade)
    world = {r["EndDate"][:7]: r["Exports"] for r in trade if r["RegionCode"] == "WLD"}
    insert_dicts(conn, "ed_tradecommodity", cols["ed_tradecommodity"], _trade_goods(rng, world))
    insert_dicts(conn, "ed_industrialprod", cols["ed_industrialprod"], _industrial(rng))
    insert_dicts(conn, "ed_retailsales", cols["ed_retailsales"], _retail(rng))
    insert_dicts(conn, "ed_pmi", cols["ed_pmi"], _pmi(rng))
    insert_dicts(conn, "ed_usmacroquarterly", cols["ed_usmacroquarterly"], _us_quarterly())
    insert_dicts(conn, "ed_uslongley", cols["ed_uslongley"], _us_longley())
    insert_dicts(conn, "ed_indicator", cols["ed_indicator"], _indicator_rows(conn))
