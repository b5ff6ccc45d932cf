"""The ``fund`` database: Chinese public mutual funds in the JuYuan (聚源) data model.

Wide tables with coded English column names (InnerCode, SecuCode, ChiNameAbbr, EndDate, ...), codes
explained by ``ct_systemconst``, and Chinese plus English names for funds, companies and managers.
About 200 share classes of ~170 funds from 26 real management companies (fund names, managers and
all figures are synthetic). Daily NAV runs from 2021-07-01 to 2024-06-28 (Shanghai trading days);
quarterly reports cover 2021Q3 to 2024Q1.

Everything random comes from the ``rng`` passed to :func:`build`, so a seed gives the same rows.
"""

from __future__ import annotations

import bisect
import math
import random
import sqlite3
from datetime import date, timedelta

from finsql.data.fake import (
    FUND_AUDITORS,
    FUND_LAW_FIRMS,
    add_months,
    ds,
    rand_date,
    rounded,
    trading_days,
    unique_names,
    weekdays,
)
from finsql.data.tables import create_table, insert_tuples

BASE = date(2021, 6, 30)  # last day before the NAV window: the starting point of every series
START = date(2021, 7, 1)
END = date(2024, 6, 28)
QEND = [date(2021, 9, 30), date(2021, 12, 31)] + [
    date(y, m, d) for y in (2022, 2023) for m, d in ((3, 31), (6, 30), (9, 30), (12, 31))
] + [date(2024, 3, 31)]
HALF_YEARS = [date(2021, 12, 31), date(2022, 6, 30), date(2022, 12, 31), date(2023, 6, 30), date(2023, 12, 31)]
FEE_REFORM = date(2023, 7, 8)

# ----------------------------------------------------------------------------------------------
# Code tables (written to ct_systemconst; the YAML repeats them)
# ----------------------------------------------------------------------------------------------

INDUSTRIES: dict[int, tuple[str, str]] = {
    801010: ("农林牧渔", "Agriculture, Forestry, Livestock & Fishery"), 801030: ("基础化工", "Basic Chemicals"),
    801040: ("钢铁", "Steel"), 801050: ("有色金属", "Non-ferrous Metals"), 801080: ("电子", "Electronics"),
    801880: ("汽车", "Automobiles"), 801110: ("家用电器", "Household Appliances"),
    801120: ("食品饮料", "Food & Beverage"), 801130: ("纺织服饰", "Textiles & Apparel"),
    801140: ("轻工制造", "Light Manufacturing"), 801150: ("医药生物", "Pharmaceuticals & Biotech"),
    801160: ("公用事业", "Utilities"), 801170: ("交通运输", "Transportation"), 801180: ("房地产", "Real Estate"),
    801200: ("商贸零售", "Retail & Trade"), 801210: ("社会服务", "Social Services"), 801780: ("银行", "Banks"),
    801790: ("非银金融", "Non-bank Financials"), 801710: ("建筑材料", "Building Materials"),
    801720: ("建筑装饰", "Construction & Decoration"), 801730: ("电力设备", "Power Equipment"),
    801890: ("机械设备", "Machinery"), 801740: ("国防军工", "Defense & Military"), 801750: ("计算机", "Computers"),
    801760: ("传媒", "Media"), 801770: ("通信", "Telecommunications"), 801950: ("煤炭", "Coal"),
    801960: ("石油石化", "Oil & Petrochemicals"), 801970: ("环保", "Environmental Protection"),
    801980: ("美容护理", "Beauty & Personal Care"),
}

SUBTYPES: dict[int, tuple[str, str]] = {
    110101: ("普通股票型", "Active equity"), 110102: ("被动指数型", "Passive index"),
    110103: ("增强指数型", "Enhanced index"), 110301: ("偏股混合型", "Equity-oriented hybrid"),
    110302: ("灵活配置型", "Flexible allocation hybrid"), 110303: ("偏债混合型", "Bond-oriented hybrid"),
    110501: ("中长期纯债型", "Medium/long-term pure bond"), 110502: ("短期纯债型", "Short-term pure bond"),
    110504: ("混合债券型二级", "Enhanced bond (tier-2, may hold stocks)"), 110701: ("货币市场型", "Money market"),
    110901: ("QDII股票型", "QDII equity"), 111101: ("FOF", "Fund of funds"),
}

CONST: dict[int, tuple[str, str, dict[int, tuple[str, str]]]] = {
    1001: ("证券市场", "Securities market", {
        83: ("上海证券交易所", "Shanghai Stock Exchange"), 90: ("深圳证券交易所", "Shenzhen Stock Exchange"),
        72: ("香港联合交易所", "Hong Kong Stock Exchange"), 78: ("纳斯达克证券交易所", "NASDAQ"),
        79: ("纽约证券交易所", "New York Stock Exchange"),
        89: ("场外市场(银行间及代销渠道)", "Over-the-counter (interbank market and distribution channels)")}),
    1002: ("证券类别", "Security category", {
        1: ("A股", "A share"), 2: ("港股", "Hong Kong stock"), 3: ("美股", "US stock"), 4: ("指数", "Index"),
        8: ("开放式基金", "Open-end fund"), 9: ("交易型开放式指数基金(ETF)", "Exchange-traded fund (ETF)"),
        10: ("上市开放式基金(LOF)", "Listed open-end fund (LOF)")}),
    1003: ("上市板块", "Listing board", {
        1: ("主板", "Main Board"), 6: ("创业板", "ChiNext"), 7: ("科创板", "STAR Market")}),
    1004: ("上市状态", "Listing state", {
        1: ("上市/存续", "Listed / active"), 3: ("发行中", "Issuing"), 5: ("终止上市/清算", "Delisted / liquidated")}),
    1101: ("基金类型", "Fund type", {
        1101: ("股票型", "Equity"), 1103: ("混合型", "Hybrid"), 1105: ("债券型", "Bond"),
        1107: ("货币市场型", "Money market"), 1109: ("QDII", "QDII (overseas investing)"),
        1111: ("基金中基金(FOF)", "Fund of funds (FOF)")}),
    1102: ("基金二级分类", "Fund sub-type", SUBTYPES),
    1103: ("运作方式", "Operation mode", {
        1: ("普通开放式", "Ordinary open-end"), 3: ("上市开放式(LOF)", "Listed open-end (LOF)"),
        4: ("交易型开放式(ETF)", "Exchange-traded (ETF)"), 5: ("定期开放式", "Periodically open"),
        6: ("最短持有期", "Minimum holding period")}),
    1104: ("投资风格", "Investment style", {
        1: ("成长型", "Growth"), 2: ("价值型", "Value"), 3: ("平衡型", "Blend"), 4: ("收益型", "Income"),
        5: ("被动指数型", "Passive index"), 6: ("现金管理型", "Cash management")}),
    1105: ("风险等级", "Risk level", {
        1: ("R1低风险", "R1 low"), 2: ("R2中低风险", "R2 medium-low"), 3: ("R3中风险", "R3 medium"),
        4: ("R4中高风险", "R4 medium-high"), 5: ("R5高风险", "R5 high")}),
    1106: ("基金状态", "Fund status", {
        1: ("正常运作", "Operating"), 2: ("发行中", "Issuing"), 3: ("已终止(清算)", "Terminated (liquidated)")}),
    1107: ("申购状态", "Purchase status", {
        1: ("开放申购", "Open for purchase"), 2: ("暂停申购", "Purchase suspended"),
        3: ("暂停大额申购", "Large purchases suspended")}),
    1108: ("赎回状态", "Redemption status", {
        1: ("开放赎回", "Open for redemption"), 2: ("暂停赎回", "Redemption suspended"),
        3: ("封闭期", "In closed period")}),
    1109: ("存续期类型", "Duration type", {1: ("不定期", "Indefinite"), 2: ("定期", "Fixed term")}),
    1110: ("默认分红方式", "Default dividend method", {
        1: ("现金分红", "Cash dividend"), 2: ("红利再投资", "Dividend reinvestment")}),
    1111: ("费用类型", "Charge type", {
        10: ("认购费", "Subscription fee (initial offering)"), 11: ("申购费", "Purchase fee"),
        12: ("赎回费", "Redemption fee"), 15: ("管理费", "Management fee"), 16: ("托管费", "Custody fee"),
        19: ("销售服务费", "Sales service fee")}),
    1112: ("费率单位", "Charge rate unit", {
        1: ("%/年(按基金资产净值计提)", "% per year of net assets"), 2: ("%(按交易金额)", "% of the amount"),
        3: ("元/笔", "CNY per transaction")}),
    1113: ("费率划分标准单位", "Tier boundary unit", {
        1: ("万元(认购/申购金额)", "CNY 10k of subscription/purchase amount"), 2: ("天(持有期限)", "days held")}),
    1114: ("客户类型", "Client type", {
        1: ("普通投资者", "Ordinary investors"), 2: ("养老金客户(直销)", "Pension clients (direct sales)")}),
    1115: ("职务", "Post", {1: ("基金经理", "Fund manager"), 2: ("基金经理助理", "Assistant fund manager")}),
    1116: ("学历", "Education", {1: ("本科", "Bachelor"), 2: ("硕士", "Master"), 3: ("博士", "Doctorate"),
                                4: ("MBA", "MBA")}),
    1117: ("性别", "Gender", {1: ("男", "Male"), 2: ("女", "Female")}),
    1118: ("公司背景类型", "Company background", {
        1: ("银行系", "Bank-affiliated"), 2: ("券商系", "Securities-firm-affiliated"), 3: ("信托系", "Trust-affiliated"),
        4: ("保险系", "Insurance-affiliated"), 5: ("独立及其他", "Independent / other"),
        6: ("中外合资", "Sino-foreign joint venture")}),
    1119: ("托管人类型", "Custodian type", {1: ("商业银行", "Commercial bank"), 2: ("证券公司", "Securities firm")}),
    1120: ("指数类别", "Index type", {
        1: ("规模指数", "Size index"), 2: ("策略指数", "Strategy index"), 3: ("债券指数", "Bond index"),
        4: ("境外指数", "Overseas index")}),
    1121: ("申万一级行业", "Shenwan level-1 industry", INDUSTRIES),
    1122: ("行业划分标准", "Industry classification standard", {
        38: ("申银万国行业分类(2021版)", "Shenwan industry classification (2021)")}),
}

