"""The bank builder's state: everything the parts of the simulation read and write, and the order they run in."""

from __future__ import annotations

import random

from finsql.data.bank.accounts import Accounts
from finsql.data.bank.customers import Customers
from finsql.data.bank.ledger import Ledger
from finsql.data.bank.lending import Lending
from finsql.data.bank.products import Products
from finsql.data.bank.scores import Scores


class Bank(Customers, Products, Accounts, Lending, Ledger, Scores):
    """The whole bank of the database; ``make`` fills ``tables`` (table -> rows)."""

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
