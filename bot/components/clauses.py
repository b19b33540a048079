"""Clause-level cues that word n-grams see badly: hyperbole, danger that is over, habit, pressure.

Each cue comes from the labelling guide's list of urgency `none` cases (LABELLING.md): a joke with
"dood", violence in the past with safety now, a pattern without danger tonight, someone else
threatening suicide to pressure the writer, thanks because things are better. They are features
of the urgency model (it learns how much each one counts), not rules. Round 4 adds two rules the
urgency model applies to the whole message: `calming` (the context says there is no danger now:
the crisis probability is lowered) and `alarm` (a strong sign in few words: it asks at least). Text is normalised
(`textnorm.normalize`); `sentences` splits it for per-sentence scoring.
"""

from __future__ import annotations

import re
from typing import List

from bot.components import alarm_kinds
from bot.components.cues import PERPETRATOR

# what one "dies of" in a joke (round 7)
_SCHOOL_OR_SHAME = r"(rapport|examen|examens|toets|toetsen|cijfers|punten|schaamte|stress|zenuwen|verveling|lachen)"
_HYPERBOLE = re.compile(
    r"\b(dood|kapot|sterf|sterven|bezwijk) (van het|van de|van|v) (lachen|schaamte|verveling|honger|dorst|stress|warmte|kou|slaap)"
    r"|\b(gsm|telefoon|batterij|laptop|fiets|auto|plant|planten|wifi|accu)\b[^.?!]{0,20}\b(dood|sterft|gestorven)\b"
    r"|\b(vermoordt|vermoorden|maakt|killt|doodt)\b[^.?!]{0,30}\b(rapport|punten|toets|examen|huiswerk|kamer|telefoon|gsm|cijfers|te laat)\b"
    r"|\b(rapport|punten|toets|examen|cijfers)\b[^.?!]{0,40}\b(vermoordt|vermoorden|ga ik dood|ben ik dood|dood)\b"
    r"|\b(lol|haha\w*|hihi|jk|grapje|xd|grap)\b|😂|🤣|😅|😆|💀"
    r"|\bik ga eraan\b[^.?!]{0,25}\b(als|van|toets|examen|rapport)\b"
    # English and French
    r"|\b(die|died|dying|dead) (of|from) (laughter|laughing|embarrassment|shame|boredom)\b|\b(dead|died) lol\b"
    r"|\b(kill|murder) (me|him|her|you)\b[^.?!]{0,30}\b(if|when)\b[^.?!]{0,40}\b(report|grades|phone|clothes|xbox|room|late)\b"
    r"|\b(mourir|morte?|meurs) (de|d') ?(rire|honte|ennui)\b|\bmdr\b|\blmao\b|\blmfao\b|\bmort de rire\b"
    # round 7: "ik ga dood aan mijn rapport", "ze zou me dood knuffelen"
    r"|\b(ga|gaat|ben) (\w+ )?dood (aan|van|door) (mijn|het|de|dat|die) " + _SCHOOL_OR_SHAME + r"\b"
    r"|\bdood (zou |ga |gaan |te )?knuffelen\b|\bdoodknuffel\w*"
)
_OVER = re.compile(
    r"\b(vroeger|toen ik (klein|kind|jong|\d+)|jaren geleden|lang geleden|vorig jaar|destijds)\b"
    r"|\b(nu|inmiddels|ondertussen|intussen|sindsdien) (woon|ben|zit|voel) ik (?!(?:niet|ni|nie|nog niet|helemaal niet|nergens) )(\w+ )?(veilig|goed|beter|apart|alleen|weg)\b"
    r"|\b(het is|alles is|het gaat) (nu |inmiddels )?(voorbij|beter|goed)\b"
    r"|\bik ben (weg|vertrokken|verhuisd)\b|\b(ben ik|zijn we) (eindelijk |nu |al )?(weg|vertrokken|verhuisd)\b"
    r"|\b(jaar|maanden|weken) geleden\b|\bvorige (maand|zomer|winter|week)\b|\bvorig (weekend|jaar)\b|\b(contactverbod|straatverbod|huisverbod)\b"
    r"|\bik ben (nu )?(niet|ni) in gevaar\b|\bnu is het (rustig|stil)\b|\bhij (zit|is) (nu )?(vast|in de gevangenis|op reis)\b"
    # English and French
    r"|\b(years|months|weeks) ago\b|\blast (year|summer|winter|month|week|weekend)\b|\bback then\b|\bused to\b|\bgrowing up\b"
    r"|\bwhen i was (little|a kid|a child|young|small|\d+)\b|\b(i'm|im|i am) (safe|okay|ok|doing (better|okay|ok|well))( now)?\b"
    r"|\bnot in danger\b|\b(i|we) (left|moved out|moved away)\b|\brestraining order\b|\bit's (quiet|calm|over) now\b"
    r"|\bil y a (\w+ )?(ans|mois|annees|semaines)\b|\b(la semaine|le week-end) (passee|derniere|dernier)\b|\bje suis partie?\b|\bje vais (bien|mieux)\b|\bquand j'etais (petite?|enfant)\b"
)
_HABITUAL = re.compile(
    r"\b(als|wanneer|telkens als|elke keer als|iedere keer als|zodra) (hij|ze|zij|mijn \w+|papa|mama)\b"
    r"|\b(soms|vaak|altijd|meestal|regelmatig|af en toe|al jaren|al maanden)\b"
    r"|\belke (dag|week|avond|nacht|keer|maand)\b|\biedere (dag|week|avond|keer)\b"
    r"|\b(always|often|sometimes|every (day|night|time|week|evening)|whenever|for years|for months)\b"
    r"|\b(toujours|souvent|parfois|tous les (jours|soirs)|chaque (fois|soir|jour)|depuis des (annees|ans|mois))\b"
)
_PRESSURE = re.compile(
    r"\b(hij|zij|ze|mijn (vriend|vriendin|lief|man|vrouw|ex|partner))\b[^.?!]{0,20}\b(zegt|zei|dreigt|dreigde|roept)\b"
    r"[^.?!]{0,40}\b(zichzelf|zich|hem|haar)\b[^.?!]{0,25}\b(iets aan|van kant|dood|ophangen|zelfmoord|aandoet|doden)"
    r"|\bals ik (hem|haar|het) (verlaat|weg ga|wegga|uitmaak)\b"
    r"|\b(he|she|they)('ll| will| would)? (says?|said|threatens?|threatened)\b[^.?!]{0,40}\b(kill|hurt) (himself|herself|themselves)\b"
    r"|\bif i (leave|break up|go)\b[^.?!]{0,30}\b(kill|hurt) (himself|herself)\b|\bsi je le quitte\b|\bva se tuer si\b"
)
_THANKS_BETTER = re.compile(
    r"\b(dank|bedankt|merci|thanks)\b[^.?!]{0,40}\b(beter|goed|veilig|geholpen|opgelost)\b"
    r"|\b(het gaat|gaat het|ik ben) (nu )?(veel |een stuk |al )?(beter|veilig)\b"
    r"|\b(thank you|thanks|merci)\b[^.?!]{0,60}\b(better|safe|helped|calmer|lighter|mieux|aide)\b|\bjust wanted to (say|let you know)\b"
    r"|\bwil(de)? (jullie )?(even )?(laten weten|bedanken|zeggen dat het goed gaat)\b"
    # round 7: "ik voel me al veel beter", far from the thanks
    r"|\bik voel me (nu |al |weer |eindelijk )?(veel |een stuk |al veel |weer )?(beter|veiliger|lichter|rustiger)\b"
)
_NOW = re.compile(
    r"\b(nu|nu net|op dit moment|momenteel|vannacht|vanavond|straks|zonet|daarnet|net nu|terwijl ik (dit )?(typ|schrijf)|right now|now|tonight|"
    r"just now|at the moment|this evening|maintenant|ce soir|cette nuit|en ce moment)\b"
)
# asking how a procedure works, not for help now ("kan ik nog aangifte doen?", "who do I report this to?")
_PROCEDURE = re.compile(
    r"\b(kan ik (nog )?(aangifte|klacht|een melding)|hoe (werkt|doe ik|meld ik|pak ik|breng ik)|bij wie (meld|moet|kan)|"
    r"is (dat|dit|het) (normaal|strafbaar|geweld|misbruik|verkrachting)|wat zijn (de|mijn) (eerste )?stappen|"
    r"moet ik (dit|dat|het) melden|heeft het (nog )?zin|"
    r"who do i (report|tell|contact)|how do i (report|know|stop|talk)|is (that|this|it) (normal|abuse|rape|a crime|illegal)|"
    r"what are my options|can i still|do i have to|should i (tell|report)|what happens (next|if)|"
    r"est-ce que c'est normal|a qui je peux|je dois porter plainte)\b"
)
# the danger is over or elsewhere for now: the writer is somewhere safe, he is away or held
_SAFE_NOW = re.compile(
    r"\b(ik|we|wij) (zit|zitten|ben|zijn|woon|wonen|slaap|slapen|blijf|blijven|logeer|logeren) (nu |nu al |inmiddels |voorlopig |sindsdien )"
    r"(\w+ )?(bij|in) (mijn|een|onze|de|het) (ouders|moeder|mama|vader|papa|zus|broer|vriendin|vriend|oma|opa|tante|nonkel|oom|"
    r"vluchthuis|opvang|blijfhuis|familie|vrienden|schoonouders|buren)\b"
    r"|\b(hij|zij|ze) (is|zit|werkt|blijft) (nu |momenteel |voorlopig |nog )?(\w+ ){0,3}(op reis|op het werk|op zijn werk|aan het werk|op kamp|in het buitenland|"
    r"in de gevangenis|in de cel|vast|opgepakt|opgenomen|in therapie|bij zijn (moeder|ouders|broer|vrienden)|niet thuis|weg)\b"
    r"|\b(is|zit|blijft) (hij|ze|zij) (nu |nog |eindelijk |voorlopig )?(\w+ ){0,3}(vast|opgepakt|in de gevangenis|in de cel|in de bak|op reis)\b"
    r"|\b(politie|agenten|de flikken)\b[^.?!]{0,40}\b(meegenomen|opgepakt|aangehouden|gearresteerd|opgehaald)\b"
    r"|\b(the police|police|cops)\b[^.?!]{0,30}\b(took him|arrested|came and took)\b|\b(he's|he is) (in custody|in jail|locked up|away)\b"
    r"|\b(i'm|im|i am|we're|we are) (now )?(at|staying (at|with)) (my|a|our) [^.?!]{0,20}\b(now|safe)\b"
    r"|\b(ik ben|we zijn|zij is|ze is|hij is|is) (nu |inmiddels |eindelijk )?(veilig|in veiligheid)\b|\b(now safe|safe now)\b"
    r"|\b(sindsdien|since then)\b[^.?!]{0,30}\b(stil|rustig|niks|niets|geen contact|nothing|quiet)\b"
    r"|\bhet is (nu |echt |eindelijk )?(rustig|rustiger|stil|voorbij)( nu)?\b"
    r"|\b(slaat|sloeg|doet) (hij|ze|zij) (\w+ )?(niet|geen|nooit) meer\b|\b(niet|ni|geen) meer sinds\b"
    r"|\b(vluchthuis|blijf-van-mijn-lijfhuis|shelter|refuge|foyer)\b"
    # round 7: he has left, she is calm today ("hij is vertrokken", "vandaag is hij rustig")
    r"|\b(hij|ze|zij) is (dan |toen |daarna |meteen |gewoon )?(vertrokken|weggegaan|weggereden)\b"
    r"|\b(vandaag|nu|vanavond) is (hij|ze|zij) (weer |gewoon )?(rustig|kalm)\b"
    r"|\bje suis (chez|en securite)\b"
)
# a threat to share images unless the writer pays or sends more (sextortion without danger now)
_IMAGE_THREAT = re.compile(
    r"\b(foto|fotos|foto's|naaktfoto\w*|nudes|pics|pictures|video|filmpje|beelden|photos)\b[^.?!]{0,90}"
    r"\b((als|as) ik (niet|geen|nie|ni)|tenzij|anders|or (he|she)('ll| will)|unless|if i (don't|dont)|sinon|si je (ne|n'))\b"
    r"|\b((als|as) ik (niet|geen|nie|ni)|unless|if i (don't|dont))\b[^.?!]{0,60}\b(foto|fotos|foto's|naaktfoto\w*|nudes|pics|video|filmpje|beelden)\b"
    r"|\b(euro|geld|bitcoin|money)\b[^.?!]{0,30}\b(anders|or (he|she)('ll| will)|sinon)\b[^.?!]{0,30}\b(stuurt|deelt|zet|post|send|share|envoie)"
    r"|\b(dreigt|dreigde|threatens|threatened|menace)\b[^.?!]{0,40}\b(te lekken|te delen|te verspreiden|online te zetten|door te sturen|to leak|to post|to share)\b"
)
# coercive control without danger now (LABELLING.md: psychological violence; urgency none unless danger now)
_CONTROL = re.compile(
    r"\b(checkt|controleert|leest|bekijkt|checks|reads|lit)\b[^.?!]{0,20}\b(mijn|mn|my|mes) (gsm|telefoon|berichten|mails|phone|messages|emails|texts)\b"
    r"|\b(neemt|pakt|beheert|houdt|afpakken|pakken|keeps|takes|controls)\b[^.?!]{0,20}\b(mijn|mn|my|ons|our) (\w+ )?(geld|loon|zakgeld|bankkaart|pinpas|pensioen|"
    r"paspoort|verblijfskaart|money|pension|bank card|residence card|passport|salary)\b"
    # round 7: the papers in the other word order ("heeft mijn paspoort 'in bewaring' genomen")
    r"|\b(mijn|mn|my) (paspoort|verblijfskaart|identiteitskaart|bankkaart|pinpas|passport|residence card)\b[^.?!]{0,25}"
    r"\b(genomen|afgepakt|afgenomen|ingepikt|verstopt|in bewaring|weggenomen)\b"
)
# stalking as a pattern (LABELLING.md: "mijn ex volgt me overal en stuurt 50 berichten per dag" is none)
_STALKING_PATTERN = re.compile(
    r"\b(blijft|keeps|always|altijd|elke dag|every day|al maanden|al weken|for months|for weeks)\b[^.?!]{0,40}"
    r"\b(volgen|achtervolgen|stalken|berichten|bellen|sturen|following|texting|messaging|calling|messages)\b"
    r"|\b(tracker|airtag|gps-tracker|gps tracker|spyware|volg-app|tracking app)\b"
)
# violence the writer fears or wants to stop, not violence happening now
_FEAR_OR_STOP = re.compile(
    r"\bbang (dat|da) (ik|hij|ze|zij)\b[^.?!]{0,40}\b(ooit|een keer|nog eens|iets aandoe|iets aandoet|iets aan doet)\b"
    r"|\b(nog )?nooit (echt )?(geslagen|aangeraakt|pijn gedaan|gedaan|iets gedaan)\b|\bnever (hit|touched|hurt)\b"
    r"|\bik wil (niet|ni) (worden|zijn) zoals\b|\bje (ne )?veux pas devenir comme\b|\bi don't want to (become|be) like\b"
    r"|\b(ik wil|i want to) (stoppen|stop)\b|\bhoe stop ik\b|\bals dader\b|\b(voor|before) (het|it) (erger wordt|misloopt|mis gaat|gets worse)\b"
    # round 12: the writer wants help for what they do, before it is too late (a perpetrator, the guide's `none`)
    r"|\bik wil hulp voor het te laat is\b"
    r"|\bik wil (dit|dat|het) (niet|ni) meer\b|\bik schrik van mezelf\b|\bscared of how angry\b|\bals de dood\b"
)
# someone else's threat to end their own life, used as pressure on the writer
_PRESSURE_SUICIDE = re.compile(
    r"\b(hij|zij|ze|mijn \w+|he|she|my \w+)\b[^.?!]{0,40}\b(zegt|zei|dreigt|dreigde|roept|stuurt|says|said|threatens)\b[^.?!]{0,60}"
    r"\b(dood|van kant|eind aan|einde aan|springt|spring|zelfmoord|iets aan|van het leven|ophangt|kill (himself|herself)|se tuer|"
    r"swallow (all )?(her|his) pills|jump off \w+)\b"
    r"[^.?!]{0,60}\b(als ik|door jou|mijn schuld|if i|si je)\b"
)
# round 6, the guide's `none` kinds in words the patterns above miss: he or she is away for now in
# the inverted word order ("vanavond is hij bij zijn broer", "nu is hij veilig"), it is quiet now
# ("dus nu is het oke", "vandaag was het rustig"), a question about what happens next or about
# the law, thanks with a plan for tomorrow
_AWAY_OR_QUIET_NOW = re.compile(
    r"\b(vanavond|vannacht|nu|vandaag|momenteel|deze week|dit weekend) (is|zit|blijft|slaapt) (hij|ze|zij) (nog |gewoon |eindelijk )?"
    r"(bij (zijn|haar|z'n|hun) (moeder|vader|ouders|broer|zus|vrienden|vriendin|vriend|familie|mama|papa|ma|pa)|op reis|weg|"
    r"niet thuis|op (zijn|haar) werk|aan het werk|werken|in de gevangenis|in de cel)\b"
    r"|\b(hij|ze|zij) (is|zit) (nu |vandaag |vanavond )?(gaan )?werken\b|\b(hij|ze|zij) is er (nu |vandaag |vanavond |momenteel )?(niet|ni|nie)\b"
    r"|\b(hij|ze|zij) (is|zit|blijft) (nu |vanavond |vannacht )?bij (zijn|haar|z'n|hun) (moeder|vader|ouders|broer|zus|vrienden|vriendin|familie|mama|papa)\b"
    r"|\b(nu|inmiddels|intussen) (is|ben|zijn) (hij|ze|zij|ik|we|het) (?!(?:niet|ni|nie|nog niet|helemaal niet) )(\w+ )?(veilig|oke|ok|rustig|in veiligheid)\b"
    r"|\b(vandaag|nu|vanavond|deze week) (was|is) (het|alles) (?!(?:niet|ni|nie) )(\w+ )?(rustig|kalm|oke|ok)\b|(?<!niet )\balles (is )?(weer )?rustig\b"
)
_WHAT_NEXT = re.compile(
    r"\b(juridische|juridisch) (stappen|gevolgen|mogelijkheden)\b|\bwat gebeurt er (eigenlijk |precies |dan )?(met|als|dan)\b"
    # round 7: whether to report it, in the writer's doubt ("ik weet niet of ik aangifte moet doen")
    r"|\b(weet|twijfel)\b[^.?!]{0,15}\b(of|hoe) ik (dit |dat |het )?(\w+ )?(aangifte|melden|aangeven|een klacht)\b|\bkrijgt (hij|ze|zij) (dan )?(nog )?omgang\b"
    r"|\bis (het|dat|dit) (al |dan |ook )?(verwaarlozing|mishandeling|psychisch geweld|grensoverschrijdend|strafbaar)\b"
    r"|\bben ik (nu |dan )?(ook )?(strafbaar|een slecht mens|een dader)\b|\bwaar kan ik een melding (doen|maken)\b"
    r"|\bmoet ik (dat|dit|het) (\w+ )?(tegen iemand|aan iemand) (zeggen|vertellen)\b"
    r"|\bwhat('s| is) going to happen\b|\b(if|whether) i should (tell|report)\b|\bam i (being )?(a )?bad person\b"
    r"|\b(bedankt|merci|dank je|dankjewel)\b[^.?!]{0,40}\b(morgen bel ik|ik bel morgen|morgen ga ik|ik ga morgen)\b"
    r"|\b(het voelt|voel me) (al )?(lichter|rustiger)\b"
    r"|\b(wanneer|wnr|hoe laat|tot hoe laat|vanaf wanneer) (zijn|zyn|zijt|is) (jullie|julle|de chat|het) (\w+ )?open\b"
)
# a threat or a plan weeks or months ahead (LABELLING.md: acute danger is today, tonight, within hours)
_WEEKS_AHEAD = re.compile(
    r"\b(over (twee|drie|vier|een paar|enkele|\d+) (weken|maanden)|volgende (maand|zomer)|deze zomer|in de zomervakantie|"
    r"next (month|summer)|this summer|(weeks|months) away|in the summer holidays?|cet ete|l'ete prochain)\b"
)
_HYPERBOLE_MORE = re.compile(
    r"\b(dood op|doodop|dodelijk saai|doodsaai|dood moe|doodmoe)\b|\bsterven van de (buik)?griep\b"
    r"|\b(sterf|sterven) van (de )?(honger|dorst)\b|\b(morte?|mort) de (rire|honte)\b|\bje m'en veux a mort\b"
)
_PROCEDURE_MORE = re.compile(
    r"\bwat (zijn|zijn er) (mijn|de) (opties|mogelijkheden)\b|\bhoe (kan|moet) ik (haar|hem|zo'n|zulke|dit|dat)\b"
    r"|\bmoet ik (dit|dat|het) (\w+ )?(melden|aangeven)\b|\bmag ik (dit|dat|gewoon)\b|\bwelke (opvang|hulp|stappen)\b"
    r"|\bbestaat er (hulp|opvang)\b|\bwie schakel ik in\b|\bwaar (begin ik|moet ik beginnen)\b|\bhoe gaat (zo'n|een) melding\b"
    r"|\b(wat|hoe) (kan|doe) ik juridisch\b|\bis (this|that) something to report\b|\bwhat are my options\b"
    r"|\b(c'est normal|est-ce que c'est)\b|\bkan (zo'n|dat|dit) \w+ verwijderd\b"
)
# what keeps a message alarming whatever calms it: danger now, a time, a weapon, a farewell
_DANGER_NOW = re.compile(
    r"\b(help|helpen|dringend|112|nu meteen|right now|help me|au secours|aidez)\b|\b(kom|komen|help|pls|please|alsjeblieft) snel\b|\bsnel (hulp|iemand|komen)\b"
    # held somewhere: the guide's acute danger even in a message about control
    r"|\b((?<!werd ik )(?<!werd )opgesloten|(?<!met de deur )op slot|locked (me )?in|locked up in|laat (me|mij) niet (gaan|weg)|won't let me (leave|go)|m'enferme)\b"
    r"|\b(staat|is|zit|komt|klopt|bonkt|wacht) (\w+ )?(nu |hier |weer |al )?(voor|aan|bij|op|buiten bij) (de|mijn|onze|het) (deur|raam|ramen|huis|school)\b"
    r"|\b(hij|ze|zij) (is|zit|staat) (nu )?(hier|binnen|in huis|beneden|boven|voor de deur)\b"
    r"|\b(komt|is) (hij |ze )?(straks|vanavond|vannacht|om \d+\w*|over (een|\d+) (uur|minuten))|\b(thuiskomt|thuis komt)\b|\b(tonight|ce soir|cette nuit)\b"
    # round 6: the inverted word order ("vanavond komt hij me halen")
    r"|\b(vanavond|vannacht|straks|zo meteen|zometeen|morgenvroeg) (komt|gaat) (hij|ze|zij)\b(?! (niet|ni|nie)\b)"
    r"|\b(een|het|dat|zijn|z'n|zn|haar|met) mes\b|\b(messen|keukenmes|broodmes|zakmes|knife|wapen|pistool|gun|couteau|arme)\b"
    r"|\b(nu|op dit moment|now) (aan het )?(slaan|slaat|schopt|wurgt|bedreigt|hitting|beating|choking)\b"
    r"|\bik hoor (nu|ze|hem|haar|de buren)\b|\bi can hear\b|\bik hoor (de|mijn|onze) \w+ (nu|op dit moment)\b"
    r"|\b(afscheid|vaarwel|afscheidsbrief|beter af zonder mij|better off without me|bedankt voor alles|thanks for everything|(?<!hulp voor het )te laat(?! (thuis|kwam|kom|kwamen|ben|was|op school)))\b"
    r"|\b(\w*pillen|pills|touw|rope|springen|jump|dak|roof|brug|bridge)\b"
    r"|\b(om|at|a|tegen) \d{1,2} ?(u|uur|h|:\d\d|pm|am)\b|\btegen morgen\b|\bvoor morgen\b"
    r"|\b(liever dood|wil dood|ga dood(?! (aan|van) (mijn|het|de|dat|die) " + _SCHOOL_OR_SHAME + r")|dood wil|wil niet meer leven|niet meer leven|zelfmoord|suicide|kill myself|end it|einde aan|eind aan|weet al hoe)\b"
    r"|\b(durf (niet|ni|nie) (naar huis|terug)|kan (niet|ni|nie) (naar huis|terug)|nergens (om )?te slapen|nowhere to (go|sleep))\b"
    r"|\b(bewusteloos|bloedt|bloeden|ambulance|unconscious|bleeding)\b"
    r"|\b(achter (me|mij) aan|volgt (me|mij) nu|following me (now|right now)|staat buiten|is outside|outside my|buiten bij)\b"
    r"|\b(eraan(?! onderdoor)|onderweg|net(?! (verhuisd|begonnen|gestart|getrouwd|bevallen|afgestudeerd|gescheiden|terug van))|zonet|daarnet|zojuist|just now|in de kast|buiten in de auto|in de auto|schoolpoort)\b"
    r"|\b(vermoord|vermoorden|afmaakt|afmaken|kill me|kill us|me tuer)\b"
    # farewell and its preparations (LABELLING.md: indirect signs of suicide risk)
    r"|\b(goed zo|voor ik ga|made my peace|won't be needing|laatste keer|niet meer meemaak|geen (enkele )?reden|blijven leven|"
    r"(?<!niet )(?<!niet had )(?<!niet heb )opgeruimd|testament|brieven|letters|spullen|spaargeld|weggegeven|gegeven aan|gebracht|naar mijn (tante|zus|vriendin|buurvrouw)|"
    r"(?<!nieuwe )(?<!fake )(?<!valse )(?<!andere )accounts|maakt (eigenlijk )?(niet|niks) meer uit|stoppen met (alles|leven)|geen zin meer|poging|zorg goed voor|ingepland|gepland)\b"
)
# the strongest signs of the guide, as few words as a short message has: a farewell, belongings
# given away, a plan or a date, means, violence named as happening now, a threat with a time.
# They lift the crisis probability to the safety question at least (urgency_model.alarm_floor).
_ALARM = re.compile(
    r"\b(afscheid|vaarwel|goodbye|afscheidsbrief|beter af zonder mij|better off without me|bedankt voor alles|thanks for everything|"
    r"voor ik ga|before i go|zorg goed voor|tried my best|mijn best gedaan|het is goed zo|made my peace|niet meer nodig|"
    r"don't need (it|them) anymore|voor mij is het te laat|it's too late for me)\b"
    r"|\b(spullen|things|stuff|belongings|juwelen|trouwring)\b[^.?!]{0,50}\b(gegeven|weggegeven|verdeeld|krijgt|gave|given|left|uitgedeeld|verdelen)\b"
    r"|\b(gegeven|gave|weggegeven|verdeeld|uitgedeeld)\b[^.?!]{0,50}\b(spullen|things|stuff|belongings)\b|\bwie wat\b[^.?!]{0,20}\bspullen\b"
    r"|\b(van plan|ik ga het doen|i'm going to do it|een datum|datum gekozen|weet (al )?hoe|i know how)\b"
    r"|\b\d+ (paracetamol\w*|pillen|slaappillen|pills|dafalgan)\b"
    r"|\b(nu|op dit moment|right now|now)\b[^.?!]{0,25}\b(slaat|wurgt|schopt|stompt|beats?|hitting|choking|strangling)\b"
    r"|\b(slaat|wurgt|schopt|stompt|hitting|choking)\b[^.?!]{0,25}\b(nu|right now)\b"
    # round 11: the same in the passive ("mijn buurjongen wordt op dit moment geschopt", "she is being beaten right now")
    r"|\b(wordt|worden|word)\b[^.?!]{0,15}\b(nu|op dit moment|net nu)\b[^.?!]{0,40}\b(geslagen|geschopt|gewurgd|gestompt|aangevallen|neergestoken|in elkaar geslagen)\b"
    r"|\b(is|are|am) being (beaten|hit|kicked|choked|attacked)\b[^.?!]{0,25}\b(now|right now)\b|\bright now\b[^.?!]{0,25}\b(is|are) being (beaten|hit|kicked|attacked)\b"
    r"|\b(vanavond|tonight|ce soir|straks|when (she|he|i) gets? home)\b[^.?!]{0,60}\b(slaan|slaat|beat|hit|vermoord\w*|kill|pak slaag|voelen|straf|afmaken)\b"
    r"|\b(slaan|beat|hit|afmaken|pak slaag)\b[^.?!]{0,60}\b(vanavond|tonight|when (she|he) gets home|thuiskomt)\b"
    r"|^help\b|\bhelp\s*[!.]*$|\bhelp (me|mij)\s*[!.]*$"
    # round 5, kinds of the guide without the usual words: someone who will not leave, a call for
    # help passed on, a threat with a time, hiding, bleeding now, someone forcing the door
    # round 7: held by someone now ("hij wil me niet laten gaan", "hij houdt me hier vast")
    r"|\b(hij|ze|zij) (wil|laat) (me|mij) (niet|ni|nie) (laten )?(gaan|weg|vertrekken|uitstappen)\b(?! (naar|met|op|uit|om)\b)"
    r"|\b(hij|ze|zij) houdt (me|mij) (hier )?vast\b"
    r"|\bhij (wil|gaat) (niet|ni|nie) weg\b|\bhij (niet|ni|nie) weggaat\b|\b(he|she) (won't|wont|refuses to) leave\b"
    r"|\b(stuurde|stuurt|sms'te|sent|texted) (me |mij )?['\"]?help\b"
    r"|\b(om|at|voor|before) \d{1,2} ?(u|uur|h|pm|am)\b[^.?!]{0,60}\b(anders|or else|sinon)\b"
    r"|\b(onder (mijn|mn|het) bed|verstop (me|mij)|verstopt in|achter de containers|i'm hiding|im hiding|hiding (in|under|behind)|je me cache)\b"
    r"|\b(bloedt|bloed) (nog|nu|veel)\b|\b(still|won't stop|wont stop) bleeding\b|\bne s'arrete pas de saigner\b"
    r"|\bprobeert (hij |ze |zij |iemand )?(de|mijn|onze|het) (voordeur|deur|raam|achterdeur) open\b|\btrying to (get in|break in|open (the|my) door)\b"
    # suicide risk in indirect words (LABELLING.md): no way out, after I am gone, nothing left of me
    r"|\b(geen|gn) (andere |enkele )?uitweg\b|\bno way out\b|\bals ik er (niet meer|ni meer|nie meer) ben\b|\bwhen i'm gone\b"
    r"|\b(niks|niets) (meer )?van (mij|me) (overblijft|over is|overblijven)\b|\bnothing (left )?of me\b"
    r"|\b(it is|it's|its) (fine|okay|ok|better) (this way|like this)\b"
    # round 7: a letter for later, and water or rails as the means, in few words
    r"|\b(voor|tegen) als ik (weg|er niet meer) ben\b(?! (op reis|op vakantie|met vakantie|naar|op kamp))|\b(als|wanneer) (jullie|je|jij|u) dit (lezen|leest|lees)\b[^.?!]{0,20}\bben ik (al )?(weg|dood|er niet meer)\b"
    r"|\bby the time (you|u) read this\b|\bfor when i'?m gone\b"
    r"|\b(river|canal|sea|tracks|rails|rivier|kanaal|spoor|sporen)\b[^.?!]{0,40}\b(stepping in|step in|walk in|jump in|erin (te )?(lopen|stappen|springen))\b"
)
# round 9, kinds of the guide the alarm missed: a final message or photo ("zegt dat dit de laatste
# is"), absolving others of what will happen ("het is niet jullie schuld, wat er ook gebeurt"); not
# in a joke or when the message says the danger is over ("mijn laatste bericht hier, ik ben verhuisd"). A threat
# to share images is calming, unless it has a deadline today (`_DEADLINE_TODAY`, see `alarm`).
_FINAL_WORDS = re.compile(
    r"\bdat (dit|dit hier) (de|het|zijn|haar|mijn) laatste( (foto|bericht|berichtje|selfie|video|filmpje))? (is|wordt)\b"
    r"|\b(dit|dit hier) is (de|het|zijn|haar|mijn) laatste (foto|bericht|berichtje|selfie|video|filmpje)\b"
    r"|\b(this is|this'll be|that this is) (my|his|her|the) last (message|photo|picture|text|video)\b"
    r"|\b((niet|ni|nie|geen) (jullie|jouw|je|jou|uw) schuld|niemands schuld|not your fault|no one's fault|pas (de )?ta faute)\b"
    r"[^.?!]{0,40}\b(wat er ook gebeurt|whatever happens|quoi qu'il arrive)\b"
    r"|\b(wat er ook gebeurt|whatever happens|quoi qu'il arrive)\b[^.?!]{0,40}"
    r"\b((niet|ni|nie|geen) (jullie|jouw|je|jou|uw) schuld|niemands schuld|not your fault|no one's fault|pas (de )?ta faute)\b"
)
# a deadline today for a threat to share images ("om 18u stuurt hij ze als ik niet betaal")
_DEADLINE_TODAY = re.compile(
    r"\b(om|voor|tegen|before|by|at|avant) \d{1,2} ?(u|uur|h|pm|am)\b|\b\d{1,2}:\d\d\b"
    r"|\b(vandaag nog|vanavond|vannacht|binnen (een|het|\d+|twee|drie) (uur|minuten)|tonight|within (an|one|\d+) hours?|ce soir)\b"
)
# "echt niet als grap", "no joke", "ik meen het": the writer says it is NOT a joke (round 5: the
# hyperbole cue read "grap" in "niet als grap" and calmed a wish to die)
_NOT_JOKING = re.compile(
    r"\b(niet|ni|nie|geen|echt geen|is geen) (als |een )?(grap|grapje|joke)\b|\bik meen (het|da|dat|dit)\b"
    r"|\b(no joke|not (a )?joke|not joking|i mean it|i'm serious|im serious|serieus (nu|echt))\b|\bc'est pas une blague\b"
)
# a wish to die in the writer's own present words (LABELLING.md: suicide risk), not "dood wilde" of the past
_WISH_TO_DIE = re.compile(
    r"\bik wil (gewoon |echt |zo graag |liefst )?(dood|dood zijn|er niet meer zijn|niet meer leven|niet meer wakker worden)\b"
    r"|\b(i want to|i wanna) (die|be dead|not wake up|disappear forever)\b|\bje veux (mourir|plus vivre|disparaitre)\b"
    # round 9: to be gone from the world
    r"|\bik wil (gewoon |echt |liefst |zo graag )?(weg|verdwijnen) (uit|van) (deze|de) wereld\b|\bi want to (leave|disappear from) this world\b"
)
_FIRST_PERSON_END = re.compile(r"\b(mijn leven|mezelf|mijzelf|myself|my life|ma vie|me tuer|moi-meme)\b")
_SELF_HARM = re.compile(
    r"\b(mezelf|mijzelf|myself|moi-meme)\b[^.?!]{0,20}\b(iets aan|pijn|snij|snijd|kras|dood|van kant|weg|kill|hurt|cut)"
    r"|\b(snij|snijd|kras|sneed|cut|cutting|hurt|kill|harm)\w* (\w+ )?(mezelf|mijzelf|myself)\b"
    r"|\b(einde|eind|end) (aan |to )?(mijn|my) (leven|life)\b|\bmijn leven (beeindigen|stoppen|nemen)\b|\bme tuer\b|\bma vie\b"
)
# round 10, the guide's `none` kinds the patterns above missed (LABELLING.md: danger that is over,
# a pattern or worry without danger now): a refuge or a sentence, he has left in the inverted word
# order, a past relationship, blocked and harassed from new accounts, and questions about the
# service or about how to talk about it (waiting, opening days, folders, what to keep, whom to tell)
_OVER_MORE = re.compile(
    r"\b(opvanghuis|vrouwenopvang|opvangcentrum|blijf-van-m'n-lijfhuis)\b|\bhet is hier (nu )?(rustig|veilig)\b"
    r"|\b(hij|ze|zij) weet (nog )?(niet|ni|nie) waar (ik|we|wij) (nu )?(ben|zijn|woon|wonen|zit|zitten)\b"
    r"|\bis (hij|ze|zij) (eindelijk |nu |al |gisteren )?(vertrokken|weggegaan|verhuisd|het huis uit)\b|\bhet ergste is (nu |al )?voorbij\b"
    r"|\b(heeft|kreeg|krijgt) (\w+ )?(\d+|een|twee|drie|vier|vijf|zes|acht|tien) (jaar|maanden) (cel |celstraf |gevangenis(straf)? )?gekregen\b"
    r"|\b(is|werd) (\w+ )?veroordeeld\b|\b(in )?(mijn|mn|m'n) vorige (relatie|partner|vriend|vriendin|lief|huwelijk)\b"
    r"|\bmy (last|previous) relationship\b|\bhet (is|gaat) al (weken|maanden|jaren) zo\b"
    r"|\bbang dat (ze|zij|jullie) (mijn kinderen|de kinderen|ze|hem|haar) (van (me|mij) )?(afpakken|afnemen|weghalen)\b"
    r"|\b(don't|dont) want them taken away\b"
    r"|\b(geblokt|geblokkeerd|blocked)\b[^.?!]{0,40}\b(nieuwe|new|andere) (accounts?|nummers?|profielen|numbers?)\b"
)
_SERVICE_OR_HOW_TO_TALK = re.compile(
    r"\bhoe lang (moet ik|duurt het) (nog )?(wachten|voor)\b|\bwaarom duurt (het|dit) zo lang\b"
    r"|\b(is|zijn) (\w+ ){0,2}open (op|in|tijdens|met) (zaterdag|zondag|het weekend|feestdagen|kerst)\b"
    r"|\bfolders\b|\bis (this|the) chat (also )?in english\b"
    r"|\b(moet|zal|kan) ik (dit|dat|het) (\w+ ){0,2}(aan|tegen) (mijn|mn|onze|haar|zijn) \w+ (zeggen|vertellen)\b|\best-ce que je dois le dire\b"
    r"|\bhow do i (bring|raise) (this|it) up\b|\bhoe breng ik (dit|dat|het) ter sprake\b|\bwat moet ik (bewaren|bijhouden|opslaan)\b"
    r"|\bhow (\w+ ){0,2}(law|things|it) works?( here)?\b|\bred flag\b|\bhoe gaat (da|dat|het|dit) (eigenlijk |precies )?(als|bij|met) (ik|een) (\w+ )?(aangifte|melding|klacht)\b"
)
# a joke about being killed for something petty (the guide: "mijn ma vermoordt me als ze mijn rapport
# ziet 😂"): it calms even with the kill words `_DANGER_NOW` holds, unless the message also says more
_PETTY = re.compile(
    r"\b(rapport|punten|cijfers|toets|toetsen|examen|examens|semester|deadline|overhoring|wiskunde|geschraapt|deuk|"
    r"verkeerde (patient|nummer|klant)|chips|red bull|snoep|koekjes|pizza|opgegeten|opgedronken|geverfd|te laat thuis|wakker ben)\b"
)
_JOKE_MARK = re.compile(r"😂|🤣|😅|😆|💀|😭|😤|😩|🙈|🙄|\b(haha\w*|lol|omg|wtf|xd|jk)\b")
_KILL_WORD = re.compile(r"\b(vermoord\w*|dood|moord|overleven|onderdoor|killen|kill|murder)\b")
_REAL_HARM = re.compile(
    r"\b(mes|messen|wapen|pistool|slaat|sloeg|geslagen|schopt|wurgt|bloed\w*|knife|gun|hits?)\b"
)


