"""Cue phrases about the person WRITING: professional, perpetrator, and age-group cues.

The age-group cues follow the labelling guide in bot/nlu_tools/README.md: a writer is
labelled minor or adult only when the text gives a cue for it, otherwise unknown.
All patterns work on text normalised by `textnorm.normalize`.
"""

from __future__ import annotations

import re
from typing import Optional

from bot.components.age import adult_by_context
from bot.components.professions import professional_opening

PROFESSIONAL = re.compile(
    r"\b(ik ben|als(?! de\b)|ik werk als|ik werk in|werk als|ik werk op|ik werk bij|wij zijn|ik geef les|als een) (een |de |het )?"
    r"\w*(werker|leerkracht|juf|juffrouw|meester|leraar|lerares|docent|docente|mentor|zorgco(o|ö)rdinator|zorgcoordinator|"
    r"leerlingbegeleider|leerlingenbegeleider|huisarts|arts|dokter|verpleegkundige|verpleger|psycholoog|"
    r"therapeut|maatschappelijk werker|hulpverlener|begeleider|begeleidster|opvoeder|opvoedster|"
    r"kinderbegeleider|kinderbegeleidster|onthaalouder|onthaalmoeder|gastouder|trainer|trainster|coach|"
    r"jeugdwerker|jeugdleider|animator|leiding|kinesist|fysiotherapeut|politie|agent|clb|"
    r"clb-medewerker|zorgleerkracht|directeur|directrice|pedagoog|orthopedagoog|logopedist|tandarts|"
    r"vroedvrouw|verloskundige|wijkagent|sociaal assistent|zorgverlener|kinderverzorger|kinderverzorgster|jobstudent|"
    r"schoolmaatschappelijk werker|jeugdarts|jeugdverpleegkundige|consulent|medewerker|stagiair|"
    r"leidster|leider|monitor|begeleiding|zorgjuf|kleuterjuf|schooldirecteur|huisbezoeker|wijkverpleegkundige)\b"
    r"|\b(mijn|een|onze|een van mijn|één van mijn) (leerling|leerlinge|leerlingen|cli(e|ë)nt|cli(e|ë)nte|"
    r"cli(e|ë)nten|patient|patiente|patienten|pupil|bewoner|bewoonster|jongere uit mijn groep|"
    r"kind uit mijn klas|kleuter|kleuters|sporter|speler|speelster|lid van de chiro|lid van de scouts)\b"
    r"|\bik ben (een |a )?(youth worker|social worker|teacher|nurse|counsellor|counselor|therapist|caseworker|case worker|coach)\b"
    r"|\b(bij ons op school|op onze school|in mijn praktijk|op mijn werk zie|"
    # "in onze groep" after a verb of sharing is a chat group, not a group the writer leads
    r"in de opvang|(?<!gestuurd )(?<!gezet )(?<!gepost )(?<!gedeeld )(?<!verspreid )in onze groep|beroepsgeheim|meldcode|collega's en ik|(?<!\bvan )(?<!\buit )ons team|"
    r"vanuit mijn werk|in mijn job|tijdens mijn stage|op mijn stage)\b"
)
PERPETRATOR = re.compile(
    r"\bik (heb|had) (mijn|haar|hem|m|zijn|ze|hen|ons|onze) [^.?!]{0,30}"
    r"(geslagen|geduwd|geschopt|gestompt|gewurgd|bedreigd|uitgescholden|pijn gedaan|opgesloten|vastgepakt|"
    r"door elkaar geschud|gekleineerd|gedwongen|betast|aangeraakt)"
    r"|\bik (sla|sloeg|schop|schopte|duw|duwde|stomp|knijp|kneep|scheld|schold|bedreig|bedreigde|"
    r"kleineer|controleer|schud|schudde) (mijn|haar|hem|ze|m|hen|onze|soms|vaak|weer|ook)\b"
    r"|\b(sla|sloeg|duw|duwde|schop|schopte|stomp|knijp|kneep|scheld|schold|bedreig|bedreigde|kleineer|controleer|schud|schudde|pak|pakte) ik (haar|hem|mijn|ze|m|hen|onze|die)\b"
    r"|\bik heb (een|die|dat|mijn|haar|hem|m|zijn|ze|hen|ons|onze|iemand|mn)\b[^.?!]{0,35}\b(geslagen|geduwd|geschopt|gestompt|gewurgd|"
    r"in elkaar geslagen|bedreigd|aangeraakt|betast|gekust|uitgescholden|pijn gedaan|gefilmd|doorgestuurd|verspreid)\b"
    # round 6: the same acts in other words and word orders ("gisteren heb ik haar vastgepakt",
    # "ik heb hem een klap gegeven", "ik heb het ook doorgestuurd", "i keep pressuring my gf")
    r"|\b(heb|had) ik (mijn|haar|hem|m|zijn|ze|hen|ons|onze)\b[^.?!]{0,35}\b(geslagen|geduwd|geschopt|gestompt|gewurgd|geschud|"
    r"door elkaar geschud|vastgepakt|bedreigd|pijn gedaan|een klap gegeven|een tik gegeven)\b"
    r"|\bik (heb|had) (mijn|haar|hem|m|zijn|ze|hen|ons|onze|mn)\b[^.?!]{0,35}\b(geschud|een (klap|tik|mep|oplawaai) (gegeven|verkocht))"
    r"|\bik heb (het|die|dat|ze) (ook |zelf |toch )?(doorgestuurd|verspreid|rondgestuurd|gepost|online gezet)\b"
    r"|\bi (keep |kept )?(pressur\w*|hit\w*|slap\w*|push\w*|shov\w*|chok\w*|threaten\w*|forc\w*) (her|him|my (gf|bf|girlfriend|boyfriend|wife|"
    r"husband|partner|kid|kids|son|daughter|child|children|little brother|little sister))\b"
    r"|\bi (sent|shared|posted|forwarded|leaked) (a|the|her|his) (pic|pics|photo|photos|nude|nudes|video)\b[^.?!]{0,30}\b(my ex|of her|of him|she sent|he sent)\b"
    r"|\bik (ben|word|werd) (soms |vaak |zo |heel |te )?(agressief|gewelddadig|handtastelijk)"
    r"|\bik (kan|krijg) mijn (woede|agressie|kwaadheid|handen) niet"
    r"|\bik (ben|was) (de )?dader\b|\bals dader\b"
    r"|\bik (voel|heb) [^.?!]{0,25}(aangetrokken|fantasie|fantasieen|gedachten)[^.?!]{0,30}"
    r"(kind|kinderen|minderjarig|jonge meisjes|jonge jongens)"
    # round 11, plain Dutch: "ik sla de kinderen te hard", "ik heb met mijn vriendinnen een meisje geslagen",
    # "ik dring aan tot ze toegeeft", "laat ik haar de hele dag in bed liggen"
    r"|\bik (sla|sloeg|schop|schopte|duw|duwde|knijp|kneep) (de|die|onze|ons) (kinderen|kids|kinders|kind|kleine|kleinen|jongens|meisjes)\b"
    r"|\bik (heb|had) met (mijn|mn|m'n|een paar|twee) (vrienden|vriendinnen|maten|vriend|vriendin)\b[^.?!]{0,40}\b(geslagen|geschopt|gepest|"
    r"in elkaar geslagen|uitgescholden|gefilmd|bedreigd)\b"
    r"|\bik (dring|drong) (soms |vaak |toch |altijd |dan )?aan\b"
    r"|\b(laat|liet) ik (haar|hem|ze|mijn \w+) (soms |vaak |wel eens |gewoon )?(de hele dag|hele dagen|uren|urenlang|dagen|alleen)\b"
)