# ----------------------------------------------------------------------------------------------
# Reference data
# ----------------------------------------------------------------------------------------------

# abbr, full name, English name, English abbr, brand zh, brand en, brand initials, city, est., background,
# legacy code prefix, main shareholder, foreign shareholder, foreign %
COMPANIES = [
    ("华夏基金", "华夏基金管理有限公司", "China Asset Management Co., Ltd.", "ChinaAMC", "华夏", "ChinaAMC", "HX",
     "北京", "1998-04-09", 2, "000", "中信证券股份有限公司", "加拿大麦肯齐金融公司", 10.0),
    ("易方达基金", "易方达基金管理有限公司", "E Fund Management Co., Ltd.", "E Fund", "易方达", "E Fund", "YFD",
     "广州", "2001-04-17", 5, "110", "广东粤财信托有限公司", None, 0.0),
    ("嘉实基金", "嘉实基金管理有限公司", "Harvest Fund Management Co., Ltd.", "Harvest", "嘉实", "Harvest", "JS",
     "北京", "1999-03-25", 6, "070", "中诚信托有限责任公司", "德意志资产管理(亚洲)有限公司", 30.0),
    ("南方基金", "南方基金管理股份有限公司", "China Southern Asset Management Co., Ltd.", "CSAM", "南方",
     "Southern", "NF", "深圳", "1998-03-06", 2, "202", "华泰证券股份有限公司", None, 0.0),
    ("广发基金", "广发基金管理有限公司", "GF Fund Management Co., Ltd.", "GF Fund", "广发", "GF", "GF",
     "广州", "2003-08-05", 2, "270", "广发证券股份有限公司", None, 0.0),
    ("汇添富基金", "汇添富基金管理股份有限公司", "China Universal Asset Management Co., Ltd.", "CUAM", "汇添富",
     "China Universal", "HTF", "上海", "2005-02-03", 2, "470", "东方证券股份有限公司", None, 0.0),
    ("富国基金", "富国基金管理有限公司", "Fullgoal Fund Management Co., Ltd.", "Fullgoal", "富国", "Fullgoal", "FG",
     "上海", "1999-04-13", 6, "100", "海通证券股份有限公司", "加拿大蒙特利尔银行", 27.775),
    ("博时基金", "博时基金管理有限公司", "Bosera Asset Management Co., Ltd.", "Bosera", "博时", "Bosera", "BS",
     "深圳", "1998-07-13", 2, "050", "招商证券股份有限公司", None, 0.0),
    ("招商基金", "招商基金管理有限公司", "China Merchants Fund Management Co., Ltd.", "CMFM", "招商",
     "China Merchants", "ZS", "深圳", "2002-12-27", 1, "217", "招商银行股份有限公司", None, 0.0),
    ("工银瑞信基金", "工银瑞信基金管理有限公司", "ICBC Credit Suisse Asset Management Co., Ltd.", "ICBCCS",
     "工银瑞信", "ICBC CS", "GYRX", "北京", "2005-06-21", 1, "481", "中国工商银行股份有限公司",
     "瑞士瑞信银行", 20.0),
    ("鹏华基金", "鹏华基金管理有限公司", "Penghua Fund Management Co., Ltd.", "Penghua", "鹏华", "Penghua", "PH",
     "深圳", "1998-12-22", 6, "206", "国信证券股份有限公司", "意大利欧利盛资本资产管理公司", 49.0),
    ("景顺长城基金", "景顺长城基金管理有限公司", "Invesco Great Wall Fund Management Co., Ltd.", "IGW",
     "景顺长城", "Invesco Great Wall", "JSCC", "深圳", "2003-06-12", 6, "260", "长城证券股份有限公司",
     "景顺资产管理有限公司", 49.0),
    ("中欧基金", "中欧基金管理有限公司", "Zhong Ou Asset Management Co., Ltd.", "ZOAM", "中欧", "Zhong Ou", "ZO",
     "上海", "2006-07-19", 5, "166", "国都证券股份有限公司", None, 0.0),
    ("兴证全球基金", "兴证全球基金管理有限公司", "Industrial Securities Global Fund Management Co., Ltd.", "ISGF",
     "兴全", "Xingquan", "XQ", "上海", "2003-09-30", 6, "163", "兴业证券股份有限公司",
     "全球人寿保险国际公司", 49.0),
    ("交银施罗德基金", "交银施罗德基金管理有限公司", "Bank of Communications Schroder Fund Management Co., Ltd.",
     "BOCOMSCH", "交银", "BOCOM Schroders", "JY", "上海", "2005-08-04", 1, "519", "交通银行股份有限公司",
     "施罗德投资管理有限公司", 30.0),
    ("银华基金", "银华基金管理股份有限公司", "Yinhua Fund Management Co., Ltd.", "Yinhua", "银华", "Yinhua", "YH",
     "北京", "2001-05-28", 2, "180", "西南证券股份有限公司", None, 0.0),
    ("大成基金", "大成基金管理有限公司", "Dacheng Fund Management Co., Ltd.", "Dacheng", "大成", "Dacheng", "DC",
     "深圳", "1999-04-12", 3, "090", "中泰信托有限责任公司", None, 0.0),
    ("国泰基金", "国泰基金管理有限公司", "Guotai Asset Management Co., Ltd.", "GTAM", "国泰", "Guotai", "GT",
     "上海", "1998-03-05", 6, "020", "中国建银投资有限责任公司", "意大利忠利集团", 30.0),
    ("华安基金", "华安基金管理有限公司", "Huaan Fund Management Co., Ltd.", "Huaan", "华安", "Huaan", "HA",
     "上海", "1998-06-04", 2, "040", "国泰君安证券股份有限公司", None, 0.0),
    ("天弘基金", "天弘基金管理有限公司", "Tianhong Asset Management Co., Ltd.", "Tianhong", "天弘", "Tianhong", "TH",
     "天津", "2004-11-08", 5, "420", "蚂蚁科技集团股份有限公司", None, 0.0),
    ("建信基金", "建信基金管理有限责任公司", "CCB Principal Asset Management Co., Ltd.", "CCBPAM", "建信",
     "CCB Principal", "JX", "北京", "2005-09-19", 1, "530", "中国建设银行股份有限公司",
     "美国信安金融服务公司", 25.0),
    ("平安基金", "平安基金管理有限公司", "Ping An Fund Management Co., Ltd.", "PAFM", "平安", "Ping An", "PA",
     "深圳", "2011-01-07", 4, "700", "平安信托有限责任公司", None, 0.0),
    ("万家基金", "万家基金管理有限公司", "Wanjia Asset Management Co., Ltd.", "Wanjia", "万家", "Wanjia", "WJ",
     "上海", "2002-08-23", 2, "161", "中泰证券股份有限公司", None, 0.0),
    ("华宝基金", "华宝基金管理有限公司", "Hwabao WP Fund Management Co., Ltd.", "HWP", "华宝", "Hwabao", "HB",
     "上海", "2003-03-07", 6, "240", "华宝信托有限责任公司", "华平投资集团", 49.0),
    ("诺安基金", "诺安基金管理有限公司", "Lion Fund Management Co., Ltd.", "Lion", "诺安", "Lion", "NA",
     "深圳", "2003-12-09", 5, "320", "中国对外经济贸易信托有限公司", None, 0.0),
    ("东方红资管", "上海东方证券资产管理有限公司", "Shanghai Orient Securities Asset Management Co., Ltd.",
     "Orient AM", "东方红", "Orient", "DFH", "上海", "2010-07-28", 2, "169", "东方证券股份有限公司", None, 0.0),
]

CITY_INFO = {  # city: (district/street, zip, phone area code)
    "北京": (["西城区金融大街", "东城区建国门内大街", "朝阳区建国门外大街", "西城区复兴门内大街"], "100033", "010"),
    "上海": (["浦东新区世纪大道", "浦东新区陆家嘴环路", "黄浦区中山东一路", "浦东新区银城中路"], "200120", "021"),
    "深圳": (["福田区深南大道", "福田区益田路", "南山区科苑南路", "福田区福华一路"], "518048", "0755"),
    "广州": (["天河区珠江新城珠江东路", "天河区马场路", "天河区华夏路"], "510623", "020"),
    "天津": (["和平区南京路", "河西区友谊路"], "300051", "022"),
    "福州": (["鼓楼区五四路"], "350003", "0591"),
    "宁波": (["鄞州区宁东路"], "315100", "0574"),
}

