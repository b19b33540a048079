"""Regular expressions and word lists for the structured kinds of personal data.

These run on the raw text (character offsets); the token-level detectors (names, schools,
usernames after a context word) live in scrubber.py and use spaCy.
"""
from __future__ import annotations

import re

# --- e-mail ------------------------------------------------------------------------------------
EMAIL = re.compile(
    r"(?<![\w.+\-])[a-z0-9][a-z0-9._%+\-]*@[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?"
    r"(?:\.[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?)*\.[a-z]{2,24}(?![\w\-])",
    re.IGNORECASE,
)
# Written out to dodge filters: "lotte (at) gmail punt com", "jan apenstaartje telenet.be",
# "an punt peeters at telenet punt be", French "yanis.bxl arobase gmail point com". Every
# separator word may stand in brackets, in the name and the domain alike: "samira.h
# (apenstaartje) gmail.com", "ruben (punt) verbeke (at) telenet (punt) be", "noah[at]outlook[dot]be".
_AT_WORDS = r"(?:at|apenstaartje|apestaartje|apenstaart|apestaart|arobase|arrobase|arobas)"
_DOT_WORDS = r"(?:punt|dot|point)"
_OBF_AT = rf"(?:\s*[(\[{{<]\s*{_AT_WORDS}\s*[)\]}}>]\s*|\s+{_AT_WORDS}\s+|\s*@\s*)"  # also "x @ gmail punt com"
_OBF_DOT = rf"(?:\s*[(\[{{<]\s*(?:{_DOT_WORDS}|\.)\s*[)\]}}>]\s*|\s+{_DOT_WORDS}\s+|\.)"
EMAIL_OBFUSCATED = re.compile(
    rf"(?<![\w.+\-])[a-z0-9][a-z0-9_\-]*(?:{_OBF_DOT}[a-z0-9][a-z0-9_\-]*)*{_OBF_AT}"
    rf"[a-z0-9\-]+(?:{_OBF_DOT}[a-z0-9\-]+)*?{_OBF_DOT}(?:com|be|nl|net|org|eu|fr|de|info|me|io)\b",
    re.IGNORECASE,
)

# Spaces around "@" and the dots: "lotte.peeters @ gmail . com", "jan@ telenet.be"; at least one
# space (without one EMAIL above has it), the ending a common one, a dot spaced on both sides
# or neither ("ik zit @ home. Be right back" stays); spaced dots in the name too ("lotte . desmet
# @ telenet . be", "jan . de . smet@gmail.com").
_EMAIL_LOCAL = r"[a-z0-9][a-z0-9._%+\-]*"
EMAIL_SPACED = re.compile(
    rf"(?<![\w.+\-])(?:{_EMAIL_LOCAL}(?:\s+\.\s+{_EMAIL_LOCAL}){{1,2}}\s*@\s*|{_EMAIL_LOCAL}(?:\s+@\s*|@\s+))"
    r"[a-z0-9\-]+(?:(?:\s+\.\s+|\.)[a-z0-9\-]+)*?"
    r"(?:\s+\.\s+|\.)(?:com|be|nl|net|org|eu|fr|de|info|live|me)(?![\w\-])",
    re.IGNORECASE,
)
# A word, spaces, then "@" glued to what follows: "op @wannes.and.me", "via @lotte.be" read as a
# spaced e-mail address; when the word is a function word the rest is a handle.
HANDLE_AFTER_WORD = re.compile(r"(?P<word>[^\W\d_]+)\s+@\S+")

