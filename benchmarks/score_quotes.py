"""Score attributed statements against hand-annotated quotes (run by hand).

    python benchmarks/score_quotes.py [--eval ../shared/eval] [--show N]

Seeds (`seeds_gold_quotes.jsonl`): a gold statement is recalled when one found statement
of the same article overlaps its text, names the same speaker (canonical names via
`entities.canonicalise`, compared as `score.py` does) and has the same cue (a gold cue
word in ours; a gold cue of '"' or '' accepts any). Peer sets (textacy en/es, xtas nl):
speaker accuracy over the expected quotes, the speaker taken from the statement that
contains the quote (textacy: its span; xtas: its lemma word).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.attribution import find_statements  # noqa: E402
from pipeline.attribution.lexicon import fold  # noqa: E402
from pipeline.entities import canonicalise  # noqa: E402
from pipeline.segment import get_nlp  # noqa: E402

SEED_LANG = {"en", "es", "nl", "de", "vi"}


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", fold(text)) if len(w) > 1}


def same_speaker(pred: str | None, names: list[str]) -> bool:
    p = words(pred or "")
    if not p:
        return False
    for name in filter(None, names):
        g = words(name)
        surname = re.findall(r"\w+", fold(name))[-1:] or [""]
        if g and (len(g & p) / len(g | p) >= 0.5 or (len(surname[0]) > 3 and surname[0] in p)):
            return True
    return False


def same_cue(pred: str, gold: str) -> bool:
    gold_words = words(gold.replace("...", " "))
    return not gold_words or bool(gold_words & words(pred))


def overlaps(text: str, span: tuple[int, int], gold_text: str) -> bool:
    at = text.find(gold_text[:60])
    if at < 0:
        at = fold(text).find(fold(gold_text[:60]))
    if at < 0:
        return False
    end = at + len(gold_text)
    return span[0] < end and at < span[1]


def seeds(eval_dir: Path, show: int) -> float:
    gold = load(eval_dir / "seeds_gold_quotes.jsonl")
    cases = {c["id"]: c for c in load(eval_dir / "seeds_cases.jsonl")}
    found: dict[str, list] = {}
    mentions = []
    for article, case in cases.items():
        text = case["text"]
        doc = get_nlp(case["lang"])(text)
        found[article] = find_statements(doc, case["lang"])
        mentions += [(s.speaker_surface, case["lang"]) for s in found[article]]
    names, _ = canonicalise(mentions)
    hits, by_lang, misses = 0, defaultdict(lambda: [0, 0]), []
    for g in gold:
        text = cases[g["article"]]["text"]
        ok = any(
            overlaps(text, (s.start, s.end), g["text"])
            and same_speaker(names.get(s.speaker_surface, s.speaker_surface), [g["speaker"]])
            and same_cue(s.cue, g["cue"])
            for s in found[g["article"]]
        )
        hits += ok
        by_lang[g["lang"]][0] += ok
        by_lang[g["lang"]][1] += 1
        if not ok:
            misses.append(g)
    for lang, (h, n) in sorted(by_lang.items()):
        print(f"  {lang}: {h}/{n} = {h / n:.3f}")
    recall = hits / len(gold)
    print(f"seeds_gold_quotes recall (speaker and cue): {hits}/{len(gold)} = {recall:.3f}")
    for g in misses[:show]:
        print(
            f"    missed {g['article'][:3]} {g['speaker']!r} cue={g['cue']!r}: {g['text'][:70]!r}"
        )
    return recall


def peer(path: Path, show: int) -> float:
    total = ok = 0
    for case in load(path):
        if not case["quotes"]:
            continue
        doc = get_nlp(case["lang"])(case["text"])
        statements = find_statements(doc, case["lang"])
        for q in case["quotes"]:
            total += 1
            span = q.get("quote_span") or [0, len(case["text"])]  # xtas: the whole case
            inner = [s for s in statements if s.start < span[1] and span[0] < s.end]
            speaker = inner[0].speaker_surface if inner else None
            said = " ".join(filter(None, [speaker, inner[0].resolved_from if inner else None]))
            gold = [q.get("speaker") or q.get("speaker_lemma")]
            hit = same_speaker(said, gold) or any(
                fold(gold[0])[:4] in fold(w) for w in said.split()
            )
            ok += hit
            if not hit and show:
                print(f"    {case['id']}: gold {gold[0]!r}, got {speaker!r}")
    acc = ok / total if total else 0.0
    print(f"{path.name} speaker accuracy: {ok}/{total} = {acc:.3f}")
    return acc


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"))
    ap.add_argument("--show", type=int, default=0)
    args = ap.parse_args()
    eval_dir = Path(args.eval)
    seeds(eval_dir, args.show)
    for name in ("quotes_textacy.jsonl", "quotes_xtas_nl.jsonl"):
        peer(eval_dir / "peer" / name, args.show)


if __name__ == "__main__":
    main()
