"""Crisis lexicon: phrases that signal suicide risk, acute danger or a recent sexual assault.

These rules back up the urgency classifier so that recall does not depend on
the examples it happened to see. They are written for text normalised by
`textnorm.normalize` (lower case, no accents, "mn" -> "mijn", "kwil" -> "ik wil").
"""

from __future__ import annotations

import re

_SUICIDE = re.compile(
    r"zelfmoord(?!lijn|preventie)|zelfdoding|suicid(?!e ?lijn|epreventie|elijn)|\bsuicidaal"
    r"|\bmezelf (van kant|dood|om het leven|ombrengen|iets aan ?doen|wat aan ?doen|iets aan te doen|wat aan te doen)"
    r"|\bmijzelf (van kant|dood|ombrengen|iets aandoen)"
    r"|\b(ik wil|ik wou|ik zou willen|ik ga|ik wil gewoon|wil gewoon|ik wil liever) (dood|sterven|doodgaan|er niet meer zijn|niet meer leven)"
    r"|\bwil (dood|sterven|doodgaan)\b|\b(liefst|liever) dood\b|\bwas ik maar dood\b|\bwou dat ik dood\b|dood zijn\b.{0,20}(beter|rustiger)"
    r"|\ber een einde aan (maken|te maken|maak)|\been einde (aan )?(maken aan )?mijn leven|\bmijn leven (beeindigen|stoppen|stop zetten)"
    r"|\ber niet meer (willen |wil |te )?zijn\b|\bniet meer (willen |wil )?leven\b|\bniet meer wakker (worden|te worden|wil worden)"
    r"|\bniet meer verder (willen|wil|kunnen)\b|\bik zie het (leven )?niet meer zitten\b|\bik zie geen uitweg\b|\bgeen uitweg meer\b"
    r"|\bniemand (zal|zou|gaat) me (missen|mijn missen)|\bbeter af zonder mij\b|\bafscheidsbrief|\bafscheidsbrieven|\bafscheid (nemen|genomen) van iedereen"
    r"|\b(pillen|medicijnen|slaappillen|paracetamol|dafalgan|medicatie|tabletten)\b[^.?!]{0,25}\b(genomen|geslikt|ingenomen|verzameld|gespaard|innemen|slikken|nemen)"
    r"|\b(alle|al mijn|een hele? (doos|strip)|een doosje) (pillen|medicijnen|slaappillen|tabletten)"
    r"|\b(voor de trein|voor een trein|onder de trein|van (het|een|de) (dak|brug|flat|balkon|gebouw)|van hoog)[^.?!]{0,15}(springen|spring|te springen|gooien)"
    r"|\b(een |het )?(touw|strop)\b[^.?!]{0,30}(klaar|gekocht|gelegd|ophangen)|\bmezelf ophangen|\bmij ophangen"
    r"|\b(snij|snijd|snijden|kras|krassen|sneed) (ik )?(mezelf|mijzelf|in mijn (arm|armen|pols|polsen|benen|been))"
    r"|\bmezelf (snijden|krassen|pijn doen|verwonden|snij|kras)|\bmijn polsen"
    r"|\bhet leven (heeft|is) (geen|gn) zin|\bhet heeft allemaal geen zin meer|\bgeen zin meer (om|in) (te leven|leven)"
    r"|\bwil verdwijnen voor altijd|\bvoor altijd (slapen|weg zijn|verdwijnen)|\bnooit meer wakker"
    r"|\b(als|wanneer|zodra) ik er (straks |morgen )?niet meer ben\b|\bbeter af (als|wanneer|zonder)\b[^.?!]{0,25}\b(niet meer|dood|mij)\b"
    r"|\b(me|mezelf|mijzelf) (net |weer |opnieuw |vandaag |gisteren )?(gesneden|gekrast|verwond|bezeerd)\b|\b(blijft|stopt niet met) bloeden\b"
    r"|\bdood (gaat|gaan|ga) (van|door|aan)\b|\b(hoeveel|welke) (pillen|medicijnen|tabletten)\b[^.?!]{0,30}\b(dood|sterven|dodelijk)"
    r"|\bsnelste (manier|methode) (om|van) (te sterven|dood|zelfmoord)|\bpijnloos (sterven|dood)"
    r"|\b(touw|strop)\b|\bniet meer verder (te )?leven\b|\b(mijn |al mijn )?spullen (weggegeven|weg gegeven|weggeven)"
    r"|\bafscheids(brief|briefje|bericht|berichtje|video|mail|brieven)|\bafscheid (genomen|nemen)\b"
    r"|\b(dak|brug|flat|balkon|viaduct)\b[^.?!]{0,30}\b(springen|spring|te springen|af springen)"
    r"|\bmorgen ben ik er niet meer\b|\bik ben er (straks|morgen|binnenkort) niet meer\b"
    r"|\bliever dood\b|\bdood willen\b|\bdoodgaan willen\b|\bdood wil\b"
    r"|\b(geen|gn) (reden|zin) (meer )?(om|tot) [^.?!]{0,20}(leven|door te gaan|verder te gaan)\b|\bniet meer (willen |wil )?bestaan\b"
    r"|\b(mijn )?laatste (bericht|berichtje)\b|\bsorry voor alles\b|\b(voor altijd|voorgoed) (weg|verdwenen|slapen)\b|\b(weg|verdwijnen) voor altijd\b"
    r"|\b(krab|kras|snij|snijd|bijt|brand|sla) (ik )?(mezelf|mijzelf|mijn (arm|armen|pols|polsen|benen|been|huid))\b|\b(scheermes|scheermesje|mesje)\b"
    r"|\b(er|hier) (morgen |straks |vannacht |binnenkort )?niet meer (is|zijn|ben|zal zijn)\b|\bnooit meer (wakker|opstaan|op te staan|op staan)\b"
    r"|\bhet leven (moe|beu)\b|\been last voor iedereen\b|\b(ik )?stop ermee\b[^.?!]{0,20}\b(vanavond|vannacht|vandaag|straks|voorgoed)|\bdodelijk\b|\bophangen\b|\bop te hangen\b"
    r"|\bophouden met bestaan|\bik hou het niet meer vol en wil\b|\bdoodgaan\b[^.?!]{0,10}(wil|lijkt|beter)"
)
_SUICIDE_NEGATED = re.compile(
    r"\b(ik ben|ben) (zeker )?niet suicidaal|\b(ik denk|denk) (niet|nooit) aan zelfmoord|\bgeen zelfmoord ?gedachten"
    r"|\b(ik wil|wil) (zeker )?niet dood\b|\bniet dat ik dood wil\b"
)
_DANGER = re.compile(
    r"\b(hij|zij|ze|mijn \w+|die man|die vent|mijn ex) (staat|staan|is|zit|hangt) (nu |hier |weer |terug |al )?(voor|aan|bij) (de|onze|mijn|ons|het) (deur|raam|huis)"
    r"|\b(staat|staan) (nu )?(te bonken|te bonzen|te kloppen|te roepen|te schreeuwen)"
    r"|\b(bonkt|bonst|beukt|slaat|trapt|schopt) (op|tegen) (de|mijn|onze) deur|\b(breekt|trapt) (de|mijn|onze) deur"
    r"|\b(heeft|had|pakt|pakte|neemt|nam|houdt|hield|met) (een|zijn|het|een groot) (mes|pistool|wapen|geweer|schaar|hamer|vuurwapen|broodmes|keukenmes)"
    r"|\bmet een (mes|pistool|wapen|geweer|schaar|hamer)\b"
    r"|\b(ga|gaat|gaan|zal|zullen|wil|wilt) (me|mij|ons|haar|hem|mama|mijn moeder|mijn mama|jullie|iedereen) (vermoorden|doodmaken|dood maken|ombrengen|afmaken|kapotmaken)"
    r"|\b(vermoordt|vermoorden|doodmaakt|doodmaken)\b[^.?!]{0,15}\b(als|straks|vannacht|nu|echt)"
    r"|\b(dreigt|dreigde|bedreigt|bedreigde) [^.?!]{0,25}(vermoorden|dood|te doden|mes|kapot te maken)"
    r"|\b(op dit moment|nu net|op dit eigenste moment|nu op dit moment|momenteel|nu aan het|terwijl ik dit (typ|schrijf))\b[^.?!]{0,40}"
    r"(slaat|slaan|schopt|vechten|vecht|aanvalt|wurgt|bedreigt|tiert|schreeuwt|roept|gooit|sloeg|breekt|ruzie|kapot|bang)"
    r"|\b(hij|ze|zij|papa|mama|mijn \w+) (slaat|schopt|wurgt|knijpt|duwt|sleurt|trekt|gooit|sloeg) [^.?!]{0,30}\b(nu|nu net|op dit moment|op dit eigenste moment|daarnet|zonet|net nog)\b"
    r"|\bik (heb me|zit|ben|zit hier|heb mezelf) [^.?!]{0,15}(opgesloten|verstopt)|\b(opgesloten|verstopt) in (de|mijn|het) (badkamer|kamer|wc|toilet|kast|auto|kelder|zolder)"
    r"|\bhelp(t)? (me|mij|ons)? ?(nu|snel|dringend|alsjeblieft)\b|\bdringend hulp\b|\bik heb nu hulp nodig\b|\bhelp help\b"
    r"|\b(ik ben|we zijn|wij zijn|ik voel me) (hier |thuis |nu )?niet (meer )?veilig\b|\bniet veilig (hier|thuis|nu)\b"
    r"|\b(wurgde|gewurgd|wurgt|wurgen|keel (dicht|dichtgeknepen|dichtknijpen)|handen om mijn (nek|keel)|kreeg geen adem)"
    r"|\b(hij|ze|zij) (komt|komen) (eraan|terug|me halen|me zoeken|me vinden|naar hier)\b"
    r"|\bik bloed\b|\b(bloedt|bloeden|bloedde) (heel )?(erg|veel|hard)|\bbewusteloos\b|\bligt op de grond en (beweegt|reageert) niet"
    r"|\bik (durf|kan|mag) niet (meer )?(naar huis|terug naar huis|terug|thuis slapen)\b"
    r"|\bik ben bang dat (hij|ze|zij|mijn \w+) (me|mij|ons|haar|hem|mama|mijn \w+) (iets aandoet|iets gaat aandoen|vermoordt|doodmaakt|gaat vermoorden|gaat doodmaken|echt pijn doet)"
    r"|\bbang voor mijn leven\b|\bvrees voor (mijn|haar|zijn|ons) leven\b"
    r"|\b(hij|ze) (heeft|hebben) (me|mij|ons) (opgesloten|ingesloten)|\bik kan (er|hier|het huis) niet (uit|weg)\b|\bhij laat me niet (gaan|weg|buiten)"
    r"|\bwaar kan ik (nu|vannacht|vanavond) (naartoe|heen|slapen)\b|\b(ik sta|we staan|wij staan|sta ik|staan we)\b[^.?!]{0,25}\bop straat\b"
    r"|\b(buiten gegooid|buitengegooid|op straat gezet|buiten gezet)\b[^.?!]{0,30}\b(nu|vannacht|vanavond|met (mijn|de) (kinderen|baby))\b"
    r"|\b(nu|nu net|net nu)\b[^.?!]{0,40}\b(slaat|slaan|schopt|schoppen|gillen|gilt|vechten|vecht|wurgt|om hulp)\b"
    r"|\b(brand|gas) (gestoken|open gezet|opengedraaid)\b|\b(zet|steekt|steken) [^.?!]{0,20}in brand\b|\bin brand (steken|zetten)\b"
    r"|\b(slaat|gooit|smijt|maakt) alles kapot\b|\balles kapot (slaan|gooien|smijten)\b"
    r"|\b(is|zijn|kwam|komt) (net |zonet |daarnet )?(binnengedrongen|binnengevallen|ingebroken|naar binnen gestormd)"
    r"|\b(houdt|hield|houden) (me|mij|ons) (hier |nu )?(vast|gevangen|tegen)\b|\bik kan (hier |er |nu )?niet weg\b"
    r"|\bkussen op (mijn|haar|zijn) gezicht\b|\b(afmaakt|afmaken|afgemaakt)\b"
    r"|\b(wordt|worden|word) (nu |net |nu net |zonet )?(in elkaar geslagen|in elkaar getrapt|neergestoken|gestoken|aangevallen)"
    r"|\b(net|nu|zonet|daarnet)\b[^.?!]{0,20}\b(gewurgd|neergestoken|gestoken|in elkaar)"
    r"|\bwaar (ik|we|wij) (vannacht|vanavond|nu) (moet|moeten|kan|kunnen) (slapen|heen|naartoe)\b|\bweggelopen van thuis\b|\bvan huis weggelopen\b"
    r"|\b(me|mij|ons|haar) te (vermoorden|doden|doodmaken)\b|\bonderweg\b[^.?!]{0,30}\b(vermoorden|pakken|slaan|afmaken)"
    r"|\b(man|iemand|hij|een auto|die vent|een gast) (die )?(me|mij) (volgt|achtervolgt)\b|\bik word (nu )?(gevolgd|achtervolgd)\b|\bachtervolgt (me|mij)\b"
    r"|\b(ligt|lag|viel)\b[^.?!]{0,30}\b(reageert|beweegt) niet\b|\bbeweegt niet meer\b|\bik ben (zo |heel |echt |super )?bang\b[^.?!]{0,30}\b(nu|vannacht|hij komt|ze komen)"
    r"|\b(we|wij|ik) (gaan|ga) samen (sterven|dood)\b|\brijdt als een gek\b"
    r"|\bprobeert?\b[^.?!]{0,25}\bbinnen te (komen|geraken|breken)\b|\b(raam|ruit|deur) (ingegooid|ingeslagen|ingetrapt|ingebeukt)\b|\bingebroken\b"
    r"|\b(dreigt|dreigde|zegt|zei) [^.?!]{0,30}\b(iets aan te doen|iets aandoet|pijn te doen|pijn doet|mee te nemen)\b"
    r"|\b(overleef|overleven|overleeft) [^.?!]{0,15}niet\b|\bniet overleef\b|\bontvoerd\b|\b(in|uit) elkaar slaat\b|\belk moment\b[^.?!]{0,20}(thuis|terug|hier)"
    r"|\b(keel|nek)\b[^.?!]{0,20}\b(vastgepakt|dichtgeknepen|dichtgedrukt|vast)\b|\b(geen|gn) (lucht|adem)\b|\bachter (me|mij) aan\b|\bontsnapt\b"
    r"|\b(trapt|trappen|schopt|beukt) [^.?!]{0,10}deur (in|open)\b|\bdeur in te (trappen|schoppen|beuken)\b"
)
_SEXUAL_ASSAULT = re.compile(
    r"\bverkracht|\baangerand|\baanranding|\bmisbruikt|\bmisbruik\b|\bbetast|\bseks (gehad )?tegen mijn wil|\btegen mijn wil\b"
    r"|\b(gedwongen|dwong|dwingt)\b[^.?!]{0,25}\b(seks|pijpen|uitkleden|aanraken|aan te raken|naakt)"
    r"|\bin (me|mij) (gegaan|gedrongen|binnengedrongen)\b|\bin mijn bed (gekropen|gekomen|kruipt|komt)\b"
    r"|\b(heeft|had|hebben) (aan|met) (me|mij) (gezeten|gezeten)|\baan (me|mij) (gezeten|zitten|zat|zaten|geraakt)|\bzat (hij |ze )?aan (me|mij)"
    r"|\bonder mijn (rok|kleren|broek|t-shirt|shirt|truitje|jurk)|\bin mijn (broek|onderbroek|slip)\b"
    r"|\b(iets|wat|iemand [^.?!]{0,10}) in mijn (drankje|drank|glas|cola)|\bgedrogeerd|\bk\.?o\.?-?druppels"
    r"|\bik zei (nog |wel )?(nee|neen|stop)\b[^.?!]{0,50}\b(toch|door|verder)|\b(bleef|ging) (gewoon )?door (terwijl|toen|ook al)"
    r"|\bongewenste seks|\bseks zonder (dat ik|mijn toestemming)|\bzonder (mijn )?toestemming\b[^.?!]{0,30}\b(seks|gefilmd|foto|aan)"
    r"|\bwakker\b[^.?!]{0,40}\b(naakt|uitgekleed|bovenop (me|mij)|in me|aan me|zonder (kleren|onderbroek|broek|slip|kleding))"
    r"|\b(meegenomen|meegesleurd)\b[^.?!]{0,40}\b(seks|kleren|uitgekleed|verkracht)"
)
_RECENT_WORDS = (
    r"(gisteren|gisterenavond|gisteravond|gisternacht|eergisteren|vannacht|vannoch?tend|vanmorgen|vanochtend|"
    r"vandaag|vanavond|vanmiddag|afgelopen nacht|vorige nacht|deze nacht|dit weekend|afgelopen weekend|"
    r"vorig weekend|het weekend|in het weekend|deze week|vorige week|afgelopen week|een week geleden|"
    r"(een )?(paar|2|3|4|5|twee|drie|vier|vijf|enkele|aantal) dagen (geleden|terug)|"
    r"(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)(avond|nacht|middag|ochtend)?|"
    r"net (gebeurd|verkracht|aangerand)|zonet|daarnet|zojuist|eerder vandaag|na de fuif|op de fuif|"
    r"na het feest|op het feest|na het feestje|op het feestje|na het uitgaan|'s nachts na)"
)
_RECENT = re.compile(r"\b" + _RECENT_WORDS + r"\b")
_LONG_AGO = re.compile(
    r"\b(jaren|jaar|maanden) (geleden|terug)\b|\btoen ik (klein|jong|kind|\d+|nog klein)|\bals kind\b|\bvorig jaar\b"
    r"|\bin mijn jeugd\b|\bvroeger\b|\bheel lang geleden\b|\bsinds (mijn|ik) \d|\bweken geleden\b"
)


