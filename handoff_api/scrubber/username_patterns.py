"""Regular expressions and word lists for usernames: @handles, Discord tags, Reddit users, a
word shaped like a handle, and the platform words that make one a username ("zijn snap is
tibo.vh", "op Minecraft heet hij ...").

These run on the raw text (character offsets), in scrubber.py.
"""
from __future__ import annotations

import re

HANDLE = re.compile(r"(?<![\w@.])@\w(?:[\w.]*\w)?(?:#\d{4}(?!\w))?")
# A Reddit user: "u/seppe_vdw", "/u/kobe99" (the "u/" belongs to it; "r/belgium" is a forum).
REDDIT_USER = re.compile(r"(?<![\w@.\-])/?u/[A-Za-z0-9_\-]{3,20}(?![\w/])")
# A Discord tag: a name with "#" and four digits ("maanlicht#0912", "storm_gamer#4421").
# A Riot ID too, a name with "#" and a tag of capitals and digits ("DarkAngel#EUW", "xKev#NL1").
DISCORD_TAG = re.compile(r"(?<![\w@#.])[\w.]*\w#(?:\d{4}|(?=[A-Z0-9]{2,5}(?!\w))[A-Z0-9]*[A-Z][A-Z0-9]*)(?!\w)")
USERNAME_CONTEXT = re.compile(
    r"(?i)\b(?:insta(?:gram)?|ig|snap(?:chat)?|sc|tiktok|tt|discord|twitter|telegram|twitch|"
    r"gamertag|gebruikersnaam|username|user|account|psn|xbox|steam|roblox|fortnite|bereal|"
    r"threads|pinterest|youtube|yt|kik|signal)"
    r"(?:\s*(?:naam|name|id|account|tag))?"
    r"(?P<sep>\s*(?:is|=|:|->)\s*:?\s*|\s+)"
    r"(?P<handle>\.+\w[\w.#\-]*\w\.*|@?[\w][\w.#\-]*[\w]|@?\w)"  # ".nightcrawler." has its dots
)