# code, full zh, abbr zh, English, English abbr, type, established, custody licence year, capital (CNY 100m), city
TRUSTEES = [
    ("中国工商银行股份有限公司", "工商银行", "Industrial and Commercial Bank of China Limited", "ICBC", 1,
     "1984-01-01", 1998, 3564.06, "北京", "www.icbc.com.cn", "95588"),
    ("中国建设银行股份有限公司", "建设银行", "China Construction Bank Corporation", "CCB", 1, "1954-10-01", 1998,
     2500.11, "北京", "www.ccb.com", "95533"),
    ("中国银行股份有限公司", "中国银行", "Bank of China Limited", "BOC", 1, "1912-02-05", 1998, 2943.88, "北京",
     "www.boc.cn", "95566"),
    ("中国农业银行股份有限公司", "农业银行", "Agricultural Bank of China Limited", "ABC", 1, "1951-07-10", 1998,
     3499.83, "北京", "www.abchina.com", "95599"),
    ("交通银行股份有限公司", "交通银行", "Bank of Communications Co., Ltd.", "BOCOM", 1, "1987-04-01", 1998,
     742.63, "上海", "www.bankcomm.com", "95559"),
    ("招商银行股份有限公司", "招商银行", "China Merchants Bank Co., Ltd.", "CMB", 1, "1987-03-31", 2002, 252.20,
     "深圳", "www.cmbchina.com", "95555"),
    ("兴业银行股份有限公司", "兴业银行", "Industrial Bank Co., Ltd.", "CIB", 1, "1988-08-22", 2005, 207.74, "福州",
     "www.cib.com.cn", "95561"),
    ("中信银行股份有限公司", "中信银行", "China CITIC Bank Corporation Limited", "CITIC Bank", 1, "1987-04-20", 2004,
     489.35, "北京", "www.citicbank.com", "95558"),
    ("上海浦东发展银行股份有限公司", "浦发银行", "Shanghai Pudong Development Bank Co., Ltd.", "SPDB", 1,
     "1992-10-19", 2003, 293.52, "上海", "www.spdb.com.cn", "95528"),
    ("中国民生银行股份有限公司", "民生银行", "China Minsheng Banking Corp., Ltd.", "CMBC", 1, "1996-02-07", 2004,
     437.82, "北京", "www.cmbc.com.cn", "95568"),
    ("平安银行股份有限公司", "平安银行", "Ping An Bank Co., Ltd.", "PAB", 1, "1987-12-22", 2008, 194.06, "深圳",
     "bank.pingan.com", "95511"),
    ("中国邮政储蓄银行股份有限公司", "邮储银行", "Postal Savings Bank of China Co., Ltd.", "PSBC", 1, "2007-03-06",
     2009, 991.61, "北京", "www.psbc.com", "95580"),
    ("中国光大银行股份有限公司", "光大银行", "China Everbright Bank Company Limited", "CEB", 1, "1992-08-18", 2002,
     590.86, "北京", "www.cebbank.com", "95595"),
    ("宁波银行股份有限公司", "宁波银行", "Bank of Ningbo Co., Ltd.", "NBCB", 1, "1997-04-10", 2012, 66.04, "宁波",
     "www.nbcb.com.cn", "95574"),
    ("中信证券股份有限公司", "中信证券", "CITIC Securities Co., Ltd.", "CITICS", 2, "1995-10-25", 2014, 148.21,
     "深圳", "www.citics.com", "95548"),
    ("招商证券股份有限公司", "招商证券", "China Merchants Securities Co., Ltd.", "CMS", 2, "1993-08-01", 2014, 86.97,
     "深圳", "www.cmschina.com", "95565"),
]
_TRUSTEE_WEIGHTS = [14, 13, 10, 9, 7, 9, 6, 5, 5, 4, 4, 4, 3, 2, 2, 1]

# SecuCode, name, English name, spelling, industry, price mid-2024 (CNY), size tier L/M
A_SHARES = [
    ("600519", "贵州茅台", "Kweichow Moutai", "GZMT", 801120, 1470.0, "L"),
    ("300750", "宁德时代", "Contemporary Amperex Technology", "NDSD", 801730, 180.0, "L"),
    ("601318", "中国平安", "Ping An Insurance", "ZGPA", 801790, 41.0, "L"),
    ("600036", "招商银行", "China Merchants Bank", "ZSYH", 801780, 34.0, "L"),
    ("000858", "五粮液", "Wuliangye Yibin", "WLY", 801120, 130.0, "L"),
    ("000333", "美的集团", "Midea Group", "MDJT", 801110, 64.0, "L"),
    ("600900", "长江电力", "China Yangtze Power", "CJDL", 801160, 28.0, "L"),
    ("601012", "隆基绿能", "LONGi Green Energy", "LJLN", 801730, 15.0, "L"),
    ("002594", "比亚迪", "BYD", "BYD", 801880, 250.0, "L"),
    ("600276", "恒瑞医药", "Jiangsu Hengrui Pharmaceuticals", "HRYY", 801150, 41.0, "L"),
    ("000568", "泸州老窖", "Luzhou Laojiao", "LZLJ", 801120, 143.0, "L"),
    ("600887", "伊利股份", "Inner Mongolia Yili", "YLGF", 801120, 26.0, "L"),
    ("601899", "紫金矿业", "Zijin Mining", "ZJKY", 801050, 17.0, "L"),
    ("002475", "立讯精密", "Luxshare Precision", "LXJM", 801080, 39.0, "L"),
    ("300760", "迈瑞医疗", "Shenzhen Mindray Bio-Medical", "MRYL", 801150, 290.0, "L"),
    ("603259", "药明康德", "WuXi AppTec", "YMKD", 801150, 40.0, "L"),
    ("000651", "格力电器", "Gree Electric Appliances", "GLDQ", 801110, 39.0, "L"),
    ("600030", "中信证券", "CITIC Securities", "ZXZQ", 801790, 19.0, "L"),
    ("601166", "兴业银行", "Industrial Bank", "XYYH", 801780, 18.0, "L"),
    ("600309", "万华化学", "Wanhua Chemical", "WHHX", 801030, 80.0, "L"),
    ("002415", "海康威视", "Hikvision", "HKWS", 801750, 30.0, "L"),
    ("600031", "三一重工", "SANY Heavy Industry", "SYZG", 801890, 16.0, "L"),
    ("601888", "中国中免", "China Tourism Group Duty Free", "ZGZM", 801210, 64.0, "L"),
    ("300059", "东方财富", "East Money Information", "DFCF", 801790, 10.0, "L"),
    ("002714", "牧原股份", "Muyuan Foods", "MYGF", 801010, 43.0, "L"),
    ("600438", "通威股份", "Tongwei", "TWGF", 801730, 20.0, "L"),
    ("300124", "汇川技术", "Shenzhen Inovance Technology", "HCJS", 801890, 50.0, "L"),
    ("002371", "北方华创", "NAURA Technology", "BFHC", 801080, 320.0, "L"),
    ("688981", "中芯国际", "Semiconductor Manufacturing International", "ZXGJ", 801080, 47.0, "L"),
    ("688111", "金山办公", "Beijing Kingsoft Office Software", "JSBG", 801750, 220.0, "L"),
    ("603501", "韦尔股份", "Will Semiconductor", "WEGF", 801080, 105.0, "L"),
    ("601398", "工商银行", "Industrial and Commercial Bank of China", "GSYH", 801780, 6.2, "L"),
    ("601288", "农业银行", "Agricultural Bank of China", "NYYH", 801780, 4.5, "L"),
    ("601939", "建设银行", "China Construction Bank", "JSYH", 801780, 7.5, "L"),
    ("601988", "中国银行", "Bank of China", "ZGYH", 801780, 4.8, "L"),
    ("600028", "中国石化", "China Petroleum & Chemical", "ZGSH", 801960, 6.3, "L"),
    ("601857", "中国石油", "PetroChina", "ZGSY", 801960, 9.3, "L"),
    ("600941", "中国移动", "China Mobile", "ZGYD", 801770, 106.0, "L"),
    ("601728", "中国电信", "China Telecom", "ZGDX", 801770, 6.0, "L"),
    ("600050", "中国联通", "China United Network Communications", "ZGLT", 801770, 4.8, "L"),
    ("601088", "中国神华", "China Shenhua Energy", "ZGSH", 801950, 46.0, "L"),
    ("600188", "兖矿能源", "Yankuang Energy", "YKNY", 801950, 17.0, "M"),
    ("601225", "陕西煤业", "Shaanxi Coal Industry", "SXMY", 801950, 27.0, "L"),
    ("000001", "平安银行", "Ping An Bank", "PAYH", 801780, 10.0, "L"),
    ("600000", "浦发银行", "Shanghai Pudong Development Bank", "PFYH", 801780, 7.0, "L"),
    ("601328", "交通银行", "Bank of Communications", "JTYH", 801780, 7.3, "L"),
    ("600016", "民生银行", "China Minsheng Banking", "MSYH", 801780, 3.9, "L"),
    ("002304", "洋河股份", "Jiangsu Yanghe Brewery", "YHGF", 801120, 95.0, "L"),
    ("600809", "山西汾酒", "Shanxi Xinghuacun Fen Wine", "SXFJ", 801120, 200.0, "L"),
    ("603288", "海天味业", "Foshan Haitian Flavouring", "HTWY", 801120, 37.0, "L"),
    ("000725", "京东方A", "BOE Technology", "JDFA", 801080, 4.2, "L"),
    ("002230", "科大讯飞", "iFlytek", "KDXF", 801750, 40.0, "L"),
    ("300015", "爱尔眼科", "Aier Eye Hospital", "AEYK", 801150, 11.0, "L"),
    ("300122", "智飞生物", "Chongqing Zhifei Biological Products", "ZFSW", 801150, 27.0, "M"),
    ("600436", "片仔癀", "Zhangzhou Pientzehuang Pharmaceutical", "PZH", 801150, 230.0, "L"),
    ("000538", "云南白药", "Yunnan Baiyao", "YNBY", 801150, 53.0, "L"),
    ("300274", "阳光电源", "Sungrow Power Supply", "YGDY", 801730, 75.0, "L"),
    ("002460", "赣锋锂业", "Ganfeng Lithium", "GFLY", 801050, 28.0, "M"),
    ("002466", "天齐锂业", "Tianqi Lithium", "TQLY", 801050, 32.0, "M"),
    ("603799", "华友钴业", "Zhejiang Huayou Cobalt", "HYGY", 801050, 23.0, "M"),
    ("600111", "北方稀土", "China Northern Rare Earth", "BFXT", 801050, 19.0, "M"),
    ("601600", "中国铝业", "Aluminum Corporation of China", "ZGLY", 801050, 7.5, "M"),
    ("000063", "中兴通讯", "ZTE", "ZXTX", 801770, 28.0, "L"),
    ("300308", "中际旭创", "Zhongji Innolight", "ZJXC", 801770, 140.0, "M"),
    ("300502", "新易盛", "Eoptolink Technology", "XYS", 801770, 90.0, "M"),
    ("601138", "工业富联", "Foxconn Industrial Internet", "GYFL", 801080, 27.0, "L"),
    ("603986", "兆易创新", "GigaDevice Semiconductor", "ZYCX", 801080, 80.0, "M"),
    ("002049", "紫光国微", "Unigroup Guoxin Microelectronics", "ZGGW", 801080, 55.0, "M"),
    ("688012", "中微公司", "Advanced Micro-Fabrication Equipment", "ZWGS", 801080, 150.0, "M"),
    ("600585", "海螺水泥", "Anhui Conch Cement", "HLSN", 801710, 23.0, "L"),
    ("601668", "中国建筑", "China State Construction Engineering", "ZGJZ", 801720, 5.3, "L"),
    ("601390", "中国中铁", "China Railway Group", "ZGZT", 801720, 5.8, "L"),
    ("600048", "保利发展", "Poly Developments and Holdings", "BLFZ", 801180, 8.6, "L"),
    ("000002", "万科A", "China Vanke", "WKA", 801180, 7.0, "L"),
    ("601919", "中远海控", "COSCO Shipping Holdings", "ZYHK", 801170, 15.0, "L"),
    ("601006", "大秦铁路", "Daqin Railway", "DQTL", 801170, 7.0, "M"),
    ("600029", "南方航空", "China Southern Airlines", "NFHK", 801170, 5.6, "M"),
    ("002352", "顺丰控股", "S.F. Holding", "SFKG", 801170, 37.0, "L"),
    ("601766", "中国中车", "CRRC Corporation", "ZGZC", 801890, 7.5, "L"),
    ("600760", "中航沈飞", "AVIC Shenyang Aircraft", "ZHSF", 801740, 40.0, "M"),
    ("600893", "航发动力", "AECC Aviation Power", "HFDL", 801740, 35.0, "M"),
    ("000625", "长安汽车", "Chongqing Changan Automobile", "CAQC", 801880, 13.0, "L"),
    ("601633", "长城汽车", "Great Wall Motor", "CCQC", 801880, 24.0, "L"),
    ("600104", "上汽集团", "SAIC Motor", "SQJT", 801880, 14.0, "L"),
    ("601127", "赛力斯", "Seres Group", "SLS", 801880, 85.0, "M"),
    ("002027", "分众传媒", "Focus Media Information Technology", "FZCM", 801760, 6.3, "M"),
    ("300413", "芒果超媒", "Mango Excellent Media", "MGCM", 801760, 21.0, "M"),
    ("002555", "三七互娱", "37 Interactive Entertainment", "SQHY", 801760, 14.0, "M"),
    ("600690", "海尔智家", "Haier Smart Home", "HEZJ", 801110, 29.0, "L"),
    ("601601", "中国太保", "China Pacific Insurance", "ZGTB", 801790, 26.0, "L"),
    ("601628", "中国人寿", "China Life Insurance", "ZGRS", 801790, 31.0, "L"),
    ("600745", "闻泰科技", "Wingtech Technology", "WTKJ", 801080, 27.0, "M"),
    ("688041", "海光信息", "Hygon Information Technology", "HGXX", 801080, 70.0, "M"),
    ("688256", "寒武纪", "Cambricon Technologies", "HWJ", 801080, 200.0, "M"),
    ("300498", "温氏股份", "Wens Foodstuff Group", "WSGF", 801010, 20.0, "M"),
    ("600763", "通策医疗", "Topchoice Medical", "TCYL", 801150, 45.0, "M"),
    ("300896", "爱美客", "Imeik Technology Development", "AMK", 801980, 190.0, "M"),
    ("600132", "重庆啤酒", "Chongqing Brewery", "CQPJ", 801120, 65.0, "M"),
    ("600905", "三峡能源", "China Three Gorges Renewables", "SXNY", 801160, 4.4, "M"),
    ("600011", "华能国际", "Huaneng Power International", "HNGJ", 801160, 9.0, "M"),
    ("003816", "中国广核", "CGN Power", "ZGGH", 801160, 4.0, "M"),
    ("002129", "TCL中环", "TCL Zhonghuan Renewable Energy", "TCLZH", 801730, 9.5, "M"),
    ("600406", "国电南瑞", "NARI Technology", "GDNR", 801730, 25.0, "L"),
    ("002812", "恩捷股份", "Yunnan Energy New Material", "EJGF", 801730, 30.0, "M"),
    ("300014", "亿纬锂能", "EVE Energy", "YWLN", 801730, 38.0, "M"),
    ("600150", "中国船舶", "China CSSC Holdings", "ZGCB", 801740, 40.0, "M"),
    ("002179", "中航光电", "AVIC Jonhon Optronic Technology", "ZHGD", 801740, 38.0, "M"),
    ("600570", "恒生电子", "Hundsun Technologies", "HSDZ", 801750, 19.0, "M"),
    ("300033", "同花顺", "Hithink RoyalFlush Information Network", "THS", 801750, 100.0, "M"),
    ("002241", "歌尔股份", "Goertek", "GEGF", 801080, 18.0, "M"),
    ("600346", "恒力石化", "Hengli Petrochemical", "HLSH", 801960, 15.0, "M"),
    ("600019", "宝钢股份", "Baoshan Iron & Steel", "BGGF", 801040, 6.5, "L"),
    ("000895", "双汇发展", "Henan Shuanghui Investment & Development", "SHFZ", 801120, 26.0, "M"),
    ("601985", "中国核电", "China National Nuclear Power", "ZGHD", 801160, 10.0, "M"),
    ("603833", "欧派家居", "Oppein Home Group", "OPJJ", 801140, 60.0, "M"),
    ("600398", "海澜之家", "Heilan Home", "HLZJ", 801130, 7.0, "M"),
    ("603568", "伟明环保", "Zhejiang Weiming Environment Protection", "WMHB", 801970, 18.0, "M"),
]

