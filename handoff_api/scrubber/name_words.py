"""Word lists and patterns of the name rules (names.py): context words, kin and title words,
particles, and the shapes of words that are or are not a name."""
from __future__ import annotations

import re

# Words that may follow a capitalized ambiguous name at the start of a sentence
# ("Roos is mijn zus", "Mark zei ...").
_NAME_VERBS = frozenset(
    "is was zegt zei heeft had haar z'n zijn wil wou doet deed stuurt stuurde komt kwam "
    "vindt vond weet wist belt belde slaat sloeg lacht woont zit zat gaat ging moet kan mag "
    "dreigt pest".split()
)
# Kinship, role and title words after which a capitalized word is a name ("mijn oom Dirk").
_KIN = frozenset(
    """vader moeder papa mama pa ma stiefvader stiefmoeder stiefpapa stiefmama pleegvader
    pleegmoeder pleegpapa pleegmama stiefpa stiefma pleegpa pleegma schoonpa schoonma broer zus zuster zusje broertje halfbroer halfzus stiefbroer
    stiefzus oom tante nonkel tantetje opa oma opi omi bompa bomma grootvader grootmoeder neef
    nicht nichtje neefje vriend vriendin vriendje vriendinnetje lief ex buurman buurvrouw
    buurjongen buurmeisje klasgenoot klasgenote trainer trainster coach leerkracht mentor leraar
    lerares juf juffrouw meester meneer mevrouw mevr mvr dhr mr mw baas collega schoonvader
    schoonmoeder dokter dr pastoor priester begeleider begeleidster opvoeder opvoedster
    zorgcoördinator directeur directrice jongen meisje man vrouw zoon dochter zoontje dochtertje
    fille fils""".split()
)
# Ranks and offices written before a surname: "inspecteur De Boer", "commissaris Peeters", "notaris Claes".
_RANKS = frozenset(
    """inspecteur hoofdinspecteur commissaris hoofdcommissaris rechercheur agent agente wijkagent
    notaris advocaat advocate meester-advocaat rechter professor prof""".split()
)
_KIN = _KIN | _RANKS
_TITLES = frozenset("meneer mevrouw mevr mvr dhr mr mw juf juffrouw meester dokter dr pastoor".split()) | _RANKS
# Months that are names too ("Mei", "April", "Juni"): after "mijn" + a kin word, before a second name.
_MONTH_NAMES = frozenset("januari april mei juni juli augustus".split())
_PARTICLES = frozenset("van de der den ter ten 't vanden vande vander el al le la d' da di du von".split())
# "ze noemen me mer", "hij noemt zichzelf bigD": the word after is what the person is called.
_CALL_VERBS = frozenset("noem noemt noemen noemde noemden".split())
_CALL_OBJECTS = frozenset("me mij hem haar zichzelf zich ons hen jou je".split())
# Adverbs between "noem hem" and the name: "ik noem hem gewoon de Vos", "ze noemen me altijd Mimi".
_CALL_ADVERBS = frozenset("gewoon altijd maar ook soms vaak meestal nog steeds eigenlijk daar hier nu allemaal".split())
# Adverbs between "heet" and the name: "hij heet daar ook Kurt", "ze heet eigenlijk Lien".
_HEET_ADVERBS = frozenset("daar hier ook eigenlijk echt officieel voluit gewoon nu daarop trouwens".split())
# "het meisje heet volgens mij Rahaf": "volgens" + a pronoun is an adverb there, no name.
_VOLGENS_OBJECTS = frozenset("mij me ons haar hem hen mama papa".split())
_STRONG_CONTEXT = (("naam", "is"), ("naam", ":"), ("heet", "eigenlijk"), ("name", "is"), ("name", ":"))
# "heet" is also "hot" ("het is heet"): it is a name context only after a person.
_HEET_SUBJECTS = frozenset("ik k ikke hij zij ze je jij u die dat hem haar".split())
_CHAT_WORDS = frozenset(
    """ni nie nt da wa wat k zn mn ma em zo nog echt gwn gewoon altijd nooit ook wel ff even
    eens nu nou toch dus want omdat als dan""".split()
)
# The lemma tables miss many regular verb forms ("werkt"): an unknown lowercase word with a
# verb ending after "mijn mama" is more likely a verb than a name.
_VERB_ENDINGS = ("t", "en", "de", "te", "d")
_KIN_VERB_ENDINGS = ("t", "de", "te", "d")  # after "mijn mama" a plural verb is rare; "chen", "ruben" are not
# Ambiguous names that are everyday function words or verbs ("ik ben", "elke dag"): in lower
# case only "ik heet ..." / "mijn naam is ..." makes them a name.
_FUNCTION_WORD_NAMES = frozenset("ben an elke lieve lief max said job ward lot mark bas hoop".split())
# Listed names that are abstract words ("Hoop doet leven", "Storm komt eraan"): at a sentence
# start only a verb a person does makes them a name.
_ABSTRACT_NAMES = frozenset("hoop hope lief lieve storm".split())
# Body parts and "leven" after "van mijn": "Iris van mijn oog", "de hoop van mijn leven".
_BODY_AND_LIFE = frozenset(
    """oog ogen hoofd hand handen arm armen been benen voet voeten buik rug nek neus mond oor
    oren huid haar haren lichaam gezicht hart borst keel lip lippen tand tanden vinger vingers
    knie knieën schouder schouders leven""".split()
)
# Greetings and sign-offs that close a chat message ("groetjes, Christel", "dankje.x").
_GREETINGS = frozenset(
    """groetjes groeten groet gr grtjs mvg liefs doei dag bye ciao xx x xxx kusjes kus kusje
    dank dankje dankjewel danku dankuwel bedankt merci mercikes thanks thank thx tnx xoxo love
    welterusten slaapwel kiss grtz doeg ajb svp please""".split()
)
# A capitalized unknown word after an article is a thing or a place ("de Efteling", "een Opel").
_DETERMINERS = frozenset("de het een 't 'n welke elke zo'n".split())
_POSSESSIVES = frozenset("mijn mn m'n zijn z'n haar onze ons je jouw uw de hun".split())
# Chat interjections and stretched words ("Heyy", "Jaaa", "Hmmm", "Okeej"): never a name.
_STRETCHED = re.compile(r"(\w)\1\1|^(?:h+m+|e+u*h*m+|u+h*m+|p+f+|o+k+e+\w*|j+a+|n+e+|he+y+|ha+l+o+|so+r+y+)$", re.I)
# After a capitalized word at the start of a sentence, these make it a person: "Bavo uit mijn
# klas", "Juul is mijn beste vriendin", "Thibault van de jeugdbeweging doet raar".
_PERSON_FOLLOWERS = frozenset(
    "uit van zegt zei heeft had slaat sloeg stuurt stuurde dreigt pest zit woont belt belde "
    "lacht doet deed wil zat".split()
)
_INITIALS = re.compile(r"(?<![\w.])(?:[A-Z]\.\s?){1,3}\s*$")
_DIMINUTIVES = ("ke", "ske", "je", "tje", "ie", "eke")
_HYPHENATED = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")
# Around a lower-case name that is also a word: "met roos naar", "dan zegt roos dat".
_BEFORE_PERSON = frozenset("met van aan bij tegen zegt zei vraagt vroeg".split())
_AFTER_PERSON = frozenset(
    """en dat die ook niet nog naar is was heeft had gaat ging zegt zei gepraat gesproken
    gezegd geweest gedaan gezien gechat geappt gebeld al altijd""".split()
)
_PERSON_VERBS = frozenset(
    "zegt zei vraagt vroeg stuurt stuurde belt belde slaat sloeg dreigt pest appt is was".split()
)
# A pet's name is no person's: "onze hond Max", "mijn kat Luna".
_PETS = frozenset(
    """hond hondje kat katje poes poesje konijn konijntje paard pony hamster hamstertje cavia
    caviaatje puppy kitten vis visje goudvis parkiet papegaai vogel vogeltje kanarie schildpad
    rat ratje muis muisje fret fretje slang hagedis kip kippen geit ezel veulen""".split()
) | frozenset("vos wolf leeuw olifant kikker".split())  # a story's animal: "de vos Reynaerde"
# A storm's name is no person's: "Storm Ciarán", "orkaan Katrina".
_STORM_WORDS = frozenset("storm orkaan hurricane tyfoon cycloon".split())
# After "Bo is 9": an age ("Bo is 9 en zegt", "Roos is 15 jaar").
_AGE_FOLLOWERS = frozenset("jaar jaartjes en maar of".split())
# A full name after watching or listening is a public figure's: "filmpjes van Andrew Tate",
# "ik luister naar Billie Eilish", "hij kijkt altijd naar Andrew Tate", "een reeks over Bart De Pauw",
# "de campagne met Average Rob", "een interview met Tom Waes" (a campaign, a show, an interview).
_MEDIA_BEFORE = re.compile(
    r"(?i)(?:\b(?:filmpjes?|video'?s?|muziek|liedjes?|nummers|songs?|podcasts?|reels|posts|concert|"
    r"(?:video)?clips?|optredens?|"
    r"albums?|boeken|fan|fans)\s+van|\b(?:reeks|serie|docu|documentaire|film|boek|programma|biografie|artikel)"
    r"\s+over|\b(?:campagnes?|reclames?|reclamespots?|tv-spots?|spots?|afleverings?|afleveringen|interviews?|"
    r"talkshows?|quiz|uitzendings?)\s+(?:met|van)|\b(?:luister|luistert|luisteren|luisterde|kijk|kijkt|kijken|keek)"
    r"(?:\s+\w+){0,4}?\s+naar"
    # "kijkt elke dag Dylan Haegens": a full name watched day after day, without "naar"
    r"|\b(?:kijk|kijkt|kijken|keek|keken)(?:\s+(?:elke|iedere|de|hele|dag|avond|nacht|altijd|vaak|graag|"
    r"nog|steeds|veel|ook|weer|uren|lang|filmpjes|video'?s))+)\s+$"
)
# A show's title before "van" + a name after watching or listening: "ik kijk veel naar Stuk van
# Eefje", "ik luister naar De Dag van Lies" (the title's first word, capitalized, is no first name).
_SHOW_BEFORE = re.compile(
    r"\b(?i:luister|luistert|luisteren|luisterde|kijk|kijkt|kijken|keek)(?:\s+\w+){0,4}?\s+(?i:naar)\s+"
    r"(?P<title>[A-Z][a-z]+)(?:\s+[A-Za-z][a-z]*){0,2}\s+van\s+$"
)
# English words after "I am"/"im" that are no name: "I am from Ukraine", "im so scared".
_ENGLISH_AFTER_AM = frozenset(
    """from in at the a an so very really not here there too also just still only alone afraid
    scared okay ok fine sorry sad lost tired confused being going living staying working new
    pregnant married single gay trans""".split()
)
_FLEMISH_SURNAME = re.compile(r"^(?:Van|Vanden|Vande|Vander|Ver|De|Den|Der|Dh|D')[a-z]{3,}[a-z]$")
_SENT_PUNCT = frozenset(".!?:;\"'()-–—…\n")
_NOT_NAMES = frozenset(
    """ik jij je hij zij ze wij we jullie het de een en of maar want dat die dit deze mijn
    zijn haar ons onze hun uw op in aan met van voor na bij om tot uit over door naar hoi hey
    hallo dag dank sorry ok oke oké ja nee neen niet wel ook nog al volgens""".split()
)

