"""The fund builder's world: the state every part of the simulation reads and writes, and the order they run in."""

from __future__ import annotations

import bisect
import random
from datetime import date

from finsql.data.fake import trading_days
from finsql.data.fund.catalog import (
    BASE,
    END,
    START,
)
from finsql.data.fund.holdings import Holdings
from finsql.data.fund.lineup import Lineup
from finsql.data.fund.market import Market
from finsql.data.fund.navs import Navs
from finsql.data.fund.people import People
from finsql.data.fund.reports import Reports


class World(Market, Lineup, Navs, Holdings, People, Reports):
    """The whole fund market of the database; ``make`` fills ``tables`` (table -> rows)."""

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
