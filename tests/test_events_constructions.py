"""Sentence-level tests of the event coder on real Dutch phrasings.

Each sentence comes with the UD analysis (UD Dutch-Alpino conventions) written out by hand, so the
tests pin the coder's reading of the tree, not the parser's accuracy. Entities carry the actor codes
the entities layer would give them.
"""
from __future__ import annotations

from kroniek.dates import parse_doc_date
from kroniek.doc import Document, Entity, Mention, Quantity, Sentence, TimeExpr, Token
from kroniek.events.coder import Coder
from kroniek.events.lexicon import lexicon

# (form, lemma, upos, head (1-based, 0 = root), deprel, feats)
Row = tuple[str, str, str, int, str, str]


def make_doc(rows: list[Row], entities: list[tuple[int, int, str, str | None]] = (), times=(), quantities=(),
             date: str = "2020-09-14", parse: bool = True) -> Document:
    """A one-sentence document; entities are (first token, last token, type, actor), 1-based."""
    text, toks, pos = "", [], 0
    for n, (form, lemma, upos, head, rel, feats) in enumerate(rows):
        if text:
            text += " "
            pos += 1
        toks.append(Token(i=n, start=pos, end=pos + len(form), text=form, lemma=lemma,
                          upos=upos if parse else "", head=head - 1 if parse else -1,
                          deprel=rel if parse else "", feats=feats if parse else ""))
        text += form
        pos += len(form)
    doc = Document(id="t", text=text, date=parse_doc_date(date))
    doc.tokens = toks
    doc.sentences = [Sentence(0, len(text), 0, len(toks))]
    for k, (a, b, typ, actor) in enumerate(entities, 1):
        s, e = toks[a - 1].start, toks[b - 1].end
        m = Mention(s, e, text[s:e], typ, entity=f"e{k}")
        doc.mentions.append(m)
        doc.entities.append(Entity(f"e{k}", typ, text[s:e], actor=actor, mentions=[m]))
    for a, b, typ, value, lo, hi in times:
        s, e = toks[a - 1].start, toks[b - 1].end
        doc.times.append(TimeExpr(s, e, text[s:e], typ, value, lo, hi))
    for a, b, value, kind in quantities:
        s, e = toks[a - 1].start, toks[b - 1].end
        doc.quantities.append(Quantity(s, e, text[s:e], value, kind=kind))
    return doc


def events(doc: Document):
    return Coder(lexicon())(doc)


def one(doc: Document, plover: str | None = None):
    evs = [e for e in events(doc) if plover is None or e.plover == plover]
    assert len(evs) == 1, [(e.trigger_text, e.plover) for e in events(doc)]
    return evs[0]


PART = "VerbForm=Part"
FIN = "VerbForm=Fin"

TOEZEGGEN = [
    ("Poetin", "Poetin", "PROPN", 2, "nsubj", ""),
    ("zegde", "toe_zeggen", "VERB", 0, "root", FIN),
    ("Lukashenko", "Lukashenko", "PROPN", 2, "iobj", ""),
    ("1,5", "1,5", "NUM", 5, "nummod", ""),
    ("miljard", "miljard", "NUM", 6, "nummod", ""),
    ("dollar", "dollar", "NOUN", 2, "obj", ""),
    ("toe", "toe", "ADP", 2, "compound:prt", ""),
    (".", ".", "PUNCT", 2, "punct", ""),
]


def test_separable_pledge_of_money_is_intended_economic_aid_to_the_indirect_object() -> None:
    doc = make_doc(TOEZEGGEN, [(1, 1, "PER", "RUSGOV"), (3, 3, "PER", "BLRGOV")], quantities=[(4, 6, 1.5e9, "money")])
    ev = one(doc)
    assert (ev.plover, ev.cameo, ev.news_type) == ("AGREE", "0331", "Transaction.TransferMoney")
    assert ev.trigger_text == "zegde"
    assert ev.source.actor == "RUSGOV" and ev.target.actor == "BLRGOV"
    assert ev.modality == "intended"
    assert ev.quantities == [0]
    assert ev.goldstein is not None and ev.quadclass == 1


def test_separable_pledge_without_a_parse_finds_the_particle_by_word_order() -> None:
    rows = [(f, lemma.replace("toe_", ""), u, h, r, x) for f, lemma, u, h, r, x in TOEZEGGEN]
    doc = make_doc(rows, [(1, 1, "PER", "RUSGOV"), (3, 3, "PER", "BLRGOV")], parse=False)
    ev = one(doc)
    assert ev.plover == "AGREE" and ev.cameo == "030"  # no money amount known here
    assert ev.source.actor == "RUSGOV" and ev.target.actor == "BLRGOV"


STRAAT_OP = [
    ("Demonstranten", "demonstrant", "NOUN", 2, "nsubj", ""),
    ("gingen", "gaan", "VERB", 0, "root", FIN),
    ("in", "in", "ADP", 4, "case", ""),
    ("Minsk", "Minsk", "PROPN", 2, "obl", ""),
    ("zondag", "zondag", "NOUN", 2, "obl:tmod", ""),
    ("opnieuw", "opnieuw", "ADV", 2, "advmod", ""),
    ("de", "de", "DET", 8, "det", ""),
    ("straat", "straat", "NOUN", 2, "obl", ""),
    ("op", "op", "ADP", 8, "case", ""),
    (".", ".", "PUNCT", 2, "punct", ""),
]


def test_de_straat_op_gaan_is_a_demonstration_with_place_and_time() -> None:
    doc = make_doc(STRAAT_OP, [(1, 1, "MISC", "BLROPP"), (4, 4, "LOC", "BLR")],
                   times=[(5, 5, "DATE", "2020-09-13", "2020-09-13", "2020-09-13")])
    ev = one(doc)
    assert (ev.plover, ev.cameo[:2], ev.news_type) == ("PROTEST", "14", "Conflict.Demonstrate")
    assert ev.location is not None and ev.location.text == "Minsk"
    assert ev.time == {"value": "2020-09-13", "earliest": "2020-09-13", "latest": "2020-09-13"}
    assert ev.source.text == "Demonstranten"


def test_gaan_without_the_street_is_no_event() -> None:
    rows = [("Demonstranten", "demonstrant", "NOUN", 2, "nsubj", ""), ("gingen", "gaan", "VERB", 0, "root", FIN),
            ("naar", "naar", "ADP", 4, "case", ""), ("huis", "huis", "NOUN", 2, "obl", ""),
            (".", ".", "PUNCT", 2, "punct", "")]
    assert events(make_doc(rows)) == []


LATEN_OPPAKKEN = [
    ("Lukashenko", "Lukashenko", "PROPN", 2, "nsubj", ""),
    ("liet", "laten", "VERB", 0, "root", FIN),
    ("tientallen", "tientallen", "NUM", 4, "nummod", ""),
    ("Russen", "Rus", "PROPN", 2, "obj", ""),
    ("oppakken", "op_pakken", "VERB", 2, "xcomp", "VerbForm=Inf"),
    (".", ".", "PUNCT", 2, "punct", ""),
]


def test_causative_laten_makes_the_one_who_lets_the_source() -> None:
    doc = make_doc(LATEN_OPPAKKEN, [(1, 1, "PER", "BLRGOV"), (4, 4, "MISC", "RUS")])
    ev = one(doc)
    assert (ev.plover, ev.cameo, ev.news_type) == ("COERCE", "173", "Justice.ArrestJail")
    assert ev.trigger_text == "oppakken"
    assert ev.source.actor == "BLRGOV" and ev.target.actor == "RUS"


