"""Stock database: an A-share market shaped after the JuYuan (聚源) data model used by the BULL benchmark.

Securities master, company profiles, industry classification (CSRC 2012 and Shenwan 2021), executives,
daily quotes and valuation, cumulative (year-to-date) income, balance-sheet and cash-flow statements,
single-quarter income, key indicators, dividends, top-10 shareholders, share structure, shareholder
counts, index master, constituents and index quotes, and a code-lookup table. Every company, person
and number is invented; industries, boards, code formats, exchange calendar and accounting layout
follow the real market. Quotes run 2022-07-01 .. 2024-06-28; statements 2020-12-31 .. 2024-03-31.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import sqlite3

from finsql.data.fake import (
    BRAND_CHARS,
    CITIES,
    COMPANY_AUDITORS,
    COMPANY_LAW_FIRMS,
    address,
    clip,
    lognormal,
    person_name_ranked,
    quarter_end,
    trading_days,
    weighted_choice,
)
from finsql.data.tables import create_table, insert_dicts, insert_tuples

QUOTE_START = dt.date(2022, 7, 1)
END = dt.date(2024, 6, 28)
QUARTERS: list[tuple[int, int]] = [(y, q) for y in range(2018, 2025) for q in range(1, 5)][:25]  # ..2024Q1
FIRST_REPORT = 11  # QUARTERS[11] == (2020, 4): the first reporting period written to the database

# --- industry classification ----------------------------------------------------------------------

CSRC: dict[str, tuple[str, str]] = {
    "A": ("农、林、牧、渔业", "Agriculture, forestry, animal husbandry and fishery"),
    "A01": ("农业", "Agriculture"),
    "A03": ("畜牧业", "Animal husbandry"),
    "B": ("采矿业", "Mining"),
    "B06": ("煤炭开采和洗选业", "Coal mining and washing"),
    "B07": ("石油和天然气开采业", "Oil and natural gas extraction"),
    "B09": ("有色金属矿采选业", "Non-ferrous metal ore mining"),
    "C": ("制造业", "Manufacturing"),
    "C14": ("食品制造业", "Food manufacturing"),
    "C15": ("酒、饮料和精制茶制造业", "Liquor, beverage and refined tea manufacturing"),
    "C25": ("石油加工、炼焦和核燃料加工业", "Petroleum processing, coking and nuclear fuel processing"),
    "C26": ("化学原料和化学制品制造业", "Chemical raw materials and chemical products"),
    "C27": ("医药制造业", "Pharmaceutical manufacturing"),
    "C31": ("黑色金属冶炼和压延加工业", "Ferrous metal smelting and rolling"),
    "C32": ("有色金属冶炼和压延加工业", "Non-ferrous metal smelting and rolling"),
    "C34": ("通用设备制造业", "General-purpose equipment manufacturing"),
    "C35": ("专用设备制造业", "Special-purpose equipment manufacturing"),
    "C36": ("汽车制造业", "Automobile manufacturing"),
    "C37": ("铁路、船舶、航空航天和其他运输设备制造业",
            "Railway, ship, aerospace and other transport equipment manufacturing"),
    "C38": ("电气机械和器材制造业", "Electrical machinery and equipment manufacturing"),
    "C39": ("计算机、通信和其他电子设备制造业", "Computer, communication and other electronic equipment"),
    "D": ("电力、热力、燃气及水生产和供应业", "Electricity, heat, gas and water production and supply"),
    "D44": ("电力、热力生产和供应业", "Electricity and heat production and supply"),
    "D45": ("燃气生产和供应业", "Gas production and supply"),
    "E": ("建筑业", "Construction"),
    "E47": ("房屋建筑业", "Building construction"),
    "E48": ("土木工程建筑业", "Civil engineering construction"),
    "F": ("批发和零售业", "Wholesale and retail trade"),
    "F51": ("批发业", "Wholesale trade"),
    "F52": ("零售业", "Retail trade"),
    "G": ("交通运输、仓储和邮政业", "Transport, storage and postal services"),
    "G54": ("道路运输业", "Road transport"),
    "G55": ("水上运输业", "Water transport"),
    "G56": ("航空运输业", "Air transport"),
    "G59": ("仓储业", "Warehousing"),
    "I": ("信息传输、软件和信息技术服务业", "Information transmission, software and IT services"),
    "I63": ("电信、广播电视和卫星传输服务", "Telecommunications, broadcasting and satellite transmission"),
    "I64": ("互联网和相关服务", "Internet and related services"),
    "I65": ("软件和信息技术服务业", "Software and information technology services"),
    "J": ("金融业", "Finance"),
    "J66": ("货币金融服务", "Monetary and financial services"),
    "J67": ("资本市场服务", "Capital market services"),
    "K": ("房地产业", "Real estate"),
    "K70": ("房地产业", "Real estate"),
    "R": ("文化、体育和娱乐业", "Culture, sports and entertainment"),
    "R85": ("新闻和出版业", "News and publishing"),
    "R86": ("广播、电视、电影和录音制作业", "Radio, television, film and sound recording"),
}

# Shenwan level-2 industries: code -> (zh, en, CSRC division, name words, main business zh, en).
# A name word is (word in the full name, English word, two-character short form, its pinyin initials).
SUBS: dict[str, tuple] = {
    "480200": ("国有大型银行", "Large state-owned banks", "J66", (), "吸收公众存款、发放贷款、办理结算等商业银行业务",
               "Commercial banking: deposits, loans, settlement and related services"),
    "480300": ("股份制银行", "Joint-stock banks", "J66", (), "公司银行、零售银行及金融市场业务",
               "Corporate banking, retail banking and financial-markets business"),
    "480400": ("城商行", "City commercial banks", "J66", (), "面向地方中小企业和居民的商业银行业务",
               "Commercial banking for regional small businesses and households"),
    "480500": ("农商行", "Rural commercial banks", "J66", (), "面向县域和农村地区的商业银行业务",
               "Commercial banking for county and rural areas"),
    "490100": ("证券", "Securities", "J67", (("证券", "Securities", "证券", "ZQ"),),
               "证券经纪、投资银行、资产管理和自营投资业务",
               "Securities brokerage, investment banking, asset management and proprietary trading"),
    "490300": ("多元金融", "Diversified financials", "J67",
               (("金融控股", "Financial Holdings", "金控", "JK"), ("期货", "Futures", "期货", "QH")),
               "期货经纪、信托及金融租赁等金融服务", "Futures brokerage, trust and financial leasing services"),
    "340500": ("白酒", "Baijiu", "C15", (("酒业", "Liquor", "酒业", "JY"), ("酿酒", "Distillery", "酿酒", "NJ")),
               "白酒的生产与销售", "Production and sale of baijiu (Chinese liquor)"),
    "340600": ("饮料乳品", "Beverages and dairy", "C15",
               (("乳业", "Dairy", "乳业", "RY"), ("饮品", "Beverage", "饮品", "YP"), ("啤酒", "Brewery", "啤酒", "PJ")),
               "乳制品、饮料和啤酒的生产与销售", "Production and sale of dairy products, beverages and beer"),
    "340900": ("调味发酵品", "Condiments and fermented foods", "C14",
               (("味业", "Condiment", "味业", "WY"), ("食品", "Foods", "食品", "SP")),
               "酱油、醋、调味品及发酵食品的生产与销售", "Production and sale of soy sauce, vinegar and condiments"),
    "340400": ("食品加工", "Food processing", "C14",
               (("食品", "Food", "食品", "SP"), ("食品科技", "Food Technology", "食品", "SP")),
               "速冻食品、肉制品及休闲食品的生产与销售", "Production and sale of frozen, meat and snack foods"),
    "370100": ("化学制药", "Chemical pharmaceuticals", "C27",
               (("药业", "Pharmaceutical", "药业", "YY"), ("制药", "Pharmaceutical", "制药", "ZY")),
               "化学原料药及制剂的研发、生产和销售", "R&D, production and sale of APIs and chemical drugs"),
    "370200": ("中药", "Traditional Chinese medicine", "C27",
               (("中药", "Traditional Chinese Medicine", "中药", "ZY"), ("药业", "Pharmaceutical", "药业", "YY")),
               "中成药和中药饮片的研发、生产和销售", "R&D, production and sale of traditional Chinese medicines"),
    "370300": ("生物制品", "Biological products", "C27",
               (("生物", "Biotech", "生物", "SW"), ("生物制药", "Biopharmaceutical", "生物", "SW")),
               "疫苗、血液制品和生物药的研发、生产和销售", "R&D, production and sale of vaccines, blood products and biologics"),
    "370500": ("医疗器械", "Medical devices", "C35",
               (("医疗", "Medical", "医疗", "YL"), ("医疗器械", "Medical Devices", "医疗", "YL")),
               "医疗设备、体外诊断及高值耗材的研发、生产和销售",
               "R&D, production and sale of medical equipment, in-vitro diagnostics and consumables"),
    "270100": ("半导体", "Semiconductors", "C39",
               (("微电子", "Microelectronics", "微电", "WD"), ("半导体", "Semiconductor", "半导", "BD"),
                ("芯片科技", "Chip Technology", "芯片", "XP")),
               "集成电路芯片的设计、制造和封装测试", "Design, manufacture, packaging and testing of integrated circuits"),
    "270200": ("元件", "Electronic components", "C39",
               (("电子", "Electronics", "电子", "DZ"), ("电子元件", "Electronic Components", "电子", "DZ")),
               "印制电路板、被动元件等电子元器件的生产与销售",
               "Production and sale of printed circuit boards and passive electronic components"),
    "270300": ("光学光电子", "Optoelectronics", "C39",
               (("光电", "Optoelectronics", "光电", "GD"), ("显示科技", "Display Technology", "显示", "XS")),
               "显示面板、LED及光学元件的研发、生产和销售", "R&D, production and sale of display panels, LEDs and optics"),
    "270500": ("消费电子", "Consumer electronics", "C39",
               (("精密", "Precision", "精密", "JM"), ("智能科技", "Intelligent Technology", "智能", "ZN")),
               "智能手机及可穿戴设备零组件与整机组装", "Components and assembly for smartphones and wearables"),
    "710100": ("计算机设备", "Computer hardware", "C39",
               (("数码科技", "Digital Technology", "数码", "SM"), ("信息设备", "Information Equipment", "信息", "XX")),
               "服务器、存储及安防等计算机设备的研发和销售",
               "R&D and sale of servers, storage and security hardware"),
    "710300": ("IT服务", "IT services", "I65",
               (("信息技术", "Information Technology", "信息", "XX"), ("数据科技", "Data Technology", "数据", "SJ")),
               "信息系统集成、云计算及数据服务", "System integration, cloud computing and data services"),
    "710400": ("软件开发", "Software development", "I65",
               (("软件", "Software", "软件", "RJ"), ("网络科技", "Network Technology", "网络", "WL")),
               "行业应用软件和基础软件的开发与销售", "Development and sale of industry application and platform software"),
    "630700": ("光伏设备", "Photovoltaic equipment", "C38",
               (("光能", "Solar Energy", "光能", "GN"), ("新能源", "New Energy", "新能", "XN")),
               "光伏硅片、电池片及组件的研发、生产和销售",
               "R&D, production and sale of PV wafers, cells and modules"),
    "630800": ("风电设备", "Wind power equipment", "C38",
               (("风能", "Wind Power", "风能", "FN"), ("重工", "Heavy Industry", "重工", "ZG")),
               "风电整机及零部件的制造和销售", "Manufacture and sale of wind turbines and components"),
    "630600": ("电池", "Batteries", "C38",
               (("锂电", "Lithium Battery", "锂电", "LD"), ("能源科技", "Energy Technology", "能源", "NY")),
               "动力电池和储能电池的研发、生产和销售",
               "R&D, production and sale of power and energy-storage batteries"),
    "630300": ("电网设备", "Grid equipment", "C38",
               (("电气", "Electric", "电气", "DQ"), ("电力设备", "Power Equipment", "电力", "DL")),
               "输配电设备及电网自动化产品的生产和销售",
               "Production and sale of transmission, distribution and grid automation equipment"),
    "280200": ("乘用车", "Passenger vehicles", "C36", (("汽车", "Automobile", "汽车", "QC"),),
               "乘用车及新能源汽车的研发、生产和销售", "R&D, production and sale of passenger cars and NEVs"),
    "280300": ("汽车零部件", "Auto parts", "C36",
               (("汽配", "Auto Parts", "汽配", "QP"), ("精工", "Precision Engineering", "精工", "JG")),
               "汽车零部件的研发、生产和销售", "R&D, production and sale of automotive components"),
    "280400": ("商用车", "Commercial vehicles", "C36",
               (("客车", "Bus", "客车", "KC"), ("重汽", "Heavy Truck", "重汽", "ZQ")),
               "客车、重型卡车等商用车的生产和销售", "Production and sale of buses, heavy trucks and other commercial vehicles"),
    "640100": ("通用设备", "General equipment", "C34",
               (("机械", "Machinery", "机械", "JX"), ("泵业", "Pump", "泵业", "BY")),
               "泵阀、轴承等通用机械的生产和销售", "Production and sale of pumps, valves, bearings and general machinery"),
    "640200": ("专用设备", "Special equipment", "C35",
               (("装备", "Equipment", "装备", "ZB"), ("智能装备", "Intelligent Equipment", "智装", "ZZ")),
               "行业专用设备的研发、生产和销售", "R&D, production and sale of industry-specific equipment"),
    "640500": ("工程机械", "Construction machinery", "C35",
               (("重工", "Heavy Industry", "重工", "ZG"), ("工程机械", "Construction Machinery", "机械", "JX")),
               "挖掘机、起重机等工程机械的生产和销售", "Production and sale of excavators, cranes and construction machinery"),
    "640600": ("自动化设备", "Automation equipment", "C34",
               (("自动化", "Automation", "自动", "ZD"), ("智控", "Intelligent Control", "智控", "ZK")),
               "工业机器人和自动化控制系统的研发与销售", "R&D and sale of industrial robots and automation control systems"),
    "240200": ("工业金属", "Industrial metals", "C32",
               (("铜业", "Copper", "铜业", "TY"), ("铝业", "Aluminium", "铝业", "LY")),
               "铜、铝等有色金属的冶炼和加工", "Smelting and processing of copper, aluminium and other base metals"),
    "240300": ("贵金属", "Precious metals", "B09", (("黄金", "Gold", "黄金", "HJ"),),
               "黄金的勘探、开采和冶炼", "Exploration, mining and refining of gold"),
    "240400": ("能源金属", "Energy metals", "C32",
               (("锂业", "Lithium", "锂业", "LY"), ("钴业", "Cobalt", "钴业", "GY")),
               "锂、钴等能源金属的开采和加工", "Mining and processing of lithium, cobalt and other battery metals"),
    "220300": ("化学原料", "Chemical raw materials", "C26",
               (("化工", "Chemical", "化工", "HG"), ("化学", "Chemical", "化学", "HX")),
               "基础化工原料的生产和销售", "Production and sale of basic chemical raw materials"),
    "220400": ("化学制品", "Chemical products", "C26",
               (("新材料", "New Materials", "新材", "XC"), ("精细化工", "Fine Chemicals", "精化", "JH")),
               "精细化学品和高分子新材料的研发、生产和销售",
               "R&D, production and sale of fine chemicals and polymer materials"),
    "220600": ("农化制品", "Agrochemicals", "C26",
               (("农化", "Agrochemical", "农化", "NH"), ("磷化", "Phosphorus Chemical", "磷化", "LH")),
               "化肥和农药的生产和销售", "Production and sale of fertilisers and pesticides"),
    "430100": ("房地产开发", "Property development", "K70",
               (("地产", "Real Estate", "地产", "DC"), ("置业", "Property", "置业", "ZY")),
               "住宅和商业地产的开发与销售", "Development and sale of residential and commercial property"),
    "430300": ("房地产服务", "Property services", "K70", (("物业服务", "Property Services", "物业", "WY"),),
               "物业管理和房地产经纪服务", "Property management and real estate brokerage"),
    "620100": ("房屋建设", "Building construction", "E47",
               (("建工", "Construction Engineering", "建工", "JG"), ("建设", "Construction", "建设", "JS")),
               "房屋建筑工程施工总承包", "General contracting for building construction"),
    "620300": ("基础建设", "Infrastructure construction", "E48",
               (("路桥", "Road and Bridge", "路桥", "LQ"), ("基建", "Infrastructure", "基建", "JJ")),
               "公路、桥梁、市政等基础设施工程建设", "Construction of highways, bridges and municipal infrastructure"),
    "420600": ("航运港口", "Shipping and ports", "G55",
               (("港口", "Port", "港口", "GK"), ("航运", "Shipping", "航运", "HY")),
               "港口装卸、集装箱和散货航运服务", "Port handling, container and bulk shipping services"),
    "420700": ("航空机场", "Airlines and airports", "G56",
               (("航空", "Airlines", "航空", "HK"), ("机场", "Airport", "机场", "JC")),
               "航空客货运输和机场运营", "Air passenger and cargo transport and airport operation"),
    "420800": ("物流", "Logistics", "G59",
               (("物流", "Logistics", "物流", "WL"), ("速运", "Express", "速运", "SY")),
               "快递、仓储和供应链物流服务", "Express delivery, warehousing and supply-chain logistics"),
    "420900": ("铁路公路", "Railways and highways", "G54", (("高速", "Expressway", "高速", "GS"),),
               "高速公路的投资、建设和运营管理", "Investment, construction and operation of toll expressways"),
    "410100": ("电力", "Power generation", "D44",
               (("电力", "Power", "电力", "DL"), ("能源", "Energy", "能源", "NY")),
               "火电、水电及新能源发电和售电", "Thermal, hydro and renewable power generation and sale"),
    "410300": ("燃气", "Gas utilities", "D45", (("燃气", "Gas", "燃气", "RQ"),),
               "城市燃气输配和销售", "Distribution and sale of city gas"),
    "330100": ("白色家电", "White goods", "C38", (("电器", "Electric Appliances", "电器", "DQ"),),
               "空调、冰箱、洗衣机等白色家电的研发、生产和销售",
               "R&D, production and sale of air conditioners, refrigerators and washing machines"),
    "330300": ("小家电", "Small appliances", "C38", (("家电", "Home Appliances", "家电", "JD"),),
               "厨房小家电和生活电器的研发、生产和销售", "R&D, production and sale of small kitchen and household appliances"),
    "330500": ("厨卫电器", "Kitchen appliances", "C38", (("厨电", "Kitchen Appliances", "厨电", "CD"),),
               "油烟机、燃气灶等厨卫电器的生产和销售", "Production and sale of range hoods, gas stoves and kitchen appliances"),
    "730100": ("通信服务", "Telecom services", "I63", (("通信", "Communications", "通信", "TX"),),
               "通信网络运营和数据中心服务", "Telecom network operation and data-centre services"),
    "730200": ("通信设备", "Telecom equipment", "C39",
               (("通讯", "Telecommunication", "通讯", "TX"), ("光通信", "Optical Communications", "光通", "GT")),
               "光模块、基站等通信设备的研发、生产和销售",
               "R&D, production and sale of optical modules, base stations and telecom equipment"),
    "720400": ("游戏", "Gaming", "I64",
               (("网络", "Network", "网络", "WL"), ("互娱", "Interactive Entertainment", "互娱", "HY")),
               "网络游戏的研发和运营", "Development and operation of online games"),
    "720500": ("广告营销", "Advertising and marketing", "I64",
               (("传媒", "Media", "传媒", "CM"), ("文化传播", "Culture Communication", "文化", "WH")),
               "数字营销和广告代理服务", "Digital marketing and advertising agency services"),
    "720600": ("影视院线", "Film and cinema", "R86",
               (("影视", "Film and TV", "影视", "YS"), ("影业", "Pictures", "影业", "YY")),
               "影视剧制作发行和电影院线运营", "Film and TV production, distribution and cinema operation"),
    "720700": ("出版", "Publishing", "R85", (("出版传媒", "Publishing and Media", "出版", "CB"),),
               "图书、教材的出版和发行", "Publishing and distribution of books and textbooks"),
    "740100": ("煤炭开采", "Coal mining", "B06",
               (("煤业", "Coal", "煤业", "MY"), ("能源", "Energy", "能源", "NY")),
               "煤炭的开采、洗选和销售", "Mining, washing and sale of coal"),
    "740200": ("焦炭", "Coke", "C25", (("焦化", "Coking", "焦化", "JH"),),
               "焦炭及煤化工产品的生产和销售", "Production and sale of coke and coal chemicals"),
    "230300": ("普钢", "Ordinary steel", "C31", (("钢铁", "Iron and Steel", "钢铁", "GT"),),
               "钢材的冶炼、轧制和销售", "Smelting, rolling and sale of steel products"),
    "230400": ("特钢", "Special steel", "C31", (("特钢", "Special Steel", "特钢", "TG"),),
               "特种钢材和合金材料的生产和销售", "Production and sale of special steel and alloys"),
    "750100": ("油气开采", "Oil and gas extraction", "B07",
               (("石油", "Petroleum", "石油", "SY"), ("油气", "Oil and Gas", "油气", "YQ")),
               "石油和天然气的勘探、开采和销售", "Exploration, production and sale of crude oil and natural gas"),
    "750200": ("炼化及贸易", "Refining and trading", "C25", (("石化", "Petrochemical", "石化", "SH"),),
               "原油炼制、石化产品生产和成品油销售",
               "Crude oil refining, petrochemical production and fuel marketing"),
    "110700": ("养殖业", "Livestock farming", "A03",
               (("牧业", "Animal Husbandry", "牧业", "MY"), ("农牧", "Agriculture and Husbandry", "农牧", "NM")),
               "生猪和肉禽的养殖与销售", "Breeding and sale of hogs and poultry"),
    "110100": ("种植业", "Crop farming", "A01",
               (("种业", "Seed", "种业", "ZY"), ("农业", "Agriculture", "农业", "NY")),
               "农作物种子的研发、生产和销售", "R&D, production and sale of crop seeds"),
    "110500": ("农产品加工", "Agricultural processing", "C14", (("粮油", "Grain and Oil", "粮油", "LY"),),
               "粮油加工和销售", "Grain and edible-oil processing and sale"),
    "450200": ("贸易", "Trading", "F51", (("国际贸易", "International Trade", "国贸", "GM"),),
               "大宗商品贸易和供应链服务", "Commodity trading and supply-chain services"),
    "450300": ("一般零售", "General retail", "F52",
               (("百货", "Department Store", "百货", "BH"), ("商业", "Commercial", "商业", "SY")),
               "百货商场、超市和购物中心的经营", "Operation of department stores, supermarkets and shopping malls"),
    "450600": ("互联网电商", "E-commerce", "F52", (("电子商务", "E-commerce", "电商", "DS"),),
               "线上零售和电商平台运营", "Online retail and e-commerce platform operation"),
    "650200": ("航空装备", "Aviation equipment", "C37", (("航空工业", "Aviation Industry", "航空", "HK"),),
               "航空器及航空零部件的研制和生产", "Development and production of aircraft and aero components"),
    "650300": ("地面兵装", "Ground equipment", "C37", (("特种装备", "Special Equipment", "特装", "TZ"),),
               "特种车辆和地面装备的研制和生产", "Development and production of special vehicles and ground equipment"),
    "650400": ("航海装备", "Naval equipment", "C37", (("船舶", "Shipbuilding", "船舶", "CB"),),
               "船舶及海洋工程装备的设计和建造", "Design and construction of ships and offshore equipment"),
    "650500": ("军工电子", "Defence electronics", "C39",
               (("防务", "Defence", "防务", "FW"), ("电子科技", "Electronic Technology", "电科", "DK")),
               "军用电子元器件和雷达通信系统的研制", "Development of military electronic components and radar systems"),
}

# key: (count, layout, (SW code, zh, en), level-2 codes, parameters)
# parameters: rev = median annual revenue (CNY 100m), turnover = revenue / total assets, debt = liabilities /
# assets, gm/sale/admin/rd/surch = gross margin and expense ratios of revenue, pe/price = valuation medians,
# soe = state-owned probability, newboard = probability of ChiNext/STAR listing, assets = balance-sheet mix.
_DEFAULT_SEASON = (0.22, 0.25, 0.25, 0.28)
SECTORS: dict[str, tuple] = {
    "bank": (12, "bank", ("480000", "银行", "Banks"), ("480200", "480300", "480400", "480500"),
             dict(rev=300, sigma=1.1, turnover=0.025, debt=0.92, pe=5.5, price=5.0, soe=0.92, newboard=0.0,
                  season=(0.26, 0.25, 0.25, 0.24), beta=0.6, hitech=0.0)),
    "broker": (8, "broker", ("490000", "非银金融", "Non-bank financials"), ("490100", "490100", "490300"),
               dict(rev=60, sigma=0.7, turnover=0.06, debt=0.78, pe=18, price=12, soe=0.7, newboard=0.0,
                    season=(0.24, 0.26, 0.25, 0.25), beta=1.2, hitech=0.0)),
    "food": (14, "general", ("340000", "食品饮料", "Food and beverage"), ("340500", "340500", "340600", "340900",
                                                                    "340400"),
             dict(rev=80, sigma=0.9, turnover=0.55, debt=0.30, gm=0.55, sale=0.13, admin=0.06, rd=0.01,
                  surch=0.05, pe=28, price=45, soe=0.4, newboard=0.05, assets="consumer",
                  season=(0.30, 0.22, 0.25, 0.23), beta=0.9, hitech=0.1)),
    "pharma": (18, "general", ("370000", "医药生物", "Pharmaceuticals and biotech"),
               ("370100", "370200", "370300", "370500"),
               dict(rev=40, sigma=0.9, turnover=0.5, debt=0.33, gm=0.58, sale=0.24, admin=0.08, rd=0.08,
                    surch=0.012, pe=30, price=30, soe=0.2, newboard=0.45, assets="light", beta=0.8,
                    hitech=0.8)),
    "elec": (20, "general", ("270000", "电子", "Electronics"), ("270100", "270200", "270300", "270500"),
             dict(rev=50, sigma=1.0, turnover=0.65, debt=0.45, gm=0.24, sale=0.03, admin=0.05, rd=0.07,
                  surch=0.006, pe=40, price=35, soe=0.15, newboard=0.5, assets="light", beta=1.2,
                  hitech=0.9)),
    "computer": (16, "general", ("710000", "计算机", "Computers"), ("710100", "710300", "710400"),
                 dict(rev=25, sigma=0.9, turnover=0.55, debt=0.38, gm=0.40, sale=0.10, admin=0.09, rd=0.13,
                      surch=0.008, pe=55, price=25, soe=0.15, newboard=0.5, assets="light", beta=1.3,
                      hitech=0.9)),
    "power": (16, "general", ("630000", "电力设备", "Power equipment"), ("630700", "630800", "630600", "630300"),
              dict(rev=80, sigma=1.0, turnover=0.6, debt=0.55, gm=0.22, sale=0.035, admin=0.04, rd=0.045,
                   surch=0.006, pe=25, price=35, soe=0.2, newboard=0.4, assets="light",
                   season=(0.20, 0.25, 0.26, 0.29), beta=1.3, hitech=0.8)),
    "auto": (12, "general", ("280000", "汽车", "Automobiles"), ("280200", "280300", "280300", "280400"),
             dict(rev=150, sigma=1.0, turnover=0.8, debt=0.58, gm=0.18, sale=0.04, admin=0.04, rd=0.04,
                  surch=0.008, pe=25, price=25, soe=0.4, newboard=0.15, assets="consumer", beta=1.1,
                  hitech=0.6)),
    "machinery": (14, "general", ("640000", "机械设备", "Machinery"), ("640100", "640200", "640500", "640600"),
                  dict(rev=50, sigma=0.9, turnover=0.55, debt=0.5, gm=0.28, sale=0.07, admin=0.07, rd=0.06,
                       surch=0.008, pe=28, price=18, soe=0.3, newboard=0.4, assets="light", beta=1.1,
                       hitech=0.8)),
    "metals": (8, "general", ("240000", "有色金属", "Non-ferrous metals"), ("240200", "240300", "240400"),
               dict(rev=200, sigma=0.9, turnover=1.1, debt=0.55, gm=0.12, sale=0.005, admin=0.02, rd=0.015,
                    surch=0.006, pe=15, price=15, soe=0.5, newboard=0.05, assets="heavy", beta=1.2,
                    hitech=0.3)),
    "chem": (12, "general", ("220000", "基础化工", "Basic chemicals"), ("220300", "220400", "220600"),
             dict(rev=90, sigma=0.9, turnover=0.75, debt=0.5, gm=0.20, sale=0.02, admin=0.04, rd=0.03,
                  surch=0.006, pe=18, price=16, soe=0.35, newboard=0.15, assets="heavy", beta=1.1,
                  hitech=0.6)),
    "realestate": (8, "general", ("430000", "房地产", "Real estate"), ("430100", "430100", "430300"),
                   dict(rev=250, sigma=1.0, turnover=0.22, debt=0.78, gm=0.24, sale=0.03, admin=0.03, rd=0.002,
                        surch=0.06, pe=12, price=6, soe=0.5, newboard=0.0, assets="property",
                        season=(0.15, 0.22, 0.20, 0.43), beta=1.0, hitech=0.0)),
    "construction": (6, "general", ("620000", "建筑装饰", "Construction and decoration"), ("620100", "620300"),
                     dict(rev=600, sigma=1.0, turnover=0.55, debt=0.75, gm=0.10, sale=0.004, admin=0.025,
                          rd=0.025, surch=0.003, pe=8, price=6, soe=0.9, newboard=0.0, assets="build",
                          season=(0.20, 0.26, 0.24, 0.30), beta=0.9, hitech=0.3)),
    "transport": (8, "general", ("420000", "交通运输", "Transportation"), ("420600", "420700", "420800", "420900"),
                  dict(rev=150, sigma=1.0, turnover=0.5, debt=0.55, gm=0.16, sale=0.01, admin=0.04, rd=0.005,
                       surch=0.004, pe=15, price=8, soe=0.7, newboard=0.0, assets="heavy", beta=0.9,
                       hitech=0.0)),
    "utility": (8, "general", ("410000", "公用事业", "Utilities"), ("410100", "410100", "410300"),
                dict(rev=150, sigma=0.9, turnover=0.3, debt=0.65, gm=0.22, sale=0.002, admin=0.03, rd=0.01,
                     surch=0.01, pe=18, price=7, soe=0.9, newboard=0.0, assets="heavy",
                     season=(0.24, 0.24, 0.27, 0.25), beta=0.7, hitech=0.0)),
    "appliance": (6, "general", ("330000", "家用电器", "Home appliances"), ("330100", "330300", "330500"),
                  dict(rev=250, sigma=1.1, turnover=0.8, debt=0.62, gm=0.26, sale=0.11, admin=0.03, rd=0.035,
                       surch=0.006, pe=15, price=30, soe=0.2, newboard=0.1, assets="consumer", beta=0.9,
                       hitech=0.7)),
    "telecom": (6, "general", ("730000", "通信", "Telecommunications"), ("730100", "730200", "730200"),
                dict(rev=80, sigma=1.0, turnover=0.55, debt=0.45, gm=0.30, sale=0.06, admin=0.06, rd=0.08,
                     surch=0.005, pe=30, price=15, soe=0.5, newboard=0.3, assets="light", beta=1.2,
                     hitech=0.8)),
    "media": (6, "general", ("720000", "传媒", "Media"), ("720400", "720500", "720600", "720700"),
              dict(rev=20, sigma=0.9, turnover=0.5, debt=0.35, gm=0.35, sale=0.12, admin=0.08, rd=0.07,
                   surch=0.006, pe=35, price=8, soe=0.4, newboard=0.3, assets="light", beta=1.3, hitech=0.4)),
    "coal": (6, "general", ("740000", "煤炭", "Coal"), ("740100", "740100", "740200"),
             dict(rev=300, sigma=0.9, turnover=0.55, debt=0.48, gm=0.32, sale=0.005, admin=0.05, rd=0.01,
                  surch=0.06, pe=7, price=15, soe=0.9, newboard=0.0, assets="heavy", beta=0.8, hitech=0.0)),
    "steel": (5, "general", ("230000", "钢铁", "Steel"), ("230300", "230400"),
              dict(rev=500, sigma=0.8, turnover=0.9, debt=0.6, gm=0.09, sale=0.004, admin=0.015, rd=0.025,
                   surch=0.005, pe=12, price=4, soe=0.8, newboard=0.0, assets="heavy", beta=0.9, hitech=0.2)),
    "oil": (4, "general", ("750000", "石油石化", "Oil and petrochemicals"), ("750100", "750200"),
            dict(rev=800, sigma=1.0, turnover=1.2, debt=0.55, gm=0.16, sale=0.02, admin=0.02, rd=0.005,
                 surch=0.07, pe=10, price=6, soe=0.95, newboard=0.0, assets="heavy", beta=0.8, hitech=0.0)),
    "agri": (6, "general", ("110000", "农林牧渔", "Agriculture"), ("110700", "110700", "110100", "110500"),
             dict(rev=80, sigma=1.0, turnover=0.9, debt=0.55, gm=0.13, sale=0.02, admin=0.04, rd=0.01,
                  surch=0.003, pe=30, price=14, soe=0.2, newboard=0.1, assets="consumer", beta=0.9,
                  hitech=0.1)),
    "retail": (6, "general", ("450000", "商贸零售", "Retail and trade"), ("450200", "450300", "450600"),
               dict(rev=70, sigma=1.0, turnover=0.9, debt=0.6, gm=0.20, sale=0.11, admin=0.045, rd=0.003,
                    surch=0.01, pe=25, price=8, soe=0.35, newboard=0.1, assets="consumer",
                    season=(0.26, 0.23, 0.23, 0.28), beta=1.0, hitech=0.0)),
    "defense": (6, "general", ("650000", "国防军工", "Defence and aerospace"), ("650200", "650300", "650400",
                                                                       "650500"),
                dict(rev=50, sigma=0.9, turnover=0.45, debt=0.45, gm=0.26, sale=0.01, admin=0.07, rd=0.07,
                     surch=0.005, pe=50, price=35, soe=0.85, newboard=0.3, assets="light",
                     season=(0.15, 0.25, 0.22, 0.38), beta=1.2, hitech=0.9)),
}

# revenue growth and gross-margin shifts by sector and year (defaults 8% and 0)
GROWTH = {
    "realestate": {2020: 0.08, 2021: 0.05, 2022: -0.15, 2023: -0.12, 2024: -0.25},
    "coal": {2020: 0.0, 2021: 0.35, 2022: 0.18, 2023: -0.12, 2024: -0.10},
    "metals": {2020: 0.05, 2021: 0.30, 2022: 0.22, 2023: -0.05, 2024: 0.05},
    "power": {2020: 0.12, 2021: 0.40, 2022: 0.55, 2023: 0.15, 2024: -0.12},
    "auto": {2020: -0.05, 2021: 0.12, 2022: 0.15, 2023: 0.18, 2024: 0.10},
    "oil": {2020: -0.20, 2021: 0.30, 2022: 0.20, 2023: -0.03, 2024: 0.0},
    "steel": {2020: 0.03, 2021: 0.25, 2022: -0.05, 2023: -0.08, 2024: -0.08},
    "chem": {2020: 0.0, 2021: 0.30, 2022: 0.10, 2023: -0.12, 2024: 0.0},
    "elec": {2020: 0.12, 2021: 0.20, 2022: -0.05, 2023: 0.0, 2024: 0.15},
    "pharma": {2020: 0.10, 2021: 0.10, 2022: 0.05, 2023: 0.03, 2024: 0.0},
    "transport": {2020: -0.15, 2021: 0.15, 2022: -0.05, 2023: 0.20, 2024: 0.05},
    "media": {2020: -0.15, 2021: 0.10, 2022: -0.08, 2023: 0.12, 2024: 0.02},
    "food": {2020: 0.08, 2021: 0.14, 2022: 0.12, 2023: 0.12, 2024: 0.10},
    "bank": {2020: 0.06, 2021: 0.07, 2022: 0.01, 2023: -0.02, 2024: -0.03},
    "broker": {2020: 0.25, 2021: 0.15, 2022: -0.20, 2023: 0.0, 2024: -0.15},
    "construction": {2020: 0.10, 2021: 0.12, 2022: 0.08, 2023: 0.04, 2024: -0.05},
    "agri": {2020: 0.40, 2021: 0.0, 2022: 0.10, 2023: 0.05, 2024: 0.0},
    "computer": {2020: 0.08, 2021: 0.12, 2022: 0.02, 2023: 0.05, 2024: 0.03},
}
GM_SHIFT = {
    "realestate": {2021: -0.03, 2022: -0.07, 2023: -0.10, 2024: -0.11},
    "coal": {2021: 0.06, 2022: 0.10, 2023: 0.04, 2024: 0.02},
    "metals": {2021: 0.03, 2022: 0.05, 2023: -0.02, 2024: -0.02},
    "power": {2022: 0.01, 2023: -0.01, 2024: -0.05},
    "steel": {2021: 0.03, 2022: -0.03, 2023: -0.04, 2024: -0.04},
    "chem": {2021: 0.05, 2022: 0.02, 2023: -0.04, 2024: -0.04},
    "agri": {2020: 0.12, 2021: -0.05, 2022: 0.0, 2023: -0.06, 2024: -0.04},
    "transport": {2020: -0.05, 2022: -0.06, 2023: 0.02},
    "media": {2022: -0.04},
    "oil": {2020: -0.04, 2022: 0.02},
}
COVID_Q1 = {"pharma": 1.05, "computer": 0.85, "food": 0.95, "utility": 0.92, "bank": 1.0, "broker": 1.05,
            "telecom": 0.9, "coal": 0.9}

# balance-sheet mixes: share of total assets / total liabilities before company-level noise
ASSET_MIX = {
    "light": dict(CashEquivalents=.18, TradingAssets=.04, NotesReceivable=.03, AccountReceivable=.16,
                  AdvancePayment=.02, OtherReceivable=.01, Inventories=.14, ContractAssets=.02,
                  OtherCurrentAssets=.02, LongtermEquityInvest=.03, InvestmentProperty=.005, FixedAssets=.15,
                  ConstruInProcess=.03, RightOfUseAssets=.01, IntangibleAssets=.04, DevelopmentExpenditure=.005,
                  GoodWill=.03, LongDeferredExpense=.005, DeferredTaxAssets=.01, OtherNonCurrentAssets=.02),
    "heavy": dict(CashEquivalents=.10, TradingAssets=.01, NotesReceivable=.03, AccountReceivable=.06,
                  AdvancePayment=.02, OtherReceivable=.01, Inventories=.08, ContractAssets=.003,
                  OtherCurrentAssets=.02, LongtermEquityInvest=.06, InvestmentProperty=.003, FixedAssets=.42,
                  ConstruInProcess=.07, RightOfUseAssets=.01, IntangibleAssets=.06, DevelopmentExpenditure=.0,
                  GoodWill=.01, LongDeferredExpense=.005, DeferredTaxAssets=.005, OtherNonCurrentAssets=.04),
    "consumer": dict(CashEquivalents=.28, TradingAssets=.05, NotesReceivable=.02, AccountReceivable=.05,
                     AdvancePayment=.02, OtherReceivable=.01, Inventories=.20, ContractAssets=.0,
                     OtherCurrentAssets=.02, LongtermEquityInvest=.03, InvestmentProperty=.01, FixedAssets=.16,
                     ConstruInProcess=.03, RightOfUseAssets=.02, IntangibleAssets=.05, DevelopmentExpenditure=.0,
                     GoodWill=.01, LongDeferredExpense=.005, DeferredTaxAssets=.01, OtherNonCurrentAssets=.02),
    "property": dict(CashEquivalents=.12, TradingAssets=.003, NotesReceivable=.0, AccountReceivable=.02,
                     AdvancePayment=.03, OtherReceivable=.12, Inventories=.55, ContractAssets=.01,
                     OtherCurrentAssets=.05, LongtermEquityInvest=.05, InvestmentProperty=.03, FixedAssets=.01,
                     ConstruInProcess=.0, RightOfUseAssets=.002, IntangibleAssets=.002, DevelopmentExpenditure=.0,
                     GoodWill=.002, LongDeferredExpense=.001, DeferredTaxAssets=.015, OtherNonCurrentAssets=.01),
    "build": dict(CashEquivalents=.12, TradingAssets=.005, NotesReceivable=.01, AccountReceivable=.15,
                  AdvancePayment=.02, OtherReceivable=.05, Inventories=.06, ContractAssets=.22,
                  OtherCurrentAssets=.03, LongtermEquityInvest=.08, InvestmentProperty=.005, FixedAssets=.05,
                  ConstruInProcess=.01, RightOfUseAssets=.005, IntangibleAssets=.08, DevelopmentExpenditure=.0,
                  GoodWill=.002, LongDeferredExpense=.002, DeferredTaxAssets=.01, OtherNonCurrentAssets=.12),
    "bank": dict(CashAndDepositInCB=.07, DepositInInterbank=.02, LendCapital=.02, TradingAssets=.04,
                 BoughtSellbackAssets=.01, LoanAndAdvance=.55, DebtInvestment=.18, OtherDebtInvestment=.07,
                 LongtermEquityInvest=.002, FixedAssets=.005, IntangibleAssets=.001, DeferredTaxAssets=.004,
                 OtherAssets=.01),
    "broker": dict(CashEquivalents=.22, LendCapital=.02, TradingAssets=.35, BoughtSellbackAssets=.06,
                   DebtInvestment=.02, OtherDebtInvestment=.10, LongtermEquityInvest=.02, FixedAssets=.005,
                   IntangibleAssets=.003, DeferredTaxAssets=.003, OtherAssets=.16),
}
CURRENT_ASSETS = ("CashEquivalents", "TradingAssets", "NotesReceivable", "AccountReceivable", "AdvancePayment",
                  "OtherReceivable", "Inventories", "ContractAssets", "OtherCurrentAssets")
LIAB_MIX = {
    "general": dict(ShortTermLoan=.15, NotesPayable=.08, AccountsPayable=.22, AdvanceReceipts=.005,
                    ContractLiability=.06, SalariesPayable=.03, TaxsPayable=.02, OtherPayable=.06,
                    NonCurrentLiabilityIn1Year=.05, OtherCurrentLiability=.03, LongtermLoan=.16, BondsPayable=.05,
                    LeaseLiability=.01, LongtermPayable=.01, EstimateLiability=.005, DeferredTaxLiability=.01,
                    OtherNonCurrentLiability=.01),
    "property": dict(ShortTermLoan=.03, NotesPayable=.02, AccountsPayable=.20, AdvanceReceipts=.01,
                     ContractLiability=.35, SalariesPayable=.005, TaxsPayable=.03, OtherPayable=.15,
                     NonCurrentLiabilityIn1Year=.06, OtherCurrentLiability=.03, LongtermLoan=.15, BondsPayable=.05,
                     LeaseLiability=.001, LongtermPayable=.005, EstimateLiability=.002, DeferredTaxLiability=.005,
                     OtherNonCurrentLiability=.005),
    "consumer": dict(ShortTermLoan=.06, NotesPayable=.06, AccountsPayable=.25, AdvanceReceipts=.005,
                     ContractLiability=.22, SalariesPayable=.08, TaxsPayable=.10, OtherPayable=.08,
                     NonCurrentLiabilityIn1Year=.02, OtherCurrentLiability=.03, LongtermLoan=.04, BondsPayable=.01,
                     LeaseLiability=.02, LongtermPayable=.005, EstimateLiability=.005, DeferredTaxLiability=.01,
                     OtherNonCurrentLiability=.005),
    "bank": dict(BorrowingFromCentralBank=.03, DepositOfInterbank=.08, BorrowingCapital=.03,
                 SoldBuybackSecuProceeds=.02, AcceptDeposit=.72, SalariesPayable=.003, TaxsPayable=.002,
                 BondsPayable=.10, OtherLiabilities=.015),
    "broker": dict(ShortTermLoan=.01, BorrowingCapital=.04, SoldBuybackSecuProceeds=.22, ActingTradingSecurity=.25,
                   SalariesPayable=.01, TaxsPayable=.005, BondsPayable=.20, OtherLiabilities=.07),
}
CURRENT_LIABS = ("ShortTermLoan", "NotesPayable", "AccountsPayable", "AdvanceReceipts", "ContractLiability",
                 "SalariesPayable", "TaxsPayable", "OtherPayable", "NonCurrentLiabilityIn1Year",
                 "OtherCurrentLiability")
INTEREST_BEARING = ("ShortTermLoan", "NonCurrentLiabilityIn1Year", "LongtermLoan", "BondsPayable", "LeaseLiability",
                    "BorrowingCapital", "SoldBuybackSecuProceeds", "BorrowingFromCentralBank")


# ct_systemconst: (LB, category zh, category en, [(DM, meaning zh, meaning en)])
CONSTANTS: tuple[tuple[int, str, str, tuple[tuple[int, str, str], ...]], ...] = (
    (1001, "证券市场", "Securities market", ((83, "上海证券交易所", "Shanghai Stock Exchange"),
                                          (90, "深圳证券交易所", "Shenzhen Stock Exchange"))),
    (1002, "证券类别", "Security category", ((1, "A股", "A share"),)),
    (1003, "上市板块", "Listing board", ((1, "主板", "Main Board"), (6, "创业板", "ChiNext"),
                                       (7, "科创板", "STAR Market"))),
    (1004, "上市状态", "Listing status", ((1, "上市", "Listed"), (5, "终止上市", "Delisted"))),
    (1005, "企业性质", "Ownership type", ((1, "中央国有企业", "Central state-owned enterprise"),
                                          (2, "地方国有企业", "Local state-owned enterprise"),
                                          (3, "民营企业", "Private enterprise"),
                                          (4, "外资企业", "Foreign-invested enterprise"),
                                          (5, "公众企业", "Widely held company"))),
    (1006, "实际控制人类型", "Actual controller type", ((1, "中央国有资产管理机构", "Central state asset agency"),
                                                      (2, "地方国有资产管理机构", "Local state asset agency"),
                                                      (3, "自然人", "Natural person"),
                                                      (4, "境外机构", "Foreign entity"),
                                                      (5, "无实际控制人", "No actual controller"))),
    (1007, "行业划分标准", "Industry classification standard",
     ((3, "中国证监会行业分类(2012年版)", "CSRC industry classification (2012)"),
      (24, "申万行业分类(2021年版)", "Shenwan industry classification (2021)"))),
    (1008, "企业类型", "Enterprise type (statement layout)", ((13, "一般企业", "General enterprise"),
                                                            (31, "银行", "Bank"), (33, "证券公司", "Securities firm"))),
    (1009, "是否调整", "Restatement flag", ((1, "调整(追溯重述)", "Restated"), (2, "未调整(原始披露)", "Original"))),
    (1010, "是否合并", "Consolidation flag", ((1, "合并报表", "Consolidated"), (2, "母公司报表", "Parent company only"))),
    (1011, "会计准则", "Accounting standards", ((1, "中国企业会计准则", "China Accounting Standards (CAS)"),)),
    (1012, "股东性质", "Shareholder type", ((1, "国有法人", "State-owned legal person"),
                                          (2, "境内非国有法人", "Domestic non-state legal person"),
                                          (3, "境内自然人", "Domestic natural person"),
                                          (4, "境外法人", "Foreign legal person"),
                                          (5, "证券投资基金", "Securities investment fund"),
                                          (6, "社保基金及养老金", "Social security and pension fund"),
                                          (7, "合格境外机构投资者(QFII)", "Qualified foreign institutional investor"),
                                          (8, "保险产品", "Insurance product"),
                                          (9, "国家机关", "Government agency"),
                                          (10, "其他", "Other"))),
    (1013, "分红进度", "Dividend progress", ((1, "董事会预案", "Board proposal"),
                                           (2, "股东大会通过", "Approved by shareholders' meeting"),
                                           (3, "实施完成", "Implemented"))),
    (1014, "学历", "Education", ((1, "博士", "Doctorate"), (2, "硕士", "Master's degree"), (3, "本科", "Bachelor's degree"),
                                 (4, "大专", "Junior college"), (5, "中专及以下", "Secondary school or below"))),
    (1015, "性别", "Gender", ((1, "男", "Male"), (2, "女", "Female"))),
    (1016, "是否执行", "In effect", ((1, "是(现行)", "Yes (current)"), (2, "否(已取消)", "No (cancelled)"))),
    (1017, "指数类别", "Index category", ((1, "综合指数", "Composite index"), (2, "规模指数", "Size-based index"),
                                        (3, "板块指数", "Board index"))),
)

POSITIONS = (  # (zh, en, count, is_director)
    ("董事长", "Chairman of the Board", 1),
    ("总经理", "General Manager (President)", 1),
    ("副总经理", "Deputy General Manager", 2),
    ("财务总监", "Chief Financial Officer", 1),
    ("董事会秘书", "Secretary of the Board", 1),
    ("董事", "Director", 2),
    ("独立董事", "Independent Director", 3),
    ("监事会主席", "Chairman of the Supervisory Board", 1),
)

FUND_HOUSES = ("鼎元", "华晟", "嘉泰", "同润", "博远", "中信达", "汇丰晋", "弘泰", "景顺达", "东源", "富国泰",
               "兴元", "银河星", "前海睿", "长盛达")
FUND_THEMES = ("价值精选", "成长优选", "新兴产业", "消费升级", "医疗健康", "科技创新", "稳健增长", "核心资产",
               "高端制造", "新能源", "红利优选", "均衡配置", "行业轮动", "内需增长", "先进制造")
FUND_TYPES = ("混合型证券投资基金", "股票型证券投资基金", "灵活配置混合型证券投资基金")
CUSTODIANS = ("中国工商银行股份有限公司", "中国建设银行股份有限公司", "中国银行股份有限公司",
              "中国农业银行股份有限公司", "招商银行股份有限公司", "交通银行股份有限公司")
QFII_NAMES = ("NORTHSTAR GLOBAL INVESTMENT LTD", "ALPINE CREST CAPITAL PLC", "BLUE HARBOR ASSET MANAGEMENT LTD",
              "SILVER MAPLE INVESTMENTS LIMITED", "EASTBRIDGE OPPORTUNITIES FUND", "GRANITE PEAK PARTNERS LP",
              "MERIDIAN PACIFIC EQUITY FUND", "OAKHURST EMERGING MARKETS FUND")
SSF_NAMES = ("全国社保基金一零三组合", "全国社保基金一一八组合", "全国社保基金四一三组合", "全国社保基金一零六组合",
             "基本养老保险基金一二零三组合", "基本养老保险基金八零二组合")
INSURERS = ("泰康达", "新华盛", "平和", "国元寿", "太平洋安", "华夏康")


def _r2(x: float) -> float:
    return round(x, 2)


def _r4(x: float) -> float:
    return round(x, 4)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _weekday_on_or_before(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    return day


def _rand_date(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def _short_province(province: str) -> str:
    for suffix in ("维吾尔自治区", "壮族自治区", "自治区", "省", "市"):
        if province.endswith(suffix):
            return province[: -len(suffix)]
    return province


# --- companies ------------------------------------------------------------------------------------

def _make_companies(rng: random.Random) -> list[dict]:
    brands: list[tuple[str, str]] = []
    seen: set[str] = set()
    total = sum(spec[0] for spec in SECTORS.values())
    while len(brands) < total:
        a, b = rng.choice(BRAND_CHARS), rng.choice(BRAND_CHARS)
        if a[0] == b[0] or a[0] + b[0] in seen:
            continue
        seen.add(a[0] + b[0])
        brands.append((a[0] + b[0], (a[1] + b[1]).capitalize()))
    city_weights = [c[6] for c in CITIES]
    used_codes: set[str] = set()
    used_abbr: set[str] = set()
    companies: list[dict] = []
    for key, (count, layout, sw, subs, params) in SECTORS.items():
        for i in range(count):
            brand, brand_en = brands[len(companies)]
            sub = subs[i % len(subs)] if i < len(subs) else rng.choice(subs)
            city = weighted_choice(rng, list(CITIES), city_weights)
            soe = rng.random() < params["soe"]
            c: dict = dict(key=key, layout=layout, sw=sw, sub=sub, params=params, brand=brand, brand_en=brand_en,
                           city=city, soe=soe)
            _name_company(rng, c, used_abbr)
            _listing(rng, c, used_codes)
            companies.append(c)
    # special situations: delisted and ST companies (never banks, never recent listings)
    pool = [c for c in companies if c["layout"] == "general" and c["list_date"] < dt.date(2018, 1, 1)
            and c["key"] not in ("oil", "coal", "utility")]
    rng.shuffle(pool)
    delist_dates = (dt.date(2023, 5, 22), dt.date(2023, 7, 14), dt.date(2024, 5, 31))
    for c, day in zip(pool[:3], delist_dates, strict=True):
        c["status"] = "delisted"
        c["delist_date"] = day
    for c in pool[3:7]:
        c["status"] = "*ST"
    for c in pool[7:9]:
        c["status"] = "ST"
    for c in pool[9:20]:
        c["troubled"] = rng.choice((2022, 2023, 2024))
    for c in companies:
        c.setdefault("status", "normal")
        c.setdefault("delist_date", None)
        c.setdefault("troubled", None)
        base = c["abbr_base"]
        c["abbr"] = {"normal": base, "*ST": "*ST" + base, "ST": "ST" + base, "delisted": "退市" + base}[c["status"]]
        if c["status"] != "normal":
            c["spelling"] = {"*ST": "*ST", "ST": "ST", "delisted": "TS"}[c["status"]] + c["spelling"]
    # InnerCode / CompanyCode grow with listing date, as in the vendor data
    order = sorted(companies, key=lambda c: (c["list_date"], c["code"]))
    inner, comp = 1000, 10000
    for c in order:
        inner += rng.randint(3, 40)
        comp += rng.randint(5, 90)
        c["inner"], c["company"] = inner, comp
    return order


def _name_company(rng: random.Random, c: dict, used_abbr: set[str]) -> None:
    brand, brand_en = c["brand"], c["brand_en"]
    province, province_en, city, city_en = c["city"][:4]
    sub = SUBS[c["sub"]]
    prefix_choice = rng.random()
    if c["layout"] == "bank":
        if c["sub"] == "480500":
            zh = f"{city}{brand}农村商业银行股份有限公司"
            en = f"{city_en} {brand_en} Rural Commercial Bank Co., Ltd."
            base, en_abbr = f"{brand}农商", f"{brand_en} Rural Bank"
        else:
            zh = f"{brand}银行股份有限公司"
            en = f"{brand_en} Bank Co., Ltd."
            base, en_abbr = f"{brand}银行", f"{brand_en} Bank"
        word_initials = "NS" if c["sub"] == "480500" else "YH"
    else:
        word, word_en, abbr2, word_initials = rng.choice(sub[3])
        if prefix_choice < 0.35:
            prefix, prefix_en = _short_province(province), province_en
        elif prefix_choice < 0.7:
            prefix, prefix_en = city, city_en
        else:
            prefix, prefix_en = "", ""
        zh = f"{prefix}{brand}{word}股份有限公司"
        en = f"{prefix_en + ' ' if prefix_en else ''}{brand_en} {word_en} Co., Ltd."
        base, en_abbr = f"{brand}{abbr2}", f"{brand_en} {word_en}"
    if base in used_abbr:
        base = brand + ("股份" if c["layout"] != "bank" else "银行B")
    used_abbr.add(base)
    initials = "".join(_initial(ch) for ch in brand) + word_initials
    c.update(chi_name=zh, eng_name=en, abbr_base=base, eng_abbr=en_abbr, spelling=initials)


def _initial(ch: str) -> str:
    for zh, py in BRAND_CHARS:
        if zh == ch:
            return py[0].upper()
    return "X"


def _listing(rng: random.Random, c: dict, used_codes: set[str]) -> None:
    params = c["params"]
    recent = c["layout"] == "general" and rng.random() < 0.09
    newboard = rng.random() < params["newboard"]
    sh = rng.random() < (0.7 if c["soe"] else 0.45)
    if newboard:
        board = "star" if sh else "chinext"
    else:
        board = "main"
    if recent:
        list_date = _rand_date(rng, dt.date(2021, 1, 4), dt.date(2024, 3, 29))
    elif board == "star":
        list_date = _rand_date(rng, dt.date(2019, 7, 22), dt.date(2020, 12, 31))
    elif board == "chinext":
        list_date = _rand_date(rng, dt.date(2009, 10, 30), dt.date(2020, 12, 31))
    else:
        list_date = _rand_date(rng, dt.date(1993, 1, 1), dt.date(2020, 12, 31))
    list_date = _next_weekday(list_date)
    if board == "star":
        prefix = "688"
    elif board == "chinext":
        prefix = "301" if list_date >= dt.date(2020, 8, 24) and rng.random() < 0.7 else "300"
    elif sh:
        prefix = "600" if list_date < dt.date(2006, 1, 1) else ("601" if rng.random() < 0.5 else "603")
    else:
        prefix = "000" if list_date < dt.date(2004, 6, 1) else ("001" if list_date >= dt.date(2021, 1, 1)
                                                                 else "002")
    while True:
        code = f"{prefix}{rng.randint(1 if prefix != '000' else 2, 999):03d}"
        if code not in used_codes:
            used_codes.add(code)
            break
    years_before = rng.randint(3, 18) if board == "main" else rng.randint(5, 15)
    est = _rand_date(rng, dt.date(list_date.year - years_before, 1, 1),
                     dt.date(list_date.year - years_before, 12, 28))
    c.update(board=board, market=83 if prefix.startswith("6") else 90, code=code, list_date=list_date,
             est_date=est, recent=list_date >= dt.date(2021, 1, 1))


def _next_weekday(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


# --- financial statements -------------------------------------------------------------------------

INCOME_ITEMS = ("TotalOperatingRevenue", "OperatingRevenue", "NetInterestIncome", "InterestIncome",
                "InterestExpense", "NetCommissionIncome", "CommissionIncome", "CommissionExpense",
                "OtherOperatingRevenue", "TotalOperatingCost", "OperatingCost", "OperatingTaxSurcharges",
                "SaleExpense", "AdministrationExpense", "RAndD", "FinancialExpense", "FinInterestExpense",
                "FinInterestIncome", "OtherIncome", "InvestIncome", "InvestIncomeAssociates",
                "FairValueChangeIncome", "ExchangeIncome", "CreditImpairmentLoss", "AssetImpairmentLoss",
                "AssetDisposalIncome", "OperatingProfit", "NonoperatingIncome", "NonoperatingExpense",
                "TotalProfit", "IncomeTaxCost", "NetProfit", "NPFromContinuingOperating",
                "NPFromDiscontinuedOperating", "NPParentCompanyOwners", "MinorityProfit", "OtherCompositeIncome",
                "TotalCompositeIncome", "CIParentCompanyOwners", "CIMinorityOwners")
ASSET_ITEMS = ("CashEquivalents", "CashAndDepositInCB", "DepositInInterbank", "LendCapital", "TradingAssets",
               "BoughtSellbackAssets", "NotesReceivable", "AccountReceivable", "AdvancePayment", "OtherReceivable",
               "Inventories", "ContractAssets", "OtherCurrentAssets", "LoanAndAdvance", "DebtInvestment",
               "OtherDebtInvestment", "LongtermEquityInvest", "InvestmentProperty", "FixedAssets",
               "ConstruInProcess", "RightOfUseAssets", "IntangibleAssets", "DevelopmentExpenditure", "GoodWill",
               "LongDeferredExpense", "DeferredTaxAssets", "OtherNonCurrentAssets", "OtherAssets")
LIAB_ITEMS = ("ShortTermLoan", "BorrowingFromCentralBank", "DepositOfInterbank", "BorrowingCapital",
              "SoldBuybackSecuProceeds", "AcceptDeposit", "ActingTradingSecurity", "NotesPayable",
              "AccountsPayable", "AdvanceReceipts", "ContractLiability", "SalariesPayable", "TaxsPayable",
              "OtherPayable", "NonCurrentLiabilityIn1Year", "OtherCurrentLiability", "LongtermLoan",
              "BondsPayable", "LeaseLiability", "LongtermPayable", "EstimateLiability", "DeferredTaxLiability",
              "OtherNonCurrentLiability", "OtherLiabilities")
EQUITY_ITEMS = ("PaidInCapital", "OtherEquityInstruments", "CapitalReserveFund", "TreasuryStock",
                "OtherCompositeIncome", "SurplusReserveFund", "GeneralRiskPreparation", "RetainedProfit")


def _simulate(rng: random.Random, c: dict) -> None:
    """Quarterly revenue, balance sheets and single-quarter income statements for 2018Q1..2024Q1."""
    revs = _revenue_path(rng, c)
    f = _financial_profile(rng, c)
    bs = _balance_sheets(rng, c, revs, f)
    inc = _income_statements(rng, c, revs, bs, f)
    tax_rate, mi, int_rate = f["tax_rate"], f["mi"], f["int_rate"]
    # non-recurring profit and loss (for the deducted net profit indicator)
    for row in inc:
        nr = ((row["OtherIncome"] or 0) * 0.6 + (row["FairValueChangeIncome"] or 0) + (row["AssetDisposalIncome"] or 0)
              + row["NonoperatingIncome"] - row["NonoperatingExpense"]) * (1 - tax_rate) * (1 - mi)
        row["_nonrecurring"] = nr
    c.update(revs=revs, bs=bs, inc=inc, tax_rate=tax_rate, mi=mi, int_rate=int_rate)


def _revenue_path(rng: random.Random, c: dict) -> list[float]:
    """Quarterly operating revenue: a company-sized start, yearly growth by industry, seasons, 2020's dip."""
    p, key = c["params"], c["key"]
    rev0 = p["rev"] * 1e8 * lognormal(rng, 1.0, p["sigma"], 0.06, 12.0)
    if c["recent"] or c["board"] != "main":
        rev0 *= 0.5
    if c["status"] != "normal":
        rev0 *= 0.4
    g_comp = rng.gauss(0.0, 0.06)
    annual = {2018: rev0}
    for year in range(2019, 2025):
        g = GROWTH.get(key, {}).get(year, 0.08) + g_comp + rng.gauss(0.0, 0.07)
        if c["status"] != "normal" and year >= 2022:
            g -= 0.15
        annual[year] = annual[year - 1] * (1 + clip(g, -0.5, 1.2))
    season = [s * math.exp(rng.gauss(0.0, 0.04)) for s in p.get("season", _DEFAULT_SEASON)]
    season = [s / sum(season) for s in season]
    revs = []
    for year, q in QUARTERS:
        value = annual[year] * season[q - 1] * math.exp(rng.gauss(0.0, 0.035))
        if (year, q) == (2020, 1):
            value *= COVID_Q1.get(key, 0.78)
        elif (year, q) == (2020, 2):
            value *= 0.96
        revs.append(value)

    return revs


