"""The Dutch event lexicon: triggers, reporting verbs and modality cues (lang/nl/event_*.tsv)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from kroniek.events.codebook import NEWS_TYPE, codebook
from kroniek.events.tables import TableError, parse_rows

_FRAME = re.compile(r"^(?:prep:[a-zà-öø-ÿ]+|(?:with|target|received|deed):[a-zà-öø-ÿ0-9_-]+(?:\|[a-zà-öø-ÿ0-9_-]+)*|money|party)$")
MODALITIES = ("asserted", "intended", "negated", "hypothetical", "reported")
CUE_ROLES = ("aux", "adv", "mark", "prep", "report")
_PACKAGE = "kroniek.lang.nl"


@dataclass(frozen=True, slots=True)
class Frame:
    kind: str  # "" (none) | prep | with | target | received | deed | money | party
    words: frozenset[str] = frozenset()

    @classmethod
    def parse(cls, text: str) -> Frame:
        if not text:
            return cls("")
        if text in ("money", "party"):
            return cls(text)
        kind, _, rest = text.partition(":")
        return cls(kind, frozenset(rest.split("|")))


@dataclass(frozen=True, slots=True)
class Trigger:
    lemma: str
    particle: str
    frame: Frame
    cameo: str | None
    plover: str | None
    plover_mode: str | None
    news_type: str | None
    modality: str
    line: int

    @property
    def news_kind(self) -> str:
        """The news type's Type ("Justice" of "Justice.ArrestJail"), "" without one."""
        return (self.news_type or "").split(".")[0]


@dataclass(frozen=True, slots=True)
class Reporting:
    lemma: str
    particle: str
    frame: Frame


@dataclass(frozen=True, slots=True)
class Lexicon:
    triggers: dict[tuple[str, str], tuple[Trigger, ...]]  # (lemma, particle) -> rows, framed first
    reporting: dict[tuple[str, str], tuple[Reporting, ...]]
    cues: dict[str, tuple[str, str]]  # lemma -> (modality, role)
    particles: frozenset[str]
    clause_openers: frozenset[str] = frozenset()  # words that start a clause (by word order)
    coordinators: frozenset[str] = frozenset()  # openers that start a clause only before a verb (en, maar)
    roles: dict[str, str] | None = None  # preposition -> one of ROLES
    pairs: dict[str, str] | None = None  # word -> count | PER | LOC | ORG ("de twee leiders")
    tense: dict[str, str] | None = None  # auxiliary -> perfect | future
    # derived: every lemma with a row, with any particle or none; the particles as a tuple for str.startswith
    verbs: frozenset[str] = field(init=False)
    particle_prefixes: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "verbs", frozenset(v for v, _ in (*self.triggers, *self.reporting)))
        object.__setattr__(self, "particle_prefixes", tuple(self.particles))

    def preps(self, *roles: str) -> frozenset[str]:
        return frozenset(p for p, r in (self.roles or {}).items() if r in roles)

    def knows(self, lemma: str, particle: str) -> bool:
        return (lemma, particle) in self.triggers or (lemma, particle) in self.reporting


def _read(name: str) -> str:
    return resources.files(_PACKAGE).joinpath(name).read_text(encoding="utf-8")


def _frame(where: str, n: int, text: str) -> Frame:
    if text and not _FRAME.match(text):
        raise TableError(where, n, f"bad frame {text!r}: expected -, prep:X, with:X|Y, target:X|Y, received:X|Y, deed:X|Y, money or party")
    return Frame.parse(text)


def parse_triggers(text: str, where: str) -> list[Trigger]:
    book = codebook()
    rows = []
    seen: dict[tuple[str, str, str], int] = {}
    for n, (lemma, prt, frame, cameo, plover, mode, news, modality) in parse_rows(text, where, 8):
        # a second row of the same verb and frame would never be reached: the first one always wins
        if (lemma, prt, frame) in seen:
            raise TableError(where, n, f"{lemma} {prt or '-'} {frame or '-'} is listed twice (first at line {seen[lemma, prt, frame]})")
        seen[lemma, prt, frame] = n
        if not lemma or not lemma.replace("_", "").isalpha() or lemma != lemma.lower():
            raise TableError(where, n, f"bad lemma {lemma!r}: expected a lower-case infinitive")
        if prt and not prt.isalpha():
            raise TableError(where, n, f"bad particle {prt!r}")
        fr = _frame(where, n, frame)
        if cameo:
            if cameo not in book:
                raise TableError(where, n, f"CAMEO code {cameo!r} is not in the codebook")
            want = book[cameo].plover
            if plover != (want or ""):
                raise TableError(where, n, f"PLOVER type {plover or '-'} disagrees with CAMEO {cameo} ({want or 'no PLOVER type'})")
        elif plover:
            raise TableError(where, n, "a PLOVER type needs a CAMEO code")
        if news and not NEWS_TYPE.match(news):
            raise TableError(where, n, f"bad news type {news!r}: expected Type.Subtype")
        if not (cameo or news):
            raise TableError(where, n, "a trigger needs a CAMEO code or a news type")
        if modality not in ("asserted", "intended"):
            raise TableError(where, n, f"bad modality {modality!r}: expected asserted or intended")
        rows.append(Trigger(lemma, prt, fr, cameo or None, plover or None, mode or None, news or None, modality, n))
    return rows


def parse_reporting(text: str, where: str) -> list[Reporting]:
    rows = []
    for n, (lemma, prt, frame) in parse_rows(text, where, 3):
        if not lemma.replace("_", "").isalpha():
            raise TableError(where, n, f"bad lemma {lemma!r}")
        rows.append(Reporting(lemma, prt, _frame(where, n, frame)))
    return rows


