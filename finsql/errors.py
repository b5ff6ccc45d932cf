"""The one exception type users see: a one-line message naming what is wrong and how to fix it."""


class FinSQLError(Exception):
    """An error whose message is fit to show a user as a single line (no traceback)."""


def first_line(err: BaseException) -> str:
    """The first line of an exception's message (its type's name when it has none), for a one-line error."""
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__