# --- URLs --------------------------------------------------------------------------------------
_TLDS = (
    "com|be|nl|net|org|eu|io|gg|ly|me|app|tv|fr|de|info|link|co|uk|shop|online|site|xyz|page|"
    "social|live|blog|gl|ee|to|cc|ai|us|es|it|pl|ws|fm|sh|lu|at|ch|dk|se|ma|tr|ru|cz|club|"
    "store|tech|dev|art|news|video|chat|fun|top|vip|lol|xxx|porn|sex|dating|cam"
)
URL_SCHEME = re.compile(r"(?<![\w@])(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)
URL_BARE = re.compile(
    r"(?<![@\w.\-/])(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+(?:" + _TLDS + r")(?![\w\-])"
    r"(?:/[^\s<>\"']*)?",
    re.IGNORECASE,
)
URL_TRAILING = ".,!?;:)]}'\""
# Endings that are also Dutch or English words ("thuis.de deur", "help.me", "ok.to"): a bare
# domain with one of these counts only with a path ("t.me/groep").
WEAK_TLDS = frozenset(
    "de me it to at us es se sh ai ma tr lol fun top art news video chat live page site club "
    "store shop online social blog sex cam dating vip dev tech pl ru cz dk ch lu fm ws cc gl".split()
)

# Public helpline and crisis sites: crisis information, never personal data.
PUBLIC_SITES = frozenset({
    "1712.be", "awel.be", "nupraatikerover.be", "tele-onthaal.be", "zelfmoord1813.be",
    "childfocus.be", "caw.be", "slachtofferzorg.be", "zorgcentrumnaseksueelgeweld.be",
    "seksueelgeweld.be", "jac.be", "watwat.be", "ookjij.be", "police.be", "politie.be",
    "112.be", "113.nl", "kindertelefoon.nl", "veiligthuis.nl", "centrumseksueelgeweld.nl",
    "slachtofferhulp.nl", "fier.nl", "helpwanted.nl", "politie.nl", "112.nl",
    "meldknop.nl", "mindkorrelatie.nl", "sensoa.be",
}) | frozenset(  # news media and public information sites: read by everyone, no one's personal data
    """vrt.be vrtnws.be nieuwsblad.be hln.be standaard.be demorgen.be gva.be hbvl.be tijd.be knack.be
    sporza.be rtbf.be lesoir.be dhnet.be lalibre.be vtm.be nos.nl nu.nl ad.nl telegraaf.nl volkskrant.nl
    nrc.nl trouw.nl parool.nl rtlnieuws.nl rijksoverheid.nl overheid.nl belgium.be vlaanderen.be
    wikipedia.org""".split())

# --- IBAN --------------------------------------------------------------------------------------
IBAN_START = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}[ \-]?\d{2}")

# The start of an IBAN ("NL36 ASNB ", "BE71 "): digits right after it, when no valid IBAN was
# found there, are a mistyped account number, not a phone number.
IBAN_BEFORE = re.compile(
    r"(?<![A-Za-z0-9])(?:BE|NL|DE|FR|LU|GB|ES|IT|PT|AT|CH|IE|PL|RO|BG|HU|CZ|SK|SI|HR|GR|CY|MT|LT|LV|EE|"
    r"FI|SE|DK|NO|IS|TR)\d{2}[ \-]?(?:[A-Z]{4}[ \-]?)?(?:\d{4}[ \-]?)*$"
)

# --- national numbers --------------------------------------------------------------------------
_NUM_END = r"(?!\d|[.\-/]\d)"
RRN = re.compile(
    r"(?<![\w+.\-/])\d{2}[ ./\-]?\d{2}[ ./\-]?\d{2}\s?[ .\-/]?\s?\d{3}\s?[ .\-/]?\s?\d{2}" + _NUM_END
)
BSN = re.compile(
    r"(?<![\w+.\-/])(?:\d{9}|\d{4}[ .\-]\d{2}[ .\-]\d{3}|\d{3}[ .\-]\d{3}[ .\-]\d{3}|\d{2}\.\d{3}\.\d{2}\.\d{2})"
    + _NUM_END
)
# Nine digits in any grouping, only right after "bsn"/"burgerservicenummer" (the caller checks).
BSN_ANY_GROUPS = re.compile(r"(?<![\w+.\-/])\d(?:[ .\-]?\d){8}" + _NUM_END)
BSN_CONTEXT = re.compile(r"(?i)\b(?:bsn|burgerservice|sofi)")
# Eleven digits in any grouping, only right after "rrn"/"rijksregister(nummer)"/"nationaal
# nummer"/"insz" (the caller checks the context and stdnum): "RRN is 941 226 294 14".
RRN_ANY_GROUPS = re.compile(r"(?<![\w+.\-/])\d(?:[ .\-/]?\d){10}" + _NUM_END)
RRN_CONTEXT = re.compile(r"(?i)\b(?:rrn|rijksregister|nationaal\s+nummer|nationaal\s+nr|insz|ssin|bisnummer)")

# Phone numbers: phones.py (phonenumbers).

# Usernames: username_patterns.py.

