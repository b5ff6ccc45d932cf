"""FinSQL: finance Text-to-SQL.

    from finsql import Pipeline
    answer = Pipeline.from_config().ask("How many funds are there?", db="fund")
"""

from finsql.errors import FinSQLError
from finsql.pipeline import Answer, Pipeline

__all__ = ["Answer", "FinSQLError", "Pipeline"]
