"""The general forms that the blind scores of scrub_independent18.jsonl showed missing.

Every sentence here is new (written for these tests, not copied from that set); the tests named
..._stay guard sentences near the new rules (a teacher's subject after "juf", a proverb that opens
with an ambiguous name that is a word, a year or a game console before "in" + a place)."""
import pytest


# --- a Dutch word as a name right after a person's title ------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("de mentor, meneer Visser, belt me morgen terug", "de mentor, meneer [NAAM], belt me morgen terug"),
    ("mijn zoon zit in de klas bij juf Hanneke.", "mijn zoon zit in de klas bij juf [NAAM]."),
    ("ik heb het aan meester Kat verteld", "ik heb het aan meester [NAAM] verteld"),
    ("volgens mevr. Smid is er niets aan de hand", "volgens mevr. [NAAM] is er niets aan de hand"),
])
def test_word_after_person_title(scrubber, text, expected):
    assert scrubber.scrub(text) == expected


def test_subject_after_title_stays(scrubber):
    for text in ("ik heb morgen toets bij juf Frans", "we hebben les van juf Engels"):
        assert scrubber.scrub(text) == text


# --- a lower-case ambiguous name that is no word, opening a sentence before a verb -----------------
@pytest.mark.parametrize("text,expected", [
    ("mo heeft mijn fiets weer kapot gemaakt", "[NAAM] heeft mijn fiets weer kapot gemaakt"),
    ("bo wil niet meer naar school", "[NAAM] wil niet meer naar school"),
])
def test_lower_ambiguous_name_before_verb(scrubber, text, expected):
    assert scrubber.scrub(text) == expected


def test_word_before_verb_stays(scrubber):
    for text in ("hoop doet leven zegt mijn oma", "storm komt eraan vannacht"):
        assert scrubber.scrub(text) == text


# --- a street without a street word, a house number, "in" and a place ------------------------------
@pytest.mark.parametrize("text,expected", [
    ("hij woont boven de winkel op de Nieuwendijk 12 in Amsterdam",
     "hij woont boven de winkel op de [ADRES] in Amsterdam"),
    ("kom maar langs aan de Coolsingel 40 in Rotterdam", "kom maar langs aan de [ADRES] in Rotterdam"),
])
def test_street_number_before_in_place(scrubber, text, expected):
    assert scrubber.scrub(text) == expected


def test_year_or_console_before_in_place_stays(scrubber):
    for text in ("we waren op Werchter 2025 in Leuven", "hij speelt op de Playstation 5 in Gent"):
        assert scrubber.scrub(text) == text


# --- reporting organisations are no names ---------------------------------------------------------
def test_reporting_organisation_stays(scrubber):
    for text in ("kan ik dat filmpje via Offlimits laten verwijderen?",
                 "ik heb het gemeld bij Helpwanted"):
        assert scrubber.scrub(text) == text


# --- Netherlands schools: a town glued to the name after "het", a name before a grade --------------
@pytest.mark.parametrize("text,expected", [
    ("ik ben docent op het Greijdanus Zwolle en wil iets melden", "ik ben docent op het [SCHOOL] en wil iets melden"),
    ("een leerling van het Carmelcollege Hengelo belde", "een leerling van het [SCHOOL] belde"),
    ("mijn dochter zit op de Kleine Reus, in groep 4", "mijn dochter zit op de [SCHOOL], in groep 4"),
    ("hij zit op het Groene Eiland ofzo in klas 2", "hij zit op het [SCHOOL] ofzo in klas 2"),
])
def test_netherlands_school_town_and_grade(scrubber, text, expected):
    assert scrubber.scrub(text) == expected


def test_school_town_and_grade_guards_stay(scrubber):
    for text in ("hij zit op de bank in groep 6 te wachten",
                 "hij zit op de Markt, in groep 3 met vrienden"):
        assert scrubber.scrub(text) == text
    # the town only when it is listed or no word: "Vrijdag" after the name stays
    assert scrubber.scrub("ik ben mentor op het Noordik Vrijdag heb ik een gesprek") == \
        "ik ben mentor op het [SCHOOL] Vrijdag heb ik een gesprek"


# --- not names: a club after its abbreviation, a federation, a player on a shirt --------------------
def test_club_federation_and_shirt_stay(scrubber):
    for text in ("mijn broer is fan van FC Barcelona en AC Milan",
                 "onze turnclub is aangesloten bij Turnfed",
                 "hij heeft een shirt van Kevin De Bruyne gekregen"):
        assert scrubber.scrub(text) == text


def test_friend_on_a_shirt_stays_hidden(scrubber):
    # a first name alone after "shirt van" may be a friend's: still hidden
    assert scrubber.scrub("hij draagt een shirt van Lotte") == "hij draagt een shirt van [NAAM]"