# --- dates -------------------------------------------------------------------------------------
MONTHS = (
    r"januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    r"jan|feb|mrt|apr|jun|jul|aug|sept|sep|okt|nov|dec"
)
# English months (messages in English): "born 5th of april 2009", "may 3rd 2010".
MONTHS_EN = r"january|february|march|may|june|july|october"
# French months (messages in French): "née le 12 mars 2009".
MONTHS_FR = r"janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre"
# Letters before a number that make no handle where a platform is named: "mei2023", "week12".
MONTH_OR_UNIT = re.compile(
    r"(?:" + MONTHS + r"|week|weken|jaar|klas|groep|level|lvl|seizoen|season|versie|top|uur|minuten|"
    r"nummer|editie|sinds|vanaf|tot|deel|les|aflevering|update|bus|tram|lijn)"
)
_ORDINAL = r"(?:ste|de|e|st|nd|rd|th)"
DATE = re.compile(
    r"(?<![\w/.\-])(?:(?:19|20)\d{2}-\d{1,2}-\d{1,2}"  # ISO: "2009-06-17"
    r"|\d{1,2}\s*[/.\-]\s*\d{1,2}(?:\s*[/.\-]\s*(?:\d{4}|'?\d{2}))?"  # also "2-6-'08"
    r"|\d{1,2}" + _ORDINAL + r"?\s+(?:van\s+|of\s+)?(?:" + MONTHS + "|" + MONTHS_EN + "|" + MONTHS_FR + r")\.?(?:,?\s+'?\d{4}|\s+'\d{2})?"
    r"|(?:" + MONTHS + "|" + MONTHS_EN + "|" + MONTHS_FR + r")\.?\s+(?:\d{1,2}" + _ORDINAL + r"?,?\s+)?\d{4})(?![\w/])",
    re.IGNORECASE,
)
BIRTH_BEFORE = re.compile(
    r"(?i)(?:\bgeboren\b|\bgeboortedatum\b|\bgeb\.|\bgeb\b|\bverjaardag\b|\bjarig\b|°|"
    r"\bk?ben van\b|\bis van\b|\bword(?:t)? \d{1,2}(?: jaar)?\b|"
    r"\b\d{1,2}(?: jaar)? (?:word|wordt|worden|werd|geworden)\b|"  # "kzal 17 worden op 4 juli"
    r"\bverj(?:aar(?:t|de|den)?|oar(?:e|t|de|den)?)\b|\bdob\b|"
    r"\bborn\b|\bbirthday\b|\bdate of birth\b|\bbday\b|\bgeboorte(?:dag|jaar)\b|"
    # French: "né le 2/11/08", "née le 12 mars 2009", "date de naissance", "anniversaire"
    r"\bn(?:é|ée|ee|és|ées|é\(e\))\s+le\b|\bnaissance\b|\banniversaire\b)"
)
# A date written in words after a birth word: "zes januari tweeduizend tien",
# "de eenentwintigste van maart negentienhonderd achtennegentig", "12 mei tweeduizend elf".
_NUMBER_WORD = (
    r"(?:(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen)[eë]n)?"
    r"(?:een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|"
    r"vijftien|zestien|zeventien|achttien|negentien|twintig|dertig|veertig|vijftig|zestig|"
    r"zeventig|tachtig|negentig)"
)
_DAY_WORD = (
    rf"(?:{_NUMBER_WORD}(?:ste|de)?|eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|"
    r"negende|tiende|elfde|twaalfde|\d{1,2}(?:ste|de|e)?)"
)
_YEAR_WORDS = rf"(?:tweeduizend|negentienhonderd)(?:\s*(?:en\s*)?{_NUMBER_WORD})?"
DATE_WORDS = re.compile(
    rf"(?i)(?<![\w])(?:de\s+)?{_DAY_WORD}\s+(?:van\s+)?(?:{MONTHS})\.?(?:\s+(?:{_YEAR_WORDS}|'?\d{{4}}))?(?![\w])"
)
# A month by its number as an ordinal: "op de 3de van de 11de", "de derde van de elfde (maand)".
_MONTH_ORDINAL = (
    r"(?:(?:0?[1-9]|1[0-2])(?:ste|de|e)|eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|"
    r"negende|tiende|elfde|twaalfde)"
)
DATE_ORDINAL_MONTH = re.compile(
    rf"(?i)(?<![\w])(?:de\s+)?{_DAY_WORD}\s+van\s+de\s+{_MONTH_ORDINAL}(?:\s+maand)?(?:\s+'?\d{{4}})?(?![\w])"
)
# Far after a birth word in the same sentence: a full date with its year after ":" or "is".
FULL_DATE_AFTER_COLON = re.compile(
    r"(?i)(?::|\bis|\bnamelijk)\s+(?P<date>\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*(?:19|20)\d{2}"
    r"|\d{1,2}(?:ste|de|e)?\s+(?:" + MONTHS + "|" + MONTHS_EN + "|" + MONTHS_FR + r")\.?,?\s+(?:19|20)\d{2})(?![\w/])"
)
# After a date: "op 21/7 word ik 15", "tot 3 maart, dan wordt hij 12", "12 mei is het mijn verjaardag",
# "14.02.2008 is mijn geboortedatum".
BIRTH_AFTER = re.compile(
    r"(?i)^[^.!?\n]{0,20}\b(?:verjaardag|jarig|geboren|birthday|geboortedatum|geboortedag|date\s+of\s+birth|"
    r"word(?:t|en)?\s+(?:ik|k|hij|ze|zij|je|jij|we|wij)\s+\d{1,2}\b|(?:i|he|she)\s+turns?\s+\d{1,2}\b)"
)
# After a full date, the next sentence names it: "op 14/07/1993... nee, dat is mijn geboortedatum".
BIRTH_NAMED_AFTER = re.compile(
    r"(?i)^[^!?\n]{0,25}?\b(?:dat|dit|that)\s+(?:is|was|'s|is\s+eigenlijk)\s+(?:mijn|m'n|mn|zijn|z'n|haar|my|his|her)\s+"
    r"(?:geboortedatum|geboortedag|verjaardag|date\s+of\s+birth|birthday)\b"
)
# "werd op 21/06 16", "wordt op 3 mei 12 jaar": a date between "word(t)/werd ... op" and an age.
BIRTH_AGE_BEFORE = re.compile(r"(?i)\b(?:word|wordt|werd|worden|werden)\s+(?:[\w']+\s+){0,2}?op\s+$")
BIRTH_AGE_AFTER = re.compile(r"(?i)^\s+\d{1,2}(?:\s+jaar)?(?![\w/.:]|,\d)(?!\s*(?:u|uur|h|keer|x)\b)")
# A full date in brackets right after a person: "mijn zoon Daan (17-06-2009)", "mijn dochter (12.08.2008)".
# Also a profile in the brackets: the person's name before the date, more after it ("Mijn dochter
# (Jade, 03/09/2011)", "(Daphne Mulder, 14 april 2012)", "(03/09/2011, 13 jaar)", "(Jade - 03-09-11)").
_NAME_IN_BRACKETS = r"[A-ZÀ-Ý][\w'À-ÿ\-]*(?:\s+(?:[a-z']{1,3}\s+){0,2}[A-ZÀ-Ý][\w'À-ÿ\-]*){0,3}"
DATE_IN_BRACKETS = re.compile(
    r"\(\s*(?:(?P<name>" + _NAME_IN_BRACKETS + r")\s*(?:,|\s[\-–:])\s*)?°?\s*"
    r"(?P<date>(?:19|20)\d{2}-\d{1,2}-\d{1,2}|\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*(?:(?:19|20)\d{2}|'?\d{2})"
    r"|\d{1,2}\s+(?i:" + MONTHS + r")\.?\s+(?:19|20)\d{2})\s*(?:[,;][^()\n]{0,40})?\)"  # "Tygo (13 juni 2013)"
)

