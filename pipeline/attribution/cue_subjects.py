"""A speech verb's speaker where no speaker phrase stands beside it: the subject of a
participle (', arguing that'), a pronoun inside the cue ('a-t-il déclaré'), an
anonymous source ('said a senior official', 'People familiar with the matter said'),
a dropped subject ('Ha detto che ...').

A mixin of the statement finder (`statements._Finder`): its methods read the
finder's state (`text`, `lex`, `units`, `statements`, the speakers seen) and add
statements with its `_add` and `_trim`.
"""

from __future__ import annotations

from pipeline.attribution.lexicon import (
    BETWEEN,
    CONN,
    DATE,
    DET,
    MOD,
    NAME,
    OTHER,
    Mention,
    Tok,
    match_at,
)
from pipeline.attribution.speakers import MAX_NP
from pipeline.attribution.units import Unit

ANONYMOUS_TAIL = 7  # tokens an anonymous source may take ('people familiar with the talks')


class CueSubjects:
    """Speakers a cue implies: participle subjects, cue pronouns, anonymous sources,
    dropped subjects."""

    def _cue_pronoun(self, toks: list[Tok], k: int, n: int) -> Mention | None:
        """fr 'a-t-il déclaré': the pronoun inside the cue is the speaker."""
        for p in range(k, k + n):
            if any(part in self.lex.pronouns for part in toks[p].low.split("-")[1:]):
                word = next(w for w in toks[p].low.split("-")[1:] if w in self.lex.pronouns)
                return self._mention(toks, p, p + 1, pron=word)
        return None

    def _anonymous_after(self, toks: list[Tok], p: int, content_before: bool) -> Mention | None:
        """An anonymous source right after a cue: 'said a senior official', 'según
        fuentes del ministerio'; it runs to the next punctuation, at most MAX_NP tokens."""
        # past determiners and modifiers, and the short articles and partitives that a
        # determiner list may lack ('des', 'de', 'os'): at most three words
        first = p
        while (
            p < min(len(toks), first + 3)
            and not toks[p].quoted
            and (
                toks[p].cls in (DET, MOD, BETWEEN)
                or (len(toks[p].low) <= 3 and toks[p].low.isalpha() and not toks[p].cap)
            )
        ):
            p += 1
        if p >= len(toks) or not self.roles.anonymous_at(toks, p):
            return None
        n = self.roles.anonymous_at(toks, p)
        j = p + n
        while (
            j < min(len(toks), p + ANONYMOUS_TAIL)
            and toks[j].word
            and not toks[j].quoted
            and toks[j].low not in self.lex.complementizers
            and not match_at(toks, j, self.lex.cues)
        ):
            j += 1
        # a tail that runs into the clause ('Volgens ingewijden kost het plan ...') is
        # not the source's: keep the phrase alone
        # the sentence's end closes the phrase only when the content came before the cue
        ends_clause = (content_before and not any(t.word for t in toks[j:])) or (
            toks[j].text in ",;:"
            or toks[j].low in self.lex.complementizers
            or bool(match_at(toks, j, self.lex.cues))
        )
        if not ends_clause:
            j = p + n
        return self._mention(toks, first, j)

    def _anonymous_before(self, toks: list[Tok], k: int) -> Mention | None:
        """An anonymous source in the clause before a cue: 'People familiar with the
        matter said', 'Insiders have told'."""
        found = None
        for q in range(k - 1, max(-1, k - MAX_NP), -1):
            if toks[q].quoted or toks[q].text in ",;:.!?":
                break
            if self.roles.anonymous_at(toks, q):
                found = q
        if found is None:
            return None
        j = k
        while j > found + 1 and toks[j - 1].cls == BETWEEN:
            j -= 1
        while found > 0 and toks[found - 1].cls in (DET, MOD) and toks[found - 1].word:
            found -= 1
        return self._mention(toks, found, j)

    def _dropped_subject(self, toks: list[Tok], k: int) -> Mention | None:
        """it 'Ha detto che ...', es 'Añadió que ...': a language that drops subject
        pronouns opens the sentence with the cue; the subject is a person pronoun."""
        if not self.lex.speech.null_subject:
            return None
        # '"...", disse, ao ser premiada': only a quote before the cue, no subject either
        after_quote = (
            k > 1 and toks[k - 1].text == "," and all(t.quoted or not t.word for t in toks[: k - 1])
        )
        if not after_quote and not self._subjectless(toks, k):
            return None
        np = self._mention(toks, k, k + 1, pron=next(iter(sorted(self.lex.pronouns)), ""))
        np.surface = "(dropped subject)"  # what resolved_from will say
        return np if self._resolvable(np) else None

    def _source_clause_subject(self, toks: list[Tok], k: int) -> Mention | None:
        """es 'El Grupo X cerró el semestre con 175 millones, según ha informado': a
        'según' clause with no subject of its own, after the main clause, reports what
        the main clause's subject said."""
        a = k - 1
        if not self.lex.speech.null_subject or a < 2 or toks[a - 1].text != ",":
            return None
        if match_at(toks, a, self.lex.according) != 1:
            return None
        first = next((p for p, t in enumerate(toks) if t.word), a)
        np = self._np_after(toks, first, a - 1)
        return np if np is not None and not np.pron and (np.named or np.org) else None

    def _coordinated_subject(self, toks: list[Tok], k: int) -> Mention | None:
        """es 'El ministro afeó a los populares su tardanza y expuso que ...': a cue right
        after 'y' with no subject of its own shares the subject of the verb before it,
        the phrase opening the sentence."""
        if k < 3 or toks[k - 1].low not in self.lex.coordinators or toks[k - 1].quoted:
            return None
        first = next((p for p, t in enumerate(toks) if t.word), k)
        np = self._np_after(toks, first, k - 1)
        if np is None or np.pron or np.j >= k - 1 or not (np.named or np.titles or np.org):
            return None
        # the subject's own verb follows it: 'El ministro afeó', not a list 'X y Y dijeron'
        nxt = toks[np.j] if np.j < len(toks) else None
        if nxt is None or not nxt.word or nxt.cls != OTHER:
            return None
        return np

    def _subjectless(self, toks: list[Tok], k: int) -> bool:
        """Nothing before the cue can be its subject: only adverbs, or a fronted phrase of
        lowercase words ('Entre as obras previstas citou ...') whose capitalised
        first word is so only as the sentence opens."""
        for p, tok in enumerate(toks[:k]):
            if tok.quoted or tok.text in ";:":
                return False
            if tok.text == ",":
                # only a fronted adverbial closes with a comma ('Por otro lado, aseguró');
                # a clause before it may hold the subject ('El dato, aseguró ...')
                if any(t.cls not in (OTHER, BETWEEN, CONN, DATE) for t in toks[1:p] if t.word):
                    return False
                continue
            if not tok.word or tok.cls in (BETWEEN, CONN, DATE):
                continue
            if tok.low in self.lex.complementizers or tok.low in self.lex.relatives:
                return False
            opening = p == 0 and tok.low not in self.midcaps
            # a determiner inside a fronted phrase: 'Entre las prioridades destacó'
            fronted = tok.cls == DET and p > 0 and toks[p - 1].low in self.prepositions
            if tok.cls != OTHER and not fronted and not (opening and tok.cls == NAME):
                return False
        return True

    def _participle_subject(self, unit: Unit, k: int) -> Mention | None:
        """', arguing that ...', ', just pointing out that ...': the clause's subject is
        the speaker of the statement before it in the unit, or the unit's opening phrase."""
        toks = unit.toks
        p = k - 1
        while p >= 0 and toks[p].cls == BETWEEN:
            p -= 1
        if p < 0 or toks[p].text != ",":
            return None
        for unit_index, sp in reversed(self.speakers):
            if unit_index == self.unit_index and sp.mention.start >= unit.start:
                return sp.mention
            break
        return self._opening_subject(toks, k)
