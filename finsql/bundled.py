"""The names of the bundled finance databases (built by ``python -m finsql.data build``)."""

DATABASES: tuple[str, ...] = ("fund", "stock", "macro", "bank")
