"""The one exception type users see, and the one way every entry point reports a failure.

A ``FinSQLError`` carries a one-line message naming what is wrong and how to fix it. Entry points run
their ``main`` through ``run_command``: it prints that line (``error: ...``, or the guard's own
``refused: ...``), returns the exit code, and turns anything unexpected into one line too, unless
``FINSQL_DEBUG=1`` asks for the traceback.
"""

import os
import sys
from collections.abc import Callable

EXIT_REFUSED = 1  # the read-only guard refused the SQL
EXIT_ERROR = 2
EXIT_INTERRUPTED = 130


class FinSQLError(Exception):
    """An error whose message is fit to show a user as a single line (no traceback)."""


def first_line(err: BaseException) -> str:
    """The first line of an exception's message (its type's name when it has none), for a one-line error."""
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__


def report_failure(message: str, quiet: bool = False) -> int:
    """Print a failure as one line (``refused: ...`` from the guard, else ``error: ...``); return the exit code."""
    refused = message.startswith("refused:")
    if not quiet:
        print(message if refused else f"error: {message}", file=sys.stderr)
    return EXIT_REFUSED if refused else EXIT_ERROR


def run_command(main: Callable[[], int | None], interrupted: str = "interrupted") -> int:
    """Run a command-line entry point and return its exit code: ``main``'s own (0 for None), or a failure's.

    A FinSQLError is its one line (exit 2, 1 for a refused query); Ctrl-C prints ``error: <interrupted>``
    (say there how to resume); any other exception is one ``error: unexpected ...`` line unless
    FINSQL_DEBUG=1 is set, which shows the traceback.
    """
    try:
        code = main()
    except FinSQLError as err:
        return report_failure(str(err))
    except KeyboardInterrupt:
        print(f"error: {interrupted}", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as err:  # noqa: BLE001 - last resort: one line, not a traceback
        if os.environ.get("FINSQL_DEBUG"):
            raise
        print(f"error: unexpected {type(err).__name__}: {first_line(err) if str(err).strip() else ''} "
              "(set FINSQL_DEBUG=1 for details)", file=sys.stderr)
        return EXIT_ERROR
    return int(code or 0)