def _financial_profile(rng: random.Random, c: dict) -> dict[str, float]:
    """The company's ratios: turnover, debt, margins, expense and tax rates, yearly penalties, bank/broker mix."""
    p, key, layout = c["params"], c["key"], c["layout"]
    turnover = p["turnover"] * lognormal(rng, 1.0, 0.25)
    debt = clip(p["debt"] + rng.gauss(0.0, 0.012 if layout == "bank" else 0.08), 0.08, 0.94)
    gm = p.get("gm", 0.0) + rng.gauss(0.0, 0.045)
    sale = p.get("sale", 0.0) * lognormal(rng, 1.0, 0.35)
    admin = p.get("admin", 0.0) * lognormal(rng, 1.0, 0.3)
    rd = p.get("rd", 0.0) * lognormal(rng, 1.0, 0.35)
    surch = p.get("surch", 0.0) * lognormal(rng, 1.0, 0.2)
    if c["sub"] == "340500":  # baijiu: very high margins, heavy consumption tax
        gm, sale, surch = rng.uniform(0.72, 0.91), rng.uniform(0.06, 0.14), rng.uniform(0.12, 0.16)
    elif c["sub"] == "430300":
        gm, surch = rng.uniform(0.15, 0.25), 0.008
    gm = clip(gm, 0.04, 0.93)
    if layout == "general":  # keep return on equity within what listed companies report
        margin = (gm - sale - admin - rd - surch + 0.01) * 0.8
        roe = margin * turnover / (1 - debt)
        if roe > 0.3:
            turnover *= 0.3 / roe * rng.uniform(0.8, 1.0)
    tax_rate = (0.15 if rng.random() < p["hitech"] else 0.25) * rng.uniform(0.75, 1.05)
    mi = clip(lognormal(rng, 0.05, 0.8), 0.0, 0.3)
    if key in ("utility", "realestate", "construction", "coal"):
        mi = clip(mi * 2.2, 0.02, 0.45)
    if layout == "bank":
        mi = rng.uniform(0.003, 0.03)
    int_rate = rng.uniform(0.028, 0.05)
    oi = 0.008 * lognormal(rng, 1.0, 0.5)
    inv = 0.01 * lognormal(rng, 1.0, 0.8)
    cred = 0.004 * lognormal(rng, 1.0, 0.5)
    aimp = 0.006 * lognormal(rng, 1.0, 0.6)
    assoc = rng.uniform(0.2, 0.8)
    pen = {y: 0.0 for y in range(2018, 2025)}
    if c["status"] != "normal":
        pen.update({2022: 0.10, 2023: 0.2, 2024: 0.22})
    if c["troubled"]:
        pen[c["troubled"]] = 0.12
    # financial-firm revenue mix
    nii_c = rng.uniform(0.62, 0.78) if layout == "bank" else rng.uniform(0.08, 0.16)
    fee_c = rng.uniform(0.08, 0.2) if layout == "bank" else rng.uniform(0.35, 0.5)
    ii_mult = rng.uniform(1.9, 2.3)
    admin_b = rng.uniform(0.26, 0.36) if layout == "bank" else rng.uniform(0.48, 0.6)
    cred_b = rng.uniform(0.15, 0.35) if layout == "bank" else rng.uniform(0.0, 0.04)
    return dict(turnover=turnover, debt=debt, gm=gm, sale=sale, admin=admin, rd=rd, surch=surch, tax_rate=tax_rate, mi=mi, int_rate=int_rate, oi=oi, inv=inv, cred=cred, aimp=aimp, assoc=assoc, pen=pen, nii_c=nii_c, fee_c=fee_c, ii_mult=ii_mult, admin_b=admin_b, cred_b=cred_b)


