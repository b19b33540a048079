"""Round 8 theme cues, without a model: a threat to kill told without a blow, stalking and
control, sexual acts and images told without the usual words, care withheld, and suicide or
farewell signs with no violence. Sentences written for these tests from LABELLING.md, never
taken from an evaluation set.
"""

import pytest

from bot.components import theme_cues
from bot.components.features import TextFeatures
from bot.components.textnorm import normalize

THREAT, STALKING, SEXUAL_WORDS, SEXUAL_IMAGE, NEGLECT, NO_VIOLENCE = range(6)


def vector(text):
    return theme_cues.theme_vector(normalize(text))


@pytest.mark.parametrize(
    "text, cue",
    [
        ("mijn schoonbroer zei aan de telefoon dat hij haar gaat afmaken als ze scheidt", THREAT),
        ("hij appte dat ik morgen dood ben als ik nog eens met mijn collega praat", THREAT),
        ("he texted that he will kill me if i change the locks", THREAT),
        ("mijn vriend schreeuwt en breekt dingen maar hij heeft me nooit geslagen", THREAT),
        ("er rijdt al een week een auto achter me aan als ik van het werk kom", STALKING),
        ("my girlfriend reads my messages every night and picks my clothes", STALKING),
        ("mijn man houdt mijn loon af en ik krijg zakgeld", STALKING),
        ("hij laat me niet meer afspreken met mijn zussen", STALKING),
        ("mijn stiefbroer kroop altijd in mijn bed als mama werkte", SEXUAL_WORDS),
        ("he has sex with me while i'm asleep and says it's fine", SEXUAL_WORDS),
        ("een klant krijgt elke week foto's van zijn piemel van een onbekende", SEXUAL_WORDS),
        ("volgens mij deed iemand iets in mijn glas op de bedrijfsfuif", SEXUAL_WORDS),
        ("ze dreigen een filmpje van mij te verspreiden als ik niet betaal", SEXUAL_IMAGE),
        ("mijn oom in het rusthuis zit elke keer in een natte broek", NEGLECT),
        ("de bewoner krijgt geen eten als hij te traag is", NEGLECT),
        ("de kinderen van hiernaast zijn hele dagen alleen en hebben honger", NEGLECT),
        ("een cliënt gaf me zijn horloge om te bewaren en zei dat hij het niet meer nodig heeft", NO_VIOLENCE),
        ("een leerling van mij zit op het dak van de school en antwoordt niet", NO_VIOLENCE),
        ("ik wil niet meer leven sinds mijn vrouw er niet meer is", NO_VIOLENCE),
    ],
)
def test_round8_theme_cue_fires(text, cue):
    assert vector(text)[cue] == 1.0


@pytest.mark.parametrize(
    "text, cue",
    [
        ("we hebben het heel gezellig gehad op het werkfeest", THREAT),
        ("ik liep gisteren met mijn hond achter het huis", STALKING),
        ("ik lig ziek in bed en mijn man brengt thee", SEXUAL_WORDS),
        ("mijn vader eet altijd alleen want hij werkt 's avonds", NEGLECT),
        # suicide signs together with violence: the theme of that violence, not this cue
        ("sinds hij me verkracht heeft wil ik niet meer leven", NO_VIOLENCE),
        ("mijn man slaat me en ik wil dood", NO_VIOLENCE),
        ("een bewoonster gaf me een tekening, zo lief", NO_VIOLENCE),
    ],
)
def test_round8_theme_cue_does_not_fire(text, cue):
    assert vector(text)[cue] == 0.0


def test_theme_block_only_when_weighted():
    texts = ["hij volgt me overal", "hallo", "mijn oma krijgt geen eten"]
    without = TextFeatures(theme_cue_weight=0.0).fit(texts).transform(texts)
    weighted = TextFeatures(theme_cue_weight=1.0).fit(texts).transform(texts)
    assert weighted.shape[1] == without.shape[1] + theme_cues.N_THEME_CUES


def test_features_pickled_before_round8_have_no_theme_block():
    texts = ["hij volgt me overal", "hallo"]
    features = TextFeatures(theme_cue_weight=1.0).fit(texts)
    width = features.transform(texts).shape[1]
    del features.theme_cue_weight
    assert features.transform(texts).shape[1] == width - theme_cues.N_THEME_CUES