_SPOUSE_OR_IN_LAW = re.compile(
    r"\bmijn ex - (man|vrouw|partner|schoon\w+)\b|\bmijn (man|vrouw|echtgenoot|echtgenote|partner|ex-man|ex-vrouw|exman|exvrouw|ex-partner|expartner|"
    r"schoonmoeder|schoonvader|schoonbroer|schoonzus|schoonfamilie|schoonzoon|schoondochter|schoonouders)\b"
)
_WORK = re.compile(
    r"\b(op|naar|van|aan) (mijn|het|m'n) werk\b|\bmijn (baas|collega|collega's|leidinggevende|werkgever|job|huisbaas)\b"
    r"|\been collega\b|\bpersoneelsfeest\b|\bhr\b|\bik werk (in|bij|als|op)\b"
)
_RETROSPECTIVE = re.compile(
    r"\btoen ik (klein|kind|jong|een kind|nog klein|tiener|een tiener|een meisje|een jongen|\d{1,2})\b"
    r"|\bals (kind|tiener|klein meisje|kleine jongen)\b|\bin mijn jeugd\b|\bopgegroeid\b|\bmijn jeugd\b"
    # round 10: the age then in the other word order ("ik was toen negen")
    r"|\b(ik was toen|toen was ik) (pas |nog maar |nog )?(\d{1,2}|zes|zeven|acht|negen|tien|elf|twaalf)\b"
    # "mijn ex heeft me vroeger geslagen" is a past relationship, not a childhood (round 7)
    r"|(?<!\bex heeft )(?<!\bex had )(?<!\blief heeft )(?<!\bvriend heeft )(?<!\bvriendin heeft )(?<!\bpartner heeft )\b(me|mij) vroeger\b|\bvroeger bij (mijn|ons|onze) (vader|moeder|pa|ma|papa|mama|ouders|stiefvader|stiefmoeder)\b"
)
# Student life, husband or wife, own children, a job: in English, French, Flemish
_ADULT_LIFE = re.compile(
    r"\b(kot\w+|studentenhome|studentenkamer|studentenhuis|studentenflat|masterproef|thesis|cantus|"
    r"student flat|student house|student party|uni|university|international student|exchange student|"
    r"au pair|expat|residence card|verblijfsvergunning|werkvergunning|op kot|mijn kot)\b"
    r"|\b(onze|mijn|de) kinders\b|\bmijn (vent|ventje|wijf|venten)\b"
    # higher education and work as the writer's own; their own children at home; an old parent
    r"|\b(mijn|naar de|op de|aan de|op mijn|naar mijn|van mijn|van de) (hogeschool|unief|universiteit|faculteit)\b"
    r"|\b(studentenvereniging|studentenclub|student associations?|werklaptop|congres|nieuwe job|new job|(home )?from work|after work|"
    r"lerarenopleiding|verpleegopleiding|"
    r"na (het|mijn) werk|mijn (shift|dienst|nachtdienst))\b"
    r"|\b(als|wanneer|tot) de kinderen slapen\b|\bmet (de|mijn|onze) kleine\b|\b(wij zijn|we zijn|we are) (de|the) (ouders|parents)\b"
    r"|\b(onze|mijn|my) (vader|moeder|pa|ma|papa|mama|mum|mom|dad|mother|father) (\( ?|is |van |, )?[6-9]\d\b"
    r"|\bmy (husband|wife|hubby|ex-husband|ex-wife|boss|manager|colleague|colleagues|coworker|kids|children|son|"
    r"daughter|baby|grandson|granddaughter|grandchildren|in-laws|mother-in-law|father-in-law|landlord|pension)\b"
    r"|\b(single|stay at home|working) (mum|mom|dad|mother|father|parent)\b|\bmy (own )?(job|work|shift)\b|\bat work\b"
    r"|\b(mon|ma|mes) (mari|femme|epoux|epouse|enfants|fils|fille|patron|patronne|chef|collegues|boulot|travail)\b"
    r"|\b(mi|my) (esposo|esposa|marido|mujer)\b|\bmoje dzieci|\bmoj maz\b"
)
# round 10, adult life in other words (LABELLING.md's adult cues): living together, one's own work
# and money, teaching or training a group, student life, own children without "mijn kind", caring
# for an old or ill parent, looking back on a childhood long ago. Not a flatmate, the rent or living
# alone: the development sets' authors label those `unknown`, and the guide does not name them
_LIVING_TOGETHER = re.compile(
    r"\b(sinds|since) (we|wij|ik) (samenwonen|samen wonen|gaan samenwonen|trouwden|getrouwd zijn|moved in together)\b"
    r"|\b(we|wij) wonen (nu |al |pas |sinds kort )?(\w+ (jaar|maanden) )?samen\b|\bik woon samen met (mijn|mn|m'n) (vriend|vriendin|lief|partner)\b"
    r"|\b(we|wij) zijn (al |nu |pas )?(\w+ (jaar|maanden) )?(getrouwd|gehuwd)\b|\bwe live together\b|\bmy (fiance|fiancee)\b"
    r"|\b\w+ jaar (huwelijk|getrouwd)\b|\b(ons|mijn) huwelijk\b"
)
_OWN_WORK_AND_MONEY = re.compile(
    r"\bik werk (tot|van|fulltime|voltijds|deeltijds|halftijds|parttime|nachten|'s nachts|snachts|in ploegen|thuis)\b"
    r"|\b(voor|na|tijdens) (mijn|m'n|mn|het) werk\b|\b(lange|late|vroege|nacht) ?shift\b"
    r"|\b(mijn|m'n|mn) (laatste |eigen |hele |volledige )?(loon|salaris|baan|ontslag|ontslagbrief|pensioen|uitkering|hypotheek|huurcontract|werkgever)\b"
    r"|\bontslag(brief)? (ingediend|genomen|gegeven|gekregen|verstuurd)\b"
    r"|\b(ex - |ex-|ex)collega\w*|\b(twee|drie|een paar|enkele|mijn|mn|m'n) collega'?s\b|\bcollegas\b"
    r"|\bmy (salary|mortgage|paycheck|wages)\b|\b(mon salaire|ma retraite)\b"
    # round 11: work in plain Dutch ("ik werk schoonmaak in hotel", "ik ben hier 3 jaar werken in magazijn")
    r"|\b(ik werk|werken|werk ik) (\w+ ){0,2}(in|bij|op) (de |een |het )?(magazijn|fabriek|hotel|restaurant|kas|kassen|serre|bouw|keuken|"
    r"slachterij|distributiecentrum|tuinbouw|schoonmaak|poetsdienst)\b|\bik werk (schoonmaak|in de schoonmaak)\b|\b(uitzendbureau|interimkantoor)\b"
)
_TEACHES = re.compile(
    r"\bik geef (\w+ )?(les|lo|turnen|gym|wiskunde|frans|engels|nederlands|geschiedenis|muziek)\b"
    r"|\bik sta (al (\w+ )?(jaar|jaren) )?voor (de|een|het|mijn) (klas|kleuters|\w+ leerjaar|\w+ jaar)\b"
    r"|\bik ben (hun|zijn|haar|jullie|de|hier de) (trainer|trainster|coach|juf|meester|leerkracht|leraar|lerares|begeleider|begeleidster|mentor|titularis|klastitularis)\b"
    r"|^(ben|hier) (een |de )?\w*(werker|leerkracht|verpleegkundige|begeleider|opvoeder)\b"
)
_STUDENT_LIFE = re.compile(
    r"\b(bachelorproef|bachelorthesis|masterthesis|doctoraat|phd|erasmus\w*|studentenfeest\w*|studentendoop|"
    r"kotgeno\w+|proffen|promotor)\b"
    r"|\b(ons|onze|my|our|mn|m'n) kot\b|\b(mijn|onze) prof\b"
    r"|\bop (welk|een|mijn|haar|zijn|hun) kot\b|\bik ben (een |nog )?eerstejaars\b(?! (in het|van het|middelbaar|secundair))|\bschachten?\b"
)
_OWN_CHILDREN_OTHER_WORDS = re.compile(
    r"\b(mijn|onze|ons|mn|m'n) (oudste|jongste|middelste|kleinste|kleine) (van |is |\( ?)\d{1,2}\b"
    r"|\b(met|breng|brengt|bracht|haal|haalt|haalde|heeft|had|neemt|nam|hebben|krijgt|krijg|kreeg) (\w+ )?de (kinderen|kids|kindjes)\b(?! (van|uit|in|op|bij|die|die)\b)"
    r"|\bde (kinderen|kids|kindjes) (zitten|liggen|slapen|zijn|spelen) (nog |al |gelukkig |nu |niet |eens )*(boven|beneden|in bed|op hun kamer)\b"
    r"|\bde (kinderen|kids) (zitten|gaan) (nu )?(op|naar) (een )?(nieuwe |andere )?(school|creche|opvang)\b"
    r"|\bthe kids are (asleep|upstairs|in bed)\b|\bmy (toddler|eldest|youngest|oldest)\b|\bmes gosses\b"
)
_CARES_FOR_PARENT = re.compile(
    r"(?<!jonge )\bmantelzorg(er|ster)?\b|\bik zorg (al (\w+ )?(jaar|jaren|maanden) )(\w+ )?voor\b"
    r"|\b(mijn|onze|mn|m'n|ons) (moeder|vader|mama|papa|ma|pa|ouders|schoonmoeder|schoonvader) (met|heeft|die) (\w+ )?(dementie|alzheimer|parkinson)\b"
    r"|\b(de|hun|zijn|haar) (administratie|financien|papieren) (van|voor) (pa|ma|mijn (vader|moeder|ouders))\b"
    r"|\bbewindvoer\w* (van|over) (onze|mijn|ons) (moeder|vader|ma|pa|ouders)\b"
)
_LONG_AGO = re.compile(
    r"\b(dat|het) is (nu |al |inmiddels |ruim |bijna |meer dan )*(1[5-9]|[2-6]\d|vijftien|twintig|dertig|veertig|vijftig) jaar geleden\b"
    r"|\b(1[5-9]|[2-6]\d|vijftien|twintig|dertig|veertig|vijftig) jaar geleden (dat|toen|sinds)\b[^.?!]{0,40}\b(me|mij|ik)\b"
    r"|\bvroeger\b[^.?!]{0,25}\b(mijn|ons|onze|mn) (vader|moeder|pa|ma|papa|mama|ouders|stiefvader|stiefmoeder)\b"
    r"|\b(nu |inmiddels |intussen )?ben ik (nu |zelf |inmiddels |intussen |ook )*(een )?(mama|papa|vader|moeder|oma|opa|grootmoeder|grootvader)\b(?! \?)"
)
# own children and marriage in words of status: childbirth, pension, widowhood, divorce, custody
_ADULT_STATUS = re.compile(
    r"\bik ben (net |pas |\w+ (weken|maanden) geleden )?bevallen\b|\bmijn zwangerschap\b"
    r"|\b(ik ben|sinds ik|nu ik) (met pensioen|gepensioneerd|weduwe|weduwnaar|gescheiden)\b"
    r"|\b(ouderschapsplan|co-ouderschap|alimentatie)\b|\bde (vader|papa|moeder|mama) van (mijn|onze) (kind|kinderen|zoon|dochter|kids)\b"
    r"|\b(als|wij als) (grootouder|grootouders)\b"
)
_SELF_PARENT = re.compile(
    r"\bik ben (de|het) (mama|papa|vader|moeder|oma|opa|grootmoeder|grootvader|stiefmoeder|stiefvader|pleegmoeder|pleegvader) van\b"
    r"|\bik ben (nu |zelf |nu zelf |zelf ook |ook )?(een )?(mama|papa|vader|moeder|oma|opa|grootmoeder|grootvader|"
    r"alleenstaande (moeder|vader|mama|papa)|zwanger|volwassen|meerderjarig|student|studente)\b"
    r"|\b(als|ik ben) (student|studente)\b|\bmama van (drie|twee|vier|\d)\b|^(ik ben )?(ouder dan|boven de|meer dan|over de) 18\b"
)
_OLD_PARENT = re.compile(
    r"\bmijn (moeder|vader|mama|papa|ouders) (van|is|zijn) ([4-9]\d|100)\b"
    r"|\bmijn (oude|bejaarde|hoogbejaarde|dementerende) (vader|moeder|mama|papa|ouders)\b"
    # round 10: "ze zijn allebei in de zeventig"
    r"|\b(zijn|is) (allebei |beiden |al |ruim )?(in de|ver in de|in hun) (zestig|zeventig|tachtig|negentig)\b"
    r"|\b(?<!opa )(?<!oma )(?<!opa zit in een )(?<!oma zit in een )(?<!opa ligt in het )(?<!oma ligt in het )"
    r"(rusthuis|woonzorgcentrum|verzorgingstehuis|verpleeghuis)\b(?![^.?!]{0,60}\b(opa|oma|grootmoeder|grootvader)\b)"
)