def suicide_hit(norm: str) -> bool:
    return bool(_SUICIDE.search(norm)) and not _SUICIDE_NEGATED.search(norm)


def danger_hit(norm: str) -> bool:
    return bool(_DANGER.search(norm))


def sexual_assault_hit(norm: str) -> bool:
    return bool(_SEXUAL_ASSAULT.search(norm))


# round 7: the time word dates the telling, not the assault ("een leerling vertelde vandaag dat...",
# "hij durfde het pas vanavond te zeggen", "bedankt voor gisteren"): it does not count
_TOLD = (
    r"(vertelde|vertelt|verteld|vertellen|zei|zegt|gezegd|zeggen|hoorde|gehoord|ontdekte|ontdekt|zag|gezien|"
    r"melding|opgebiecht|toevertrouwd|afriep|appte|geappt)"
)
# words between the telling and its time, never the start of what was told ("vertelde dat ze gisteren")
_FILLER = r"(?: (?!dat\b|da\b|that\b|dattem\b|wat\b)\S+)"
_TOLD_WHEN = re.compile(
    r"\b" + _TOLD + r"\b" + _FILLER + r"{0,3}? " + _RECENT_WORDS + r"\b"
    r"|\b" + _RECENT_WORDS + r"\b" + _FILLER + r"{0,4}? " + _TOLD + r"\b"
    r"|\b(bedankt|dank je|dankjewel|merci) (voor|van) (gisteren|vandaag|gisteravond|vanmiddag)\b"
)


