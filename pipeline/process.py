"""The per-article unit of work shared by every engine: ingest, segment, extract, validate.

It never raises: an unexpected error in one article becomes a rejection naming the
stage, so one bad article cannot stop a build of ten thousand.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from pipeline.extract import extract
from pipeline.ingest import ingest_file
from pipeline.segment import segment
from pipeline.validate import validate
from schemas.records import Article, ArticleResult, Claim, Rejection

# Bump when extraction changes so incremental builds redo every article.
EXTRACTOR_VERSION = "0.1.0"


def process_article(article: Article) -> ArticleResult:
    stage = "segment"
    try:
        doc = segment(article.text, article.lang)
        stage = "extract"
        candidates, statements = extract(doc, article)
        stage = "validate"
        records = list(validate(candidates, article))
    except Exception as exc:
        rejection = Rejection(
            stage=stage,
            article=article.path,
            article_id=article.article_id,
            reason=f"internal error in {stage}: {type(exc).__name__}: {exc}",
        )
        return ArticleResult(article=article, rejections=[rejection])
    return ArticleResult(
        article=article,
        claims=[r for r in records if isinstance(r, Claim)],
        statements=statements,
        rejections=[r for r in records if isinstance(r, Rejection)],
    )


def process_file(path: Path, root: Path) -> ArticleResult | Rejection:
    try:
        ingested = ingest_file(path, root)
    except Exception as exc:
        rel = path.relative_to(root).as_posix()
        return Rejection(stage="ingest", article=rel, reason=f"internal error: {exc!r}")
    if isinstance(ingested, Rejection):
        return ingested
    return process_article(ingested)


def statement_id(article_id: str, start: int, end: int) -> str:
    return hashlib.sha256(f"{article_id}:{start}:{end}".encode()).hexdigest()[:16]
