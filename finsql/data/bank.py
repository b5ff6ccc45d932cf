"""The ``bank`` database: retail banking at a fictional city commercial bank, 华信银行 (Huaxin Bank).

Snake_case tables, unlike the JuYuan-style fund tables: districts, branches, customers (Chinese and
English names), accounts in CNY/USD/HKD, an 18-month transaction log (2023-01-01 to 2024-06-30)
whose running balances match the accounts, loans with their repayment history, cards, quarterly
credit scores, products, product holdings and daily exchange rates. The snapshot date is
2024-06-30: balances, statuses and overdue days are as of that day.

Everything random comes from the ``rng`` passed to :func:`build`, so a seed gives the same rows.
"""

from __future__ import annotations

import math
import random
import sqlite3
from datetime import date, datetime, timedelta

from finsql.data.fake import add_months, ds, dts, rand_date, unique_names, weekdays
from finsql.data.tables import create_table, insert_tuples

SNAPSHOT = date(2024, 6, 30)
LOG_START = date(2023, 1, 1)

# province, province_en, city, city_en, region, tier, [(district, district_en)], population of the city's
# districts (10k, rough), GDP per capita (CNY), monthly salary (CNY), house price (CNY/m2)
CITIES = [
    ("北京市", "Beijing", "北京", "Beijing", "north", 1,
     [("朝阳区", "Chaoyang"), ("海淀区", "Haidian"), ("西城区", "Xicheng"), ("东城区", "Dongcheng"),
      ("丰台区", "Fengtai")], 150, 200000, 13000, 62000),
    ("上海市", "Shanghai", "上海", "Shanghai", "east", 1,
     [("浦东新区", "Pudong"), ("徐汇区", "Xuhui"), ("静安区", "Jing'an"), ("黄浦区", "Huangpu"),
      ("闵行区", "Minhang")], 160, 190000, 12800, 68000),
    ("广东省", "Guangdong", "深圳", "Shenzhen", "south", 1,
     [("福田区", "Futian"), ("南山区", "Nanshan"), ("罗湖区", "Luohu"), ("宝安区", "Bao'an"),
      ("龙岗区", "Longgang")], 130, 185000, 12000, 60000),
    ("广东省", "Guangdong", "广州", "Guangzhou", "south", 1,
     [("天河区", "Tianhe"), ("越秀区", "Yuexiu"), ("海珠区", "Haizhu"), ("番禺区", "Panyu")], 120, 155000,
     10500, 38000),
    ("浙江省", "Zhejiang", "杭州", "Hangzhou", "east", 2,
     [("西湖区", "Xihu"), ("上城区", "Shangcheng"), ("滨江区", "Binjiang"), ("余杭区", "Yuhang")], 90, 160000,
     10800, 42000),
    ("江苏省", "Jiangsu", "南京", "Nanjing", "east", 2,
     [("鼓楼区", "Gulou"), ("玄武区", "Xuanwu"), ("建邺区", "Jianye")], 80, 175000, 10200, 36000),
    ("江苏省", "Jiangsu", "苏州", "Suzhou", "east", 2, [("姑苏区", "Gusu"), ("工业园区", "Suzhou Industrial Park")],
     85, 185000, 9800, 30000),
    ("四川省", "Sichuan", "成都", "Chengdu", "southwest", 2,
     [("武侯区", "Wuhou"), ("锦江区", "Jinjiang"), ("高新区", "Gaoxin")], 100, 100000, 8200, 20000),
    ("湖北省", "Hubei", "武汉", "Wuhan", "central", 2, [("江汉区", "Jianghan"), ("武昌区", "Wuchang"),
                                                   ("洪山区", "Hongshan")], 80, 140000, 8500, 19000),
    ("陕西省", "Shaanxi", "西安", "Xi'an", "northwest", 2, [("雁塔区", "Yanta"), ("碑林区", "Beilin")], 75, 90000,
     7600, 17000),
    ("重庆市", "Chongqing", "重庆", "Chongqing", "southwest", 2, [("渝中区", "Yuzhong"), ("江北区", "Jiangbei")],
     70, 90000, 7400, 14000),
    ("湖南省", "Hunan", "长沙", "Changsha", "central", 2, [("岳麓区", "Yuelu"), ("天心区", "Tianxin")], 60,
     130000, 7800, 12000),
    ("河南省", "Henan", "郑州", "Zhengzhou", "central", 2, [("金水区", "Jinshui")], 55, 100000, 7000, 14000),
    ("山东省", "Shandong", "青岛", "Qingdao", "east", 2, [("市南区", "Shinan")], 50, 140000, 8000, 22000),
    ("安徽省", "Anhui", "合肥", "Hefei", "east", 2, [("蜀山区", "Shushan")], 55, 125000, 8100, 17000),
    ("福建省", "Fujian", "厦门", "Xiamen", "east", 2, [("思明区", "Siming")], 45, 150000, 8700, 40000),
]

AREA_CODES = {"北京": "010", "上海": "021", "深圳": "0755", "广州": "020", "杭州": "0571", "南京": "025",
              "苏州": "0512", "成都": "028", "武汉": "027", "西安": "029", "重庆": "023", "长沙": "0731",
              "郑州": "0371", "青岛": "0532", "合肥": "0551", "厦门": "0592"}

OCCUPATIONS = ["engineer", "teacher", "civil_servant", "doctor", "sales", "finance", "manager", "worker",
               "self_employed", "freelancer", "student", "retired", "it_professional", "lawyer"]
INCOME = {"engineer": 260000, "teacher": 150000, "civil_servant": 170000, "doctor": 280000, "sales": 160000,
          "finance": 320000, "manager": 400000, "worker": 90000, "self_employed": 250000, "freelancer": 120000,
          "student": 20000, "retired": 70000, "it_professional": 300000, "lawyer": 350000}
FOREIGN_NAMES = [("约翰·史密斯", "John Smith", "M", "US"), ("玛丽·约翰逊", "Mary Johnson", "F", "US"),
                 ("大卫·布朗", "David Brown", "M", "GB"), ("艾玛·威尔逊", "Emma Wilson", "F", "GB"),
                 ("田中健一", "Kenichi Tanaka", "M", "JP"), ("金敏俊", "Kim Min-jun", "M", "KR"),
                 ("陈伟明", "Chan Wai Ming", "M", "HK"), ("李嘉欣", "Lee Ka Yan", "F", "HK"),
                 ("米歇尔·马丁", "Michel Martin", "M", "FR"), ("安娜·施密特", "Anna Schmidt", "F", "DE"),
                 ("林志明", "Lim Chee Meng", "M", "SG"), ("黄美玲", "Wong Mei Ling", "F", "MY"),
                 ("詹姆斯·泰勒", "James Taylor", "M", "AU"), ("佐藤由美", "Yumi Sato", "F", "JP")]
EMPLOYER_A = ["华", "中", "新", "恒", "博", "瑞", "盛", "鼎", "联", "润", "康", "泰", "安", "嘉", "宏", "信", "达",
              "远", "云", "智", "海", "天", "金", "创"]
EMPLOYER_B = ["科技", "贸易", "医药", "建设", "物流", "电子", "食品", "教育咨询", "文化传媒", "信息技术", "新能源",
              "汽车服务", "管理咨询", "餐饮管理", "实业", "置业", "精密制造", "生物科技"]
MERCHANTS = {
    "supermarket": ["沃尔玛", "永辉超市", "盒马鲜生", "华润万家", "家乐福", "大润发"],
    "dining": ["星巴克", "麦当劳", "海底捞", "肯德基", "瑞幸咖啡", "喜茶", "西贝莜面村"],
    "online_shopping": ["京东商城", "天猫", "拼多多", "唯品会", "抖音商城"],
    "transport": ["滴滴出行", "中国铁路12306", "中国国际航空", "东方航空", "城市地铁"],
    "travel": ["携程旅行", "华住酒店", "希尔顿酒店", "飞猪旅行"],
    "healthcare": ["大参林药房", "老百姓大药房", "爱尔眼科", "美年大健康"],
    "entertainment": ["万达影城", "腾讯视频", "爱奇艺", "网易云音乐"],
    "education": ["新东方", "学而思", "得到"],
    "fuel": ["中国石化加油站", "中国石油加油站"],
}
MERCHANT_W = {"supermarket": 20, "dining": 25, "online_shopping": 25, "transport": 12, "travel": 4,
              "healthcare": 5, "entertainment": 6, "education": 2, "fuel": 6}
