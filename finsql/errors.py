"""The one exception type users see: a one-line message naming what is wrong and how to fix it."""

import sys
from collections.abc import Callable


class FinSQLError(Exception):
    """An error whose message is fit to show a user as a single line (no traceback)."""


def first_line(err: BaseException) -> str:
    """The first line of an exception's message (its type's name when it has none), for a one-line error."""
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__


def run_command(main: Callable[[], object]) -> int:
    """Run a command-line entry point: a FinSQLError becomes one ``error: ...`` line and exit code 2."""
    try:
        main()
    except FinSQLError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    return 0