# a grandparent in a care home says nothing about the writer's age (a grandchild of 12 or of 50)
_GRANDPARENT = re.compile(r"\b(opa|oma|grootmoeder|grootvader|bompa|bomma|grandma|grandpa|grandmother|grandfather)\b")

# "papa"/"mama" as a child names their own parents: "mijn papa", or bare "papa slaat mama".
_CHILD_PARENT_WORD = re.compile(
    r"(?<!\bzijn )(?<!\bhaar )(?<!\bhun )(?<!\bje )(?<!\bjouw )(?<!\bde )(?<!\been )(?<!\bonze )(?<!\bons )"
    r"\b(papa|mama|mammie|pappie|plusmama|pluspapa|mamie|papie)\b"
)
# round 6: "mijn moeder", "mijn pa" too, with house rules: chores, a phone taken away, coming home late
_OWN_PARENT_WORD = re.compile(r"\b(mijn|mn|m'n) (moeder|vader|ma|pa|ouders|stiefvader|stiefmoeder|plusvader|plusmoeder)\b")
_CHORES_AND_PUNISHMENT = re.compile(
    r"\b(mijn|mn) kamer (niet )?(\w+ )?(poetsen|opruimen|opruim|opgeruimd|schoonmaken|stofzuigen)\b"
    r"|\b(laat|liet|doet|deed) (me|mij) [^.?!]{0,30}\b(poetsen|stofzuigen|afwassen|strijken|opruimen)\b"
    r"|\b(gsm|telefoon|laptop|playstation|ps5|switch|tablet|ipad) (\w+ )?(afgepakt|afgenomen|ingepikt|afgenomen)\b|\bte laat thuis\b"
    r"|\b(als|omdat|dat) ik (rook|gerookt heb|te laat (ben|was|kom)|een slecht punt|slechte punten|mijn kamer niet)\b"
    # round 11: punished for one's grades, a curfew ("als ik om 18u niet thuis ben", "ik moet om 9 uur binnen zijn")
    r"|\b(voor|om|door|vanwege|over) (mijn|mn|m'n) (slechte |slecht )?(punten|cijfers|rapport)\b"
    r"|\b(als|dat|wanneer|zodra) ik (niet )?(om|voor|tegen) \d{1,2} ?(u|uur|h)\b[^.?!]{0,10}\b(thuis|binnen)\b"
    r"|\bik (moet|mag) [^.?!]{0,10}\b(om|voor|tot) \d{1,2} ?(u|uur|h)\b[^.?!]{0,10}\b(thuis|binnen|buiten)\b"
    r"|\bik mag (geen|niet|nooit) [^.?!]{0,20}\b(vriendinnen|vriendin|vrienden|vriendje|lief)\b"
)
# the guide: papa/mama are a minor cue as parents who set the rules ("papa zegt dat ik niet mag")
_HOUSE_RULES = re.compile(
    r"\b(mag ik|ik mag|mogen we|we mogen|moet ik|ik moet|straf|gestraft|huisarrest|verbiedt|verboden|"
    r"laat (me|mij) niet|wil niet dat ik|zakgeld|thuis blijven|uitgaan)\b"
)
_SCHOOL_LIFE = re.compile(
    r"\b(in|op|van|uit|naar|aan) (mijn|onze|de) (klas|school|speelplaats)\b|\bop een (andere |nieuwe )?school\b|\bik [^.?!]{0,20}\b(naar|na|op) school\b"
    r"|\b(de|mijn|onze) (juf|meester|mentor|klasmentor|leerkracht|leraar|lerares|turnleraar|turnleerkracht|klastitularis)\b"
    r"|\b(huiswerk|rapport|oudercontact|speeltijd|turnles|schoolreis|boekentas|klasgenoot|klasgenote|klasgenoten|"
    r"huisarrest|zakgeld|brugklas|middelbare|lagere school|basisschool)\b"
    r"|\b(schooltas|in de les|tijdens de les|voor school|werkstuk|spreekbeurt|gymleraar|gymleerkracht|gymles)\b"
    r"|\b(onze|mijn) \w+(leerkracht|leraar|lerares)\b"
    # round 6: school work and lessons as the pupil's own ("3 toetsen in 1 week", "die taak van
    # geschiedenis", "morgen mondeling engels", "buiten de les", "de clb-mevrouw")
    r"|\b(mijn|mn|onze|ons|\d+|twee|drie|vier|vijf) (toets|toetsen|overhoring|overhoringen|proefwerk|proefwerken)\b"
    r"|\b(groepswerk|schoolboeken|schoolwerk|strafwerk|pennenzak)\b"
    r"|\b(taak|taken|mondeling) (van |voor )?(wiskunde|frans|engels|nederlands|aardrijkskunde|geschiedenis|biologie|"
    r"chemie|fysica|latijn|duits|economie|godsdienst|zedenleer)\b"
    r"|\b(na|buiten|voor|tijdens) de les\b|\bclb ?-? ?(mevrouw|meneer|madam|dame)\b"
    # round 7: the school as the pupil's world ("nu lacht heel de school", "aan de schoolpoort", a class
    # such as "3b", PE: "de leraar lo", "mijn turnzak"), the CLB told as a pupil, living in a leefgroep
    r"|\b(me|mij)\b[^.?!]{0,30}\bop school\b"
    r"|\b(heel de school|de hele school|schoolpoort|turnzak|leraar lo|lerares lo|leerkracht lo|turnleraar)\b"
    r"|\b(van|uit|in) [1-6] ?[a-f]\b(?! ?-)|\b(aan|naar|bij|met) (het|de|mijn) clb\b|\b(ik woon|ik zit|wonen) in (een|de) leefgroep\b"
    r"|\been [1-5] (voor|op) (wiskunde|frans|engels|nederlands|aardrijkskunde|geschiedenis|biologie|chemie|fysica|de toets|mijn toets)\b"
    # round 11: coming from or not going to school, skipping it, the whole class, boarding school, youth movement
    r"|\b(ik|we|wij) (kom|kwam|komen|kwamen|fiets|fietste|fietsen|loop|liep|lopen) (\w+ ){0,2}(van|uit) school\b"
    r"|\b(als|wanneer|toen|nadat) (ik|we|wij) (\w+ ){0,2}(van|uit) school (kom|kwam|komen|kwamen)\b|\b(ik|we|wij)\b[^.?!]{0,40}\bna (de )?school\b|\bna (de )?school (moet|mag|ga|kan|wil|ben|zit|blijf) (ik|we)\b"
    r"|\b(en|maar) (kan|wil|durf|mag) (ik )?(\w+ ){0,2}(niet |nooit )?(meer )?naar school\b|\b(ge)?spijbel\w*"
    r"|\b(heel|de hele) (mijn |onze |de )?klas\b"
    r"|\bik (zit|woon|ben|verblijf)\b[^.?!]{0,15}\binternaat\b|(^|[.!?,] )op (het )?internaat\b|\b(van|op|in) (het|ons) internaat\b"
    r"|\bik (zit|ben|ga) (nog |ook |al |nu |elke \w+ )*(bij|naar) de (chiro|scouts|scouting|ksa|kla|vksj|jeugdbeweging)\b"
    r"|\b(mijn|onze) (chiro|scouts|ksa|scouting)(leider|leidster|leiding|groep)\b"
)
_MINOR_LIFE = re.compile(
    r"\bweggelopen van thuis\b|\bvan thuis weggelopen\b|(?<!\bhem )(?<!\bhaar )(?<!\bhen )\bals straf\b"
    r"|\bik mag (niet|nooit|geen) [^.?!]{0,25}(buiten|uit|naar|vrienden|lief|vriendje|vriendinnetje|fuif|feestje)(?![^.?!]{0,12}\bzonder (hem|haar)\b)"
    r"|\bik moet van mijn (vader|moeder|papa|mama|ouders|stiefvader|stiefmoeder)\b"
    r"|\bmijn ouders (mogen|mag) (het|dit|niks|niets) (niet )?weten\b|\b(naar|aan|tegen) mijn ouders (zeggen|vertellen|sturen|te)\b"
    r"|^(ik ben )?(jonger dan|onder de|minder dan) 18\b|\bmijn ouders te contacteren\b|\bik ben (nog )?(minderjarig|een tiener|een puber|een kind|jonger dan 18|onder de 18)\b"
    r"|\b(mijn|onze) (stiefvader|stiefmoeder|plusvader|plusmoeder)\b[^.?!]{0,40}\b(mijn (kamer|bed)|me|mij)\b"
    r"|\b(mijn|onze) (stiefvader|stiefmoeder|plusvader|plusmoeder)\b[^?!]{0,120}\b(hij|ze|zij)\b[^.?!]{0,25}\b(me|mij)\b"
)


