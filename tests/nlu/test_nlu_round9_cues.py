"""Round 9 alarm cues, without a model: a final message or photo, absolving others of what will
happen, a wish to be gone from the world, and a threat to share images with a deadline today.
Each must at least get the safety question; hyperbole and danger that is over must not. Sentences
written for these tests from LABELLING.md, never taken from an evaluation set.
"""

import pytest

from bot.components import clauses
from bot.components.textnorm import normalize
from bot.components.urgency_model import DEFAULTS, decide


def alarmed(text):
    return clauses.alarm(normalize(text))


@pytest.mark.parametrize(
    "text",
    [
        # a final message or photo, the writer's own or someone else's
        "mijn vriendin stuurde een selfie op het dak van de parking en schreef dat dit de laatste wordt",
        "dit is mijn laatste bericht, ik wou gewoon dat iemand het wist",
        "my cousin texted me a picture of the canal and said this is his last photo",
        # absolving others of what will happen
        "zeg tegen mama dat het niet haar fout is... en het is ook niet jouw schuld, wat er ook gebeurt",
        "whatever happens tonight, it's not your fault, okay",
        "wat er ook gebeurt straks, het is niemands schuld",
        # to be gone from the world
        "ik wil echt verdwijnen van deze wereld, niemand zou het merken",
        "sometimes i want to leave this world and never come back",
        # a threat to share images with a deadline today
        "die gast heeft een filmpje van mij en zet het vanavond online als ik niet nog meer stuur",
        "ze dreigt de foto's voor 21u naar mijn ouders te sturen tenzij ik 200 euro overmaak",
        "he says he'll post my nudes within an hour unless i pay him",
    ],
)
def test_round9_alarm_asks_at_least(text):
    assert alarmed(text)
    decision = decide({"acute_danger": 0.01, "suicide_risk": 0.01, "none": 0.98}, normalize(text), {**DEFAULTS, "alarm_floor": 0.5, "calm_factor": 0.5, "ask_threshold": 0.18})
    assert decision.action == "ask"


@pytest.mark.parametrize(
    "text",
    [
        # hyperbole and ordinary last things
        "dit is de laatste keer dat ik mijn broer mijn oplader leen, echt",
        "hij zegt dat het de laatste keer was dat hij zo tegen me riep",
        "haha dit is mijn laatste bericht voor de toets, ik ga blokken",
        "het is niet jouw schuld dat de les uitviel hoor",
        # danger that is over
        "dit is mijn laatste bericht hier: ik ben verhuisd en het gaat goed met me",
        "vorig jaar dreigde hij om 20u mijn foto's te delen als ik niet betaalde, nu zit hij vast",
        "hij heeft nog altijd foto's van mij en zegt dat hij ze deelt als ik niet terugkom",
        # a threat without a deadline today is the guide's `none` (no danger now)
        "mijn ex zegt dat hij mijn foto's ooit gaat verspreiden als ik niet met hem praat",
    ],
)
def test_round9_alarm_does_not_fire(text):
    assert not alarmed(text)