# School words: never a name, and the start of a school's name (scrubber.py).
_SCHOOL_KEYWORDS = frozenset(
    "atheneum lyceum college gymnasium instituut scholengemeenschap campus ka kta go vti sti "
    "tsm vbs gbs sbs roc csg osg rsg isg".split()
)
# Makers whose next capitalized words name a product, not a person: "Apple Watch", "Samsung
# Galaxy Watch", "Google Pixel", "Nintendo Switch"; the maker itself is no person either ("ik bel
# met mijn Nokia").
# A car's model after its brand is no person even when it is a first name: "een witte Renault Zoe".
_CAR_BRANDS = frozenset(
    """renault peugeot citroën citroen volkswagen vw opel toyota bmw audi tesla kia skoda škoda fiat
    volvo hyundai dacia nissan mazda suzuki porsche ferrari lamborghini""".split()
)
_PRODUCT_BRANDS = frozenset(
    """apple samsung google xbox playstation nintendo huawei xiaomi oneplus sony garmin fitbit
    microsoft amazon oppo motorola nokia iphone ipad airpods alcatel lenovo asus acer realme
    fairphone blackberry macbook chromebook""".split()
) | _CAR_BRANDS
# A demonym that is a first name too, after "een": "mijn lief is een Noor".
_DEMONYM_NAMES = frozenset("noor fin deen zweed brit ier schot pool".split())