def adult_cue(norm: str) -> Optional[str]:
    """Why the writer is an adult, or None."""
    if professional_opening(norm):
        return "professional"
    for name, pattern in (
        ("professional", PROFESSIONAL),
        ("own child", None),
        ("partner or in-laws", _SPOUSE_OR_IN_LAW),
        ("work", _WORK),
        ("looks back on childhood", _RETROSPECTIVE),
        ("parent, student or adult", _SELF_PARENT),
        ("old parent", _OLD_PARENT),
        ("adult life", _ADULT_LIFE),
        ("living together", _LIVING_TOGETHER),
        ("own work or money", _OWN_WORK_AND_MONEY),
        ("teaches or trains", _TEACHES),
        ("student life", _STUDENT_LIFE),
        ("own children", _OWN_CHILDREN_OTHER_WORDS),
        ("cares for a parent", _CARES_FOR_PARENT),
        ("long ago", _LONG_AGO),
        ("childbirth, pension, widowhood, divorce", _ADULT_STATUS),
    ):
        if pattern is None:
            if adult_by_context(norm):
                return name
        elif pattern.search(norm) and not (pattern is _OLD_PARENT and _GRANDPARENT.search(norm)):
            return name
    return None


def minor_cue(norm: str) -> Optional[str]:
    """Why the writer is a minor, or None."""
    if _CHILD_PARENT_WORD.search(norm) and (_HOUSE_RULES.search(norm) or _CHORES_AND_PUNISHMENT.search(norm)):
        return "papa/mama as own carers"
    # "mijn vader" is also an adult's word: only with the narrower chores and punishments
    if _OWN_PARENT_WORD.search(norm) and _CHORES_AND_PUNISHMENT.search(norm):
        return "papa/mama as own carers"
    if _SCHOOL_LIFE.search(norm):
        return "school life"
    if _MINOR_LIFE.search(norm):
        return "lives as a child"
    if _MINOR_LIFE_OTHER_LANGUAGES.search(norm):
        return "school or home life (English, French)"
    return None


