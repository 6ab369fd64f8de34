"""The entities component and the actor API on the reference article and on many phrasings."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kroniek.dates import parse_doc_date
from kroniek.doc import Document, Mention
from kroniek.entities.actors import ActorRef, actor_for_span, actor_for_token
from kroniek.entities.lexicon import function_words, pronouns, role_of, role_words, seats
from kroniek.pipeline import Pipeline
from kroniek.reading import to_reading

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "sotsji-2020-09.txt"


@pytest.fixture(scope="module")
def nlp():
    return Pipeline(["tokenize", "analyze", "entities"])


def read(nlp, text: str, date: str | None = "2020-09", mentions: list[Mention] | None = None) -> Document:
    doc = Document(id="t", text=text, date=parse_doc_date(date))
    if mentions:
        nlp_pre = Pipeline(["tokenize", "analyze"])
        doc = nlp_pre(doc)
        doc.mentions = list(mentions)
        return Pipeline(["entities"])(doc)
    return nlp(doc)


@pytest.fixture(scope="module")
def sotsji(nlp):
    text = EXAMPLE.read_text(encoding="utf-8").split("2020-09", 1)[1].strip()
    return read(nlp, text)


def by_name(doc: Document, name: str):
    return next(e for e in doc.entities if e.name == name)


def test_reference_names_are_found_with_their_types(sotsji):
    spans = {(m.text, e.type) for e in sotsji.entities for m in e.mentions}
    assert spans == {
        ("Russische", "MISC"), ("Russen", "MISC"), ("Belarussische", "MISC"), ("Belarussen", "MISC"),
        ("Vladimir Poetin", "PER"), ("Poetin", "PER"), ("Alexander Lukashenko", "PER"), ("Lukashenko", "PER"),
        ("Belarus", "LOC"), ("Wit-Rusland", "LOC"), ("Rusland", "LOC"), ("Sotsji", "LOC"), ("Moskou", "LOC"),
        ("Minsk", "LOC"), ("Kremlin", "ORG"),
    }


def test_reference_people_are_one_entity_each_with_their_actor(sotsji):
    poetin = by_name(sotsji, "Vladimir Poetin")
    luka = by_name(sotsji, "Alexander Lukashenko")
    assert len(poetin.mentions) == 6 and len(luka.mentions) == 8
    assert (poetin.kb, poetin.actor, luka.actor) == ("Q7747", "RUSGOV", "BLRGOV")
    # "Lukashenko's plannen": the possessive stays outside the mention
    assert all(m.text == "Lukashenko" for m in luka.mentions[1:])
    assert {e.id for e in sotsji.entities} == {m.entity for m in sotsji.mentions}


def test_reference_countries_places_and_references(sotsji):
    assert by_name(sotsji, "Belarus").actor == "BLR"
    assert by_name(sotsji, "Moskou").actor == "RUS"
    assert by_name(sotsji, "Kremlin").actor == "RUSGOV"
    sotsji_city = by_name(sotsji, "Sotsji")
    assert sotsji_city.country == "RUS" and sotsji_city.lat is not None
    poetin = by_name(sotsji, "Vladimir Poetin")
    assert [r.text for r in poetin.references] == ["De Russische president", "de Russische leider"]
    luka = by_name(sotsji, "Alexander Lukashenko")
    assert [r.text for r in luka.references].count("hij") == 4


def test_reading_writes_references_next_to_mentions(sotsji):
    out = to_reading(sotsji, tokens=False)
    poetin = next(e for e in out["entities"] if e["name"] == "Vladimir Poetin")
    assert poetin["references"][0] == {"start": 0, "end": 22, "text": "De Russische president"}


@pytest.mark.parametrize("phrase,actor", [
    ("De Russische president Vladimir Poetin", "RUSGOV"),
    ("de Belarussische president Alexander Lukashenko", "BLRGOV"),
    ("de Russische leider", "RUSGOV"),
    ("Het Kremlin", "RUSGOV"),
    ("Moskou", "RUS"),
    ("demonstranten in de hoofdstad Minsk", "BLR"),
    ("president", "RUSGOV"),  # the first one, alone: the name right after it, Vladimir Poetin
    ("Zeker 774 deelnemers aan het protest", "BLR"),
    ("De regering", "BLRGOV"),
    ("de Belarussen", "BLR"),
    ("De twee leiders", None),
])
def test_actor_for_span_on_the_reference(sotsji, phrase, actor):
    i = sotsji.text.index(phrase)
    ref = actor_for_span(sotsji, i, i + len(phrase))
    assert (ref.actor if ref else None) == actor
    if ref is not None:
        assert isinstance(ref, ActorRef) and ref.text == phrase


@pytest.mark.parametrize("phrase,actor", [
    ("De Nederlandse staatssecretaris", "NLDGOV"),
    ("Belgische Kamerleden", "BELLEG"),
    ("de Duitse partijleider", "DEUPTY"),
    ("De burgemeester van Antwerpen", "BELGOV"),
    ("Franse boeren", "FRAAGR"),
    ("De CDA-leider", "NLDGOVPTY"),  # a party's leader: the party's code
    ("Het kabinet-Merkel", "DEUGOV"),  # a leader's cabinet: the leader's country
    ("De Nederlandse oud-premier", "NLDELI"),  # a former official is an elite
    ("De Franse minister Jean Dupont", "FRAGOV"),  # a name the knowledge base lacks: coded by its role
    ("De Koning Boudewijnstichting", None),  # a role word inside an organisation's name codes nothing
    ("De Italiaanse modeontwerper Gianni Versace", "ITA"),  # a person of a country, no role: the country
    ("De Amerikaanse Senaat", "USALEG"),  # an organisation named by a role word alone is that role
])
def test_actor_for_span_of_political_and_social_roles(nlp, phrase, actor):
    doc = read(nlp, f"{phrase} sprak gisteren in de stad.", date="2018-03-05")
    ref = actor_for_span(doc, 0, len(phrase))
    assert (ref.actor if ref is not None else None) == actor


def test_an_institution_without_a_country_is_that_of_the_actor_acting_on_it(nlp):
    text = "Nederland zegt Oekraïne steun toe. Wilders beschuldigde het kabinet van geldverspilling."
    doc = read(nlp, text, date="2023-06-15")
    i = text.index("het kabinet")
    assert actor_for_span(doc, i, i + len("het kabinet")).actor == "NLDGOV"  # not Ukraine's, named last


def test_lower_case_words_do_not_widen_a_known_name(nlp):
    # the recogniser takes "Rutte veroordeelde" for one name: the verb is no part of it
    doc = read(nlp, "Premier Rutte veroordeelde de inval scherp.", date="2022-03-02")
    rutte = next(e for e in doc.entities if e.type == "PER")
    assert [m.text for m in rutte.mentions] == ["Rutte"] and rutte.actor == "NLDGOV"


def test_actor_for_token_resolves_pronouns(sotsji):
    hij = [t for t in sotsji.tokens if t.text == "hij"]
    assert [actor_for_token(sotsji, t.i).actor for t in hij] == ["BLRGOV"] * 4
    zij = [t for t in sotsji.tokens if t.text == "zij"][-1]  # "omdat zij bang waren": the demonstrators
    assert actor_for_token(sotsji, zij.i).actor == "BLR"
    poetin = next(t for t in sotsji.tokens if t.text == "Poetin")
    assert actor_for_token(sotsji, poetin.i).entity == by_name(sotsji, "Vladimir Poetin").id


@pytest.mark.parametrize("text,name,typ,actor", [
    ("Gisteren sprak ZELENSKYJ met de pers.", "Volodymyr Zelensky", "PER", "UKRGOV"),
    ("Gisteren sprak zelenskiy met de pers.", "Volodymyr Zelensky", "PER", "UKRGOV"),
    ("Volgens Zelenskiy is de oorlog niet voorbij.", "Zelenskiy", "PER", "UKRGOV"),
    ("Lukashenko's plannen stuitten op verzet.", "Lukashenko", "PER", "BLRGOV"),
    ("Lukashenko’s plannen stuitten op verzet.", "Lukashenko", "PER", "BLRGOV"),
    ("Ook Noord-Korea reageerde.", "Noord-Korea", "LOC", "PRK"),
    ("Het ging om Wit-Rusland.", "Wit-Rusland", "LOC", "BLR"),
    ("De topontmoeting was in de VS.", "VS", "LOC", "USA"),
    ("Het Witte Huis liet weten dat er geen deal komt.", "Witte Huis", "ORG", "USAGOV"),
    ("De NAVO stuurt troepen.", "NAVO", "ORG", "IGONAT"),
    ("Xi Jinping ontving de minister.", "Xi Jinping", "PER", "CHNGOV"),
])
def test_bad_input_phrasings(nlp, text, name, typ, actor):
    doc = read(nlp, text)
    e = next(e for e in doc.entities if e.name == name)
    assert (e.type, e.actor) == (typ, actor)


@pytest.mark.parametrize("text,name,actor", [
    ("IS eist de verantwoordelijkheid op voor de aanslag in Luik.", "Islamitische Staat", "IMGMUSISI"),
    ("Terreurgroep Islamitische Staat verloor Mosul.", "Islamitische Staat", "IMGMUSISI"),
    ("Hamas heeft een staakt-het-vuren aanvaard.", "Hamas", "PSEREBHMS"),
    ("De taliban hebben de stad ingenomen.", "Taliban", "AFGREB"),
    ("Een kopstuk van Al-Qaida is gedood.", "Al-Qaida", "IMGMUSALQ"),
])
def test_armed_groups_get_their_cameo_actor(nlp, text, name, actor):
    doc = read(nlp, text, date="2018-05")
    e = next(e for e in doc.entities if e.actor == actor)
    assert e.type == "ORG" and e.kb is not None
    assert e.name == name or e.name in text  # the knowledge base's name, or the article's own (IS)


@pytest.mark.parametrize("text,date,codes", [
    ("De VVD en het CDA hebben een akkoord bereikt over de begroting.", "2018-03-05", {"NLDGOVPTY"}),
    ("De PVV stemde tegen het voorstel van GroenLinks.", "2018-03-05", {"NLDOPPPTY"}),
    ("De PvdA stapte uit het kabinet.", "2010-02", {"NLDGOVPTY"}),  # a month's first day: still in it
    ("N-VA viel CD&V scherp aan in de Kamer.", "2019-03-01", {"BELOPPPTY", "BELGOVPTY"}),
    # a foreign party: its country only, no claim on government
    ("De Democraten en de SPD reageerden verdeeld.", "2018-03-05", {"USAPTY", "DEUPTY"}),
])
def test_parties_carry_government_or_opposition_by_date(nlp, text, date, codes):
    doc = read(nlp, text, date=date)
    parties = [e for e in doc.entities if (e.kb or "").startswith("kroniek:party:")]
    assert len(parties) >= 1 and all(e.type == "ORG" for e in parties)
    assert {e.actor for e in parties} == codes


@pytest.mark.parametrize("text,name,actor", [
    ("N-VA-voorzitter Bart De Wever viel de regering aan.", "Bart De Wever", "BELGOVPTY"),
    ("VVD'er Klaas Dijkhoff sprak in de Kamer.", "Klaas Dijkhoff", "NLDGOVPTY"),
    ("Daarop antwoordde Joke Schauvliege (CD&V) in het parlement.", "Joke Schauvliege", "BELGOVPTY"),
    ("Vlaams minister Ben Weyts ( N-VA ) opende de brug.", "Ben Weyts", "BELGOV"),  # a (regional) minister
    ("SP-Kamerlid Renske Leijten stelde vragen.", "Renske Leijten", "NLDOPPPTY"),
    ("Jan Jambon (N-VA) sprak. Minister Jambon eist excuses.", "Jan Jambon", "BELGOV"),  # a minister: government
])
def test_a_person_takes_the_code_of_the_party_the_text_ties_them_to(nlp, text, name, actor):
    doc = read(nlp, text, date="2018-03-05")
    person = next(e for e in doc.entities if e.name == name)
    assert person.type == "PER" and person.actor == actor


def test_a_person_next_to_no_party_keeps_no_code(nlp):
    doc = read(nlp, "Buurman Jan Peeters (54) en oud-collega Karel Smit (CDA-achtig) spraken.", date="2018-03-05")
    assert all(e.actor is None for e in doc.entities if e.type == "PER")


@pytest.mark.parametrize("text", [
    "Het groen in de stad groeit.", "Groen licht voor de plannen van de gemeente.",
    "Burgemeester Jan Groen opende het park.", "Denk eraan dat de winkels zondag dicht zijn.",
])
def test_party_names_that_are_words_or_surnames_stay_words(nlp, text):
    assert not [e for e in read(nlp, text).entities if (e.kb or "").startswith("kroniek:party:")]


@pytest.mark.parametrize("text", ["Is dat echt waar?", "Het is waar dat het regent.", "Waar is de eta van de trein?"])
def test_the_verb_is_is_no_islamic_state(nlp, text):
    assert not read(nlp, text).entities


def test_actor_depends_on_the_article_date(nlp):
    text = "President Porosjenko sprak met de premier."
    assert read(nlp, text, "2016-03-01").entities[0].actor == "UKRGOV"
    assert read(nlp, text, "2020-09-01").entities[0].actor == "UKROPP"
    assert read(nlp, "Donald Trump sprak.", "2023-05-01").entities[0].actor == "USAELI"


def test_unknown_names_stay_entities_without_kb(nlp):
    doc = read(nlp, "Vlak voor de verkiezingen werd de Belarussische oppositieleider Ivana Petrenko opgepakt. "
                    "Petrenko zat later vast.")
    pet = next(e for e in doc.entities if e.name == "Ivana Petrenko")
    assert pet.kb is None and pet.type == "PER" and len(pet.mentions) == 2
    assert pet.actor == "BLROPP"  # from her title
    assert not any(e.name == "Vlak" for e in doc.entities)


def test_known_opposition_leader(nlp):
    doc = read(nlp, "De Belarussische oppositieleider Maria Kolesnikova werd opgepakt.")
    kol = next(e for e in doc.entities if e.type == "PER")
    assert (kol.name, kol.actor) == ("Maria Kolesnikova", "BLROPP")


def test_recogniser_mentions_are_linked_and_kept(nlp):
    text = "Gisteren zei Jan Modaal dat Poetin sterk is."
    ner = [Mention(13, 23, "Jan Modaal", "PER"), Mention(28, 34, "Poetin", "PER")]
    doc = read(nlp, text, mentions=ner)
    names = {e.name: e for e in doc.entities}
    assert names["Jan Modaal"].kb is None and names["Poetin"].kb == "Q7747"
    assert all(m.entity for m in doc.mentions)


def test_recogniser_type_picks_among_candidates(nlp):
    # the recogniser says person, and a title agrees: not the American capital
    doc = read(nlp, "Gisteren zei president Washington niets.", mentions=[Mention(23, 33, "Washington", "PER")])
    assert doc.entities[0].type == "PER" and doc.entities[0].kb is None
    # without a title a known place stays a place ("Washington zei" is the American government speaking)
    doc = read(nlp, "Gisteren zei Washington niets.", mentions=[Mention(13, 23, "Washington", "PER")])
    assert (doc.entities[0].type, doc.entities[0].actor) == ("LOC", "USA")


def test_recogniser_slips_are_ignored(nlp):
    doc = read(nlp, "Poetin zei ; niets.", mentions=[Mention(11, 12, ";", "MISC")])
    assert [e.name for e in doc.entities] == ["Poetin"]


def test_empty_and_nameless_documents(nlp):
    assert read(nlp, "").entities == []
    assert read(nlp, "er gebeurde vandaag helemaal niets bijzonders.").entities == []


def test_word_tables_load_and_validate():
    assert role_words()["regering"].role == "GOV" and role_words()["president"].person
    assert role_words()["demonstranten"].role == ""  # the people of a country are the country itself
    assert pronouns()["hij"].case == "subj"
    assert "de" in function_words()["article"] and "twee" in function_words()["several"]
    assert seats()["Brussel"] == "IGOEEC"


@pytest.mark.parametrize("row", [["Brussel", "eu"], ["", "IGOEEC"]])
def test_a_bad_seat_row_names_file_and_row(monkeypatch, row):
    import kroniek.entities.lexicon as lexicon

    monkeypatch.setattr(lexicon, "table_rows", lambda name, columns: [row])
    lexicon.seats.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"actor_seats\.tsv: row 1"):
            lexicon.seats()
    finally:
        lexicon.seats.cache_clear()


def test_a_bad_word_table_row_names_file_and_row(monkeypatch):
    import kroniek.entities.lexicon as lexicon

    monkeypatch.setattr(lexicon, "table_rows", lambda name, columns: [["president", "KING", "person"]])
    lexicon.role_words.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"role_words\.tsv: row 1"):
            lexicon.role_words()
    finally:
        lexicon.role_words.cache_clear()


def test_regions_and_continents(nlp):
    doc = read(nlp, "Er waren protesten in Vlaanderen, op de Krim en elders in Europa.")
    got = {e.name: (e.type, e.actor) for e in doc.entities}
    assert got == {"Vlaanderen": ("LOC", "BEL"), "Krim": ("LOC", "UKR"), "Europa": ("LOC", "EUR")}


def test_dutch_genitive_without_apostrophe_links_the_person(nlp):
    doc = read(nlp, "Het parlement steunt Macrons plannen niet.")
    assert [(e.kb, [m.text for m in e.mentions]) for e in doc.entities] == [("Q3052772", ["Macrons"])]


def test_surname_before_the_full_name_is_the_same_person(nlp):
    doc = read(nlp, "Het ontslag van Fico is een feit. Gisteren vertrok premier Robert Fico na protesten.", "2018-03-16")
    people = [e for e in doc.entities if e.type == "PER"]
    assert len(people) == 1 and [m.text for m in people[0].mentions] == ["Fico", "Robert Fico"]
    assert people[0].actor == "SVKGOV"


def test_only_definite_titles_refer_back(nlp):
    doc = read(nlp, "Donald Trump sprak. Een rechter oordeelde later dat de Amerikaanse president moest betalen.")
    trump = doc.entities[0]
    assert [r.text for r in trump.references] == ["de Amerikaanse president"]


_WORDS = ["Poetin", "poetin", "Lukashenko's", "hij", "zij", "de", "Russische", "president", "regering", "Minsk",
          "Wit-Rusland", "Van", "De", "Morgen", ".", ",", "'s", "’s", "VS.", "Jan", "Modaal", "demonstranten", "in",
          "Kremlin", "Het", "é", "ZELENSKYJ", "Macrons", "een", "66-jarige", "\n", "\"", ""]


@settings(max_examples=60, deadline=None, database=None)
@given(st.lists(st.sampled_from(_WORDS) | st.text(max_size=6), max_size=30))
def test_any_text_gives_consistent_entities(words):
    text = " ".join(words)
    doc = Pipeline(["tokenize", "entities"])(Document(id="h", text=text, date=parse_doc_date("2020-09")))
    ids = [e.id for e in doc.entities]
    assert len(ids) == len(set(ids))
    for e in doc.entities:
        assert e.mentions and e.type in ("PER", "ORG", "LOC", "MISC")
        for m in e.mentions + e.references:
            assert 0 <= m.start < m.end <= len(text) and text[m.start : m.end] == m.text
            assert m.entity == e.id
    for t in doc.tokens:
        actor_for_token(doc, t.i)  # never raises
    actor_for_span(doc, 0, len(text))


def test_dutch_city_exonyms_and_portfolios(nlp):
    doc = read(nlp, "Volgens minister van Economie Kris Peeters was de top in Parijs en Keulen een succes.")
    got = {e.name: (e.type, e.country) for e in doc.entities}
    assert got["Kris Peeters"][0] == "PER"
    assert got["Parijs"] == ("LOC", "FRA") and got["Keulen"] == ("LOC", "DEU")


@pytest.mark.parametrize("word,role", [
    ("mensenrechtenactivisten", "OPP"), ("politieagenten", "COP"), ("oorlogsvluchtelingen", "REF"),
    ("techbedrijven", "BUS"),
    ("vakbondsleiders", None),  # a union's leaders lead no government
    ("belastingbetalers", None), ("Amsterdammers", None),
])
def test_a_closed_compound_names_a_group_role_in_its_head(word, role):
    found = role_of(word)
    assert (found.role if found is not None else None) == role