# A word shaped like a handle, without "@": "boss_kev99", "mila.xx07", "yara.hz", "sk8boy_lier".
# An underscore is enough anywhere; a dot inside, or letters with digits, only where a
# platform is named (PLATFORM) in the same message.
# Leading dots or underscores and trailing underscores belong to it (".noor__", "kobe_"); letters
# with accents too ("anaïs_lbx", "@zoë.x").
HANDLE_UNDERSCORE = re.compile(
    r"(?<![\w@.\-/])(?:[._]*[^\W_]+(?:[._][^\W_]+)*_(?:[\w.]*\w)?"
    r"|_+[^\W_]+(?:[._][^\W_]+)*)(?![\w@\-/]|\.\w)"
)
HANDLE_SHAPED = re.compile(
    r"(?<![\w@.\-/])(?:[^\W\d_][^\W_]*(?:[._][^\W_]+)+|[^\W\d_]+(?:\d+[^\W\d_]+)*\d+[^\W\d_]*\d*"
    r"|[^\W\d_]+(?:\d[^\W\d_]+)+)"
    r"(?![\w@\-/]|\.\w)"
)
# Games and sites where players and writers go by a username: "op Minecraft", "speelt Valorant als".
_GAMES = (
    r"minecraft|valorant|league\s+of\s+legends|clash\s+(?:of\s+clans|royale)|brawl\s+stars|among\s+us|"
    r"call\s+of\s+duty|apex(?:\s+legends)?|overwatch|rocket\s+league|pubg|csgo|counter-strike|hypixel|"
    r"free\s+fire|genshin(?:\s+impact)?|habbo|moviestarplanet|stumble\s+guys|wattpad|vinted"
)
# "ik snap het niet": the verb, not Snapchat.
_SNAP_VERB = r"(?!\s+(?:het|er|niet|wel|echt|nooit|niks|niets|je|jij|u)\b)"
PLATFORM = re.compile(
    r"(?i)\b(?:insta(?:gram)?|ig|snap" + _SNAP_VERB + "(?:chat)?|tiktok|discord|twitter|telegram|twitch|" + _GAMES + "|"
    r"gamertag|gebruikersnaam|gebruikersnamen|username|psn|xbox|steam|roblox|fortnite|bereal|"
    r"threads|kik|(?:nep|fake|nieuwe\s+)?accounts?|nepprofiel(?:en)?|"
    r"whatsapp|groepsapp|groepschat|facebook|fb|messenger|youtube|reddit|onlyfans|pinterest|skype|"
    r"tinder|bumble|grindr|hinge|badoo|lovoo|yubo|wizz|omegle|kik|"
    # playing online names a platform too: "hij gamet de hele nacht met ene DarkLordMarco77"
    r"gamet|gamen|gamede|gameden|gamed|gamend|gaming|gamer|gamers|online\s+gamen)\b"
)
# "a man from Snapchat is asking her": an English verb form after "is", no username.
ENGLISH_PROGRESSIVE = re.compile(r"[a-z]{2,}ing")
ENGLISH_AFTER_VERB = re.compile(r"\s+(?:her|him|me|us|them|you|to|for|about|if|my|our|his|whether)\b", re.I)
# A platform, a few words, then "heet (hij)"/"als": "op discord heet hij ShadowWolf", "hij heeft me
# op snap toegevoegd als noahhh" (the caller asks for a handle's shape or no word and no name).
USERNAME_NAMED_AFTER_PLATFORM = re.compile(
    r"(?i)\b(?:insta(?:gram)?|ig|snap(?:chat)?|tiktok|discord|twitter|telegram|twitch|steam|roblox|" + _GAMES + "|"
    r"fortnite|psn|xbox|reddit|kik|bereal|threads|account)\b(?P<between>(?:\s+[^\s.!?,;:]+){0,4}?)\s+"
    r"(?:heet|heette|als|onder\s+de\s+naam)\s+(?:(?:hij|ze|zij|ik|je|die(?:\s+(?:gast|jongen|vent|kerel|man|meisje|griet))?)\s+)?"
    r"(?P<handle>@?[\w][\w.#\-]*[\w])"
)
# A platform, a few words (a comma too), then "is"/":": "mijn insta verwijderd, mijn nieuwe is
# anonieme.bloem" (the caller asks for a handle's shape: a dot, "_" or digits).
USERNAME_IS_AFTER_PLATFORM = re.compile(
    r"(?i)\b(?:insta(?:gram)?|ig|snap(?:chat)?|tiktok|discord|twitter|telegram|twitch|steam|roblox|" + _GAMES + "|"
    r"fortnite|psn|xbox|reddit|kik|bereal|threads|accounts?|profiel)\b(?:\s+[^\s.!?;:]+){1,6}?\s*"
    r"(?:\bis|=|:)\s*(?P<handle>[A-Za-z][\w.]*[A-Za-z0-9_])"
)
# "iemand die CreeperHunter99 heet": the word before "heet" in a clause after "die"/"dat" (the
# caller asks for a handle's shape: digits, "_", ".", camel case).
HANDLE_BEFORE_HEET = re.compile(
    r"(?i)\b(?:die|dat|wie)\s+(?P<handle>@?\w[\w.#\-]*\w)\s+(?:heet|heette|noemt|noemde|heten)\b"
    # the same after "genaamd"/"met de naam": "iemand met de naam sniper2008"
    r"|\b(?:genaamd|genoemd|met\s+de\s+naam|onder\s+de\s+naam|called|named)\s+(?P<named>@?\w[\w.#\-]*\w)"
)
# Camel case with its humps inside, as a gamer's name: "xXDarkWolfXx", "ShadowWolfYT"; not
# "McDonald", "DeSmet" (one hump after a capital).
CAMEL_HANDLE = re.compile(r"(?<![\w@.\-/])(?:[a-z]+[A-Z]\w*[a-z][A-Z]|[A-Z][a-z]+[A-Z][a-z]+[A-Z])\w*(?![\w@\-/])")
# What someone calls themselves, online: "hij noemt zich sniper2008", "ze noemen hem daar xx.k".
CALLED_BEFORE = re.compile(
    r"(?i)\bnoem(?:t|en|de|den)?\s+(?:zich(?:zelf)?|me|mij|hem|haar|ze|zij|hij)"
    r"(?:\s+(?:daar|online|ook|nu|altijd|op\s+\w+))?\s*:?\s*$"
)
# What a game names that is no player: "mn fortnite skin heet Peely", "mijn personage heet Zelda".
GAME_THINGS = frozenset(
    """skin skins personage personages karakter karakters character characters avatar outfit emote wapen
    map level pet huisdier paard wereld eiland server""".split())
PRODUCT_WORDS = frozenset("ps xbox fifa fc gta mp cod iphone ipad galaxy covid windows pes nba wii nds gen".split())
FILE_ENDINGS = frozenset("jpg jpeg png gif mp4 mov pdf doc docx txt heic webp zip".split())

# A site's name, not a handle: "Politie.be", "rijksoverheid.nl", "Bol.com" (a word or a capital
# before a top-level domain; "kaatje.be" stays a handle shape).
_TOP_LEVEL = frozenset("be nl com org eu net fr de info gov".split())


def website_name(word: str, is_word) -> bool:
    parts = word.split(".")
    return len(parts) == 2 and parts[1].lower() in _TOP_LEVEL and parts[0].isalpha() and (
        parts[0][0].isupper() or is_word(parts[0].lower()))
