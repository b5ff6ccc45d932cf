"""Batch evaluation: execution accuracy and friends over a question set (``python -m finsql.eval``)."""
