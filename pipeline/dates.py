"""Publication dates and claim dates.

STUB - replaced by the attribution work (issue 4).
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple


class ClaimDate(NamedTuple):
    date: dt.date | None
    precision: str | None  # "day" | "month" | "year"
    period: str | None  # the period the figure refers to ("2030", "2024"), kept apart


def claim_date(sentence: str, published: dt.date | None, lang: str) -> ClaimDate:
    """When the statement in `sentence` was made; falls back to the publication date."""
    return ClaimDate(published, "day" if published else None, None)
