"""Round 10 cues, without a model: adult life in other words (age), and calming kinds of the guide's
`none` urgency (danger that is over, worry with no danger now, questions about the service or how to
talk about it, a joke about being killed for something petty, someone else's suicide threat as
pressure). Sentences written for these tests from LABELLING.md, never taken from an evaluation set;
each kind has sentences it must not read.
"""

import pytest

from bot.components import clauses, cues
from bot.components.age import own_age
from bot.components.textnorm import normalize
from bot.components.triage_model import age_rule
from bot.components.urgency_model import DEFAULTS, decide

ROUND_CONFIG = {**DEFAULTS, "alarm_floor": 0.5, "calm_factor": 0.5, "ask_threshold": 0.18}


def calmed(text):
    return clauses.calming(normalize(text))


@pytest.mark.parametrize(
    "text",
    [
        # living together, married
        "sinds we samenwonen leest hij al mijn berichten na",
        "we wonen sinds kort samen en hij wordt heel snel kwaad",
        "we zijn al twaalf jaar getrouwd en zo erg was het nog nooit",
        # one's own work and money, colleagues
        "ik werk tot middernacht en daarna durf ik niet naar huis",
        "hij neemt elke maand mijn salaris af en ik moet bonnetjes tonen",
        "mijn ex-collega blijft me mailen vanaf nieuwe adressen",
        "na een late shift stond hij me op te wachten op de parking",
        "ik heb vorige week ontslag genomen omdat ik het niet meer trok",
        # teaching or training a group
        "ik geef wiskunde en een meisje uit mijn klas heeft blauwe plekken",
        "ik sta al tien jaar voor de klas en dit heb ik nog nooit meegemaakt",
        "ik ben hun coach en twee spelers vertelden me iets over de trainer",
        "ben opvoeder in een leefgroep, een jongen vertelde me iets vreselijks",
        # student life
        "ik schrijf mijn masterthesis en mijn promotor stuurt me 's nachts rare berichten",
        "op het studentenfeest gisteren heeft iemand aan mij gezeten",
        "tijdens mijn erasmusjaar in Lissabon heeft mijn vriend me geslagen",
        "my boyfriend keeps showing up at my kot at night",
        # own children in other words
        "mijn jongste van 7 plast weer in bed sinds hij bij zijn vader was",
        "hij heeft de kinderen meegenomen naar zijn moeder en neemt niet op",
        "de kinderen slapen al boven en hij is beneden aan het roepen",
        # caring for an old or ill parent
        "ik ben mantelzorger voor mijn vader en soms schreeuw ik tegen hem",
        "mijn moeder met alzheimer wordt in het weekend aan haar lot overgelaten",
        "ik doe de papieren van ma en er verdwijnt geld van haar rekening",
        # a childhood long ago, a past marriage's family, old parents
        "dat is nu dertig jaar geleden maar ik droom er nog elke week van",
        "vroeger dronk mijn vader elke avond en dan moesten wij ons verstoppen",
        "nu ben ik zelf mama en ik merk dat ik roep zoals zij deed",
        "mijn ex-schoonmoeder stuurt me nog altijd dreigende kaartjes",
        "mijn ouders zijn allebei in de tachtig en mijn broer neemt hun geld",
        "mijn oom kwam 's nachts op mijn kamer, ik was toen zeven",
        # childbirth, pension, widowhood, divorce, custody
        "ik ben twee maanden geleden bevallen en hij laat me nooit slapen",
        "sinds ik met pensioen ben controleert hij elke uitgave",
        "ik ben weduwe en mijn neef komt elke week geld halen",
        "de vader van mijn kinderen houdt zich niet aan het ouderschapsplan en scheldt me uit",
    ],
)
def test_round10_adult_cues(text):
    assert age_rule(normalize(text)) == ("adult_cue", "adult"), cues.adult_cue(normalize(text))