AANGEHOUDEN = [
    ("Zeker", "zeker", "ADV", 2, "advmod", ""),
    ("774", "774", "NUM", 3, "nummod", ""),
    ("deelnemers", "deelnemer", "NOUN", 8, "nsubj:pass", ""),
    ("aan", "aan", "ADP", 6, "case", ""),
    ("het", "het", "DET", 6, "det", ""),
    ("protest", "protest", "NOUN", 3, "nmod", ""),
    ("werden", "worden", "AUX", 8, "aux:pass", FIN),
    ("aangehouden", "aan_houden", "VERB", 0, "root", PART),
    (".", ".", "PUNCT", 8, "punct", ""),
]


def test_passive_arrest_has_the_arrested_as_target_and_an_implicit_source() -> None:
    rows = AANGEHOUDEN[:-1] + [("in", "in", "ADP", 11, "case", ""), ("Minsk", "Minsk", "PROPN", 8, "obl", ""),
                               (".", ".", "PUNCT", 8, "punct", "")]
    doc = make_doc(rows, [(11, 11, "LOC", "BLR")], quantities=[(2, 2, 774.0, "count")])
    doc.entities[0].country = "BLR"
    ev = one(doc)
    assert ev.plover == "COERCE" and ev.news_type == "Justice.ArrestJail"
    assert ev.source is None
    assert ev.target is not None and ev.target.text.startswith("Zeker 774 deelnemers")
    assert ev.target.actor == "BLR"  # the participants of a protest in Minsk: the public of Belarus
    assert ev.quantities == [0]


def test_an_event_no_party_takes_part_in_is_news_without_cameo_or_plover() -> None:
    # "De bestuurder werd opgepakt": no name, no role, no country anywhere; domestic news, which GDELT
    # and PETRARCH leave uncoded
    rows = [("De", "de", "DET", 2, "det", ""), ("bestuurder", "bestuurder", "NOUN", 4, "nsubj:pass", ""),
            ("werd", "worden", "AUX", 4, "aux:pass", FIN), ("opgepakt", "op_pakken", "VERB", 0, "root", PART),
            (".", ".", "PUNCT", 4, "punct", "")]
    ev = one(make_doc(rows))
    assert ev.news_type == "Justice.ArrestJail" and ev.target is not None and ev.target.text == "De bestuurder"
    assert (ev.plover, ev.cameo, ev.goldstein, ev.quadclass) == (None, None, None, None)
    # a role is a party, whose country the article may leave implicit: "de oppositieleider werd opgepakt"
    rows[1] = ("oppositieleider", "oppositieleider", "NOUN", 4, "nsubj:pass", "")
    assert one(make_doc(rows)).plover == "COERCE"


def test_passive_with_door_makes_the_agent_the_source() -> None:
    rows = [
        ("De", "de", "DET", 2, "det", ""), ("betogers", "betoger", "NOUN", 4, "nsubj:pass", ""),
        ("werden", "worden", "AUX", 4, "aux:pass", FIN), ("aangehouden", "aan_houden", "VERB", 0, "root", PART),
        ("door", "door", "ADP", 7, "case", ""), ("de", "de", "DET", 7, "det", ""),
        ("oproerpolitie", "oproerpolitie", "NOUN", 4, "obl:agent", ""), (".", ".", "PUNCT", 4, "punct", ""),
    ]
    doc = make_doc(rows, [(2, 2, "MISC", "BLROPP"), (7, 7, "ORG", "BLRCOP")])
    ev = one(doc)
    assert ev.source.actor == "BLRCOP" and ev.target.text == "De betogers"


# an impersonal passive, as EventDNA reports it; the parser hung "werd" on as a copula
BETOOGD = [
    ("In", "in", "ADP", 2, "case", ""), ("Teheran", "Teheran", "PROPN", 4, "obl", ""),
    ("werd", "worden", "AUX", 4, "cop", FIN), ("betoogd", "betogen", "VERB", 0, "root", PART),
    ("tegen", "tegen", "ADP", 7, "case", ""), ("de", "de", "DET", 7, "det", ""),
    ("regering", "regering", "NOUN", 4, "obl", ""), ("van", "van", "ADP", 10, "case", ""),
    ("president", "president", "NOUN", 10, "nmod", ""), ("Rouhani", "Rouhani", "PROPN", 7, "nmod", ""),
    (".", ".", "PUNCT", 4, "punct", ""),
]


def test_impersonal_passive_protest_has_no_source_and_its_tegen_phrase_as_target() -> None:
    doc = make_doc(BETOOGD, [(2, 2, "LOC", "IRN"), (6, 7, "ORG", "IRNGOV"), (10, 10, "PER", "IRNGOV")])
    ev = one(doc)
    assert ev.plover == "PROTEST"
    assert ev.source is None  # the president is what is protested against, not the protester
    assert ev.target is not None and ev.target.actor == "IRNGOV" and ev.target.text.startswith("de regering")
    assert ev.location is not None and ev.location.text == "Teheran"


def test_coordinated_subjects_that_agree_act_on_each_other() -> None:
    rows = [
        ("Rusland", "Rusland", "PROPN", 4, "nsubj", ""), ("en", "en", "CCONJ", 3, "cc", ""),
        ("Belarus", "Belarus", "PROPN", 1, "conj", ""), ("kwamen", "overeen_komen", "VERB", 0, "root", FIN),
        ("overeen", "overeen", "ADP", 4, "compound:prt", ""), ("de", "de", "DET", 7, "det", ""),
        ("samenwerking", "samenwerking", "NOUN", 9, "obj", ""), ("te", "te", "ADP", 9, "mark", ""),
        ("versterken", "versterken", "VERB", 4, "xcomp", "VerbForm=Inf"), (".", ".", "PUNCT", 4, "punct", ""),
    ]
    doc = make_doc(rows, [(1, 1, "LOC", "RUS"), (3, 3, "LOC", "BLR")])
    evs = events(doc)
    agree = [e for e in evs if e.plover == "AGREE"]
    assert len(agree) == 1 and agree[0].trigger_text == "kwamen"
    assert agree[0].source.actor == "RUS" and agree[0].target.actor == "BLR"


def test_ontslag_nemen_has_a_news_type_but_no_plover_code() -> None:
    rows = [("Minister", "minister", "NOUN", 3, "nsubj", ""), ("Grapperhaus", "Grapperhaus", "PROPN", 1, "flat", ""),
            ("nam", "nemen", "VERB", 0, "root", FIN), ("ontslag", "ontslag", "NOUN", 3, "obj", ""),
            (".", ".", "PUNCT", 3, "punct", "")]
    ev = one(make_doc(rows, [(2, 2, "PER", "NLDGOV")]))
    assert ev.news_type == "Personnel.EndPosition"
    assert ev.plover is None and ev.cameo is None and ev.goldstein is None


def test_negation_makes_the_event_negated() -> None:
    rows = [("De", "de", "DET", 2, "det", ""), ("politie", "politie", "NOUN", 3, "nsubj", ""),
            ("arresteerde", "arresteren", "VERB", 0, "root", FIN), ("de", "de", "DET", 5, "det", ""),
            ("betogers", "betoger", "NOUN", 3, "obj", ""), ("niet", "niet", "ADV", 3, "advmod", ""),
            (".", ".", "PUNCT", 3, "punct", "")]
    ev = one(make_doc(rows))
    assert ev.plover == "COERCE" and ev.modality == "negated"


