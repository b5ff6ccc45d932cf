"""FinSQL: finance Text-to-SQL."""