@pytest.mark.parametrize(
    "text",
    [
        "mijn moeder gaat samenwonen met haar nieuwe vriend en ik wil daar niet wonen",
        "mijn vader werkt tot laat en dan ben ik alleen met mijn stiefbroer",
        "ik geef bijles aan een jongen uit de buurt en hij vertelde dat zijn vader hem slaat",
        "hij zei dat ik mijn verdiende loon kreeg",
        "mijn huisgenoot blijft 's nachts op mijn deur kloppen",
        "vroeger was mijn ex heel lief maar nu controleert hij alles",
        "mijn opa is dertig jaar geleden gestorven en mijn oma praat er nooit over",
        "ik zorg voor mijn broertje als mama moet werken",
        "ik speel soms met de kinderen van mijn zus",
        "mijn kleine zus van 9 wordt gepest",
        "nu woon ik alleen en het gaat beter met me",
        "mijn ouders zijn gescheiden en mijn vader drinkt veel",
        "mijn tante is net bevallen en haar vriend slaat haar",
    ],
)
def test_round10_no_adult_cue(text):
    assert cues.adult_cue(normalize(text)) is None


def test_round10_minor_stays_minor():
    assert age_rule(normalize("ik ben 15 en mijn ouders wonen niet meer samen")) == ("stated_number", "minor")
    assert age_rule(normalize("ik krijg van papa huisarrest omdat ik te laat thuis was")) == ("minor_cue", "minor")


@pytest.mark.parametrize(
    "text, age",
    [
        ("ik ben zijn zus, 23, en ik maak me zorgen om hem", 23),
        ("mijn opa wordt slecht verzorgd. ik ben zijn kleindochter, 16.", 16),
        ("ik ben haar kleinzoon en zit in 4 aso, wat kan ik doen?", 15),
    ],
)
def test_round10_own_age_after_a_comma_or_when_named(text, age):
    found = own_age(normalize(text))
    assert found is not None and found.age == age


def test_round10_standing_before_a_class_is_no_school_level():
    assert own_age(normalize("ik sta voor het 5de leerjaar en een meisje huilt elke ochtend")) is None


@pytest.mark.parametrize(
    "text",
    [
        # danger that is over or elsewhere
        "we zitten nu in een vrouwenopvang en hij weet niet waar we zijn",
        "gisteren is hij eindelijk vertrokken, ik kan weer ademen",
        "mijn stiefvader heeft twee jaar gekregen voor wat hij deed",
        "in mijn vorige relatie werd ik uitgescholden en geduwd, ik wil erover praten",
        "in mijn vorige relatie werd ik opgesloten als ik te laat thuis kwam",
        "ik heb hem overal geblokkeerd maar hij maakt steeds nieuwe accounts aan",
        "ze lachen me uit in de kantine, het is al maanden zo",
        # questions about the service or about how to talk about it
        "hoe lang moet ik nog wachten voor iemand antwoordt?",
        "zijn jullie ook open op zondag?",
        "moet ik dit tegen mijn mentor zeggen?",
        "how do I bring this up with my sister without a fight?",
        "wat moet ik bewaren als bewijs van die berichten?",
        "hij wil altijd weten waar ik ben, is dat een red flag?",
        "ik ben bang dat ze mijn kinderen afpakken als ik hulp vraag",
        # a joke about being killed for something petty
        "mijn pa gaat me vermoorden, ik heb een deuk in zijn auto gereden 😅",
        "ik ga mijn zus vermoorden ze heeft mijn pizza opgegeten 😤",
        "dat examen gaat me dood maken lol",
        # someone else's suicide threat as pressure
        "my boyfriend says he'll swallow all his pills if I go out with my friends",
        "hij zegt dat hij van de brug springt als ik naar die fuif ga",
    ],
)
def test_round10_calming(text):
    assert calmed(text)
    decision = decide({"acute_danger": 0.2, "suicide_risk": 0.05, "none": 0.75}, normalize(text), ROUND_CONFIG)
    assert decision.action == "none"


@pytest.mark.parametrize(
    "text",
    [
        # a petty cause beside real danger or a wish to die
        "mijn pa gaat me vermoorden, hij heeft een mes en is dronken want ik heb zijn auto geschraapt 😭",
        "ik ga dood van die examens haha, nee serieus ik wil niet meer leven",
        # safe words beside danger now
        "hij weet niet waar ik woon maar hij staat nu voor de deur",
        "in mijn vorige relatie was hij lief, maar mijn nieuwe vriend heeft me vannacht opgesloten",
        "ik hoor de buurman nu roepen en er valt steeds iets, ben ik overdreven?",
        "als ik hem verlaat springt hij van de brug, zegt hij, en nu staat hij echt op de brug",
        # means, not a question about waiting
        "hoe lang duurt het als je 40 pillen neemt?",
        "voor mij is het te laat, bedankt voor alles",
    ],
)
def test_round10_not_calmed(text):
    assert not calmed(text)
