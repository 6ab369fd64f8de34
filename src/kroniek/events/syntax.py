"""A view of one sentence for event extraction: its tokens, its dependency tree when the parser has
run, and clauses. Without a parse, clauses are approximated by the stretches between punctuation
and subordinating words, so the layer still works (less well) on lemmas alone."""
from __future__ import annotations

from functools import cached_property

from kroniek.doc import Document, Token

# dependents that open a clause of their own: a verb's clause stops there
CLAUSE_RELS = frozenset({"ccomp", "xcomp", "advcl", "acl", "acl:relcl", "parataxis", "csubj", "conj"})
_BREAK_TEXT = frozenset({",", ";", ":", "–"})


class SentenceView:
    def __init__(self, doc: Document, index: int, clause_openers: frozenset[str],
                 coordinators: frozenset[str] = frozenset()):
        self.doc = doc
        self.index = index
        s = doc.sentences[index]
        self.lo, self.hi = s.token_start, s.token_end
        self.tokens: list[Token] = doc.tokens[self.lo : self.hi]
        self.parsed = any(t.deprel for t in self.tokens)
        self._openers = clause_openers
        self._coord = coordinators

    # ---------------------------------------------------------------- tree
    @cached_property
    def kids(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {t.i: [] for t in self.tokens}
        for t in self.tokens:
            if t.head in out and t.head != t.i:
                out[t.head].append(t.i)
        return out

    def children(self, i: int, *rels: str) -> list[int]:
        """Dependents of i, optionally only those whose relation (or its base before ':') is in rels."""
        kids = self.kids.get(i, [])
        if not rels:
            return kids
        return [k for k in kids if self.doc.tokens[k].deprel in rels or self.doc.tokens[k].deprel.split(":")[0] in rels]

    def head(self, i: int) -> int | None:
        h = self.doc.tokens[i].head
        return h if self.lo <= h < self.hi and h != i else None

    def lemma(self, i: int) -> str:
        """Token i's lemma (its text where the model gave none), lower-cased."""
        t = self.doc.tokens[i]
        return (t.lemma or t.text).lower()

    def verb_lemma(self, i: int) -> str:
        """Verb i's lemma with its separable particle, written together as the verb tables list it: oproepen for
        "riep ... op" (lemma "roepen", particle "op") and for "opgeroepen" (lemma "op_roepen")."""
        lemma = self.lemma(i).replace("_", "")
        particles = self.children(i, "compound:prt")
        prt = self.lemma(particles[0]) if particles else ""
        return lemma if lemma.startswith(prt) else prt + lemma

    def rel(self, i: int) -> str:
        return self.doc.tokens[i].deprel

    def subtree(self, i: int, stop: frozenset[str] = frozenset()) -> list[int]:
        """i and its descendants, not descending into dependents whose relation is in `stop`."""
        out, todo = [], [i]
        while todo:
            k = todo.pop()
            out.append(k)
            for c in self.kids.get(k, []):
                if self.rel(c) not in stop and self.rel(c).split(":")[0] not in stop:
                    todo.append(c)
        return sorted(out)

    # ---------------------------------------------------------------- clauses
    def clause(self, i: int) -> list[int]:
        """Token indices of the clause that token i (a verb) belongs to: its subtree in the parse
        joined with its stretch by word order, as a parser slip can cut a clause short."""
        flat = self._flat_clause(i)
        if self.parsed:
            top = self.clause_head(i)
            return sorted(set(self.subtree(top, CLAUSE_RELS)) | set(flat))
        return flat

    def clause_head(self, i: int) -> int:
        """Climb from i through auxiliaries and particles to the head of its clause."""
        k = i
        seen = set()
        while k not in seen:
            seen.add(k)
            rel = self.rel(k).split(":")[0]
            h = self.head(k)
            if h is None or rel in ("root",) or self.rel(k) in CLAUSE_RELS:
                return k
            if rel in ("aux", "cop", "compound", "mark", "advmod", "obj", "obl", "nsubj", "iobj", "det", "case"):
                k = h
                continue
            return k
        return k

    def flat_clause(self, i: int) -> list[int]:
        """The clause of token i by word order alone: the stretch between clause-opening words and punctuation."""
        return self._flat_clause(i)

    def deps(self, i: int, *rels: str) -> list[int]:
        """Dependents of verb i and of its auxiliaries: parsers often hang the subject on the auxiliary."""
        out = self.children(i, *rels)
        for a in self.children(i, "aux", "cop"):
            out += [k for k in self.children(a, *rels) if k != i]
        return sorted(out)

    @cached_property
    def _stretches(self) -> list[tuple[int, int]]:
        """For each token of the sentence, the [lo, hi) stretch between clause breaks that holds it:
        found once per sentence, where every trigger and particle asks for its clause."""
        starts = [self.lo] + [k for k in range(self.lo + 1, self.hi) if self._breaks_before(k)]
        out: list[tuple[int, int]] = []
        for a, b in zip(starts, starts[1:] + [self.hi], strict=True):
            out.extend([(a, b)] * (b - a))
        return out

    def _flat_clause(self, i: int) -> list[int]:
        lo, hi = self._stretches[i - self.lo]
        return list(range(lo, hi))

    def _breaks_before(self, k: int) -> bool:
        """Whether a new clause starts at token k (or the previous one was punctuation)."""
        t = self.doc.tokens[k]
        prev = self.doc.tokens[k - 1] if k > self.lo else None
        if prev is not None and prev.text in _BREAK_TEXT or t.text in _BREAK_TEXT:
            return True
        low = t.text.lower()
        if low in self._coord:
            # "en" joins clauses before a verb ("... en beloofde hij"), else phrases ("Joden en moslims")
            nxt = self.doc.tokens[k + 1] if k + 1 < self.hi else None
            return nxt is None or not nxt.upos or nxt.upos in ("VERB", "AUX")
        return low in self._openers

    def text(self, idx: list[int]) -> tuple[int, int]:
        toks = self.doc.tokens
        return toks[min(idx)].start, toks[max(idx)].end
