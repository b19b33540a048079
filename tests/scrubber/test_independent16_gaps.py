"""The general forms that the blind scores of scrub_independent16.jsonl showed missing or
over-scrubbing.

Every sentence here is new (written for these tests, not copied from that set). Each test of a
form failed on the scrubber as it was at those scores (the code of 7115e49); the tests named
..._stay or ..._still guard sentences near the new rules (a private person with a kin word or a
listed first name alone, a school kind, a platform, a demonym that is someone's name)."""
import pytest


# --- a school without a school word after "zit op"; a capitalized -school compound; "Ter" ------------
@pytest.mark.parametrize("text,expected", [
    ("mijn zus zit op Mariagaarde en wordt gepest", "mijn zus zit op [SCHOOL] en wordt gepest"),
    ("ik zit in Lokeren op Sint-Lodewijk", "ik zit in Lokeren op [SCHOOL]"),
    ("mijn neef zit in Wevelgem op Groenhove", "mijn neef zit in Wevelgem op [SCHOOL]"),
    ("mijn vriendin van de Zonnebloemschool doet raar", "mijn vriendin van de [SCHOOL] doet raar"),
    ("ze gaat naar de Hotelschool Ter Groene Poorte", "ze gaat naar de [SCHOOL]"),
    ("hij zit op de kunstschool De Pont in Tilburg", "hij zit op de [SCHOOL]"),
    ("ons Lore zit op basisschool Ter Beke", "ons [NAAM] zit op [SCHOOL]"),
])
def test_school_without_school_word(scrubber, text, expected):
    assert scrubber.scrub(text) == expected


def test_platform_person_word_or_kind_after_zit_op_stays(scrubber):
    for text in ("hij zit op Tinder al een week", "ze zit op Smartschool te kijken",
                 "Rijschool is duur", "de Basisschool is dicht", "ik zit op Ter Kameren",
                 "ik zit op Facebook en zie alles"):
        assert scrubber.scrub(text) == text
    assert scrubber.scrub("ik zit op Lotte te wachten") == "ik zit op [NAAM] te wachten"


def test_saint_building_is_no_school(scrubber):
    for text in ("de Sint-Baafskathedraal ligt naast mijn school",
                 "na school gaan we naar de Sint-Annakerk",
                 "ik neem de trein aan het Sint-Pietersstation naar school"):
        assert scrubber.scrub(text) == text
    assert scrubber.scrub("ik zit op school in het Sint-Jozefcollege") == "ik zit op school in het [SCHOOL]"


# --- a birthday after a dialect form of "verjaren" ----------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("ik verjoar op 3 mei", "ik verjoar op [DATUM]"),
    ("mijn zus verjoart op 12 augustus", "mijn zus verjoart op [DATUM]"),
    ("'k verjoarde op 9 maart en niemand wist het", "'k verjoarde op [DATUM] en niemand wist het"),
])
def test_dialect_birthday(scrubber, text, expected):
    assert scrubber.scrub(text) == expected


# --- public figures by their sentence: royals, idols, role models, the news, a song ---------------------
def test_public_figure_by_sentence(scrubber):
    for text in ("Prinses Elisabeth gaat naar de militaire school",
                 "we zagen koningin Mathilde op tv",
                 "Kevin Vermeulen is mijn grote idool sinds ik klein ben",
                 "mijn idool is Yannick Ferreira",
                 "hij wil wielrenner worden zoals Evenepoelski",
                 "ik wil zangeres worden net als Selahnia",
                 "Tom Bogaert zei gisteren op het nieuws dat alles beter wordt",
                 "Selahnia heeft een lied over pesten en dat hielp"):
        assert scrubber.scrub(text) == text


@pytest.mark.parametrize("text,expected", [
    ("mijn broer Jan heeft een liedje over mij gemaakt", "mijn broer [NAAM] heeft een liedje over mij gemaakt"),
    ("Marieke heeft een nieuw nummer over haar ex uitgebracht", "[NAAM] heeft een nieuw nummer over haar ex uitgebracht"),
    ("mijn zus wil worden zoals Lotte", "mijn zus wil worden zoals [NAAM]"),
    ("ik wil zoals Zerrin zijn", "ik wil zoals [NAAM] zijn"),
    ("Kevin is mijn vriend en hij zei op het nieuws niks", "[NAAM] is mijn vriend en hij zei op het nieuws niks"),
    ("Zerrin is mijn beste vriendin", "[NAAM] is mijn beste vriendin"),
])
def test_private_person_near_public_forms_still(scrubber, text, expected):
    assert scrubber.scrub(text) == expected


# --- cars, a demonym after "een", a story's animal, idioms with a name, French kin words ---------------
def test_car_demonym_story_animal_idiom_stay(scrubber):
    for text in ("hij heeft een grijze Opel Corsa en een Toyota Yaris",
                 "hij rijdt met een Peugeot Ines rond",
                 "ik ken een Fin uit mijn klas", "haar vriend is een Noor",
                 "de wolf Isegrim is de vijand in dat verhaal",
                 "Jan Modaal heeft het moeilijk", "ik kijk elke dag naar Skam",
                 "Ma soeur ne dit rien. Elle a peur."):
        assert scrubber.scrub(text) == text


@pytest.mark.parametrize("text,expected", [
    ("mijn lief is Noor en ze woont in Gent", "mijn lief is [NAAM] en ze woont in Gent"),
    ("c'est mon père qui me frappe, il s'appelle Yves", "c'est mon père qui me frappe, il s'appelle [NAAM]"),
    ("de vriend van mijn ma heet Jens", "de vriend van mijn ma heet [NAAM]"),
    ("Jan en Lotte weten het al", "[NAAM] en [NAAM] weten het al"),
])
def test_names_near_those_words_still(scrubber, text, expected):
    assert scrubber.scrub(text) == expected