# A full date with its year between commas right after a person, as in a profile line:
# "Juul, 24.06.2009, Sint-Ursula" (the caller asks for a listed first name before it).
DATE_AFTER_NAME_COMMA = re.compile(
    r"(?<=[\w'À-ÿ]),\s*(?P<date>\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*(?:19|20)\d{2})\s*(?:,|$|\n)"
)

# --- addresses ---------------------------------------------------------------------------------
STREET_STRONG = (
    r"straat|str\.?|stwg\.?|straatje|laan|weg|plein|dreef|lei|steenweg|baan|kaai|kade|gracht|singel|dijk|"
    r"markt|pad|dries|steeg|boulevard|plaats|straete"
)
STREET_WEAK = r"gang|ring|park|veld|hoek|berg|burg|akker|wal|dam|heide|meers|vest|kouter|hof|bos|hout|vliet|(?<!w)(?<!\b[Nn])oord"
STREET_PREFIX = (
    r"Grote|Kleine|Oude|Nieuwe|Lange|Korte|Hoge|Lage|Koning|Koningin|Prins|Prinses|Sint|Graaf|"
    r"Generaal|Burgemeester|Pastoor|Dokter|Kardinaal|Keizer|President|Heilig|Onze|Lieve|Vrouw|"
    r"Van|Jan|Frans|Johan|Willem|Eerste|Tweede|Derde|Hertog|Markies|Admiraal|Professor|Kapitein|"
    r"Wethouder|Minister|Dominee"
)
# Offices shortened with a dot before a Dutch street: "Weth. Frankeweg 33", "Burg. de Vlugtlaan".
STREET_ABBREVIATIONS = r"Weth|Burg|Gen|Pres|Prof|Dr|Mr|Ir|Ds|Mgr|Kard|Past|Pr|Kon|St"
_UNITS = (
    r"jaar|jaren|j|jr|keer|keren|x|uur|u|uren|min|minuten|sec|seconden|dagen|dag|weken|week|"
    r"maanden|maand|euro|eur|kg|km|m|cm|meter|procent|kinderen|mensen|leerlingen|pinten|"
    r"berichten|berichtjes|stuks|graden|punten|per"
)
# After a dash also a letter or an Amsterdam floor: "54-B", "9-2hg", "12-3 hoog", "7-huis".
_HOUSE_NUMBER = (
    r"(?:(?:nr|nummer|no)\.?\s*)?\d{1,4}(?:\s?[a-zA-Z](?![\w]))?"
    r"(?:-(?:\d{1,2}\s?(?:hg|hoog|h)|[A-Za-z]|I{1,3}|IV|hs|bis|huis)(?![\w'])|\s*[-/]\s*\d{1,4}(?!\d)"
    # a floor in Amsterdam's way after a space: "Vechtstraat 41 III", "Kinkerstraat 12 hs"
    r"|\s(?:II|III|IV|hs|bis|\d{1,2}-?(?:hg|hoog))(?![\w']))?"
    r"(?:,?\s*(?:bus|bte|b\.|bo[îi]te)\s*\d{1,4}(?:\.\d{1,3})?[a-zA-Z]?)?"  # also "bus 0.1"
)
_STREET_WORD_CHARS = r"[\w'À-ÿ\-]"
_STREET_PARTICLES_IN = r"van|de|der|den|ter|ten|'t"
# A date right after a street word is its house number: "Van Eycklei 8/3".
AFTER_STREET_WORD = re.compile(rf"(?i)[a-zà-ÿ](?:{STREET_STRONG}|{STREET_WEAK})\s+$")
# An adjective and the street word apart: "Kempische Steenweg 310", "Brusselse Baan 4".
_STREET_WORDS_APART = r"Steenweg|Baan|Weg|Straat|Laan|Dijk|Dreef|Kaai|Kade|Vest|Lei|Heirbaan|Dries|Heide"
ADDRESS = re.compile(
    r"(?<![\w\-])(?:"
    # "Grote Markt 3", "Oude Baan 150", "Koning Albertlaan 112": listed prefix words
    rf"(?:(?:{STREET_PREFIX})\s+){{1,3}}[A-Z]{_STREET_WORD_CHARS}*"
    # "Weth. Frankeweg 33-3", "Burg. Jansenstraat 4": an office shortened with a dot
    rf"|(?:{STREET_ABBREVIATIONS})\.\s*(?:(?:{_STREET_PARTICLES_IN})\s+){{0,3}}[A-Z]{_STREET_WORD_CHARS}*?(?:{STREET_STRONG}|{STREET_WEAK})"
    # "Kerkstraat 12", "kortrijksesteenweg 245"
    rf"|[A-Za-zÀ-ÿ]{_STREET_WORD_CHARS}*?(?:{STREET_STRONG})"
    rf"|[A-Z]{_STREET_WORD_CHARS}*?e\s+(?:{_STREET_WORDS_APART})"
    # "Kapelleberg 3": weaker endings only when capitalized
    rf"|[A-Z]{_STREET_WORD_CHARS}*?(?:{STREET_WEAK})"
    # "grote markt 5": a square named by its adjective alone, in lower case
    r"|(?i:grote|oude|kleine|nieuwe)\s+markt"
    # "op de Markt 12", "aan de Kaai 4": a square or quay named by its street word alone, after "de"
    r"|(?<=[Dd]e\s)(?:Markt|Plein|Kaai|Vest|Dijk|Dries|Kouter|Zavel|Wal)"
    # "STATIONSSTRAAT 3": a message in capitals
    rf"|[A-Z][A-Z'À-Ý\-]+?(?:{STREET_STRONG.upper()})"
    rf")\s+{_HOUSE_NUMBER}(?!\s*(?:{_UNITS})\b)(?![\d,.]\d)(?!\w)"
)
# Brussels and Wallonia: "Rue de la Station 3", "avenue Louise 54", "Chaussée de Gand 12".
FRENCH_STREET = re.compile(
    r"(?<![\w\-])(?:[Rr]ue|[Aa]venue|[Aa]v\.|[Cc]haussée|[Bb]oulevard|[Bb]d|[Pp]lace|[Cc]hemin|[Aa]llée|"
    r"[Qq]uai|[Ii]mpasse|[Ss]quare|[Dd]rève|[Ss]entier|[Rr]oute|[Cc]los)"
    r"(?:\s+(?:de\s+la|de\s+l'|de|du|des|d'|la|le|les|l'|aux?)?\s*[A-ZÀ-Ý][\w'À-ÿ\-]*){1,4}"
    rf"\s+{_HOUSE_NUMBER}(?!\s*(?:{_UNITS})\b)(?![\d,.]\d)(?!\w)"
)
# A French street without a house number: "ik woon Rue du Moulin", "in de rue de la Loi";
# its street word is no Dutch word, so a particle or a capitalized name after it is enough.
FRENCH_STREET_ONLY = re.compile(
    r"(?<![\w\-])(?:[Rr]ue|[Aa]venue|[Cc]haussée|[Bb]oulevard|[Cc]hemin|[Aa]llée|[Qq]uai|[Ii]mpasse|[Dd]rève)"
    r"(?:\s+(?:de\s+la|de\s+l'|de|du|des|d'|la|le|les|l'|aux?))?\s*[A-ZÀ-Ý][\w'À-ÿ\-]*"
    r"(?:\s+(?:de\s+la|de\s+l'|de|du|des|d'|la|le|les|l'|aux?)?\s*[A-ZÀ-Ý][\w'À-ÿ\-]*){0,2}"
)
# A street named without a house number ("ik woon in de Kerkstraat"); a capital may follow a
# hyphen inside it ("de Sint-Pietersnieuwstraat", "de Onze-Lieve-Vrouwstraat").
_STREET_ONLY_NAME = r"(?<![\w\-])[A-Z](?:[a-zà-ÿ']|-(?=[A-Za-zà-ÿ])[A-Z]?){2,}?"
STREET_ONLY = re.compile(_STREET_ONLY_NAME + r"(?:straat|laan|steenweg|dreef|plein|gracht|kade|singel)(?![\w\-])")
# Endings that also end ordinary compounds ("Loopbaan", "Snelweg"): the caller asks that the
# word is no Dutch word ("op de Turnhoutsebaan", "aan de Frankrijklei").
STREET_ONLY_WEAK = re.compile(_STREET_ONLY_NAME + r"(?:baan|lei|kaai|dijk|weg|dries|vest|vliet|(?<!w)(?<!\b[Nn])oord|hof|plantsoen)(?![\w\-])")
# A street word first, then particles and a name: "Laan van Meerdervoort 530", "Kade van de
# Zuid 4", "de Weg naar Zwolle 12"; without a house number only after "de" ("op de Laan van ...").
# Flemish main roads by the town they lead to: "Steenweg op Gent 44", "Baan naar Tielt 3".
_STREET_FIRST_WORDS = r"Laan|Weg|Plein|Kade|Singel|Gracht|Dijk|Dreef|Kaai|Steenweg|Heirbaan|Baan"
_STREET_PARTICLES = r"(?:van|de|der|den|het|'t|op|naar|ter|ten|aan|bij|in)"
STREET_WORD_FIRST = re.compile(
    rf"(?<![\w\-])(?:{_STREET_FIRST_WORDS})(?:\s+{_STREET_PARTICLES}){{1,3}}\s+[A-Z][\w'À-ÿ\-]*"
    rf"(?:\s+[A-Z][\w'À-ÿ\-]*)?(?P<number>\s+{_HOUSE_NUMBER}(?!\s*(?:{_UNITS})\b)(?![\d,.]\d)(?!\w))?"
)