# code, name, English, spelling, industry, price (CNY equivalent), market
FOREIGN_STOCKS = [
    ("00700", "腾讯控股", "Tencent Holdings", "TXKG", 801760, 340.0, 72),
    ("03690", "美团-W", "Meituan", "MT", 801210, 100.0, 72),
    ("09988", "阿里巴巴-W", "Alibaba Group", "ALBB", 801200, 72.0, 72),
    ("01810", "小米集团-W", "Xiaomi Corporation", "XMJT", 801080, 16.0, 72),
    ("00941", "中国移动", "China Mobile (HK)", "ZGYD", 801770, 70.0, 72),
    ("01299", "友邦保险", "AIA Group", "YBBX", 801790, 52.0, 72),
    ("00388", "香港交易所", "Hong Kong Exchanges and Clearing", "XGJYS", 801790, 230.0, 72),
    ("01211", "比亚迪股份", "BYD Company (H)", "BYDGF", 801880, 210.0, 72),
    ("09618", "京东集团-SW", "JD.com", "JDJT", 801200, 95.0, 72),
    ("09999", "网易-S", "NetEase", "WY", 801760, 135.0, 72),
    ("01024", "快手-W", "Kuaishou Technology", "KS", 801760, 42.0, 72),
    ("00883", "中国海洋石油", "CNOOC", "ZGHYSY", 801960, 20.0, 72),
    ("AAPL", "苹果", "Apple Inc.", "PG", 801080, 1500.0, 78),
    ("MSFT", "微软", "Microsoft Corporation", "WR", 801750, 3180.0, 78),
    ("NVDA", "英伟达", "NVIDIA Corporation", "YWD", 801080, 880.0, 78),
    ("AMZN", "亚马逊", "Amazon.com Inc.", "YMX", 801200, 1380.0, 78),
    ("GOOGL", "谷歌-A", "Alphabet Inc. Class A", "GG", 801760, 1300.0, 78),
    ("META", "Meta Platforms", "Meta Platforms Inc.", "META", 801760, 3590.0, 78),
    ("AVGO", "博通", "Broadcom Inc.", "BT", 801080, 11440.0, 78),
    ("TSLA", "特斯拉", "Tesla Inc.", "TSL", 801880, 1410.0, 78),
    ("LLY", "礼来", "Eli Lilly and Company", "LL", 801150, 6450.0, 79),
    ("UNH", "联合健康", "UnitedHealth Group", "LHJK", 801150, 3630.0, 79),
    ("JNJ", "强生", "Johnson & Johnson", "QS", 801150, 1040.0, 79),
]

# key, code, abbr, full name, English, spelling, market, index type, calendar, anchor levels
# (2021-06-30, 2021-12-31, 2022-12-30, 2023-12-29, 2024-06-28), daily vol, publisher zh/en, base date, base
# point, components, daily volume (100m shares)
INDEXES = [
    ("csi300", "000300", "沪深300", "沪深300指数", "CSI 300 Index", "HS300", 83, 1, "cn",
     (5224.04, 4940.37, 3871.63, 3431.11, 3461.69), 0.0110, "中证指数有限公司", "China Securities Index Co., Ltd.",
     "2004-12-31", 1000.0, 300, 120.0),
    ("sse", "000001", "上证指数", "上证综合指数", "SSE Composite Index", "SZZS", 83, 1, "cn",
     (3591.20, 3639.78, 3089.26, 2974.93, 2967.40), 0.0090, "上海证券交易所", "Shanghai Stock Exchange",
     "1990-12-19", 100.0, 2260, 320.0),
    ("csi500", "000905", "中证500", "中证小盘500指数", "CSI 500 Index", "ZZ500", 83, 1, "cn",
     (6781.73, 7359.40, 5875.88, 5283.71, 4956.40), 0.0120, "中证指数有限公司", "China Securities Index Co., Ltd.",
     "2004-12-31", 1000.0, 500, 110.0),
    ("chinext", "399006", "创业板指", "创业板指数", "ChiNext Index", "CYBZ", 90, 1, "cn",
     (3477.00, 3322.67, 2346.77, 1891.37, 1534.66), 0.0160, "深圳证券信息有限公司",
     "Shenzhen Securities Information Co., Ltd.", "2010-05-31", 1000.0, 100, 60.0),
    ("sse50", "000016", "上证50", "上证50指数", "SSE 50 Index", "SZ50", 83, 1, "cn",
     (3448.30, 3274.32, 2605.53, 2324.43, 2367.91), 0.0110, "中证指数有限公司", "China Securities Index Co., Ltd.",
     "2003-12-31", 1000.0, 50, 45.0),
    ("csi1000", "000852", "中证1000", "中证1000指数", "CSI 1000 Index", "ZZ1000", 83, 1, "cn",
     (7141.20, 7918.60, 6309.90, 5856.10, 5031.10), 0.0140, "中证指数有限公司", "China Securities Index Co., Ltd.",
     "2004-12-31", 1000.0, 1000, 150.0),
    ("csidiv", "000922", "中证红利", "中证红利指数", "CSI Dividend Index", "ZZHL", 83, 2, "cn",
     (4703.50, 4916.20, 5078.60, 5357.40, 5820.30), 0.0090, "中证指数有限公司", "China Securities Index Co., Ltd.",
     "2004-12-31", 1000.0, 100, 40.0),
    ("cbond", "CBA00101", "中债综合", "中债-综合财富(总值)指数", "ChinaBond Composite Wealth Index", "ZZZH", 89, 3, "cn",
     (211.85, 216.52, 224.31, 235.02, 240.91), 0.0007, "中央国债登记结算有限责任公司",
     "China Central Depository & Clearing Co., Ltd.", "2001-12-31", 100.0, 8000, 0.0),
    ("hsi", "HSI", "恒生指数", "恒生指数", "Hang Seng Index", "HSZS", 72, 4, "os",
     (28827.95, 23397.67, 19781.41, 17047.39, 17718.61), 0.0150, "恒生指数有限公司", "Hang Seng Indexes Co., Ltd.",
     "1964-07-31", 100.0, 82, 25.0),
    ("spx", "SPX", "标普500", "标准普尔500指数", "S&P 500 Index", "BP500", 79, 4, "os",
     (4297.50, 4766.18, 3839.50, 4769.83, 5460.48), 0.0110, "标普道琼斯指数公司", "S&P Dow Jones Indices",
     "1941-01-01", 10.0, 503, 40.0),
    ("ndx", "NDX", "纳斯达克100", "纳斯达克100指数", "NASDAQ-100 Index", "NSDK100", 78, 4, "os",
     (14554.80, 16320.08, 10939.76, 16825.93, 19682.87), 0.0140, "纳斯达克公司", "Nasdaq, Inc.",
     "1985-01-31", 125.0, 101, 30.0),
]
_INDEX_BY_KEY = {ix[0]: ix for ix in INDEXES}

