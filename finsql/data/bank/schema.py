"""The bank database's tables, declared as create_table specs."""

from __future__ import annotations

import sqlite3

from finsql.data.tables import create_table


def create_tables(conn: sqlite3.Connection) -> dict[str, list[str]]:
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