_MINOR_LIFE_OTHER_LANGUAGES = re.compile(
    r"\b(at|in|to|from|after|before) (my |our )?(school|class)\b|\bmy (teacher|classmate|classmates|class|school|form tutor)\b"
    r"|\b(homework|report card|grounded|pocket money|school trip|detention|klasgroep|klasgenoten)\b"
    r"|\b(my )?(mum|mom|dad)('s|s)? (boyfriend|girlfriend|new boyfriend|won't let me|says i can't|took my phone)\b"
    r"|\bmy (stepdad|stepmum|stepmom|step-dad|step-mum)\b"
    r"|\b(a|à) l'?ecole\b|\bau (college|lycee)\b|\ben classe\b|\bma classe\b|\bmon (prof|beau-pere|beau pere)\b|\bun prof\b"
    # round 7: a stepparent acting on the writer, in French or mixed ("mn beau-père m'a frappé")
    r"|\b(beau ?- ?pere|belle ?- ?mere)\b[^.?!]{0,15}\b(me|m'|mij)"
    r"|\bmes parents (me|m'|ne|veulent|disent)\b|\bmon pere (me|m')\b|\bma mere (me|m')\b"
    r"|\b(ma|mon|mes) (copine|copain|copines|copains|camarade|camarades) de classe\b|\bapres (les cours|l'ecole)\b"
)