def _balance_sheets(rng: random.Random, c: dict, revs: list[float], f: dict) -> list[dict]:
    """One balance sheet a quarter: total assets from trailing revenue and turnover, split by noisy mixes."""
    p, key, layout = c["params"], c["key"], c["layout"]
    turnover, debt, pen, mi = f["turnover"], f["debt"], f["pen"], f["mi"]
    n = len(QUARTERS)
    # balance-sheet mixes with company-level noise
    mix = p.get("assets", layout) if layout == "general" else layout
    if layout == "general":
        lmix = "property" if key == "realestate" else ("consumer" if mix == "consumer" else "general")
    else:
        lmix = layout
    base_a = {k: v * lognormal(rng, 1.0, 0.35) for k, v in ASSET_MIX[mix].items()}
    base_l = {k: v * lognormal(rng, 1.0, 0.35) for k, v in LIAB_MIX[lmix].items()}
    if layout == "general":
        for item, prob in (("GoodWill", 0.35), ("DevelopmentExpenditure", 0.5), ("InvestmentProperty", 0.5),
                           ("TradingAssets", 0.3), ("ContractAssets", 0.4)):
            if rng.random() < prob:
                base_a[item] = 0.0
        for item, prob in (("BondsPayable", 0.6), ("NotesPayable", 0.2), ("LongtermPayable", 0.5),
                           ("EstimateLiability", 0.5), ("LeaseLiability", 0.15)):
            if rng.random() < prob:
                base_l[item] = 0.0
    za = dict.fromkeys(base_a, 0.0)
    zl = dict.fromkeys(base_l, 0.0)
    z_ta = z_dr = 0.0
    bs: list[dict] = []
    for k in range(n):
        year = QUARTERS[k][0]
        window = revs[max(0, k - 3): k + 1]
        ttm = sum(window) * 4 / len(window)
        z_ta = 0.7 * z_ta + rng.gauss(0.0, 0.02)
        z_dr = 0.8 * z_dr + rng.gauss(0.0, 0.008)
        total = ttm / turnover * math.exp(z_ta)
        dr = clip(debt + z_dr + (0.06 if pen[year] > 0.15 else 0.0), 0.05, 0.97)
        row = dict.fromkeys(ASSET_ITEMS + LIAB_ITEMS)
        for item in za:
            za[item] = 0.8 * za[item] + rng.gauss(0.0, 0.04)
        for item in zl:
            zl[item] = 0.8 * zl[item] + rng.gauss(0.0, 0.04)
        wa = {i: base_a[i] * math.exp(za[i]) for i in base_a}
        wl = {i: base_l[i] * math.exp(zl[i]) for i in base_l}
        sa, sl = sum(wa.values()), sum(wl.values())
        for item, w in wa.items():
            row[item] = _r2(total * w / sa)
        for item, w in wl.items():
            row[item] = _r2(total * dr * w / sl)
        if layout == "general":
            row["TotalCurrentAssets"] = _r2(sum(row[i] for i in CURRENT_ASSETS))
            row["TotalNonCurrentAssets"] = _r2(sum(row[i] for i in base_a if i not in CURRENT_ASSETS))
            row["TotalAssets"] = _r2(row["TotalCurrentAssets"] + row["TotalNonCurrentAssets"])
            row["TotalCurrentLiability"] = _r2(sum(row[i] for i in CURRENT_LIABS))
            row["TotalNonCurrentLiability"] = _r2(sum(row[i] for i in base_l if i not in CURRENT_LIABS))
            row["TotalLiability"] = _r2(row["TotalCurrentLiability"] + row["TotalNonCurrentLiability"])
        else:
            row["TotalAssets"] = _r2(sum(row[i] for i in base_a))
            row["TotalLiability"] = _r2(sum(row[i] for i in base_l))
        row["TotalShareholderEquity"] = _r2(row["TotalAssets"] - row["TotalLiability"])
        row["MinorityInterests"] = _r2(row["TotalShareholderEquity"] * clip(mi * 1.3, 0.0, 0.5))
        row["SEWithoutMI"] = _r2(row["TotalShareholderEquity"] - row["MinorityInterests"])
        row["TotalLiabilityAndEquity"] = _r2(row["TotalLiability"] + row["TotalShareholderEquity"])
        bs.append(row)
    return bs