MERCHANT_AMT = {"supermarket": 180, "dining": 90, "online_shopping": 260, "transport": 120, "travel": 1500,
                "healthcare": 300, "entertainment": 60, "education": 2500, "fuel": 350}
BILLERS = [("国家电网", "电费"), ("自来水公司", "水费"), ("燃气公司", "燃气费"), ("中国移动", "话费"),
           ("中国联通", "话费"), ("中国电信", "宽带费"), ("物业服务中心", "物业费")]
OTHER_BANKS = ["中国工商银行", "中国建设银行", "中国银行", "中国农业银行", "招商银行", "交通银行", "兴业银行",
               "浦发银行", "平安银行", "中信银行"]
BANK_ZH, BANK_EN = "华信银行", "Huaxin Bank"

# code, name zh, name en, category, risk, yield %, min amount, term days, launch, issuer, guaranteed
PRODUCTS = [
    ("DP001", "活期储蓄", "Demand Savings", "deposit", "R1", 0.20, 0.01, None, "2005-01-01", BANK_ZH, 1),
    ("DP002", "对公结算活期", "Current (Settlement) Account", "deposit", "R1", 0.20, 0.01, None, "2005-01-01",
     BANK_ZH, 1),
    ("DP003", "代发工资卡活期", "Payroll Demand Account", "deposit", "R1", 0.20, 0.01, None, "2008-01-01", BANK_ZH, 1),
    ("DP101", "整存整取3个月", "Fixed Deposit 3 Months", "deposit", "R1", 1.25, 50, 91, "2005-01-01", BANK_ZH, 1),
    ("DP102", "整存整取1年", "Fixed Deposit 1 Year", "deposit", "R1", 1.65, 50, 365, "2005-01-01", BANK_ZH, 1),
    ("DP103", "整存整取2年", "Fixed Deposit 2 Years", "deposit", "R1", 2.05, 50, 730, "2005-01-01", BANK_ZH, 1),
    ("DP104", "整存整取3年", "Fixed Deposit 3 Years", "deposit", "R1", 2.45, 50, 1095, "2005-01-01", BANK_ZH, 1),
    ("DP201", "大额存单3年期", "Large-denomination CD 3 Years", "deposit", "R1", 2.90, 200000, 1095, "2016-06-01",
     BANK_ZH, 1),
    ("DP301", "美元活期储蓄", "USD Demand Savings", "deposit", "R1", 0.05, 1, None, "2005-01-01", BANK_ZH, 1),
    ("DP302", "港币活期储蓄", "HKD Demand Savings", "deposit", "R1", 0.01, 1, None, "2005-01-01", BANK_ZH, 1),
    ("WM001", "华信天天盈现金管理", "Huaxin Daily Win Cash Management", "wealth_management", "R1", 2.10, 1, 1,
     "2019-03-01", "华信理财有限责任公司", 0),
    ("WM002", "华信稳享90天", "Huaxin Steady 90-Day", "wealth_management", "R2", 2.80, 10000, 90, "2020-05-01",
     "华信理财有限责任公司", 0),
    ("WM003", "华信稳享180天", "Huaxin Steady 180-Day", "wealth_management", "R2", 3.00, 10000, 180, "2020-05-01",
     "华信理财有限责任公司", 0),
    ("WM004", "华信安盈一年定开", "Huaxin Anying 1-Year Regular Open", "wealth_management", "R2", 3.30, 10000, 365,
     "2021-01-15", "华信理财有限责任公司", 0),
    ("WM005", "华信睿选固收增强", "Huaxin Smart Fixed Income Plus", "wealth_management", "R3", 3.80, 10000, 365,
     "2021-06-01", "华信理财有限责任公司", 0),
    ("WM006", "华信臻选混合策略", "Huaxin Select Mixed Strategy", "wealth_management", "R3", 4.50, 50000, 540,
     "2022-03-01", "华信理财有限责任公司", 0),
    ("WM007", "华信权益精选", "Huaxin Equity Select", "wealth_management", "R4", 6.00, 100000, 730, "2021-09-01",
     "华信理财有限责任公司", 0),
    ("WM008", "华信私行尊享", "Huaxin Private Banking Exclusive", "wealth_management", "R3", 4.20, 1000000, 365,
     "2020-01-01", "华信理财有限责任公司", 0),
    ("WM009", "华信养老理财5年", "Huaxin Pension Wealth 5-Year", "wealth_management", "R2", 4.00, 1, 1825,
     "2022-11-01", "华信理财有限责任公司", 0),
    ("FD001", "华夏成长混合(代销)", "ChinaAMC Growth Hybrid (distributed)", "fund", "R4", None, 10, None,
     "2018-01-01", "华夏基金管理有限公司", 0),
    ("FD002", "易方达消费行业股票(代销)", "E Fund Consumer Industry Equity (distributed)", "fund", "R4", None, 10,
     None, "2018-01-01", "易方达基金管理有限公司", 0),
    ("FD003", "招商中证白酒指数(代销)", "China Merchants CSI Liquor Index (distributed)", "fund", "R5", None, 10,
     None, "2019-01-01", "招商基金管理有限公司", 0),
    ("FD004", "南方纯债债券(代销)", "Southern Pure Bond (distributed)", "fund", "R2", None, 10, None, "2018-01-01",
     "南方基金管理股份有限公司", 0),
    ("FD005", "天弘余额宝货币(代销)", "Tianhong Yu'E Bao Money Market (distributed)", "fund", "R1", 1.70, 1, None,
     "2018-01-01", "天弘基金管理有限公司", 0),
    ("FD006", "广发纳斯达克100(QDII)(代销)", "GF NASDAQ-100 QDII (distributed)", "fund", "R5", None, 10, None,
     "2019-06-01", "广发基金管理有限公司", 0),
    ("FD007", "嘉实沪深300ETF联接(代销)", "Harvest CSI 300 ETF Feeder (distributed)", "fund", "R4", None, 10, None,
     "2018-01-01", "嘉实基金管理有限公司", 0),
    ("IN001", "华信安康终身寿险(代理)", "Huaxin Ankang Whole Life Insurance (agency)", "insurance", "R2", 2.50, 10000,
     None, "2019-01-01", "中国人寿保险股份有限公司", 0),
    ("IN002", "金福年金保险(代理)", "Jinfu Annuity Insurance (agency)", "insurance", "R2", 3.00, 20000, 3650,
     "2020-01-01", "平安人寿保险股份有限公司", 0),
    ("IN003", "百万医疗险(代理)", "Million Medical Insurance (agency)", "insurance", "R1", None, 300, 365,
     "2021-01-01", "中国太平洋人寿保险股份有限公司", 0),
    ("LN001", "个人住房按揭贷款", "Residential Mortgage Loan", "loan", None, 4.20, 100000, 7300, "2005-01-01",
     BANK_ZH, None),
    ("LN002", "信用消费贷", "Unsecured Consumer Loan", "loan", None, 6.50, 10000, 1095, "2015-01-01", BANK_ZH, None),
    ("LN003", "汽车消费贷款", "Auto Loan", "loan", None, 4.80, 30000, 1095, "2010-01-01", BANK_ZH, None),
    ("LN004", "个人经营贷", "Small Business Loan", "loan", None, 4.50, 100000, 730, "2012-01-01", BANK_ZH, None),
    ("LN005", "国家助学贷款", "Student Loan", "loan", None, 3.00, 5000, 2920, "2010-01-01", BANK_ZH, None),
    ("LN006", "家装分期贷", "Home Renovation Loan", "loan", None, 5.20, 30000, 1095, "2017-01-01", BANK_ZH, None),
    ("CC001", "华信标准信用卡", "Huaxin Classic Credit Card", "credit_card", None, 18.25, None, None, "2010-01-01",
     BANK_ZH, None),
    ("CC002", "华信金卡", "Huaxin Gold Credit Card", "credit_card", None, 18.25, None, None, "2010-01-01", BANK_ZH,
     None),
    ("CC003", "华信白金信用卡", "Huaxin Platinum Credit Card", "credit_card", None, 18.25, None, None, "2012-01-01",
     BANK_ZH, None),
    ("CC004", "华信钻石信用卡", "Huaxin Diamond Credit Card", "credit_card", None, 18.25, None, None, "2016-01-01",
     BANK_ZH, None),
    ("CC005", "华信联名航空信用卡", "Huaxin Co-branded Airline Credit Card", "credit_card", None, 18.25, None, None,
     "2019-01-01", BANK_ZH, None),
]

