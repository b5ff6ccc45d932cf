"""The fund database's reference data: dates, codes, companies, trustees, securities, indexes, themes."""

from __future__ import annotations

from datetime import date

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
TRUSTEE_WEIGHTS = [14, 13, 10, 9, 7, 9, 6, 5, 5, 4, 4, 4, 3, 2, 2, 1]

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
INDEX_BY_KEY = {ix[0]: ix for ix in INDEXES}

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
