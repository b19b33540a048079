"""Round 11 cues, without a model: minor cues of school and club life, curfews and parents' rules,
ages written in other ways; adult cues of work in plain Dutch, marriage in years, student life;
role cues in plain Dutch (perpetrators, the writer as the one it happens to, a writer who writes
or translates for someone else, parents fighting); theme cues for locking in and a weapon held.
Sentences written for these tests from LABELLING.md, never taken from an evaluation set; each kind
has sentences it must not read.
"""

import pytest

from bot.components import clauses, cues, theme_cues
from bot.components.age import own_age
from bot.components.textnorm import normalize
from bot.components.triage_model import age_rule


def norm(text):
    return normalize(text)


@pytest.mark.parametrize(
    "text",
    [
        # coming from school, not going, skipping, the whole class
        "als ik van school kom wacht hij me op aan de bakker",
        "we fietsen samen van school en dan duwen ze me in de gracht",
        "ik ben al een maand bang en wil niet meer naar school",
        "mijn moeder weet niet dat ik gespijbeld heb omdat ze me daar slaan",
        "heel mijn klas heeft die foto van mij gezien",
        "na school moet ik altijd bij mijn oom wachten en dat wil ik niet",
        # boarding school, youth movement
        "ik zit op internaat en mijn kamergenoot pakt elke avond mijn spullen",
        "op internaat mag ik maar een keer per week bellen naar huis",
        "ik zit bij de chiro en een leider zegt dingen over mijn lichaam",
        "mijn scoutsleider stuurt me berichten die ik raar vind",
        # curfews and parents' rules
        "als ik om 21u niet thuis ben slaat mijn pa me",
        "mijn moeder zegt dat ik om 8 uur binnen moet zijn en anders krijg ik geen eten",
        "mijn ouders lezen alles en ik mag geen vrienden hebben van een ander geloof",
        "mijn vader heeft me geslagen voor mijn punten van wiskunde",
        # French school life
        "ma copine de classe pleure tous les jours a cause de son beau-pere",
        "apres les cours un garcon me suit jusqu'a la maison",
    ],
)
def test_round11_minor_cues(text):
    assert age_rule(norm(text)) == ("minor_cue", "minor"), cues.minor_cue(norm(text))


@pytest.mark.parametrize(
    "text",
    [
        "mijn broertje zit op internaat en ze pesten hem daar",
        "mijn zus zit bij de scouts en haar leider is raar",
        "de leiding laat hem als straf buiten staan",
        "mijn lief leest mijn berichten en ik mag niet naar buiten zonder hem",
        "mijn vriend zegt dat ik niet meer met mijn vriendinnen mag afspreken",
        "hij is om 18u thuis en dan begint het weer",
        "ik wilde van het dak van de flat springen",
        "ik ben bang dat hij me komt halen na het werk",
    ],
)
def test_round11_no_minor_cue(text):
    assert cues.minor_cue(norm(text)) is None


@pytest.mark.parametrize(
    "text, age",
    [
        ("ik zit op het mbo en ben 16, een docent stuurt me rare dingen", 16),
        ("ik word zaterdag 15 en mijn pa wil me dan meenemen naar zijn land", 14),
        ("il a 13 ans comme moi et son pere le frappe", 13),
        ("ik ben een oudere dame van 81 en mijn zoon neemt mijn pensioen af", 81),
    ],
)
def test_round11_own_age(text, age):
    found = own_age(norm(text))
    assert found is not None and found.age == age


@pytest.mark.parametrize(
    "text",
    [
        "wij zijn 4 vrouwen in een kamer en de baas neemt onze papieren af",
        "we zijn 3 jongens en we worden elke dag uitgelachen",
    ],
)
def test_round11_a_count_of_people_is_no_age(text):
    assert own_age(norm(text)) is None


def test_round11_higher_education_year_is_no_secondary_year():
    assert age_rule(norm("ik zit in het eerste jaar hogeschool en op een feestje heeft iemand me betast")) == ("stated_school", "adult")


def test_round11_school_level_beats_a_childhood_long_ago():
    text = "vroeger sloeg mijn stiefmoeder mij, nu woon ik bij mijn tante en zit in het 3de middelbaar"
    assert age_rule(norm(text)) == ("stated_school", "minor")


@pytest.mark.parametrize(
    "text",
    [
        "ik werk in de keuken van een restaurant en de chef knijpt in mijn billen",
        "wij werken in de kassen en de baas neemt onze paspoorten",
        "ik heb werk via een uitzendbureau en de ploegbaas bedreigt ons",
        "na 30 jaar huwelijk durf ik eindelijk te zeggen dat hij me kleineert",
        "hij kwam gisteren naar mijn kot en wist op welk kot ik zat",
        "ik ben eerstejaars geneeskunde en een ouderejaars laat me niet met rust",
    ],
)
def test_round11_adult_cues(text):
    assert age_rule(norm(text)) == ("adult_cue", "adult"), cues.adult_cue(norm(text))