THEMES = {  # key: preferred industries
    "growth": [801080, 801730, 801750, 801150, 801880], "value": [801780, 801790, 801120, 801110, 801950],
    "consumer": [801120, 801110, 801980, 801200, 801210], "health": [801150], "energy": [801730, 801050, 801880],
    "tech": [801080, 801750, 801770], "mfg": [801890, 801730, 801740, 801880], "semi": [801080],
    "bluechip": [801120, 801780, 801790, 801110, 801160], "dividend": [801780, 801950, 801160, 801960, 801170],
    "soe": [801720, 801770, 801960, 801740, 801780], "digital": [801750, 801770, 801760],
    "carbon": [801730, 801160, 801050], "domestic": [801120, 801110, 801880, 801710], "cycle": [801050, 801950, 801030],
    "defense": [801740], "fin": [801780, 801790, 801180], "all": [],
}
# zh, English, initials, theme key
EQUITY_THEMES = [
    ("成长", "Growth", "CZ", "growth"), ("价值精选", "Value Select", "JZJX", "value"),
    ("消费行业", "Consumer Industry", "XFHY", "consumer"), ("医疗健康", "Healthcare", "YLJK", "health"),
    ("新能源", "New Energy", "XNY", "energy"), ("科技创新", "Tech Innovation", "KJCX", "tech"),
    ("高端制造", "High-end Manufacturing", "GDZZ", "mfg"), ("蓝筹精选", "Blue Chip Select", "LCJX", "bluechip"),
    ("红利优选", "Dividend Select", "HLYX", "dividend"), ("国企改革", "SOE Reform", "GQGG", "soe"),
    ("半导体产业", "Semiconductor Industry", "BDTCY", "semi"), ("数字经济", "Digital Economy", "SZJJ", "digital"),
    ("碳中和", "Carbon Neutral", "TZH", "carbon"), ("内需增长", "Domestic Demand Growth", "NXZZ", "domestic"),
    ("资源精选", "Resources Select", "ZYJX", "cycle"), ("研究精选", "Research Select", "YJJX", "all"),
    ("优势企业", "Advantage Enterprises", "YSQY", "all"), ("核心资产", "Core Assets", "HXZC", "bluechip"),
    ("质量优选", "Quality Select", "ZLYX", "all"), ("稳健成长", "Steady Growth", "WJCZ", "growth"),
    ("领先企业", "Leading Enterprises", "LXQY", "all"), ("均衡价值", "Balanced Value", "JHJZ", "value"),
    ("远见", "Vision", "YJ", "all"), ("创新医药", "Innovative Medicine", "CXYY", "health"),
    ("品质生活", "Quality Life", "PZSH", "consumer"), ("先进制造", "Advanced Manufacturing", "XJZZ", "mfg"),
    ("新兴产业", "Emerging Industries", "XXCY", "growth"), ("行业轮动", "Sector Rotation", "HYLD", "all"),
    ("景气优选", "Prosperity Select", "JQYX", "growth"), ("战略新兴", "Strategic Emerging Industries", "ZLXX", "tech"),
    ("军工", "Defense Industry", "JG", "defense"), ("金融地产", "Financials & Real Estate", "JRDC", "fin"),
    ("互联网", "Internet", "HLW", "digital"), ("低碳经济", "Low-carbon Economy", "DTJJ", "carbon"),
    ("大盘精选", "Large Cap Select", "DPJX", "bluechip"), ("中小盘", "Small & Mid Cap", "ZXP", "growth"),
]
FLEX_THEMES = [
    ("灵活配置", "Flexible Allocation", "LHPZ", "all"), ("平衡", "Balanced", "PH", "all"),
    ("稳健配置", "Prudent Allocation", "WJPZ", "all"), ("睿选", "Smart Select", "RX", "all"),
    ("兴盛", "Prosperity", "XS", "all"), ("策略精选", "Strategy Select", "CLJX", "all"),
    ("多策略", "Multi-strategy", "DCL", "all"), ("改革红利", "Reform Dividend", "GGHL", "soe"),
    ("新经济", "New Economy", "XJJ", "digital"), ("动力", "Momentum", "DL", "growth"),
]
STABLE_THEMES = [
    ("稳健回报", "Steady Return", "WJHB", "all"), ("安心收益", "Secure Income", "AXSY", "all"),
    ("鑫裕回报", "Xinyu Return", "XYHB", "all"), ("稳健增益", "Steady Gain", "WJZY", "all"),
    ("安盈", "Anying", "AY", "all"), ("添益", "Added Income", "TY", "all"),
]
BOND_THEMES = [
    ("纯债", "Pure Bond", "CZ"), ("稳健增利", "Steady Income", "WJZL"), ("信用增利", "Credit Plus", "XYZL"),
    ("安心回报", "Secure Return", "AXHB"), ("增强收益", "Enhanced Income", "ZQSY"), ("恒利", "Hengli", "HL"),
    ("安享", "Anxiang", "AX"), ("裕利", "Yuli", "YL"), ("鑫享", "Xinxiang", "XX"), ("丰利", "Fengli", "FL"),
    ("利率债", "Rate Bond", "LLZ"), ("季季享", "Quarterly Income", "JJX"), ("稳利", "Stable Yield", "WL"),
]
SHORT_BOND_THEMES = [("短债", "Short-term Bond", "DZ"), ("中短债", "Short-to-medium Term Bond", "ZDZ"),
                     ("安悦短债", "Anyue Short-term Bond", "AYDZ"), ("季添利短债", "Quarterly Plus Short-term Bond",
                                                                     "JTLDZ")]
ENHANCED_BOND_THEMES = [("双债增强", "Dual Bond Enhanced", "SZZQ"), ("可转债", "Convertible Bond", "KZZ"),
                        ("增利", "Income Plus", "ZL"), ("稳健双利", "Steady Dual Return", "WJSL"),
                        ("强债", "Strong Bond", "QZ"), ("添利", "Added Return", "TL")]
MMF_THEMES = [("货币", "", ""), ("现金宝", "Cash Treasure", "XJB"), ("现金增利", "Cash Plus", "XJZL"),
              ("天天利", "Daily Profit", "TTL"), ("日添利", "Daily Income", "RTL"), ("薪金宝", "Salary Treasure", "XJB"),
              ("活期宝", "Current Treasure", "HQB"), ("财富宝", "Wealth Treasure", "CFB")]
QDII_THEMES = [  # zh, English, initials, tracked index (None = active), benchmark index
    ("纳斯达克100指数", "NASDAQ-100 Index", "NSDK100ZS", "ndx", "ndx"),
    ("标普500指数", "S&P 500 Index", "BP500ZS", "spx", "spx"), ("恒生指数", "Hang Seng Index", "HSZS", "hsi", "hsi"),
    ("全球精选", "Global Select", "QQJX", None, "spx"), ("香港精选", "Hong Kong Select", "XGJX", None, "hsi"),
    ("海外科技", "Overseas Technology", "HWKJ", None, "ndx"), ("全球医疗保健", "Global Healthcare", "QQYLBJ", None, "spx"),
    ("美国精选", "US Select", "MGJX", None, "spx"), ("港股通优选", "HK Connect Select", "GGTYX", None, "hsi"),
]
FOF_THEMES = [
    ("养老目标日期2035三年持有期", "Target Date 2035 Three-year Holding Pension", "YLMBRQ2035SNCYQ", 1095, 0.45),
    ("养老目标日期2040三年持有期", "Target Date 2040 Three-year Holding Pension", "YLMBRQ2040SNCYQ", 1095, 0.55),
    ("稳健养老目标一年持有期", "Prudent Pension Target One-year Holding", "WJYLMBYNCYQ", 365, 0.2),
    ("优选配置三个月持有期", "Select Allocation Three-month Holding", "YXPZSGYCYQ", 90, 0.35),
    ("均衡配置六个月持有期", "Balanced Allocation Six-month Holding", "JHPZLGYCYQ", 180, 0.3),
    ("积极配置一年持有期", "Active Allocation One-year Holding", "JJPZYNCYQ", 365, 0.6),
]
INDEX_FUND_TARGETS = ["csi300", "csi300", "csi500", "chinext", "sse50", "csi1000", "csidiv", "csi300", "csi500"]