ZEI_DAT = [
    ("Poetin", "Poetin", "PROPN", 2, "nsubj", ""), ("zei", "zeggen", "VERB", 0, "root", FIN),
    ("dat", "dat", "SCONJ", 9, "mark", ""), ("Moskou", "Moskou", "PROPN", 9, "nsubj", ""),
    ("parachutisten", "parachutist", "NOUN", 9, "obj", ""), ("naar", "naar", "ADP", 7, "case", ""),
    ("Belarus", "Belarus", "PROPN", 9, "obl", ""), ("zal", "zullen", "AUX", 9, "aux", FIN),
    ("sturen", "sturen", "VERB", 2, "ccomp", "VerbForm=Inf"), (".", ".", "PUNCT", 2, "punct", ""),
]


def test_reporting_verb_is_no_event_but_attributes_the_reported_one() -> None:
    doc = make_doc(ZEI_DAT, [(1, 1, "PER", "RUSGOV"), (4, 4, "LOC", "RUS"), (7, 7, "LOC", "BLR")])
    ev = one(doc)
    assert ev.trigger_text == "sturen" and ev.plover == "MOBILIZE"
    assert ev.source.actor == "RUS" and ev.target.actor == "BLR"
    assert ev.modality == "intended"  # "zal": a plan, which outranks "reported"
    assert ev.attribution is not None and ev.attribution.actor == "RUSGOV"


def test_zei_alone_is_no_event() -> None:
    rows = [("Poetin", "Poetin", "PROPN", 2, "nsubj", ""), ("zei", "zeggen", "VERB", 0, "root", FIN),
            ("dat", "dat", "SCONJ", 5, "mark", ""), ("hij", "hij", "PRON", 5, "nsubj", ""),
            ("tevreden", "tevreden", "ADJ", 2, "ccomp", ""), ("was", "zijn", "AUX", 5, "cop", FIN),
            (".", ".", "PUNCT", 2, "punct", "")]
    assert events(make_doc(rows)) == []


def test_meldde_dat_makes_the_event_reported() -> None:
    rows = [("Het", "het", "DET", 2, "det", ""), ("Kremlin", "Kremlin", "PROPN", 3, "nsubj", ""),
            ("meldde", "melden", "VERB", 0, "root", FIN), ("dat", "dat", "SCONJ", 9, "mark", ""),
            ("de", "de", "DET", 6, "det", ""), ("presidenten", "president", "NOUN", 9, "nsubj", ""),
            ("de", "de", "DET", 8, "det", ""), ("energievoorziening", "energievoorziening", "NOUN", 9, "obj", ""),
            ("bespraken", "bespreken", "VERB", 3, "ccomp", FIN), (".", ".", "PUNCT", 3, "punct", "")]
    ev = one(make_doc(rows, [(2, 2, "ORG", "RUSGOV")]))
    assert ev.plover == "CONSULT" and ev.modality == "reported"
    assert ev.attribution.actor == "RUSGOV"


def test_volgens_attributes_the_event_to_its_object() -> None:
    rows = [("Volgens", "volgens", "ADP", 2, "case", ""), ("Poetin", "Poetin", "PROPN", 3, "obl", ""),
            ("arresteerde", "arresteren", "VERB", 0, "root", FIN), ("Belarus", "Belarus", "PROPN", 3, "nsubj", ""),
            ("tientallen", "tientallen", "NUM", 6, "nummod", ""), ("Russen", "Rus", "PROPN", 3, "obj", ""),
            (".", ".", "PUNCT", 3, "punct", "")]
    ev = one(make_doc(rows, [(2, 2, "PER", "RUSGOV"), (4, 4, "LOC", "BLR"), (6, 6, "MISC", "RUS")]))
    assert ev.modality == "reported" and ev.attribution.actor == "RUSGOV"
    assert ev.source.actor == "BLR" and ev.target.actor == "RUS"


def test_conditional_clause_is_hypothetical() -> None:
    rows = [("Als", "als", "SCONJ", 4, "mark", ""), ("Rusland", "Rusland", "PROPN", 4, "nsubj", ""),
            ("Belarus", "Belarus", "PROPN", 4, "obj", ""), ("aanvalt", "aan_vallen", "VERB", 7, "advcl", FIN),
            (",", ",", "PUNCT", 4, "punct", ""), ("volgen", "volgen", "VERB", 7, "aux", FIN),
            ("sancties", "sanctie", "NOUN", 0, "root", ""), (".", ".", "PUNCT", 7, "punct", "")]
    ev = one(make_doc(rows, [(2, 2, "LOC", "RUS"), (3, 3, "LOC", "BLR")]))
    assert ev.plover == "ASSAULT" and ev.modality == "hypothetical"
    assert ev.source.actor == "RUS" and ev.target.actor == "BLR"


def test_threatened_refused_and_called_for_attacks_are_not_asserted() -> None:
    def attack(control: tuple[str, str], rel: str, om: bool) -> str:
        rows = [("De", "de", "DET", 2, "det", ""), ("rebellen", "rebel", "NOUN", 3, "nsubj", ""),
                (control[0], control[1], "VERB", 0, "root", FIN)]
        if om:
            rows.append(("om", "om", "SCONJ", 8, "mark", ""))
        n = len(rows)
        rows += [("de", "de", "DET", n + 2, "det", ""), ("hoofdstad", "hoofdstad", "NOUN", n + 5, "obj", ""),
                 ("Kaboel", "Kaboel", "PROPN", n + 2, "appos", ""),
                 ("aan", "aan", "ADP", n + 6, "compound:prt", ""), ("te", "te", "ADP", n + 6, "mark", ""),
                 ("vallen", "aan_vallen", "VERB", 3, rel, "VerbForm=Inf"), (".", ".", "PUNCT", 3, "punct", "")]
        ev = one(make_doc(rows, [(n + 3, n + 3, "LOC", "AFG")]), "ASSAULT")
        if not om:  # subject control: the rebels would attack; after "vragen om" someone else would
            assert ev.source is not None and ev.source.text == "De rebellen"
        return ev.modality

    assert attack(("dreigden", "dreigen"), "xcomp", om=False) == "intended"
    assert attack(("weigerden", "weigeren"), "xcomp", om=False) == "negated"
    assert attack(("vroegen", "vragen"), "advcl", om=True) == "hypothetical"
    assert attack(("probeerden", "proberen"), "xcomp", om=False) == "asserted"  # an attempt was made


def test_als_before_a_bare_noun_is_no_condition() -> None:
    rows = [("Als", "als", "SCONJ", 2, "mark", ""), ("tegenmaatregel", "tegenmaatregel", "NOUN", 7, "advcl", ""),
            ("heeft", "hebben", "AUX", 7, "aux", FIN), ("Rusland", "Rusland", "PROPN", 7, "nsubj", ""),
            ("twee", "twee", "NUM", 6, "nummod", ""), ("diplomaten", "diplomaat", "NOUN", 7, "obj", ""),
            ("uitgewezen", "uit_wijzen", "VERB", 0, "root", PART), (".", ".", "PUNCT", 7, "punct", "")]
    ev = one(make_doc(rows, [(4, 4, "LOC", "RUS")]))
    assert (ev.plover, ev.modality) == ("SANCTION", "asserted")  # "as a countermeasure", not "if"


