"""Small deterministic helpers shared by the fund and bank builders: person names with pinyin, an
overseas weekday calendar and date formatting (the Chinese exchange calendar is in ``_stockfake``).

Every function takes the caller's ``random.Random``; nothing here uses global randomness.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

# Common surnames (weighted roughly by frequency: the list order is used as a weight).
SURNAMES: tuple[tuple[str, str], ...] = (
    ("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"),
    ("黄", "Huang"), ("赵", "Zhao"), ("吴", "Wu"), ("周", "Zhou"), ("徐", "Xu"), ("孙", "Sun"),
    ("马", "Ma"), ("朱", "Zhu"), ("胡", "Hu"), ("郭", "Guo"), ("何", "He"), ("高", "Gao"),
    ("林", "Lin"), ("罗", "Luo"), ("郑", "Zheng"), ("梁", "Liang"), ("谢", "Xie"), ("宋", "Song"),
    ("唐", "Tang"), ("许", "Xu"), ("韩", "Han"), ("冯", "Feng"), ("邓", "Deng"), ("曹", "Cao"),
    ("彭", "Peng"), ("曾", "Zeng"), ("肖", "Xiao"), ("田", "Tian"), ("董", "Dong"), ("袁", "Yuan"),
    ("潘", "Pan"), ("蒋", "Jiang"), ("蔡", "Cai"), ("余", "Yu"), ("杜", "Du"), ("叶", "Ye"),
    ("程", "Cheng"), ("魏", "Wei"), ("苏", "Su"), ("吕", "Lyu"), ("丁", "Ding"), ("沈", "Shen"),
    ("姚", "Yao"), ("卢", "Lu"), ("傅", "Fu"), ("钟", "Zhong"), ("姜", "Jiang"), ("崔", "Cui"),
    ("谭", "Tan"), ("陆", "Lu"), ("范", "Fan"), ("汪", "Wang"), ("廖", "Liao"), ("石", "Shi"),
    ("金", "Jin"), ("贾", "Jia"), ("夏", "Xia"), ("方", "Fang"), ("邹", "Zou"), ("熊", "Xiong"),
    ("白", "Bai"), ("孟", "Meng"), ("秦", "Qin"), ("邱", "Qiu"), ("侯", "Hou"), ("江", "Jiang"),
    ("尹", "Yin"), ("薛", "Xue"), ("段", "Duan"), ("雷", "Lei"), ("龙", "Long"), ("史", "Shi"),
    ("陶", "Tao"), ("贺", "He"), ("毛", "Mao"), ("郝", "Hao"), ("顾", "Gu"), ("龚", "Gong"),
    ("邵", "Shao"), ("万", "Wan"), ("钱", "Qian"), ("戴", "Dai"), ("严", "Yan"), ("欧阳", "Ouyang"),
    ("孔", "Kong"), ("向", "Xiang"), ("常", "Chang"), ("司马", "Sima"), ("上官", "Shangguan"),
)
_SURNAME_WEIGHTS = [len(SURNAMES) + 20 - i for i in range(len(SURNAMES))]

MALE_CHARS: tuple[tuple[str, str], ...] = (
    ("伟", "wei"), ("强", "qiang"), ("磊", "lei"), ("军", "jun"), ("勇", "yong"), ("杰", "jie"),
    ("涛", "tao"), ("明", "ming"), ("超", "chao"), ("刚", "gang"), ("建", "jian"), ("国", "guo"),
    ("鹏", "peng"), ("辉", "hui"), ("海", "hai"), ("志", "zhi"), ("俊", "jun"), ("峰", "feng"),
    ("斌", "bin"), ("浩", "hao"), ("凯", "kai"), ("博", "bo"), ("翔", "xiang"), ("泽", "ze"),
    ("昊", "hao"), ("毅", "yi"), ("松", "song"), ("航", "hang"), ("锋", "feng"), ("振", "zhen"),
    ("飞", "fei"), ("宏", "hong"), ("兵", "bing"), ("亮", "liang"), ("东", "dong"), ("彬", "bin"),
    ("骏", "jun"), ("卓", "zhuo"), ("远", "yuan"), ("健", "jian"), ("鑫", "xin"), ("永", "yong"),
)
FEMALE_CHARS: tuple[tuple[str, str], ...] = (
    ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"), ("丽", "li"), ("艳", "yan"),
    ("娟", "juan"), ("秀", "xiu"), ("霞", "xia"), ("婷", "ting"), ("慧", "hui"), ("红", "hong"),
    ("琳", "lin"), ("颖", "ying"), ("欣", "xin"), ("璐", "lu"), ("倩", "qian"), ("雪", "xue"),
    ("悦", "yue"), ("蕾", "lei"), ("梦", "meng"), ("露", "lu"), ("丹", "dan"), ("萍", "ping"),
    ("莉", "li"), ("晶", "jing"), ("珊", "shan"), ("蓉", "rong"), ("洁", "jie"), ("薇", "wei"),
)
NEUTRAL_CHARS: tuple[tuple[str, str], ...] = (
    ("文", "wen"), ("华", "hua"), ("晓", "xiao"), ("宇", "yu"), ("平", "ping"), ("晨", "chen"),
    ("然", "ran"), ("思", "si"), ("雨", "yu"), ("佳", "jia"), ("嘉", "jia"), ("子", "zi"),
    ("一", "yi"), ("天", "tian"), ("瑞", "rui"), ("宁", "ning"), ("安", "an"), ("林", "lin"),
    ("帆", "fan"), ("立", "li"), ("春", "chun"), ("秋", "qiu"), ("新", "xin"), ("荣", "rong"),
    ("阳", "yang"), ("君", "jun"), ("越", "yue"), ("清", "qing"), ("怡", "yi"), ("若", "ruo"),
)


def person_name(rng: random.Random, gender: str | None = None) -> tuple[str, str, str]:
    """Return (Chinese name, pinyin name 'Zhang Xiaoming', gender 'M'/'F')."""
    if gender is None:
        gender = "M" if rng.random() < 0.55 else "F"
    sur_zh, sur_en = rng.choices(SURNAMES, weights=_SURNAME_WEIGHTS)[0]
    own = MALE_CHARS if gender == "M" else FEMALE_CHARS
    pool = own + NEUTRAL_CHARS
    if rng.random() < 0.25:
        chars = [rng.choice(own)]
    else:
        chars = [rng.choice(pool), rng.choice(own)]
        if chars[0][0] == chars[1][0]:
            chars = [chars[1]]
    given_zh = "".join(c for c, _ in chars)
    given_en = "".join(p for _, p in chars).capitalize()
    return sur_zh + given_zh, f"{sur_en} {given_en}", gender


def unique_names(rng: random.Random, n: int, gender_p_male: float = 0.55) -> list[tuple[str, str, str]]:
    """``n`` distinct person names (distinct in Chinese)."""
    seen: set[str] = set()
    out: list[tuple[str, str, str]] = []
    while len(out) < n:
        zh, en, g = person_name(rng, "M" if rng.random() < gender_p_male else "F")
        if zh not in seen:
            seen.add(zh)
            out.append((zh, en, g))
    return out


def weekdays(start: date, end: date, skip: tuple[str, ...] = ("01-01", "12-25")) -> list[date]:
    """Weekdays in [start, end] except the given month-day holidays (overseas market calendar)."""
    out = []
    d = start
    while d <= end:
        if d.weekday() < 5 and d.isoformat()[5:] not in skip:
            out.append(d)
        d += timedelta(days=1)
    return out


def rand_date(rng: random.Random, start: date, end: date) -> date:
    """A uniformly random date in [start, end]."""
    return start + timedelta(days=rng.randint(0, max(0, (end - start).days)))


def ds(d: date | None) -> str | None:
    """'YYYY-MM-DD' (None stays None)."""
    return None if d is None else d.isoformat()


def dts(d: datetime) -> str:
    """'YYYY-MM-DD HH:MM:SS'."""
    return d.strftime("%Y-%m-%d %H:%M:%S")


def add_months(d: date, months: int) -> date:
    """``d`` plus ``months`` calendar months, clamped to the month's last day."""
    m = d.month - 1 + months
    y, m = d.year + m // 12, m % 12 + 1
    for day in (d.day, 30, 29, 28):
        try:
            return date(y, m, day)
        except ValueError:
            continue
    raise ValueError(d)
