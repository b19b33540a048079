"""Round 7 cues, without a model: an age typed as a sentence of its own, school and stepparent
cues, a duration that is no age, jobs of students, the no-cue threshold that now gives unknown,
calming kinds the patterns missed, and being held by someone now. Sentences written for these
tests from LABELLING.md, never taken from an evaluation set.
"""

import pytest

from bot.components import clauses, cues
from bot.components.age import own_age
from bot.components.textnorm import normalize
from bot.components.triage_model import TriageModel, age_rule


@pytest.mark.parametrize(
    "text, age",
    [
        ("niemand weet het nog. 14j. sorry voor de spelling", 14),
        ("ik weet niet meer wat ik moet doen. 17", 17),
        ("13, mag ik hier iets vragen over mijn oom", 13),
        ("hij duwde me tegen de muur. ik durfde niks te zeggen. ben 15", 15),
        ("ik pas op mijn broertjes maar ik ben zelf pas 11", 11),
        ("ich bin noe 19 en ich weet neet wat ich moet doon", 19),
        ("ik tel af tot ik 18 word, dan ben ik hier weg", 17),
        ("she keeps yelling at me. 16", 16),
    ],
)
def test_round7_own_age(text, age):
    found = own_age(normalize(text))
    assert found is not None and found.age == age


@pytest.mark.parametrize(
    "text",
    [
        "ik ben al twaalf jaar mantelzorger voor mijn broer",
        "ik ben al 8 jaar getrouwd en hij wordt steeds kwader",
        "we zijn om 9u thuisgekomen. 2",
        "ik heb 3 berichten gestuurd. 3",
    ],
)
def test_round7_no_age_from_a_duration_or_a_count(text):
    assert own_age(normalize(text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "ik zit in 4de en ze lachen me elke dag uit",
        "ik zit zelf in de 3e en een jongen uit 5 vwo volgt me",
        "nu weet heel de school het van die foto",
        "hij wacht me op aan de schoolpoort",
        "in de groepschat van 2b zetten ze foto's van mij",
        "de leraar lo zegt dat ik me niet moet aanstellen",
        "mon beau-père m'a frappé hier soir",
        "mijn ma is streng, ik mag geen vriendje hebben",
        "ze pesten me elke pauze op school",
        "ik heb het gisteren aan het clb verteld",
    ],
)
def test_round7_minor_cues(text):
    rule = age_rule(normalize(text))
    assert rule is not None and rule[1] == "minor"


@pytest.mark.parametrize(
    "text",
    [
        "ik werk als jobstudent in een woonzorgcentrum en een bewoner krijgt geen drinken",
        "ik loop stage in een kleuterklas en een kindje heeft blauwe plekken",
        "ik zit in het 2de jaar van de lerarenopleiding en mijn lief controleert mijn gsm",
    ],
)
def test_round7_adult_cues(text):
    rule = age_rule(normalize(text))
    assert rule is not None and rule[1] == "adult"


def test_round7_jobstudent_and_stage_are_professional():
    for text in ("ik werk als jobstudent in de kinderopvang", "ik loop stage bij de thuiszorg"):
        assert cues.adult_cue(normalize(text)) == "professional"


@pytest.mark.parametrize(
    "text",
    [
        "mijn ex heeft me vroeger gestalkt, nu is het stil",
        "mijn vriendin heeft me vroeger vaak gekleineerd",
    ],
)
def test_round7_a_past_relationship_is_no_childhood(text):
    assert cues.adult_cue(normalize(text)) != "looks back on childhood"


def test_round7_no_cue_threshold_gives_unknown():
    model = TriageModel({"no_cue_threshold": 0.65})
    unsure = {"minor": 0.55, "adult": 0.1, "unknown": 0.35}
    result = model._age_group(normalize("er is iets gebeurd"), unsure)
    assert max(result, key=result.get) == "unknown"
    sure = {"minor": 0.8, "adult": 0.05, "unknown": 0.15}
    result = model._age_group(normalize("er is iets gebeurd"), sure)
    assert max(result, key=result.get) == "minor"