def test_what_a_meeting_is_about_is_no_party_to_it() -> None:
    rows = [("De", "de", "DET", 2, "det", ""), ("ministers", "minister", "NOUN", 3, "nsubj", ""),
            ("vergaderden", "vergaderen", "VERB", 0, "root", FIN), ("over", "over", "ADP", 5, "case", ""),
            ("Rusland", "Rusland", "PROPN", 3, "obl", ""), (".", ".", "PUNCT", 3, "punct", "")]
    ev = one(make_doc(rows, [(5, 5, "LOC", "RUS")]))
    assert ev.plover == "CONSULT"
    assert all(a is None or a.actor != "RUS" for a in (ev.source, ev.target))


def test_a_particle_the_lemmatiser_guessed_is_not_written_so_no_particle_verb() -> None:
    # Flemish "gewezen" (former) lemmatised as af_wijzen; the only "af" belongs to "luisterden"
    rows = [("Speurders", "speurder", "NOUN", 2, "nsubj", ""), ("luisterden", "luisteren", "VERB", 0, "root", FIN),
            ("de", "de", "DET", 5, "det", ""), ("gewezen", "af_wijzen", "VERB", 5, "acl", PART),
            ("minister", "minister", "NOUN", 2, "obj", ""), ("af", "af", "ADP", 2, "compound:prt", ""),
            (".", ".", "PUNCT", 2, "punct", "")]
    assert [e.trigger_text for e in events(make_doc(rows)) if e.cameo] == []
    written = [("Het", "het", "DET", 2, "det", ""), ("parlement", "parlement", "NOUN", 3, "nsubj", ""),
               ("wees", "af_wijzen", "VERB", 0, "root", FIN), ("het", "het", "DET", 5, "det", ""),
               ("voorstel", "voorstel", "NOUN", 3, "obj", ""), ("af", "af", "ADP", 3, "compound:prt", ""),
               (".", ".", "PUNCT", 3, "punct", "")]
    assert one(make_doc(written)).plover == "REJECT"


def test_coordinated_participles_share_the_passive_its_subject_and_agent() -> None:
    rows = [("De", "de", "DET", 2, "det", ""), ("journalist", "journalist", "NOUN", 4, "nsubj:pass", ""),
            ("werd", "worden", "AUX", 4, "aux:pass", FIN), ("ontvoerd", "ontvoeren", "VERB", 0, "root", PART),
            ("en", "en", "CCONJ", 6, "cc", ""), ("gedood", "doden", "VERB", 4, "conj", PART),
            ("door", "door", "ADP", 8, "case", ""), ("rebellen", "rebel", "NOUN", 4, "obl:agent", ""),
            (".", ".", "PUNCT", 4, "punct", "")]
    doc = make_doc(rows)
    for ev in events(doc):
        assert ev.target is not None and ev.target.text == "De journalist", ev.trigger_text
        assert ev.source is not None and ev.source.text == "rebellen", ev.trigger_text
    assert {e.trigger_text for e in events(doc)} == {"ontvoerd", "gedood"}


def test_the_reflexive_zich_is_no_target() -> None:
    rows = [("Trump", "Trump", "PROPN", 2, "nsubj", ""), ("verontschuldigt", "verontschuldigen", "VERB", 0, "root", FIN),
            ("zich", "zich", "PRON", 2, "obj", ""), (".", ".", "PUNCT", 2, "punct", "")]
    ev = one(make_doc(rows, [(1, 1, "PER", "USAGOV")]))
    assert ev.plover == "SUPPORT" and ev.source.actor == "USAGOV" and ev.target is None


def test_a_name_the_tagger_took_for_a_verb_is_still_an_actor() -> None:
    # "IS" tagged as the copula "is", the tree in pieces: word order finds the group as the source
    rows = [("IS", "zijn", "AUX", 3, "cop", ""), ("eist", "eisen", "VERB", 3, "amod", ""),
            ("verantwoordelijkheid", "verantwoordelijkheid", "NOUN", 0, "root", ""), ("op", "op", "ADP", 3, "nmod", ""),
            (".", ".", "PUNCT", 3, "punct", "")]
    ev = one(make_doc(rows, [(1, 1, "ORG", "IMGMUSISI")]))
    assert ev.cameo == "015" and ev.source is not None and ev.source.actor == "IMGMUSISI"


def test_relative_clause_subject_is_the_noun_it_hangs_on() -> None:
    rows = [("Lukashenko", "Lukashenko", "PROPN", 0, "root", ""), (",", ",", "PUNCT", 4, "punct", ""),
            ("die", "die", "PRON", 4, "nsubj", "PronType=Rel"), ("bedankte", "bedanken", "VERB", 1, "acl:relcl", FIN),
            ("Poetin", "Poetin", "PROPN", 4, "obj", ""), (".", ".", "PUNCT", 1, "punct", "")]
    ev = one(make_doc(rows, [(1, 1, "PER", "BLRGOV"), (5, 5, "PER", "RUSGOV")]))
    assert ev.plover == "SUPPORT" and ev.source.actor == "BLRGOV" and ev.target.actor == "RUSGOV"


def test_coordinated_verb_borrows_the_subject_and_a_pronoun_resolves_by_coreference() -> None:
    rows = [("Lukashenko", "Lukashenko", "PROPN", 2, "nsubj", ""), ("bedankte", "bedanken", "VERB", 0, "root", FIN),
            ("Poetin", "Poetin", "PROPN", 2, "obj", ""), ("en", "en", "CCONJ", 5, "cc", ""),
            ("blokkeerde", "blokkeren", "VERB", 2, "conj", FIN), ("de", "de", "DET", 7, "det", ""),
            ("grens", "grens", "NOUN", 5, "obj", ""), (";", ";", "PUNCT", 9, "punct", ""),
            ("hij", "hij", "PRON", 2, "parataxis", ""), ("beloofde", "beloven", "VERB", 9, "acl", FIN),
            (".", ".", "PUNCT", 2, "punct", "")]
    doc = make_doc(rows, [(1, 1, "PER", "BLRGOV"), (3, 3, "PER", "RUSGOV")])
    evs = {e.trigger_text: e for e in events(doc)}
    assert evs["bedankte"].source.actor == "BLRGOV"
    assert evs["blokkeerde"].plover == "PROTEST" and evs["blokkeerde"].source.actor == "BLRGOV"


def test_pronoun_subject_takes_its_actor_from_coreference() -> None:
    rows = [("Daarna", "daarna", "ADV", 2, "advmod", ""), ("beloofde", "beloven", "VERB", 0, "root", FIN),
            ("hij", "hij", "PRON", 2, "nsubj", ""), ("Poetin", "Poetin", "PROPN", 2, "iobj", ""),
            ("steun", "steun", "NOUN", 2, "obj", ""), (".", ".", "PUNCT", 2, "punct", "")]
    doc = make_doc(rows, [(4, 4, "PER", "RUSGOV")])
    # the entities layer resolved "hij" to Lukashenko, mentioned in an earlier sentence
    luk = Entity("e9", "PER", "Alexander Lukashenko", actor="BLRGOV")
    hij = Mention(doc.tokens[2].start, doc.tokens[2].end, "hij", "PER", source="coref", entity="e9")
    luk.mentions.append(hij)
    doc.entities.append(luk)
    doc.mentions.append(hij)
    ev = one(doc)
    assert ev.plover == "AGREE" and ev.modality == "intended"
    assert ev.source.entity == "e9" and ev.source.actor == "BLRGOV" and ev.target.actor == "RUSGOV"