@pytest.mark.parametrize(
    "text",
    [
        "mijn moeder werkt in een hotel en mijn stiefvader slaat me als zij weg is",
        "mijn ouders hebben een moeilijk huwelijk en roepen elke avond",
        "de eerstejaars van het middelbaar worden gepest door de oudste",
    ],
)
def test_round11_no_adult_cue(text):
    assert cues.adult_cue(norm(text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "mijn man zegt ik sla de kinderen te veel maar bij ons doet iedereen dat",
        "ik heb met mijn vrienden een jongen uit de buurt in elkaar geslagen",
        "mijn vrouw wil niet maar ik dring aan tot ze stopt met nee zeggen",
        "laat ik hem soms de hele dag alleen in de zetel omdat ik moe ben",
    ],
)
def test_round11_perpetrator(text):
    assert cues.PERPETRATOR.search(norm(text))


@pytest.mark.parametrize(
    "text",
    [
        "mijn stiefvader slaat de kinderen van de buren",
        "ik ben bang dat hij weer aandringt",
        "mijn vriend laat me alleen met de kinderen",
    ],
)
def test_round11_no_perpetrator(text):
    assert not cues.PERPETRATOR.search(norm(text))


@pytest.mark.parametrize(
    "text",
    [
        "mijn schoondochter scheldt mij elke dag uit",
        "de jongens op straat lachen mij altijd uit om mijn accent",
        "mijn zoon laat mij het hele weekend alleen zonder eten",
        "ik krijg van de thuiszorg maar een keer per dag eten",
        "hij spuugt op mij als ik iets vraag",
    ],
)
def test_round11_victim_first_person(text):
    assert cues.VICTIM_FIRST_PERSON.search(norm(text))


def test_round11_no_victim_first_person():
    assert not cues.VICTIM_FIRST_PERSON.search(norm("ik lach hem uit omdat hij zo raar doet"))


@pytest.mark.parametrize(
    "text",
    [
        "ik schrijf voor mijn oma, zij kan niet typen",
        "ik typ dit namens mijn vader want hij spreekt geen nederlands",
        "mijn moeder spreekt alleen arabisch, ik vertaal",
        "i translate for my mum because her dutch is not good",
        "ik heb gisteren een man gezien die zijn hond en zijn vrouw schopte",
    ],
)
def test_round11_writes_for_someone_else(text):
    assert cues.WRITES_FOR_OTHER.search(norm(text))


@pytest.mark.parametrize(
    "text",
    [
        "ik schrijf dit omdat ik niet meer weet wat te doen",
        "ik heb hem gezien op de markt",
        "ik schrijf een brief aan mijn vader",
    ],
)
def test_round11_no_writes_for_someone_else(text):
    assert not cues.WRITES_FOR_OTHER.search(norm(text))


def test_round11_parents_fighting():
    assert cues.PARENT_ON_PARENT.search(norm("mama en papa vechten elke avond in de keuken"))
    assert cues.PARENT_ON_PARENT.search(norm("papa gooit met glazen als hij boos is"))
    assert not cues.PARENT_ON_PARENT.search(norm("mama en papa gaan op reis"))


@pytest.mark.parametrize(
    "text",
    [
        "de baas sluit ons elke nacht op in de loods",
        "hij houdt mij in de kelder als ik niet luister",
        "sinds gisteren word ik opgesloten in mijn kamer",
    ],
)
def test_round11_locked_in(text):
    assert theme_cues.LOCKED_IN.search(norm(text))


def test_round11_not_locked_in():
    assert not theme_cues.LOCKED_IN.search(norm("ik heb mijn deur op slot gedaan en luister muziek"))
    assert not theme_cues.LOCKED_IN.search(norm("hij sluit de winkel om 6 uur"))


def test_round11_weapon_held():
    assert theme_cues.WEAPON_HELD.search(norm("hij zwaait met een keukenmes in de gang"))
    assert theme_cues.WEAPON_HELD.search(norm("mijn broer dreigt met een hamer"))
    assert not theme_cues.WEAPON_HELD.search(norm("opa heeft zijn geweer schoongemaakt"))
    assert not theme_cues.WEAPON_HELD.search(norm("ik snij groenten met een mes"))


def test_round11_team_mate_is_no_professional():
    assert not cues.PROFESSIONAL.search(norm("een jongen van ons team pest de nieuwe"))
    assert cues.PROFESSIONAL.search(norm("ons team heeft een melding gekregen over een kind"))


@pytest.mark.parametrize(
    "text",
    [
        "mijn broer wordt nu op het plein geslagen door drie jongens",
        "mijn moeder wordt op dit moment in de keuken geschopt",
        "my sister is being beaten right now by her boyfriend",
    ],
)
def test_round11_alarm_violence_now_in_the_passive(text):
    assert clauses.alarm(norm(text))


@pytest.mark.parametrize(
    "text",
    [
        "mijn broer wordt soms geslagen door mijn vader",
        "vroeger werd ik elke week geschopt op school",
        "wordt er nu iets gedaan met mijn melding over de buurman die geslagen werd?",
    ],
)
def test_round11_no_alarm_without_now(text):
    assert not clauses.alarm(norm(text))