def _income_statements(rng: random.Random, c: dict, revs: list[float], bs: list[dict], f: dict) -> list[dict]:
    """One single-quarter income statement a quarter, general or financial layout, from revenue and ratios."""
    key, layout = c["key"], c["layout"]
    (gm, pen, surch, sale, admin, rd, int_rate, oi, inv, assoc, cred, aimp, nii_c, fee_c, ii_mult, admin_b, cred_b, tax_rate, mi) = (f[k] for k in (
        "gm", "pen", "surch", "sale", "admin", "rd", "int_rate", "oi", "inv", "assoc", "cred", "aimp", "nii_c", "fee_c", "ii_mult", "admin_b", "cred_b", "tax_rate", "mi"))
    n = len(QUARTERS)
    inc: list[dict] = []
    for k in range(n):
        year, q = QUARTERS[k]
        a, prev = bs[k], bs[k - 1] if k else bs[0]
        rev = revs[k]
        row = dict.fromkeys(INCOME_ITEMS)
        if layout == "general":
            g = clip(gm + GM_SHIFT.get(key, {}).get(year, 0.0) - pen[year] + rng.gauss(0.0, 0.012), -0.3, 0.95)
            debt_ib = sum((a[i] or 0) + (prev[i] or 0) for i in INTEREST_BEARING) / 2
            cash = ((a["CashEquivalents"] or 0) + (prev["CashEquivalents"] or 0)) / 2
            row["OperatingRevenue"] = row["TotalOperatingRevenue"] = _r2(rev)
            row["OperatingCost"] = _r2(rev * (1 - g))
            row["OperatingTaxSurcharges"] = _r2(rev * surch * math.exp(rng.gauss(0.0, 0.05)))
            row["SaleExpense"] = _r2(rev * sale * math.exp(rng.gauss(0.0, 0.08)))
            row["AdministrationExpense"] = _r2(rev * admin * math.exp(rng.gauss(0.0, 0.08)) * (1.15 if q == 4 else 1))
            row["RAndD"] = _r2(rev * rd * math.exp(rng.gauss(0.0, 0.1)) * (1.2 if q == 4 else 1))
            row["FinInterestExpense"] = _r2(debt_ib * int_rate / 4)
            row["FinInterestIncome"] = _r2(cash * 0.012 / 4)
            row["FinancialExpense"] = _r2(row["FinInterestExpense"] - row["FinInterestIncome"]
                                          + rev * rng.gauss(0.0005, 0.001))
            row["TotalOperatingCost"] = _r2(sum(row[i] for i in ("OperatingCost", "OperatingTaxSurcharges",
                                                                  "SaleExpense", "AdministrationExpense", "RAndD",
                                                                  "FinancialExpense")))
            row["OtherIncome"] = _r2(rev * oi * math.exp(rng.gauss(0.0, 0.3)))
            row["InvestIncome"] = _r2(rev * inv * math.exp(rng.gauss(0.0, 0.4)) + rev * rng.gauss(0.0, 0.003))
            row["InvestIncomeAssociates"] = _r2(row["InvestIncome"] * assoc) if a["LongtermEquityInvest"] else 0.0
            row["FairValueChangeIncome"] = _r2(rev * rng.gauss(0.0, 0.004)) if a["TradingAssets"] else 0.0
            row["CreditImpairmentLoss"] = _r2(rev * cred * math.exp(rng.gauss(0.0, 0.4)) * (1.8 if q == 4 else 0.75))
            extra = 0.0
            if q == 4 and (pen[year] > 0 or (key == "realestate" and year in (2022, 2023))):
                extra = rev * rng.uniform(0.03, 0.08)
            row["AssetImpairmentLoss"] = _r2(rev * aimp * math.exp(rng.gauss(0.0, 0.5)) * (3 if q == 4 else 0.3)
                                             + extra)
            row["AssetDisposalIncome"] = _r2(rev * rng.gauss(0.0, 0.0008))
            row["OperatingProfit"] = _r2(row["TotalOperatingRevenue"] - row["TotalOperatingCost"] + row["OtherIncome"]
                                         + row["InvestIncome"] + row["FairValueChangeIncome"]
                                         - row["CreditImpairmentLoss"] - row["AssetImpairmentLoss"]
                                         + row["AssetDisposalIncome"])
        else:
            row["NetInterestIncome"] = _r2(rev * nii_c * math.exp(rng.gauss(0.0, 0.03)))
            row["NetCommissionIncome"] = _r2(rev * fee_c * math.exp(rng.gauss(0.0, 0.08)))
            row["InvestIncome"] = _r2(rev * (rng.uniform(0.06, 0.14) if layout == "bank" else rng.uniform(0.25, 0.4)))
            row["FairValueChangeIncome"] = _r2(rev * rng.gauss(0.0 if layout == "bank" else 0.03, 0.02))
            row["ExchangeIncome"] = _r2(rev * rng.gauss(0.004, 0.003))
            row["OtherOperatingRevenue"] = _r2(rev * rng.uniform(0.005, 0.03))
            row["TotalOperatingRevenue"] = row["OperatingRevenue"] = _r2(sum(
                row[i] for i in ("NetInterestIncome", "NetCommissionIncome", "InvestIncome", "FairValueChangeIncome",
                                 "ExchangeIncome", "OtherOperatingRevenue")))
            row["InvestIncomeAssociates"] = _r2(row["InvestIncome"] * 0.05)
            row["InterestIncome"] = _r2(row["NetInterestIncome"] * (ii_mult if layout == "bank" else 2.6))
            row["InterestExpense"] = _r2(row["InterestIncome"] - row["NetInterestIncome"])
            row["CommissionIncome"] = _r2(row["NetCommissionIncome"] * rng.uniform(1.08, 1.2))
            row["CommissionExpense"] = _r2(row["CommissionIncome"] - row["NetCommissionIncome"])
            tor = row["TotalOperatingRevenue"]
            row["OperatingTaxSurcharges"] = _r2(tor * rng.uniform(0.008, 0.012))
            row["AdministrationExpense"] = _r2(tor * admin_b * (1.2 if q == 4 else 0.95))
            row["CreditImpairmentLoss"] = _r2(tor * cred_b * math.exp(rng.gauss(0.0, 0.15)) * (1 + 2 * pen[year]))
            row["AssetImpairmentLoss"] = _r2(tor * rng.uniform(0.0, 0.004))
            if layout == "broker":
                row["OperatingCost"] = _r2(tor * rng.uniform(0.02, 0.06))
            row["TotalOperatingCost"] = _r2(sum(row[i] or 0 for i in (
                "OperatingCost", "OperatingTaxSurcharges", "AdministrationExpense", "CreditImpairmentLoss",
                "AssetImpairmentLoss")))
            row["AssetDisposalIncome"] = _r2(tor * rng.gauss(0.0, 0.0005))
            row["OperatingProfit"] = _r2(tor - row["TotalOperatingCost"] + row["AssetDisposalIncome"])
        row["NonoperatingIncome"] = _r2(rev * rng.uniform(0.0, 0.002))
        row["NonoperatingExpense"] = _r2(rev * rng.uniform(0.0, 0.0025))
        row["TotalProfit"] = _r2(row["OperatingProfit"] + row["NonoperatingIncome"] - row["NonoperatingExpense"])
        tp = row["TotalProfit"]
        row["IncomeTaxCost"] = _r2(tp * tax_rate * (1 + rng.gauss(0.0, 0.08)) if tp > 0 else tp * 0.1)
        row["NetProfit"] = _r2(tp - row["IncomeTaxCost"])
        row["NPFromContinuingOperating"] = row["NetProfit"]
        row["NPFromDiscontinuedOperating"] = 0.0
        np_ = row["NetProfit"]
        row["MinorityProfit"] = _r2(np_ * mi if np_ > 0 else -np_ * mi * 0.3)
        row["NPParentCompanyOwners"] = _r2(np_ - row["MinorityProfit"])
        row["OtherCompositeIncome"] = _r2(rev * rng.gauss(0.0, 0.003))
        row["TotalCompositeIncome"] = _r2(np_ + row["OtherCompositeIncome"])
        row["CIMinorityOwners"] = _r2(row["MinorityProfit"] + row["OtherCompositeIncome"] * mi)
        row["CIParentCompanyOwners"] = _r2(row["TotalCompositeIncome"] - row["CIMinorityOwners"])
        inc.append(row)
    return inc


# --- publication dates, dividends, shares ----------------------------------------------------------

def _qidx(year: int, q: int) -> int:
    return (year - 2018) * 4 + q - 1


def _publication_dates(rng: random.Random, c: dict) -> None:
    """Which reporting periods exist for the company and when each was published."""
    periods: dict[int, dt.date] = {}
    annual_dates: dict[int, dt.date] = {}
    late = c["status"] != "normal"
    for k in range(len(QUARTERS)):
        year, q = QUARTERS[k]
        if q == 4:
            lo = dt.date(year + 1, 4, 24) if late else dt.date(year + 1, 3, 15 if c["layout"] == "general" else 20)
            day = _rand_date(rng, lo, dt.date(year + 1, 4, 29))
            annual_dates[year] = day
        elif q == 1:
            prior = annual_dates.get(year - 1)
            if prior and prior >= dt.date(year, 4, 18) and rng.random() < 0.6:
                day = prior
            else:
                day = _rand_date(rng, dt.date(year, 4, 15), dt.date(year, 4, 29))
        elif q == 2:
            day = _rand_date(rng, dt.date(year, 8, 8), dt.date(year, 8, 30))
        else:
            day = _rand_date(rng, dt.date(year, 10, 15), dt.date(year, 10, 30))
        day = _weekday_on_or_before(day)
        if k < FIRST_REPORT:
            continue
        if day < c["list_date"]:
            # before listing only the prospectus periods (interim and annual) are disclosed
            if q in (1, 3) or quarter_end(year, q) < c["list_date"] - dt.timedelta(days=3 * 365 + 200):
                continue
            day = _weekday_on_or_before(c["list_date"] - dt.timedelta(days=rng.randint(10, 20)))
        if c["delist_date"] and day > c["delist_date"]:
            continue
        periods[k] = day
    c["periods"] = periods


def _dividend_plans(rng: random.Random, c: dict, tdays: list[dt.date]) -> None:
    key, layout = c["key"], c["layout"]
    plans = []
    targets = [(fy, 4) for fy in (2020, 2021, 2022, 2023)]
    if rng.random() < (0.3 if layout == "bank" else 0.08):
        targets.append((2023, 2))
    for fy, q in sorted(targets):
        k = _qidx(fy, q)
        if k not in c["periods"]:
            continue
        adv = c["periods"][k]
        if adv < c["list_date"]:
            continue
        ks = range(_qidx(fy, 1), k + 1)
        np_parent = sum(c["inc"][i]["NPParentCompanyOwners"] for i in ks)
        prob = 0.97 if layout == "bank" else (0.85 if c["soe"] else 0.72)
        if key in ("coal", "utility", "oil", "appliance") or c["sub"] == "340500":
            prob = 0.97
        if q == 2:
            prob = 1.0
        pays = np_parent > 0 and c["status"] == "normal" and c["troubled"] != fy and rng.random() < prob
        if layout == "bank":
            payout = rng.uniform(0.25, 0.33)
        elif key in ("coal", "utility", "oil", "transport"):
            payout = rng.uniform(0.4, 0.75)
        elif c["sub"] == "340500" or key == "appliance":
            payout = rng.uniform(0.45, 0.8)
        else:
            payout = rng.uniform(0.12, 0.5)
        if q == 2:
            payout *= 0.6
        bonus = tran = 0.0
        if pays and layout == "general" and not c["soe"] and q == 4 and rng.random() < 0.06:
            tran = float(rng.choice((2, 3, 4, 5)))
            bonus = float(rng.choice((0, 0, 1, 2)))
        last_sm = dt.date(fy + 1, 6, 28) if q == 4 else dt.date(fy, 12, 20)
        sm = _weekday_on_or_before(min(adv + dt.timedelta(days=rng.randint(25, 55)), last_sm))
        impl = _weekday_on_or_before(sm + dt.timedelta(days=rng.randint(7, 40)))
        reg = _trading_on_or_after(tdays, impl + dt.timedelta(days=rng.randint(4, 8)))
        ex = _trading_after(tdays, reg)
        plan = dict(end=quarter_end(fy, q), adv=adv, sm=sm, impl=impl, reg=reg, ex=ex, pays=pays,
                    cash_total=np_parent * payout if pays else 0.0, bonus=bonus, tran=tran)
        if sm > END:
            plan.update(stage=1, sm=None, impl=None, reg=None, ex=None)
        elif impl > END or not pays:
            plan.update(stage=2, impl=None, reg=None, ex=None)
        else:
            plan["stage"] = 3
        if c["delist_date"] and plan["ex"] and plan["ex"] > c["delist_date"]:
            continue
        plans.append(plan)
    c["plans"] = plans


def _trading_on_or_after(tdays: list[dt.date], day: dt.date) -> dt.date:
    for t in tdays:
        if t >= day:
            return t
    return day


def _trading_after(tdays: list[dt.date], day: dt.date) -> dt.date:
    for t in tdays:
        if t > day:
            return t
    return day + dt.timedelta(days=1)


def _setup_shares(rng: random.Random, c: dict) -> None:
    """Pick market value and price, then the share count, share events and ownership split."""
    p = c["params"]
    ref = max(QUOTE_START, c["list_date"])
    k_ref = max(k for k in range(len(QUARTERS)) if quarter_end(*QUARTERS[k]) <= ref - dt.timedelta(days=40))
    np_ttm = sum(c["inc"][i]["NPParentCompanyOwners"] for i in range(k_ref - 3, k_ref + 1))
    rev_ttm = sum(c["revs"][k_ref - 3: k_ref + 1])
    sew = c["bs"][k_ref]["SEWithoutMI"]
    pe = p["pe"] * lognormal(rng, 1.0, 0.35)
    mcap = np_ttm * pe if np_ttm > 0 else rev_ttm * lognormal(rng, 0.8, 0.5)
    mcap = max(mcap, sew * (0.4 if c["layout"] == "bank" else 0.6), lognormal(rng, 3.0e9, 0.3))
    cap = 2.0e12 if c["layout"] == "bank" or c["sub"] == "340500" else (
        3.5e11 if c["key"] in ("steel", "metals", "chem", "realestate", "construction") else 6e11)
    mcap = min(mcap, cap * rng.uniform(0.6, 1.0))
    price = p["price"] * lognormal(rng, 1.0, 0.5)
    if c["sub"] == "340500":
        price *= 4
    if c["status"] != "normal":
        mcap = clip(mcap, 1.5e9, 4e9)
        price = rng.uniform(1.8, 4.5)
    price = clip(price, 3.0 if c["layout"] == "general" else 2.5, 1600.0)
    shares_ref = max(1e7, round(mcap / price / 1e4) * 1e4)
    events = sorted((pl["ex"], 1 + (pl["bonus"] + pl["tran"]) / 10) for pl in c["plans"]
                    if pl["stage"] == 3 and pl["ex"] <= END and (pl["bonus"] or pl["tran"]))
    mult_before_ref = 1.0
    for day, m in events:
        if day <= ref:
            mult_before_ref *= m
    c["share_events"] = events
    c["base_shares"] = shares_ref / mult_before_ref
    c["ref_price"] = _r2(price)
    if c["board"] == "main":
        c["ipo_frac"] = 0.25 if c["base_shares"] < 4e8 else 0.1
    else:
        c["ipo_frac"] = rng.uniform(0.1, 0.25)
    c["ctrl_stake"] = rng.uniform(0.25, 0.6)
    c["small_lock"] = rng.choice((0.0, 0.0, rng.uniform(0.002, 0.03)))
    dual = {"bank": 0.5, "oil": 0.5, "coal": 0.4, "construction": 0.4, "broker": 0.4}.get(c["key"], 0.03)
    c["h_frac"] = rng.uniform(0.15, 0.35) if rng.random() < dual and c["board"] == "main" else 0.0
    if c["recent"]:
        pop = 1.44 if c["board"] == "main" else lognormal(rng, 1.7, 0.45, 0.8, 5.0)
        c["issue_price"] = _r2(price / pop)
    else:
        c["issue_price"] = _r2(price * lognormal(rng, 0.5, 0.4, 0.05, 3.0))


