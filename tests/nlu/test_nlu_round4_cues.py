"""Round 4 cues, without a model: what calms a message, what keeps it alarming, and age cues.

Sentences written for these tests from LABELLING.md, never taken from an evaluation set.
"""

import pytest

from bot.components import clauses
from bot.components.textnorm import normalize
from bot.components.triage_model import age_rule
from bot.components.urgency_model import DEFAULTS, decide


@pytest.mark.parametrize(
    "text",
    [
        "hij heeft me vorige maand geslagen, ik zit nu bij mijn zus en hij weet niet waar ik woon",
        "mijn vriendin zegt dat ze zich van kant maakt als ik met mijn vrienden op reis ga",
        "ik ben zo bang dat ik mijn zoontje ooit iets aandoe, ik heb hem nog nooit geslagen",
        "iemand dreigt mijn foto's te delen als ik geen geld stuur, moet ik naar de politie?",
        "mijn ex blijft me elke dag berichten sturen vanaf nieuwe nummers",
        "the police came and took him last night, i'm at my mum's now",
    ],
)
def test_calming_contexts(text):
    assert clauses.calming(normalize(text))


@pytest.mark.parametrize(
    "text",
    [
        # the same kinds with danger now, a time, a farewell or a plan: never calmed
        "hij heeft een contactverbod maar hij staat nu aan mijn deur te bonken",
        "ik zit bij mijn zus maar hij komt om 8u en zei dat ik het ga voelen",
        "mijn ex blijft me berichten sturen en nu loopt hij achter me aan",
        "iemand dreigt mijn foto's te delen als ik niet betaal, ik wil niet meer leven",
        "vroeger sloeg hij me, nu heb ik mijn spullen weggegeven aan mijn vrienden",
    ],
)
def test_danger_now_is_never_calmed(text):
    assert not clauses.calming(normalize(text))


@pytest.mark.parametrize(
    "text",
    [
        "ik heb mijn spullen verdeeld onder mijn vrienden",
        "ik heb 30 paracetamol in mijn kamer",
        "papa slaat mama nu",
        "help",
        "hij zei dat ik vanavond een pak slaag krijg",
        "ik heb een datum gekozen",
    ],
)
def test_alarm_signs(text):
    assert clauses.alarm(normalize(text))


@pytest.mark.parametrize("text", ["ik ga dood van het lachen", "kan je me helpen met een vraag over aangifte?"])
def test_no_alarm_on_ordinary_text(text):
    assert not clauses.alarm(normalize(text))


def _config(**changes):
    return {**DEFAULTS, "calm_factor": 0.5, "alarm_floor": 0.5, **changes}


def test_calm_context_halves_the_crisis_probability():
    norm = normalize("hij heeft me vorige week geslagen, ik zit nu bij mijn ouders")
    decision = decide({"acute_danger": 0.6, "suicide_risk": 0.0, "none": 0.4}, norm, _config())
    assert decision.crisis_score == pytest.approx(0.3)
    assert decision.action == "ask"


def test_alarm_sign_asks_even_when_the_model_does_not():
    norm = normalize("ik heb al mijn spullen weggegeven")
    decision = decide({"acute_danger": 0.01, "suicide_risk": 0.02, "none": 0.97}, norm, _config())
    assert decision.action == "ask"
    assert decision.about == "suicide_risk"
    assert decide({"acute_danger": 0.01, "suicide_risk": 0.02, "none": 0.97}, norm, _config(alarm_floor=0.0)).action == "none"


@pytest.mark.parametrize(
    "text, group",
    [
        ("ik ben sinds vorige week 18 en wil weg bij mijn vader", "adult"),
        ("wij zijn met drie jongens uit 4 havo en de trainer zit aan ons", "minor"),
        ("iemand van mijn hogeschool heeft foto's van mij verspreid", "adult"),
        ("mijn moeder (83) krijgt in het rusthuis geen hulp bij het eten", "adult"),
        ("mijn schooltas ligt nog bij hem thuis", "minor"),
        ("onze wiskundeleraar maakt opmerkingen over mijn lichaam", "minor"),
        ("mijn stiefvader heeft me vroeger misbruikt", "adult"),
        # a school level now beats looking back: "toen ik 9 was" ... "ik zit nu in 3 vwo"
        ("mijn oom deed dingen met me toen ik 9 was. ik zit nu in 3 vwo", "minor"),
    ],
)
def test_round4_age_cues(text, group):
    rule = age_rule(normalize(text))
    assert rule is not None and rule[1] == group


@pytest.mark.parametrize(
    "text",
    [
        "mijn oma ligt in het woonzorgcentrum en krijgt haar eten te laat",
        "ik ga eraan als de coach ziet dat ik te laat ben",
    ],
)
def test_no_adult_cue_from_a_grandparent_or_the_coach(text):
    rule = age_rule(normalize(text))
    assert rule is None or rule[1] != "adult"