def test_event_without_a_time_expression_gets_the_honest_document_interval() -> None:
    doc = make_doc(LATEN_OPPAKKEN, date="2020-09")
    ev = one(doc)
    lo, hi = ev.time["earliest"], ev.time["latest"]
    assert lo <= "2020-09-01" and hi >= "2020-09-30" and ev.time["value"] is None
    day = one(make_doc(LATEN_OPPAKKEN, date="2020-09-14"))
    assert day.time["earliest"] <= "2020-09-14" <= day.time["latest"]


def test_every_coded_event_agrees_with_the_plover_table() -> None:
    from kroniek.events.codebook import codebook

    zei = make_doc(ZEI_DAT, [(1, 1, "PER", "RUSGOV"), (4, 4, "LOC", "RUS"), (7, 7, "LOC", "BLR")])
    coded = [e for e in events(zei) + events(make_doc(STRAAT_OP)) + events(make_doc(AANGEHOUDEN)) if e.cameo]
    assert len(coded) == 3
    for e in coded:
        assert codebook()[e.cameo].plover == e.plover


def test_precision_former_dead_and_prosecutors_demands_are_no_plover_events() -> None:
    gewezen = [("Speurders", "speurder", "NOUN", 2, "nsubj", ""), ("luisterden", "luisteren", "VERB", 0, "root", FIN),
               ("de", "de", "DET", 5, "det", ""), ("gewezen", "gewezen", "ADJ", 5, "amod", ""),
               ("campagneleider", "campagneleider", "NOUN", 2, "obj", ""), ("af", "af", "ADP", 2, "compound:prt", ""),
               (".", ".", "PUNCT", 2, "punct", "")]
    assert events(make_doc(gewezen)) == []
    doden = [("235", "235", "NUM", 2, "nummod", ""), ("doden", "dood", "NOUN", 0, "root", ""),
             ("bij", "bij", "ADP", 4, "case", ""), ("aanslag", "aanslag", "NOUN", 2, "nmod", "")]
    assert [e for e in events(make_doc(doden)) if e.plover] == []
    eis = [("Het", "het", "DET", 2, "det", ""), ("OM", "OM", "PROPN", 3, "nsubj", ""),
           ("eiste", "eisen", "VERB", 0, "root", FIN), ("een", "een", "DET", 5, "det", ""),
           ("celstraf", "celstraf", "NOUN", 3, "obj", ""), (".", ".", "PUNCT", 3, "punct", "")]
    ev = one(make_doc(eis))
    assert ev.plover is None and ev.news_type == "Justice.TrialHearing"


def test_protesters_in_coordination_do_not_protest_against_each_other() -> None:
    rows = [("Joden", "jood", "NOUN", 4, "nsubj", ""), ("en", "en", "CCONJ", 3, "cc", ""),
            ("moslims", "moslim", "NOUN", 1, "conj", ""), ("protesteren", "protesteren", "VERB", 0, "root", FIN),
            ("tegen", "tegen", "ADP", 7, "case", ""), ("het", "het", "DET", 7, "det", ""),
            ("voorstel", "voorstel", "NOUN", 4, "obl", ""), (".", ".", "PUNCT", 4, "punct", "")]
    evs = events(make_doc(rows, [(1, 1, "MISC", "ISR"), (3, 3, "MISC", "PSE")]))
    # each coordinated group protests, as petrarch2 codes compound actors; neither against the other
    assert [(e.plover, e.source.text) for e in evs] == [("PROTEST", "Joden"), ("PROTEST", "moslims")]
    assert all(e.target is None or e.target.text not in ("Joden", "moslims") for e in evs)


def test_without_a_parse_reporting_and_volgens_still_attribute() -> None:
    doc = make_doc(ZEI_DAT, [(1, 1, "PER", "RUSGOV"), (4, 4, "LOC", "RUS"), (7, 7, "LOC", "BLR")], parse=False)
    ev = one(doc)
    assert ev.trigger_text == "sturen" and ev.attribution is not None and ev.attribution.actor == "RUSGOV"
    assert ev.source.actor == "RUS" and ev.target.actor == "BLR"
    rows = [("Volgens", "volgens", "", 0, "", ""), ("Poetin", "Poetin", "", 0, "", ""),
            ("arresteerde", "arresteren", "", 0, "", ""), ("Belarus", "Belarus", "", 0, "", ""),
            ("tientallen", "tientallen", "", 0, "", ""), ("Russen", "Rus", "", 0, "", ""), (".", ".", "", 0, "", "")]
    ev = one(make_doc(rows, [(2, 2, "PER", "RUSGOV"), (4, 4, "LOC", "BLR"), (6, 6, "MISC", "RUS")], parse=False))
    assert ev.modality == "reported" and ev.attribution.actor == "RUSGOV"
    assert ev.source.actor == "BLR" and ev.target.actor == "RUS"


def test_pluperfect_and_plans_open_the_document_interval_honestly() -> None:
    had = [("Hij", "hij", "PRON", 5, "nsubj", ""), ("had", "hebben", "AUX", 5, "aux", "Tense=Past|VerbForm=Fin"),
           ("tientallen", "tientallen", "NUM", 4, "nummod", ""), ("Russen", "Rus", "PROPN", 5, "obj", ""),
           ("laten", "laten", "VERB", 0, "root", "VerbForm=Inf"), ("oppakken", "op_pakken", "VERB", 5, "xcomp", "VerbForm=Inf"),
           (".", ".", "PUNCT", 5, "punct", "")]
    ev = one(make_doc(had, [(4, 4, "MISC", "RUS")], date="2020-09"))
    assert ev.plover == "COERCE"
    assert ev.time["earliest"] is None and ev.time["latest"] >= "2020-09-30"
    ev = one(make_doc(ZEI_DAT, date="2020-09"))
    assert ev.trigger_text == "sturen" and ev.time["latest"] is None and ev.time["earliest"] <= "2020-09-01"


def test_expelled_diplomats_are_the_target_and_signing_parties_each_others() -> None:
    rows = [("Rusland", "Rusland", "PROPN", 5, "nsubj", ""), ("heeft", "hebben", "AUX", 5, "aux", FIN),
            ("twee", "twee", "NUM", 4, "nummod", ""), ("diplomaten", "diplomaat", "NOUN", 5, "obj", ""),
            ("uitgezet", "uit_zetten", "VERB", 0, "root", PART), (".", ".", "PUNCT", 5, "punct", "")]
    ev = one(make_doc(rows, [(1, 1, "LOC", "RUS"), (3, 4, "PER", "NLDGOV")]))
    assert (ev.plover, ev.cameo) == ("SANCTION", "166")
    assert ev.source.actor == "RUS" and ev.target.actor == "NLDGOV"
    rows = [("China", "China", "PROPN", 7, "nsubj", ""), ("en", "en", "CCONJ", 3, "cc", ""),
            ("Amerika", "Amerika", "PROPN", 1, "conj", ""), ("hebben", "hebben", "AUX", 7, "aux", FIN),
            ("een", "een", "DET", 6, "det", ""), ("handelsakkoord", "handelsakkoord", "NOUN", 7, "obj", ""),
            ("gesloten", "sluiten", "VERB", 0, "root", PART), (".", ".", "PUNCT", 7, "punct", "")]
    ev = one(make_doc(rows, [(1, 1, "LOC", "CHN"), (3, 3, "LOC", "USA")]))
    assert (ev.plover, ev.cameo) == ("SUPPORT", "057")  # "akkoord" found inside the compound
    assert ev.source.actor == "CHN" and ev.target.actor == "USA"