# round 11: the writer tells what happens to someone else: writing or translating for them, a witness
WRITES_FOR_OTHER = re.compile(
    r"\bik (schrijf|typ|vraag|bel|chat) (dit |het )?(voor|namens|in naam van) (mijn|mn|m'n|onze|ons|een) \w+"
    r"|\bik (vertaal|tolk)\b|\bi (translate|am translating)\b|\bi (write|am writing|type) for (my|her|him)\b|\bje (traduis|tape|ecris) pour\b"
    r"|\bik (heb|had) (\w+ ){0,2}(een|die|de) (man|vrouw|jongen|meisje|kind|buurman|buurvrouw) (\w+ ){0,3}gezien (die|dat|hoe)\b"
    r"|\bik zag (hoe |dat )?(een|de|die) (man|vrouw|jongen|meisje|vader|moeder) [^.?!]{0,30}\b(sloeg|slaat|schopte|duwde|pijn deed)\b"
)

# The writer is the one it happens to: "hij slaat me", "ik werd verkracht", "heeft me verkracht".
VICTIM_FIRST_PERSON = re.compile(
    r"\b(me|mij)\b (\w+ ){0,3}(verkracht|aangerand|misbruikt|geslagen|geschopt|geduwd|bedreigd|uitgescholden|betast|"
    r"gepest|gewurgd|opgesloten|gedwongen|aangeraakt|gefilmd|gechanteerd|vernederd|genegeerd)\b"
    r"|\b(slaat|schopt|duwt|bedreigt|pest|pesten|betast|verkracht|misbruikt|knijpt|wurgt|dwingt|controleert|vernedert|"
    r"kleineert|stalkt|chanteert|filmt|negeert|sloeg|schopte|duwde) (me|mij)\b"
    r"|\bik (word|werd|ben) [^.?!]{0,20}(geslagen|verkracht|aangerand|misbruikt|gepest|bedreigd|geschopt|betast|"
    r"uitgescholden|gestalkt|gechanteerd|verwaarloosd|opgesloten)\b"
    r"|\bover (mij|mijn gewicht|mijn lichaam)\b|\bvan mij\b"
    # round 11, plain Dutch: "scheldt mij uit", "ze lachen mij uit", "ze laat mij dagen alleen", "ik krijg maar 1 keer eten"
    r"|\b(scheldt|schelden|schold|lacht|lachen|lachte|lachten) (me|mij) (\w+ ){0,3}uit\b|\b(spuugt|spuwt) (op|naar) (me|mij)\b"
    r"|\b(laat|liet|laten) (me|mij) (\w+ ){0,3}alleen\b|\bik krijg\b[^.?!]{0,25}\b(geen|maar|nooit|niet genoeg)\b[^.?!]{0,25}\b(eten|zorg|hulp|medicijnen|pillen)\b"
)


