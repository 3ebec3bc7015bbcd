"""Attribution: who said what, as rules over per-language word lists.

- `lexicon`: tokens and their classes (names, titles, cues, pronouns) from `[speech]`;
- `speakers`: speaker phrases and the resolution of pronouns and roles;
- `statements`: cues, quotes and 'according to' markers become attributed statements;
- `continuation`: a statement runs over the sentences of its paragraph (paragraphs,
  the silent sentences an anaphoric cue reaches back over);
- `coreference`: role nouns by kind ('the company', 'l'associazione') and anonymous
  sources ('a senior official') from `[speech.role_nouns]` and `speech.anonymous`.
"""

from pipeline.attribution.statements import find_statements, statement_for

__all__ = ["find_statements", "statement_for"]