def test_de_twee_leiders_are_the_last_two_leaders_of_different_countries() -> None:
    rows = [("Poetin", "Poetin", "PROPN", 2, "nsubj", ""), ("ontving", "ontvangen", "VERB", 0, "root", FIN),
            ("Lukashenko", "Lukashenko", "PROPN", 2, "obj", ""), (".", ".", "PUNCT", 2, "punct", ""),
            ("De", "de", "DET", 7, "det", ""), ("twee", "twee", "NUM", 7, "nummod", ""),
            ("leiders", "leider", "NOUN", 8, "nsubj", ""), ("spraken", "spreken", "VERB", 0, "root", FIN),
            ("elkaar", "elkaar", "PRON", 8, "obj", ""), (".", ".", "PUNCT", 8, "punct", "")]
    doc = make_doc(rows, [(1, 1, "PER", "RUSGOV"), (3, 3, "PER", "BLRGOV")])
    # two sentences (the heads above are document-wide already)
    for t in doc.tokens[4:]:
        t.sent = 1
    doc.sentences = [Sentence(0, doc.tokens[3].end, 0, 4), Sentence(doc.tokens[4].start, len(doc.text), 4, 10)]
    ev = one(doc)
    assert ev.plover == "CONSULT" and ev.trigger_text == "spraken"
    assert {ev.source.actor, ev.target.actor} == {"RUSGOV", "BLRGOV"}


def test_a_date_the_parser_made_subject_is_never_the_actor():
    # "Maandag beloofde Lukashenko steun." misparsed: the weekday as subject, the name as object
    doc = make_doc(
        [("Maandag", "maandag", "PROPN", 2, "nsubj", ""),
         ("beloofde", "beloven", "VERB", 0, "root", FIN),
         ("Lukashenko", "Lukashenko", "PROPN", 2, "obj", ""),
         ("steun", "steun", "NOUN", 2, "obj", ""),
         (".", ".", "PUNCT", 2, "punct", "")],
        entities=[(3, 3, "PER", "BLRGOV")],
        times=[(1, 1, "DATE", "2020-09-14", "2020-09-14", "2020-09-14")],
    )
    ev = one(doc, "AGREE")
    assert ev.source is None or ev.source.text != "Maandag"
    assert ev.target is None or ev.target.text != "Maandag"
    assert ev.time["value"] == "2020-09-14"


def test_an_actor_opening_the_sentence_is_the_subject_when_the_parser_put_the_subject_after_the_verb() -> None:
    # the parse the shipped model gives "Rusland viel Oekraïne aan": Rusland as a fronted object
    rows = [
        ("Rusland", "Rusland", "PROPN", 2, "obj", ""),
        ("viel", "vallen", "VERB", 0, "root", FIN),
        ("Oekraïne", "Oekraïne", "PROPN", 2, "nsubj", ""),
        ("aan", "aan", "ADP", 2, "compound:prt", ""),
        (".", ".", "PUNCT", 2, "punct", ""),
    ]
    ev = one(make_doc(rows, [(1, 1, "LOC", "RUS"), (3, 3, "LOC", "UKR")]))
    assert (ev.source.actor, ev.target.actor) == ("RUS", "UKR")


def test_a_fronted_pronoun_object_stays_the_object() -> None:
    rows = [
        ("Hem", "hem", "PRON", 2, "obj", ""),
        ("steunde", "steunen", "VERB", 0, "root", FIN),
        ("Poetin", "Poetin", "PROPN", 2, "nsubj", ""),
        ("niet", "niet", "ADV", 2, "advmod", ""),
        (".", ".", "PUNCT", 2, "punct", ""),
    ]
    ev = one(make_doc(rows, [(3, 3, "PER", "RUSGOV")]))
    assert ev.source.actor == "RUSGOV" and ev.source.text == "Poetin"


def test_a_fronted_time_is_no_subject() -> None:
    rows = [
        ("Maandag", "maandag", "NOUN", 2, "obl", ""),
        ("bekritiseerde", "bekritiseren", "VERB", 0, "root", FIN),
        ("Poetin", "Poetin", "PROPN", 2, "nsubj", ""),
        ("Loekasjenko", "Loekasjenko", "PROPN", 2, "obj", ""),
        (".", ".", "PUNCT", 2, "punct", ""),
    ]
    ev = one(make_doc(rows, [(3, 3, "PER", "RUSGOV"), (4, 4, "PER", "BLRGOV")]))
    assert (ev.source.actor, ev.target.actor) == ("RUSGOV", "BLRGOV")


# ---------------------------------------------------------------- received: "X kreeg kritiek van Y"
KRITIEK_KRIJGEN = [
    ("Minister", "minister", "NOUN", 3, "nsubj", ""),
    ("Yeşilgöz", "Yeşilgöz", "PROPN", 1, "appos", ""),
    ("kreeg", "krijgen", "VERB", 0, "root", FIN),
    ("kritiek", "kritiek", "NOUN", 3, "obj", ""),
    ("van", "van", "ADP", 7, "case", ""),
    ("de", "de", "DET", 7, "det", ""),
    ("oppositie", "oppositie", "NOUN", 4, "nmod", ""),
    (".", ".", "PUNCT", 3, "punct", ""),
]


def test_the_subject_of_a_received_frame_undergoes_it_and_van_names_who_acts() -> None:
    doc = make_doc(KRITIEK_KRIJGEN, [(1, 2, "PER", "NLDGOV")])
    ev = one(doc, "ACCUSE")
    assert (ev.trigger_text, ev.cameo) == ("kreeg", "111")
    assert ev.source.text == "de oppositie" and ev.target.actor == "NLDGOV"


def test_an_amount_after_van_is_no_actor_of_a_received_frame() -> None:
    rows = [
        ("Meta", "Meta", "PROPN", 2, "nsubj", ""),
        ("kreeg", "krijgen", "VERB", 0, "root", FIN),
        ("een", "een", "DET", 4, "det", ""),
        ("boete", "boete", "NOUN", 2, "obj", ""),
        ("van", "van", "ADP", 7, "case", ""),
        ("1,2", "1,2", "NUM", 7, "nummod", ""),
        ("miljard", "miljard", "NUM", 4, "nmod", ""),
        ("euro", "euro", "NOUN", 7, "flat", ""),
        ("van", "van", "ADP", 11, "case", ""),
        ("de", "de", "DET", 11, "det", ""),
        ("Commissie", "Commissie", "PROPN", 2, "obl", ""),
        (".", ".", "PUNCT", 2, "punct", ""),
    ]
    doc = make_doc(rows, [(1, 1, "ORG", None), (10, 11, "ORG", "IGOEEC")], quantities=[(6, 8, 1.2e9, "money")])
    (ev,) = [e for e in events(doc) if e.news_type == "Justice.Fine"]
    assert ev.source.actor == "IGOEEC" and ev.target.text == "Meta"


def test_krijgen_without_a_received_frame_word_is_no_event() -> None:
    rows = [(f, lemma, u, h, r, x) for f, lemma, u, h, r, x in KRITIEK_KRIJGEN]
    rows[3] = ("een", "een", "DET", 5, "det", "")
    rows[4:7] = [("brief", "brief", "NOUN", 3, "obj", ""), ("van", "van", "ADP", 7, "case", ""),
                 ("oppositie", "oppositie", "NOUN", 5, "nmod", "")]
    assert not [e for e in events(make_doc(rows, [(1, 2, "PER", "NLDGOV")])) if e.cameo]


