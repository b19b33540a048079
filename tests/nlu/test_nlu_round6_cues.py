"""Round 6 cues, without a model: the writer's age in brackets or "en ik ook", school work and
house rules as minor cues, youth-work titles, perpetrator acts in other word orders, danger away or
quiet now, questions about what happens next, and DIET's crisis reading over a near-zero score.
Sentences written for these tests from LABELLING.md, never taken from an evaluation set.
"""

import pytest

from bot.components import clauses, cues
from bot.components.age import own_age
from bot.components.textnorm import normalize
from bot.components.triage_model import age_rule
from bot.components.urgency_model import DEFAULTS, UrgencyDecision, decide, diet_asks


def _config(**changes):
    return {**DEFAULTS, "calm_factor": 0.5, "alarm_floor": 0.5, "ask_threshold": 0.18, **changes}


@pytest.mark.parametrize(
    "text, age",
    [
        ("ik ben de grote broer (23) van een meisje dat gepest wordt", 23),
        ("ik ben haar tante (34). mijn nichtje van 9 krijgt thuis geen eten", 34),
        ("mijn vriendin is 15 en ik ook, haar vader slaat haar", 15),
        ("mon frère se fait frapper. moi j'ai 16.", 16),
    ],
)
def test_round6_own_age(text, age):
    found = own_age(normalize(text))
    assert found is not None and found.age == age


@pytest.mark.parametrize(
    "text",
    [
        "ik ben de mama van een jongen van 14",
        "mijn zus is 14, ze zegt dat haar lief haar slaat",
        "ik heb 2 kinderen. j'ai 2 enfants",
        "ik ben de moeder van lisa (8)",
    ],
)
def test_round6_no_own_age_from_someone_else(text):
    found = own_age(normalize(text))
    assert found is None or found.age >= 18


@pytest.mark.parametrize(
    "text",
    [
        "morgen twee toetsen en mijn pa roept weer de hele avond",
        "ik heb mijn schoolboeken in de vuilbak gegooid",
        "die taak van aardrijkskunde maakt me gek",
        "na de les wacht hij me altijd op",
        "ik heb het aan de clb-mevrouw verteld",
        "mijn moeder laat me elke dag de keuken poetsen en mijn zus niet",
        "mijn vader heeft mijn gsm afgepakt omdat ik te laat thuis was",
        "ik ben bang van mijn stiefmoeder. als papa weg is, slaat ze me",
    ],
)
def test_round6_minor_cues(text):
    assert age_rule(normalize(text)) == ("minor_cue", "minor")


@pytest.mark.parametrize(
    "text",
    [
        # "mijn vader" with an ordinary "moet ik": an adult can write it too
        "mijn vader zegt dat hij zichzelf iets aandoet als ik mijn moeder vertel wat hij doet. moet ik dat geloven?",
        # the guide's adult cue: looking back on childhood
        "vroeger bij mijn vader kreeg ik slaag als ik mijn kamer niet opruimde",
        # a teacher about a test is no pupil
        "ik ben leerkracht en na de toets vertelde een leerling dat haar vader haar slaat",
    ],
)
def test_round6_no_minor_cue(text):
    assert age_rule(normalize(text)) != ("minor_cue", "minor")


@pytest.mark.parametrize(
    "text",
    [
        "ik werk als opbouwwerker in een wijk in gent",
        "ik ben youth worker in een jeugdhuis",
        "ik ben de vader van een meisje van 12",
    ],
)
def test_round6_adult_cues(text):
    assert cues.adult_cue(normalize(text)) is not None


def test_a_chat_group_is_no_professional_group():
    assert cues.adult_cue(normalize("iemand heeft een filmpje van mij gedeeld in onze groep")) is None
    assert cues.adult_cue(normalize("in onze groep zit een jongen die thuis geslagen wordt")) == "professional"


@pytest.mark.parametrize(
    "text",
    [
        "gisteren heb ik mijn vrouw bij haar keel vastgepakt",
        "ik heb mijn dochter een klap gegeven",
        "ik heb mijn baby door elkaar geschud",
        "mijn vriend zette het in de klasgroep en ik heb het ook doorgestuurd",
        "i keep pushing my girlfriend when we fight",
    ],
)
def test_round6_perpetrator(text):
    assert cues.PERPETRATOR.search(normalize(text))


@pytest.mark.parametrize("text", ["i hit my head when he pushed me", "ik heb het aan mijn moeder verteld"])
def test_round6_no_perpetrator(text):
    assert not cues.PERPETRATOR.search(normalize(text))


@pytest.mark.parametrize(
    "text",
    [
        "hij schopt me als hij dronken is. vanavond is hij bij zijn moeder, dus ik kan praten",
        "mijn man slaat me soms. nu is hij aan het werk",
        "ze slaat me soms. ze is nu bij haar ouders",
        "mijn broer slaat me als niemand thuis is. vandaag was het rustig",
        "hij is weg, nu is het oke. wat gebeurt er als ik aangifte doe?",
        "mijn ex slaat me nog soms. is dat al mishandeling?",
        "bedankt voor de tips, morgen bel ik de huisarts",
        "tot hoe laat zijn jullie open? ik vind het niet op de site",
        "mijn ouders willen dat ik trouw met een neef, de reis is volgende zomer",
        "my uncle says they'll take me abroad to marry next month",
        "papa heeft me geslagen omdat ik mijn kamer niet had opgeruimd. hij is nu aan het werk",
    ],
)
def test_round6_calming_contexts(text):
    assert clauses.calming(normalize(text))


@pytest.mark.parametrize(
    "text",
    [
        # danger now keeps the message alarming whatever else it says
        "vanavond is hij bij zijn broer maar hij staat nu voor de deur met een mes",
        "ik heb mijn kamer opgeruimd en mijn spullen weggegeven",
        "wat gebeurt er als ik er niet meer ben",
        # a negation is no safety ("nu ben ik niet veilig" was read as "nu ben ik veilig" before round 6)
        "hij slaat me soms. nu ben ik niet veilig",
        "mijn vriend is weer dronken thuis. nu is het niet rustig, hij roept",
        "hij heeft me buitengegooid, waar kan ik vannacht terecht?",
        "over twee weken is de bruiloft en vanavond komt hij me halen",
    ],
)
def test_round6_danger_now_is_never_calmed(text):
    assert not clauses.calming(normalize(text))


def _decision(score):
    return UrgencyDecision("none", 1.0 - score, "none", "acute_danger", score,
                           {"acute_danger": score, "suicide_risk": 0.0, "none": 1.0 - score})


def test_diet_asks_unless_the_model_score_is_near_zero():
    config = _config(diet_ask_factor=0.5)
    assert not diet_asks(_decision(0.02), config)
    assert diet_asks(_decision(0.12), config)
    # 0 keeps the old rule: DIET's crisis reading always asks
    assert diet_asks(_decision(0.0), _config(diet_ask_factor=0.0))


def test_a_calmed_away_message_in_the_ask_band_gets_no_question():
    norm = normalize("hij slaat me als hij gedronken heeft. vanavond is hij bij zijn broer")
    probabilities = {"acute_danger": 0.3, "suicide_risk": 0.0, "none": 0.7}
    assert decide(probabilities, norm, _config()).action == "none"
    assert decide(probabilities, norm, _config(calm_factor=1.0)).action == "ask"
