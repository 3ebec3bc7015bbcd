"""Text bound for a terminal, with the characters a terminal acts on shown as escapes.

Article text and file names are data from anywhere: ESC (`\\x1b`) starts sequences that
set the window title, clear the screen or rewrite what was printed, C1 controls
(U+0080-U+009F) do the same on terminals that read them, and bidi controls (U+202E)
reverse how the rest of a line reads. What is printed shows them as `\\x1b` or
`\\u202e`; the database keeps the text as it was.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # a build never imports polars
    import polars as pl

# C0 controls but tab and line feed, DEL, C1 controls; then the bidi embeddings,
# overrides, isolates and marks (Unicode's Bidi_Control property).
_C0_C1 = [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]
_BIDI = [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_UNSAFE = [*_C0_C1, *_BIDI]
UNSAFE = re.compile("[" + "".join(re.escape(chr(c)) for c in _UNSAFE) + "]")
# In a table cell a line break would start a new row of the frame: escape it there too.
UNSAFE_IN_CELL = re.compile(UNSAFE.pattern[:-1] + "\\n]")


def _escaped(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape(text: str, *, cell: bool = False) -> str:
    """`text` with control and bidi characters as `\\x1b` / `\\u202e`; tabs and (unless
    `cell`) line breaks kept."""
    pattern = UNSAFE_IN_CELL if cell else UNSAFE
    return pattern.sub(lambda m: _escaped(m.group()), text)


def escape_json(text: str) -> str:
    """JSON text whose C1 and bidi characters are written as `\\u` escapes: the same JSON
    to a parser (`json.dumps` escapes only C0 when `ensure_ascii=False`)."""
    return UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def escape_frame(frame: pl.DataFrame, *, cell: bool = True) -> pl.DataFrame:
    """Every text value of `frame` (lists of text too) escaped for the terminal."""
    import polars as pl

    # replace_many takes literal strings (Aho-Corasick), one pass over each column.
    chars = [chr(c) for c in _UNSAFE] + (["\n"] if cell else [])
    escapes = [_escaped(c) for c in chars]

    def fixed(expr: pl.Expr) -> pl.Expr:
        return expr.str.replace_many(chars, escapes)

    columns: list[Any] = []
    for name, dtype in frame.schema.items():
        if dtype == pl.String:
            columns.append(fixed(pl.col(name)))
        elif isinstance(dtype, pl.List) and dtype.inner == pl.String:
            columns.append(pl.col(name).list.eval(fixed(pl.element())))
    return frame.with_columns(columns) if columns else frame


def dumps(value: Any) -> str:
    """`value` as indented JSON, safe to print."""
    return escape_json(json.dumps(value, ensure_ascii=False, default=str, indent=1))
