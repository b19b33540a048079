"""Round 12 alarm kinds, without a model: a threat tied to a clock time, acting on someone's wish that
the writer were not alive, a letter to be opened later, someone else's plan to end their life. Each
must at least get the safety question; jokes, danger that is over, pressure on the writer, ordinary
appointments and wishes must not. Sentences written for these tests from LABELLING.md, never taken
from an evaluation set.
"""

import pytest

from bot.components import clauses
from bot.components.textnorm import normalize
from bot.components.urgency_model import DEFAULTS, decide

CONFIG = {**DEFAULTS, "alarm_floor": 0.5, "calm_factor": 0.5, "ask_threshold": 0.18}


def alarmed(text):
    return clauses.alarm(normalize(text))


@pytest.mark.parametrize(
    "text",
    [
        # a threat tied to a clock time, in a condition
        "als ik om 9 uur niet bij de bushalte sta stuurt hij mijn naaktfoto's naar mijn ouders",
        "ze zei dat ik het zal voelen als ze om 8u terug is van haar werk",
        "mijn broer zegt dat ik het ga voelen als hij om 23u thuiskomt, vorige week brak hij mijn bril",
        "if i'm not at the station by 9 he says he will come and get me",
        "as ik om 7u ni thuis ben komt hij me halen zegt hij",
        # acting on someone's wish that the writer were not alive
        "mijn vader zegt dat hij wou dat ik dood was. dan krijgt hij straks zijn zin",
        "ze wenste dat ik nooit geboren was. ik ga haar die wens vervullen",
        "my mum says she wishes i was never born. i'll give her that wish",
        # a letter to be opened later, own or someone else's
        "ik heb een briefje in mijn kast gelegd, pas openen na het weekend",
        "mijn vriend gaf me een envelop die ik niet mag openen voor morgenavond en hij reageert niet meer",
        "she left a letter on her desk that says do not open until friday",
        # someone else's plan to end their life, not as pressure
        "mijn oom belde dat hij er een eind aan wil maken, hij is alleen thuis",
        "een bewoner zegt dat hij zichzelf van kant wil maken",
        "mijn beste vriend is van plan om een einde aan zijn leven te maken",
        "my sister says she wants to end her life",
    ],
)
def test_round12_alarm_asks_at_least(text):
    assert alarmed(text)
    decision = decide({"acute_danger": 0.01, "suicide_risk": 0.01, "none": 0.98}, normalize(text), CONFIG)
    assert decision.action in ("ask", "crisis")


@pytest.mark.parametrize(
    "text",
    [
        # a clock time without a threat, a threat a week ahead, a joke, danger that is over
        "als ik om 10 uur niet thuis ben mag ik morgen niet naar de fuif",
        "als hij om 6 uur thuiskomt eten we samen, dat is gezellig",
        "mijn ma zegt dat ik het ga voelen als ik om 11 uur thuis ben 😂 ze bedoelt de afwas",
        "vroeger zei hij dat ik het ging voelen als hij om 6 uur thuiskwam, nu woon ik veilig bij mijn tante",
        "als ik volgende week om 10 uur niet betaal zet hij mijn foto's online, wat moet ik doen",
        # an ordinary wish, an ordinary letter or present
        "mijn zus wou altijd al een hond, ik ga haar die wens geven voor haar verjaardag",
        "mijn oma gaf me een cadeau, pas openen na kerstmis",
        "ik heb een brief van de school gekregen en weet niet wat erin staat",
        # ending something else, or suicide threatened as pressure on the writer
        "ik wil een eind aan de ruzie maken met mijn broer",
        "ik wil er een eind aan maken aan die relatie, hij controleert alles",
        "hij zegt dat hij er een eind aan maakt als ik hem verlaat",
        "mijn vriendin zegt dat ze zichzelf iets aandoet als ik naar de fuif ga",
    ],
)
def test_round12_alarm_does_not_fire(text):
    assert not alarmed(text)


@pytest.mark.parametrize(
    "text",
    [
        # a time today in a condition on someone else, a jump threat told by another, drunk and raging now
        "mijn pa zegt als mijn zus vannacht thuiskomt duwt hij haar van de trap",
        "mijn tante zegt dat ze van de brug springt, ze is alleen en neemt niet meer op",
        "mijn stiefvader is weer stomdronken en smijt alles kapot beneden",
    ],
)
def test_round12_more_kinds_ask(text):
    assert alarmed(text)


@pytest.mark.parametrize(
    "text",
    [
        # pressure on the writer, a habit, the past
        "mijn vriend appt dat hij van het dak springt als ik niet terugkom",
        "mijn dochter zegt als ik geen geld geef zij springt van de flat",
        "als hij dronken is slaat hij alles kapot, maar dat was vroeger",
        "hij is vaak dronken en smijt dan dingen kapot",
        "als mijn broer vanavond thuiskomt gaan we samen pizza eten",
    ],
)
def test_round12_more_kinds_do_not_fire(text):
    assert not alarmed(text)


def test_round12_help_before_too_late_calms_a_perpetrator():
    # the writer wants help for what they do (LABELLING.md: a perpetrator, urgency none)
    assert clauses.calming(normalize("ik schreeuw zo hard tegen mijn zoon dat hij beeft. ik wil hulp voor het te laat is"))
    # not when a farewell or danger now is told beside it
    assert not clauses.calming(normalize("ik wil hulp voor het te laat is, hij staat nu voor de deur"))
    assert not clauses.calming(normalize("ik wil hulp voor het te laat is. het is goed zo, bedankt voor alles"))