SCHOOLS = [("北京大学", "Peking University"), ("清华大学", "Tsinghua University"), ("复旦大学", "Fudan University"),
           ("上海交通大学", "Shanghai Jiao Tong University"), ("中国人民大学", "Renmin University of China"),
           ("浙江大学", "Zhejiang University"), ("南开大学", "Nankai University"), ("厦门大学", "Xiamen University"),
           ("武汉大学", "Wuhan University"), ("中山大学", "Sun Yat-sen University"),
           ("上海财经大学", "Shanghai University of Finance and Economics"),
           ("中央财经大学", "Central University of Finance and Economics"), ("南京大学", "Nanjing University"),
           ("哥伦比亚大学", "Columbia University"), ("香港大学", "The University of Hong Kong"),
           ("中国科学技术大学", "University of Science and Technology of China"),
           ("西南财经大学", "Southwestern University of Finance and Economics"),
           ("伦敦政治经济学院", "London School of Economics")]
MAJORS = [("金融学", "Finance"), ("经济学", "Economics"), ("金融工程", "Financial Engineering"),
          ("统计学", "Statistics"), ("会计学", "Accounting"), ("计算机科学", "Computer Science"),
          ("物理学", "Physics"), ("数学", "Mathematics"), ("药学", "Pharmacy"), ("工商管理", "Business Administration"),
          ("电子工程", "Electronic Engineering"), ("化学工程", "Chemical Engineering")]

# ----------------------------------------------------------------------------------------------
# DDL
# ----------------------------------------------------------------------------------------------

