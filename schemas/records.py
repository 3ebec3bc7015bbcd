"""Records that cross stage boundaries: ingest -> segment -> extract -> validate -> load.

Loose models (`Quantity`, `Statement`, `ClaimCandidate`) carry what a stage found; the
strict `Claim` is what reaches the `claims` table. A candidate that fails `Claim`
becomes a `Rejection`, never a silent drop (dlt's discard_row contract, but kept).
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

Bound = Literal["eq", "approx", "gt", "lt", "range"]
QuoteKind = Literal["direct", "indirect", "none"]
# who a statement's speaker is: 'anonymous' for a generic or unnamed source kept as
# written ('a senior official'); 'outlet' for a newspaper or agency a role stood for
SpeakerKind = Literal["person", "org", "outlet", "anonymous", "unknown"]
DatePrecision = Literal["day", "month", "year"]
Stage = Literal["ingest", "segment", "extract", "validate", "load"]

# Sane range for any date a news claim can carry.
MIN_DATE = dt.date(1900, 1, 1)
MAX_DATE = dt.date(2100, 12, 31)


class Article(BaseModel):
    """One source file after ingest: decoded, repaired, boilerplate removed."""

    model_config = ConfigDict(frozen=True)

    article_id: str = Field(description="sha256 of the stored text, first 16 hex digits")
    article: str = Field(description="source file name")
    path: str = Field(description="path relative to the build folder")
    content_hash: str = Field(description="sha256 of the raw file bytes")
    lang: str
    lang_confidence: float = 0.0
    headline: str
    text: str
    published_date: dt.date | None = None
    published_precision: DatePrecision | None = Field(
        default=None, description="how much of published_date the article gave: day, month, year"
    )
    warnings: list[str] = Field(default_factory=list)


class Quantity(BaseModel):
    """A quantity found in a text; offsets are into the text the extractor was given."""

    value: float
    value_max: float | None = None
    unit: str = Field(description="canonical unit: ISO 4217 code, 'tonne', 'percent', 'count'...")
    dimension: str = Field(description="'currency', 'mass', 'ratio', 'count', ...")
    kind: str = Field(
        default="count",
        description="what it measures: 'money', 'percent', 'mass', 'duration', 'age', 'rate', "
        "'count', ...",
    )
    surface: str
    start: int
    end: int
    bound: Bound = "eq"
    approx: bool = False
    noun: str | None = None
    unit_surface: str | None = None
    number_note: str | None = Field(
        default=None, description="how an ambiguous numeral was read, e.g. '1.500: dot as group'"
    )


class Statement(BaseModel):
    """An attributed statement: who said what, with which cue, where."""

    speaker_surface: str
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_kind: SpeakerKind = "unknown"
    cue: str
    quote_kind: QuoteKind
    start: int = Field(description="start of the reported content")
    end: int
    resolved_from: str | None = Field(
        default=None, description="pronoun or role it was resolved from"
    )


class ClaimCandidate(BaseModel):
    """Everything the extract stage knows about one quantity claim; not yet validated."""

    claim_id: str
    article_id: str
    article: str
    lang: str
    value: float
    value_max: float | None = None
    unit: str
    dimension: str
    kind: str = Field(
        default="count", description="what the quantity measures, as the extractor typed it"
    )
    surface: str
    bound: str
    approx: bool = False
    noun: str | None = None
    number_note: str | None = None
    subject: str | None = None
    topics: list[str] = Field(default_factory=list)
    speaker: str | None = None
    speaker_surface: str | None = None
    speaker_kind: SpeakerKind | None = None
    cue: str | None = None
    quote_kind: str = "none"
    claim_date: dt.date | None = None
    claim_date_precision: str | None = None
    period: str | None = None
    published_date: dt.date | None = None
    sentence: str
    sentence_start: int
    start: int
    end: int


class Claim(ClaimCandidate):
    """A claim that may enter the database. Validate with context={'text': article text}."""

    bound: Bound
    quote_kind: QuoteKind
    claim_date_precision: DatePrecision | None = None

    @field_validator("value", "value_max")
    @classmethod
    def _finite(cls, value: float | None) -> float | None:
        if value is not None and not math.isfinite(value):
            raise ValueError("value is not finite")
        return value

    @field_validator("claim_date", "published_date")
    @classmethod
    def _sane_date(cls, value: dt.date | None) -> dt.date | None:
        if value is not None and not MIN_DATE <= value <= MAX_DATE:
            raise ValueError(f"date {value} outside {MIN_DATE}..{MAX_DATE}")
        return value

    @field_validator("unit")
    @classmethod
    def _known_unit(cls, unit: str) -> str:
        from schemas.units import is_known_unit

        if not is_known_unit(unit):
            raise ValueError(f"unit {unit!r} is not a canonical unit")
        return unit

    @model_validator(mode="after")
    def _offsets_match_text(self, info: ValidationInfo) -> Claim:
        if not 0 <= self.start < self.end:
            raise ValueError(f"bad offsets {self.start}..{self.end}")
        if self.bound == "range" and self.value_max is None:
            raise ValueError("a range needs value_max")
        text = (info.context or {}).get("text")
        if text is not None:
            if self.end > len(text):
                raise ValueError(f"offset {self.end} beyond the text ({len(text)} chars)")
            if text[self.start : self.end] != self.surface:
                raise ValueError("surface not found at its offsets")
            if (
                text[self.sentence_start : self.sentence_start + len(self.sentence)]
                != self.sentence
            ):
                raise ValueError("sentence not found at its offset")
        return self


class Rejection(BaseModel):
    """A file or candidate that could not become a record, and why."""

    stage: Stage
    article: str
    article_id: str | None = None
    reason: str
    text: str = Field(default="", description="the offending text, cut to 500 characters")

    @field_validator("text")
    @classmethod
    def _cut(cls, text: str) -> str:
        return text[:500]


class Entity(BaseModel):
    """A canonical speaker with every surface form it was seen under."""

    entity_id: str
    name: str
    kind: Literal["person", "org", "unknown"] = "unknown"
    aliases: list[str]
    langs: list[str]


class ArticleResult(BaseModel):
    """What processing one article yields: the unit of work for parallel builds."""

    article: Article
    claims: list[Claim] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    rejections: list[Rejection] = Field(default_factory=list)
