"""The bank database's reference data: snapshot dates, cities, occupations, merchants, products, loan types."""

from __future__ import annotations

from datetime import date

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