LOAN_TYPES = {  # type: (product code, weight, principal range, term choices, purpose zh/en list, collateral)
    "mortgage": ("LN001", 24, (400000, 4000000), [120, 180, 240, 300, 360],
                 [("购买首套住房", "first home purchase"), ("购买改善型住房", "upgrade home purchase")], "property"),
    "consumer": ("LN002", 30, (10000, 300000), [12, 24, 36, 60],
                 [("日常消费", "daily consumption"), ("旅游", "travel"), ("婚庆", "wedding"),
                  ("购买家电", "home appliances"), ("医疗支出", "medical expenses")], "none"),
    "auto": ("LN003", 15, (50000, 400000), [12, 24, 36, 60], [("购买新能源汽车", "new energy vehicle purchase"),
                                                               ("购买燃油车", "car purchase")], "vehicle"),
    "business": ("LN004", 18, (100000, 3000000), [6, 12, 24, 36],
                 [("补充流动资金", "working capital"), ("采购原材料", "raw material purchase"),
                  ("门店装修扩张", "store expansion")], "guarantee"),
    "education": ("LN005", 5, (8000, 80000), [60, 96, 120], [("支付学费", "tuition fees"),
                                                               ("海外留学", "study abroad")], "none"),
    "renovation": ("LN006", 8, (50000, 500000), [12, 24, 36, 60], [("房屋装修", "home renovation")], "none"),
}

