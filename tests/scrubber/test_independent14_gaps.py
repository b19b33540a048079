"""The general forms that the blind scores of scrub_independent14.jsonl showed missing or
over-scrubbed.

Every sentence here is new (written for these tests, not copied from that set), and most are
near variants of a form that another author would write. Each test of a form failed on the
scrubber as it was at those scores (the code of b2d7b60); the tests named ..._stay or ..._still
guard sentences near the new rules (a name before a pronoun and a verb, a home street without a
number, a kin word before a nationality)."""
import pytest


# --- an older caller's French-Flemish name, or a baptismal name in -a, signing or opening --------
@pytest.mark.parametrize("text,expected", [
    ("U mag me altijd bellen, ik ben thuis. Paulette", "U mag me altijd bellen, ik ben thuis. [NAAM]"),
    ("Ik durf niet meer naar huis te gaan.\nHuguette", "Ik durf niet meer naar huis te gaan.\n[NAAM]"),
    ("mijn buurvrouw Bernadette hoort alles", "mijn buurvrouw [NAAM] hoort alles"),
    ("Cornelia dus. mijn zoon slaat me", "[NAAM] dus. mijn zoon slaat me"),
    ("Catharina hier, ik woon alleen", "[NAAM] hier, ik woon alleen"),
])
def test_older_given_names(scrubber, text, expected):
    assert scrubber.scrub(text) == expected


# --- a name opening the message before "dus" --------------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("jinthe dus, ik ben 14 en ik wil praten", "[NAAM] dus, ik ben 14 en ik wil praten"),
    ("Yinthe dus. ik had gisteren gebeld", "[NAAM] dus. ik had gisteren gebeld"),
    ("hoi, Kyra dus. ik had gisteren gebeld", "hoi, [NAAM] dus. ik had gisteren gebeld"),
])
def test_name_opening_before_dus(scrubber, text, expected):
    assert scrubber.scrub(text) == expected


def test_word_before_dus_stays(scrubber):
    for text in ("Thuis dus. daar gebeurt het", "Vandaag dus, om drie uur"):
        assert scrubber.scrub(text) == text


# --- a Dutch word as a name after "mijn" and a kin word --------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("ik woon bij mama en mijn zusje Bloem", "ik woon bij mama en mijn zusje [NAAM]"),
    ("ik speel vaak met mijn nichtje Zon en haar hond", "ik speel vaak met mijn nichtje [NAAM] en haar hond"),
    ("soms past mijn buurvrouw Hemel op ons", "soms past mijn buurvrouw [NAAM] op ons"),
])
def test_word_named_after_mijn_and_kin(scrubber, text, expected):
    assert scrubber.scrub(text) == expected


def test_nationality_after_kin_stays(scrubber):
    for text in ("mijn vader Marokkaan en mijn moeder Belgische", "mijn stiefvader Nederlander, mijn moeder Turkse"):
        assert scrubber.scrub(text) == text


# --- a surname after initials and a particle: "R. van Leeuwen", a surname that is a word ---------
@pytest.mark.parametrize("text,expected", [
    ("Met vriendelijke groet, mr. K. de Wilde", "Met vriendelijke groet, mr. [NAAM]"),
    ("het dossier ligt bij J. van Dam op kantoor", "het dossier ligt bij [NAAM] op kantoor"),
    ("de brief was ondertekend door A.M. van der Berg", "de brief was ondertekend door [NAAM]"),
])
def test_surname_after_initials_and_particle(scrubber, text, expected):
    assert scrubber.scrub(text) == expected


# --- a verb before its subject is no name after a kin word: "de vader ken ik niet" --------------
@pytest.mark.parametrize("text", [
    "zijn broer ken ik niet",
    "de oom ken ik nauwelijks, de tante wel",
])
def test_inverted_verb_after_kin_stays(scrubber, text):
    assert scrubber.scrub(text) == text


def test_name_before_pronoun_and_verb_still_a_name(scrubber):
    assert scrubber.scrub("mijn vriend jonas hij slaat me") == "mijn vriend [NAAM] hij slaat me"


# --- a destination after "richting" is a place ---------------------------------------------------
@pytest.mark.parametrize("text", [
    "ik neem tram 7 richting Sappemeer en stap af aan het station",
    "we reden richting Zelzate toen hij begon te roepen",
])
def test_destination_after_richting_stays(scrubber, text):
    assert scrubber.scrub(text) == text


# --- a person a series, a film or a book is about is a public figure ------------------------------
@pytest.mark.parametrize("text", [
    "ik heb die documentaire over Marc Dutroux gezien en kon niet slapen",
    "op school lazen we een boek over Anne Frank",
])
def test_subject_of_a_show_stays(scrubber, text):
    assert scrubber.scrub(text) == text


def test_kin_in_a_film_still_a_name(scrubber):
    assert scrubber.scrub("er is een film over mijn oom Jan Peeters") == "er is een film over mijn oom [NAAM]"


# --- the quoted name of a group chat or a channel -------------------------------------------------
@pytest.mark.parametrize("text", [
    "de groepschat heet 'Klas 5B Roddels' en iedereen lacht",
    'het kanaal genaamd "Kortrijk Exposed" post fotos van ons',
])
def test_quoted_group_title_stays(scrubber, text):
    assert scrubber.scrub(text) == text


def test_person_in_a_group_still_a_name(scrubber):
    assert scrubber.scrub("de groepschat heet 'Roddels' en Kato zit erin") == \
        "de groepschat heet 'Roddels' en [NAAM] zit erin"


# --- a number-less street where one goes to a shop is a public place -----------------------------
@pytest.mark.parametrize("text", [
    "straks ga ik naar de Kruidvat in de Meir",
    "we gingen naar de Zeeman op de Kortrijksesteenweg",
])
def test_street_of_a_shop_one_goes_to_stays(scrubber, text):
    assert scrubber.scrub(text) == text


def test_home_street_without_number_still_an_address(scrubber):
    assert scrubber.scrub("wij wonen in de Tiensestraat, ik wil daar weg") == \
        "wij wonen in de [ADRES], ik wil daar weg"
