"""The one exception type users see: a one-line message naming what is wrong and how to fix it."""


class FinSQLError(Exception):
    """An error whose message is fit to show a user as a single line (no traceback)."""
