"""Pydantic contracts between factdb's stages, and the DuckDB tables derived from them."""

from schemas.lang import LangData
from schemas.records import (
    Article,
    ArticleResult,
    Claim,
    ClaimCandidate,
    Entity,
    Quantity,
    Rejection,
    Statement,
)

__all__ = [
    "Article",
    "ArticleResult",
    "Claim",
    "ClaimCandidate",
    "Entity",
    "LangData",
    "Quantity",
    "Rejection",
    "Statement",
]