def _create_tables(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """Every table of the bank database, from its spec; each table's columns in order."""
    t = {}
    t["district"] = create_table(conn, "district", """
        district_id INTEGER, province TEXT NOT NULL, province_en TEXT, city TEXT NOT NULL, city_en TEXT,
        district_name TEXT NOT NULL, district_name_en TEXT, region TEXT, city_tier INTEGER, population_10k REAL,
        gdp_per_capita REAL, avg_monthly_salary REAL, unemployment_rate REAL, avg_house_price REAL
    """, ("district_id",))
    t["branch"] = create_table(conn, "branch", """
        branch_id INTEGER, branch_code TEXT NOT NULL UNIQUE, name_zh TEXT NOT NULL, name_en TEXT,
        district_id INTEGER NOT NULL REFERENCES district (district_id), branch_type TEXT, address TEXT,
        phone TEXT, open_date TEXT, manager_name TEXT, staff_count INTEGER, has_safe_deposit INTEGER,
        is_24h_self_service INTEGER
    """, ("branch_id",))
    t["product"] = create_table(conn, "product", """
        product_id INTEGER, product_code TEXT NOT NULL UNIQUE, name_zh TEXT NOT NULL, name_en TEXT,
        category TEXT NOT NULL, risk_level TEXT, expected_yield REAL, min_amount REAL, term_days INTEGER,
        currency TEXT, launch_date TEXT, end_date TEXT, status TEXT, issuer TEXT,
        is_principal_guaranteed INTEGER
    """, ("product_id",))
    t["customer"] = create_table(conn, "customer", """
        customer_id INTEGER, customer_no TEXT NOT NULL UNIQUE, name_zh TEXT NOT NULL, name_en TEXT, gender TEXT,
        birth_date TEXT, id_type TEXT, id_number_masked TEXT, nationality TEXT, phone_masked TEXT, email TEXT,
        education TEXT, occupation TEXT, employer TEXT, annual_income REAL, marital_status TEXT,
        district_id INTEGER REFERENCES district (district_id),
        home_branch_id INTEGER REFERENCES branch (branch_id), join_date TEXT, segment TEXT, risk_rating TEXT,
        is_vip INTEGER, status TEXT
    """, ("customer_id",))
    t["account"] = create_table(conn, "account", """
        account_id INTEGER, account_no TEXT NOT NULL UNIQUE,
        customer_id INTEGER NOT NULL REFERENCES customer (customer_id),
        branch_id INTEGER NOT NULL REFERENCES branch (branch_id),
        product_id INTEGER REFERENCES product (product_id), account_type TEXT NOT NULL, currency TEXT NOT NULL,
        open_date TEXT NOT NULL, close_date TEXT, status TEXT, balance REAL, interest_rate REAL,
        term_months INTEGER, maturity_date TEXT, daily_transfer_limit REAL, last_txn_time TEXT
    """, ("account_id",))
    t["transaction_log"] = create_table(conn, "transaction_log", """
        txn_id INTEGER, txn_no TEXT NOT NULL UNIQUE,
        account_id INTEGER NOT NULL REFERENCES account (account_id), txn_time TEXT NOT NULL,
        txn_type TEXT NOT NULL, direction TEXT NOT NULL, amount REAL NOT NULL, balance_after REAL,
        currency TEXT, channel TEXT, counterparty_name TEXT, counterparty_account TEXT, counterparty_bank TEXT,
        merchant_category TEXT, description TEXT, status TEXT, fee REAL
    """, ("txn_id",))
    t["loan"] = create_table(conn, "loan", """
        loan_id INTEGER, loan_no TEXT NOT NULL UNIQUE,
        customer_id INTEGER NOT NULL REFERENCES customer (customer_id),
        account_id INTEGER NOT NULL REFERENCES account (account_id),
        branch_id INTEGER REFERENCES branch (branch_id), product_id INTEGER REFERENCES product (product_id),
        loan_type TEXT NOT NULL, purpose TEXT, purpose_en TEXT, principal REAL NOT NULL, currency TEXT,
        annual_rate REAL, term_months INTEGER, repayment_method TEXT, start_date TEXT NOT NULL,
        maturity_date TEXT, status TEXT, outstanding_principal REAL, overdue_days INTEGER, five_tier_class TEXT,
        collateral_type TEXT, collateral_value REAL
    """, ("loan_id",))
    t["loan_repayment"] = create_table(conn, "loan_repayment", """
        repayment_id INTEGER, loan_id INTEGER NOT NULL REFERENCES loan (loan_id),
        installment_no INTEGER NOT NULL, due_date TEXT NOT NULL, principal_due REAL, interest_due REAL,
        total_due REAL, paid_date TEXT, amount_paid REAL, penalty_interest REAL, days_late INTEGER, status TEXT
    """, ("repayment_id",), unique=(("loan_id", "installment_no"),))
    t["card"] = create_table(conn, "card", """
        card_id INTEGER, card_no_masked TEXT NOT NULL,
        customer_id INTEGER NOT NULL REFERENCES customer (customer_id),
        account_id INTEGER REFERENCES account (account_id), product_id INTEGER REFERENCES product (product_id),
        card_type TEXT NOT NULL, card_level TEXT, card_network TEXT, credit_limit REAL,
        outstanding_balance REAL, issue_date TEXT, expiry_date TEXT, status TEXT, annual_fee REAL,
        last_used_date TEXT
    """, ("card_id",))
    t["credit_score"] = create_table(conn, "credit_score", """
        score_id INTEGER, customer_id INTEGER NOT NULL REFERENCES customer (customer_id),
        score_date TEXT NOT NULL, score INTEGER, grade TEXT, model_version TEXT, debt_to_income REAL,
        credit_utilization REAL, delinquencies_12m INTEGER, inquiries_6m INTEGER, open_credit_lines INTEGER
    """, ("score_id",), unique=(("customer_id", "score_date"),))
    t["product_holding"] = create_table(conn, "product_holding", """
        holding_id INTEGER, customer_id INTEGER NOT NULL REFERENCES customer (customer_id),
        product_id INTEGER NOT NULL REFERENCES product (product_id),
        account_id INTEGER REFERENCES account (account_id), purchase_date TEXT NOT NULL, amount REAL,
        units REAL, status TEXT, redeem_date TEXT, current_value REAL, realized_profit REAL, channel TEXT
    """, ("holding_id",))
    t["exchange_rate"] = create_table(conn, "exchange_rate", """
        rate_date TEXT NOT NULL, currency TEXT NOT NULL, unit INTEGER, mid_rate REAL, buy_rate REAL,
        sell_rate REAL, cash_buy_rate REAL
    """, ("rate_date", "currency"))
    return t



def build(conn: sqlite3.Connection, rng: random.Random) -> None:
    columns = _create_tables(conn)
    b = _Bank(rng)
    b.make()
    for table in ("district", "branch", "product", "customer", "account", "loan", "loan_repayment", "card",
                  "credit_score", "product_holding", "transaction_log", "exchange_rate"):
        insert_tuples(conn, table, columns[table], b.tables[table])


def _grade(score: int) -> str:
    for cut, g in ((800, "AAA"), (740, "AA"), (680, "A"), (620, "BBB"), (560, "BB"), (500, "B")):
        if score >= cut:
            return g
    return "C"


class _Bank:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.tables: dict[str, list[tuple]] = {}
        self.events: dict[int, list[list]] = {}  # account_id -> events

    def make(self) -> None:
        self.make_geo()
        self.make_products()
        self.make_rates()
        self.make_customers()
        self.make_accounts()
        self.make_loans()
        self.make_cards()
        self.make_holdings()
        self.make_transactions()
        self.make_scores()

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

    # -- products and FX -------------------------------------------------------------------------
    def make_products(self) -> None:
        rows = []
        self.product_id = {}
        for i, p in enumerate(PRODUCTS):
            code, zh, en, cat, risk, yld, mn, term, launch, issuer, guaranteed = p
            cur = "USD" if code == "DP301" else "HKD" if code == "DP302" else "CNY"
            end, status = None, "on_sale"
            if code in ("WM006", "FD003"):
                end, status = ("2024-03-31", "closed") if code == "WM006" else (None, "suspended")
            rows.append((i + 1, code, zh, en, cat, risk, yld, mn, term, cur, launch, end, status, issuer,
                         guaranteed))
            self.product_id[code] = i + 1
        self.products = rows
        self.tables["product"] = rows

    def make_rates(self) -> None:
        rng = self.rng
        days = weekdays(date(2022, 12, 30), SNAPSHOT)
        spec = {"USD": (1, (6.9646, 7.2258, 7.0827, 7.1268), 0.0025),
                "EUR": (1, (7.4229, 7.8771, 7.8592, 7.6617), 0.004),
                "HKD": (1, (0.8933, 0.9220, 0.9062, 0.9127), 0.0025),
                "JPY": (100, (5.2358, 5.0094, 5.0213, 4.4373), 0.005)}
        anchors_d = [date(2022, 12, 30), date(2023, 6, 30), date(2023, 12, 29), date(2024, 6, 28)]
        pos = {d: i for i, d in enumerate(days)}
        rows = []
        self.fx: dict[str, dict[date, float]] = {}
        for cur, (unit, levels, vol) in spec.items():
            series = [0.0] * len(days)
            pts = list(zip(anchors_d, levels, strict=True))
            for (d0, l0), (d1, l1) in zip(pts, pts[1:], strict=False):
                i0, i1 = pos[d0], pos[d1]
                walk = [0.0]
                for _ in range(i1 - i0):
                    walk.append(walk[-1] + rng.gauss(0, vol))
                n = i1 - i0
                for k in range(n + 1):
                    series[i0 + k] = math.exp(math.log(l0) + walk[k] - walk[n] * k / n
                                              + (math.log(l1) - math.log(l0)) * k / n)
            self.fx[cur] = {}
            for d, mid in zip(days, series, strict=True):
                if d < LOG_START or d > SNAPSHOT:
                    continue
                self.fx[cur][d] = mid
                m = mid
                rows.append((ds(d), cur, unit, round(m, 4), round(m * 0.9985, 4), round(m * 1.0015, 4),
                             round(m * 0.9935, 4)))
        rows.sort()
        self.tables["exchange_rate"] = rows

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

    # -- accounts --------------------------------------------------------------------------------
    def make_accounts(self) -> None:
        rng = self.rng
        rows = []
        self.accounts = []
        for c in self.customers:
            plan = ["savings"]
            if c["employer"] and rng.random() < 0.22:
                plan.append("payroll")
            if rng.random() < 0.12 or c["occ"] == "self_employed":
                plan.append("current")
            for _ in range(rng.choices([0, 1, 2, 3], weights=[45, 35, 15, 5])[0]):
                plan.append("time_deposit")
            if rng.random() < 0.07 or c["nationality"] != "CN":
                plan.append("fx")
            for atype in plan:
                aid = len(rows) + 1
                cur = "CNY"
                if atype == "fx":
                    cur = rng.choice(["USD", "USD", "HKD"])
                    atype = "savings"
                opened = c["join"] if not c["accounts"] else rand_date(rng, c["join"], date(2024, 6, 20))
                prod = {"savings": "DP001", "payroll": "DP003", "current": "DP002"}.get(atype)
                if cur == "USD":
                    prod = "DP301"
                elif cur == "HKD":
                    prod = "DP302"
                rate, term, maturity = 0.2 if cur == "CNY" else (0.05 if cur == "USD" else 0.01), None, None
                if atype == "time_deposit":
                    prod = rng.choices(["DP101", "DP102", "DP103", "DP104", "DP201"], weights=[15, 35, 15, 20, 15])[0]
                    if prod == "DP201" and c["income"] < 300000:
                        prod = "DP104"
                    term = {"DP101": 3, "DP102": 12, "DP103": 24, "DP104": 36, "DP201": 36}[prod]
                    opened = rand_date(rng, max(c["join"], date(2020, 1, 1)), date(2024, 6, 10))
                    base = {3: 1.45, 12: 1.85, 24: 2.35, 36: 2.85}[term] if prod != "DP201" else 3.30
                    cut = 0.0 if opened < date(2022, 9, 15) else 0.15 if opened < date(2023, 6, 8) else \
                        0.35 if opened < date(2023, 12, 22) else 0.55
                    rate = round(base - cut, 2)
                    maturity = add_months(opened, term)
                wealth = c["income"] * math.exp(rng.gauss(-0.3, 0.9))
                if atype == "time_deposit":
                    bal = round(max(10000.0, wealth * rng.uniform(0.3, 1.5)), -2)
                    if prod == "DP201":
                        bal = max(200000.0, bal)
                elif cur != "CNY":
                    bal = round(wealth * rng.uniform(0.05, 0.5) / (7.1 if cur == "USD" else 0.91), 2)
                else:
                    bal = round(wealth * rng.uniform(0.05, 0.6), 2)
                status, closed = "active", None
                if atype != "time_deposit" and rng.random() < 0.05 and opened < date(2023, 6, 1):
                    status, closed = "closed", rand_date(rng, max(opened, LOG_START) + timedelta(days=30),
                                                         date(2024, 6, 15))
                elif atype == "time_deposit" and maturity <= SNAPSHOT:
                    status, closed = "closed", maturity
                elif atype == "savings" and rng.random() < 0.03:
                    status = "frozen"
                branch = c["branch"] if rng.random() < 0.85 else rng.choice(self.branches)
                if branch["opened"] > opened:
                    branch = c["branch"]
                a = dict(id=aid, cust=c, type=atype, cur=cur, opened=opened, closed=closed, status=status,
                         balance=bal, rate=rate, term=term, maturity=maturity, prod=prod, branch=branch,
                         last=None, activity=math.exp(rng.gauss(0, 0.6)))
                c["accounts"].append(a)
                self.accounts.append(a)
                self.events[aid] = []
                rows.append(a)
        # a few long-inactive savings accounts become dormant
        for a in self.accounts:
            if a["type"] == "savings" and a["status"] == "active" and a["opened"] < date(2020, 1, 1) \
                    and rng.random() < 0.04:
                a["status"] = "dormant"

    def _acct_no(self, a: dict) -> str:
        return f"62{2588 + a['branch']['id']:04d}{a['id'] * 7919 % 10**9:09d}{a['id'] % 97:02d}"

    # -- loans and repayments --------------------------------------------------------------------
    def make_loans(self) -> None:
        rng = self.rng
        rows, reps = [], []
        types = list(LOAN_TYPES)
        weights = [LOAN_TYPES[t][1] for t in types]
        borrowers = [c for c in self.customers if c["occ"] != "retired" and 22 <= c["age"] <= 62]
        chosen = rng.sample(borrowers, 660)
        for c in chosen:
            for _ in range(1 if rng.random() < 0.85 else 2):
                ltype = rng.choices(types, weights=weights)[0]
                if ltype == "education" and c["age"] > 30:
                    ltype = "consumer"
                if ltype == "business" and c["occ"] not in ("self_employed", "manager", "sales"):
                    ltype = rng.choice(["consumer", "auto", "renovation"])
                code, _w, (lo, hi), terms, purposes, collateral = LOAN_TYPES[ltype]
                acct = next((a for a in c["accounts"] if a["type"] in ("savings", "payroll", "current")
                             and a["cur"] == "CNY" and a["status"] not in ("closed", "dormant")), None)
                if acct is None:
                    continue
                start = rand_date(rng, max(date(2019, 1, 1), acct["opened"]), date(2024, 5, 20))
                term = rng.choice(terms)
                scale = min(1.0, c["income"] / 400000) ** 0.6
                principal = round(math.exp(rng.uniform(math.log(lo), math.log(lo + (hi - lo) * scale + 1))), -3)
                yr = start.year + (start.month - 1) / 12
                if ltype == "mortgage":
                    rate = 5.3 - 0.45 * max(0.0, yr - 2021.5) + rng.uniform(-0.3, 0.3)
                elif ltype == "consumer":
                    rate = rng.uniform(3.6, 12.0) - 0.4 * max(0.0, yr - 2022)
                elif ltype == "education":
                    rate = rng.uniform(2.5, 3.8)
                else:
                    rate = rng.uniform(3.5, 6.5) - 0.3 * max(0.0, yr - 2022)
                rate = round(max(3.1, rate), 2)
                method = "equal_installment"
                if ltype == "mortgage" and rng.random() < 0.3:
                    method = "equal_principal"
                if ltype == "business" and term <= 12 and rng.random() < 0.6:
                    method = "interest_only_bullet"
                lid = len(rows) + 1
                purpose, purpose_en = rng.choice(purposes)
                # behaviour: 0 normal, 1 paid late sometimes, 2 overdue now, 3 prepaid, 4 written off
                r = rng.random()
                risk = 1.0 + (1.5 if c["income"] < 80000 else 0.0) + (1.0 if ltype == "consumer" else 0.0)
                behaviour = 4 if r < 0.006 * risk else 2 if r < 0.055 * risk else 3 if r < 0.055 * risk + 0.1 \
                    else 1 if rng.random() < 0.25 else 0
                sched = self._schedule(principal, rate, term, method, start)
                due_rows = [s for s in sched if s[1] <= SNAPSHOT]
                n_due = len(due_rows)
                unpaid_from = n_due
                if behaviour in (2, 4) and n_due >= 2:
                    miss = rng.randint(1, min(n_due - 1, 7 if behaviour == 2 else 12))
                    if behaviour == 4:
                        miss = max(miss, min(n_due - 1, 7))
                    unpaid_from = n_due - miss
                elif behaviour in (2, 4):
                    behaviour = 0
                if behaviour in (2, 4) and add_months(start, term) < date(2024, 1, 1):
                    behaviour, unpaid_from = 0, n_due  # long-matured loans are settled, not still overdue
                prepay_at = None
                if behaviour == 3 and n_due >= 4:
                    prepay_at = rng.randint(2, n_due - 1)
                outstanding = principal
                last_paid = None
                max_late = 0
                for inst, due, p_due, i_due in due_rows:
                    installment_no = inst
                    if prepay_at is not None and inst > prepay_at:
                        break
                    if prepay_at is not None and inst == prepay_at:
                        p_due = round(outstanding, 2)
                    total = round(p_due + i_due, 2)
                    if inst > unpaid_from:
                        late = (SNAPSHOT - due).days
                        max_late = max(max_late, late)
                        pen = round(total * 0.0005 * late, 2)
                        reps.append((lid, installment_no, ds(due), p_due, i_due, total, None, 0.0, pen, late,
                                     "overdue"))
                        continue
                    late = 0
                    if behaviour == 1 and rng.random() < 0.12:
                        late = rng.randint(1, 25)
                    paid = due + timedelta(days=late)
                    if paid > SNAPSHOT:
                        paid, late = SNAPSHOT, (SNAPSHOT - due).days
                    pen = round(total * 0.0005 * late, 2)
                    amount = round(total + pen, 2)
                    reps.append((lid, installment_no, ds(due), p_due, i_due, total, ds(paid), amount, pen, late,
                                 "paid_late" if late else "paid"))
                    outstanding = round(outstanding - p_due, 2)
                    last_paid = paid
                    if paid >= max(LOG_START, acct["opened"]) and (not acct["closed"] or paid < acct["closed"]):
                        t = datetime(paid.year, paid.month, paid.day, rng.randint(6, 22), rng.randint(0, 59),
                                     rng.randint(0, 59))
                        self._event(acct, t, "loan_repayment", "D", amount, "system", f"{BANK_ZH}个人贷款",
                                    f"LN{lid:08d}", BANK_ZH, None, f"贷款还款 第{installment_no}期", forced=True)
                maturity = add_months(start, term)
                if prepay_at is not None:
                    status = "paid_off"
                    outstanding = 0.0
                elif behaviour == 4:
                    status = "written_off"
                elif unpaid_from < n_due:
                    status = "overdue"
                elif maturity <= SNAPSHOT or outstanding <= 0.005:
                    status, outstanding = "paid_off", 0.0
                else:
                    status = "active"
                if status == "overdue":
                    five = "special_mention" if max_late <= 90 else "substandard" if max_late <= 180 else "doubtful"
                elif status == "written_off":
                    five = "loss"
                elif status == "paid_off":
                    five = "normal"
                else:
                    five = "normal" if behaviour != 1 or rng.random() < 0.8 else "special_mention"
                coll_value = None
                if collateral == "property":
                    coll_value = round(principal / rng.uniform(0.45, 0.7), -3)
                elif collateral == "vehicle":
                    coll_value = round(principal / rng.uniform(0.6, 0.8), -3)
                elif collateral == "guarantee":
                    coll_value = round(principal * rng.uniform(1.0, 1.5), -3)
                if ltype in ("consumer", "business", "education", "renovation") and start >= max(LOG_START,
                                                                                                acct["opened"]):
                    self._event(acct, datetime(start.year, start.month, start.day, rng.randint(9, 16),
                                               rng.randint(0, 59), rng.randint(0, 59)), "loan_disbursement", "C",
                                principal, "system", f"{BANK_ZH}个人贷款", f"LN{lid:08d}", BANK_ZH, None,
                                "贷款发放", forced=True)
                rows.append((lid, f"LN{start.year}{lid:06d}", c["id"], acct["id"], acct["branch"]["id"],
                             self.product_id[code], ltype, purpose, purpose_en, principal, "CNY", rate, term, method,
                             ds(start), ds(maturity), status, round(max(0.0, outstanding), 2),
                             max_late if status in ("overdue", "written_off") else 0, five, collateral, coll_value))
                c["loans"].append(dict(status=status, outstanding=outstanding, principal=principal, late=max_late,
                                       start=start, behaviour=behaviour, last_paid=last_paid, term=term))
        self.tables["loan"] = rows
        self.tables["loan_repayment"] = [(i + 1, *r) for i, r in enumerate(reps)]

    @staticmethod
    def _schedule(p: float, rate: float, n: int, method: str, start: date) -> list[tuple]:
        r = rate / 100 / 12
        out = []
        bal = p
        pay = p * r / (1 - (1 + r) ** -n) if r else p / n
        for k in range(1, n + 1):
            due = add_months(start, k)
            interest = round(bal * r, 2)
            if method == "equal_installment":
                prin = round(pay - interest, 2) if k < n else round(bal, 2)
            elif method == "equal_principal":
                prin = round(p / n, 2) if k < n else round(bal, 2)
            else:
                prin = round(bal, 2) if k == n else 0.0
            bal -= prin
            out.append((k, due, prin, interest))
        return out

    # -- cards -----------------------------------------------------------------------------------
    def make_cards(self) -> None:
        rng = self.rng
        rows = []
        for c in self.customers:
            debit_accts = [a for a in c["accounts"] if a["type"] in ("savings", "payroll") and a["cur"] == "CNY"]
            for a in debit_accts:
                if rng.random() < 0.9:
                    issue = a["opened"] + timedelta(days=rng.randint(0, 3))
                    expiry = add_months(issue, 120)
                    status = "cancelled" if a["status"] == "closed" else "frozen" if a["status"] == "frozen" else \
                        "expired" if expiry < SNAPSHOT else "active"
                    if status == "active" and rng.random() < 0.01:
                        status = "lost"
                    level = "gold" if c["income"] > 300000 else "classic"
                    rows.append([None, c["id"], a["id"], None, "debit", level, "UnionPay", None, None, ds(issue),
                                 ds(expiry), status, 0.0, a, issue])
            if rng.random() < 0.42 and c["age"] >= 20:
                for _ in range(1 if rng.random() < 0.8 else 2):
                    inc = c["income"]
                    level = "diamond" if inc > 1e6 else "platinum" if inc > 400000 else "gold" if inc > 150000 \
                        else "classic"
                    prod = {"classic": "CC001", "gold": "CC002", "platinum": "CC003", "diamond": "CC004"}[level]
                    if rng.random() < 0.12:
                        prod = "CC005"
                    limit = round(min(500000, max(5000, inc * rng.uniform(0.1, 0.4))), -3)
                    issue = rand_date(rng, max(c["join"], date(2016, 1, 1)), date(2024, 5, 31))
                    expiry = add_months(issue, 60)
                    status = "expired" if expiry < SNAPSHOT else "active"
                    if status == "active" and rng.random() < 0.04:
                        status = rng.choice(["frozen", "cancelled"])
                    used = rng.uniform(0, 0.7) if rng.random() < 0.85 else rng.uniform(0.7, 1.0)
                    owed = round(limit * used, 2) if status in ("active", "frozen") else 0.0
                    fee = {"classic": 0.0, "gold": 0.0, "platinum": 800.0, "diamond": 3600.0}[level]
                    network = rng.choice(["UnionPay", "UnionPay", "Visa", "Mastercard"])
                    rows.append([None, c["id"], None, self.product_id[prod], "credit", level, network, limit, owed,
                                 ds(issue), ds(expiry), status, fee, None, issue])
                    c["cards"].append(dict(limit=limit, owed=owed, status=status))
        rows.sort(key=lambda r: (r[14], r[1]))
        out = []
        for i, r in enumerate(rows):
            cid = i + 1
            bin_ = "622588" if r[4] == "debit" else {"UnionPay": "625912", "Visa": "438088",
                                                      "Mastercard": "518710"}[r[6]]
            last_used = None
            a = r[13]
            if r[11] == "active":
                last_used = ds(SNAPSHOT - timedelta(days=int(rng.expovariate(1 / 12))))
            out.append((cid, f"{bin_}******{(cid * 7723) % 10000:04d}", r[1], r[2], r[3], r[4], r[5], r[6], r[7],
                        r[8], r[9], r[10], r[11], r[12], last_used))
        self.tables["card"] = out
        self.credit_cards: dict[int, list[tuple]] = {}
        for x in out:
            if x[5] == "credit":
                self.credit_cards.setdefault(x[2], []).append(x)

    # -- product holdings ------------------------------------------------------------------------
    def make_holdings(self) -> None:
        rng = self.rng
        rows = []
        sellable = [p for p in self.products if p[4] in ("wealth_management", "fund", "insurance")]
        rank = {"R1": 1, "R2": 2, "R3": 3, "R4": 4, "R5": 5}
        for c in self.customers:
            n = rng.choices([0, 1, 2, 3, 4], weights=[40, 25, 18, 10, 7])[0]
            if c["income"] > 500000:
                n += 2
            accts = [a for a in c["accounts"] if a["type"] in ("savings", "payroll") and a["cur"] == "CNY"
                     and a["status"] != "dormant"]
            if not accts:
                continue
            crank = int(c["risk"][1])
            for _ in range(n):
                ok = [p for p in sellable if rank[p[5]] <= crank and p[12] != "suspended"]
                if rng.random() < 0.015:
                    ok = [p for p in sellable if rank[p[5]] > crank] or ok  # mis-sold (above the client's rating)
                p = rng.choice(ok)
                if p[1] == "WM008" and c["income"] < 500000:
                    continue
                a = rng.choice(accts)
                launch = date.fromisoformat(p[10])
                lo = max(launch, a["opened"], date(2021, 1, 1))
                hi = date(2024, 6, 25)
                if p[11]:
                    hi = min(hi, date.fromisoformat(p[11]))
                if a["closed"]:
                    hi = min(hi, a["closed"] - timedelta(days=1))
                if lo > hi:
                    continue
                bought = rand_date(rng, lo, hi)
                amt = max(p[7] or 1000, round(c["income"] * math.exp(rng.gauss(-1.0, 0.8)), -3))
                if p[4] == "insurance":
                    amt = max(p[7], round(amt * 0.3, -2))
                cat = p[4]
                yld = p[6] if p[6] is not None else rng.gauss(2.0 if p[5] in ("R4", "R5") else 3.0, 15.0)
                term = p[8]
                status, redeem = "holding", None
                end = SNAPSHOT
                if term and cat == "wealth_management" and term < 1000:
                    mat = bought + timedelta(days=term)
                    if mat <= SNAPSHOT:
                        status, redeem, end = "matured", mat, mat
                if status == "holding" and cat in ("fund", "wealth_management") and rng.random() < 0.3:
                    redeem = rand_date(rng, min(bought + timedelta(days=30), SNAPSHOT), SNAPSHOT)
                    status, end = "redeemed", redeem
                if a["closed"] and (redeem is None or redeem >= a["closed"]):
                    redeem = a["closed"] - timedelta(days=1)
                    if redeem < bought:
                        redeem = bought
                    status, end = "redeemed", redeem
                years = max(0.0, (end - bought).days / 365)
                if cat == "fund" and p[6] is None:
                    growth = math.exp(rng.gauss(-0.05 if p[5] != "R2" else 0.03, 0.18 if p[5] != "R2" else 0.02)
                                      * max(years, 0.1) ** 0.5)
                else:
                    growth = 1 + (yld + rng.gauss(0, 0.3)) / 100 * years
                value = round(amt * growth, 2)
                nav0 = round(rng.uniform(0.9, 2.5), 4) if cat == "fund" else 1.0
                units = round(amt / nav0, 2) if cat in ("fund", "wealth_management") else None
                channel = rng.choices(["mobile_app", "counter", "online_banking"], weights=[60, 25, 15])[0]
                profit = round(value - amt, 2) if status != "holding" else None
                cur_value = value if status == "holding" else 0.0
                rows.append((c["id"], self.product_id[p[1]], a["id"], ds(bought), float(amt), units, status,
                             ds(redeem), cur_value, profit, channel))
                t = datetime(bought.year, bought.month, bought.day, rng.randint(9, 21), rng.randint(0, 59),
                             rng.randint(0, 59))
                if bought >= LOG_START:
                    self._event(a, t, "wealth_purchase", "D", float(amt), channel, p[13], None, None, None,
                                f"购买{p[2]}", forced=True)
                if redeem is not None and redeem >= LOG_START and (not a["closed"] or redeem < a["closed"]):
                    t2 = datetime(redeem.year, redeem.month, redeem.day, rng.randint(9, 20), rng.randint(0, 59),
                                  rng.randint(0, 59))
                    self._event(a, t2, "wealth_redemption", "C", value, "system", p[13], None, None, None,
                                f"{p[2]}到期/赎回")
                if status == "holding":
                    c["wealth"] += value
        rows.sort(key=lambda r: (r[3], r[0]))
        self.tables["product_holding"] = [(i + 1, *r) for i, r in enumerate(rows)]

    # -- transactions ----------------------------------------------------------------------------
    def _event(self, a: dict, t: datetime, ttype: str, direction: str, amount: float, channel: str,
               cp_name: str | None, cp_acct: str | None, cp_bank: str | None, mcc: str | None, desc: str,
               forced: bool = False, fee: float = 0.0) -> None:
        self.events[a["id"]].append([t, ttype, direction, round(amount, 2), channel, cp_name, cp_acct, cp_bank,
                                     mcc, desc, forced, fee])

    def _other_party(self) -> tuple[str, str, str]:
        rng = self.rng
        c = rng.choice(self.customers)
        if rng.random() < 0.55:
            a = rng.choice(c["accounts"])
            return c["zh"], self._acct_no(a), BANK_ZH
        return c["zh"][0] + rng.choice("明华伟芳丽军强静敏杰"), f"6{rng.randint(10**17, 10**18 - 1)}", \
            rng.choice(OTHER_BANKS)

    def make_transactions(self) -> None:
        rng = self.rng
        months = [add_months(LOG_START, i) for i in range(18)]
        cats = list(MERCHANT_W)
        cat_w = [MERCHANT_W[k] for k in cats]
        for c in self.customers:
            demand = [a for a in c["accounts"] if a["type"] in ("savings", "payroll", "current")]
            if not demand:
                continue
            primary = next((a for a in demand if a["type"] == "payroll"), demand[0])
            monthly_income = c["income"] / 12
            # most customers bank mainly elsewhere: only the engaged ones use their accounts every month
            engaged = primary["type"] == "payroll" or rng.random() < 0.08
            for a in demand:
                lo = max(LOG_START, a["opened"])
                hi = min(SNAPSHOT, a["closed"] - timedelta(days=1)) if a["closed"] else SNAPSHOT
                if lo > hi or a["status"] == "dormant":
                    continue
                fxr = 1.0 if a["cur"] == "CNY" else (7.1 if a["cur"] == "USD" else 0.91)
                act = a["activity"]
                is_primary = a is primary
                frozen_from = rand_date(rng, lo, hi) if a["status"] == "frozen" else None
                for m0 in months:
                    m1 = add_months(m0, 1) - timedelta(days=1)
                    if m1 < lo or m0 > hi:
                        continue

                    def when(day: int | None = None, h0: int = 7, h1: int = 23, m0=m0, m1=m1, lo=lo, hi=hi,
                             frozen_from=frozen_from) -> datetime | None:
                        d = date(m0.year, m0.month, day) if day else rand_date(rng, m0, m1)
                        if d < lo or d > hi or (frozen_from and d >= frozen_from):
                            return None
                        return datetime(d.year, d.month, d.day, rng.randint(h0, h1 - 1), rng.randint(0, 59),
                                        rng.randint(0, 59))

                    if m0.month in (3, 6, 9, 12):
                        t = when(21, 0, 2)
                        if t:
                            self._event(a, t, "interest", "C", 0.0, "system", BANK_ZH, None, BANK_ZH, None,
                                        "结息")
                    if not engaged:
                        if rng.random() < 0.045:
                            t = when()
                            if t:
                                self._event(a, t, "transfer_in", "C", monthly_income * math.exp(rng.gauss(-0.5, 0.8))
                                            / fxr, rng.choice(["mobile_app", "online_banking", "counter"]),
                                            *self._other_party(), None, rng.choice(["转账", "本人他行转入", "还款"]))
                        if rng.random() < 0.035:
                            t = when()
                            if t:
                                self._event(a, t, "transfer_out", "D", monthly_income * math.exp(rng.gauss(-1.0, 0.8))
                                            / fxr, rng.choice(["mobile_app", "online_banking", "counter"]),
                                            *self._other_party(), None, rng.choice(["转账", "生活费", "还款"]))
                        if rng.random() < 0.03 and a["cur"] == "CNY":
                            t = when(None, 8, 22)
                            if t:
                                self._event(a, t, "atm_withdrawal", "D", rng.choice([200, 500, 1000, 2000]), "atm",
                                            None, None, None, None, "ATM取现")
                        continue
                    if a["cur"] != "CNY":
                        for _ in range(rng.choices([0, 1, 2], weights=[55, 35, 10])[0]):
                            t = when()
                            if t:
                                if rng.random() < 0.55:
                                    self._event(a, t, "transfer_in", "C", monthly_income * rng.uniform(0.1, 1.5) / fxr,
                                                rng.choice(["online_banking", "counter"]), c["zh"], None,
                                                rng.choice(["汇丰银行(香港)", "中国银行(香港)", "花旗银行"]), None,
                                                "境外汇入")
                                else:
                                    self._event(a, t, "transfer_out", "D", monthly_income * rng.uniform(0.05, 1.0) / fxr,
                                                "online_banking", *self._other_party(), None, "购汇汇出/境外支付")
                        continue
                    if is_primary and c["employer"]:
                        t = when(rng.choice([10, 15, 25]), 8, 12)
                        if t:
                            self._event(a, t, "salary", "C", monthly_income * rng.uniform(0.85, 1.15), "system",
                                        c["employer"], f"{rng.randint(10**15, 10**16 - 1)}", BANK_ZH, None, "代发工资")
                    elif is_primary and c["occ"] == "retired":
                        t = when(rng.choice([5, 8]), 8, 11)
                        if t:
                            self._event(a, t, "transfer_in", "C", monthly_income * rng.uniform(0.95, 1.05), "system",
                                        f"{c['district']['city']}市社会保险事业管理中心", None, BANK_ZH, None, "养老金")
                    elif is_primary and rng.random() < 0.7:
                        t = when()
                        if t:
                            self._event(a, t, "transfer_in", "C", monthly_income * rng.uniform(0.5, 1.6),
                                        rng.choice(["mobile_app", "online_banking"]), *self._other_party(), None,
                                        "经营收入" if c["occ"] == "self_employed" else "转账收入")
                    n_spend = sum(1 for _ in range(4) if rng.random() < 0.25 * act) if is_primary or \
                        rng.random() < 0.3 else 0
                    for _ in range(n_spend):
                        cat = rng.choices(cats, weights=cat_w)[0]
                        t = when()
                        if t:
                            amt = MERCHANT_AMT[cat] * math.exp(rng.gauss(0, 0.7)) * (c["income"] / 200000) ** 0.3
                            ch = rng.choices(["pos", "third_party_pay", "mobile_app"], weights=[30, 55, 15])[0]
                            merchant = rng.choice(MERCHANTS[cat])
                            self._event(a, t, "purchase", "D", amt, ch, merchant, None, None, cat,
                                        f"消费-{merchant}" if ch != "third_party_pay" else
                                        f"{rng.choice(['财付通', '支付宝'])}-{merchant}")
                    if rng.random() < 0.3 * act:
                        t = when(None, 8, 22)
                        if t:
                            self._event(a, t, "atm_withdrawal", "D", rng.choice([100, 200, 300, 500, 800, 1000, 2000,
                                                                                3000]), "atm", None, None, None,
                                        None, "ATM取现", fee=0.0 if rng.random() < 0.8 else 2.0)
                    if is_primary and rng.random() < 0.45:
                        biller, what = rng.choice(BILLERS)
                        t = when()
                        if t:
                            self._event(a, t, "bill_payment", "D", rng.uniform(50, 600), rng.choice(
                                ["mobile_app", "third_party_pay", "online_banking"]), biller, None, None,
                                "utilities", f"缴费-{what}")
                    if rng.random() < 0.35 * act:
                        t = when()
                        if t:
                            name, acct, bank = self._other_party()
                            self._event(a, t, "transfer_out", "D", monthly_income * math.exp(rng.gauss(-1.3, 0.8)),
                                        rng.choices(["mobile_app", "online_banking", "counter"], weights=[70, 20, 10])[0],
                                        name, acct, bank, None, rng.choice(["转账", "房租", "还款", "生活费", "红包"]))
                    if rng.random() < 0.2 * act:
                        t = when()
                        if t:
                            name, acct, bank = self._other_party()
                            self._event(a, t, "transfer_in", "C", monthly_income * math.exp(rng.gauss(-1.5, 0.8)),
                                        rng.choice(["mobile_app", "online_banking"]), name, acct, bank, None,
                                        rng.choice(["转账", "还款", "报销款", "红包"]))
                    if is_primary and self.credit_cards.get(c["id"]) and rng.random() < 0.8:
                        t = when(rng.choice([5, 8, 12, 20]), 9, 22)
                        if t:
                            self._event(a, t, "card_repayment", "D", monthly_income * rng.uniform(0.1, 0.5),
                                        "mobile_app", f"{BANK_ZH}信用卡中心", None, BANK_ZH, None, "信用卡还款")
                if a["closed"]:
                    t = datetime(a["closed"].year, a["closed"].month, a["closed"].day, rng.randint(9, 16),
                                 rng.randint(0, 59), 0)
                    self._event(a, t, "account_closing", "D", 0.0, "counter", c["zh"], None, BANK_ZH, None,
                                "销户转出", forced=True)
        # time deposits: placement (if opened inside the log) and payout at maturity
        for a in self.accounts:
            if a["type"] != "time_deposit":
                continue
            c = a["cust"]
            if a["opened"] >= LOG_START:
                t = datetime(a["opened"].year, a["opened"].month, a["opened"].day, rng.randint(9, 16),
                             rng.randint(0, 59), 0)
                self._event(a, t, "deposit", "C", a["balance"], rng.choice(["counter", "mobile_app"]), c["zh"],
                            None, BANK_ZH, None, "定期存入", forced=True)
            if a["closed"] and a["closed"] >= LOG_START:
                t = datetime(a["closed"].year, a["closed"].month, a["closed"].day, 0, rng.randint(5, 50), 0)
                self._event(a, t, "account_closing", "D", 0.0, "system", c["zh"], None, BANK_ZH, None,
                            "定期到期本息转出", forced=True)
        self._run_ledgers()

    def _run_ledgers(self) -> None:
        rng = self.rng
        rows = []
        acc_rows = []
        for a in self.accounts:
            evs = sorted(self.events[a["id"]], key=lambda e: e[0])
            bal = a["balance"] if a["type"] != "time_deposit" or a["opened"] < LOG_START else 0.0
            if a["type"] == "time_deposit":
                principal = a["balance"]
            out = []
            last_t = datetime(2000, 1, 1)
            for e in evs:
                t, ttype, dirn, amt, ch, cpn, cpa, cpb, mcc, desc, forced, fee = e
                t = max(t, last_t + timedelta(seconds=2))
                last_t = t
                if ttype == "interest":
                    amt = round(max(0.0, bal) * a["rate"] / 100 / 4, 2)
                    if amt < 0.01:
                        continue
                if ttype == "account_closing":
                    if a["type"] == "time_deposit":
                        days = (a["maturity"] - a["opened"]).days
                        interest = round(principal * a["rate"] / 100 * days / 365, 2)
                        out.append([t - timedelta(minutes=1), "interest", "C", interest, "system", BANK_ZH, None,
                                    BANK_ZH, None, "定期利息", 0.0, "success"])
                        bal = round(bal + interest, 2)
                        out[-1].append(bal)
                    amt = round(bal, 2)
                    if amt <= 0:
                        continue
                if dirn == "D":
                    need = amt + fee
                    if need > bal + 1e-9:
                        if forced:
                            top = round(need - bal + rng.uniform(50, 2000), 2)
                            gap = max(1, min(600 * 60, int((t - out[-1][0]).total_seconds()) - 1)) if out else 3600
                            out.append([t - timedelta(seconds=rng.randint(1, gap)), "transfer_in", "C", top,
                                        "mobile_app", a["cust"]["zh"], None, rng.choice(OTHER_BANKS), None,
                                        "本人他行转入", 0.0, "success"])
                            bal = round(bal + top, 2)
                            out[-1].append(bal)
                        elif rng.random() < 0.25:
                            out.append([t, ttype, dirn, amt, ch, cpn, cpa, cpb, mcc, desc, 0.0, "failed", bal])
                            continue
                        else:
                            continue
                    bal = round(bal - amt - fee, 2)
                else:
                    bal = round(bal + amt, 2)
                out.append([t, ttype, dirn, amt, ch, cpn, cpa, cpb, mcc, desc, fee, "success", bal])
            # a handful of reversed transactions: the original and its reversal
            a["balance_final"] = bal
            a["last"] = max((o[0] for o in out), default=None)
            for seq, o in enumerate(out):
                rows.append((o[0], a["id"], seq, a, o))
            if a["type"] == "time_deposit" and a["status"] != "closed":
                a["balance_final"] = a["balance"]
        rows.sort(key=lambda r: r[:3])
        txn = []
        for i, (t, _aid, _seq, a, o) in enumerate(rows):
            (_t, ttype, dirn, amt, ch, cpn, cpa, cpb, mcc, desc, fee, status, bal) = o
            txn.append((i + 1, f"T{t:%Y%m%d}{i + 1:07d}", a["id"], dts(t), ttype, "credit" if dirn == "C" else "debit",
                        amt, bal, a["cur"], ch, cpn, cpa, cpb, mcc, desc, status, fee))
        self.tables["transaction_log"] = txn
        for a in self.accounts:
            bal = a.get("balance_final", a["balance"])
            if a["status"] == "closed":
                bal = 0.0
            limit = None if a["type"] == "time_deposit" else (50000.0 if a["cust"]["income"] < 200000 else 200000.0)
            if a["type"] == "current":
                limit = 1000000.0
            acc_rows.append((a["id"], self._acct_no(a), a["cust"]["id"], a["branch"]["id"],
                             self.product_id[a["prod"]], a["type"], a["cur"], ds(a["opened"]), ds(a["closed"]),
                             a["status"], round(bal, 2), a["rate"], a["term"], ds(a["maturity"]), limit,
                             dts(a["last"]) if a["last"] else None))
            a["final"] = bal
        self.tables["account"] = acc_rows
        # customer segment / VIP / status now that balances are known
        out = []
        for c, row in zip(self.customers, self.customer_rows, strict=True):
            aum = c["wealth"] + sum(a["final"] * (1.0 if a["cur"] == "CNY" else 7.1 if a["cur"] == "USD" else 0.91)
                                    for a in c["accounts"])
            seg = "private_banking" if aum >= 6e6 else "affluent" if aum >= 5e5 else "mass"
            row[19] = seg
            row[21] = 1 if seg != "mass" or c["income"] > 600000 else 0
            row[22] = "closed" if all(a["status"] == "closed" for a in c["accounts"]) else \
                "dormant" if all(a["status"] in ("closed", "dormant") for a in c["accounts"]) else "active"
            out.append(tuple(row))
        self.tables["customer"] = out

    # -- credit scores ---------------------------------------------------------------------------
    def make_scores(self) -> None:
        rng = self.rng
        dates = [date(2023, 3, 31), date(2023, 6, 30), date(2023, 9, 30), date(2023, 12, 31), date(2024, 3, 31),
                 date(2024, 6, 30)]
        rows = []
        for c in self.customers:
            base = 645 + 60 * math.log10(max(c["income"], 10000) / 100000) + rng.gauss(0, 45) + 1.2 * (c["age"] - 35)
            cards = c["cards"]
            for d in dates:
                if c["join"] > d:
                    continue
                limit = sum(x["limit"] for x in cards)
                owed = sum(x["owed"] for x in cards)
                util = round(owed / limit * 100 * rng.uniform(0.7, 1.3), 2) if limit else 0.0
                debt = sum(ln["outstanding"] if ln["status"] not in ("paid_off",) else 0.0 for ln in c["loans"]
                           if ln["start"] <= d)
                dti = round(min(400.0, debt * 0.012 / max(c["income"] / 12, 500) * 100 * rng.uniform(0.8, 1.2)), 2)
                delinq = 0
                for ln in c["loans"]:
                    if ln["status"] in ("overdue", "written_off") and d >= date(2024, 1, 1):
                        delinq += max(1, min(12, ln["late"] // 30 + 1)) if d == dates[-1] else 1
                    elif ln["behaviour"] == 1 and rng.random() < 0.15:
                        delinq += 1
                s = base - 0.6 * util - 0.2 * min(dti, 150) - 45 * delinq + rng.gauss(0, 12)
                s = int(min(950, max(350, round(s))))
                inquiries = rng.choices([0, 1, 2, 3, 5], weights=[50, 25, 12, 8, 5])[0]
                lines = len([x for x in cards if x["status"] == "active"]) + len(
                    [ln for ln in c["loans"] if ln["status"] in ("active", "overdue") and ln["start"] <= d])
                rows.append((c["id"], ds(d), s, _grade(s), "v3.0" if d >= date(2024, 1, 1) else "v2.1", dti, util,
                             delinq, inquiries, lines))
        self.tables["credit_score"] = [(i + 1, *r) for i, r in enumerate(rows)]
