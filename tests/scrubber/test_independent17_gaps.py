"""The general forms that the blind scores of scrub_independent17.jsonl showed missing or
over-scrubbing.

Every sentence here is new (written for these tests, not copied from that set). Each test of a
form failed on the scrubber as it was at those scores (the code of d6927c7), though a near
variant in its table may have passed already (a listed first name, a school word); the tests named
..._stay or ..._still guard sentences near the new rules (a compass word or a password after a
hyphen, an abbreviation after "het", a private person with a kin word, a phone number after
"tel.", a name that is a colour but said of a person)."""
import pytest


# --- Dutch streets: an office shortened with a dot, -vliet/-oord/-hof, a Dutch word opening the name --
@pytest.mark.parametrize("text,expected", [
    ("ons nieuwe huis is Burg. de Vlugtlaan 12-2", "ons nieuwe huis is [ADRES]"),
    ("stuur het naar Weth. Van Essenweg 4 alsjeblieft", "stuur het naar [ADRES] alsjeblieft"),
    ("mijn tante woont in de Dr. Schaepmanstraat", "mijn tante woont in de [ADRES]"),
    ("zij woont aan de Rozenoord in Haarlem", "zij woont aan de [ADRES] in Haarlem"),
    ("we wonen sinds mei in de Trekvliet", "we wonen sinds mei in de [ADRES]"),
    ("mijn oma woont op de Lindehof bij de kerk", "mijn oma woont op de [ADRES] bij de kerk"),
    ("hij heeft mijn adres gelekt, Kromme Nieuwegracht 41-3", "hij heeft mijn adres gelekt, [ADRES]"),
    ("hij woont ergens op Schoener Kortestraat 8", "hij woont ergens op [ADRES]"),
])
def test_dutch_street_forms(scrubber, text, expected):
    assert scrubber.scrub(text) == expected


def test_compass_password_and_sentence_start_stay(scrubber):
    for text in ("ik woon in Amsterdam-Noord en het is hier niet fijn",
                 "hij kent mijn Spotify-wachtwoord en logt steeds in",
                 "Vandaag Kerkstraat 5 bezocht, mooi huis"):
        assert scrubber.scrub(text) == text.replace("Kerkstraat 5", "[ADRES]")


def test_crowded_shopping_street_is_a_place(scrubber):
    assert scrubber.scrub("het was stampvol op de Lijnbaan en iemand greep mijn tas") == \
        "het was stampvol op de Lijnbaan en iemand greep mijn tas"
    # where someone lives, the street stays hidden, crowd or not
    assert scrubber.scrub("ik woon in de Lijnbaan, daar is het altijd superdruk") == \
        "ik woon in de [ADRES], daar is het altijd superdruk"


# --- Netherlands school names ---------------------------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("mijn zoon zit op de Vrije School Den Haag", "mijn zoon zit op de [SCHOOL]"),
    ("ze zit op de Mavo Zuid en daar pesten ze haar", "ze zit op de [SCHOOL] en daar pesten ze haar"),
    ("mijn broer zit op de Pieter Zandt Scholengemeenschap", "mijn broer zit op de [SCHOOL]"),
    ("zij gaat naar het Hendrik Pierson College", "zij gaat naar het [SCHOOL]"),
    ("ik ben mentor op het Stanislas in Delft", "ik ben mentor op het [SCHOOL] in Delft"),
    ("een leerling van het Calvijn met Junior zegt dat", "een leerling van het [SCHOOL] met Junior zegt dat"),
    ("our son goes to the American School in The Hague", "our son goes to the [SCHOOL]"),
    ("il va au Lycée Jean van Eyck à Bruxelles", "il va au [SCHOOL] à Bruxelles"),
])
def test_netherlands_school_forms(scrubber, text, expected):
    assert scrubber.scrub(text) == expected


def test_abbreviation_or_building_after_het_stays(scrubber):
    for text in ("mijn moeder wil dat ik naar het MBO ga na school",
                 "na school ga ik naar het Vondelpark met mijn klas",
                 "Mijn Scholengroep heeft een nieuwe directeur voor de klas"):
        assert scrubber.scrub(text) == text


