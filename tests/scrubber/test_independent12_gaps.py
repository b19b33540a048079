"""The general forms that the blind scores of scrub_independent12.jsonl showed missing.

Every sentence here is new (written for these tests, not copied from that set), and most are
near variants of a form that another author would write. Each test of a form failed on the
scrubber as it was at those scores (the code of aebf11a); the tests named ..._stay guard
sentences near the new rules (a person after "speelt met", a nationality or a feeling after
"ik ben", a counted word before a postcode)."""
import pytest


# --- e-mail addresses with spaced dots in the name ------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("mijn mail is jana . peeters @ skynet . be", "mijn mail is [EMAIL]"),
    ("mail: bram . de . smet@gmail.com aub", "mail: [EMAIL] aub"),
    ("schrijf naar sara . claes @gmail.com als het kan", "schrijf naar [EMAIL] als het kan"),
])
def test_email_with_spaced_dots_in_the_name(scrubber, text, expected):
    assert scrubber.scrub(text) == expected


def test_spaced_dot_without_address_stays(scrubber):
    for text in ("ik zit @ home. Be right back", "ok . dat is het dan"):
        assert scrubber.scrub(text) == text


# --- a street that is a word, a number, a postcode and a listed place ------------------------------
@pytest.mark.parametrize("text,expected", [
    ("bereikbaar op Zand 7, 8000 Brugge", "bereikbaar op [ADRES], [POSTCODE] Brugge"),
    ("oma: Burg 12 bus 3, 8000 Brugge", "oma: [ADRES], [POSTCODE] Brugge"),
    ("Veld 12 8500 Kortrijk is het adres", "[ADRES] [POSTCODE] Kortrijk is het adres"),
])
def test_street_that_is_a_word_before_postcode_and_place(scrubber, text, expected):
    assert scrubber.scrub(text) == expected


def test_counted_word_before_postcode_stays_no_address(scrubber):
    assert "[ADRES]" not in scrubber.scrub("Week 14, 2000 Antwerpen was de eerste keer")
    assert "[ADRES]" not in scrubber.scrub("Klas 3, 2000 Antwerpen, daar zat ik")


# --- a name that is a Dutch word too, capitalized after "ik ben" -----------------------------------
@pytest.mark.parametrize("text,expected", [
    ("ik kom uit Irak, ik ben Lama, mijn broer bedreigt mij", "ik kom uit Irak, ik ben [NAAM], mijn broer bedreigt mij"),
    ("hallo ik ben Reem uit Aleppo", "hallo ik ben [NAAM] uit Aleppo"),
    ("ik ben Bloem en ik ben 14", "ik ben [NAAM] en ik ben 14"),
    ("ik ben Diana, mijn man slaat mij", "ik ben [NAAM], mijn man slaat mij"),
])
def test_word_name_capitalized_after_ik_ben(scrubber, text, expected):
    assert scrubber.scrub(text) == expected


@pytest.mark.parametrize("text", [
    "ik ben Marokkaans en mijn vader slaat me",
    "ik ben Belg, hij niet",
    "ik ben Moslim en mijn familie wil dat ik trouw",
    "ik ben Bang, hij komt terug",
    "Ik Ben Bang Voor Hem En Ik Weet Niet Wat Te Doen",
])
def test_nationality_belonging_or_feeling_after_ik_ben_stays(scrubber, text):
    assert scrubber.scrub(text) == text


# --- events, games, hospitals, organisations and brands are no people ------------------------------
@pytest.mark.parametrize("text", [
    # festivals and events, also of more than one word
    "we hebben naar Tomorrowland gekeken op tv en toen begon hij",
    "we gingen naar Rock Werchter en daar heeft hij me aangeraakt",
    "ik was naar Graspop met mijn broer",
    # hospitals by an abbreviation, after a preposition + "het", or by their own name
    "Ik ben bij de spoed van AZ Klina geweest met mijn arm",
    "de dokter van ZNA Stuivenberg zei niks",
    "ze hebben me naar het Maria Middelares gebracht",
    "ik lag in het Erasmus MC voor mijn arm",
    # games, also after adverbs, and titles after their kind
    "hij speelt elke avond League of Legends tot drie uur",
    "we speelden Mario Kart en toen begon hij",
    "hij speelt de hele dag Tarkov en schreeuwt dan",
    "de film Frozen vind ik mooi",
    # organisations, firms, brands, a branch after a listed one
    "ik heb hulp gezocht bij Unicef en Caritas maar niemand antwoordt",
    "de mensen van Fedasil zeggen dat ik moet wachten",
    "hij werkt voor Deliveroo en weet dus waar iedereen woont",
    "we hebben het gemeld bij Veilig Thuis Haaglanden",
    "hij draagt altijd Nike en Adidas",
    "ik heb geld gestort via Western Union",
    "hij heeft me naar de Albert Heijn gestuurd om bier te halen",
    # a public figure after "fan van", a show after "kijkt", a run with particles before its institution
    "hij is fan van Messi en Ronaldo",
    "mijn vader kijkt Fox News en wordt dan boos",
    "ik volg les aan de Karel de Grote Hogeschool",
    "ik heb Telegram verwijderd maar hij vindt me via Signal",
    # places abroad after "naar"
    "hij is op vakantie naar Casablanca",
    "ze heeft me mee naar Istanbul genomen voor een huwelijk",
    "we gingen naar Lloret de Mar met de jeugdbeweging",
])
def test_public_names_stay(scrubber, text):
    assert scrubber.scrub(text) == text


@pytest.mark.parametrize("text", [
    "gamertag van die gast: SilentKiller_BE op PlayStation",
    "psn van hem: DarkWolf_77, hij blijft me berichten sturen",
])
def test_platform_word_opening_a_line_is_no_name(scrubber, text):
    assert "[NAAM]" not in scrubber.scrub(text)
    assert "[GEBRUIKERSNAAM]" in scrubber.scrub(text)


@pytest.mark.parametrize("text,expected", [
    ("mijn broer speelt altijd met Lotte", "mijn broer speelt altijd met [NAAM]"),
    ("ik speel elke dag met Kobe", "ik speel elke dag met [NAAM]"),
    ("Mijn rrn is geheim, ik ben Albert, 86 jaar", "Mijn rrn is geheim, ik ben [NAAM], 86 jaar"),
    ("mijn vriendin Zara heeft het gezien", "mijn vriendin [NAAM] heeft het gezien"),
    ("ik ben met Daan naar het park geweest", "ik ben met [NAAM] naar het park geweest"),
    ("hij kijkt Kyano boos aan", "hij kijkt [NAAM] boos aan"),
    ("ik zag Jonas van Dam in de stad", "ik zag [NAAM] in de stad"),
])
def test_people_near_the_public_name_rules_stay_names(scrubber, text, expected):
    assert scrubber.scrub(text) == expected
