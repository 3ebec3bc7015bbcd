"""The shape of a per-language data file, `pipeline/lang/<code>.toml`.

Every file is validated against `LangData` on load (extra keys are errors, like
dateparser's `languages/validation.py`), so a typo in a data file fails loudly in a test
instead of silently switching a rule off. Keys are English; values are the language's.
Each section belongs to one stage: ingest, numbers/units/hedges (quantities),
speech (attribution), dates.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class IngestData(_Section):
    boilerplate: list[str] = Field(
        default_factory=list,
        description="regular expressions; a whole line matching one (case-insensitive) is dropped",
    )


class NumberData(_Section):
    decimal_separator: str = Field(description="',' or '.'")
    group_separators: list[str] = Field(description="characters that group thousands")
    words: dict[str, float] = Field(default_factory=dict, description="number words: 'eight' = 8")
    scales: dict[str, float] = Field(default_factory=dict, description="scale words: 'million' = 1e6")


class UnitData(_Section):
    aliases: dict[str, str] = Field(
        default_factory=dict, description="unit as written (lowercase) -> canonical unit"
    )


class HedgeData(_Section):
    approx: list[str] = Field(default_factory=list)
    gt: list[str] = Field(default_factory=list, description="'more than', 'over', 'at least'")
    lt: list[str] = Field(default_factory=list, description="'less than', 'up to'")


class SpeechData(_Section):
    verbs: list[str] = Field(default_factory=list, description="speech cue words, inflected forms")
    according_to: list[str] = Field(default_factory=list)
    titles: list[str] = Field(default_factory=list, description="titles and roles before a name")
    pronouns: list[str] = Field(default_factory=list, description="third-person subject pronouns")


class DateData(_Section):
    pass


class LangData(_Section):
    code: str = Field(description="ISO 639-1 code, also the spaCy language code")
    name: str
    ingest: IngestData = Field(default_factory=IngestData)
    numbers: NumberData
    units: UnitData = Field(default_factory=UnitData)
    hedges: HedgeData = Field(default_factory=HedgeData)
    speech: SpeechData = Field(default_factory=SpeechData)
    dates: DateData = Field(default_factory=DateData)
