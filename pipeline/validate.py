"""Validate: every candidate crosses the strict `Claim` contract or becomes a rejection."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pydantic import ValidationError

from schemas.records import Article, Claim, ClaimCandidate, Rejection


def validate(candidates: Iterable[ClaimCandidate], article: Article) -> Iterator[Claim | Rejection]:
    for candidate in candidates:
        try:
            # The candidate's field values as they are (`__dict__`): a model_dump would
            # copy them first, a fifth of validation's time, for Claim to copy them again.
            yield Claim.model_validate(candidate.__dict__, context={"text": article.text})
        except ValidationError as exc:
            yield Rejection(
                stage="validate",
                article=article.path,
                article_id=article.article_id,
                reason=reason_of(exc),
                text=f"{candidate.surface} | {candidate.sentence}",
            )


def reason_of(exc: ValidationError) -> str:
    """One line per failed constraint: 'field: message'."""
    return "; ".join(
        f"{'.'.join(map(str, err['loc'])) or 'claim'}: {err['msg']}" for err in exc.errors()
    )