def shares_at(c: dict, day: dt.date) -> tuple[float, float, float, float, float]:
    """(total, A shares, A float, restricted A, H shares) on ``day``."""
    total = c["base_shares"]
    for ex, m in c["share_events"]:
        if ex <= day:
            total *= m
    total = float(round(total))
    if day < c["list_date"]:
        total = float(round(total * (1 - c["ipo_frac"])))
        h = float(round(total * c["h_frac"]))
        return total, total - h, 0.0, total - h, h
    h = float(round(total * c["h_frac"]))
    a_shares = total - h
    age = (day - c["list_date"]).days
    if c["list_date"] < dt.date(2018, 1, 1) or age >= 3 * 365:
        restricted = a_shares * c["small_lock"]
    elif age >= 365:
        restricted = a_shares * c["ctrl_stake"]
    else:
        restricted = a_shares * (1 - c["ipo_frac"])
    restricted = float(round(restricted))
    return total, a_shares, a_shares - restricted, restricted, h


def _finish_equity(rng: random.Random, c: dict) -> None:
    layout = c["layout"]
    oei = 0.08 if layout == "bank" else (0.05 if rng.random() < 0.06 else 0.0)
    cr = rng.uniform(0.4, 0.7) if c["board"] != "main" else rng.uniform(0.08, 0.45)
    ts = rng.uniform(0.005, 0.02) if rng.random() < 0.15 else 0.0
    oci = rng.gauss(0.0, 0.01)
    sr = rng.uniform(0.04, 0.12)
    gr = {"bank": 0.12, "broker": 0.08}.get(layout)
    for k, row in enumerate(c["bs"]):
        shares = shares_at(c, quarter_end(*QUARTERS[k]))[0]
        sew = row["SEWithoutMI"]
        row["PaidInCapital"] = shares
        row["OtherEquityInstruments"] = _r2(sew * oei)
        row["CapitalReserveFund"] = _r2(max(sew, 0) * cr)
        row["TreasuryStock"] = _r2(max(sew, 0) * ts)
        row["OtherCompositeIncome"] = _r2(sew * oci)
        row["SurplusReserveFund"] = _r2(min(shares * 0.5, max(sew, 0) * sr))
        row["GeneralRiskPreparation"] = _r2(sew * gr) if gr else None
        row["RetainedProfit"] = _r2(sew - row["PaidInCapital"] - row["OtherEquityInstruments"]
                                    - row["CapitalReserveFund"] + row["TreasuryStock"] - row["OtherCompositeIncome"]
                                    - row["SurplusReserveFund"] - (row["GeneralRiskPreparation"] or 0))
    for plan in c["plans"]:
        base_day = plan["reg"] if plan["stage"] == 3 else plan["adv"]
        base = shares_at(c, base_day)[0]
        plan["base"] = base
        if plan["pays"]:
            per10 = max(0.05, round(plan["cash_total"] / base * 10, 2))
            plan["per10"] = per10
            plan["cash_total"] = _r2(per10 / 10 * base)
        else:
            plan["per10"] = 0.0
            plan["cash_total"] = 0.0


# --- cash flows and report rows --------------------------------------------------------------------

CF_ITEMS = ("GoodsSaleServiceRenderCash", "TaxLevyRefund", "NetDepositIncrease", "InterestCommissionCashIn",
            "OtherCashInRelatedOperate", "SubtotalOperateCashInflow", "GoodsServiceCashPaid", "NetLoanIncrease",
            "InterestCommissionCashPaid", "StaffBehalfPaid", "AllTaxesPaid", "OtherOperateCashPaid",
            "SubtotalOperateCashOutflow", "NetOperateCashFlow", "InvestWithdrawalCash", "InvestProceeds",
            "FixIntanOtherAssetDispoCash", "OtherCashFromInvestAct", "SubtotalInvestCashInflow",
            "FixIntanOtherAssetAcquiCash", "InvestCashPaid", "OtherCashToInvestAct", "SubtotalInvestCashOutflow",
            "NetInvestCashFlow", "CashFromInvest", "CashFromBorrowing", "CashFromBondsIssue", "OtherFinanceActCash",
            "SubtotalFinanceCashInflow", "BorrowingRepayment", "DividendInterestPayment", "OtherFinanceActPayment",
            "SubtotalFinanceCashOutflow", "NetFinanceCashFlow", "ExchanRateChangeEffect", "CashEquivalentIncrease",
            "BeginPeriodCash", "EndPeriodCashEquivalent", "NetProfit", "AssetImpairmentReserve",
            "FixedAssetDepreciation", "IntangibleAssetAmortization", "LongDeferExpenseAmort", "FinancialExpense",
            "InvestLoss", "DeferredTaxAssetDecrease", "DeferredTaxLiabilityIncrease", "InventoryDecrease",
            "OperatingReceivableDecrease", "OperatingPayableIncrease", "OtherItems", "NetOperateCashFlowNotes")
CF_SUBTOTALS = {
    "SubtotalOperateCashInflow": ("GoodsSaleServiceRenderCash", "TaxLevyRefund", "NetDepositIncrease",
                                  "InterestCommissionCashIn", "OtherCashInRelatedOperate"),
    "SubtotalOperateCashOutflow": ("GoodsServiceCashPaid", "NetLoanIncrease", "InterestCommissionCashPaid",
                                   "StaffBehalfPaid", "AllTaxesPaid", "OtherOperateCashPaid"),
    "SubtotalInvestCashInflow": ("InvestWithdrawalCash", "InvestProceeds", "FixIntanOtherAssetDispoCash",
                                 "OtherCashFromInvestAct"),
    "SubtotalInvestCashOutflow": ("FixIntanOtherAssetAcquiCash", "InvestCashPaid", "OtherCashToInvestAct"),
    "SubtotalFinanceCashInflow": ("CashFromInvest", "CashFromBorrowing", "CashFromBondsIssue", "OtherFinanceActCash"),
    "SubtotalFinanceCashOutflow": ("BorrowingRepayment", "DividendInterestPayment", "OtherFinanceActPayment"),
}


def _cash_equivalents(c: dict, row: dict) -> float:
    if c["layout"] == "bank":
        return row["CashAndDepositInCB"] * 0.3 + row["DepositInInterbank"] * 0.9
    return row["CashEquivalents"] * c["cash_restricted"]