def recent_hit(norm: str) -> bool:
    """A time word of the last days, and nothing that places the story long ago."""
    if not _RECENT.search(norm):
        return False
    if not _RECENT.search(_TOLD_WHEN.sub(" ", norm)):
        return False
    if _LONG_AGO.search(norm):
        # "jaren geleden ... en gisteren weer": a recent event in a long story still counts
        # when a recency word sits close to an assault word.
        return bool(
            re.search(
                r"\b(gisteren|vannacht|gisteravond|gisterenavond|dit weekend|vanmorgen|vanochtend|vandaag|"
                r"eergisteren|afgelopen nacht)\b[^.?!]{0,40}\b(weer|opnieuw|nog eens)\b"
                r"|\b(weer|opnieuw|nog eens)\b[^.?!]{0,40}\b(gisteren|vannacht|gisteravond|dit weekend|vandaag)\b",
                norm,
            )
        )
    return True


# Habitual or conditional wording ("als hij gedronken heeft slaat hij me", "elke week") tells of a
# pattern, not of danger now; immediacy words overrule it.
_HABITUAL = re.compile(
    r"\b(als|wanneer|telkens als|elke keer als|iedere keer als|zodra) (hij|ze|zij|mijn \w+|papa|mama)\b"
    r"|\b(soms|vaak|altijd|meestal|regelmatig|af en toe|steeds|nog steeds|al jaren|al maanden|vroeger|ooit)\b"
    r"|\belke (dag|week|avond|nacht|keer|maand)\b|\biedere (dag|week|avond|keer)\b"
)
_IMMEDIATE = re.compile(
    r"\b(nu|nu net|net|zonet|daarnet|vannacht|vanavond|op dit moment|momenteel|help|snel|dringend|straks|"
    r"onderweg|eraan|terug|hier|binnen|bang)\b|!"
)


def habitual_only(norm: str) -> bool:
    """A pattern of violence told without anything that places danger now."""
    return bool(_HABITUAL.search(norm)) and not _IMMEDIATE.search(norm)
