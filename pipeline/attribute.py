"""Attributed statements: direct quotes, indirect speech, 'according to', continuations.

STUB - replaced by the attribution work (issue 4).
"""

from __future__ import annotations

from spacy.tokens import Doc

from schemas.records import Statement


def find_statements(doc: Doc, lang: str) -> list[Statement]:
    """Statements in one article's Doc; offsets are into doc.text. Never raises."""
    return []


def statement_for(start: int, end: int, statements: list[Statement]) -> Statement | None:
    """The statement whose reported content contains the span start..end, if any."""
    for statement in statements:
        if statement.start <= start and end <= statement.end:
            return statement
    return None
