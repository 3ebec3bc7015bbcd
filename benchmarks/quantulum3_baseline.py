"""quantulum3 behind the extractor's JSON-lines protocol, to score it side by side.

    python benchmarks/quantulum3_baseline.py < cases.jsonl > answers.jsonl
    python ../shared/eval/score.py quantities --cmd "python benchmarks/quantulum3_baseline.py" ...

Reads {"id", "text", "lang"} per line and writes {"id", "quantities": [...]}; quantulum3 only
ships English, so every text is parsed as English (as a user of it would have to). Its
classifier stays off (scikit-learn is not installed); its warning about that is silenced.
"""

from __future__ import annotations

import json
import sys
import warnings


def _parser():  # quantulum3 warns on import when scikit-learn is missing
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import classifier, parser

    # Off explicitly: with scikit-learn installed quantulum3 would switch on a classifier
    # whose model fails to load; the baseline is measured without it.
    classifier.USE_CLF = False
    return parser


def answer(parser, case: dict) -> list[dict]:
    try:
        found = parser.parse(str(case.get("text") or ""), lang="en_US", classifier_path=None)
    except Exception:  # quantulum3 raises on some inputs; a crash is an empty answer here
        return []
    quantities = []
    for q in found:
        unit = q.unit.name if q.unit is not None else "dimensionless"
        if q.unit is not None and q.unit.entity.name == "currency" and q.unit.currency_code:
            unit = q.unit.currency_code
        start, end = q.span
        quantities.append(
            {"value": q.value, "unit": unit, "surface": q.surface, "start": start, "end": end}
        )
    return quantities


def main() -> None:
    parser = _parser()
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            case = json.loads(line)
        except ValueError:
            case = {}
        out = {"id": case.get("id"), "quantities": answer(parser, case)}
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