# --- usernames: a game played online names a platform; English verb forms after "is" -------------
def test_gamer_name_where_someone_games(scrubber):
    assert scrubber.scrub("mijn broer gamet elke avond met ene ShadowKing88") == \
        "mijn broer gamet elke avond met ene [GEBRUIKERSNAAM]"
    assert scrubber.scrub("hij is aan het gamen met NightOwlXx en die vraagt geld") == \
        "hij is aan het gamen met [GEBRUIKERSNAAM] en die vraagt geld"


def test_english_verb_after_platform_stays(scrubber):
    text = "a boy on Instagram is sending me pictures and someone from TikTok is telling her lies"
    assert scrubber.scrub(text) == text
    assert scrubber.scrub("her snapchat is tracking99") == "her snapchat is [GEBRUIKERSNAAM]"


# --- a code with digits before a number: no phone -------------------------------------------------
def test_digits_glued_to_a_code_are_no_phone(scrubber):
    assert scrubber.scrub("het dossier is RT.12.B4.061234/2024 zegt de advocaat") == \
        "het dossier is RT.12.B4.061234/2024 zegt de advocaat"
    assert scrubber.scrub("tel.0612345678 is van haar") == "tel.[TELEFOON] is van haar"


# --- names: "heet" after any noun, "volgens mij", kin words for a son or daughter, French kin -----
@pytest.mark.parametrize("text,expected", [
    ("De nieuwe jongen in mijn klas heet Kwabena.", "De nieuwe jongen in mijn klas heet [NAAM]."),
    ("de baby van de overburen heet Yindra", "de baby van de overburen heet [NAAM]"),
    ("haar vriend heet volgens mij Ilyas of zo", "haar vriend heet volgens mij [NAAM] of zo"),
    ("mijn zoon Juni Ferreira speelt buiten", "mijn zoon [NAAM] speelt buiten"),
    ("mijn dochter Xiu is bang", "mijn dochter [NAAM] is bang"),
    ("Mon fils Théo ne dort plus", "Mon fils [NAAM] ne dort plus"),
    ("dat meisje xinyi van de overkant zegt dat", "dat meisje [NAAM] van de overkant zegt dat"),
    ("amber zijn moeder belt steeds naar ons", "[NAAM] zijn moeder belt steeds naar ons"),
    ("Sytse en ik zitten samen in de bus", "[NAAM] en ik zitten samen in de bus"),
])
def test_name_positions(scrubber, text, expected):
    assert scrubber.scrub(text) == expected


def test_months_materials_and_favourites_stay(scrubber):
    for text in ("Mijn dochter is in mei jarig geweest",
                 "ik kreeg een ring van amber van mijn oma",
                 "Roos is mijn lievelingsbloem en die staat in de tuin",
                 "het weer is heet Vandaag niet"):
        assert scrubber.scrub(text) == text


def test_person_still_hidden_near_new_rules(scrubber):
    assert scrubber.scrub("Roos is mijn lievelingsnicht") == "[NAAM] is mijn lievelingsnicht"
    assert scrubber.scrub("ik was met jade naar de stad") == "ik was met [NAAM] naar de stad"
    assert scrubber.scrub("mijn vriendin Noor Claes zei in een video dat ik lelijk ben") == \
        "mijn vriendin [NAAM] zei in een video dat ik lelijk ben"


# --- public figures: a favourite singer, a video of one's own, a clip, watched daily ----------------
def test_public_figure_by_sentence(scrubber):
    for text in ("haar favoriete rapper is Jonas Verhaegh en dat vind ik eng",
                 "mijn lievelingszangeres is Maan de Steenwinkel",
                 "Enzo Knol zei in zijn vlog dat hij stopt",
                 "ik keek de videoclip van Snelle Jonkman drie keer",
                 "mijn zusje kijkt de hele dag Kalvijn Stam"):
        assert scrubber.scrub(text) == text


def test_listed_first_name_alone_still_hidden(scrubber):
    assert scrubber.scrub("Lotte zei in een video dat ik dik ben") == "[NAAM] zei in een video dat ik dik ben"
    assert scrubber.scrub("mijn favoriete zanger is Daan") == "mijn favoriete zanger is [NAAM]"
