"""Prompt construction: schema rendering into model prompts (retrieval comes later)."""