@pytest.mark.parametrize(
    "text",
    [
        "merci voor de hulp vorige maand, ik heb met de vertrouwenspersoon gepraat. ik voel me nu een stuk beter",
        "ik wil jullie even laten weten dat ik een eigen appartement heb gevonden",
        "mijn vrouw zegt dat ze zich van het leven beneemt als ik de kinderen meeneem",
        "wat gebeurt er precies als ik bij de politie een verklaring afleg?",
        "gisteren heeft hij me vastgepakt op de fuif. hij is daarna weggegaan. ik twijfel of ik aangifte moet doen",
        "vandaag is ze rustig, maar gisteren gooide ze met borden",
        "we zijn net verhuisd en de buren maken 's nachts ruzie, nu is het stil",
        "ik ga dood aan dat examen van morgen 🙈 maar ik heb een vraag over jullie chat",
        "mijn oma zou me dood knuffelen als ze dit wist 😅 is dit anoniem?",
        "mijn broer heeft mijn verblijfskaart afgepakt en bewaart hem in zijn kluis",
    ],
)
def test_round7_calming(text):
    assert clauses.calming(normalize(text))


@pytest.mark.parametrize(
    "text",
    [
        "hij wil me niet laten gaan, ik zit in zijn auto op een parking",
        "ze houdt me hier vast in de kelder",
    ],
)
def test_round7_held_now_asks(text):
    norm = normalize(text)
    assert clauses.alarm(norm) and not clauses.calming(norm)


@pytest.mark.parametrize(
    "text",
    [
        "mijn ouders laten me niet gaan naar het kamp",
        "hij maakt steeds nieuwe accounts om me te volgen",
    ],
)
def test_round7_not_held_not_farewell(text):
    assert not clauses.alarm(normalize(text))


def test_round7_still_alarming():
    for text in (
        "ik ga dood, ik heb de pillen al klaarliggen",
        "ik heb al mijn accounts verwijderd en mijn spullen weggegeven",
        "ik ben net thuis en hij slaat me",
    ):
        assert not clauses.calming(normalize(text))


def test_round7_diet_crisis_over_a_zero_score_is_no_crisis_answer():
    from rasa.shared.nlu.training_data.message import Message

    from bot.components.urgency import UrgencyDetector

    config = {**UrgencyDetector.get_default_config(), "diet_ask_factor": 0.5, "ask_threshold": 0.18}
    detector = UrgencyDetector(config, model_storage=None, resource=None)
    message = Message(data={"text": "tot hoe laat is de chat vandaag open?"})
    message.set("intent", {"name": "crisis", "confidence": 0.55}, add_to_output=True)
    message.set(
        "intent_ranking",
        [{"name": "crisis", "confidence": 0.55}, {"name": "ask_hours", "confidence": 0.4}],
        add_to_output=True,
    )
    detector.process([message])
    assert message.get("intent")["name"] == "ask_hours"
    assert [item["name"] for item in message.get("intent_ranking")] == ["ask_hours"]


@pytest.mark.parametrize(
    "text, recent",
    [
        ("een leerling vertelde me vandaag dat haar neef aan haar zit", False),
        ("mijn zoon durfde het pas gisteren te zeggen: een man stuurt hem vieze foto's", False),
        ("dank je voor gisteren, ik heb het aan mijn tante verteld", False),
        ("mijn nichtje vertelde vandaag dat ze vannacht verkracht is", True),
        ("gisteravond is hij in mijn bed gekropen en heeft hij me aangerand", True),
    ],
)
def test_round7_the_day_of_the_telling_is_not_the_day_of_the_assault(text, recent):
    from bot.components import lexicon

    assert lexicon.recent_hit(normalize(text)) is recent


@pytest.mark.parametrize(
    "text, alarming",
    [
        ("ik heb een brief in de kast gelegd voor als ik er niet meer ben", True),
        ("als je dit leest ben ik al weg, sorry", True),
        ("every evening i stand by the canal and think about just stepping in", True),
        ("de planten water geven voor als ik weg ben op vakantie", False),
    ],
)
def test_round7_farewell_letters_and_water(text, alarming):
    assert clauses.alarm(normalize(text)) is alarming


@pytest.mark.parametrize(
    "text, parents",
    [
        ("papa slaat mama en ik zit met mijn zusje op zolder", True),
        ("my dad is hitting my mum again downstairs", True),
        ("men vader is men moeder an 't sloan", True),
        ("mijn stiefmoeder duwt me tegen de muur als papa werkt", False),
        ("mijn vader slaat mij en mijn broer", False),
    ],
)
def test_round7_parent_hurting_the_other_parent(text, parents):
    assert bool(cues.PARENT_ON_PARENT.search(normalize(text))) is parents