# After a name, the writer says that it really is the name: "hoop (ja echt zo heet ze)".
_NAMED_SO = re.compile(r"(?i)\s*[(,\-–]?\s*(?:ja\s+)?(?:echt\s+)?(?:zo\s+heet\s+(?:ze|hij|zij)\b"
                       r"|(?:dat\s+is\s+)?(?:echt\s+)?(?:haar|zijn|mijn)\s+(?:echte\s+)?naam\b)")
# After "ik ben"/a kin word and a capitalized word, a profile: an age ("(78)", ", 13 ,", ", 15 jaar")
# or a birth ("Ik ben Lotus, geboren ..."): the word is the person's name, even when it is a word.
_PROFILE_AFTER = re.compile(
    r"\s*(?:\(\s*\d{1,2}\s*(?:j(?:aar)?\.?)?\s*\)|,\s*(?:\d{1,2}\s*(?:j(?:aar)?\b\.?)?\s*(?:[,.!?]|$|en\b)"
    r"|geboren\b|°|geb\.))")
# A name after "naam:" glued to what stands around it: "nr:0483217659.naam:Lore.ik ben 15".
# Also a form's field: "Achternaam: Dijkstra", "voornaam = Rutger", "last name: Peeters".
_NAME_LABEL = re.compile(
    r"(?i)(?<![^\W\d_])(?:(?:achter|voor|familie|roep|meisjes)?naam|(?:first\s+|last\s+|sur|given\s+)?name)"
    r"\s*[:=]\s*(?P<name>[^\W\d_]{2,})")