# round 7: one parent (or a parent's partner) hurting the other, told by their child: the writer is
# a bystander ("papa slaat mama", "men vader is men moeder an 't sloan", "my dad is hitting my mum")
_HITS = (
    r"(slaat|sloeg|schopt|schopte|duwt|duwde|wurgt|stompt|sleurt|trekt|slagen|sloan|slaan|slaagt|geslagen|geschopt|"
    r"geduwd|gewurgd|gooit (\w+ ){0,2}naar|hits|hitting|hit|beats|beating|punched|pushed|choking|frappe)"
)
_FATHER = r"(papa|mijn (vader|pa|papa|stiefvader|plusvader)|men vader|mijne vader|my (dad|father|stepdad)|mon (pere|beau - pere))"
_MOTHER = r"(mama|mijn (moeder|ma|mama|stiefmoeder|plusmoeder)|men moeder|my (mum|mom|mother)|ma mere)"
# between the act and the other parent, not the writer ("mijn stiefma duwt me ... als papa werkt")
_NOT_ME = r"(?:(?!\b(?:me|mij|ons|me)\b)[^.?!]){0,25}"
PARENT_ON_PARENT = re.compile(
    # round 11: the parents fighting each other, told by their child ("mama en papa roepen tegen elkaar en papa gooit met borden")
    r"\b(mama en papa|papa en mama|mijn (ouders|mama en papa|papa en mama|moeder en vader|vader en moeder|ma en pa|pa en ma))\b[^.?!]{0,30}"
    r"\b(vechten|slaan elkaar|schreeuwen|roepen|gooien|ruzie)\b|\b(papa|mijn (vader|pa|papa)) gooit met\b"
    r"|\b" + _FATHER + r"\b[^.?!]{0,40}\b" + _HITS + r"\b" + _NOT_ME + r"\b" + _MOTHER + r"\b"
    r"|\b" + _FATHER + r"\b[^.?!]{0,30}\b" + _MOTHER + r"\b[^.?!]{0,30}\b" + _HITS + r"\b"
    r"|\b" + _MOTHER + r"\b[^.?!]{0,40}\b" + _HITS + r"\b" + _NOT_ME + r"\b" + _FATHER + r"\b"
)