def test_the_phrase_of_a_frame_preposition_is_the_target():
    rows = [
        ("Een", "een", "DET", 2, "det", ""),
        ("man", "man", "NOUN", 3, "nsubj", ""),
        ("reed", "rijden", "VERB", 0, "root", FIN),
        ("in", "in", "ADP", 3, "compound:prt", ""),
        ("op", "op", "ADP", 7, "case", ""),
        ("Britse", "Brits", "ADJ", 7, "amod", ""),
        ("militairen", "militair", "NOUN", 3, "obl", ""),
        (".", ".", "PUNCT", 3, "punct", ""),
    ]
    (ev,) = [e for e in events(make_doc(rows, [(6, 7, "MISC", "GBRMIL")])) if e.plover == "ASSAULT"]
    assert ev.target is not None and ev.target.actor == "GBRMIL"


OPROEPEN = [
    ("Het", "het", "DET", 2, "det", ""),
    ("Kremlin", "Kremlin", "PROPN", 5, "nsubj", ""),
    ("heeft", "hebben", "AUX", 5, "aux", FIN),
    ("Londen", "Londen", "PROPN", 5, "obj", ""),
    ("opgeroepen", "op_roepen", "VERB", 0, "root", PART),
    ("zich", "zich", "PRON", 8, "obj", ""),
    ("te", "te", "ADP", 8, "mark", ""),
    ("verontschuldigen", "verontschuldigen", "VERB", 5, "ccomp", "VerbForm=Inf"),
    ("nu", "nu", "SCONJ", 13, "mark", ""),
    ("Porton", "Porton", "PROPN", 13, "nsubj", ""),
    ("geen", "geen", "DET", 12, "det", ""),
    ("bewijs", "bewijs", "NOUN", 13, "obj", ""),
    ("heeft", "hebben", "VERB", 8, "advcl", FIN),
    (".", ".", "PUNCT", 5, "punct", ""),
]


def test_the_object_of_an_appeal_is_who_would_act_and_a_negation_below_the_clause_negates_nothing() -> None:
    doc = make_doc(OPROEPEN, [(2, 2, "ORG", "RUSGOV"), (4, 4, "LOC", "GBR")])
    apology = one(doc, "SUPPORT")
    assert apology.trigger_text == "verontschuldigen"
    assert apology.source.actor == "GBR"  # London would apologise, not the Kremlin
    assert apology.modality == "hypothetical"  # asked for, not done
    appeal = next(e for e in events(doc) if e.trigger_text == "opgeroepen")
    assert (appeal.source.actor, appeal.target.actor) == ("RUSGOV", "GBR")
    assert appeal.modality == "asserted"  # "geen bewijs" is in the nu-clause


def test_a_subject_control_verb_keeps_its_subject_as_who_acts() -> None:
    rows = [
        ("Poetin", "Poetin", "PROPN", 2, "nsubj", ""),
        ("beloofde", "beloven", "VERB", 0, "root", FIN),
        ("Loekasjenko", "Loekasjenko", "PROPN", 2, "iobj", ""),
        ("troepen", "troep", "NOUN", 6, "obj", ""),
        ("te", "te", "ADP", 6, "mark", ""),
        ("sturen", "sturen", "VERB", 2, "xcomp", "VerbForm=Inf"),
        (".", ".", "PUNCT", 2, "punct", ""),
    ]
    doc = make_doc(rows, [(1, 1, "PER", "RUSGOV"), (3, 3, "PER", "BLRGOV")])
    send = one(doc, "MOBILIZE")
    assert send.source.actor == "RUSGOV"


def test_a_present_participle_attribute_is_no_event() -> None:
    rows = [
        ("het", "het", "DET", 3, "det", ""),
        ("aanhoudend", "aan_houden", "VERB", 3, "amod", "VerbForm=Part|Tense=Pres"),
        ("protest", "protest", "NOUN", 0, "root", ""),
        ("tegen", "tegen", "ADP", 6, "case", ""),
        ("de", "de", "DET", 6, "det", ""),
        ("regering", "regering", "NOUN", 3, "nmod", ""),
        ("in", "in", "ADP", 8, "case", ""),
        ("Teheran", "Teheran", "PROPN", 6, "nmod", ""),
    ]
    doc = make_doc(rows, [(8, 8, "LOC", "IRN")])
    assert [e.plover for e in events(doc) if e.plover == "COERCE"] == []  # ongoing, no arrest


def test_an_arrest_warrant_issued_against_someone_is_coercion_of_them() -> None:
    rows = [
        ("Duterte", "Duterte", "PROPN", 4, "nsubj", ""),
        ("heeft", "hebben", "AUX", 4, "aux", FIN),
        ("aanhoudingsbevel", "aanhoudingsbevel", "NOUN", 4, "obj", ""),
        ("uitgevaardigd", "uitvaardigen", "VERB", 0, "root", PART),
        ("tegen", "tegen", "ADP", 6, "case", ""),
        ("Trillanes", "Trillanes", "PROPN", 4, "obl", ""),
        (".", ".", "PUNCT", 4, "punct", ""),
    ]
    ev = one(make_doc(rows, [(1, 1, "PER", "PHLGOV"), (6, 6, "PER", "PHLLEG")]), "COERCE")
    assert (ev.source.actor, ev.target.actor) == ("PHLGOV", "PHLLEG")


def test_an_actor_opening_a_clause_after_a_colon_is_the_subject_the_parser_put_after_the_verb() -> None:
    rows = [
        ("Opvallend", "opvallend", "ADJ", 0, "root", ""),
        (":", ":", "PUNCT", 1, "punct", ""),
        ("Rusland", "Rusland", "PROPN", 4, "obj", ""),
        ("bombardeert", "bombarderen", "VERB", 1, "parataxis", FIN),
        ("rebellen", "rebel", "NOUN", 4, "nsubj", ""),
        ("in", "in", "ADP", 7, "case", ""),
        ("Syrië", "Syrië", "PROPN", 4, "obl", ""),
        (".", ".", "PUNCT", 1, "punct", ""),
    ]
    ev = one(make_doc(rows, [(3, 3, "LOC", "RUS"), (5, 5, "ORG", "SYRREB"), (7, 7, "LOC", "SYR")]), "ASSAULT")
    assert (ev.source.actor, ev.target.actor) == ("RUS", "SYRREB")


def test_a_measure_in_the_passive_announced_by_a_government_is_that_government_s() -> None:
    rows = [
        ("De", "de", "DET", 2, "det", ""),
        ("handel", "handel", "NOUN", 4, "nsubj:pass", ""),
        ("wordt", "worden", "AUX", 4, "aux:pass", FIN),
        ("bevroren", "bevriezen", "VERB", 0, "root", PART),
        (",", ",", "PUNCT", 7, "punct", ""),
        ("zo", "zo", "ADV", 7, "advmod", ""),
        ("meldt", "melden", "VERB", 4, "parataxis", FIN),
        ("het", "het", "DET", 10, "det", ""),
        ("Saudische", "Saudisch", "ADJ", 10, "amod", ""),
        ("ministerie", "ministerie", "NOUN", 7, "nsubj", ""),
        (".", ".", "PUNCT", 4, "punct", ""),
    ]
    doc = make_doc(rows, [(8, 10, "ORG", "SAUGOV")])
    ev = one(doc, "COERCE")
    assert ev.source is not None and ev.source.actor == "SAUGOV"
    # a newspaper that reports a measure did not take it: no party is left, so no coded event
    media = make_doc(rows[:7] + [("de", "de", "DET", 10, "det", ""), ("Saudische", "Saudisch", "ADJ", 10, "amod", ""),
                                 ("krant", "krant", "NOUN", 7, "nsubj", "")] + rows[10:], [(8, 10, "ORG", "SAUMED")])
    assert [e for e in events(media) if e.plover] == []


