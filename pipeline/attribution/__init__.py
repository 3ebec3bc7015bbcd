"""Attribution: who said what, as rules over per-language word lists.

- `lexicon`: tokens and their classes (names, titles, cues, pronouns) from `[speech]`;
- `speakers`: speaker phrases and the resolution of pronouns and roles;
- `statements`: `find_statements`, which scans an article unit by unit; each kind of
  cue is a mixin of its finder, in a module of its own:
  - `quotes`: direct quotes and colons ('"...," he said', 'Putin: ...');
  - `sources`: 'according to', '..., aldus X' and source phrases ('Figures from X, ...');
  - `cues`: speech verbs in either order ('X said', 'ha detto X') and what they report;
  - `cue_subjects`: the speaker a cue implies (participle subject, 'a-t-il déclaré',
    an anonymous source, a dropped subject);
  - `anaphora`: cues pointing back at what was said ('Lo ha detto X') and roles named
    later;
  - `continuation`: a statement runs over the sentences of its paragraph (paragraphs,
    the silent sentences an anaphoric cue reaches back over);
- `units`: an article's clause units (sentences merged across quotes) and word counts;
- `coreference`: role nouns by kind ('the company', 'l'associazione') and anonymous
  sources ('a senior official') from `[speech.role_nouns]` and `speech.anonymous`.
"""

from pipeline.attribution.statements import find_statements, statement_for

__all__ = ["find_statements", "statement_for"]
