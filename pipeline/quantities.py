"""Quantity extraction: numerals, number and scale words, units, hedges and bounds.

STUB - replaced by the quantity extractor (issue 3).
"""

from __future__ import annotations

from schemas.records import Quantity


def extract_quantities(text: str, lang: str) -> list[Quantity]:
    """Every quantity in `text` (offsets into `text`). Never raises; values are finite."""
    return []