# A name before "is mijn naam": "Grietje is mijn naam", "Lien, dat is mijn voornaam".
_NAME_IS_MINE = re.compile(
    r"(?<![\w'])(?P<name>[A-ZÀ-Ý][a-zà-ÿ]+)\s*,?\s+(?:dat\s+|die\s+)?is\s+(?:mijn|mn|m'n)\s+(?:voor|roep)?naam\b")
_CAP_WORD = r"[A-ZÀ-Ý][\w'À-ÿ\-]+"
_FULL_NAME = rf"{_CAP_WORD}(?:\s+(?:(?:van|de|der|den|ter|ten|el|van\s+de|van\s+der|van\s+den)\s+)?{_CAP_WORD}){{0,2}}"
# A formal closing, then the writer's full name ending the message: "Met vriendelijke groet, Johanna de Graaf".
_SIGNED_NAME = re.compile(
    r"(?i:met\s+(?:vriendelijke|hartelijke|beste|warme)\s+groet(?:en)?|vriendelijke\s+groet(?:en)?|mvg|"
    r"hoogachtend|kind\s+regards|best\s+regards|regards)\s*[,.]?\s*"
    rf"(?P<name>{_FULL_NAME})\s*[.!]?\s*$"
)
# A person's role as a label, then a full name: "Cliënte: Naïma Haddouchi", "Slachtoffer: Tom Vos",
# "Gegevens: Els Van Acker, ..." (a record's personal data), also the record's label and the role
# together: "Gegevens pleger: Tim Van Damme", "Personalia van de dader: ...", "Naam slachtoffer: ...".
_ROLES = (r"cli[eë]nte?|pati[eë]nte?|slachtoffer|dader|pleger|verdachte|betrokkene|leerling|minderjarige|"
          r"contactpersoon|contact|melder|aanmelder|aanvrager|getuige|moeder|vader|ouders?|"
          r"zoon|dochter|kind|partner|ex-partner|aanvaller|stalker")
_ROLE_LABEL = re.compile(
    r"(?<![^\W\d_])(?i:(?:(?:gegevens|personalia|naam)(?:\s+(?:van\s+)?(?:de|het)?)?\s+)?(?:" + _ROLES + r")"
    r"|gegevens|personalia)"
    rf"\s*:\s*(?P<name>{_CAP_WORD}(?:\s+(?:(?:van|de|der|den|el|van\s+de|van\s+der)\s+)?{_CAP_WORD}){{1,2}})"
)
# Nationalities and languages in English are no names ("he is British"); kept out of
# not_names.txt, which the school rules ask too ("the British School of Brussels").
_NATIONALITIES = frozenset(
    """British English Irish Scottish Welsh American Canadian Australian French German Dutch
    Belgian Flemish Polish Turkish Moroccan Spanish Italian Romanian Bulgarian Russian Ukrainian
    Syrian Afghan Albanian Portuguese Greek Chinese Japanese Indian Pakistani Nigerian Congolese
    Brazilian Mexican Swedish Danish Norwegian Finnish Hungarian Czech Slovak Serbian Croatian
    Bosnian Lithuanian Latvian Estonian Egyptian Algerian Tunisian Somali Eritrean Ethiopian
    Iranian Iraqi Kurdish Lebanese Israeli Palestinian Vietnamese Thai Filipino Indonesian""".lower().split()
)
