"""Loans and their repayment schedules."""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta

from finsql.data.bank.catalog import (
    BANK_ZH,
    LOAN_TYPES,
    LOG_START,
    SNAPSHOT,
)
from finsql.data.fake import add_months, ds, rand_date


class Lending:
    """Loans and their repayment schedules. One part of Bank (world.py)."""

    # -- loans and repayments --------------------------------------------------------------------
    def make_loans(self) -> None:
        """Loans of 660 working-age customers, with their repayment history up to the snapshot."""
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
                start, term, principal, rate, method = self._loan_terms(c, ltype, acct)
                lid = len(rows) + 1
                purpose, purpose_en = rng.choice(purposes)
                behaviour = self._loan_behaviour(c, ltype)
                paid = self._repayments(lid, acct, behaviour, start, term, principal, rate, method, reps)
                maturity = add_months(start, term)
                status, outstanding, five, coll_value = self._loan_status(paid, maturity, principal, collateral)
                if ltype in ("consumer", "business", "education", "renovation") and start >= max(LOG_START,
                                                                                                acct["opened"]):
                    self._event(acct, datetime(start.year, start.month, start.day, rng.randint(9, 16),
                                               rng.randint(0, 59), rng.randint(0, 59)), "loan_disbursement", "C",
                                principal, "system", f"{BANK_ZH}个人贷款", f"LN{lid:08d}", BANK_ZH, None,
                                "贷款发放", forced=True)
                max_late = paid["max_late"]
                rows.append((lid, f"LN{start.year}{lid:06d}", c["id"], acct["id"], acct["branch"]["id"],
                             self.product_id[code], ltype, purpose, purpose_en, principal, "CNY", rate, term, method,
                             ds(start), ds(maturity), status, round(max(0.0, outstanding), 2),
                             max_late if status in ("overdue", "written_off") else 0, five, collateral, coll_value))
                c["loans"].append(dict(status=status, outstanding=outstanding, principal=principal, late=max_late,
                                       start=start, behaviour=paid["behaviour"], last_paid=paid["last_paid"],
                                       term=term))
        self.tables["loan"] = rows
        self.tables["loan_repayment"] = [(i + 1, *r) for i, r in enumerate(reps)]

    def _loan_terms(self, c: dict, ltype: str, acct: dict) -> tuple[date, int, float, float, str]:
        """(start, term in months, principal, annual rate %, repayment method) of a new loan."""
        rng = self.rng
        _code, _w, (lo, hi), terms, _purposes, _collateral = LOAN_TYPES[ltype]
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
        return start, term, principal, rate, method

    def _loan_behaviour(self, c: dict, ltype: str) -> int:
        """How the borrower repays: 0 normal, 1 paid late sometimes, 2 overdue now, 3 prepaid, 4 written off."""
        rng = self.rng
        r = rng.random()
        risk = 1.0 + (1.5 if c["income"] < 80000 else 0.0) + (1.0 if ltype == "consumer" else 0.0)
        behaviour = 4 if r < 0.006 * risk else 2 if r < 0.055 * risk else 3 if r < 0.055 * risk + 0.1 \
            else 1 if rng.random() < 0.25 else 0
        return behaviour

    def _repayments(self, lid: int, acct: dict, behaviour: int, start: date, term: int, principal: float,
                    rate: float, method: str, reps: list) -> dict:
        """Append the loan's due installments to ``reps`` (paid, late or overdue) and its repayments to the
        account's events; what the loan's status is decided from."""
        rng = self.rng
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
        return dict(behaviour=behaviour, unpaid_from=unpaid_from, n_due=n_due, prepay_at=prepay_at,
                    outstanding=outstanding, last_paid=last_paid, max_late=max_late)

    def _loan_status(self, paid: dict, maturity: date, principal: float,
                     collateral: str) -> tuple[str, float, str, float | None]:
        """(status, outstanding principal, five-tier class, collateral value) at the snapshot."""
        rng = self.rng
        behaviour, unpaid_from, n_due, prepay_at, outstanding, max_late = (
            paid[k] for k in ("behaviour", "unpaid_from", "n_due", "prepay_at", "outstanding", "max_late"))
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
        return status, outstanding, five, coll_value

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