# --- postcodes ---------------------------------------------------------------------------------
POSTCODE_NL = re.compile(r"(?<![\w.,/\-])(?:NL-?\s?)?[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}(?![\w])")
# Not a Dutch two-letter word as its letters: "sinds 2019 in Den Haag".
POSTCODE_NL_LOWER = re.compile(
    r"(?i)(?<![\w.,/\-])[1-9]\d{3}\s?(?!(?:in|op|en|te|de|of|is|al|nu|zo|ja|om|na|er|ik|je|we|ze|me)\b)[a-z]{2}(?![\w])")
POSTCODE_BE = re.compile(r"(?<![\w.,/\-€$])(?:B-|BE-)?[1-9]\d{3}(?![\w/\-]|[.,]\d|\s*(?:euro|eur|€|km|m)\b)")
# "bij ons in 9100 kent iedereen hem", "welk centrum hoort bij 8000?": four digits where a place
# stands (after in/bij/uit/rond), then the end of the clause or a word that starts one.
POSTCODE_WHERE_PLACE = re.compile(r"(?i)\b(?:in|bij|uit|rond|regio|omgeving|buurt van)\s+$")
CLAUSE_AFTER_PLACE = frozenset(
    """kent kennen is zijn was waren woont wonen woon weet weten heeft hebben gaat gaan zit zitten
    maar want dus ook iedereen niemand daar hier er al nog dan toen wordt worden""".split()
)
# "ik woon in 8630 veurne": four digits where someone lives (years 1900-2039 excepted by the caller).
POSTCODE_AFTER_LIVING = re.compile(
    r"(?i)\b(?:woon|woont|wonen|woonde|woonden|verhuisd|verhuizen|verhuisden)(?:\s+\w+){0,3}?\s+(?:in|te|naar)\s+$"
)
# "ik woon in Rotterdam-Zuid, 3074.", "in Edingen, 7850": four digits after a place and a comma,
# before the end of the clause (the caller asks for a listed place or "in"/"te"/"uit" before it).
POSTCODE_AFTER_PLACE = re.compile(
    r"(?P<before>\b(?:in|te|uit)\s+)?(?P<place>[A-Z][\w'À-ÿ]+(?:-[A-Z][\w'À-ÿ]+)*),\s*$"
)
# "i live in antwerp, 2018", "ik woon in gent, 9000": a living verb, a place (any case; the caller
# asks for a listed one), a comma: then also digits that look like a year are the postcode.
POSTCODE_AFTER_LIVING_PLACE = re.compile(
    r"(?i)\b(?:woon|woont|wonen|woonde|woonden|live|lives|living)\s+(?:\w+\s+){0,2}?(?:in|te)\s+"
    r"(?P<place>[a-zà-ÿ][\w'à-ÿ]+(?:-[a-zà-ÿ][\w'à-ÿ]+)*),\s*$"
)
POSTCODE_CONTEXT = re.compile(r"(?i)\b(?:postcode|postnummer|postcode is|pc)\s*:?\s*(?:is\s*)?$")

