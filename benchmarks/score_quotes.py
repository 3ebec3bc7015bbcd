"""Score attributed statements against hand-annotated quotes (run by hand).

    python benchmarks/score_quotes.py [--eval ../shared/eval] [--show N]
    python benchmarks/score_quotes.py --gold ../shared/eval/dev/gold_quotes.jsonl \
        --articles ../shared/eval/dev/articles [--show N]

Seeds (`seeds_gold_quotes.jsonl`, the default): a gold statement is recalled when one
found statement of the same article overlaps its text, names the same speaker and has
the same cue (a gold cue word in ours; a gold cue of '"' or '' accepts any).

Any gold folder (`--gold` with `--articles`, the folder of the articles the gold names):
recall of the attributed statements with the right speaker, per language; the cue is not
compared (real news puts cues where the seeds do not).

Speakers are compared as `score.py` compares them: ours (as written, as canonicalised
by `entities.canonicalise`, and the pronoun or role it was resolved from) against the
gold's canonical name, its surface and any `speaker_aliases`: equal once folded, half of
the words shared, or the canonical name's surname (a person's, not "Ministry of X")
among ours. No curated alias is needed for a translated name the article itself gives.

Peer sets (textacy en/es, xtas nl): speaker accuracy over the expected quotes, the
speaker taken from the statement that contains the quote (textacy: its span; xtas: its
lemma word).
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
from pipeline.ingest import ingest_file  # noqa: E402
from pipeline.segment import get_nlp  # noqa: E402
from schemas.records import Rejection  # noqa: E402

SEED_LANG = {"en", "es", "nl", "de", "vi"}


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", fold(text)) if len(w) > 1}


def _tokens(text: str) -> set[str]:
    """score.py's word set: words of three letters or more."""
    return {w for w in re.findall(r"\w+", fold(text)) if len(w) > 2}


def same_speaker(pred: str | None, names: list[str]) -> bool:
    """score.py's rule: `names[0]` is the canonical name, the rest its other forms."""
    p = fold(pred or "").strip()
    if not p:
        return False
    pt = _tokens(p)
    canonical = fold(names[0] or "") if names else ""
    surname = (re.findall(r"\w+", canonical) or [""])[-1]
    if len(surname) > 3 and surname in pt and " of " not in f" {canonical} ":
        return True  # a person's surname: "Putin" for "Vladimir Putin"
    for name in filter(None, names):
        gt = _tokens(name)
        if fold(name).strip() == p or (gt and pt and len(gt & pt) / len(gt | pt) >= 0.5):
            return True
    return False


def gold_names(g: dict) -> list[str]:
    """The gold's canonical name first, then its surface and aliases."""
    return [g["speaker"], g.get("speaker_surface") or "", *(g.get("speaker_aliases") or [])]


def said_by(statement, names: dict[str, str]) -> list[str]:
    """The ways our statement names its speaker."""
    surface = statement.speaker_surface
    return [surface, names.get(surface, surface), statement.resolved_from or ""]


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
            and any(same_speaker(said, gold_names(g)) for said in said_by(s, names))
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


def any_gold(gold_path: Path, articles: Path, show: int) -> float:
    """Recall of a gold file's attributed statements with the right speaker."""
    gold = load(gold_path)
    texts: dict[str, str] = {}
    found: dict[str, list] = {}
    mentions = []
    for name in sorted({g["article"] for g in gold}):
        lang = next(g["lang"] for g in gold if g["article"] == name)
        article = ingest_file(articles / name, articles)
        if isinstance(article, Rejection):
            print(f"  {name}: not read ({article.reason})")
            texts[name], found[name] = "", []
            continue
        texts[name] = article.text
        found[name] = find_statements(get_nlp(lang)(article.text), lang)
        mentions += [(s.speaker_surface, lang) for s in found[name]]
    names, _ = canonicalise(mentions)
    by_lang: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    for g in gold:
        text = texts[g["article"]]
        inside = [s for s in found[g["article"]] if overlaps(text, (s.start, s.end), g["text"])]
        ok = any(
            any(same_speaker(said, gold_names(g)) for said in said_by(s, names)) for s in inside
        )
        by_lang[g["lang"]][0] += ok
        by_lang[g["lang"]][1] += 1
        if not ok:
            got = ", ".join(names.get(s.speaker_surface, s.speaker_surface) for s in inside)
            misses.append((g, got or None))
    for lang, (h, n) in sorted(by_lang.items()):
        print(f"  {lang}: {h}/{n} = {h / n:.3f}")
    hits = sum(h for h, _ in by_lang.values())
    recall = hits / len(gold) if gold else 0.0
    print(f"{gold_path.name} recall (right speaker): {hits}/{len(gold)} = {recall:.3f}")
    for g, got in misses[:show]:
        print(f"    missed {g['article']} {g['speaker']!r}, got {got!r}: {g['text'][:70]!r}")
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
    ap.add_argument("--gold", help="a gold quotes file (JSON lines) other than the seeds'")
    ap.add_argument("--articles", help="the folder of the articles --gold names")
    args = ap.parse_args()
    if args.gold or args.articles:
        if not (args.gold and args.articles):
            ap.exit(2, "score_quotes: --gold and --articles go together\n")
        gold, articles = Path(args.gold), Path(args.articles)
        if not gold.is_file() or not articles.is_dir():
            ap.exit(2, f"score_quotes: no gold file {gold} or no folder {articles}\n")
        any_gold(gold, articles, args.show)
        return
    eval_dir = Path(args.eval)
    seeds(eval_dir, args.show)
    for name in ("quotes_textacy.jsonl", "quotes_xtas_nl.jsonl"):
        peer(eval_dir / "peer" / name, args.show)


if __name__ == "__main__":
    main()
