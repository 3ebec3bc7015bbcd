"""Quantity extraction: numerals, number and scale words, units, hedges and bounds.

- `numbers`: numerals and number words to values;
- `fractions`: fractions, shares and mixed numbers;
- `units`: unit names to canonical units (pint for the long tail);
- `lexicon`: one language's compiled patterns;
- `found`: the record of one number being read;
- `spans`: from a number found in the text to a whole quantity;
- `extract`: the entry points, `extract_quantities` and the scorer's JSON-lines protocol.
"""

from pipeline.quantities.extract import extract_quantities, run_jsonl

__all__ = ["extract_quantities", "run_jsonl"]
