"""Tokenising mixed English / Chinese / code text for lexical matching, and the shared embedder."""

from __future__ import annotations

import functools
import re

_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
_CAMEL = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")


def tokenize(text: str) -> list[str]:
    """Lower-case words, the parts of CamelCase / snake_case identifiers, and CJK characters and bigrams.

    >>> tokenize("SecuCode of 华夏成长")
    ['secucode', 'secu', 'code', 'of', '华', '夏', '成', '长', '华夏', '夏成', '成长']
    """
    tokens: list[str] = []
    for word in re.findall(r"[A-Za-z0-9_]+", text):
        parts = [p.lower() for piece in word.split("_") for p in _CAMEL.findall(piece)]
        whole = word.replace("_", "").lower()
        tokens.append(whole)
        if len(parts) > 1:
            tokens.extend(parts)
    for run in _CJK_RUN.findall(text):
        tokens.extend(run)
        tokens.extend(run[i:i + 2] for i in range(len(run) - 1))
    return tokens


@functools.lru_cache(maxsize=4)
def load_embedder(path: str | None = None):
    """all-MiniLM-L6-v2 from the offline wheel (fetched on first use), or a tuned copy of it at ``path``,
    on the CPU."""
    from sentence_transformers import SentenceTransformer

    from finsql.models import embedder_path

    return SentenceTransformer(path or str(embedder_path()), device="cpu")


def embed(texts: list[str], embedder: str | None = None):
    """Unit-length float32 embeddings, one row per text (inner product = cosine similarity);
    ``embedder`` is a tuned model's folder, None for the shipped one."""
    return load_embedder(embedder).encode(texts, batch_size=64, normalize_embeddings=True, convert_to_numpy=True,
                                          show_progress_bar=False).astype("float32")
