"""Attribution: who said what, as rules over per-language word lists.

- `lexicon`: tokens and their classes (names, titles, cues, pronouns) from `[speech]`;
- `speakers`: speaker phrases and the resolution of pronouns and roles;
- `statements`: cues, quotes and 'according to' markers become attributed statements.
"""

from pipeline.attribution.statements import find_statements, statement_for

__all__ = ["find_statements", "statement_for"]
