"""The writer's own age: from a number, from school; never someone else's age."""

from __future__ import annotations

import pytest
from nlu_helpers import entity

from bot.components.age import adult_by_context, own_age
from bot.components.textnorm import normalize


@pytest.mark.parametrize(
    "text, age",
    [
        ("ik ben 15", 15),
        ("Ik ben 15 en mijn vader slaat me", 15),
        ("15j", 15),
        ("(16m) mijn stiefvader komt 's nachts op mijn kamer", 16),
        ("ik (17v) heb een vraag", 17),
        ("meisje van 14 hier, ik weet niet wat ik moet doen", 14),
        ("kben 13 en mn neef doet vieze dingen", 13),
        ("ik ben pas twaalf", 12),
        ("ik word volgende maand 16", 15),
        ("13", 13),
        ("ik zit in het zesde leerjaar", 11),
        ("3de middelbaar", 14),
        ("ik zit in 5de jaar aso", 16),
        ("groep 8", 12),
        ("havo 3", 14),
        ("ik zit in de brugklas en een jongen stuurt me foto's", 12),
        ("ik zit op kot in gent", 19),
        ("ik ben 34 en mijn man slaat me", 34),
        ("mijn zus van 12 en ik (15) worden geslagen", 15),
        ("i'm 16 and my stepdad reads my messages", 16),
        ("j'ai 13 ans et mon frère me frappe", 13),
        ("kzyn 14 en ik durf ni naar huis", 14),
        ("nu ben ik 52 en ik droom er nog van", 52),
        ("we zijn allebei 17 en haar lief slaat haar", 17),
        ("in groep 6 lachen ze me elke dag uit", 10),
        ("im in year 8 and they post stuff about me", 12),
        ("je suis en 5eme primaire", 10),
        ("ik zit in het 3de jaar en mijn lief controleert mijn gsm", 14),
    ],
)
def test_own_age_is_found(text, age):
    found = own_age(normalize(text))
    assert found is not None and found.age == age


@pytest.mark.parametrize(
    "text",
    [
        "mijn zus van 15 wordt geslagen door haar vriend",
        "mijn dochter van 4 zegt dat opa aan haar zit",
        "mijn broer (16) slaat me",
        "een meisje van 13 uit mijn klas vertelde iets",
        "ik ben 2 keer geslagen",
        "toen ik 12 was heeft mijn oom me misbruikt",
        "mijn dochter zit in het derde middelbaar",
        "een leerling uit het 6de leerjaar vertelde me iets",
        "ik ben 3 dagen niet naar school geweest",
        "twee leerlingen uit het 4de jaar sturen naaktfoto's rond",
        "Leerkracht groep 5. Een jongen vertelde iets over thuis",
        "a year 9 pupil told me her uncle touches her",
        "hij zit in het 2de middelbaar en wordt gepest",
        "i'm 5 minutes from home",
    ],
)
def test_someone_elses_age_or_a_count_is_not_the_writers_age(text):
    assert own_age(normalize(text)) is None


@pytest.mark.parametrize(
    "text, group",
    [
        ("Huisarts. Een patiënte vertelde me vandaag iets over haar man", "adult"),
        ("CLB-medewerker: een leerling uit het 1ste middelbaar komt hongerig naar school", "adult"),
        ("youth worker here, a boy told me his dad hits him", "adult"),
        ("sinds ik op kot zit belt mijn ex elke nacht", "adult"),
        ("my husband takes my bank card every month", "adult"),
        ("mon mari me crie dessus tous les soirs", "adult"),
        ("ik mag van papa nooit naar buiten als straf", "minor"),
        ("y'a un prof qui m'envoie des messages bizarres", "minor"),
    ],
)
def test_age_group_rules(text, group):
    from bot.components.triage_model import age_rule

    rule = age_rule(normalize(text))
    assert rule is not None and rule[1] == group


def test_papa_or_mama_alone_is_not_an_age_cue():
    from bot.components.triage_model import age_rule

    assert age_rule(normalize("papa slaat mama als hij gedronken heeft")) is None


def test_politie_as_the_subject_is_not_a_title():
    from bot.components.professions import professional_opening

    assert not professional_opening(normalize("Politie heeft hem gisteren meegenomen, wat nu?"))


def test_own_child_makes_the_writer_an_adult():
    assert adult_by_context(normalize("mijn dochter van 4 zegt dat opa aan haar zit"))
    assert not adult_by_context(normalize("mijn zus van 15 wordt geslagen"))


def test_parse_adds_age_entity_and_minor_age_group(parse):
    result = parse("ik ben 15 en mijn stiefvader slaat me als mama werkt")
    assert entity(result, "age") == 15
    assert entity(result, "age_group") == "minor"


def test_parse_adult_age(parse):
    result = parse("ik ben 34 en mijn man kleineert me elke dag")
    assert entity(result, "age") == 34
    assert entity(result, "age_group") == "adult"


def test_parse_someone_elses_age_gives_no_age_entity(parse):
    result = parse("mijn zus van 15 wordt door haar lief geslagen")
    assert entity(result, "age") is None


def test_parse_own_child_gives_adult_without_age_entity(parse):
    result = parse("mijn dochter van 4 zegt dat haar opa aan haar plasser zit")
    assert entity(result, "age") is None
    assert entity(result, "age_group") == "adult"


def test_parse_school_level_gives_approximate_age(parse):
    result = parse("ik zit in het 3de middelbaar")
    assert entity(result, "age") == 14
    assert entity(result, "age_group") == "minor"