def parse_cues(text: str, where: str) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for n, (lemma, modality, role) in parse_rows(text, where, 3):
        if modality not in MODALITIES[1:]:
            raise TableError(where, n, f"bad modality {modality!r}: expected one of {', '.join(MODALITIES[1:])}")
        if role not in CUE_ROLES:
            raise TableError(where, n, f"bad role {role!r}: expected one of {', '.join(CUE_ROLES)}")
        if lemma in out:
            raise TableError(where, n, f"cue {lemma!r} listed twice")
        out[lemma] = (modality, role)
    return out


def parse_words(text: str, where: str, kinds: tuple[str, ...]) -> dict[str, str]:
    """A two-column word list (word -> kind) whose kinds must be among `kinds`."""
    out = {}
    for n, (word, kind) in parse_rows(text, where, 2):
        if kind not in kinds:
            raise TableError(where, n, f"bad kind {kind!r}: expected one of {', '.join(kinds)}")
        if not word or word != word.lower() or " " in word:
            raise TableError(where, n, f"bad word {word!r}: expected one lower-case word")
        out[word] = kind
    return out


def parse_pairs(text: str, where: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for n, (word, kind) in parse_rows(text, where, 2):
        if kind not in ("count", "PER", "LOC", "ORG"):
            raise TableError(where, n, f"bad kind {kind!r}: expected count, PER, LOC or ORG")
        if not word.isalpha() or word != word.lower():
            raise TableError(where, n, f"bad word {word!r}")
        out[word] = kind
    return out


ROLES = ("agent", "target", "place", "host", "topic", "pair", "noun_target", "of", "other_event")
PLACE_ROLES = ("place", "host")  # prepositions that can say where


def parse_roles(text: str, where: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for n, (prep, role) in parse_rows(text, where, 2):
        if role not in ROLES:
            raise TableError(where, n, f"bad role {role!r}: expected one of {', '.join(ROLES)}")
        if not prep.isalpha() or prep != prep.lower():
            raise TableError(where, n, f"bad preposition {prep!r}")
        if prep in out:
            raise TableError(where, n, f"preposition {prep!r} listed twice")
        out[prep] = role
    return out


def build(
    triggers: list[Trigger],
    reporting: list[Reporting],
    cues: dict[str, tuple[str, str]],
    clause_openers: dict[str, str] | None = None,
    roles: dict[str, str] | None = None,
    pairs: dict[str, str] | None = None,
    tense: dict[str, str] | None = None,
) -> Lexicon:
    by_key: dict[tuple[str, str], list[Trigger]] = {}
    for t in triggers:
        by_key.setdefault((t.lemma, t.particle), []).append(t)
    rep: dict[tuple[str, str], list[Reporting]] = {}
    for r in reporting:
        rep.setdefault((r.lemma, r.particle), []).append(r)
    particles = frozenset(p for _, p in [*by_key, *rep] if p)
    # rows with a frame are tried before the plain row of the same verb
    return Lexicon(
        {k: tuple(sorted(v, key=lambda t: t.frame.kind == "")) for k, v in by_key.items()},
        {k: tuple(sorted(v, key=lambda r: r.frame.kind == "")) for k, v in rep.items()},
        cues,
        particles,
        frozenset(clause_openers or {}),
        frozenset(w for w, k in (clause_openers or {}).items() if k == "coord"),
        roles or {},
        pairs or {},
        tense or {},
    )


def parse_lemmas(text: str, where: str) -> frozenset[str]:
    """A one-column list of verb lemmas; particle verbs written together or with "_", which is dropped."""
    out: set[str] = set()
    for n, (lemma,) in parse_rows(text, where, 1):
        if not lemma.replace("_", "").isalpha() or lemma != lemma.lower():
            raise TableError(where, n, f"bad lemma {lemma!r}: expected one lower-case infinitive")
        key = lemma.replace("_", "")
        if key in out:
            raise TableError(where, n, f"lemma {lemma!r} listed twice")
        out.add(key)
    return frozenset(out)


@lru_cache(maxsize=1)
def perfect_zijn() -> frozenset[str]:
    """Verbs that form the perfect with "zijn" (lang/nl/verbs_perfect_zijn.tsv)."""
    name = "verbs_perfect_zijn.tsv"
    return parse_lemmas(_read(name), f"lang/nl/{name}")


@lru_cache(maxsize=1)
def object_control() -> frozenset[str]:
    """Verbs whose object is the subject of their infinitive (lang/nl/verbs_object_control.tsv)."""
    name = "verbs_object_control.tsv"
    return parse_lemmas(_read(name), f"lang/nl/{name}")


@lru_cache(maxsize=1)
def causative() -> frozenset[str]:
    """Causative verbs (lang/nl/verbs_causative.tsv)."""
    name = "verbs_causative.tsv"
    return parse_lemmas(_read(name), f"lang/nl/{name}")


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    files = ("event_triggers.tsv", "event_reporting.tsv", "event_modality.tsv", "event_clauses.tsv",
             "event_roles.tsv", "event_pairs.tsv", "event_tense.tsv")
    t, r, c, cl, pl, pr, te = (_read(f) for f in files)
    return build(
        parse_triggers(t, f"lang/nl/{files[0]}"),
        parse_reporting(r, f"lang/nl/{files[1]}"),
        parse_cues(c, f"lang/nl/{files[2]}"),
        parse_words(cl, f"lang/nl/{files[3]}", ("sub", "rel", "coord")),
        parse_roles(pl, f"lang/nl/{files[4]}"),
        parse_pairs(pr, f"lang/nl/{files[5]}"),
        parse_words(te, f"lang/nl/{files[6]}", ("perfect", "future")),
    )