def _cashflows(rng: random.Random, c: dict) -> None:
    """Single-quarter cash-flow statements consistent with the balance sheets and income statements."""
    layout, bs, inc = c["layout"], c["bs"], c["inc"]
    c["cash_restricted"] = rng.uniform(0.85, 0.99)
    dep_rate = rng.uniform(0.05, 0.09)
    staff_c = rng.uniform(0.05, 0.2)
    dividends: dict[int, float] = {}
    for plan in c["plans"]:
        if plan["stage"] == 3 and plan["ex"] <= END:
            k = _qidx(plan["ex"].year, (plan["ex"].month - 1) // 3 + 1)
            dividends[k] = dividends.get(k, 0.0) + plan["cash_total"]
    ipo_k = _qidx(c["list_date"].year, (c["list_date"].month - 1) // 3 + 1) if c["recent"] else -1
    ipo_cash = c["issue_price"] * c["base_shares"] * c["ipo_frac"]
    cf: list[dict | None] = [None] * len(QUARTERS)
    for k in range(4, len(QUARTERS)):
        a, b, i = bs[k], bs[k - 1], inc[k]
        row = dict.fromkeys(CF_ITEMS)
        nocf, spent = _operating_cash(rng, layout, row, a, b, i, dep_rate, staff_c)
        nicf = _investing_cash(rng, layout, row, a, b, i, spent)
        raised = ipo_cash if k == ipo_k else None  # the listing quarter's IPO proceeds
        _financing_cash(rng, c, row, a, b, i, nocf, nicf, dividends.get(k, 0.0), raised, k % 4 == 1)
        cf[k] = row
    c["cf"] = cf


def _delta(a: dict, b: dict, item: str) -> float:
    """How much a balance-sheet item grew from ``b`` (last quarter) to ``a`` (this one)."""
    return (a[item] or 0.0) - (b[item] or 0.0)


def _operating_cash(rng: random.Random, layout: str, row: dict, a: dict, b: dict, i: dict, dep_rate: float,
                    staff_c: float) -> tuple[float, float]:
    """Fill ``row``'s operating cash flows (indirect and direct); (net operating cash, depreciation and amortisation)."""
    rev = i["TotalOperatingRevenue"]
    dep = ((b["FixedAssets"] or 0) * dep_rate + (b["RightOfUseAssets"] or 0) * 0.2) / 4
    amort = (b["IntangibleAssets"] or 0) * 0.05 / 4
    lde = (b["LongDeferredExpense"] or 0) * 0.25 / 4
    row["NetProfit"] = i["NetProfit"]
    row["AssetImpairmentReserve"] = _r2((i["CreditImpairmentLoss"] or 0) + (i["AssetImpairmentLoss"] or 0))
    row["FixedAssetDepreciation"] = _r2(dep)
    row["IntangibleAssetAmortization"] = _r2(amort)
    row["LongDeferExpenseAmort"] = _r2(lde)
    row["FinancialExpense"] = _r2(i["FinancialExpense"] or 0.0)
    row["InvestLoss"] = _r2(-(i["InvestIncome"] or 0.0))
    row["DeferredTaxAssetDecrease"] = _r2(-_delta(a, b, "DeferredTaxAssets"))
    row["DeferredTaxLiabilityIncrease"] = _r2(_delta(a, b, "DeferredTaxLiability"))
    if layout == "general":
        row["InventoryDecrease"] = _r2(-_delta(a, b, "Inventories"))
        row["OperatingReceivableDecrease"] = _r2(-sum(_delta(a, b, x) for x in (
            "NotesReceivable", "AccountReceivable", "AdvancePayment", "OtherReceivable", "ContractAssets")))
        row["OperatingPayableIncrease"] = _r2(sum(_delta(a, b, x) for x in (
            "NotesPayable", "AccountsPayable", "AdvanceReceipts", "ContractLiability", "SalariesPayable",
            "TaxsPayable", "OtherPayable")))
    elif layout == "bank":
        row["InventoryDecrease"] = 0.0
        row["OperatingReceivableDecrease"] = _r2(-sum(_delta(a, b, x) for x in (
            "LoanAndAdvance", "LendCapital", "BoughtSellbackAssets")))
        row["OperatingPayableIncrease"] = _r2(sum(_delta(a, b, x) for x in (
            "AcceptDeposit", "DepositOfInterbank", "BorrowingFromCentralBank", "BorrowingCapital",
            "SoldBuybackSecuProceeds")))
    else:
        row["InventoryDecrease"] = 0.0
        row["OperatingReceivableDecrease"] = _r2(-(_delta(a, b, "TradingAssets") * 0.5 + _delta(a, b, "BoughtSellbackAssets")
                                                   + _delta(a, b, "OtherAssets")))
        row["OperatingPayableIncrease"] = _r2(sum(_delta(a, b, x) for x in (
            "ActingTradingSecurity", "SoldBuybackSecuProceeds", "BorrowingCapital")))
    row["OtherItems"] = _r2(rev * rng.gauss(0.0, 0.01) - (i["FairValueChangeIncome"] or 0.0))
    nocf = _r2(sum(row[x] for x in ("NetProfit", "AssetImpairmentReserve", "FixedAssetDepreciation",
                                     "IntangibleAssetAmortization", "LongDeferExpenseAmort", "FinancialExpense",
                                     "InvestLoss", "DeferredTaxAssetDecrease", "DeferredTaxLiabilityIncrease",
                                     "InventoryDecrease", "OperatingReceivableDecrease",
                                     "OperatingPayableIncrease", "OtherItems")))
    row["NetOperateCashFlow"] = row["NetOperateCashFlowNotes"] = nocf
    taxes = _r2((max(i["IncomeTaxCost"], 0) + (i["OperatingTaxSurcharges"] or 0)) * rng.uniform(0.9, 1.1)
                + (rev * 0.03 if layout == "general" else 0))
    if layout == "general":
        row["GoodsSaleServiceRenderCash"] = _r2(rev * 1.08 * rng.uniform(0.95, 1.05))
        row["TaxLevyRefund"] = _r2(rev * rng.uniform(0.0, 0.01))
        row["OtherCashInRelatedOperate"] = _r2(rev * rng.uniform(0.005, 0.03))
        row["StaffBehalfPaid"] = _r2(rev * staff_c * rng.uniform(0.9, 1.1))
        row["AllTaxesPaid"] = taxes
        row["OtherOperateCashPaid"] = _r2(((i["SaleExpense"] or 0) + (i["AdministrationExpense"] or 0))
                                          * rng.uniform(0.3, 0.5))
        residual_item, floor = "GoodsServiceCashPaid", rev * 0.1
    else:
        dep_inc = _delta(a, b, "AcceptDeposit") + _delta(a, b, "DepositOfInterbank") if layout == "bank" else _delta(a, b, "ActingTradingSecurity")
        loan_inc = _delta(a, b, "LoanAndAdvance") if layout == "bank" else 0.0
        row["NetDepositIncrease"] = _r2(max(dep_inc, 0.0))
        row["NetLoanIncrease"] = _r2(max(loan_inc, 0.0)) if layout == "bank" else None
        row["InterestCommissionCashIn"] = _r2((i["InterestIncome"] + i["CommissionIncome"]) * rng.uniform(0.9, 1.0))
        row["OtherCashInRelatedOperate"] = _r2(max(-loan_inc, 0.0) + rev * rng.uniform(0.01, 0.05))
        row["InterestCommissionCashPaid"] = _r2((i["InterestExpense"] + i["CommissionExpense"])
                                                * rng.uniform(0.85, 1.0))
        row["StaffBehalfPaid"] = _r2(i["AdministrationExpense"] * 0.6)
        row["AllTaxesPaid"] = taxes
        residual_item, floor = "OtherOperateCashPaid", rev * 0.05
    inflow = sum(row[x] or 0 for x in CF_SUBTOTALS["SubtotalOperateCashInflow"])
    known_out = sum(row[x] or 0 for x in CF_SUBTOTALS["SubtotalOperateCashOutflow"] if x != residual_item)
    residual = inflow - nocf - known_out
    if residual < floor:
        row["OtherCashInRelatedOperate"] = _r2(row["OtherCashInRelatedOperate"] + floor - residual)
        residual = floor
    row[residual_item] = _r2(residual)
    return nocf, dep + amort + lde


def _investing_cash(rng: random.Random, layout: str, row: dict, a: dict, b: dict, i: dict,
                    depreciation: float) -> float:
    """Fill ``row``'s investing cash flows: capital spending from the asset changes, financial-asset churn."""
    rev = i["TotalOperatingRevenue"]
    capex = max(0.0, sum(_delta(a, b, x) for x in ("FixedAssets", "ConstruInProcess", "IntangibleAssets",
                                         "DevelopmentExpenditure", "LongDeferredExpense")) + depreciation)
    row["FixIntanOtherAssetAcquiCash"] = _r2(capex * rng.uniform(1.0, 1.08))
    row["FixIntanOtherAssetDispoCash"] = _r2(capex * rng.uniform(0.0, 0.03))
    fin_assets = ("TradingAssets", "LongtermEquityInvest", "DebtInvestment", "OtherDebtInvestment")
    if layout == "broker":
        fin_assets = fin_assets[1:]
    dfin = sum(_delta(a, b, x) for x in fin_assets)
    churn = sum(b[x] or 0 for x in fin_assets) * rng.uniform(0.1, 0.6)
    row["InvestCashPaid"] = _r2(churn + max(dfin, 0.0))
    row["InvestWithdrawalCash"] = _r2(churn * rng.uniform(0.9, 1.0) + max(-dfin, 0.0))
    row["InvestProceeds"] = _r2(max(0.0, (i["InvestIncome"] or 0) * rng.uniform(0.3, 0.9)))
    row["OtherCashFromInvestAct"] = _r2(rev * rng.uniform(0.0, 0.003))
    row["OtherCashToInvestAct"] = _r2(rev * rng.uniform(0.0, 0.003))
    nicf = _r2(sum(row[x] for x in CF_SUBTOTALS["SubtotalInvestCashInflow"])
               - sum(row[x] for x in CF_SUBTOTALS["SubtotalInvestCashOutflow"]))
    row["NetInvestCashFlow"] = nicf
    return nicf


def _financing_cash(rng: random.Random, c: dict, row: dict, a: dict, b: dict, i: dict, nocf: float, nicf: float,
                    dividends: float, ipo_cash: float | None, minority_payout: bool) -> None:
    """Fill ``row``'s financing cash flows: they take up the rest of the quarter's change in cash."""
    layout, rev = c["layout"], i["TotalOperatingRevenue"]
    end_cash, begin_cash = _cash_equivalents(c, a), _cash_equivalents(c, b)
    fx = _r2(end_cash * rng.gauss(0.0, 0.001))
    row["ExchanRateChangeEffect"] = fx
    nfcf = _r2(end_cash - begin_cash - nocf - nicf - fx)
    row["NetFinanceCashFlow"] = nfcf
    loan_items = ("ShortTermLoan", "LongtermLoan", "NonCurrentLiabilityIn1Year")
    dloan = sum(_delta(a, b, x) for x in loan_items)
    loan_churn = (b["ShortTermLoan"] or 0) * rng.uniform(0.3, 0.8) + (b["BondsPayable"] or 0) * 0.05
    row["CashFromBorrowing"] = loan_churn + max(dloan, 0.0)
    row["BorrowingRepayment"] = loan_churn + max(-dloan, 0.0) + max(-_delta(a, b, "BondsPayable"), 0.0)
    row["CashFromBondsIssue"] = _r2(max(_delta(a, b, "BondsPayable"), 0.0))
    row["CashFromInvest"] = _r2(ipo_cash if ipo_cash is not None else (rev * rng.uniform(0.0, 0.01)
                                                             if rng.random() < 0.1 else 0.0))
    interest = (i["FinInterestExpense"] or 0) if layout == "general" else (b["BondsPayable"] or 0) * 0.03 / 4
    row["DividendInterestPayment"] = _r2(dividends + interest * rng.uniform(0.85, 1.0)
                                         + max(i["MinorityProfit"], 0) * (0.5 if minority_payout else 0.0))
    row["OtherFinanceActCash"] = _r2(rev * rng.uniform(0.0, 0.004))
    row["OtherFinanceActPayment"] = _r2((b["RightOfUseAssets"] or 0) * 0.2 / 4 + rev * rng.uniform(0.0, 0.003))
    gap = nfcf - (sum(row[x] for x in CF_SUBTOTALS["SubtotalFinanceCashInflow"])
                  - sum(row[x] for x in CF_SUBTOTALS["SubtotalFinanceCashOutflow"]))
    if gap > 0:
        row["CashFromBorrowing"] += gap
    else:
        row["BorrowingRepayment"] -= gap
    row["CashFromBorrowing"] = _r2(row["CashFromBorrowing"])
    row["BorrowingRepayment"] = _r2(row["BorrowingRepayment"])



def _sum_items(rows: list[dict], items: tuple[str, ...]) -> dict:
    out = {}
    for item in items:
        values = [r[item] for r in rows]
        out[item] = None if all(v is None for v in values) else _r2(sum(v or 0.0 for v in values))
    return out


def _ytd_income(c: dict, k: int) -> dict:
    year, q = QUARTERS[k]
    rows = [c["inc"][i] for i in range(_qidx(year, 1), k + 1)]
    out = _sum_items(rows, INCOME_ITEMS)
    out["_nonrecurring"] = sum(r["_nonrecurring"] for r in rows)
    return out


def _ytd_cashflow(c: dict, k: int) -> dict:
    year, q = QUARTERS[k]
    rows = [c["cf"][i] for i in range(_qidx(year, 1), k + 1)]
    flows = tuple(x for x in CF_ITEMS if x not in CF_SUBTOTALS and x not in (
        "CashEquivalentIncrease", "BeginPeriodCash", "EndPeriodCashEquivalent"))
    out = _sum_items(rows, flows)
    for subtotal, parts in CF_SUBTOTALS.items():
        out[subtotal] = _r2(sum(out[x] or 0.0 for x in parts))
    out["NetOperateCashFlow"] = out["NetOperateCashFlowNotes"]
    out["BeginPeriodCash"] = _r2(_cash_equivalents(c, c["bs"][_qidx(year - 1, 4)]))
    out["EndPeriodCashEquivalent"] = _r2(_cash_equivalents(c, c["bs"][k]))
    out["CashEquivalentIncrease"] = _r2(out["EndPeriodCashEquivalent"] - out["BeginPeriodCash"])
    return out


def _pct(a: float | None, b: float | None) -> float | None:
    if a is None or b is None or b == 0:
        return None
    return _r4((a - b) / abs(b) * 100)


def _div(a: float | None, b: float | None, scale: float = 1.0, nd: int = 4) -> float | None:
    if a is None or b is None or b == 0:
        return None
    return round(a / b * scale, nd)


def _scale_row(row: dict, items: tuple[str, ...], f: float) -> dict:
    out = dict(row)
    for item in items:
        if out.get(item) is not None:
            out[item] = _r2(out[item] * f)
    return out


def _reports(rng: random.Random, c: dict, out: dict[str, list]) -> None:
    etype = {"general": 13, "bank": 31, "broker": 33}[c["layout"]]
    restate = c["layout"] == "general" and rng.random() < 0.08
    parent_f = rng.uniform(0.9, 0.98) if c["layout"] == "bank" else rng.uniform(0.2, 0.8)
    dil = 1.0 if rng.random() < 0.8 else rng.uniform(0.97, 0.995)
    bs_items = ASSET_ITEMS + LIAB_ITEMS + ("TotalCurrentAssets", "TotalNonCurrentAssets", "TotalAssets",
                                           "TotalCurrentLiability", "TotalNonCurrentLiability", "TotalLiability")
    cf_money = tuple(x for x in CF_ITEMS)
    reps = []
    for k, publ in sorted(c["periods"].items()):
        year, q = QUARTERS[k]
        end = quarter_end(year, q)
        key = dict(CompanyCode=c["company"], InfoPublDate=publ.isoformat(), EndDate=end.isoformat(), IfAdjusted=2,
                   IfMerged=1, EnterpriseType=etype, AccountingStandards=1)
        shares = shares_at(c, end)[0]
        income = _ytd_income(c, k)
        income["BasicEPS"] = _r4(income["NPParentCompanyOwners"] / shares)
        income["DilutedEPS"] = _r4(income["BasicEPS"] * dil)
        balance = {x: c["bs"][k].get(x) for x in bs_items + EQUITY_ITEMS + (
            "SEWithoutMI", "MinorityInterests", "TotalShareholderEquity", "TotalLiabilityAndEquity")}
        cash = _ytd_cashflow(c, k)
        out["income"].append({**key, **income})
        out["balance"].append({**key, **balance})
        out["cashflow"].append({**key, **cash})
        single = dict(c["inc"][k])
        single["BasicEPS"] = _r4(single["NPParentCompanyOwners"] / shares)
        out["qincome"].append({"CompanyCode": c["company"], "InfoPublDate": publ.isoformat(),
                               "EndDate": end.isoformat(), **single})
        if q == 4:  # parent-company statements accompany the annual report
            pkey = {**key, "IfMerged": 2}
            pinc = _scale_row(income, INCOME_ITEMS, parent_f)
            pinc.update(MinorityProfit=0.0, NPParentCompanyOwners=pinc["NetProfit"], CIMinorityOwners=0.0,
                        CIParentCompanyOwners=pinc["TotalCompositeIncome"], BasicEPS=None, DilutedEPS=None)
            out["income"].append({**pkey, **pinc})
            out["balance"].append({**pkey, **_restate_balance(balance, bs_items, parent_f, parent=True)})
            out["cashflow"].append({**pkey, **_scale_row(cash, cf_money, parent_f)})
        if restate and year == 2022 and _qidx(year + 1, q) in c["periods"]:
            f = rng.uniform(1.02, 1.12)
            rkey = {**key, "IfAdjusted": 1, "InfoPublDate": c["periods"][_qidx(year + 1, q)].isoformat()}
            rinc = _scale_row(income, INCOME_ITEMS, f)
            rinc.update(BasicEPS=_r4(income["BasicEPS"] * f), DilutedEPS=_r4(income["DilutedEPS"] * f))
            out["income"].append({**rkey, **rinc})
            out["balance"].append({**rkey, **_restate_balance(balance, bs_items, f, parent=False)})
            out["cashflow"].append({**rkey, **_scale_row(cash, cf_money, f)})
        reps.append((k, publ, income, balance, cash, shares))
    _indicators(c, reps, out)


def _restate_balance(balance: dict, items: tuple[str, ...], f: float, parent: bool) -> dict:
    row = _scale_row(balance, items + EQUITY_ITEMS[1:] + ("SEWithoutMI", "MinorityInterests",
                                                          "TotalShareholderEquity", "TotalLiabilityAndEquity"), f)
    if parent:
        row["MinorityInterests"] = 0.0
        row["SEWithoutMI"] = row["TotalShareholderEquity"]
    row["RetainedProfit"] = _r2(row["SEWithoutMI"] - row["PaidInCapital"] - row["OtherEquityInstruments"]
                                - row["CapitalReserveFund"] + row["TreasuryStock"] - row["OtherCompositeIncome"]
                                - row["SurplusReserveFund"] - (row["GeneralRiskPreparation"] or 0))
    return row


def _indicators(c: dict, reps: list, out: dict[str, list]) -> None:
    general = c["layout"] == "general"
    for k, publ, inc, bal, cash, shares in reps:
        year, q = QUARTERS[k]
        prev = _ytd_income(c, k - 4)
        begin = c["bs"][_qidx(year - 1, 4)]
        ago = c["bs"][k - 4]
        days = (90, 181, 273, 365)[q - 1]
        avg = {x: ((bal[x] or 0) + (begin[x] or 0)) / 2 for x in ("SEWithoutMI", "TotalAssets", "Inventories",
                                                                 "AccountReceivable")}
        npp = inc["NPParentCompanyOwners"]
        cut = npp - inc["_nonrecurring"]
        cut_prev = prev["NPParentCompanyOwners"] - prev["_nonrecurring"]
        ttm_np = sum(c["inc"][i]["NPParentCompanyOwners"] for i in range(k - 3, k + 1))
        roe = _div(npp, avg["SEWithoutMI"], 100)
        row = dict(
            CompanyCode=c["company"], EndDate=quarter_end(year, q).isoformat(), InfoPublDate=publ.isoformat(),
            BasicEPS=inc["BasicEPS"], DilutedEPS=inc["DilutedEPS"], EPSTTM=_r4(ttm_np / shares),
            NetAssetPS=_r4(bal["SEWithoutMI"] / shares), CapitalSurplusFundPS=_r4(bal["CapitalReserveFund"] / shares),
            UndividedProfitPS=_r4(bal["RetainedProfit"] / shares),
            OperCashFlowPS=_r4(cash["NetOperateCashFlow"] / shares),
            ROE=roe, ROEWeighted=_r4(roe * (1 + (c["company"] % 7 - 3) / 300)) if roe is not None else None,
            ROEDiluted=_div(npp, bal["SEWithoutMI"], 100), ROA=_div(inc["NetProfit"], avg["TotalAssets"], 100),
            GrossIncomeRatio=_div(inc["OperatingRevenue"] - inc["OperatingCost"], inc["OperatingRevenue"], 100)
            if general else None,
            NetProfitRatio=_div(inc["NetProfit"], inc["TotalOperatingRevenue"], 100),
            OperatingProfitRatio=_div(inc["OperatingProfit"], inc["TotalOperatingRevenue"], 100),
            SaleExpenseRatio=_div(inc["SaleExpense"], inc["OperatingRevenue"], 100) if general else None,
            AdminExpenseRatio=_div(inc["AdministrationExpense"], inc["OperatingRevenue"], 100),
            RDExpenseRatio=_div(inc["RAndD"], inc["OperatingRevenue"], 100) if general else None,
            DebtAssetsRatio=_div(bal["TotalLiability"], bal["TotalAssets"], 100),
            CurrentRatio=_div(bal["TotalCurrentAssets"], bal["TotalCurrentLiability"]) if general else None,
            QuickRatio=_div(bal["TotalCurrentAssets"] - bal["Inventories"], bal["TotalCurrentLiability"])
            if general else None,
            EquityMultipler=_div(bal["TotalAssets"], bal["TotalShareholderEquity"]),
            InventoryTRate=_div(inc["OperatingCost"], avg["Inventories"]) if general else None,
            ARTRate=_div(inc["OperatingRevenue"], avg["AccountReceivable"]) if general else None,
            TotalAssetTRate=_div(inc["TotalOperatingRevenue"], avg["TotalAssets"]),
            OperatingRevenueGrowRate=_pct(inc["TotalOperatingRevenue"], prev["TotalOperatingRevenue"]),
            OperProfitGrowRate=_pct(inc["OperatingProfit"], prev["OperatingProfit"]),
            NetProfitGrowRate=_pct(inc["NetProfit"], prev["NetProfit"]),
            NPParentCompanyYOY=_pct(npp, prev["NPParentCompanyOwners"]),
            NPParentCompanyCutYOY=_pct(cut, cut_prev),
            TotalAssetGrowRate=_pct(bal["TotalAssets"], begin["TotalAssets"]),
            NetAssetGrowRate=_pct(bal["SEWithoutMI"], begin["SEWithoutMI"]),
            TotalAssetYOY=_pct(bal["TotalAssets"], ago["TotalAssets"]),
            NetProfitCut=_r2(cut), NonRecurringProfitLoss=_r2(inc["_nonrecurring"]),
            OperCashFlowToNetProfit=_div(cash["NetOperateCashFlow"], inc["NetProfit"]),
        )
        row["InventoryTDays"] = _r2(days / row["InventoryTRate"]) if row["InventoryTRate"] else None
        row["ARTDays"] = _r2(days / row["ARTRate"]) if row["ARTRate"] else None
        out["mainindex"].append(row)
        c.setdefault("ttm", []).append((publ, k))


# --- quotes, valuation, indexes --------------------------------------------------------------------

# market regimes: (first day, last day, CSI 300-like ratio over the regime)
REGIMES = ((dt.date(2022, 7, 1), dt.date(2022, 10, 31), 3500 / 4480),
           (dt.date(2022, 11, 1), dt.date(2023, 1, 27), 4180 / 3500),
           (dt.date(2023, 1, 30), dt.date(2023, 5, 31), 3800 / 4180),
           (dt.date(2023, 6, 1), dt.date(2023, 7, 31), 3990 / 3800),
           (dt.date(2023, 8, 1), dt.date(2024, 2, 5), 3200 / 3990),
           (dt.date(2024, 2, 6), dt.date(2024, 5, 20), 3680 / 3200),
           (dt.date(2024, 5, 21), dt.date(2024, 6, 28), 3460 / 3680))
THEMES = ((("computer", "media", "telecom"), dt.date(2023, 1, 3), dt.date(2023, 4, 28), 0.35),
          (("computer", "media", "telecom"), dt.date(2023, 5, 4), dt.date(2023, 12, 29), -0.2),
          (("coal", "bank", "oil", "utility"), dt.date(2023, 1, 3), dt.date(2024, 6, 28), 0.12),
          (("realestate",), dt.date(2022, 7, 1), dt.date(2024, 6, 28), -0.55),
          (("realestate",), dt.date(2022, 11, 1), dt.date(2022, 12, 30), 0.3),
          (("power",), dt.date(2022, 7, 1), dt.date(2022, 8, 31), 0.15),
          (("power",), dt.date(2022, 9, 1), dt.date(2024, 6, 28), -0.5),
          (("food",), dt.date(2023, 2, 1), dt.date(2024, 6, 28), -0.3),
          (("pharma",), dt.date(2023, 1, 3), dt.date(2024, 6, 28), -0.15),
          (("elec",), dt.date(2024, 2, 6), dt.date(2024, 6, 28), 0.12),
          (("auto",), dt.date(2022, 7, 1), dt.date(2022, 12, 30), -0.15))


def _factor_paths(rng: random.Random, days: list[dt.date]) -> tuple[list[float], dict[str, list[float]]]:
    def span(first: dt.date, last: dt.date) -> int:
        return max(1, sum(1 for d in days if first <= d <= last))

    def demeaned(noise: list[float], spans: list[tuple[dt.date, dt.date]]) -> list[float]:
        # remove the noise's drift within each span so the scripted moves are hit exactly
        out = list(noise)
        for first, last in spans:
            idx = [t for t, d in enumerate(days) if first <= d <= last]
            mean = sum(noise[t] for t in idx) / max(1, len(idx))
            for t in idx:
                out[t] -= mean
        return out

    regimes = [(first, last, math.log(ratio) / span(first, last)) for first, last, ratio in REGIMES]
    themes = [(keys, first, last, move / span(first, last)) for keys, first, last, move in THEMES]
    noise = demeaned([rng.gauss(0.0, 0.0105) for _ in days], [(f, la) for f, la, _ in REGIMES])
    market = [sum(step for first, last, step in regimes if first <= day <= last) + noise[t]
              for t, day in enumerate(days)]
    sectors: dict[str, list[float]] = {}
    for key in SECTORS:
        active = [(first, last, step) for keys, first, last, step in themes if key in keys]
        noise = demeaned([rng.gauss(0.0, 0.0065) for _ in days], [(days[0], days[-1])])
        sectors[key] = [sum(step for first, last, step in active if first <= day <= last) + noise[t]
                        for t, day in enumerate(days)]
    return market, sectors


def _quotes(rng: random.Random, c: dict, days: list[dt.date], market: list[float], sector: list[float]) -> None:
    """Daily unadjusted quotes; PrevClosePrice is the ex-rights reference price on ex-dates."""
    ex_adj = {}
    for plan in c["plans"]:
        if plan["stage"] == 3 and plan["ex"] <= END and plan["pays"]:
            ex_adj[plan["ex"]] = (plan["per10"] / 10, (plan["bonus"] + plan["tran"]) / 10)
    beta = c["params"]["beta"] * rng.uniform(0.75, 1.25)
    sigma = (0.022 if c["board"] != "main" else 0.016) * lognormal(rng, 1.0, 0.25)
    if c["layout"] == "bank":
        sigma *= 0.55
    yearly = rng.gauss(0.0, 0.25) / 243
    base_turn = lognormal(rng, 3.0 if c["board"] != "main" else 1.5, 0.5) * (0.3 if c["layout"] == "bank" else 1)
    ticket = rng.uniform(20000, 60000)
    st = c["status"] in ("ST", "*ST", "delisted")
    last = c["delist_date"] - dt.timedelta(days=1) if c["delist_date"] else END
    first = max(QUOTE_START, c["list_date"])
    prev_close = c["issue_price"] if c["recent"] and c["list_date"] >= QUOTE_START else c["ref_price"]
    rows = []
    series: dict[int, tuple] = {}
    listed_days = 0
    for t, day in enumerate(days):
        if day < first or day > last:
            continue
        listed_days += 1
        if c["recent"] and c["list_date"] >= QUOTE_START and listed_days == 1:
            target = c["ref_price"]
            r = target / prev_close - 1
        else:
            r = beta * market[t] + sector[t] + yearly + rng.gauss(0.0, sigma)
            if rng.random() < 0.012:
                r += rng.choice((-1, 1)) * abs(rng.gauss(0.06, 0.02))
            if c["status"] == "delisted" and (c["delist_date"] - day).days < 120:
                r -= 0.004
            elif c["status"] == "normal" and prev_close < 2.0:
                r += 0.005  # listed companies defend the CNY 1 delisting line
        prev = prev_close
        if day in ex_adj:
            cash, ratio = ex_adj[day]
            prev = _r2(max(0.01, (prev_close - cash) / (1 + ratio)))
        if c["board"] != "main" and day >= dt.date(2020, 8, 24):
            limit = 0.2
        else:
            limit = 0.05 if st else 0.1
        no_limit = c["recent"] and listed_days <= (1 if c["board"] == "main" else 5)
        if not no_limit:
            r = clip(r, -limit, limit)
        close = max(0.01, _r2(prev * (1 + r)))
        up, down = (_r2(prev * (1 + limit)), _r2(prev * (1 - limit))) if not no_limit else (9e9, 0.0)
        close = clip(close, down, up)
        open_ = clip(_r2(prev * (1 + rng.gauss(0.3 * r, 0.005))), down, up)
        high = clip(_r2(max(open_, close) * (1 + abs(rng.gauss(0.0, 0.008)))), down, up)
        low = clip(_r2(min(open_, close) * (1 - abs(rng.gauss(0.0, 0.008)))), down, up)
        high, low = max(high, open_, close), min(low, open_, close)
        total, a_shares, a_float, restricted, h = shares_at(c, day)
        turn = base_turn * math.exp(rng.gauss(0.0, 0.35)) * (1 + 10 * abs(r))
        if no_limit:
            turn = rng.uniform(40, 80) if listed_days == 1 else turn * 3
        volume = float(max(100, round(a_float * turn / 100 / 100) * 100))
        vwap = (open_ + high + low + close) / 4 * (1 + rng.gauss(0.0, 0.002))
        vwap = clip(vwap, low, high)
        value = _r2(volume * vwap)
        deals = max(1, int(value / ticket))
        change = _r2(close - prev)
        rows.append((c["inner"], day.isoformat(), prev, open_, high, low, close, change, _r4(change / prev * 100),
                     _r4((high - low) / prev * 100), volume, value, deals, _r4(volume / a_float * 100)))
        series[t] = (prev, open_, high, low, close, volume, value, total, a_float)
        prev_close = close
    c["quotes"] = rows
    c["series"] = series


def _valuation(c: dict, days: list[dt.date]) -> list[tuple]:
    reports = []  # (publ, ttm np, ttm revenue, ttm ocf, parent equity, last annual np)
    for publ, k in sorted(c.get("ttm", [])):
        year, q = QUARTERS[k]
        rng_k = range(k - 3, k + 1)
        np_ttm = sum(c["inc"][i]["NPParentCompanyOwners"] for i in rng_k)
        rev_ttm = sum(c["inc"][i]["TotalOperatingRevenue"] for i in rng_k)
        ocf_ttm = sum(c["cf"][i]["NetOperateCashFlow"] for i in rng_k)
        fy = year if q == 4 else year - 1
        lyr = sum(c["inc"][i]["NPParentCompanyOwners"] for i in range(_qidx(fy, 1), _qidx(fy, 4) + 1))
        reports.append((publ, np_ttm, rev_ttm, ocf_ttm, c["bs"][k]["SEWithoutMI"], lyr))
    cash_events = sorted((p["ex"], p["per10"] / 10) for p in c["plans"]
                         if p["stage"] == 3 and p["ex"] <= END and p["pays"])
    rows = []
    ptr = -1
    for t in sorted(c["series"]):
        day = days[t]
        while ptr + 1 < len(reports) and reports[ptr + 1][0] <= day:
            ptr += 1
        prev, open_, high, low, close, volume, value, total, a_float = c["series"][t]
        mv = _r2(close * total)
        fmv = _r2(close * a_float)
        pe = pelyr = pb = ps = pcf = None
        if ptr >= 0:
            _, np_ttm, rev_ttm, ocf_ttm, sew, lyr = reports[ptr]
            pe, pelyr = _div(mv, np_ttm), _div(mv, lyr)
            pb, ps, pcf = _div(mv, sew), _div(mv, rev_ttm), _div(mv, ocf_ttm)
        cash = sum(v for ex, v in cash_events if day - dt.timedelta(days=365) < ex <= day)
        rows.append((c["inner"], day.isoformat(), total, a_float, mv, fmv, pe, pelyr, pb, ps, pcf,
                     _r4(cash / close * 100)))
    return rows


# (inner code, code, market, name zh, abbr zh, name en, publisher zh, publisher en, category, base date,
#  base point, launch date, weighting zh, weighting en, level on 2022-06-30, rule)
INDEXES = (
    (1, "000001", 83, "上证综合指数", "上证指数", "SSE Composite Index", "上海证券交易所", "Shanghai Stock Exchange", 1,
     "1990-12-19", 100.0, "1991-07-15", "总市值加权", "total market value", 3398.6, "sse_all"),
    (46, "000016", 83, "上证50指数", "上证50", "SSE 50 Index", "中证指数有限公司", "China Securities Index Co., Ltd.", 2,
     "2003-12-31", 1000.0, "2004-01-02", "自由流通市值加权", "free-float market value", 3186.0, "sse50"),
    (55, "399001", 90, "深证成份指数", "深证成指", "SZSE Component Index", "深圳证券信息有限公司",
     "Shenzhen Securities Information Co., Ltd.", 2, "1994-07-20", 1000.0, "1995-01-23", "自由流通市值加权",
     "free-float market value", 12896.9, "szcomp"),
    (89, "399006", 90, "创业板指数", "创业板指", "ChiNext Index", "深圳证券信息有限公司",
     "Shenzhen Securities Information Co., Ltd.", 3, "2010-05-31", 1000.0, "2010-06-01", "自由流通市值加权",
     "free-float market value", 2924.0, "chinext"),
    (145, "000300", 83, "沪深300指数", "沪深300", "CSI 300 Index", "中证指数有限公司", "China Securities Index Co., Ltd.",
     2, "2004-12-31", 1000.0, "2005-04-08", "自由流通市值加权", "free-float market value", 4485.0, "csi300"),
    (178, "000905", 83, "中证500指数", "中证500", "CSI 500 Index", "中证指数有限公司", "China Securities Index Co., Ltd.",
     2, "2004-12-31", 1000.0, "2007-01-15", "自由流通市值加权", "free-float market value", 6404.0, "csi500"),
    (239, "000688", 83, "上证科创板50成份指数", "科创50", "SSE STAR 50 Index", "中证指数有限公司",
     "China Securities Index Co., Ltd.", 3, "2019-12-31", 1000.0, "2020-07-23", "自由流通市值加权",
     "free-float market value", 1166.0, "star50"),
)
REVIEWS = (dt.date(2022, 12, 12), dt.date(2023, 6, 12), dt.date(2023, 12, 11), dt.date(2024, 6, 17))
INITIAL_REVIEW = dt.date(2021, 12, 13)


def _select(rule: str, ranked: list[dict]) -> list[dict]:
    """Constituents for an index from companies ranked by market value (largest first)."""
    def top(pool: list[dict], share: float) -> list[dict]:
        return pool[: max(1, round(len(pool) * share))]

    ok = [c for c in ranked if c["status"] == "normal"]
    if rule == "sse_all":
        return [c for c in ranked if c["market"] == 83]
    if rule == "sse50":
        return [c for c in ok if c["market"] == 83 and c["board"] == "main"][:25]
    if rule == "szcomp":
        return top([c for c in ok if c["market"] == 90], 0.5)
    if rule == "chinext":
        return top([c for c in ok if c["board"] == "chinext"], 0.6)
    if rule == "csi300":
        return ok[:60]
    if rule == "csi500":
        return ok[60:140]
    return top([c for c in ok if c["board"] == "star"], 0.6)


def _indexes(companies: list[dict], days: list[dt.date]) -> tuple[list[dict], list[dict], list[tuple]]:
    def avg_mv(c: dict, until: dt.date) -> float:
        ts = [t for t in c["series"] if days[t] < until][-120:]
        if not ts:
            return c["ref_price"] * shares_at(c, until)[0]
        return sum(c["series"][t][4] * c["series"][t][7] for t in ts) / len(ts)

    rankings = {}
    for review in (INITIAL_REVIEW, *REVIEWS):
        eligible = [c for c in companies if c["list_date"] <= review - dt.timedelta(days=20)
                    and not (c["delist_date"] and c["delist_date"] <= review)]
        cut = max(review, QUOTE_START)
        scored = [(-avg_mv(c, cut), c["inner"], c) for c in eligible]
        rankings[review] = [c for _, _, c in sorted(scored, key=lambda x: (x[0], x[1]))]
    by_inner = {c["inner"]: c for c in companies}
    basics, components, quotes = [], [], []
    for (inner, code, market, zh, abbr, en, pub, pub_en, cat, base_date, base_pt, launch, wzh, wen, level,
         rule) in INDEXES:
        members: dict[int, list[list]] = {}
        for review in (INITIAL_REVIEW, *REVIEWS):
            chosen = {c["inner"] for c in _select(rule, rankings[review])}
            for c_inner, spans in members.items():
                if spans[-1][1] is None and c_inner not in chosen:
                    spans[-1][1] = review
            for c_inner in sorted(chosen):
                spans = members.setdefault(c_inner, [])
                if not spans or spans[-1][1] is not None:
                    spans.append([review, None])
        if rule == "sse_all":  # the composite takes new listings in directly and drops delisted ones
            for c in companies:
                if c["market"] == 83:
                    first = max(INITIAL_REVIEW, c["list_date"] + dt.timedelta(days=14))
                    members[c["inner"]] = [[first, c["delist_date"]]]
        level_now = level
        weights_end: dict[int, float] = {}
        for t, day in enumerate(days):
            num = num_o = num_h = num_l = wsum = vol = val = 0.0
            for c_inner, spans in members.items():
                if not any(s <= day and (e is None or day < e) for s, e in spans):
                    continue
                row = by_inner[c_inner]["series"].get(t)
                if row is None:
                    continue
                prev, open_, high, low, close, volume, value, total, a_float = row
                w = prev * (total if rule == "sse_all" else a_float)
                num += w * close / prev
                num_o += w * open_ / prev
                num_h += w * high / prev
                num_l += w * low / prev
                wsum += w
                vol += volume
                val += value
                if t == len(days) - 1:
                    weights_end[c_inner] = close * (total if rule == "sse_all" else a_float)
            if not wsum:
                continue
            prev_level = level_now
            level_now = prev_level * num / wsum
            open_l, high_l, low_l = prev_level * num_o / wsum, prev_level * num_h / wsum, prev_level * num_l / wsum
            high_l, low_l = max(high_l, open_l, level_now), min(low_l, open_l, level_now)
            quotes.append((inner, day.isoformat(), _r4(prev_level), _r4(open_l), _r4(high_l), _r4(low_l),
                           _r4(level_now), _r4(level_now - prev_level), _r4((level_now / prev_level - 1) * 100),
                           vol, _r2(val)))
        total_w = sum(weights_end.values()) or 1.0
        current = 0
        for c_inner in sorted(members):
            for s, e in members[c_inner]:
                flag = 1 if e is None or e > END else 0
                current += flag
                components.append(dict(IndexInnerCode=inner, SecuInnerCode=c_inner, InDate=s.isoformat(),
                                       OutDate=_iso(e), Flag=flag,
                                       Weight=_r4(weights_end.get(c_inner, 0.0) / total_w * 100) if flag else None))
        basics.append(dict(IndexInnerCode=inner, SecuCode=code, SecuMarket=market, ChiName=zh, ChiNameAbbr=abbr,
                           EngName=en, PubOrgName=pub, PubOrgNameEn=pub_en, IndexCategory=cat, BaseDate=base_date,
                           BasePoint=base_pt, PubDate=launch, WeightMethod=wzh, WeightMethodEn=wen,
                           ComponentSum=current))
    return basics, components, quotes


# --- people, shareholders, profiles ----------------------------------------------------------------

def _leaders(rng: random.Random, c: dict, next_id: list[int]) -> list[dict]:
    used: set[str] = set()
    rows = []
    founder = c.get("founder")
    for zh, en, count in POSITIONS:
        for _ in range(count):
            if zh == "董事长" and founder:
                name, name_en, gender = founder
                used.add(name)
            elif zh == "总经理" and founder and rng.random() < 0.25:
                name, name_en, gender = founder
            else:
                name, name_en, gender = person_name_ranked(rng, used)
            if zh == "独立董事":
                edu = 1 if rng.random() < 0.6 else 2
                birth = rng.randint(1952, 1980)
                reward = rng.uniform(8, 25)
            else:
                edu = weighted_choice(rng, [1, 2, 3, 4], [0.15, 0.45, 0.33, 0.07])
                birth = rng.randint(1958, 1988)
                top = zh in ("董事长", "总经理")
                reward = rng.uniform(80, 450) if top else rng.uniform(35, 200)
                if c["layout"] == "bank" and c["soe"]:
                    reward *= 0.5
            begin = _rand_date(rng, max(c["list_date"] - dt.timedelta(days=900), dt.date(2005, 1, 1)),
                               dt.date(2023, 6, 30))
            hold = 0.0
            if founder and name == founder[0]:
                hold = None  # filled from the shareholder list
            elif zh not in ("独立董事", "监事会主席") and rng.random() < 0.35:
                hold = float(round(shares_at(c, END)[0] * rng.uniform(0.00001, 0.002), -2))
            rows.append(dict(ID=0, CompanyCode=c["company"], LeaderName=name, LeaderNameEn=name_en, Gender=gender,
                             BirthYear=birth, Education=edu, PositionName=zh, PositionNameEn=en,
                             BeginDate=begin.isoformat(), EndDate=None, IfIncumbent=1,
                             AnnualReward=_r2(reward), HoldShares=hold))
            if zh in ("总经理", "财务总监", "董事会秘书") and rng.random() < 0.3:
                former, former_en, fg = person_name_ranked(rng, used)
                start = _rand_date(rng, begin - dt.timedelta(days=3650), begin - dt.timedelta(days=400))
                rows.append(dict(ID=0, CompanyCode=c["company"], LeaderName=former, LeaderNameEn=former_en, Gender=fg,
                                 BirthYear=rng.randint(1955, 1980), Education=rng.choice((1, 2, 2, 3)),
                                 PositionName=zh, PositionNameEn=en, BeginDate=start.isoformat(),
                                 EndDate=begin.isoformat(), IfIncumbent=0, AnnualReward=None, HoldShares=None))
    for row in rows:
        next_id[0] += 1
        row["ID"] = next_id[0]
    return rows


def _holder_pool(rng: random.Random, c: dict) -> list[dict]:
    """Candidate large shareholders with a base stake (share of total shares) and a volatility."""
    brand, city, province = c["brand"], c["city"][2], c["city"][0]
    short = _short_province(province)
    pool = []

    def add(name: str, kind: int, stake: float, vol: float, restricted: bool = False, churn: float = 0.0):
        pool.append(dict(name=name, kind=kind, stake=stake, vol=vol, restricted=restricted, churn=churn))

    ctrl = c["ctrl_stake"]
    nature = c["nature"]
    if nature == 1:
        add(f"中国{brand}集团有限公司", 1, ctrl, 0.01, True)
    elif nature == 2:
        add(f"{short}{brand}投资集团有限公司", 1, ctrl, 0.01, True)
        if rng.random() < 0.4:
            add(f"{city}市人民政府国有资产监督管理委员会", 9, rng.uniform(0.02, 0.08), 0.01)
    elif nature in (3, 4):
        holding = f"{city}{brand}控股集团有限公司" if nature == 3 else f"{c['brand_en'].upper()} HOLDINGS LIMITED"
        add(holding, 2 if nature == 3 else 4, ctrl * 0.7, 0.02, True)
        add(c["founder"][0], 3, ctrl * 0.3, 0.02, True)
        if rng.random() < 0.6:
            add(f"{city}{brand}企业管理合伙企业(有限合伙)", 2, rng.uniform(0.01, 0.05), 0.05, True)
        if rng.random() < 0.5:
            add(person_name_ranked(rng)[0], 3, rng.uniform(0.01, 0.06), 0.05)
    else:
        for _ in range(3):
            add(f"{rng.choice(BRAND_CHARS)[0]}{rng.choice(BRAND_CHARS)[0]}投资集团有限公司", 2,
                rng.uniform(0.04, 0.09), 0.04)
    if c["recent"]:
        for _ in range(rng.randint(1, 3)):
            vc_brand = rng.choice(BRAND_CHARS)[0] + rng.choice(BRAND_CHARS)[0]
            vc = f"{rng.choice(CITIES)[2]}{vc_brand}创业投资合伙企业(有限合伙)"
            add(vc, 2, rng.uniform(0.015, 0.06), 0.1, True, 0.05)
    add("香港中央结算有限公司", 4, rng.uniform(0.005, 0.06), 0.25)
    if c["list_date"] < dt.date(2015, 6, 1):
        add("中国证券金融股份有限公司", 1, rng.uniform(0.005, 0.03), 0.05)
        if rng.random() < 0.4:
            add("中央汇金资产管理有限责任公司", 1, rng.uniform(0.003, 0.015), 0.02)
    for name in rng.sample(SSF_NAMES, 2):
        add(name, 6, rng.uniform(0.002, 0.012), 0.3, churn=0.2)
    for _ in range(rng.randint(5, 8)):
        fund = f"{rng.choice(FUND_HOUSES)}{rng.choice(FUND_THEMES)}{rng.choice(FUND_TYPES)}"
        add(f"{rng.choice(CUSTODIANS)}－{fund}", 5, rng.uniform(0.002, 0.02), 0.35, churn=0.2)
    if rng.random() < 0.5:
        insurer = f"{rng.choice(INSURERS)}人寿保险股份有限公司－分红－个人分红"
        add(insurer, 8, rng.uniform(0.003, 0.015), 0.25, churn=0.15)
    if rng.random() < 0.4:
        add(rng.choice(QFII_NAMES), 7, rng.uniform(0.002, 0.01), 0.3, churn=0.2)
    for _ in range(rng.randint(3, 5)):
        add(person_name_ranked(rng)[0], 3, rng.uniform(0.002, 0.01), 0.2, churn=0.1)
    while len(pool) < 18:
        add(person_name_ranked(rng)[0], 3, rng.uniform(0.001, 0.006), 0.2)
    seen: set[str] = set()
    unique = []
    for holder in pool:
        if holder["name"] not in seen:
            seen.add(holder["name"])
            unique.append(holder)
    return unique


def _shareholders(rng: random.Random, c: dict, out: dict[str, list]) -> None:
    pool = _holder_pool(rng, c)
    for h in pool:
        h["z"], h["active"], h["prev"] = 0.0, True, 0.0
        h["pledge"] = rng.uniform(0.2, 0.8) if h["kind"] in (2, 3) and h["restricted"] and rng.random() < 0.3 else 0.0
    shnum = None
    for k, publ in sorted(c["periods"].items()):
        end = quarter_end(*QUARTERS[k])
        if end < c["list_date"]:
            continue
        total, a_shares, a_float, restricted, h_shares = shares_at(c, end)
        age = (end - c["list_date"]).days
        for h in pool:
            h["z"] = 0.7 * h["z"] + rng.gauss(0.0, h["vol"])
            if h["churn"] and rng.random() < (h["churn"] if h["active"] else 0.45):
                h["active"] = not h["active"]
            h["hold"] = float(round(total * h["stake"] * math.exp(h["z"]), -2)) if h["active"] else 0.0
        ranked = sorted((h for h in pool if h["hold"] > 0), key=lambda h: (-h["hold"], h["name"]))[:10]
        for sn, h in enumerate(ranked, 1):
            change = h["hold"] - h["prev"]
            locked = h["restricted"] and age < (1095 if h["kind"] in (1, 3) or h["stake"] > 0.1 else 365)
            frozen = _r2(h["hold"] * 0.3) if c["status"] != "normal" and sn == 1 else 0.0
            out["mainsh"].append(dict(
                CompanyCode=c["company"], EndDate=end.isoformat(), InfoPublDate=publ.isoformat(), SN=sn,
                SHName=h["name"], SHType=h["kind"], HoldSum=h["hold"], PCTOfTotalShares=_r4(h["hold"] / total * 100),
                HoldSumChange=change, HoldSumChangeRate=_r4(change / h["prev"] * 100) if h["prev"] else None,
                RestrictedShares=h["hold"] if locked else 0.0,
                PledgeInvolvedSum=float(round(h["hold"] * h["pledge"], -2)), FreezeInvolvedSum=frozen))
        for h in pool:
            h["prev"] = h["hold"]
        if c.get("founder"):
            c["founder_hold"] = next((h["hold"] for h in pool if h["name"] == c["founder"][0]), 0.0)
        # share structure and shareholder count
        prev_end = quarter_end(*QUARTERS[k - 1])
        reason = ("定期报告", "Periodic report")
        if prev_end < c["list_date"] <= end:
            reason = ("首发上市", "Initial public offering")
        elif any(prev_end < ex <= end for ex, _ in c["share_events"]):
            reason = ("送转股", "Bonus and capitalisation issue")
        elif shares_at(c, prev_end)[3] > restricted and c["list_date"] <= prev_end:
            reason = ("限售股份上市流通", "Lock-up expiry")
        out["sharestru"].append(dict(
            CompanyCode=c["company"], EndDate=end.isoformat(), InfoPublDate=publ.isoformat(), TotalShares=total,
            AShares=a_shares, AFloats=a_float, RestrictedAShares=restricted, HShares=h_shares,
            NonRestrictedShares=a_float + h_shares, FloatRatio=_r4(a_float / a_shares * 100),
            ChangeReason=reason[0], ChangeReasonEn=reason[1]))
        if shnum is None:
            shnum = c["ref_price"] * total / lognormal(rng, 250000, 0.5) * (0.3 if age < 365 else 1)
        else:
            shnum *= math.exp(rng.gauss(0.0, 0.08))
        count = max(3000, int(shnum))
        prev_count = out["shnumber"][-1]["SHNum"] if out["shnumber"] and \
            out["shnumber"][-1]["CompanyCode"] == c["company"] else None
        out["shnumber"].append(dict(
            CompanyCode=c["company"], EndDate=end.isoformat(), InfoPublDate=publ.isoformat(), SHNum=count,
            SHNumChange=count - prev_count if prev_count else None,
            SHNumChangeRate=_r4((count - prev_count) / prev_count * 100) if prev_count else None,
            AvgHoldSum=_r2(a_float / count)))


def _isin(rng: random.Random) -> str:
    chars = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"
    return "CNE" + "".join(rng.choice(chars) for _ in range(8)) + str(rng.randint(0, 9))


def _credit_code(rng: random.Random, zipcode: str) -> str:
    chars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    return "91" + zipcode[:4] + f"{rng.randint(0, 99):02d}" + "".join(rng.choice(chars) for _ in range(10))


def _profile(rng: random.Random, c: dict, leaders: list[dict], sponsors: list[str], employees: int) -> dict:
    province, province_en, city, city_en, zipcode, area = c["city"][:6]
    sub = SUBS[c["sub"]]
    current = {r["PositionName"]: r["LeaderName"] for r in leaders if r["IfIncumbent"] == 1}
    affairs = person_name_ranked(rng)[0]
    domain = f"{c['brand_en'].lower()}{c['spelling'][-2:].lower()}.com"
    exchange = "上海证券交易所" if c["market"] == 83 else "深圳证券交易所"
    exchange_en = "Shanghai Stock Exchange" if c["market"] == 83 else "Shenzhen Stock Exchange"
    boards = {"main": ("主板", "Main Board"), "chinext": ("创业板", "ChiNext"), "star": ("科创板", "STAR Market")}
    board = boards[c["board"]]
    reg_addr = address(rng, province, city)
    office = reg_addr if rng.random() < 0.6 else address(rng, province, city)
    nature = c["nature"]
    if nature == 1:
        controller, ctype = "国务院国有资产监督管理委员会", 1
    elif nature == 2:
        controller, ctype = f"{province}人民政府国有资产监督管理委员会", 2
    elif nature == 3:
        controller, ctype = c["founder"][0], 3
    elif nature == 4:
        controller, ctype = f"{c['brand_en'].upper()} HOLDINGS LIMITED", 4
    else:
        controller, ctype = None, 5
    total = shares_at(c, END)[0]
    list_year = c["list_date"].year
    intro = (f"{c['chi_name']}成立于{c['est_date'].year}年，总部位于{province}{city}，{list_year}年在{exchange}"
             f"{board[0]}上市，主要从事{sub[4]}。")
    intro_en = (f"{c['eng_name']} was founded in {c['est_date'].year} and is headquartered in {city_en}, "
                f"{province_en}. It listed on the {board[1]} of the {exchange_en} in {list_year}; its main "
                f"business is {sub[5][0].lower() + sub[5][1:]}.")
    return dict(
        CompanyCode=c["company"], SecuCode=c["code"], ChiName=c["chi_name"], ChiNameAbbr=c["abbr_base"],
        EngName=c["eng_name"], EngNameAbbr=c["eng_abbr"], LegalRepr=current.get("董事长"),
        GeneralManager=current.get("总经理"), SecretaryBD=current.get("董事会秘书"), SecuAffairsRepr=affairs,
        RegCapital=total, RegCapitalCurrency="CNY", EstablishmentDate=c["est_date"].isoformat(),
        CompanyNature=nature, ActualController=controller, ActualControllerType=ctype,
        ControllingShareholder=c.get("controlling"), Province=province, ProvinceEn=province_en, City=city,
        CityEn=city_en, RegAddr=reg_addr, RegZipCode=zipcode, OfficeAddr=office, OfficeZipCode=zipcode,
        Tel=f"{area}-{rng.randint(20000000, 89999999)}", Fax=f"{area}-{rng.randint(20000000, 89999999)}",
        Email=f"ir@{domain}", Website=f"www.{domain}", UnifiedSocialCreditCode=_credit_code(rng, zipcode),
        EmployeeSum=employees,
        RDStaffSum=int(employees * clip(c["params"].get("rd", 0.01) * rng.uniform(1.5, 3.0), 0.01, 0.6)),
        MainBusiness=sub[4], MainBusinessEn=sub[5],
        BusinessScope=f"{sub[4]}；货物及技术进出口；技术开发、技术咨询、技术服务。（依法须经批准的项目，经相关部门批准后方可开展经营活动）",
        BriefIntroText=intro, BriefIntroTextEn=intro_en, CSRCIndustryCode=sub[2], SWIndustryCode=c["sub"],
        AccountingFirm=rng.choice(COMPANY_AUDITORS), LawFirm=rng.choice(COMPANY_LAW_FIRMS),
        ListingSponsor=rng.choice(sponsors) if sponsors else None, IfHShare=1 if c["h_frac"] else 0,
        FiscalYearEnd="12-31", BoardSize=sum(1 for r in leaders if r["IfIncumbent"] and r["PositionName"] in
                                             ("董事长", "董事", "独立董事")) + 2,
        IndependentDirectorSum=sum(1 for r in leaders if r["IfIncumbent"] and r["PositionName"] == "独立董事"),
        UpdateDate=END.isoformat())


def _dividend_rows(c: dict) -> list[dict]:
    rows = []
    annual_np = {}
    for plan in c["plans"]:
        year = plan["end"].year
        k = _qidx(year, (plan["end"].month - 1) // 3 + 1)
        annual_np[plan["end"]] = sum(c["inc"][i]["NPParentCompanyOwners"] for i in range(_qidx(year, 1), k + 1))
    for plan in c["plans"]:
        per10, bonus, tran = plan["per10"], plan["bonus"], plan["tran"]
        if plan["pays"]:
            parts = [f"10送{bonus:g}股" if bonus else "", f"转{tran:g}股" if tran else "", f"派{per10:g}元(含税)"]
            text = "".join(parts)
            text = text if text.startswith("10") else "10" + text
            text_en = (f"Cash CNY {per10:g} per 10 shares (pre-tax)" + (f", {bonus:g} bonus shares" if bonus else "")
                       + (f", {tran:g} shares from capital reserve" if tran else "") + " per 10 shares" * bool(
                           bonus or tran))
        else:
            text, text_en = "不分配不转增", "No distribution"
        npp = annual_np[plan["end"]]
        stage3 = plan["stage"] == 3
        rows.append(dict(
            InnerCode=c["inner"], EndDate=plan["end"].isoformat(), InfoPublDate=plan["adv"].isoformat(),
            IfDividend=1 if plan["pays"] else 0, EventProcedure=plan["stage"], DividendPlan=text,
            DividendPlanEn=text_en, CashDiviRMB=per10, BonusShareRatio=bonus, TranAddShareRaio=tran,
            DividendBase=plan["base"], TotalCashDiviComRMB=plan["cash_total"],
            DividendPayoutRatio=_r4(plan["cash_total"] / npp * 100) if npp > 0 and plan["pays"] else None,
            AdvanceDate=plan["adv"].isoformat(), SMDeciPublDate=_iso(plan["sm"]),
            DividendImplementDate=_iso(plan["impl"]), RightRegDate=_iso(plan["reg"]) if stage3 else None,
            ExDiviDate=_iso(plan["ex"]) if stage3 else None,
            CashDiviArrivalDate=_iso(plan["ex"]) if stage3 and plan["pays"] else None,
            BonusShareListDate=_iso(plan["ex"]) if stage3 and (bonus or tran) else None))
    return rows


# --- DDL -------------------------------------------------------------------------------------------

STATEMENT_KEYS = """
CompanyCode INTEGER NOT NULL
InfoPublDate TEXT NOT NULL
EndDate TEXT NOT NULL
IfAdjusted INTEGER NOT NULL
IfMerged INTEGER NOT NULL
EnterpriseType INTEGER
AccountingStandards INTEGER
"""
STATEMENT_PK = ("CompanyCode", "EndDate", "IfAdjusted", "IfMerged")
QINCOME_ITEMS = ("TotalOperatingRevenue", "OperatingRevenue", "NetInterestIncome", "NetCommissionIncome",
                 "TotalOperatingCost", "OperatingCost", "OperatingTaxSurcharges", "SaleExpense",
                 "AdministrationExpense", "RAndD", "FinancialExpense", "InvestIncome", "FairValueChangeIncome",
                 "CreditImpairmentLoss", "AssetImpairmentLoss", "OperatingProfit", "NonoperatingIncome",
                 "NonoperatingExpense", "TotalProfit", "IncomeTaxCost", "NetProfit", "NPParentCompanyOwners",
                 "MinorityProfit", "BasicEPS")
MAININDEX_COLS = ("BasicEPS", "DilutedEPS", "EPSTTM", "NetAssetPS", "CapitalSurplusFundPS", "UndividedProfitPS",
                  "OperCashFlowPS", "ROE", "ROEWeighted", "ROEDiluted", "ROA", "GrossIncomeRatio", "NetProfitRatio",
                  "OperatingProfitRatio", "SaleExpenseRatio", "AdminExpenseRatio", "RDExpenseRatio",
                  "DebtAssetsRatio", "CurrentRatio", "QuickRatio", "EquityMultipler", "InventoryTRate",
                  "InventoryTDays", "ARTRate", "ARTDays", "TotalAssetTRate", "OperatingRevenueGrowRate",
                  "OperProfitGrowRate", "NetProfitGrowRate", "NPParentCompanyYOY", "NPParentCompanyCutYOY",
                  "TotalAssetGrowRate", "NetAssetGrowRate", "TotalAssetYOY", "NetProfitCut",
                  "NonRecurringProfitLoss", "OperCashFlowToNetProfit")
BS_COLS = (ASSET_ITEMS[:13] + ("TotalCurrentAssets",) + ASSET_ITEMS[13:] + ("TotalNonCurrentAssets", "TotalAssets")
           + LIAB_ITEMS[:16] + ("TotalCurrentLiability",) + LIAB_ITEMS[16:]
           + ("TotalNonCurrentLiability", "TotalLiability") + EQUITY_ITEMS
           + ("SEWithoutMI", "MinorityInterests", "TotalShareholderEquity", "TotalLiabilityAndEquity"))


def _real(cols: tuple[str, ...]) -> str:
    return "\n".join(f"{c} REAL" for c in cols)


def _ddl(conn: sqlite3.Connection) -> dict[str, list[str]]:
    company_fk = ((("CompanyCode",), "lc_stockarchives", ("CompanyCode",)),)
    inner_fk = ((("InnerCode",), "secumain", ("InnerCode",)),)
    t = {}
    t["ct_systemconst"] = create_table(conn, "ct_systemconst", """
        LB INTEGER NOT NULL
        LBMC TEXT NOT NULL
        LBMCEn TEXT
        DM INTEGER NOT NULL
        MS TEXT NOT NULL
        MSEn TEXT
    """, ("LB", "DM"))
    t["ct_industrytype"] = create_table(conn, "ct_industrytype", """
        Standard INTEGER NOT NULL
        IndustryCode TEXT NOT NULL
        IndustryName TEXT NOT NULL
        IndustryNameEn TEXT
        Classification INTEGER
        FirstIndustryCode TEXT
        FirstIndustryName TEXT
        FirstIndustryNameEn TEXT
    """, ("Standard", "IndustryCode"))
    t["lc_stockarchives"] = create_table(conn, "lc_stockarchives", """
        CompanyCode INTEGER NOT NULL
        SecuCode TEXT
        ChiName TEXT NOT NULL
        ChiNameAbbr TEXT
        EngName TEXT
        EngNameAbbr TEXT
        LegalRepr TEXT
        GeneralManager TEXT
        SecretaryBD TEXT
        SecuAffairsRepr TEXT
        RegCapital REAL
        RegCapitalCurrency TEXT
        EstablishmentDate TEXT
        CompanyNature INTEGER
        ActualController TEXT
        ActualControllerType INTEGER
        ControllingShareholder TEXT
        Province TEXT
        ProvinceEn TEXT
        City TEXT
        CityEn TEXT
        RegAddr TEXT
        RegZipCode TEXT
        OfficeAddr TEXT
        OfficeZipCode TEXT
        Tel TEXT
        Fax TEXT
        Email TEXT
        Website TEXT
        UnifiedSocialCreditCode TEXT
        EmployeeSum INTEGER
        RDStaffSum INTEGER
        MainBusiness TEXT
        MainBusinessEn TEXT
        BusinessScope TEXT
        BriefIntroText TEXT
        BriefIntroTextEn TEXT
        CSRCIndustryCode TEXT
        SWIndustryCode TEXT
        AccountingFirm TEXT
        LawFirm TEXT
        ListingSponsor TEXT
        IfHShare INTEGER
        FiscalYearEnd TEXT
        BoardSize INTEGER
        IndependentDirectorSum INTEGER
        UpdateDate TEXT
    """, ("CompanyCode",))
    t["secumain"] = create_table(conn, "secumain", """
        InnerCode INTEGER NOT NULL
        CompanyCode INTEGER NOT NULL
        SecuCode TEXT NOT NULL
        ChiName TEXT
        ChiNameAbbr TEXT
        ChiSpelling TEXT
        EngName TEXT
        EngNameAbbr TEXT
        SecuAbbr TEXT NOT NULL
        SecuMarket INTEGER
        SecuCategory INTEGER
        ListedDate TEXT
        ListedSector INTEGER
        ListedState INTEGER
        DelistingDate TEXT
        ISIN TEXT
    """, ("InnerCode",), company_fk)
    t["lc_exgindustry"] = create_table(conn, "lc_exgindustry", """
        CompanyCode INTEGER NOT NULL
        Standard INTEGER NOT NULL
        InfoPublDate TEXT NOT NULL
        FirstIndustryCode TEXT
        FirstIndustryName TEXT
        FirstIndustryNameEn TEXT
        SecondIndustryCode TEXT
        SecondIndustryName TEXT
        SecondIndustryNameEn TEXT
        IfPerformed INTEGER
        CancelDate TEXT
    """, ("CompanyCode", "Standard", "InfoPublDate"),
        company_fk + ((("Standard", "SecondIndustryCode"), "ct_industrytype", ("Standard", "IndustryCode")),))
    t["lc_leaderposition"] = create_table(conn, "lc_leaderposition", """
        ID INTEGER NOT NULL
        CompanyCode INTEGER NOT NULL
        LeaderName TEXT NOT NULL
        LeaderNameEn TEXT
        Gender INTEGER
        BirthYear INTEGER
        Education INTEGER
        PositionName TEXT NOT NULL
        PositionNameEn TEXT
        BeginDate TEXT
        EndDate TEXT
        IfIncumbent INTEGER
        AnnualReward REAL
        HoldShares REAL
    """, ("ID",), company_fk)
    t["qt_dailyquote"] = create_table(conn, "qt_dailyquote", """
        InnerCode INTEGER NOT NULL
        TradingDay TEXT NOT NULL
        PrevClosePrice REAL
        OpenPrice REAL
        HighPrice REAL
        LowPrice REAL
        ClosePrice REAL
        ChangeAmount REAL
        ChangePCT REAL
        Amplitude REAL
        TurnoverVolume REAL
        TurnoverValue REAL
        TurnoverDeals INTEGER
        TurnoverRate REAL
    """, ("InnerCode", "TradingDay"), inner_fk, without_rowid=True)
    t["lc_dindicesforvaluation"] = create_table(conn, "lc_dindicesforvaluation", """
        InnerCode INTEGER NOT NULL
        TradingDay TEXT NOT NULL
        TotalShares REAL
        AFloats REAL
        TotalMV REAL
        NegotiableMV REAL
        PE REAL
        PELYR REAL
        PB REAL
        PS REAL
        PCF REAL
        DividendRatio REAL
    """, ("InnerCode", "TradingDay"), inner_fk, without_rowid=True)
    t["lc_incomestatementall"] = create_table(conn, "lc_incomestatementall", STATEMENT_KEYS + _real(
        INCOME_ITEMS + ("BasicEPS", "DilutedEPS")), STATEMENT_PK, company_fk)
    t["lc_balancesheetall"] = create_table(conn, "lc_balancesheetall", STATEMENT_KEYS + _real(BS_COLS),
                                           STATEMENT_PK, company_fk)
    t["lc_cashflowstatementall"] = create_table(conn, "lc_cashflowstatementall", STATEMENT_KEYS + _real(CF_ITEMS),
                                                STATEMENT_PK, company_fk)
    t["lc_qincomestatementnew"] = create_table(conn, "lc_qincomestatementnew", """
        CompanyCode INTEGER NOT NULL
        InfoPublDate TEXT NOT NULL
        EndDate TEXT NOT NULL
    """ + _real(QINCOME_ITEMS), ("CompanyCode", "EndDate"), company_fk)
    t["lc_mainindexnew"] = create_table(conn, "lc_mainindexnew", """
        CompanyCode INTEGER NOT NULL
        EndDate TEXT NOT NULL
        InfoPublDate TEXT NOT NULL
    """ + _real(MAININDEX_COLS), ("CompanyCode", "EndDate"), company_fk)
    t["lc_dividend"] = create_table(conn, "lc_dividend", """
        InnerCode INTEGER NOT NULL
        EndDate TEXT NOT NULL
        InfoPublDate TEXT
        IfDividend INTEGER
        EventProcedure INTEGER
        DividendPlan TEXT
        DividendPlanEn TEXT
        CashDiviRMB REAL
        BonusShareRatio REAL
        TranAddShareRaio REAL
        DividendBase REAL
        TotalCashDiviComRMB REAL
        DividendPayoutRatio REAL
        AdvanceDate TEXT
        SMDeciPublDate TEXT
        DividendImplementDate TEXT
        RightRegDate TEXT
        ExDiviDate TEXT
        CashDiviArrivalDate TEXT
        BonusShareListDate TEXT
    """, ("InnerCode", "EndDate"), inner_fk)
    t["lc_mainshlistnew"] = create_table(conn, "lc_mainshlistnew", """
        CompanyCode INTEGER NOT NULL
        EndDate TEXT NOT NULL
        InfoPublDate TEXT
        SN INTEGER NOT NULL
        SHName TEXT NOT NULL
        SHType INTEGER
        HoldSum REAL
        PCTOfTotalShares REAL
        HoldSumChange REAL
        HoldSumChangeRate REAL
        RestrictedShares REAL
        PledgeInvolvedSum REAL
        FreezeInvolvedSum REAL
    """, ("CompanyCode", "EndDate", "SN"), company_fk)
    t["lc_sharestru"] = create_table(conn, "lc_sharestru", """
        CompanyCode INTEGER NOT NULL
        EndDate TEXT NOT NULL
        InfoPublDate TEXT
        TotalShares REAL
        AShares REAL
        AFloats REAL
        RestrictedAShares REAL
        HShares REAL
        NonRestrictedShares REAL
        FloatRatio REAL
        ChangeReason TEXT
        ChangeReasonEn TEXT
    """, ("CompanyCode", "EndDate"), company_fk)
    t["lc_shnumber"] = create_table(conn, "lc_shnumber", """
        CompanyCode INTEGER NOT NULL
        EndDate TEXT NOT NULL
        InfoPublDate TEXT
        SHNum INTEGER
        SHNumChange INTEGER
        SHNumChangeRate REAL
        AvgHoldSum REAL
    """, ("CompanyCode", "EndDate"), company_fk)
    t["lc_indexbasicinfo"] = create_table(conn, "lc_indexbasicinfo", """
        IndexInnerCode INTEGER NOT NULL
        SecuCode TEXT NOT NULL
        SecuMarket INTEGER
        ChiName TEXT
        ChiNameAbbr TEXT
        EngName TEXT
        PubOrgName TEXT
        PubOrgNameEn TEXT
        IndexCategory INTEGER
        BaseDate TEXT
        BasePoint REAL
        PubDate TEXT
        WeightMethod TEXT
        WeightMethodEn TEXT
        ComponentSum INTEGER
    """, ("IndexInnerCode",))
    t["lc_indexcomponent"] = create_table(conn, "lc_indexcomponent", """
        IndexInnerCode INTEGER NOT NULL
        SecuInnerCode INTEGER NOT NULL
        InDate TEXT NOT NULL
        OutDate TEXT
        Flag INTEGER
        Weight REAL
    """, ("IndexInnerCode", "SecuInnerCode", "InDate"),
        ((("IndexInnerCode",), "lc_indexbasicinfo", ("IndexInnerCode",)),
         (("SecuInnerCode",), "secumain", ("InnerCode",))))
    t["qt_indexquote"] = create_table(conn, "qt_indexquote", """
        IndexInnerCode INTEGER NOT NULL
        TradingDay TEXT NOT NULL
        PrevClosePrice REAL
        OpenPrice REAL
        HighPrice REAL
        LowPrice REAL
        ClosePrice REAL
        ChangeAmount REAL
        ChangePCT REAL
        TurnoverVolume REAL
        TurnoverValue REAL
    """, ("IndexInnerCode", "TradingDay"), ((("IndexInnerCode",), "lc_indexbasicinfo", ("IndexInnerCode",)),))
    conn.execute("CREATE INDEX ix_dailyquote_day ON qt_dailyquote (TradingDay)")
    conn.execute("CREATE INDEX ix_valuation_day ON lc_dindicesforvaluation (TradingDay)")
    conn.execute("CREATE INDEX ix_income_end ON lc_incomestatementall (EndDate)")
    return t


# --- build -----------------------------------------------------------------------------------------

def build(conn: sqlite3.Connection, rng: random.Random) -> None:
    """Create and fill every table of the stock database."""
    cols = _ddl(conn)
    companies = _make_companies(rng)
    calendar = trading_days(dt.date(2021, 1, 4), dt.date(2024, 12, 31))
    days = [d for d in calendar if QUOTE_START <= d <= END]
    for c in companies:
        if c["list_date"] >= calendar[0]:
            c["list_date"] = _trading_on_or_after(calendar, c["list_date"])
        if c["soe"]:
            c["nature"] = 1 if rng.random() < 0.35 else 2
        elif c["layout"] == "bank":
            c["nature"] = 5
        else:
            c["nature"] = weighted_choice(rng, [3, 4, 5], [0.93, 0.03, 0.04])
        c["founder"] = person_name_ranked(rng) if c["nature"] in (3, 4) else None

    out: dict[str, list] = {name: [] for name in ("income", "balance", "cashflow", "qincome", "mainindex", "mainsh",
                                                  "sharestru", "shnumber")}
    for c in companies:
        _simulate(rng, c)
        _publication_dates(rng, c)
        _dividend_plans(rng, c, calendar)
        _setup_shares(rng, c)
        _finish_equity(rng, c)
        _cashflows(rng, c)
        _reports(rng, c, out)
    market, sectors = _factor_paths(rng, days)
    quotes, valuation = [], []
    for c in companies:
        _quotes(rng, c, days, market, sectors[c["key"]])
        quotes.extend(c["quotes"])
        valuation.extend(_valuation(c, days))
    index_basic, index_comp, index_quotes = _indexes(companies, days)

    sponsors = [c["chi_name"] for c in companies if c["sub"] == "490100"]
    leaders, profiles, secu, exg, dividends = [], [], [], [], []
    next_id = [100000]
    for c in companies:
        people = _leaders(rng, c, next_id)
        _shareholders(rng, c, out)
        for row in people:
            if row["HoldShares"] is None and row["IfIncumbent"] == 1:
                row["HoldShares"] = c.get("founder_hold", 0.0)
        leaders.extend(people)
        c["controlling"] = next((r["SHName"] for r in reversed(out["mainsh"])
                                 if r["CompanyCode"] == c["company"] and r["SN"] == 1), None)
        revenue = sum(c["revs"][_qidx(2023, 1): _qidx(2023, 4) + 1])
        per_head = {"bank": 4.0e6, "broker": 3.0e6, "computer": 0.7e6, "media": 0.9e6, "retail": 1.5e6}.get(
            c["key"], c["layout"] == "general" and 2.2e6 or 3e6)
        employees = max(120, int(revenue / per_head * lognormal(rng, 1.0, 0.3)))
        profiles.append(_profile(rng, c, people, [s for s in sponsors if s != c["chi_name"]], employees))
        secu.append(dict(InnerCode=c["inner"], CompanyCode=c["company"], SecuCode=c["code"], ChiName=c["chi_name"],
                         ChiNameAbbr=c["abbr_base"], ChiSpelling=c["spelling"], EngName=c["eng_name"],
                         EngNameAbbr=c["eng_abbr"], SecuAbbr=c["abbr"], SecuMarket=c["market"], SecuCategory=1,
                         ListedDate=c["list_date"].isoformat(),
                         ListedSector={"main": 1, "chinext": 6, "star": 7}[c["board"]],
                         ListedState=5 if c["delist_date"] else 1, DelistingDate=_iso(c["delist_date"]),
                         ISIN=_isin(rng)))
        exg.extend(_industry_rows(rng, c))
        dividends.extend(_dividend_rows(c))

    consts = [dict(LB=lb, LBMC=name, LBMCEn=name_en, DM=dm, MS=ms, MSEn=ms_en)
              for lb, name, name_en, codes in CONSTANTS for dm, ms, ms_en in codes]
    insert_dicts(conn, "ct_systemconst", cols["ct_systemconst"], consts)
    insert_dicts(conn, "ct_industrytype", cols["ct_industrytype"], _industry_types())
    insert_dicts(conn, "lc_stockarchives", cols["lc_stockarchives"], sorted(profiles, key=lambda r: r["CompanyCode"]))
    insert_dicts(conn, "secumain", cols["secumain"], secu)
    insert_dicts(conn, "lc_exgindustry", cols["lc_exgindustry"], exg)
    insert_dicts(conn, "lc_leaderposition", cols["lc_leaderposition"], leaders)
    insert_tuples(conn, "qt_dailyquote", cols["qt_dailyquote"], quotes)
    insert_tuples(conn, "lc_dindicesforvaluation", cols["lc_dindicesforvaluation"], valuation)
    insert_dicts(conn, "lc_incomestatementall", cols["lc_incomestatementall"], out["income"])
    insert_dicts(conn, "lc_balancesheetall", cols["lc_balancesheetall"], out["balance"])
    insert_dicts(conn, "lc_cashflowstatementall", cols["lc_cashflowstatementall"], out["cashflow"])
    insert_dicts(conn, "lc_qincomestatementnew", cols["lc_qincomestatementnew"], out["qincome"])
    insert_dicts(conn, "lc_mainindexnew", cols["lc_mainindexnew"], out["mainindex"])
    insert_dicts(conn, "lc_dividend", cols["lc_dividend"], dividends)
    insert_dicts(conn, "lc_mainshlistnew", cols["lc_mainshlistnew"], out["mainsh"])
    insert_dicts(conn, "lc_sharestru", cols["lc_sharestru"], out["sharestru"])
    insert_dicts(conn, "lc_shnumber", cols["lc_shnumber"], out["shnumber"])
    insert_dicts(conn, "lc_indexbasicinfo", cols["lc_indexbasicinfo"], index_basic)
    insert_dicts(conn, "lc_indexcomponent", cols["lc_indexcomponent"], index_comp)
    insert_tuples(conn, "qt_indexquote", cols["qt_indexquote"], index_quotes)


def _industry_types() -> list[dict]:
    rows = []
    for code, (zh, en) in CSRC.items():
        first = code[0]
        rows.append(dict(Standard=3, IndustryCode=code, IndustryName=zh, IndustryNameEn=en,
                         Classification=1 if len(code) == 1 else 2, FirstIndustryCode=first,
                         FirstIndustryName=CSRC[first][0], FirstIndustryNameEn=CSRC[first][1]))
    seen = set()
    for _count, _layout, (l1, l1_zh, l1_en), subs, _params in SECTORS.values():
        rows.append(dict(Standard=24, IndustryCode=l1, IndustryName=l1_zh, IndustryNameEn=l1_en, Classification=1,
                         FirstIndustryCode=l1, FirstIndustryName=l1_zh, FirstIndustryNameEn=l1_en))
        for sub in subs:
            if sub in seen:
                continue
            seen.add(sub)
            rows.append(dict(Standard=24, IndustryCode=sub, IndustryName=SUBS[sub][0], IndustryNameEn=SUBS[sub][1],
                             Classification=2, FirstIndustryCode=l1, FirstIndustryName=l1_zh,
                             FirstIndustryNameEn=l1_en))
    return rows


def _industry_rows(rng: random.Random, c: dict) -> list[dict]:
    sub = SUBS[c["sub"]]
    csrc = sub[2]
    l1, l1_zh, l1_en = c["sw"]
    csrc_day = max(c["list_date"], dt.date(2012, 11, 16))
    rows = [dict(CompanyCode=c["company"], Standard=3, InfoPublDate=csrc_day.isoformat(), FirstIndustryCode=csrc[0],
                 FirstIndustryName=CSRC[csrc[0]][0], FirstIndustryNameEn=CSRC[csrc[0]][1], SecondIndustryCode=csrc,
                 SecondIndustryName=CSRC[csrc][0], SecondIndustryNameEn=CSRC[csrc][1], IfPerformed=1, CancelDate=None)]
    sw_day = max(c["list_date"], dt.date(2021, 7, 30))
    others = [s for s in dict.fromkeys(SECTORS[c["key"]][3]) if s != c["sub"]]
    if others and c["layout"] != "bank" and sw_day < dt.date(2022, 6, 1) and rng.random() < 0.12:
        old = rng.choice(others)
        change = _weekday_on_or_before(_rand_date(rng, dt.date(2022, 7, 1), dt.date(2024, 1, 31)))
        rows.append(dict(CompanyCode=c["company"], Standard=24, InfoPublDate=sw_day.isoformat(), FirstIndustryCode=l1,
                         FirstIndustryName=l1_zh, FirstIndustryNameEn=l1_en, SecondIndustryCode=old,
                         SecondIndustryName=SUBS[old][0], SecondIndustryNameEn=SUBS[old][1], IfPerformed=2,
                         CancelDate=change.isoformat()))
        sw_day = change
    rows.append(dict(CompanyCode=c["company"], Standard=24, InfoPublDate=sw_day.isoformat(), FirstIndustryCode=l1,
                     FirstIndustryName=l1_zh, FirstIndustryNameEn=l1_en, SecondIndustryCode=c["sub"],
                     SecondIndustryName=sub[0], SecondIndustryNameEn=sub[1], IfPerformed=1, CancelDate=None))
    return rows
