"""Attributed statements: speakers, cues and quote kinds from the case files."""

from __future__ import annotations

import time

import pytest
from _cases import lang_cases
from spacy.language import Language

from pipeline.attribution import find_statements, statement_for
from pipeline.attribution.coreference import role_nouns
from pipeline.attribution.lexicon import fold, lexicon
from pipeline.lang import supported_languages
from pipeline.segment import get_nlp
from schemas.records import Statement


@pytest.fixture(scope="session")
def pipelines() -> dict[str, Language]:
    """Blank pipelines (sentencizer and line breaks), one per language."""
    return {lang: get_nlp(lang) for lang in supported_languages()}


def _statement(pipelines, lang: str, text: str, inside: str) -> Statement | None:
    at = text.index(inside)
    statements = find_statements(pipelines[lang](text), lang)
    return statement_for(at, at + len(inside), statements)


ATTRIBUTED = [p for p in lang_cases("statements") if p.values[1]["speaker"]]
UNATTRIBUTED = [p for p in lang_cases("statements") if not p.values[1]["speaker"]]


@pytest.mark.parametrize(("lang", "case"), ATTRIBUTED)
def test_speaker(pipelines, lang, case):
    found = _statement(pipelines, lang, case["text"], case["inside"])
    assert found is not None
    assert fold(case["speaker"]) in fold(found.speaker_surface)


@pytest.mark.parametrize(("lang", "case"), ATTRIBUTED)
def test_cue(pipelines, lang, case):
    found = _statement(pipelines, lang, case["text"], case["inside"])
    assert found is not None
    assert fold(case["cue"]) in fold(found.cue)


@pytest.mark.parametrize(("lang", "case"), ATTRIBUTED)
def test_quote_kind(pipelines, lang, case):
    found = _statement(pipelines, lang, case["text"], case["inside"])
    assert found is not None
    assert found.quote_kind == case["kind"]


@pytest.mark.parametrize(("lang", "case"), [p for p in ATTRIBUTED if "speaker_kind" in p.values[1]])
def test_speaker_kind(pipelines, lang, case):
    """A role noun resolves to the body named before it; an anonymous source keeps
    its phrase with the kind 'anonymous'."""
    found = _statement(pipelines, lang, case["text"], case["inside"])
    assert found is not None
    assert found.speaker_kind == case["speaker_kind"]


@pytest.mark.parametrize(("lang", "case"), UNATTRIBUTED)
def test_own_voice_has_no_speaker(pipelines, lang, case):
    assert _statement(pipelines, lang, case["text"], case["inside"]) is None


def test_offsets_point_into_the_text(pipelines):
    text = 'Exports fell, the minister said. "We lost 5 percent," Lee said.'
    for statement in find_statements(pipelines["en"](text), "en"):
        assert 0 <= statement.start < statement.end <= len(text)
        surface = text[statement.speaker_start : statement.speaker_end]
        assert surface == statement.speaker_surface


def test_narrowest_statement_wins():
    wide = Statement(speaker_surface="A", cue="said", quote_kind="indirect", start=0, end=100)
    narrow = Statement(speaker_surface="B", cue="said", quote_kind="direct", start=10, end=20)
    assert statement_for(12, 15, [wide, narrow]) is narrow


def test_unknown_language_gives_no_statements(pipelines):
    assert find_statements(pipelines["en"]("He said 5 things."), "xx") == []


BAD_INPUT = {
    "unbalanced-open": '"We have enough gas, the minister said. Prices rose 5 percent.',
    "unbalanced-close": 'Prices rose 5 percent." the minister said.',
    "quote-across-paragraphs": '"We will cut 5 percent,\n\nand then we stop," Lee said.',
    "mixed-marks": "Peskov said that “no official statements ». «Fine» and „ok“ ‹ › ' '",
    "mixed-scripts": "Путин заявил: «Trump said 5 percent» — Tổng thống Putin cho biết 3%.",
    "only-quotes": '""""""«««»»»„„““',
    "empty": "",
    "only-cues": "said said said according to according to, said",
    "never-closes": 'The minister said: "We will cut 5 percent and\n\nthen 8 percent more',
    "pronoun-without-antecedent": "He said the plan costs 5 million dollars. It added 3 percent.",
    "two-speakers-one-sentence": "Lee said and Kim said that 5 percent, the company said.",
    "role-noun-only": "The company said. The newspaper said. The minister said 5 percent.",
}