# "Meir 34, 2000 Antwerpen": a capitalized name + house number right before a postcode is an
# address even without a street suffix.
ADDRESS_BEFORE_POSTCODE = re.compile(
    rf"(?<![\w\-])(?P<street>[A-Z][\w'À-ÿ\-]+(?:\s+[A-Za-zÀ-ÿ][\w'À-ÿ\-]+){{0,2}}\s+{_HOUSE_NUMBER})"
    r",?\s+(?:(?:B|BE|NL)-?\s?)?[1-9]\d{3}(?:\s?[A-Z]{2})?\s+[A-Z]"
)
# Someone lives or stays there: a street named without a house number is then an address.
DWELLING = re.compile(
    r"(?i)\b(?:woon\w*|wonen|verblij\w*|logeer\w*|logeren|thuis|huis|huisje|adres|(?:schoon)?familie|"
    r"nr|nummer|buur\w*|live|lives|habite)\b"
)
# A shop or public spot: "bij de Lidl", "tegen de Inno", "aan het station", "de bushalte", a
# city and a comma before the street ("in Brussel, Avenue Louise").
PUBLIC_PLACE = re.compile(
    r"\b(?:[Bb]ij|[Ii]n|[Aa]an|[Tt]egen|[Vv]oor|[Nn]aast|[Aa]chter|[Tt]ussen|[Nn]aar)\s+(?:de|het)\s+[A-Z][\w'&\-]+"
    r"|\b[Ii]n\s+[A-Z][\w'\-]+,\s(?=\s|[A-Z]|de\b|het\b)"  # "in Brussel, Rue Neuve" (the street blanked)
    r"|(?i:\b(?:winkel\w*|supermarkt|station|\w*bureau|commissariaat|politie\w+|gemeentehuis|stadhuis|"
    r"rechtbank|justitiehuis|ziekenhuis|ocmw|bushalte|tramhalte|halte|café|restaurant|kermis|festival|"
    r"bioscoop|cinema|parking|shopping\w*|markt|"
    # a crowd on a shopping street: "de Kalverstraat was superdruk", "tussen de toeristen"
    r"superdruk|stampvol|bomvol|drukte|menigte|mensenmassa|toeristen|winkelend\s+publiek)\b)"
)
# "bij hem thuis, Ooievaarsnest 14, Wilrijk": a capitalized word + house number, a comma and a
# listed place (the caller asks that the word is no Dutch word, place or ordinary name).
ADDRESS_BEFORE_PLACE = re.compile(
    rf"(?<![\w\-])(?P<street>[A-Z][\w'À-ÿ\-]+\s+{_HOUSE_NUMBER}),\s*(?P<place>[A-Z][\w'À-ÿ\-]+)(?![\w'\-])"
)
# "zijn studio op de Overtoom 301 in Amsterdam": "op"/"aan" (+ article), a capitalized word + house
# number, "in"/"te" and a listed place (the caller asks that the word is no place or ordinary name).
ADDRESS_BEFORE_IN_PLACE = re.compile(
    rf"(?i:\b(?:op|aan)\s+(?:de\s+|het\s+)?)(?P<street>[A-Z][\w'À-ÿ\-]+\s+(?!(?:19|20)\d\d\b){_HOUSE_NUMBER})"
    rf"\s+(?:in|te)\s+(?P<place>[A-Z][\w'À-ÿ\-]+)(?![\w'\-])"
)
# "ik woon in de kerkstraat": a lower-case street name after a living verb.
STREET_AFTER_LIVING = re.compile(
    r"(?i)\b(?:woon|woont|wonen|woonde|woonden|verhuisd naar|adres is)\s+(?:in|op|aan)\s+(?:de|het)\s+"
    r"(?P<street>[a-zà-ÿ][\w'À-ÿ\-]*?(?:straat|laan|steenweg|dreef|plein|gracht|kade|singel|lei|weg|dijk|baan))(?![\w\-])"
)
# "we wonen op de Coupure Links 650": capitalized words + house number after a living verb,
# even without a street suffix (a place name there is skipped by the caller).
_CAPITALIZED_STREET = (
    rf"(?P<street>[A-Z][\w'À-ÿ\-]+(?:\s+[A-Z][\w'À-ÿ\-]+){{0,2}}\s+{_HOUSE_NUMBER})"
    rf"(?!\s*(?:{_UNITS})\b)(?![\d,.]\d)(?!\w)"
)
# The preposition may be left out in a chat: "ik woon Kouter 18", "mijn adres is Kouter 18".
CAPITALIZED_STREET_AFTER_LIVING = re.compile(
    r"(?i:\b(?:woon|woont|wonen|woonde|woonden|verhuisd naar|adres(?:\s+van(?:\s+[\w']+){1,3}?)?(?:\s+is|\s*:)"
    r"|i live|we live|he lives|she lives)"
    r"\s+(?:(?:op|aan|in|at|on)\s+(?:de\s+|het\s+|the\s+)?)?)"
    + _CAPITALIZED_STREET
)
# "ik woon met mn mama in een appartement op de Meir 50": words between, then "op"/"aan"; the
# caller asks that the first word is no Dutch word ("op Kamer 12" stays).
CAPITALIZED_STREET_FAR_AFTER_LIVING = re.compile(
    r"(?i:\b(?:woon|woont|wonen|woonde|woonden)(?:\s+[^\s.!?,;:]+){1,8}?\s+(?:op|aan)\s+(?:de\s+|het\s+)?)"
    + _CAPITALIZED_STREET
)
