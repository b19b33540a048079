"""Round 5 cues, without a model: a negated joke, coercive control, the other word order of "he
is held", self-harm words as the only self-words that block calming, and alarm signs without the
usual words. Sentences written for these tests from LABELLING.md, never taken from an evaluation set.
"""

import pytest

from bot.components import clauses
from bot.components.textnorm import normalize
from bot.components.urgency_model import DEFAULTS, decide


def _config(**changes):
    return {**DEFAULTS, "calm_factor": 0.5, "alarm_floor": 0.5, **changes}


@pytest.mark.parametrize(
    "text",
    [
        "ik wil echt dood, dit is geen grap",
        "i want to die and i'm not joking",
        "ik wil er niet meer zijn. ik meen het",
    ],
)
def test_a_wish_to_die_said_not_to_be_a_joke_alarms_and_is_no_hyperbole(text):
    norm = normalize(text)
    assert clauses.alarm(norm)
    assert not clauses.calming(norm)
    assert clauses.clause_vector(norm)[clauses.NAMES.index("hyperbole")] == 0.0


def test_a_wish_to_die_in_a_joke_stays_hyperbole():
    norm = normalize("ik wil dood haha, morgen drie examens")
    assert not clauses.alarm(norm)
    assert clauses.clause_vector(norm)[clauses.NAMES.index("hyperbole")] == 1.0


@pytest.mark.parametrize(
    "text",
    [
        "mijn vriend leest elke avond mijn berichten en ik mag niet alleen weg",
        "mn vrouw pakt mijn loon af en ik krijg zakgeld van haar",
        "my husband keeps my passport in his office drawer",
        "een man dreigt mijn filmpje te verspreiden as ik nie betaal",
        "hij vraagt 300 euro anders stuurt hij het naar mijn school",
        "tis voorbij, zit hij eindelijk vast na al die jaren",
        "ik ben vooral boos op mezelf dat ik zo lang gebleven ben, hij is nu op reis",
        "vorig weekend heeft een jongen me op een feest betast, ik heb het aan mijn zus verteld",
    ],
)
def test_round5_calming_contexts(text):
    assert clauses.calming(normalize(text))


@pytest.mark.parametrize(
    "text",
    [
        # control and danger now: held, a weapon, self-harm
        "hij leest mijn berichten en heeft me nu in de slaapkamer opgesloten",
        "ze neemt mijn geld af en staat met een mes in de keuken",
        "hij zit vast maar ik snij mezelf elke avond",
        "vorig weekend sloeg hij me en nu probeert hij de voordeur open te krijgen",
    ],
)
def test_round5_danger_now_is_never_calmed(text):
    assert not clauses.calming(normalize(text))


def test_the_french_possessive_is_no_knife():
    assert clauses.calming(normalize("mon copain lit mes messages et mes mails, c'est normal ?"))
    assert not clauses.calming(normalize("hij heeft een mes en hij leest mijn berichten"))


@pytest.mark.parametrize(
    "text",
    [
        "mijn nonkel is hier en zegt dat hij niet weggaat voor hij geld krijgt",
        "mijn broer stuurde me 'help' en daarna niks meer",
        "ik moet om 22u bij hem zijn anders deelt hij alles",
        "ik zit onder mijn bed, beneden wordt geroepen",
        "mijn neus bloedt nog en hij zit beneden",
        "iemand probeert de achterdeur open te krijgen",
        "ik zie geen uitweg meer",
        "wie zorgt voor mijn hond als ik er niet meer ben",
        "ik wil dat er niks meer van mij overblijft online",
        "i stopped my medication, it's fine this way",
    ],
)
def test_round5_alarm_signs(text):
    assert clauses.alarm(normalize(text))


@pytest.mark.parametrize(
    "text",
    [
        "mijn zus wil niet weg bij haar man, hoe help ik haar?",
        "mijn gsm is bijna dood, ik schrijf morgen verder",
        "is het normaal dat ik bang ben van mezelf als ik kwaad word?",
    ],
)
def test_no_round5_alarm_on_ordinary_text(text):
    assert not clauses.alarm(normalize(text))


def test_control_with_a_middling_score_gets_no_question():
    norm = normalize("mijn man controleert mijn telefoon en beheert ons geld, is dat normaal?")
    probabilities = {"acute_danger": 0.3, "suicide_risk": 0.0, "none": 0.7}
    assert decide(probabilities, norm, _config(ask_threshold=0.18)).action == "none"
    assert decide(probabilities, norm, _config(ask_threshold=0.18, calm_factor=1.0)).action == "ask"
