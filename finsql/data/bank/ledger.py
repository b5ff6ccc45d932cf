"""The transaction log, whose running balances end at the accounts' balances."""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta
from functools import partial

from finsql.data.bank.catalog import (
    BANK_ZH,
    BILLERS,
    LOG_START,
    MERCHANT_AMT,
    MERCHANT_W,
    MERCHANTS,
    OTHER_BANKS,
    SNAPSHOT,
)
from finsql.data.fake import add_months, ds, dts, rand_date


class Ledger:
    """The transaction log, whose running balances end at the accounts' balances. One part of Bank (world.py)."""

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
        """Every demand account's transactions month by month, closings, time deposits, then the ledgers."""
        rng = self.rng
        months = [add_months(LOG_START, i) for i in range(18)]
        for c in self.customers:
            demand = [a for a in c["accounts"] if a["type"] in ("savings", "payroll", "current")]
            if not demand:
                continue
            primary = next((a for a in demand if a["type"] == "payroll"), demand[0])
            # most customers bank mainly elsewhere: only the engaged ones use their accounts every month
            engaged = primary["type"] == "payroll" or rng.random() < 0.08
            for a in demand:
                lo = max(LOG_START, a["opened"])
                hi = min(SNAPSHOT, a["closed"] - timedelta(days=1)) if a["closed"] else SNAPSHOT
                if lo > hi or a["status"] == "dormant":
                    continue
                frozen_from = rand_date(rng, lo, hi) if a["status"] == "frozen" else None
                for m0 in months:
                    m1 = add_months(m0, 1) - timedelta(days=1)
                    if m1 < lo or m0 > hi:
                        continue
                    when = partial(self._moment, m0, m1, lo, hi, frozen_from)
                    self._month_events(c, a, a is primary, engaged, m0, when)
                if a["closed"]:
                    t = datetime(a["closed"].year, a["closed"].month, a["closed"].day, rng.randint(9, 16),
                                 rng.randint(0, 59), 0)
                    self._event(a, t, "account_closing", "D", 0.0, "counter", c["zh"], None, BANK_ZH, None,
                                "销户转出", forced=True)
        self._time_deposit_events()
        self._run_ledgers()

    def _moment(self, m0: date, m1: date, lo: date, hi: date, frozen_from: date | None, day: int | None = None,
                h0: int = 7, h1: int = 23) -> datetime | None:
        """A time in the month [m0, m1] (on ``day`` if given) between h0 and h1 o'clock, or None when the
        account cannot move then (before it opened, after it closed, or frozen)."""
        rng = self.rng
        d = date(m0.year, m0.month, day) if day else rand_date(rng, m0, m1)
        if d < lo or d > hi or (frozen_from and d >= frozen_from):
            return None
        return datetime(d.year, d.month, d.day, rng.randint(h0, h1 - 1), rng.randint(0, 59), rng.randint(0, 59))

    def _month_events(self, c: dict, a: dict, is_primary: bool, engaged: bool, m0: date, when) -> None:
        """One account's transactions in one month: interest each quarter, then what its holder does."""
        fxr = 1.0 if a["cur"] == "CNY" else (7.1 if a["cur"] == "USD" else 0.91)
        monthly_income = c["income"] / 12
        if m0.month in (3, 6, 9, 12):
            t = when(21, 0, 2)
            if t:
                self._event(a, t, "interest", "C", 0.0, "system", BANK_ZH, None, BANK_ZH, None,
                            "结息")
        if not engaged:
            self._idle_month(a, when, monthly_income, fxr)
        elif a["cur"] != "CNY":
            self._foreign_month(c, a, when, monthly_income, fxr)
        else:
            self._everyday_month(c, a, is_primary, when, monthly_income)

    def _idle_month(self, a: dict, when, monthly_income: float, fxr: float) -> None:
        """A customer who banks mainly elsewhere: now and then a transfer or a cash withdrawal."""
        rng = self.rng
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

    def _foreign_month(self, c: dict, a: dict, when, monthly_income: float, fxr: float) -> None:
        """A foreign-currency account: a few remittances in or out."""
        rng = self.rng
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

    def _everyday_month(self, c: dict, a: dict, is_primary: bool, when, monthly_income: float) -> None:
        """An engaged customer's CNY account: income, card and cash spending, bills, transfers, card repayment."""
        rng = self.rng
        act = a["activity"]
        cats = list(MERCHANT_W)
        cat_w = [MERCHANT_W[k] for k in cats]
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

    def _time_deposit_events(self) -> None:
        """Time deposits: placement (if opened inside the log) and payout at maturity."""
        rng = self.rng
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