def _petty_joke(norm: str) -> bool:
    return bool(
        _PETTY.search(norm) and _JOKE_MARK.search(norm) and _KILL_WORD.search(norm)
        and not (_REAL_HARM.search(norm) or _SELF_HARM.search(norm) or _WISH_TO_DIE.search(norm) or _NOT_JOKING.search(norm))
    )

_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+|\s*\n+\s*|\s+(?:maar|but)\s+")

NAMES = ("hyperbole", "over", "habitual", "pressure", "thanks_better", "now", "self", "procedure")


def clause_vector(norm: str) -> List[float]:
    return [
        1.0 if _HYPERBOLE.search(norm) and not _NOT_JOKING.search(norm) else 0.0,
        1.0 if _OVER.search(norm) else 0.0,
        1.0 if _HABITUAL.search(norm) else 0.0,
        1.0 if _PRESSURE.search(norm) else 0.0,
        1.0 if _THANKS_BETTER.search(norm) else 0.0,
        1.0 if _NOW.search(norm) else 0.0,
        1.0 if _FIRST_PERSON_END.search(norm) else 0.0,
        1.0 if _PROCEDURE.search(norm) else 0.0,
    ]


_CALMING = (
    _SAFE_NOW, _OVER, _IMAGE_THREAT, _CONTROL, _STALKING_PATTERN, PERPETRATOR, _FEAR_OR_STOP, _PRESSURE, _PRESSURE_SUICIDE,
    _HYPERBOLE, _HYPERBOLE_MORE, _THANKS_BETTER, _PROCEDURE, _PROCEDURE_MORE, _AWAY_OR_QUIET_NOW, _WHAT_NEXT,
    _WEEKS_AHEAD, _OVER_MORE, _SERVICE_OR_HOW_TO_TALK,
)


