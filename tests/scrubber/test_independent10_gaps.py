"""The general forms that the first blind score of scrub_independent10.jsonl showed missing.

Every sentence here is new (written for these tests, not copied from that set), and most are
near variants of a form that another author would write. Each test of a form failed on the
scrubber as it was at that score (the code of e5469ef); the tests named ..._stay guard
sentences near the new rules (a person after "verliefd op", "werkt bij" with a listed first
name, a date that is no birth date, a square without a house number)."""
import pytest


# --- organisations, events and languages are no names ----------------------------------------
@pytest.mark.parametrize("text", [
    # an institution word before or after the capitalized words
    "Mijn vader is inspecteur in de zone Grensleie en kent daar iedereen.",
    "Ik ben bevallen in het Sint Elisabeth ziekenhuis, maar niemand vroeg hoe het thuis ging.",
    # a firm or a lender after a work or money word and "bij"
    "Hij werkt 's nachts bij Bekaert Group en komt pas om zes uur thuis.",
    "Ze heeft een krediet afgesloten bij Santander en Alpha Credit zonder het mij te zeggen.",
    # an app, a site or an event after "op"
    "Ik heb haar op Tumblr leren kennen toen ik veertien was.",
    "Op Rock Werchter heeft een man mij vastgepakt in de menigte.",
    # a language after "spreken"
    "Mijn buurvrouw spreekt alleen Tigrinja en verstaat de politie niet.",
    "Hij spreekt Lingala met zijn familie zodat ik het niet versta.",
    # English requests open a sentence
    "My boyfriend hits me. Please call me back tomorrow.",
])
def test_organisations_events_and_languages_stay(scrubber, text):
    assert scrubber.scrub(text) == text


@pytest.mark.parametrize("text,expected", [
    # people after "op" with a word that takes a person, and a listed first name after "bij"
    ("ik was echt verliefd op Yentl maar ze sloeg me", "ik was echt verliefd op [NAAM] maar ze sloeg me"),
    ("ik moest wachten op Kobe tot hij klaar was", "ik moest wachten op [NAAM] tot hij klaar was"),
    ("ik werk bij Sofie in de kapsalon en zij weet het", "ik werk bij [NAAM] in de kapsalon en zij weet het"),
])
def test_people_near_the_organisation_rules_stay_names(scrubber, text, expected):
    assert scrubber.scrub(text) == expected


# --- names after a formal closing or a role label ----------------------------------------------
@pytest.mark.parametrize("text,expected", [
    # a first name that is also a word, with a surname after a particle
    ("Alvast bedankt. Met vriendelijke groeten, Johanna van Dam",
     "Alvast bedankt. Met vriendelijke groeten, [NAAM]"),
    # a role label before names the lists do not hold as names
    ("Cliënte: Roos Vermeulen, 15 jaar, vraagt om een gesprek.",
     "Cliënte: [NAAM], 15 jaar, vraagt om een gesprek."),
    ("Slachtoffer: Iris Dewinter, 17 jaar, woont bij haar tante.",
     "Slachtoffer: [NAAM], 17 jaar, woont bij haar tante."),
])
def test_full_name_after_closing_or_role_label(scrubber, text, expected):
    assert scrubber.scrub(text) == expected


@pytest.mark.parametrize("text", [
    "Bedankt voor jullie hulp. Met vriendelijke groet, Het Team",
    "Slachtoffer: ik, en niemand gelooft me.",
])
def test_closings_without_a_name_stay(scrubber, text):
    assert scrubber.scrub(text) == text


# --- phone numbers spoken with "plus" ------------------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("bel mij op plus drie twee, vier negen zeven, twaalf, vierendertig, zesenvijftig aub",
     "bel mij op [TELEFOON] aub"),
    ("mijn nummer is plus drie een, zes, twaalf, vierendertig, zesenvijftig, achtenzeventig",
     "mijn nummer is [TELEFOON]"),
])
def test_spoken_international_number(scrubber, text, expected):
    assert scrubber.scrub(text) == expected


def test_plus_in_a_sum_stays(scrubber):
    text = "drie plus vier is zeven, dat weet mijn zoontje al"
    assert scrubber.scrub(text) == text


# --- a square named by its street word alone -----------------------------------------------------
def test_square_with_house_number(scrubber):
    assert scrubber.scrub("ze woont boven het café op de Markt 22, haar man slaat haar") == \
        "ze woont boven het café op de [ADRES], haar man slaat haar"


@pytest.mark.parametrize("text", [
    "we zien elkaar op de Markt om 12 uur",
    "De Markt 12 keer rondlopen is mijn straf",
])
def test_square_without_house_number_stays(scrubber, text):
    assert scrubber.scrub(text) == text


# --- birth dates named after the date, or before an age ----------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("Het gebeurde op 03/11/1988... sorry, dat is mijn geboortedatum. Het was vorige week.",
     "Het gebeurde op [DATUM]... sorry, dat is mijn geboortedatum. Het was vorige week."),
    ("Mijn zoon wordt op 12/09 14 en zijn vader wil hem dan meenemen.",
     "Mijn zoon wordt op [DATUM] 14 en zijn vader wil hem dan meenemen."),
    ("Ze werd op 2 mei 18 jaar en moest toen het huis uit.", "Ze werd op [DATUM] 18 jaar en moest toen het huis uit."),
])
def test_birth_date_named_after_or_before_an_age(scrubber, text, expected):
    assert scrubber.scrub(text) == expected


@pytest.mark.parametrize("text", [
    "Hij werd op 21/06 om 16 uur opgepakt door de politie.",
    "De zitting werd op 21/06 14u gepland.",
    "Het gebeurde op 12/03/2021. Dat was een zondag.",
])
def test_other_dates_stay(scrubber, text):
    assert scrubber.scrub(text) == text


# --- a nickname after the name the writer gave -------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("ik heet Anne-Sophie maar zeg maar Fee. mijn stiefpa slaat me",
     "ik heet [NAAM] maar zeg maar [NAAM]. mijn stiefpa slaat me"),
    ("ik ben Maximiliaan maar iedereen zegt Maxi, en ik ben 14",
     "ik ben [NAAM] maar iedereen zegt [NAAM], en ik ben 14"),
])
def test_nickname_after_the_given_name(scrubber, text, expected):
    assert scrubber.scrub(text) == expected


def test_zeg_maar_without_a_given_name_stays(scrubber):
    text = "het is laat maar zeg maar Dag tegen de juf"
    assert scrubber.scrub(text) == text