def _create_tables(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """Every table of the fund database, from its spec; each table's columns in order."""
    t = {}
    t["ct_systemconst"] = create_table(conn, "ct_systemconst", """
        ID INTEGER, LB INTEGER NOT NULL, LBMC TEXT NOT NULL, LBEngName TEXT, DM INTEGER NOT NULL,
        MS TEXT NOT NULL, EngMS TEXT
    """, ("ID",), unique=(("LB", "DM"),))
    t["secumain"] = create_table(conn, "secumain", """
        InnerCode INTEGER, CompanyCode INTEGER, SecuCode TEXT NOT NULL, SecuAbbr TEXT, ChiName TEXT,
        ChiNameAbbr TEXT, EngName TEXT, EngNameAbbr TEXT, ChiSpelling TEXT, SecuMarket INTEGER,
        SecuCategory INTEGER, ListedDate TEXT, ListedSector INTEGER, ListedState INTEGER, XGRQ TEXT
    """, ("InnerCode",))
    t["lc_exgindustry"] = create_table(conn, "lc_exgindustry", """
        ID INTEGER, InnerCode INTEGER NOT NULL REFERENCES secumain (InnerCode), Standard INTEGER,
        FirstIndustryCode INTEGER, FirstIndustryName TEXT, FirstIndustryEngName TEXT, InfoPublDate TEXT,
        IfPerformed INTEGER
    """, ("ID",))
    t["lc_indexbasicinfo"] = create_table(conn, "lc_indexbasicinfo", """
        IndexCode INTEGER REFERENCES secumain (InnerCode), IndexType INTEGER, PubOrgName TEXT,
        PubOrgEngName TEXT, BaseDate TEXT, BasePoint REAL, PubDate TEXT, ComponentSum INTEGER,
        WeightMethod TEXT, Currency TEXT, IndexDesc TEXT, IndexDescEng TEXT
    """, ("IndexCode",))
    t["qt_indexquote"] = create_table(conn, "qt_indexquote", """
        InnerCode INTEGER NOT NULL REFERENCES secumain (InnerCode), TradingDay TEXT NOT NULL,
        PrevClosePrice REAL, OpenPrice REAL, HighPrice REAL, LowPrice REAL, ClosePrice REAL,
        TurnoverVolume REAL, TurnoverValue REAL, ChangePCT REAL
    """, ("InnerCode", "TradingDay"))
    t["mf_investadvisoroutline"] = create_table(conn, "mf_investadvisoroutline", """
        InvestAdvisorCode INTEGER, InvestAdvisorName TEXT NOT NULL, InvestAdvisorAbbrName TEXT, EngName TEXT,
        EngNameAbbr TEXT, BrandName TEXT, BrandEngName TEXT, EstablishmentDate TEXT, RegCapital REAL,
        LegalRepr TEXT, GeneralManager TEXT, BackgroundType INTEGER, MainShareholder TEXT,
        ForeignShareholder TEXT, ForeignShareRatio REAL, RegAddr TEXT, OfficeAddr TEXT, City TEXT, ZipCode TEXT,
        Tel TEXT, Fax TEXT, Email TEXT, Website TEXT, ServiceLine TEXT, CreditCode TEXT, EmployeeCount INTEGER,
        AUM REAL
    """, ("InvestAdvisorCode",))
    t["mf_trusteeoutline"] = create_table(conn, "mf_trusteeoutline", """
        TrusteeCode INTEGER, TrusteeName TEXT NOT NULL, TrusteeAbbrName TEXT, EngName TEXT, EngNameAbbr TEXT,
        TrusteeType INTEGER, EstablishmentDate TEXT, CustodyQualifyDate TEXT, RegCapital REAL, LegalRepr TEXT,
        City TEXT, OfficeAddr TEXT, Website TEXT, ServiceLine TEXT
    """, ("TrusteeCode",))
    t["mf_personalinfo"] = create_table(conn, "mf_personalinfo", """
        PersonalCode INTEGER, ChiName TEXT NOT NULL, EngName TEXT, Gender INTEGER, BirthYear INTEGER,
        Education INTEGER, GraduateSchool TEXT, Major TEXT, Nationality TEXT, CertificateNo TEXT,
        PracticeStartDate TEXT,
        InvestAdvisorCode INTEGER REFERENCES mf_investadvisoroutline (InvestAdvisorCode), JoinDate TEXT,
        Background TEXT, BackgroundEng TEXT, InfoPublDate TEXT
    """, ("PersonalCode",))
    t["mf_fundarchives"] = create_table(conn, "mf_fundarchives", """
        InnerCode INTEGER REFERENCES secumain (InnerCode), MainCode TEXT NOT NULL, SecuCode TEXT NOT NULL,
        ShareClass TEXT, ChiName TEXT NOT NULL, ChiNameAbbr TEXT NOT NULL, EngName TEXT, EngNameAbbr TEXT,
        ChiSpelling TEXT, FundTypeCode INTEGER NOT NULL, FundSubTypeCode INTEGER, OperationMode INTEGER,
        InvestStyle INTEGER, IfIndexFund INTEGER, IfInitiative INTEGER, IfPensionTarget INTEGER,
        TrackingIndexCode INTEGER REFERENCES secumain (InnerCode),
        BenchmarkIndexCode INTEGER REFERENCES secumain (InnerCode), PerformanceBenchmark TEXT,
        PerformanceBenchmarkEng TEXT,
        InvestAdvisorCode INTEGER NOT NULL REFERENCES mf_investadvisoroutline (InvestAdvisorCode),
        TrusteeCode INTEGER NOT NULL REFERENCES mf_trusteeoutline (TrusteeCode), IssueStartDate TEXT,
        IssueEndDate TEXT, EstablishmentDate TEXT, ShareClassStartDate TEXT, FoundedSize REAL,
        FoundedHouseholds INTEGER, ParValue REAL, DurationType INTEGER, ExpireDate TEXT, LockupPeriod INTEGER,
        ListedDate TEXT, SecuMarket INTEGER, FundStatus INTEGER, TerminationDate TEXT, PurchaseStatus INTEGER,
        RedeemStatus INTEGER, LargePurchaseLimit REAL, RiskLevel INTEGER, RiskReturnCharacter TEXT,
        Currency TEXT, MinPurchaseAmount REAL, MinAddPurchaseAmount REAL, MinRedeemShares REAL,
        MinHoldingShares REAL, DividendMethod INTEGER, InvestmentObjective TEXT, InvestmentScope TEXT,
        InvestmentStrategy TEXT, AuditOrg TEXT, LawFirm TEXT, RegistrarOrg TEXT, InfoPublDate TEXT, XGRQ TEXT
    """, ("InnerCode",))
    t["mf_fundmanagernew"] = create_table(conn, "mf_fundmanagernew", """
        ID INTEGER, InnerCode INTEGER NOT NULL REFERENCES mf_fundarchives (InnerCode),
        PersonalCode INTEGER NOT NULL REFERENCES mf_personalinfo (PersonalCode), Name TEXT, PostName INTEGER,
        AccessionDate TEXT NOT NULL, DimissionDate TEXT, Incumbent INTEGER, ManagementTime INTEGER,
        Performance REAL, AnnualizedPerformance REAL, InfoPublDate TEXT
    """, ("ID",))
    t["mf_chargeratenew"] = create_table(conn, "mf_chargeratenew", """
        ID INTEGER, InnerCode INTEGER NOT NULL REFERENCES mf_fundarchives (InnerCode), InfoPublDate TEXT,
        ChargeRateType INTEGER NOT NULL, ClientType INTEGER, ChargeRateCur TEXT, MinChargeRate REAL,
        MaxChargeRate REAL, ChargeRateUnit INTEGER, StDivStand REAL, EnDivStand REAL, DivStandUnit INTEGER,
        ChargeRateDesc TEXT, ExecuteDate TEXT, CancelDate TEXT, IfExecuted INTEGER
    """, ("ID",))
    t["mf_netvalue"] = create_table(conn, "mf_netvalue", """
        InnerCode INTEGER NOT NULL REFERENCES mf_fundarchives (InnerCode), TradingDay TEXT NOT NULL,
        UnitNV REAL, AccumulatedUnitNV REAL, AdjustedNV REAL, DailyGrowthRate REAL, DailyProfit REAL,
        LatestWeeklyYield REAL
    """, ("InnerCode", "TradingDay"))
    t["mf_netvalueperformance"] = create_table(conn, "mf_netvalueperformance", """
        InnerCode INTEGER NOT NULL REFERENCES mf_fundarchives (InnerCode), TradingDay TEXT NOT NULL,
        UnitNV REAL, AccumulatedUnitNV REAL, AdjustedNV REAL, RRInSingleWeek REAL, RRInSingleMonth REAL,
        RRInThreeMonth REAL, RRInSixMonth REAL, RRSinceThisYear REAL, RRInSingleYear REAL, RRInTwoYear REAL,
        RRSinceStart REAL, AnnualizedRRSinceStart REAL, AnnualizedRRInTwoYear REAL,
        BenchmarkRRInSingleWeek REAL, BenchmarkRRInSingleMonth REAL, BenchmarkRRInThreeMonth REAL,
        BenchmarkRRInSixMonth REAL, BenchmarkRRSinceThisYear REAL, BenchmarkRRInSingleYear REAL,
        BenchmarkRRInTwoYear REAL, ExcessRRInSingleMonth REAL, ExcessRRInThreeMonth REAL,
        ExcessRRInSixMonth REAL, ExcessRRSinceThisYear REAL, ExcessRRInSingleYear REAL, ExcessRRInTwoYear REAL,
        AnnualizedVolatility1Y REAL, DownsideVolatility1Y REAL, MaxDrawdown1Y REAL, SharpeRatio1Y REAL,
        SortinoRatio1Y REAL, CalmarRatio1Y REAL, Beta1Y REAL, Alpha1Y REAL, TrackingError1Y REAL,
        InformationRatio1Y REAL, PositiveDayRatio1Y REAL, MaxDailyGain1Y REAL, MaxDailyLoss1Y REAL
    """, ("InnerCode", "TradingDay"))
    t["mf_performancerank"] = create_table(conn, "mf_performancerank", """
        InnerCode INTEGER NOT NULL REFERENCES mf_fundarchives (InnerCode), EndDate TEXT NOT NULL,
        FundTypeCode INTEGER, RankInSingleMonth INTEGER, FundsInSingleMonth INTEGER, RankInThreeMonth INTEGER,
        FundsInThreeMonth INTEGER, RankInSixMonth INTEGER, FundsInSixMonth INTEGER, RankSinceThisYear INTEGER,
        FundsSinceThisYear INTEGER, RankInSingleYear INTEGER, FundsInSingleYear INTEGER, RankInTwoYear INTEGER,
        FundsInTwoYear INTEGER, QuartileInSingleYear INTEGER, PercentileInSingleYear REAL
    """, ("InnerCode", "EndDate"))
    t["mf_keystockportfolio"] = create_table(conn, "mf_keystockportfolio", """
        ID INTEGER, InnerCode INTEGER NOT NULL REFERENCES mf_fundarchives (InnerCode), ReportDate TEXT NOT NULL,
        InfoPublDate TEXT, SerialNumber INTEGER, StockInnerCode INTEGER REFERENCES secumain (InnerCode),
        StockCode TEXT, StockAbbr TEXT, SharesHolding REAL, MarketValue REAL, RatioInNV REAL, SharesChange REAL
    """, ("ID",))
    t["mf_assetallocation"] = create_table(conn, "mf_assetallocation", """
        ID INTEGER, InnerCode INTEGER NOT NULL REFERENCES mf_fundarchives (InnerCode), ReportDate TEXT NOT NULL,
        InfoPublDate TEXT, TotalAsset REAL, NetAsset REAL, TotalLiability REAL, RatioOfTotalAssetToNV REAL,
        StockValue REAL, RatioOfStock REAL, ForeignStockValue REAL, RatioOfForeignStock REAL, BondValue REAL,
        RatioOfBond REAL, GovBondValue REAL, RatioOfGovBond REAL, FinancialBondValue REAL,
        RatioOfFinancialBond REAL, CorpBondValue REAL, RatioOfCorpBond REAL, ConvertibleBondValue REAL,
        RatioOfConvertibleBond REAL, NCDValue REAL, RatioOfNCD REAL, ABSValue REAL, RatioOfABS REAL,
        FundValue REAL, RatioOfFund REAL, DerivativeValue REAL, RatioOfDerivative REAL, PreciousMetalValue REAL,
        RatioOfPreciousMetal REAL, ReverseRepoValue REAL, RatioOfReverseRepo REAL, BankDepositValue REAL,
        RatioOfBankDeposit REAL, SettlementReserveValue REAL, OtherAssetValue REAL, RatioOfOtherAsset REAL,
        RepoFinancingValue REAL, RatioOfRepoFinancing REAL
    """, ("ID",))
    t["mf_investindustry"] = create_table(conn, "mf_investindustry", """
        ID INTEGER, InnerCode INTEGER NOT NULL REFERENCES mf_fundarchives (InnerCode), ReportDate TEXT NOT NULL,
        InfoPublDate TEXT, SerialNumber INTEGER, IndustryCode INTEGER, IndustryName TEXT, MarketValue REAL,
        RatioInNV REAL
    """, ("ID",))
    t["mf_dividend"] = create_table(conn, "mf_dividend", """
        ID INTEGER, InnerCode INTEGER NOT NULL REFERENCES mf_fundarchives (InnerCode), InfoPublDate TEXT,
        DividendBaseDate TEXT, DistributableProfit REAL, RecordDate TEXT, ExRightDate TEXT, ReinvestDate TEXT,
        DividendPayDate TEXT, DividendRatioBeforeTax REAL, ActualRatioAfterTax REAL, UnitNVBeforeDividend REAL,
        TotalDividend REAL, DividendTimes INTEGER
    """, ("ID",))
    t["mf_shareschange"] = create_table(conn, "mf_shareschange", """
        ID INTEGER, InnerCode INTEGER NOT NULL REFERENCES mf_fundarchives (InnerCode), InfoPublDate TEXT,
        StartDate TEXT, EndDate TEXT NOT NULL, StartShares REAL, ApplyingShares REAL, RedeemShares REAL,
        EndShares REAL, ShareChangeRatio REAL, EndNetAssets REAL
    """, ("ID",))
    t["mf_holderinfo"] = create_table(conn, "mf_holderinfo", """
        ID INTEGER, InnerCode INTEGER NOT NULL REFERENCES mf_fundarchives (InnerCode), EndDate TEXT NOT NULL,
        InfoPublDate TEXT, TotalShares REAL, HolderAccountNumber INTEGER, AverageHoldShares REAL,
        InstitutionHoldShares REAL, InstitutionHoldRatio REAL, IndividualHoldShares REAL,
        IndividualHoldRatio REAL, EmployeeHoldShares REAL, EmployeeHoldRatio REAL
    """, ("ID",))
    return t


# ----------------------------------------------------------------------------------------------
# Helpers
# ----------------------------------------------------------------------------------------------



def _bridge(rng: random.Random, days: list[date], anchors: list[tuple[date, float]], vol: float) -> list[float]:
    """Log Brownian bridge through (date, level) anchors; ``days`` starts at the first anchor."""
    pos = {d: i for i, d in enumerate(days)}
    out = [0.0] * len(days)
    for (d0, l0), (d1, l1) in zip(anchors, anchors[1:], strict=False):
        i0, i1 = pos[d0], pos[d1]
        n = i1 - i0
        walk = [0.0]
        for _ in range(n):
            walk.append(walk[-1] + rng.gauss(0, vol))
        a, b = math.log(l0), math.log(l1)
        for k in range(n + 1):
            out[i0 + k] = math.exp(a + walk[k] - walk[n] * k / n + (b - a) * k / n)
    return out


def _publ_date(rng: random.Random, report: date) -> date:
    """Quarterly report publication: within 15 working days after the quarter end."""
    d = report + timedelta(days=rng.randint(16, 22))
    while d.weekday() >= 5:
        d += timedelta(days=1)
    return d


def _halfyear_publ(rng: random.Random, report: date) -> date:
    d = report + timedelta(days=rng.randint(55, 61) if report.month == 6 else rng.randint(85, 90))
    while d.weekday() >= 5:
        d -= timedelta(days=1)
    return d


def _xgrq(rng: random.Random, d: date) -> str:
    return f"{ds(d)} {rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"


class _Class:
    """One share class (one InnerCode / one row of mf_fundarchives)."""

    def __init__(self, fund: _Fund, letter: str) -> None:
        self.fund = fund
        self.letter = letter
        self.inner = 0
        self.code = ""
        self.start: date | None = None  # share class start date
        self.sales_fee = 0.0
        self.currency = "CNY"
        self.founded: float | None = None
        self.navs: list[tuple] = []  # (k, unit, acc, adj, growth, profit, weekly)
        self.pos: dict[int, int] = {}  # trading-day index -> position in navs
        self.adj0 = 1.0  # adjusted NAV at BASE (or 1.0 at the class start)
        self.unit0 = 1.0
        self.divs: list[tuple] = []  # (k, per unit, unit before)
        self.shares: dict[date, float] = {}  # quarter end -> end shares
        self.share_rows: list[tuple] = []
        self.size0 = 0.0


class _Fund:
    """One fund (all its share classes share a portfolio and managers)."""

    def __init__(self) -> None:
        self.classes: list[_Class] = []
        self.est: date | None = None
        self.term: date | None = None
        self.holdings: dict[date, list[tuple[int, float]]] = {}


# ----------------------------------------------------------------------------------------------
# Builder
# ----------------------------------------------------------------------------------------------


def build(conn: sqlite3.Connection, rng: random.Random) -> None:
    columns = _create_tables(conn)
    w = _World(rng)
    w.make()
    for table, rows in w.tables.items():
        insert_tuples(conn, table, columns[table], rows)


class _World:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.tables: dict[str, list[tuple]] = {}
        self.td = trading_days(START, END)
        self.td_all = [BASE] + self.td  # index 0 = BASE
        self.tdi = {d: i for i, d in enumerate(self.td_all)}

    # -- calendar helpers ------------------------------------------------------------------------
    def k_on_or_before(self, d: date) -> int:
        return bisect.bisect_right(self.td_all, d) - 1

    def k_on_or_after(self, d: date) -> int:
        return bisect.bisect_left(self.td_all, d)

    # -- orchestration ---------------------------------------------------------------------------
    def make(self) -> None:
        self.make_constants()
        self.make_securities()
        self.make_indexes()
        self.make_companies()
        self.make_funds()
        self.simulate_navs()
        self.make_shares()
        self.make_portfolios()
        self.make_managers()
        self.make_fees()
        self.make_performance()
        self.make_archives()
        self.make_dividends()
        self.make_holders()
        order = ["ct_systemconst", "secumain", "lc_exgindustry", "lc_indexbasicinfo", "qt_indexquote",
                 "mf_investadvisoroutline", "mf_trusteeoutline", "mf_personalinfo", "mf_fundarchives",
                 "mf_fundmanagernew", "mf_chargeratenew", "mf_netvalue", "mf_netvalueperformance",
                 "mf_performancerank", "mf_keystockportfolio", "mf_assetallocation", "mf_investindustry",
                 "mf_dividend", "mf_shareschange", "mf_holderinfo"]
        self.tables = {t: self.tables[t] for t in order}

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
                         ds(listed), sector, 1, _xgrq(rng, date(2024, rng.randint(1, 6), rng.randint(1, 28)))))
            self.stocks.append(dict(inner=inner, code=code, abbr=abbr, ind=ind, price=price, tier=tier,
                                    market=market, foreign=False, chinext=sector == 6))
            self.stock_inner[code] = inner
        off = len(A_SHARES)
        for j, (code, abbr, en, spell, ind, price, market) in enumerate(FOREIGN_STOCKS):
            inner = codes[off + j]
            listed = rand_date(rng, date(1980, 12, 12), date(2020, 6, 30))
            rows.append((inner, 200000 + j * 41, code, abbr, abbr, abbr, en, en, spell, market,
                         2 if market == 72 else 3, ds(listed), 1, 1,
                         _xgrq(rng, date(2024, rng.randint(1, 6), rng.randint(1, 28)))))
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
                         ix[13], None, 1, _xgrq(rng, date(2024, 1, rng.randint(2, 28)))))
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
            levels = _bridge(rng, days, anchors, vol)
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
        self.fx = _bridge(rng, cn_days, fx_anchor, 0.0025)
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
        self.funds: list[_Fund] = []
        n_issuing = 3
        for n, sub in enumerate(plan):
            f = _Fund()
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

    def _pick_theme(self, f: _Fund, sub: int) -> tuple:
        rng = self.rng
        if sub in (110101, 110301):
            return rng.choice(EQUITY_THEMES)
        if sub == 110302:
            return rng.choice(FLEX_THEMES + EQUITY_THEMES[:12])
        if sub == 110303:
            return rng.choice(STABLE_THEMES)
        if sub in (110102, 110103):
            key = rng.choice(INDEX_FUND_TARGETS)
            ix = _INDEX_BY_KEY[key]
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

    def _fund_params(self, f: _Fund) -> None:
        """Return model, benchmark, fees, size and portfolio style of a fund."""
        rng = self.rng
        sub = f.sub
        u = rng.uniform
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
        size_mu, size_sd = math.log(8e8), 1.2
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
        elif sub == 110501:
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
        if f.mgmt == 1.5 and f.type in (1101, 1103) and f.sub not in (110102, 110103):
            f.reform = rand_date(self.rng, FEE_REFORM, date(2023, 12, 29))
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
                c = _Class(f, letter)
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

    def _hidden_adj(self, c: _Class, d: date) -> float:
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

    def _class_nav(self, f: _Fund, c: _Class) -> list[tuple]:
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

    def nav_at(self, c: _Class, d: date) -> tuple | None:
        """The class's NAV row on the last trading day on or before ``d`` (None before its first NAV)."""
        k = self.k_on_or_before(d)
        while k > 0 and k not in c.pos:
            k -= 1
            if c.navs and k < c.navs[0][0]:
                return None
        return c.navs[c.pos[k]] if k in c.pos else None

    def adj_at(self, c: _Class, d: date) -> float:
        row = self.nav_at(c, d)
        if row is not None:
            return row[3]
        return self._hidden_adj(c, min(d, BASE))

    def unit_at(self, c: _Class, d: date) -> float:
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
                    rows.append((len(rows) + 1, c.inner, ds(_publ_date(rng, qe)), ds(sdate), ds(edate),
                                 round(start_shares, 2), buy, sell, end, chg, round(end * unit * fx, 2)))
                    shares = end
                    prev_end = qe
        self.tables["mf_shareschange"] = rows

    def fund_net_assets(self, f: _Fund, qe: date) -> float:
        tot = 0.0
        for c in f.classes:
            if qe in c.shares:
                fx = self.fx[self.k_on_or_before(qe)] if c.currency == "USD" else 1.0
                tot += c.shares[qe] * (1.0 if f.mmf else self.unit_at(c, qe)) * fx
        return tot

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

    def _universe(self, f: _Fund) -> list[tuple[dict, float]]:
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
                publ = _publ_date(rng, qe)
                # asset allocation
                lo, hi = f.stock_rng
                if hi:
                    drift = 8 if f.sub == 110302 else 2.5
                    stock_ratio = min(hi, max(lo, stock_ratio + rng.gauss(0, drift)))
                    if qe < f.est + timedelta(days=90):
                        stock_ratio *= rng.uniform(0.3, 0.8)  # still building the portfolio
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
                for c in f.classes:
                    if qe in c.shares:
                        alloc_rows.append((len(alloc_rows) + 1, c.inner, ds(qe), ds(publ), *row))
                # top-10 holdings
                if not universe or alloc["stock"] <= 0:
                    continue
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
                for c in f.classes:
                    if qe in c.shares:
                        for h in hold:
                            hold_rows.append((len(hold_rows) + 1, c.inner, ds(qe), ds(publ), *h))
                # industry allocation
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
                for c in f.classes:
                    if qe in c.shares:
                        for sn, (i_code, ratio) in enumerate(ranked, start=1):
                            ind_rows.append((len(ind_rows) + 1, c.inner, ds(qe), ds(publ), sn, i_code,
                                             INDUSTRIES[i_code][0], round(ratio / 100 * na, 2), round(ratio, 4)))
        self.tables["mf_keystockportfolio"] = hold_rows
        self.tables["mf_investindustry"] = ind_rows
        self.tables["mf_assetallocation"] = alloc_rows

    def _draw(self, universe: list[tuple[dict, float]], k: int, exclude: list[int]) -> list[int]:
        pool = [(s["inner"], wt) for s, wt in universe if s["inner"] not in exclude]
        out: list[int] = []
        while pool and len(out) < k:
            i = self.rng.choices(range(len(pool)), weights=[wt for _, wt in pool])[0]
            out.append(pool.pop(i)[0])
        return out

    def _alloc(self, f: _Fund, stock: float) -> dict[str, float]:
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

    def _bond_split(self, f: _Fund) -> list[float]:
        """Gov, financial, corporate, convertible, NCD shares of the bond holdings."""
        rng = self.rng
        base = {110501: (2, 3, 4, 0.1, 0.6), 110502: (1, 2, 3, 0.05, 3), 110504: (1.5, 2, 3, 2.5, 0.5),
                110701: (0.3, 1.2, 0.3, 0.0, 6), 110303: (1.5, 2, 2, 1.5, 0.5)}.get(f.sub, (3, 2, 1, 0.8, 0.5))
        x = [b * rng.uniform(0.5, 1.5) for b in base]
        s = sum(x)
        return [v / s for v in x]

    # -- managers --------------------------------------------------------------------------------
    def make_managers(self) -> None:
        rng = self.rng
        by_comp: dict[int, list[_Fund]] = {}
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

    # -- fees ------------------------------------------------------------------------------------
    def make_fees(self) -> None:
        rows = []
        for f in self.funds:
            for c in f.classes:
                rows.extend(self._class_fees(f, c))
        self.tables["mf_chargeratenew"] = [(i + 1, *r) for i, r in enumerate(rows)]

    def _class_fees(self, f: _Fund, c: _Class) -> list[tuple]:
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

    def _perf_row(self, f: _Fund, c: _Class, k: int) -> tuple:
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
            trustee = rng.choices(self.trustee_codes, weights=_TRUSTEE_WEIGHTS)[0]
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
                    _xgrq(rng, min(END, (f.term or END) + timedelta(days=rng.randint(0, 3))))))
                cat = 9 if f.op_mode == 4 else 10 if f.op_mode == 3 else 8
                market = f.market if c is f.classes[0] else 89
                secu.append((c.inner, comp["code"], c.code, zh_abbr, zh_full, zh_abbr, en_full, en_abbr,
                             spelling, market, cat, listed, None, 5 if f.term else 3 if f.est is None else 1,
                             rows[-1][-1]))
        rows.sort()
        self.tables["mf_fundarchives"] = rows
        self.tables["secumain"] = sorted(secu)

    def _names(self, f: _Fund) -> dict[str, tuple[str, str, str, str, str]]:
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

    def _benchmark_text(self, f: _Fund) -> tuple[str, str]:
        if f.mmf:
            return "七天通知存款利率(税后)", "7-day call deposit rate (after tax)"
        ix = _INDEX_BY_KEY[f.bench_eq]
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

    def _texts(self, f: _Fund) -> dict[str, str]:
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
            ix = _INDEX_BY_KEY[f.track]
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

    def _shares_at(self, c: _Class, d: date) -> float:
        ends = sorted(c.shares)
        for q in ends:
            if q >= d:
                return c.shares[q]
        return c.shares[ends[-1]] if ends else c.size0

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
                    rows.append((c.inner, ds(he), ds(_halfyear_publ(rng, he)), round(total, 2), accounts,
                                 round(total / accounts, 2), inst_sh, round(inst_sh / total * 100, 4), ind_sh,
                                 round(ind_sh / total * 100, 4), emp, round(emp / total * 100, 4)))
        self.tables["mf_holderinfo"] = [(i + 1, *r) for i, r in enumerate(rows)]
