"""The fund database's tables, declared as create_table specs."""

from __future__ import annotations

import sqlite3

from finsql.data.tables import create_table


def create_tables(conn: sqlite3.Connection) -> dict[str, list[str]]:
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