def test_an_om_te_infinitive_takes_the_main_clause_subject_and_a_target_word_its_owner_after_van() -> None:
    rows = [
        ("Madrid", "Madrid", "PROPN", 2, "nsubj", ""),
        ("dreigt", "dreigen", "VERB", 0, "root", FIN),
        ("om", "om", "ADP", 10, "mark", ""),
        ("de", "de", "DET", 5, "det", ""),
        ("autonomie", "autonomie", "NOUN", 10, "obj", ""),
        ("van", "van", "ADP", 7, "case", ""),
        ("Catalonië", "Catalonië", "PROPN", 5, "nmod", ""),
        ("op", "op", "ADP", 10, "compound:prt", ""),
        ("te", "te", "ADP", 10, "mark", ""),
        ("schorten", "op_schorten", "VERB", 2, "advcl", "VerbForm=Inf"),
        (".", ".", "PUNCT", 2, "punct", ""),
    ]
    ev = one(make_doc(rows, [(1, 1, "LOC", "ESP"), (7, 7, "LOC", "ESP")]), "COERCE")
    assert ev.source.actor == "ESP" and ev.target.actor == "ESP" and ev.target.text == "Catalonië"


def test_a_participle_the_lemmatiser_left_in_a_particle_lemma_still_finds_its_verb() -> None:
    rows = [
        ("Greenpeace", "Greenpeace", "PROPN", 5, "nsubj", ""),
        ("heeft", "hebben", "AUX", 5, "aux", FIN),
        ("een", "een", "DET", 4, "det", ""),
        ("zaak", "zaak", "NOUN", 5, "obj", ""),
        ("ingespannen", "in_gespannen", "VERB", 0, "root", PART),
        ("tegen", "tegen", "ADP", 8, "case", ""),
        ("de", "de", "DET", 8, "det", ""),
        ("staat", "staat", "NOUN", 5, "obl", ""),
        (".", ".", "PUNCT", 5, "punct", ""),
    ]
    ev = one(make_doc(rows, [(1, 1, "ORG", "NGO")]), "ACCUSE")
    assert ev.cameo == "115"


def test_a_visit_without_a_named_host_is_to_the_country_of_its_place_but_not_at_home() -> None:
    rows = [
        ("Porosjenko", "Porosjenko", "PROPN", 4, "nsubj", ""),
        ("is", "zijn", "AUX", 4, "cop", FIN),
        ("op", "op", "ADP", 4, "case", ""),
        ("bezoek", "bezoek", "NOUN", 0, "root", ""),
        ("in", "in", "ADP", 6, "case", ""),
        ("Berlijn", "Berlijn", "PROPN", 4, "nmod", ""),
        (".", ".", "PUNCT", 4, "punct", ""),
    ]
    abroad = make_doc(rows, [(1, 1, "PER", "UKRGOV"), (6, 6, "LOC", None)])
    abroad.entities[1].country = "DEU"
    ev = one(abroad, "CONSULT")
    assert ev.target is not None and ev.target.actor == "DEU"
    home = make_doc(rows, [(1, 1, "PER", "DEUGOV"), (6, 6, "LOC", None)])
    home.entities[1].country = "DEU"
    assert one(home, "CONSULT").target is None


def test_a_subject_the_parser_gave_the_infinitive_of_laten_is_its_object() -> None:
    rows = [
        ("Poetin", "Poetin", "PROPN", 2, "nsubj", ""),
        ("liet", "laten", "VERB", 0, "root", FIN),
        ("oppositieleider", "oppositieleider", "NOUN", 5, "nsubj", ""),
        ("Navalni", "Navalni", "PROPN", 3, "appos", ""),
        ("oppakken", "op_pakken", "VERB", 2, "xcomp", "VerbForm=Inf"),
        (".", ".", "PUNCT", 2, "punct", ""),
    ]
    ev = one(make_doc(rows, [(1, 1, "PER", "RUSGOV"), (4, 4, "PER", "RUSOPP")]), "COERCE")
    assert (ev.source.actor, ev.target.actor) == ("RUSGOV", "RUSOPP")


def test_coordinated_actors_of_other_countries_are_each_a_party_but_one_country_s_are_one_side() -> None:
    rows = [
        ("VS", "VS", "PROPN", 6, "nsubj", ""),
        (",", ",", "PUNCT", 3, "punct", ""),
        ("Groot-Brittannië", "Groot-Brittannië", "PROPN", 1, "conj", ""),
        ("en", "en", "CCONJ", 5, "cc", ""),
        ("Frankrijk", "Frankrijk", "PROPN", 1, "conj", ""),
        ("bombarderen", "bombarderen", "VERB", 0, "root", FIN),
        ("rebellen", "rebel", "NOUN", 6, "obj", ""),
        ("en", "en", "CCONJ", 9, "cc", ""),
        ("burgers", "burger", "NOUN", 7, "conj", ""),
        (".", ".", "PUNCT", 6, "punct", ""),
    ]
    doc = make_doc(rows, [(1, 1, "LOC", "USA"), (3, 3, "LOC", "GBR"), (5, 5, "LOC", "FRA"), (7, 7, "ORG", "SYRREB"),
                          (9, 9, "MISC", "SYR")])
    attacks = [(e.source.actor, e.target.actor) for e in events(doc) if e.plover == "ASSAULT"]
    assert attacks == [("USA", "SYRREB"), ("GBR", "SYRREB"), ("FRA", "SYRREB")]


def test_a_prep_frame_needs_a_phrase_about_someone_not_an_adverbial_like_voor_het_eerst() -> None:
    convicted = [
        ("De", "de", "DET", 2, "det", ""),
        ("rechtbank", "rechtbank", "NOUN", 4, "nsubj", ""),
        ("heeft", "hebben", "AUX", 4, "aux", FIN),
        ("veroordeeld", "veroordelen", "VERB", 0, "root", PART),
        ("Navalni", "Navalni", "PROPN", 4, "obj", ""),
        ("voor", "voor", "ADP", 7, "case", ""),
        ("fraude", "fraude", "NOUN", 4, "obl", ""),
        (".", ".", "PUNCT", 4, "punct", ""),
    ]
    ev = one(make_doc(convicted, [(2, 2, "ORG", "RUSJUD"), (5, 5, "PER", "RUSOPP")]), "COERCE")
    assert ev.cameo == "173"
    first_time = [
        ("Voor", "voor", "ADP", 10, "obl", ""),
        ("het", "het", "DET", 3, "det", ""),
        ("eerst", "eerst", "ADJ", 1, "fixed", ""),
        ("heeft", "hebben", "AUX", 10, "aux", FIN),
        ("de", "de", "DET", 6, "det", ""),
        ("rechter", "rechter", "NOUN", 10, "nsubj", ""),
        ("een", "een", "DET", 9, "det", ""),
        ("veroordeelde", "veroordelen", "VERB", 9, "amod", PART),
        ("Syriër", "Syriër", "NOUN", 10, "obj", ""),
        ("uitgezet", "uit_zetten", "VERB", 0, "root", PART),
    ]
    doc = make_doc(first_time, [(5, 6, "ORG", "BELJUD"), (9, 9, "MISC", "SYR")])
    # a Syrian convicted before, no conviction here
    assert [e.trigger_text for e in events(doc) if e.plover == "COERCE"] == []