@pytest.mark.parametrize("text", BAD_INPUT.values(), ids=BAD_INPUT.keys())
def test_bad_input_does_not_raise(pipelines, text):
    statements = find_statements(pipelines["en"](text), "en")
    assert all(0 <= s.start <= s.end <= len(text) for s in statements)


def test_pronoun_without_antecedent_has_no_speaker(pipelines):
    text = "He said the plan would cost 5 million dollars."
    assert _statement(pipelines, "en", text, "5 million") is None


def test_role_noun_is_never_the_speaker(pipelines):
    """'The company' with no body named before it: no speaker, not 'company'."""
    for lang, text, inside in [
        ("en", "The company said it would hire 250 drivers.", "250"),
        ("de", "Das Unternehmen teilte mit, es stelle 250 Fahrer ein.", "250"),
        ("fr", "Le groupe a annoncé qu'il embaucherait 250 chauffeurs.", "250"),
        ("pt", "O gabinete anunciou que vai contratar 250 técnicos.", "250"),
    ]:
        assert _statement(pipelines, lang, text, inside) is None, text


def test_long_sentence_is_linear(pipelines):
    words = " ".join(f"Minister{i % 7} said that 5 percent" for i in range(1250))  # 5,000 words
    doc = pipelines["en"](words)
    started = time.perf_counter()
    find_statements(doc, "en")
    assert time.perf_counter() - started < 10


def test_long_sentence_without_cues_is_fast(pipelines):
    text = "word " * 5000 + "“" + "a " * 5000
    doc = pipelines["de"](text)
    started = time.perf_counter()
    assert find_statements(doc, "de") == []
    assert time.perf_counter() - started < 5


def test_anonymous_phrase_found_by_its_first_word():
    """`anonymous_at` tries only the phrases its token starts, longest listed fit
    first; a phrase running past the unit's end is no match."""
    lex = lexicon("en")
    roles = role_nouns(lex)
    text = "Insiders and people familiar with it"
    toks, _ = lex.tokens(text, 0, len(text))
    words = [t.low for t in toks]
    assert roles.anonymous_at(toks, words.index("insiders")) == 1
    assert roles.anonymous_at(toks, words.index("people")) == 2  # 'people familiar'
    assert roles.anonymous_at(toks, words.index("with")) == 0
    cut, _ = lex.tokens("We met people", 0, 13)  # 'people' alone ends the tokens
    assert roles.anonymous_at(cut, 2) == 0
    assert roles.anonymous_at(cut, 3) == 0  # past the last token


def test_continuation_marker_words_are_marked_outside_quotes(pipelines):
    """The words a continuation marker starts with are marked while tokenizing; the
    paragraph after a speaker's goes on reporting them through a marker, but not
    through one inside a quote."""
    lex = lexicon("en")
    text = "Output fell, he added, by his estimate 4 percent."
    toks, marks = lex.tokens(text, 0, len(text))
    assert [toks[k].low for k in marks.goes_on] == ["he", "by"]  # 'by his estimate'
    said = "The minister Ana Lopes said exports rose 3 percent last year.\n\n"
    plain = said + "The office cited according to estimates as its source; imports fell 2 percent."
    quoted = (
        said + 'The office cited "according to estimates" as its source; imports fell 2 percent.'
    )
    found = _statement(pipelines, "en", plain, "2 percent")
    assert found is not None and found.cue == "according to estimates"
    assert "Ana Lopes" in found.speaker_surface
    assert _statement(pipelines, "en", quoted, "2 percent") is None


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đà Nẵng", "da nang"),  # Vietnamese: tones, a hook and đ
        ("Ce\u0301line Mu\u0308ller", "celine muller"),  # combining marks typed as such
        ("Søren ÅBERG", "søren aberg"),  # ø has no mark to drop
        ("Strauß", "strauss"),  # casefolding, not lowering
        ("Йошкар-Ола", "иошкар-ола"),  # й is и with a breve
        ("Ana Ruiz", "ana ruiz"),  # plain ASCII
        ("ﬁnance", "finance"),  # a compatibility ligature is decomposed
    ],
)
def test_fold_drops_case_and_marks(text, folded):
    assert fold(text) == folded