def alarm(norm: str) -> bool:
    """A strong sign of a crisis in few words (a farewell, a plan, violence named as now)."""
    if _ALARM.search(norm):
        return True
    joke = _HYPERBOLE.search(norm) and not _NOT_JOKING.search(norm)
    over = joke or _OVER.search(norm) or _SAFE_NOW.search(norm) or _THANKS_BETTER.search(norm)
    if not over and (_FINAL_WORDS.search(norm) or (_IMAGE_THREAT.search(norm) and _DEADLINE_TODAY.search(norm))):
        return True
    # round 12: a threat with a clock time (past violence told beside it does not end it), indirect ends
    if not (joke or _SAFE_NOW.search(norm) or _THANKS_BETTER.search(norm)) and alarm_kinds.timed_threat(norm):
        return True
    pressure = bool(_PRESSURE.search(norm) or _PRESSURE_SUICIDE.search(norm))
    if not over and alarm_kinds.indirect_end(norm, pressure):
        return True
    return bool(_WISH_TO_DIE.search(norm)) and not (_HYPERBOLE.search(norm) and not _NOT_JOKING.search(norm))


def calming(norm: str) -> bool:
    """The whole message says the danger is over, feared, a habit, someone else's pressure, a joke or
    a question about a procedure, and nothing in it places danger now or says farewell."""
    if alarm(norm):
        return False
    if _petty_joke(norm):
        return True
    # someone else's suicide threat as pressure (the guide's `none`): its means are not danger now
    rest = _PRESSURE.sub(" ", _PRESSURE_SUICIDE.sub(" ", norm))
    if _DANGER_NOW.search(rest) or _SELF_HARM.search(norm) or _NOT_JOKING.search(norm):
        return False
    return any(pattern.search(norm) for pattern in _CALMING)


def sentences(text: str) -> List[str]:
    """The sentences of a (raw or normalised) text, without empty pieces; at least the text itself."""
    parts = [part.strip() for part in _SENTENCE_SPLIT.split(text) if part and part.strip()]
    return parts or [text]
