"""Small deterministic helpers shared by the stock and macro builders.

Everything random takes an explicit ``random.Random`` so a seed always gives the same rows. Holds the
mainland-China exchange calendar (weekdays minus public holidays, 2019-2024), name pools with pinyin
for invented people and companies, and the city list used for company addresses.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import sqlite3

# Weekday exchange closures (Shanghai/Shenzhen) for public holidays, as inclusive date ranges.
_HOLIDAY_RANGES: tuple[tuple[str, str], ...] = (
    ("2019-01-01", "2019-01-01"), ("2019-02-04", "2019-02-08"), ("2019-04-05", "2019-04-05"),
    ("2019-05-01", "2019-05-03"), ("2019-06-07", "2019-06-07"), ("2019-09-13", "2019-09-13"),
    ("2019-10-01", "2019-10-07"),
    ("2020-01-01", "2020-01-01"), ("2020-01-24", "2020-01-31"), ("2020-04-06", "2020-04-06"),
    ("2020-05-01", "2020-05-05"), ("2020-06-25", "2020-06-26"), ("2020-10-01", "2020-10-08"),
    ("2021-01-01", "2021-01-01"), ("2021-02-11", "2021-02-17"), ("2021-04-05", "2021-04-05"),
    ("2021-05-03", "2021-05-05"), ("2021-06-14", "2021-06-14"), ("2021-09-20", "2021-09-21"),
    ("2021-10-01", "2021-10-07"),
    ("2022-01-03", "2022-01-03"), ("2022-01-31", "2022-02-04"), ("2022-04-04", "2022-04-05"),
    ("2022-05-02", "2022-05-04"), ("2022-06-03", "2022-06-03"), ("2022-09-12", "2022-09-12"),
    ("2022-10-03", "2022-10-07"),
    ("2023-01-02", "2023-01-02"), ("2023-01-23", "2023-01-27"), ("2023-04-05", "2023-04-05"),
    ("2023-05-01", "2023-05-03"), ("2023-06-22", "2023-06-23"), ("2023-09-29", "2023-09-29"),
    ("2023-10-02", "2023-10-06"),
    ("2024-01-01", "2024-01-01"), ("2024-02-09", "2024-02-16"), ("2024-04-04", "2024-04-05"),
    ("2024-05-01", "2024-05-03"), ("2024-06-10", "2024-06-10"),
)


def _holidays() -> frozenset[dt.date]:
    days = set()
    for start, end in _HOLIDAY_RANGES:
        day, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
        while day <= last:
            days.add(day)
            day += dt.timedelta(days=1)
    return frozenset(days)


HOLIDAYS = _holidays()


def trading_days(start: dt.date, end: dt.date) -> list[dt.date]:
    """Exchange trading days in [start, end]: weekdays that are not public holidays."""
    out = []
    day = start
    while day <= end:
        if day.weekday() < 5 and day not in HOLIDAYS:
            out.append(day)
        day += dt.timedelta(days=1)
    return out


def month_ends(first: tuple[int, int], last: tuple[int, int]) -> list[dt.date]:
    """Last calendar day of every month from (year, month) ``first`` to ``last`` inclusive."""
    out = []
    year, month = first
    while (year, month) <= last:
        nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
        out.append(nxt - dt.timedelta(days=1))
        year, month = nxt.year, nxt.month
    return out


def quarter_end(year: int, quarter: int) -> dt.date:
    return {1: dt.date(year, 3, 31), 2: dt.date(year, 6, 30), 3: dt.date(year, 9, 30),
            4: dt.date(year, 12, 31)}[quarter]


def lognormal(rng: random.Random, median: float, sigma: float, lo: float | None = None,
              hi: float | None = None) -> float:
    value = median * math.exp(rng.gauss(0.0, sigma))
    if lo is not None:
        value = max(lo, value)
    if hi is not None:
        value = min(hi, value)
    return value


def clip(value: float, lo: float, hi: float) -> float:
    return lo if value < lo else hi if value > hi else value


def interpolate(points: list[tuple[float, float]], x: float) -> float:
    """Piecewise-linear interpolation through sorted (x, y) points, flat beyond the ends."""
    if x <= points[0][0]:
        return points[0][1]
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        if x <= x1:
            return y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    return points[-1][1]


def create_table(conn: sqlite3.Connection, name: str, spec: str, pk: tuple[str, ...],
                 fks: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...] = (),
                 without_rowid: bool = False) -> list[str]:
    """CREATE TABLE from a spec of ``Name TYPE`` lines; returns the column names in order.

    ``pk`` is the primary key columns; ``fks`` holds (columns, referenced table, referenced columns);
    ``without_rowid`` stores the rows clustered by the primary key (smaller for big composite-key tables).
    """
    lines = [line.split() for line in spec.strip().splitlines() if line.strip()]
    cols = [parts[0] for parts in lines]
    defs = [f"  {parts[0]} {' '.join(parts[1:])}" for parts in lines]
    defs.append(f"  PRIMARY KEY ({', '.join(pk)})")
    for columns, ref_table, ref_columns in fks:
        defs.append(f"  FOREIGN KEY ({', '.join(columns)}) REFERENCES {ref_table} ({', '.join(ref_columns)})")
    suffix = " WITHOUT ROWID" if without_rowid else ""
    conn.execute(f"CREATE TABLE {name} (\n" + ",\n".join(defs) + "\n)" + suffix)
    return cols


def insert_dicts(conn: sqlite3.Connection, name: str, cols: list[str], rows: list[dict]) -> None:
    marks = ", ".join("?" for _ in cols)
    conn.executemany(f"INSERT INTO {name} ({', '.join(cols)}) VALUES ({marks})",
                     [tuple(row.get(c) for c in cols) for row in rows])


def insert_tuples(conn: sqlite3.Connection, name: str, cols: list[str], rows: list[tuple]) -> None:
    marks = ", ".join("?" for _ in cols)
    conn.executemany(f"INSERT INTO {name} ({', '.join(cols)}) VALUES ({marks})", rows)


# --- names -----------------------------------------------------------------------------------------

SURNAMES: tuple[tuple[str, str], ...] = (
    ("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"),
    ("黄", "Huang"), ("赵", "Zhao"), ("吴", "Wu"), ("周", "Zhou"), ("徐", "Xu"), ("孙", "Sun"),
    ("马", "Ma"), ("朱", "Zhu"), ("胡", "Hu"), ("郭", "Guo"), ("何", "He"), ("高", "Gao"),
    ("林", "Lin"), ("罗", "Luo"), ("郑", "Zheng"), ("梁", "Liang"), ("谢", "Xie"), ("宋", "Song"),
    ("唐", "Tang"), ("许", "Xu"), ("韩", "Han"), ("冯", "Feng"), ("邓", "Deng"), ("曹", "Cao"),
    ("彭", "Peng"), ("曾", "Zeng"), ("肖", "Xiao"), ("田", "Tian"), ("董", "Dong"), ("袁", "Yuan"),
    ("潘", "Pan"), ("于", "Yu"), ("蒋", "Jiang"), ("蔡", "Cai"), ("余", "Yu"), ("杜", "Du"),
    ("叶", "Ye"), ("程", "Cheng"), ("苏", "Su"), ("魏", "Wei"), ("吕", "Lyu"), ("丁", "Ding"),
    ("任", "Ren"), ("沈", "Shen"), ("姚", "Yao"), ("卢", "Lu"), ("姜", "Jiang"), ("崔", "Cui"),
    ("钟", "Zhong"), ("谭", "Tan"), ("陆", "Lu"), ("汪", "Wang"), ("范", "Fan"), ("金", "Jin"),
    ("石", "Shi"), ("廖", "Liao"), ("贾", "Jia"), ("夏", "Xia"), ("韦", "Wei"), ("方", "Fang"),
    ("白", "Bai"), ("邹", "Zou"), ("孟", "Meng"), ("熊", "Xiong"), ("秦", "Qin"), ("邱", "Qiu"),
    ("江", "Jiang"), ("尹", "Yin"), ("薛", "Xue"), ("段", "Duan"), ("雷", "Lei"), ("侯", "Hou"),
    ("史", "Shi"), ("陶", "Tao"), ("黎", "Li"), ("贺", "He"), ("顾", "Gu"), ("毛", "Mao"),
    ("郝", "Hao"), ("龚", "Gong"), ("邵", "Shao"), ("万", "Wan"), ("钱", "Qian"), ("严", "Yan"),
    ("武", "Wu"), ("戴", "Dai"), ("孔", "Kong"), ("汤", "Tang"), ("欧阳", "Ouyang"), ("司马", "Sima"),
)

GIVEN_CHARS: tuple[tuple[str, str], ...] = (
    ("伟", "wei"), ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"), ("丽", "li"),
    ("强", "qiang"), ("磊", "lei"), ("军", "jun"), ("洋", "yang"), ("勇", "yong"), ("艳", "yan"),
    ("杰", "jie"), ("娟", "juan"), ("涛", "tao"), ("明", "ming"), ("超", "chao"), ("秀", "xiu"),
    ("霞", "xia"), ("平", "ping"), ("刚", "gang"), ("桂", "gui"), ("建", "jian"), ("国", "guo"),
    ("华", "hua"), ("志", "zhi"), ("文", "wen"), ("斌", "bin"), ("辉", "hui"), ("鹏", "peng"),
    ("宇", "yu"), ("浩", "hao"), ("凯", "kai"), ("健", "jian"), ("俊", "jun"), ("帆", "fan"),
    ("晨", "chen"), ("峰", "feng"), ("亮", "liang"), ("红", "hong"), ("玲", "ling"), ("雪", "xue"),
    ("梅", "mei"), ("琳", "lin"), ("晓", "xiao"), ("东", "dong"), ("海", "hai"), ("波", "bo"),
    ("斐", "fei"), ("睿", "rui"), ("思", "si"), ("嘉", "jia"), ("子", "zi"), ("昊", "hao"),
    ("然", "ran"), ("欣", "xin"), ("怡", "yi"), ("瑶", "yao"), ("婷", "ting"), ("雨", "yu"),
    ("泽", "ze"), ("博", "bo"), ("轩", "xuan"), ("德", "de"), ("荣", "rong"), ("新", "xin"),
    ("永", "yong"), ("庆", "qing"), ("春", "chun"), ("立", "li"), ("成", "cheng"), ("清", "qing"),
    ("振", "zhen"), ("毅", "yi"), ("卫", "wei"), ("宏", "hong"), ("彬", "bin"), ("锋", "feng"),
    ("佳", "jia"), ("慧", "hui"), ("琦", "qi"), ("蕾", "lei"), ("颖", "ying"), ("倩", "qian"),
    ("光", "guang"), ("松", "song"), ("林", "lin"), ("岩", "yan"), ("斯", "si"), ("卿", "qing"),
)

BRAND_CHARS: tuple[tuple[str, str], ...] = (
    ("华", "hua"), ("锐", "rui"), ("天", "tian"), ("衡", "heng"), ("鑫", "xin"), ("源", "yuan"),
    ("泰", "tai"), ("恒", "heng"), ("信", "xin"), ("达", "da"), ("瑞", "rui"), ("康", "kang"),
    ("宏", "hong"), ("盛", "sheng"), ("远", "yuan"), ("鼎", "ding"), ("金", "jin"), ("海", "hai"),
    ("江", "jiang"), ("龙", "long"), ("嘉", "jia"), ("博", "bo"), ("安", "an"), ("永", "yong"),
    ("通", "tong"), ("凯", "kai"), ("润", "run"), ("晶", "jing"), ("明", "ming"), ("丰", "feng"),
    ("辰", "chen"), ("航", "hang"), ("云", "yun"), ("峰", "feng"), ("立", "li"), ("德", "de"),
    ("星", "xing"), ("汇", "hui"), ("创", "chuang"), ("联", "lian"), ("元", "yuan"), ("和", "he"),
    ("正", "zheng"), ("光", "guang"), ("东", "dong"), ("长", "chang"), ("兴", "xing"), ("隆", "long"),
    ("昌", "chang"), ("裕", "yu"), ("富", "fu"), ("腾", "teng"), ("飞", "fei"), ("扬", "yang"),
    ("翔", "xiang"), ("骏", "jun"), ("弘", "hong"), ("启", "qi"), ("迪", "di"), ("拓", "tuo"),
    ("誉", "yu"), ("臻", "zhen"), ("朗", "lang"), ("宇", "yu"), ("景", "jing"), ("祥", "xiang"),
    ("同", "tong"), ("众", "zhong"), ("英", "ying"), ("卓", "zhuo"), ("越", "yue"), ("奥", "ao"),
    ("赛", "sai"), ("亿", "yi"), ("佳", "jia"), ("优", "you"), ("晟", "sheng"), ("昊", "hao"),
    ("睿", "rui"), ("坤", "kun"), ("乾", "qian"), ("帆", "fan"), ("岳", "yue"), ("川", "chuan"),
    ("阳", "yang"), ("青", "qing"), ("锦", "jin"), ("银", "yin"), ("森", "sen"), ("泽", "ze"),
    ("澜", "lan"), ("旭", "xu"), ("曜", "yao"), ("璟", "jing"), ("硕", "shuo"), ("聚", "ju"),
    ("力", "li"), ("美", "mei"), ("万", "wan"), ("九", "jiu"), ("禾", "he"), ("恩", "en"),
)

# (province zh, province en, city zh, city en, postcode, phone area code, weight)
CITIES: tuple[tuple[str, str, str, str, str, str, int], ...] = (
    ("北京市", "Beijing", "北京", "Beijing", "100000", "010", 14),
    ("上海市", "Shanghai", "上海", "Shanghai", "200000", "021", 13),
    ("天津市", "Tianjin", "天津", "Tianjin", "300000", "022", 3),
    ("重庆市", "Chongqing", "重庆", "Chongqing", "400000", "023", 3),
    ("广东省", "Guangdong", "深圳", "Shenzhen", "518000", "0755", 14),
    ("广东省", "Guangdong", "广州", "Guangzhou", "510000", "020", 6),
    ("广东省", "Guangdong", "东莞", "Dongguan", "523000", "0769", 3),
    ("广东省", "Guangdong", "佛山", "Foshan", "528000", "0757", 3),
    ("广东省", "Guangdong", "珠海", "Zhuhai", "519000", "0756", 2),
    ("浙江省", "Zhejiang", "杭州", "Hangzhou", "310000", "0571", 9),
    ("浙江省", "Zhejiang", "宁波", "Ningbo", "315000", "0574", 4),
    ("浙江省", "Zhejiang", "绍兴", "Shaoxing", "312000", "0575", 2),
    ("浙江省", "Zhejiang", "温州", "Wenzhou", "325000", "0577", 2),
    ("浙江省", "Zhejiang", "台州", "Taizhou", "318000", "0576", 2),
    ("江苏省", "Jiangsu", "南京", "Nanjing", "210000", "025", 5),
    ("江苏省", "Jiangsu", "苏州", "Suzhou", "215000", "0512", 7),
    ("江苏省", "Jiangsu", "无锡", "Wuxi", "214000", "0510", 3),
    ("江苏省", "Jiangsu", "常州", "Changzhou", "213000", "0519", 3),
    ("江苏省", "Jiangsu", "南通", "Nantong", "226000", "0513", 2),
    ("山东省", "Shandong", "济南", "Jinan", "250000", "0531", 3),
    ("山东省", "Shandong", "青岛", "Qingdao", "266000", "0532", 3),
    ("山东省", "Shandong", "烟台", "Yantai", "264000", "0535", 2),
    ("山东省", "Shandong", "潍坊", "Weifang", "261000", "0536", 1),
    ("福建省", "Fujian", "福州", "Fuzhou", "350000", "0591", 2),
    ("福建省", "Fujian", "厦门", "Xiamen", "361000", "0592", 3),
    ("福建省", "Fujian", "泉州", "Quanzhou", "362000", "0595", 1),
    ("四川省", "Sichuan", "成都", "Chengdu", "610000", "028", 5),
    ("四川省", "Sichuan", "绵阳", "Mianyang", "621000", "0816", 1),
    ("湖北省", "Hubei", "武汉", "Wuhan", "430000", "027", 4),
    ("湖北省", "Hubei", "宜昌", "Yichang", "443000", "0717", 1),
    ("湖南省", "Hunan", "长沙", "Changsha", "410000", "0731", 3),
    ("湖南省", "Hunan", "株洲", "Zhuzhou", "412000", "0731", 1),
    ("安徽省", "Anhui", "合肥", "Hefei", "230000", "0551", 4),
    ("安徽省", "Anhui", "芜湖", "Wuhu", "241000", "0553", 1),
    ("河南省", "Henan", "郑州", "Zhengzhou", "450000", "0371", 2),
    ("河南省", "Henan", "洛阳", "Luoyang", "471000", "0379", 1),
    ("河北省", "Hebei", "石家庄", "Shijiazhuang", "050000", "0311", 2),
    ("河北省", "Hebei", "唐山", "Tangshan", "063000", "0315", 1),
    ("陕西省", "Shaanxi", "西安", "Xi'an", "710000", "029", 3),
    ("辽宁省", "Liaoning", "沈阳", "Shenyang", "110000", "024", 2),
    ("辽宁省", "Liaoning", "大连", "Dalian", "116000", "0411", 2),
    ("江西省", "Jiangxi", "南昌", "Nanchang", "330000", "0791", 2),
    ("云南省", "Yunnan", "昆明", "Kunming", "650000", "0871", 1),
    ("贵州省", "Guizhou", "贵阳", "Guiyang", "550000", "0851", 1),
    ("贵州省", "Guizhou", "遵义", "Zunyi", "563000", "0851", 1),
    ("山西省", "Shanxi", "太原", "Taiyuan", "030000", "0351", 2),
    ("内蒙古自治区", "Inner Mongolia", "鄂尔多斯", "Ordos", "017000", "0477", 1),
    ("内蒙古自治区", "Inner Mongolia", "包头", "Baotou", "014000", "0472", 1),
    ("新疆维吾尔自治区", "Xinjiang", "乌鲁木齐", "Urumqi", "830000", "0991", 1),
    ("吉林省", "Jilin", "长春", "Changchun", "130000", "0431", 1),
    ("黑龙江省", "Heilongjiang", "哈尔滨", "Harbin", "150000", "0451", 1),
    ("广西壮族自治区", "Guangxi", "南宁", "Nanning", "530000", "0771", 1),
    ("甘肃省", "Gansu", "兰州", "Lanzhou", "730000", "0931", 1),
    ("海南省", "Hainan", "海口", "Haikou", "570000", "0898", 1),
)

MUNICIPALITIES = frozenset({"北京", "上海", "天津", "重庆"})
DISTRICTS = ("高新技术产业开发区", "经济技术开发区", "工业园区", "新区", "滨江区", "开发区")
MUNI_DISTRICTS = {
    "北京": ("海淀区", "朝阳区", "西城区", "东城区", "丰台区", "昌平区"),
    "上海": ("浦东新区", "闵行区", "徐汇区", "黄浦区", "嘉定区", "松江区"),
    "天津": ("滨海新区", "河西区", "南开区"),
    "重庆": ("渝北区", "江北区", "九龙坡区"),
}
ROADS = ("科技", "创新", "建设", "人民", "解放", "中山", "长江", "黄河", "华夏", "学府", "金融", "东方",
         "新华", "复兴", "世纪", "园区", "光明", "振兴")


def weighted_choice(rng: random.Random, items: list, weights: list[float]):
    total = sum(weights)
    pick = rng.random() * total
    for item, weight in zip(items, weights, strict=True):
        pick -= weight
        if pick <= 0:
            return item
    return items[-1]


def person_name(rng: random.Random, used: set[str] | None = None) -> tuple[str, str, int]:
    """(Chinese name, pinyin name 'Surname Given', gender 1=male/2=female), unique within ``used``."""
    for _ in range(200):
        sur, sur_py = SURNAMES[min(int(rng.random() ** 1.6 * len(SURNAMES)), len(SURNAMES) - 1)]
        parts = [rng.choice(GIVEN_CHARS) for _ in range(1 if rng.random() < 0.3 else 2)]
        if len(parts) == 2 and parts[0][0] == parts[1][0]:
            continue
        zh = sur + "".join(p[0] for p in parts)
        en = f"{sur_py} {''.join(p[1] for p in parts).capitalize()}"
        if used is None or zh not in used:
            if used is not None:
                used.add(zh)
            return zh, en, 2 if rng.random() < 0.22 else 1
    raise RuntimeError("name pool exhausted")


def address(rng: random.Random, province: str, city: str) -> str:
    if city in MUNICIPALITIES:
        return f"{province}{rng.choice(MUNI_DISTRICTS[city])}{rng.choice(ROADS)}路{rng.randint(1, 999)}号"
    return f"{province}{city}市{rng.choice(DISTRICTS)}{rng.choice(ROADS)}路{rng.randint(1, 999)}号"
