"""Deutsche Sätze, nach ihrer Aufgabe in der Geschichte. Von Schreibenden gepflegt.

Platzhalter und Formen: :mod:`bot.providers.offline.template` und
:mod:`bot.providers.offline.lang.de`. Erzählt wird im Präteritum, wörtliche
Rede steht in „…“ mit Komma nach dem schließenden Anführungszeichen. ``{they}``
ist „sie“ (Plural) für alle, die bei der Hauptfigur sind. Optionen:
„Beschriftung || was geschah, als Satz“. Familientauglich.
"""

from __future__ import annotations

PHRASES: dict[str, tuple[str, ...]] = {
    # --- Der Anfang ----------------------------------------------------------------------
    "open.intro": (
        "Es war ein <gewöhnlicher|ganz normaler> Morgen {P.in}, bis {H.full} die Nachricht hörte.",
        "Außer {H.full_dat} war {P.in} noch niemand wach, und {H.er} hatte noch nie gern lange "
        "geschlafen.",
        "{H.full} lebte lange genug {P.in}, um zu merken, wenn etwas nicht stimmte, und an diesem "
        "Morgen stimmte etwas nicht.",
        "{H.full} war {H.a}, und alle {P.in} wussten das.",
        "{P} lag still im ersten Licht, und {H.full}, {H.a}, mochte es so.",
        "Jeden Morgen machte {H.full} denselben Spaziergang, und jeden Morgen geschah nichts. "
        "Heute war es anders.",
        "Der Ärger begann an einem <grauen|stürmischen|klaren> Tag {P.in}, und {H.full} hörte als "
        "[H:Erster|Erste] davon.",
    ),
    "open.intro.kind": (
        "{H.full} war {H.a}, und alle {P.in} wussten das.",
        "{P} lag still im ersten Licht, und {H.full}, {H.a}, mochte es so.",
        "Es war einmal {H.a} namens {H.full}, [H:der|die] {P.in} lebte.",
        "{H.full}, {H.a}, lebte schon {P.in}, solange [H:er|sie] denken konnte.",
        "Alle {P.in} kannten {H.full_acc}: {H.a}, [H:dem|der] nichts entging.",
    ),
    "open.goal.retrieve.stolen": (
        "Jemand hatte in der Nacht {O.short_acc} gestohlen, und {H} hatte versprochen, {O.ihn} "
        "zurückzuholen.",
        "{O.short} war fort. Die Vitrine war leer, das Schloss zerkratzt, und {H} wollte {O.ihn} "
        "wiederfinden.",
        "Die Nachricht war kurz und schrecklich: {O.short} war gestohlen worden, und {H} würde "
        "{O.ihn} finden.",
    ),
    "open.goal.retrieve": (
        "Seit drei Tagen war {O.full} verschwunden, und {H} konnte an nichts anderes denken.",
        "{H} hatte sich fest vorgenommen, {goal.zu}, ganz gleich, wie lange es dauerte.",
        "Irgendwo da draußen war {O.full}, und {H} würde {O.ihn} finden.",
    ),
    "open.goal.protect": (
        "{H} hatte eine Aufgabe, die wichtiger war als alles andere: {O.full_acc} zu beschützen.",
        "Seit Jahren wachte {H} über {O.full_acc}, und nie war {O.dat} etwas zugestoßen.",
        "{O.full} stand in {H.gen} Obhut, und {H} nahm das sehr ernst.",
    ),
    "open.goal.mend": (
        "{O.full} war kaputt, und {H} grübelte seit einer Woche, wie man {O.ihn} reparieren "
        "könnte.",
        "Alle sagten, {O.full} sei nicht mehr zu retten. {H} hatte beschlossen, dass alle sich "
        "irrten.",
    ),
    "open.goal.mend.cursed": (
        "Ein Fluch lag auf {O.full_dat}, und {H} hatte geschworen, ihn zu brechen.",
        "Seit der Fluch auf {O.full_dat} lag, dachte {H} an kaum etwas anderes.",
    ),
    "open.goal.rescue": (
        "{G.full} war verschleppt worden, und {H} würde {G.ihn} retten, koste es, was es wolle.",
        "Seit gestern Abend hatte niemand {G.full_acc} gesehen, und {H} konnte nicht stillsitzen.",
    ),
    "open.goal.reach": (
        "Solange {H} denken konnte, hatte [H:er|sie] davon geträumt, {goal.zu}.",
        "Der Weg war weit, und {H} wollte jeden Schritt davon gehen, um {goal.zu}.",
    ),
    "open.made": (
        "{H} hatte den ganzen Sommer an {M.a_dat} gebaut, aus lauter Resten, und fast war es "
        "geschafft.",
        "Im Schuppen stand {M.a}, Schraube für Schraube von Hand gebaut und beinahe fertig.",
    ),
    "open.goal.face": (
        "{H} hatte Angst vor {T.dat}, schon immer. Aber der Weg führte durch {Z.acc}, und {H} "
        "hatte beschlossen, {goal.zu}.",
        "Vor einer Sache fürchtete sich {H}: vor {T.dat}. Und ein Ort war voll davon: {Z}. "
        "{H} wollte trotzdem hin.",
    ),
    "open.goal.meet": (
        "Alles, was {H} sich je gewünscht hatte, war {T.a}, und dieses Jahr wollte [H:er|sie] "
        "endlich fündig werden.",
        "{H} hatte vieles, aber nicht {T.a_acc}, und [H:er|sie] wünschte sich nichts so sehr.",
        "{H} hatte sich entschieden: Irgendwo da draußen wartete {T.a}.",
    ),
    "open.goal.learn": (
        "Mehr als alles andere wollte {H} {goal.zu}, und dieses Jahr sollte es klappen.",
        "Alle sagten, {H.a} könne niemals {T.bare}. {H} wollte ihnen das Gegenteil beweisen.",
    ),
    "open.stakes": (
        "Wer auch immer dahintersteckte, hatte kaum Spuren hinterlassen, und genau das war "
        "beunruhigend.",
        "Das war das Werk von jemandem, der sehr genau wusste, was er tat.",
        "Man flüsterte, dass jemand Wichtiges beteiligt sei, aber niemand sprach den Satz zu Ende.",
        "Nichts daran sah nach einem Zufall aus.",
    ),
    "open.rival": (
        "{R.full} wollte dasselbe, und {R} spielte niemals fair.",
        "Alle wussten, dass {R.full} die Finger im Spiel hatte. Es zu beweisen, war etwas anderes.",
    ),
    "open.ally": (
        "{A.full}, {A.a}, hatte versprochen zu helfen, vor allem, weil {A} {H.dat} nie etwas "
        "abschlagen konnte.",
        "An {H.gen} Seite war {A.full}, [A:der|die] kluge Fragen stellte und einen sehr großen "
        "Regenschirm trug.",
        "{A.full} stand schon vor dem Frühstück mit zwei Tassen Tee und sorgenvoller Miene vor "
        "der Tür.",
        "{H} war nicht allein. {A.full} hatte darauf bestanden mitzukommen, und {A} ließ sich "
        "nichts ausreden.",
        "{A.full} kannte {H.acc} seit Jahren und vertraute [H:ihm|ihr] vollkommen.",
    ),
    "open.ally.twin": (
        "{A.full} war auch {A.a} und ging überall hin, wo {H} hinging.",
        "Mit {H.dat} kam {A.full}, noch {A.a}, [A:der|die] mutiger war und ein bisschen lauter.",
    ),
    "open.ally.kind": (
        "{A.full}, {A.a}, ging überall hin, wo {H} hinging, und das schon seit Jahren.",
        "Ohne {A.full_acc}, {A.a_acc} mit scharfen Augen und einem guten Herzen, ging {H} "
        "nirgendwohin.",
        "{A.full}, {A.a}, hatte versprochen zu helfen, vor allem, weil {A} {H.dat} nie etwas "
        "abschlagen konnte.",
    ),
    "say.start": (
        "„Wo fangen wir überhaupt an?“, fragte {A}. „Genau hier“, sagte {H}. „Am Anfang.“",
        "„Ich werde {goal}“, sagte {H}. „Ich weiß noch nicht, wie, aber ich werde es.“",
        "{A} rieb sich die Hände. „Dann lass uns den Morgen nicht vertrödeln.“",
        "„Irgendwer hat bestimmt etwas gesehen“, sagte {H}. „Irgendwer sieht immer etwas.“",
    ),
    # --- Handlungsschritte ------------------------------------------------------------
    "search.do": (
        "{H} durchsuchte {P.acc} von einem Ende zum anderen, <unter jedem Tisch und hinter jeder "
        "Tür|in jeder Ecke und jeder Ritze>.",
        "{H} begann, {P.acc} zu durchsuchen, <langsam und gründlich|geduldig, Schritt für "
        "Schritt>, wie immer.",
        "{they} verbrachten <die nächste Stunde|eine ganze Weile|den halben Nachmittag> damit, "
        "{P.acc} <Zentimeter für Zentimeter|Ecke für Ecke> abzusuchen.",
        "{A} nahm sich die eine Seite vor und {H} die andere, und {they} suchten schweigend.",
        "{H} kniete sich hin und betrachtete <den Boden|die Dielen>, die Wände und jeden "
        "<Kratzer|Fleck> {P.in}.",
        "Irgendetwas mussten alle anderen {P.in} übersehen haben, also sah {H} <noch einmal|ein "
        "letztes Mal> nach.",
        "{H} ging {P.acc} <gründlich|mit frischen Augen> durch, öffnete, was sich öffnen ließ, "
        "und hob an, was sich anheben ließ.",
        "Jedem Winkel {P.in} stellte {H} dieselbe Frage: Was verbirgst du?",
        "Langsam und geduldig arbeitete sich {H} durch {P.acc} und ließ nichts aus.",
        "{H} schritt {P.acc} zweimal ab, zählte die Schritte und bemerkte alles.",
    ),
    "search.find": (
        "In einer <Ritze|Ecke|Spalte>, wo niemand suchen würde, steckte {C.a}.",
        "Es war {A}, [A:der|die] es fand: {C.a}, halb versteckt und <leicht zu übersehen|fast "
        "unsichtbar>.",
        "Endlich schlossen sich {H.gen} Finger um {C.a_acc}.",
        "Unter einem losen <Brett|Stein|Dielenbrett> lag {C.a}, und {H} hielt {C.ihn} ins Licht.",
        "Dann entdeckte {H} {C.a_acc}, und [H:sein|ihr] Herz schlug schneller.",
        "„Sieh dir das an“, sagte {A} und hielt {C.a_acc} hoch.",
        "Etwas glänzte im <Staub|Schatten>. Es war {C.a}.",
        "Hinter einer Reihe <alter Kisten|staubiger Gläser|vergessener Mäntel> fand {H} {C.a_acc}.",
        "Fast hätte {H} {C.acc} übersehen, denn {C.er} [C:hing|hingen] an einem Nagel.",
        "In ein altes Tuch gewickelt, als wollte jemand noch einmal zurückkommen, [C:lag|lagen] "
        "dort {C.a}.",
    ),
    "examine.do": (
        "{H} drehte {C.acc} <hin und her|in den Händen> und suchte nach allem, was {C.ihn} "
        "erklären könnte.",
        "{A} hielt {C.acc} <dicht an die Lampe|gegen das Fenster>, und {they} betrachteten "
        "{C.ihn} gemeinsam.",
        "Lange sagte {H} gar nichts und sah nur {C.acc} an.",
        "{C} war klein, aber {H} wusste, dass kleine Dinge oft <am meisten verraten|am "
        "wichtigsten sind>.",
        "{H} untersuchte {C.acc} mit einer Lupe <aus [H:seiner|ihrer] Tasche|von {A.dat}>.",
        "Am <Abend|späten Abend> sah sich {H} {C.acc} bei Kerzenlicht noch einmal an.",
        "{H} legte {C.acc} auf den Tisch und <wartete, bis alles einen Sinn ergab|starrte so "
        "lange darauf, bis es klick machte>.",
        "Es dauerte <eine Weile|eine gute Stunde>, doch dann verstand {H}, was {C} verriet.",
        "{H} roch an {C.dat}, wog {C.ihn} in der Hand und runzelte die Stirn.",
        "{H} breitete ein sauberes Taschentuch aus, legte {C.acc} darauf und betrachtete {C.ihn} "
        "von allen Seiten.",
        "Hinter {C.dat} steckte mehr, als man auf den ersten Blick sah, und {H} wollte "
        "herausfinden, was.",
        "{H} hielt {C.acc} ins Licht und bemerkte etwas, das [H:ihm|ihr] vorher entgangen war.",
    ),
    "examine.place": (
        "<Ein winziger Stempel|Ein Farbfleck|Ein verblasstes Etikett> auf {C.dat} <verriet "
        "alles|sagte es deutlich|genügte {H.dat}>: {Q}.",
        "Je länger {H} {C.acc} betrachtete, desto klarer wurde, dass {C.er} {Q.from} "
        "[C:stammte|stammten].",
        "<Nur ein Ort|Kein anderer Ort> weit und breit <verkaufte|benutzte> so etwas wie {C.acc}: "
        "{Q}.",
        "Dort stand, kaum noch lesbar, ein Name: {Q}.",
        "„Das kommt {Q.from}“, sagte {H}. „Das würde ich überall erkennen.“",
        "Alles daran wies <in dieselbe Richtung|in eine einzige Richtung>: {Q.to}.",
        "{A} runzelte die Stirn. „Ist das nicht das Zeichen, das man {Q.in} benutzt?“",
        "{C.er} [C:konnte|konnten] nur von einem einzigen Ort stammen, und dieser Ort war {Q}.",
        "Ein <Stempel|Etikett|Farbfleck> darauf verriet alles: {Q}.",
        "„{Q}“, sagte {H} <langsam|schließlich>. „Alles führt {Q.to}.“",
    ),
    "examine.person": (
        "Darauf standen die Initialen von {U.full_dat}, klein und sauber gestickt.",
        "{H} hatte genau so etwas schon einmal gesehen, und es hatte {U.full_dat} gehört.",
        "„Ich weiß, wem das gehört“, sagte {A} langsam. „{U.full}.“",
        "Es führte ohne jeden Zweifel zu {U.full_dat}.",
        "Nur eine Person {P.in} besaß so etwas: {U.full}.",
        "Auf der Rückseite war schwach ein Name eingeritzt, und der Name lautete {U.full}.",
        "{H} wusste noch genau, wo [H:er|sie] so etwas schon gesehen hatte: in den Händen von "
        "{U.full_dat}.",
        "Alles daran deutete auf {U.full_acc}, bis ins kleinste Detail.",
    ),
    "travel.go": (
        "{team} machten sich ohne eine Minute zu verlieren auf den Weg {Q.to}.",
        "{H} brach <sofort|ohne Zögern> {Q.to} auf.",
        "Der Weg {Q.to} war <länger|steiler|seltsamer>, als {H} ihn in Erinnerung hatte, aber "
        "schließlich war [H:er|sie] unterwegs.",
        "{H} ging voran {Q.to}, {A} dicht hinter [H:ihm|ihr].",
        "Es dauerte <länger als gedacht|fast den ganzen Tag|viel zu lange>, {Q.to} zu gelangen.",
        "{H} machte sich auf den Weg {Q.to} und dachte <die ganze Zeit|unterwegs> angestrengt "
        "nach.",
        "{H} kaufte eine Fahrkarte und eine Tüte Karamellbonbons und fuhr {Q.to}.",
        "Die Straße {Q.to} wand sich <immer weiter|bergauf und bergab|an Feldern und Höfen "
        "vorbei>, und {H} folgte ihr.",
        "{H} hielt nicht an, bis {Q} in Sicht kam.",
        "Als {H} {Q.acc} erreichte, taten [H:ihm|ihr] die Füße weh, und der Kopf war voller "
        "Fragen.",
        "{H} nahm den schnellsten Weg {Q.to}, und der war nicht der leichteste.",
        "Auf dem Weg {Q.to} sprach kaum jemand; es gab zu viel nachzudenken.",
    ),
    "arrive.town": (
        "{P} war voller <Karren und Stimmen|Menschen und Lärm>, und niemand beachtete {H.acc}.",
        "Die Gassen {P.in} waren eng und krumm, und jedes Fenster schien zuzusehen.",
        "Als {H} ankam, wurden in der Straße gerade die Laternen angezündet.",
        "Marktstände <säumten|drängten sich an> den Weg, und es roch nach "
        "<Orangen|Gewürzen|gerösteten Maronen>.",
    ),
    "arrive.hall": (
        "Drinnen war die Luft kühl und roch nach <Staub und Bohnerwachs|altem Papier und Kerzen>.",
        "Schritte hallten wider, als {H} {P.acc} betrat.",
        "{P} war sehr still, so still, dass man unwillkürlich flüsterte.",
        "Vor {H.dat} öffnete sich ein <langer|dämmriger|hoher> Saal voller "
        "<Türen|Säulen|Vitrinen>.",
    ),
    "arrive.shore": (
        "Der Wind vom Wasser zerrte an {H.gen} Mantel, als [H:er|sie] {P.acc} erreichte.",
        "Möwen kreisten über {P.dat} und schrien, als hätten sie Neuigkeiten.",
        "Wellen klatschten gegen die Steine {P.in}.",
        "Der Geruch von <Salz und Teer|Seetang und Tauwerk> empfing {H.acc}, lange bevor {P} in "
        "Sicht kam.",
    ),
    "arrive.wild": (
        "Der Boden wurde uneben, als {H} {P.acc} erreichte.",
        "Niemand sonst war {P.in}; es gab nur den Wind und das Geräusch der eigenen Schritte.",
        "Moos bedeckte jeden Stein {P.in}, weich und grün.",
        "Der Pfad wurde schmal, die Bäume rückten näher, und dann war {H} {P.in}.",
    ),
    "arrive.space": (
        "Zischend öffneten sich die Türen, als {H} {P.acc} betrat.",
        "{P} summte vor Maschinen, und an jeder Wand blinkten Lichter.",
        "Ein <kühler|gefilterter|metallischer> Luftzug aus den Lüftungsschächten empfing {H.acc}.",
    ),
    "arrive.any": (
        "Endlich erreichte {H} {P.acc}.",
        "{P} war ganz anders, als {H} erwartet hatte.",
        "{H} kam gerade an, als irgendwo eine Glocke zu läuten begann.",
        "Als {H} {P.acc} erreichte, <veränderte sich das Licht|wurde es schon dämmrig|färbte sich "
        "der Himmel golden>.",
    ),
    "witness.meet": (
        "{W.full}, {W.a}, fegte gerade die Stufen {P.in} und sah auf, als {H} näherkam.",
        "{H} war nicht allein. {W.full}, {W.a}, beobachtete alles mit unverhohlener Neugier.",
        "„Sie fragen nach {O.dat}, nicht wahr?“, sagte eine Stimme. Sie gehörte {W.full_dat}, "
        "{W.a_dat}.",
        "{W.full} war die ganze Nacht {P.in} gewesen, sagte [W:er|sie], und hatte eine Menge "
        "gesehen.",
        "[W:Ein alter Bekannter|Eine alte Bekannte] von {A.dat} war da: {W.full}, {W.a}, und "
        "winkte sie heran.",
        "{W.full} kannte jeden, der {P.in} kam und ging, und redete gern darüber.",
        "{H} bemerkte {W.full_acc}, {W.a_acc}, [W:der|die] sich große Mühe gab, nicht bemerkt zu "
        "werden.",
        "Eine <freundliche|nervöse|verschlafene> Stimme rief: „Kann ich helfen?“ Es war {W.full}, "
        "{W.a}.",
    ),
    "witness.tell.person": (
        "„Letzte Nacht war jemand hier“, sagte {W}. „{U.full}. [U:Den|Die] würde ich überall "
        "erkennen.“",
        "{W} senkte die Stimme. „Wenn Sie mich fragen: Behalten Sie {U.full_acc} im Auge.“",
        "„{U.full} hat erst letzte Woche nach {O.dat} gefragt“, sagte {W}. „Eine Menge Fragen.“",
        "Laut {W.dat} war {U.full} in der Nähe gesehen worden, viel später, als es einen Grund "
        "dafür gab.",
        "{W} zögerte, dann nannte [W:er|sie] einen Namen: {U.full}.",
    ),
    "witness.tell.place": (
        "{W} <überlegte kurz|kratzte sich am Kopf|sah sich vorsichtig um> und <zeigte|nickte> "
        "dann {Q.to}.",
        "<Erst letzte Nacht|Kurz vor Sonnenaufgang|Vor einer Stunde> hatte {W} jemanden {Q.in} "
        "verschwinden sehen, <in großer Eile|ohne Licht|mit einem Blick über die Schulter>.",
        "{W} <schwor|war ganz sicher>, dass die Antwort {Q.in} lag, <und nirgendwo sonst|ganz "
        "gleich, was andere sagten>.",
        "<Seltsame Lichter|Merkwürdige Geräusche|Späte Besucher>: Das war {W.dat} {Q.in} "
        "aufgefallen.",
        "„Versuchen Sie es {Q.in}“, sagte {W}. „Was verschwindet, taucht dort oft wieder auf.“",
        "{W} zeigte die Straße hinunter. „Jemand hatte es sehr eilig, {Q.to} zu kommen.“",
        "„Ich habe {Q.in} ein Licht gesehen“, sagte {W}, „zu einer Stunde, in der dort kein Licht "
        "brennen sollte.“",
        "{W} hatte noch etwas gehört: {Q.in} gab es seltsames Kommen und Gehen.",
        "„An Ihrer Stelle“, sagte {W}, „würde ich mich {Q.in} umsehen.“",
        "„Hören Sie sich {Q.in} um“, meinte {W}. „Die Leute dort bemerken Dinge.“",
        "{W} senkte die Stimme. „Was auch immer ihr sucht – es heißt, es ist {Q.to} gebracht "
        "worden.“",
        "Laut {W} war alles Seltsame dieser Woche {Q.in} geschehen.",
        "{W} beschrieb den Weg {Q.to} zweimal und dann ein drittes Mal, um sicherzugehen.",
    ),
    "talk.open": (
        "{H} suchte {W.acc} noch einmal auf, und diesmal war [W:er|sie] bereit zu reden.",
        "{W} hörte sich alles an, was {H} zu sagen hatte, und nickte dann langsam.",
        "{W} sah <auf, als {H} hereinkam|von [W:seiner|ihrer] Arbeit auf>. „Ich dachte mir, dass "
        "Sie wiederkommen.“",
        "Es brauchte eine Tasse Tee und viel Geduld, aber schließlich begann {W} zu erzählen.",
    ),
    "obstacle.block": (
        "Der Weg war von einer schweren Tür versperrt, und die Tür war verschlossen.",
        "Am Eingang stand eine Wache mit verschränkten Armen und ließ niemanden durch.",
        "Auf halber Strecke endete der Pfad einfach in einem Haufen eingestürzter Steine.",
        "Da war ein Tor, und am Tor hing ein Vorhängeschloss, so groß wie {H.gen} Faust.",
        "Die Brücke <über die Schlucht|über das Wasser> war zerstört, die mittleren Planken "
        "längst fort.",
        "Jemand hatte die Leiter weggenommen, und ohne sie ging es nicht nach oben.",
        "<Auf der Tür|Auf einem Schild am Tor|Quer über dem Eingang> stand in "
        "<riesigen|roten|krakeligen> Buchstaben: <geschlossen|Zutritt verboten|bitte nicht "
        "stören>.",
        "Eine Menschenmenge versperrte den Weg, und niemand hatte es eilig, Platz zu machen.",
        "Der einzige Weg führte durch ein Fenster, und das Fenster war sehr hoch und sehr klein.",
        "Wasser stand über dem Weg, kalt und tiefer, als es aussah.",
    ),
    "obstacle.solve": (
        "<Mit einem Stoß und einem Ächzen|Mit etwas Hilfe und viel Geduld|Langsam und vorsichtig> "
        "<kam {H} vorbei|fand {H} einen Weg hindurch>.",
        "{A} hatte eine Haarnadel und viel Geduld, und nach einer Weile klickte das Schloss "
        "zufrieden.",
        "{H} dachte nach und fand einen anderen Weg, den seit Jahren niemand benutzt hatte.",
        "Am Ende war es {A.gen} Idee, die sie weiterbrachte, und {A} war sehr stolz darauf.",
        "{H} kletterte, rutschte ab, lachte und kletterte wieder, und endlich war [H:er|sie] "
        "vorbei.",
        "{H} redete und redete, bis der Weg frei war, hauptsächlich, weil alle das Zuhören satt "
        "hatten.",
        "Es brauchte {H.gen} ganze Klugheit und ein wenig Glück, aber {H} kam durch.",
        "Ein <lockerer|rostiger> Riegel, ein kräftiger Stoß und <eine Menge|ein bisschen> Mut, "
        "und der Weg war frei.",
        "{H} wartete auf den richtigen Augenblick und schlüpfte hindurch, als niemand hinsah.",
        "Elegant war es nicht, und ein zerrissener Ärmel zeugte davon, aber {H} kam durch.",
        "{H} fand ein loses Brett, ein Stück Seil und eine bessere Idee, und das genügte.",
    ),
    "rival.known": (
        "Am Abend hing ein Zettel an der Tür. Er war von {R.dat}, und darauf stand nur: Zu spät.",
        "{R} war zuerst da gewesen, und {P.in} war alles auf den Kopf gestellt.",
        "<Türen standen offen|Schubladen hingen heraus|Papiere lagen überall> {P.in}: {R} war "
        "<kurz zuvor|noch vor Sonnenaufgang|während {H} fort war> hier gewesen.",
        "<Ein Nachbar|Ein Portier|Ein kleiner Junge> erzählte, {R} habe am Morgen nach {H.dat} "
        "gefragt <und dabei gelächelt|und keine Nachricht hinterlassen>.",
        "Es hieß, {R} sei ganz in der Nähe gesehen worden, in großer Eile und mit etwas Schwerem "
        "unter dem Arm.",
        "{R} war schon wieder einen Schritt voraus, und das gefiel {H.dat} überhaupt nicht.",
        "Jemand hatte {R.acc} gewarnt. Als {H} ankam, war [R:er|sie] längst verschwunden.",
        "Jemand hatte {P.in} überall Fragen über {H.acc} gestellt, und der Beschreibung nach war "
        "es {R}.",
        "{R} hatte eine Spur kleiner Lügen hinterlassen, und jede führte von der Wahrheit weg.",
        "{P.in} gab es frische Fußspuren, und sie stammten von {R.dat}.",
    ),
    "rival.unknown": (
        "Als {H} zurückkam, stand die Tür offen, und das Zimmer war durchsucht worden.",
        "Jemand hatte {H.gen} Sachen durchwühlt. Nichts war kaputt, aber alles lag woanders.",
        "Unter der Tür lag ein Zettel: <Hören Sie auf, Fragen zu stellen.|Fahren Sie nach "
        "Hause.|Lassen Sie die Finger davon.>",
        "Wer auch immer dahintersteckte, wusste, dass {H} kommen würde, und hatte dafür gesorgt, "
        "dass es nichts zu finden gab.",
        "Die Fensterläden klapperten, und ein Schatten huschte davon, bevor jemand ihn erkennen "
        "konnte.",
    ),
    "chase.see.known": (
        "<Ein wehender Mantel|Ein bekannter Hut|Ein schneller Schatten> an der Ecke, und {H} "
        "wusste sofort: {R}.",
        "{R} <huschte|eilte|schlüpfte> am <Fenster|Eingang|Ende der Straße> vorbei, <nicht "
        "schnell genug|zu spät, um sich zu verstecken>.",
        "Drüben, am anderen Ende, eilte eine bekannte Gestalt davon: {R}.",
        "„Da!“, rief {A}. Es war {R}, [R:der|die] schon davonlief.",
        "{H} sah gerade noch, wie {R} durch eine Seitentür schlüpfte.",
        "Ein Hut, ein Mantel, ein schneller Blick zurück: {R}, <ohne jeden Zweifel|ganz sicher>.",
        "{R} trat {P.in} aus einem Hauseingang, sah {H.acc} und machte auf dem Absatz kehrt.",
        "Einen Moment lang sahen {H} und {R} einander direkt an. Dann rannte {R} los.",
        "{H} hörte eine bekannte Stimme, schnell und leise, und sah gerade noch, wie {R} eilig "
        "verschwand.",
    ),
    "chase.see.suspect": (
        "Eine Gestalt huschte am Fenster vorbei, und {H} hätte schwören können, dass es {U} war.",
        "Auf der anderen Seite stand {U} und beobachtete sie, und als {H} aufsah, rannte "
        "[U:er|sie] los.",
        "{H} erblickte {U.acc}, [U:der|die] sich sofort umdrehte, als sich ihre Blicke trafen.",
    ),
    "chase.see.stranger": (
        "Eine Gestalt im grauen Mantel beobachtete sie, und als {H} einen Schritt machte, rannte "
        "sie davon.",
        "Jemand hatte an der Tür gelauscht. Schnelle Schritte, dann nichts mehr.",
        "Eine Gestalt mit Kapuze huschte aus dem Schatten und verschwand.",
        "Ein Gesicht am Fenster, da und schon wieder fort, dann das Geräusch rennender Füße.",
    ),
    "chase.run": (
        "{H} <raste|stürmte|jagte> hinterher, <zwei Stufen auf einmal|durch jede Pfütze|unter "
        "Wäscheleinen hindurch>.",
        "Es war eine lange, <atemlose|laute|wenig würdevolle> Jagd, und {H} <verlor einen "
        "Knopf|verlor fast einen Stiefel|schürfte sich das Knie auf>.",
        "{team} rannten hinterher, durch Türen und um Ecken, Treppen hinunter und wieder hinauf.",
        "{H} nahm die Verfolgung auf, {A} keuchend hinterher.",
        "Die Jagd dauerte länger, als allen lieb war, bis {H.gen} Lunge brannte.",
        "{H} folgte, so schnell [H:er|sie] konnte, wich <Karren und Kisten|Pfützen und Passanten> "
        "aus und einer sehr überraschten Katze.",
        "Durch eine Gasse, über eine Mauer, vorbei an einem <verdutzten|empörten> "
        "<Bäcker|Fischer|Ziegenbock>: Die Jagd ging weiter.",
    ),
    "chase.run.unknown": (
        "<Links, rechts, wieder links|Um eine Ecke und noch eine|Durch ein Tor und über einen "
        "Hof>: {H} behielt die Gestalt im Blick, so lange es ging.",
        "{H} rannte, und eine Weile war [H:er|sie] sicher, die Gestalt einzuholen.",
    ),
    "chase.run.named": (
        "{H} rannte {Y.dat} nach, <und rief [Y:seinen|ihren] Namen|ohne ein Wort|so schnell "
        "[H:ihn|sie] die Beine trugen>.",
        "{Y} war schnell, aber {H} war hartnäckig, und eine Weile schrumpfte der Abstand.",
        "{team} verfolgten {Y.acc} <durch die Hintergassen|durch ein Gewirr von Höfen|durch die "
        "halbe Stadt>, doch nie nah genug.",
    ),
    "chase.lose": (
        "An einer Kreuzung verlor sich die Spur, aber dort auf dem Boden lag {C.a}.",
        "Als {H} um die Ecke bog, war niemand mehr da, nur {C.a} lag auf dem Boden.",
        "Die Jagd endete in einer Sackgasse, und im Rinnstein lag {C.a}.",
        "Als sich der Staub legte, war nur {C.a} zurückgeblieben.",
    ),
    "chase.lose.unknown": (
        "Doch die Gestalt war fort. Zurück blieb nur, wo sie gestanden hatte, {C.a}.",
        "Wer es auch war, entkam, doch in der Eile hatte die Gestalt {C.a_acc} verloren.",
        "{H} verlor die Gestalt in der Menge, hob aber vorher noch {C.a_acc} vom Pflaster auf.",
    ),
    "chase.lose.named": (
        "{Y} entkam, aber nicht spurlos: {C.a} lag dort, wo [Y:er|sie] gestolpert war.",
        "Im Gedränge verschwand {Y}, und alles, was {H.dat} blieb, war {C.a}.",
        "Am Ende war {Y} schneller. {H} fand nur {C.a_acc}, auf der Flucht verloren.",
    ),
    "chase.gone": (
        "Doch an der nächsten Ecke war niemand, nur eine leere Straße und eine Tür, die noch "
        "schwang.",
        "Und dann, einfach so, gab es niemanden mehr zu verfolgen.",
        "Die Schritte verklangen, und {H} hörte nur noch [H:sein|ihr] eigenes Herz schlagen.",
    ),
    "chase.gone.unknown": (
        "{H} blieb außer Atem stehen. Wer auch immer es war, kannte diese Straßen viel besser.",
    ),
    "chase.gone.named": (
        "{Y} kannte jede Abkürzung, und {H} kannte keine.",
        "{Y} war wieder verschwunden, als wäre [Y:er|sie] nie da gewesen.",
    ),
    "reveal.how": (
        "Dann sah {H} es, und alle Teile fügten sich auf einmal zusammen: Es war die ganze Zeit "
        "{R.full} gewesen.",
        "Die Antwort hatte die ganze Zeit vor ihnen gelegen. {R.full} hatte {O.acc} genommen.",
        "{H} legte alles nebeneinander, was sie gefunden hatten, und jedes einzelne Stück deutete "
        "auf {R.full_acc}.",
        "Es gab keinen Zweifel. Die Spuren, der Zettel, die sorgfältigen Lügen: Es war {R.full}.",
    ),
    "reveal.react": (
        "„{R}?“, rief {A}. „Aber [R:er|sie] wirkte doch so freundlich!“",
        "{A} setzte sich schwer. „Das hätte ich nie gedacht.“",
        "„Ich hätte es früher sehen müssen“, sagte {H} leise. „Aber jetzt wissen wir wenigstens, "
        "mit wem wir es zu tun haben.“",
        "Eine lange Weile sagte niemand ein Wort.",
    ),
    "twist": (
        "Doch eine Überraschung wartete: {O} war nicht dort, wo alle dachten, sondern {Q.in}.",
        "Dann kam eine Nachricht, die alles veränderte: Die Spur führte weiter {Q.to}.",
        "Es stellte sich heraus, dass die Spur die ganze Zeit falsch gewesen war; die richtige "
        "führte {Q.to}.",
        "Ein Brief traf ein, mit nur einer Zeile darin, und diese Zeile wies {Q.to}.",
    ),
    "plan": (
        "<Um Mitternacht|Vor dem Abendessen|Bei einer Kanne Tee> stand der Plan fest: {Q}, "
        "<gleich als Erstes|im Morgengrauen|ohne Aufschub>.",
        "{H} <zählte die Fakten an den Fingern ab|ging auf und ab|starrte an die Decke>, bis die "
        "Antwort klar war: {Q}.",
        "„<Wir fangen|Alles fängt> {Q.in} an“, sagte {H} <und klopfte auf den Tisch|mit festem "
        "Nicken>.",
        "An diesem Abend <setzte sich {H} hin und machte einen Plan|setzten {they} sich zusammen "
        "und machten einen Plan>. Zuerst {Q}, dann würde man weitersehen.",
        "„Wir gehen {Q.to}“, sagte {H}, „und zwar leise.“ {A} war sofort einverstanden.",
        "{H} zeichnete eine Karte auf die Rückseite eines Briefumschlags und machte ein Kreuz bei "
        "{Q.dat}.",
        "{H} dachte nach, bis die Kerze heruntergebrannt war, und am Ende wusste [H:er|sie], was "
        "zu tun war.",
        "„{R} erwartet, dass wir uns beeilen“, sagte {H}. „Also tun wir es nicht.“",
        "{H} schrieb eine Liste: was man wusste, was nicht, und wohin es als Nächstes ging. Die "
        "Antwort war {Q}.",
    ),
    "close_in.retrieve": (
        "Und dort, hinter staubigem Glas, war {O}: echt und ganz nah.",
        "{H} erhaschte einen Blick auf {O.acc}, nur einen Moment lang, bevor eine Tür zufiel.",
        "{H} wusste jetzt, wo {O} aufbewahrt wurde. Heranzukommen war eine andere Sache.",
        "Jemand hatte {O.acc} erst heute Morgen gesehen, erfuhr {H}, und zwar ganz in der Nähe.",
    ),
    "close_in.protect": (
        "Zum ersten Mal sah {H}, wer nachts um {O.acc} herumgeschlichen war: eine Gestalt, ein "
        "Schatten, eine tief gehaltene Laterne.",
        "{H} fand frische Spuren direkt neben {O.dat}. Jemand war sehr nahe gekommen.",
    ),
    "close_in.mend": (
        "{H} hielt das letzte fehlende Teil in der Hand. Jetzt ließ sich {O} reparieren, wenn die "
        "Zeit reichte.",
        "{H} hatte fast alles, was [H:er|sie] brauchte, um {goal.zu}. Fast.",
    ),
    "close_in.rescue": (
        "{H} hörte eine Stimme, leise, aber unverkennbar: {G}.",
        "Durch ein hohes Fenster sah {H} {G.acc}, unversehrt, aber eingesperrt.",
    ),
    "close_in.reach": (
        "Von der Hügelkuppe aus sah {H} endlich {Z.acc}, schimmernd in der Ferne.",
        "Die Wegweiser sagten jetzt alle dasselbe: {Z}, nicht mehr weit.",
    ),
    "close_in.face": (
        "{Z} lag jetzt direkt vor {H.dat}, und {H} spürte {T.acc} darin warten.",
        "{H} blieb vor {Z.dat} stehen, holte Luft und kehrte nicht um.",
    ),
    "close_in.meet": (
        "{H} hatte das Gefühl, dass {T.a} näher war, als [H:er|sie] dachte.",
        "Jemand habe nach {H.dat} gefragt, hieß es: jemand, der sich auch {T.a_acc} wünschte.",
    ),
    "close_in.learn": (
        "{H} spürte es: Bald würde [H:er|sie] {T.bare} können.",
        "Noch ein Versuch, dachte {H}, und dann würde [H:er|sie] endlich {T.bare} können.",
    ),
    "close_in.any": (
        "{H} war jetzt nah dran, näher als je zuvor.",
        "{H} spürte es: Das Ende der Spur war nah.",
    ),
    "confront.face": (
        "{R} wartete schon und sah nicht überrascht aus.",
        "„So“, sagte {R} mit einem dünnen Lächeln. „Sie haben mich gefunden.“",
        "{H} trat vor. „Es ist vorbei, {R}.“",
        "{R} drehte sich langsam um. „Ich habe mich schon gefragt, wann Sie kommen.“",
    ),
    "confront.escape": (
        "Doch {R} hatte noch einen letzten Trick, und bevor sich jemand rühren konnte, war "
        "[R:er|sie] fort.",
        "Es klirrte, eine Staubwolke stieg auf, und als sie sich legte, war {R} verschwunden.",
        "{R} entwischte mit einem Lachen und war weg.",
        "Eine Tür schlug zu, ein Schlüssel drehte sich, und {R} war auf der anderen Seite.",
    ),
    "confront.where": (
        "{H} <ahnte|wusste|war sich fast sicher>, wohin {R} <fliehen|sich verstecken|gehen> "
        "würde: {Q.to}.",
        "<Es gab nur einen Ort|Alles deutete auf einen Ort>, an den {R} jetzt gehen konnte: {Q}.",
        "„{Q}“, sagte {H}. „Dorthin wird [R:er|sie] als Nächstes gehen.“",
        "{H} hatte ein Wort gehört, als {R} floh, und das Wort war {Q}.",
        "Es war nicht schwer zu erraten, wohin {R} wollte: {Q.to}.",
    ),
    "setback": (
        "Als {H} sich umdrehte, war {A} verschwunden. Nur [A:sein|ihr] Hut lag noch am Boden.",
        "Ein Ruf, eine zugeschlagene Tür, und {A} war auf der anderen Seite eingesperrt.",
        "{A} war vorausgegangen, um nachzusehen, und kam nicht zurück.",
        "Eben war {A} noch da gewesen; im nächsten Moment gab es nur ein offenes Fenster und "
        "Stille.",
    ),
    "rejoin": (
        "Endlich fand {H} {A.acc}, eingeschlossen in einer Abstellkammer und sehr verärgert "
        "darüber.",
        "Knarrend ging die Tür auf, und da war {A}, unverletzt und überglücklich, {H.acc} zu "
        "sehen.",
        "„Warum hat das so lange gedauert?“, fragte {A} grinsend, während {H} die Knoten löste.",
        "{A} war in einem Keller eingesperrt gewesen und hatte sich die Zeit damit vertrieben, "
        "alle Äpfel darin aufzuessen.",
    ),
    "rest": (
        "{H} machte Rast auf einer alten Mauer in der Sonne, und eine Weile musste nichts "
        "entschieden werden.",
        "{A} erzählte eine lange Geschichte über die Ziege [A:seiner|ihrer] Großmutter, und sogar "
        "{H} lachte.",
        "Es gab <Brot und Käse|Suppe und Toast|Tee und ein Stück Kuchen>, und es hatte noch nie "
        "so gut geschmeckt.",
        "Ein paar Minuten lang gab es nichts zu tun als zu atmen, und {H} war dankbar dafür.",
        "{A} summte ein altes Lied, und {H} stimmte beim Refrain mit ein.",
        "{H} schloss für zehn Minuten die Augen und wachte <doppelt so klug|zu allem bereit> "
        "wieder auf.",
        "{H} setzte sich für einen Moment hin, und aus dem Moment wurde eine halbe Stunde.",
        "Jemand hatte genau an der richtigen Stelle eine Bank aufgestellt, und {H} nahm das als "
        "Zeichen.",
        "{H} aß langsam einen Apfel und ließ die Gedanken zur Ruhe kommen.",
        "Ausnahmsweise jagte niemand irgendwen, und {H} genoss es.",
    ),
    "lore.any": (
        "{O} hatte eine Geschichte, erklärte {A}: vor langer Zeit gefertigt und mehr als einmal "
        "verloren.",
        "Man erzählte, {O} sei schon einmal verschwunden, vor hundert Jahren, und habe von allein "
        "den Weg zurückgefunden.",
        "{H} erinnerte sich daran, wie [H:er|sie] {O.acc} zum ersten Mal gesehen hatte, und wie "
        "viel {O.er} allen bedeutet hatte.",
        "Es gab eine alte Geschichte über {O.acc}, und darin verirrte sich nie, wer {O.ihn} bei "
        "sich trug.",
        "{A} hatte in einem alten Buch über {O.acc} gelesen: Es steckte mehr dahinter, als jemand "
        "ahnte.",
    ),
    "lore.rescue": (
        "{H} dachte an das letzte Mal, als [H:er|sie] {G.acc} gesehen hatte, lachend über einen "
        "albernen Witz.",
        "{H} dachte an {G.acc} und daran, wie mutig [G:er|sie] immer gewesen war.",
    ),
    "lore.reach": (
        "Man sagte, es gebe keinen schöneren Ort auf der Welt als {Z.acc}.",
        "Niemand, den {H} kannte, war je {Z.in} gewesen, und genau deshalb wollte [H:er|sie] hin.",
    ),
    "lore.face": (
        "Man sagte, {Z} sei voller {T.bare}, und wer sich davor fürchte, gehe nie hinein.",
        "{A} meinte, {T} sei nur so lange unheimlich, bis man genau hinsehe.",
    ),
    "lore.meet": (
        "{A} meinte, {T.a} finde sich, sobald man aufhöre, so verbissen zu suchen.",
        "{H} erinnerte sich, dass jemand gesagt hatte, {T.a} sei das Beste, was man finden könne.",
    ),
    "lore.learn": (
        "{A} meinte, niemand lerne beim ersten Versuch {T.bare}, und auch nicht beim zehnten.",
        "{H} erinnerte sich: Wer {T.bare} lernen will, darf nicht aufgeben.",
    ),
    "watch": (
        "{H} versteckte sich in einem Hauseingang und beobachtete {P.acc}, um zu sehen, wer "
        "kommen würde.",
        "{H} richtete sich aufs Warten ein, {A} an [H:seiner|ihrer] Seite, und beobachtete.",
        "Stunden vergingen. Dann, endlich, bewegte sich etwas.",
        "{H} blieb ganz still und ganz leise und ließ die Tür nicht aus den Augen.",
    ),
    # --- Haken: der letzte Satz, der den nächsten Schritt vorbereitet ----------------
    "hook.search": (
        "Irgendetwas an {P.dat} war seltsam, und {H} wollte herausfinden, was.",
        "{H} hatte das Gefühl, dass {P.in} etwas übersehen worden war.",
        "{P} hütete ein Geheimnis, da war sich {H} sicher.",
    ),
    "hook.examine": (
        "{H} sah auf {C.acc} hinunter. Da steckte mehr dahinter, als es schien.",
        "Irgendetwas an {C.dat} passte nicht, und {H} ließ es keine Ruhe.",
        "{H} konnte nicht aufhören, an {C.acc} zu denken.",
        "{C} wollte {H.dat} etwas sagen. [H:Er|Sie] musste nur genau hinsehen.",
        "{H} steckte {C.acc} weg, aber [H:seine|ihre] Gedanken kehrten immer wieder zu {C.dat} "
        "zurück.",
        "Morgen, beschloss {H}, würde [H:er|sie] herausfinden, was hinter {C.dat} steckte.",
        "In {C.dat} steckte eine Antwort, da war sich {H} sicher.",
    ),
    "hook.travel": (
        "<Morgen|Gleich in der Früh|Bald>, <beschloss|versprach sich> {H}, würde es {Q.to} gehen.",
        "Und {H} wusste, wohin es als Nächstes ging: {Q.to}.",
        "Jetzt deutete alles {Q.to}.",
        "Bei Einbruch der Nacht dachte {H} nur noch an {Q.acc}.",
    ),
    "hook.witness": (
        "Genau in diesem Moment klopfte es an der Tür.",
        "Hinter {H.dat} rief jemand.",
        "Jemand hatte die ganze Zeit zugesehen, und nun trat dieser Jemand vor.",
        "Es hüstelte höflich. Jemand wollte ein Wort sprechen.",
    ),
    "hook.obstacle": (
        "Doch der Weg vor ihnen würde nicht leicht werden.",
        "Genau da hörte {H}, wie sich der Schlüssel im Schloss drehte.",
        "Und dann sah {H}, was im Weg stand.",
    ),
    "hook.rival": (
        "Irgendwo in der Nähe klickte eine Tür ins Schloss.",
        "Niemand bemerkte die Gestalt, die von gegenüber zusah.",
        "Irgendwer, irgendwo, war gar nicht glücklich über {H.gen} Fragen.",
    ),
    "hook.chase": (
        "Am Ende der Straße bewegte sich ein Schatten.",
        "Und dann sah {H} jemanden, der ganz und gar nicht hier sein sollte.",
        "Schritte, schnell und leicht, eilten in der Dunkelheit davon.",
    ),
    "hook.reveal": (
        "Und dann bemerkte {H} etwas an {U.dat}, das alles veränderte.",
        "Etwas, das {U} gesagt hatte, ließ {H.dat} keine Ruhe.",
        "{H} dachte an {U.acc}, und ein sehr ungemütlicher Gedanke begann zu wachsen.",
    ),
    "hook.twist": (
        "Und dann kam ein Bote mit Neuigkeiten, mit denen niemand gerechnet hatte.",
        "Doch die Geschichte würde gleich eine Wendung nehmen, die niemand kommen sah.",
    ),
    "hook.plan": (
        "Ein Plan musste her, und zwar schnell.",
        "{H} setzte sich, nahm einen Bleistift und begann nachzudenken.",
    ),
    "hook.close_in": (
        "{O} war jetzt nah. {H} konnte es spüren.",
        "{G} war jetzt nah. {H} konnte es spüren.",
        "{Z} war näher als je zuvor.",
        "Ganz in der Nähe wartete {O}.",
    ),
    "hook.confront": (
        "Irgendwo da vorn wartete {R}.",
        "{H} wusste: Beim nächsten Mal, wenn [H:er|sie] {R.acc} sah, gab es kein Davonlaufen mehr.",
    ),
    "hook.setback": (
        "Niemand bemerkte, dass {A} allein losgezogen war.",
        "{A} sagte, es würde nur eine Minute dauern.",
    ),
    "hook.rejoin": (
        "{H} würde {A.acc} nicht zurücklassen. Nicht jetzt und niemals.",
        "Irgendwo wartete {A} darauf, dass {H} kam.",
    ),
    "hook.rest": (
        "Es war ein langer Tag gewesen, und er war noch nicht vorbei.",
        "Auch die Mutigsten müssen sich manchmal hinsetzen.",
    ),
    "hook.lore": (
        "{A} war still, als wüsste [A:er|sie] mehr über {O.acc}, als [A:er|sie] gesagt hatte.",
        "{H} ahnte, dass die Geschichte von {O.dat} noch nicht ganz erzählt war.",
    ),
    "hook.watch": (
        "{H} ahnte, dass jemand kommen würde, wenn [H:er|sie] nur lange genug wartete.",
        "Wer auch immer es war, würde zurückkommen. {H} war sich sicher.",
    ),
    "hook.any": (
        "Und genau da wurde es spannend.",
        "Dann, ganz leise, änderte sich etwas.",
        "Und niemand war bereit für das, was als Nächstes kam.",
    ),
    # --- Übergänge: wie ein Teil beginnt, wenn niemand lenkt ---------------------------
    "bridge.dawn": (
        "Der Morgen dämmerte <grau und langsam|rosa und kalt|ganz leise>.",
        "Im Morgengrauen war {H} schon auf und schnürte [H:seine|ihre] Stiefel.",
        "Die ersten Vögel sangen, als {H} wieder aufbrach.",
    ),
    "bridge.morning": (
        "Der nächste Morgen kam <hell und kalt|weich und neblig|mit scharfem Wind>.",
        "Der Morgen brachte den Duft von Toast und das Geräusch von Regen.",
        "Nach einem <schnellen|hastigen|verschlafenen> Frühstück war {H} bereit weiterzumachen.",
    ),
    "bridge.noon": (
        "Um die Mittagszeit stand die Sonne hoch, und {H.gen} Hoffnung auch.",
        "Der Mittag kam und ging, ohne dass es jemand bemerkte.",
        "Die Glocken schlugen zwölf, als {H} weiterging.",
    ),
    "bridge.afternoon": (
        "Der Nachmittag zog sich hin.",
        "Nach einem schnellen Mittagessen war {H} wieder unterwegs.",
        "Die Schatten wurden schon länger.",
    ),
    "bridge.evening": (
        "Es wurde Abend, und die Laternen wurden eine nach der anderen angezündet.",
        "Die Sonne ging schon unter, als {H} bereit war.",
        "Es war fast dunkel, und der Tag war noch nicht vorbei.",
    ),
    "bridge.night": (
        "Die Nacht war hereingebrochen, aber {H} war nicht nach Schlafen zumute.",
        "Es war spät, und der Mond stand am Himmel.",
        "Irgendwo schlug eine Uhr Mitternacht.",
    ),
    "bridge.any": (
        "Es gab keine Zeit zu verlieren.",
        "{H} wartete nicht lange.",
        "Danach ging alles sehr schnell.",
        "{H} holte tief Luft und machte weiter.",
    ),
    # --- Gespräche ----------------------------------------------------------------------
    "say.goal": (
        "„Ich werde {goal}“, sagte {H}. „Koste es, was es wolle.“",
        "„Glaubst du wirklich, dass wir das schaffen?“, fragte {A}. „Wir müssen“, sagte {H}. „Wir "
        "müssen {goal}.“",
        "{A} sah {H.acc} an. „Du denkst die ganze Zeit an {O.acc}, stimmt’s?“",
        "„Jeder Schritt bringt mich näher zu {O.dat}“, sagte {H} <mehr zu sich selbst|leise>.",
        "„Wenn das vorbei ist“, sagte {A}, „mache ich ein sehr langes Nickerchen.“ {H} lächelte. "
        "„Erst müssen wir {goal}.“",
        "{H} sagte wenig, aber jeder Gedanke galt {O.dat}.",
        "„Sonst wird es niemand tun“, sagte {H}. „Also werde ich {goal}.“",
        "{A} fragte, was {H} tun würde, wenn [H:er|sie] {O.acc} gefunden hätte. „Durchatmen“, "
        "sagte {H}.",
        "„Ohne {O.acc} gehen wir nicht nach Hause“, sagte {H}.",
        "„Sag mir noch einmal, warum wir das tun“, bat {A}. „Weil es sonst niemand tut“, sagte "
        "{H}.",
        "Jedes Mal, wenn {H} die Augen schloss, sah [H:er|sie] {O.acc} vor sich.",
        "{H} hatte nur noch einen Gedanken: {goal}.",
    ),
    "say.worry": (
        "„Das gefällt mir nicht“, sagte {A}. „Es ist <zu still|viel zu still|irgendwie falsch>.“",
        "„Und wenn wir zu spät kommen?“, fragte {A}.",
        "{H} sagte es nicht, aber [H:er|sie] machte sich Sorgen.",
        "„Irgendetwas stimmt hier nicht“, murmelte {H}.",
        "{A} blickte immer wieder über die Schulter.",
        "{H} hatte das seltsame Gefühl, beobachtet zu werden.",
        "„Hast du das gehört?“, flüsterte {A}. {H} lauschte, aber das Geräusch kam nicht wieder.",
        "{H} zählte im Kopf, was alles schiefgehen konnte, und hörte bei sieben auf.",
        "„Wir werden leichtsinnig“, sagte {H}. „Und so wird man erwischt.“",
        "{A} war stiller als sonst, und das war nie ein gutes Zeichen.",
    ),
    "say.hope": (
        "„Wir sind nah dran“, sagte {H}. „Ich spüre es.“",
        "{A} grinste. „Wir sind so weit gekommen. Jetzt hören wir nicht auf.“",
        "„Es wird alles gut“, sagte {A}, und ausnahmsweise glaubte {H} es.",
        "{H} lächelte zum ersten Mal <an diesem Tag|seit Stunden|seit dem Morgen>.",
        "„Noch ein Hinweis“, sagte {H}. „Nur noch einer, dann haben wir es.“",
        "Zum ersten Mal seit Langem fühlte sich {H} wie ein Glückspilz.",
        "„Weißt du was?“, sagte {A}. „Ich glaube, wir schaffen das wirklich.“",
        "{H} ertappte sich dabei, wie [H:er|sie] summte, und hörte nicht damit auf.",
        "Für einen Augenblick wirkte das Ganze weniger wie ein Problem und mehr wie ein Rätsel, "
        "und Rätsel mochte {H}.",
        "„Egal, was jetzt kommt“, sagte {A}, „ich bin froh, dass ich mitgekommen bin.“",
    ),
    "say.plan": (
        "„Erst schauen, dann zuhören“, sagte {H}. „Dann entscheiden.“",
        "„Wir sollten uns aufteilen“, sagte {A}. „Auf keinen Fall“, sagte {H}.",
        "„Bleib dicht bei mir“, sagte {H}, „und halte die Augen offen.“",
        "„Langsam“, sagte {H}. „Wer auch immer das ist, will, dass wir uns beeilen.“",
        "„Wir gehen leise rein, sehen uns um und gehen wieder“, sagte {H}. „Keine Heldentaten.“ "
        "{A} sah nicht überzeugt aus.",
        "{H} zeichnete mit einem Stock eine grobe Karte in den Staub und markierte jede Stelle, "
        "die [H:er|sie] schon abgesucht hatte.",
        "„Falls wir getrennt werden“, sagte {H}, „treffen wir uns hier. Abgemacht?“ „Abgemacht“, "
        "sagte {A}.",
        "{H} ordnete im Kopf, was [H:er|sie] wusste, was [H:er|sie] nur vermutete und was noch "
        "fehlte.",
    ),
    "say.joke": (
        "„Falls ich mich verlaufe“, sagte {A}, „erzählt allen, dass ich tapfer war.“",
        "{A} stolperte über [A:seine|ihre] eigenen Füße und tat so, als wäre es Absicht gewesen.",
        "„Nächstes Mal“, sagte {A}, „erleben wir ein Abenteuer irgendwo, wo es Stühle gibt.“",
        "„Ich habe keine Angst“, sagte {A}. „Meine Knie schon, aber ich nicht.“",
        "{A} behauptete, einen Plan zu haben. Der Plan stellte sich als belegtes Brot heraus.",
        "„Nur fürs Protokoll“, sagte {A}, „davon stand nichts im Prospekt.“",
        "{A} bot {H.dat} den letzten Keks an und aß ihn dann selbst, bevor {H} antworten konnte.",
        "„Ich habe beschlossen, mutig zu sein“, sagte {A}. „Ich sage Bescheid, wenn es nachlässt.“",
        "{A} versuchte, ein mutiges Lied zu pfeifen, und brachte genau zwei Töne zustande.",
    ),
    "say.clue": (
        "„Warum lässt jemand {C.acc} einfach liegen?“, fragte {A}. „Weil er es eilig hatte“, "
        "sagte {H}.",
        "{H} steckte {C.acc} <vorsichtig|sorgfältig> in [H:seine|ihre] <Tasche|Manteltasche>.",
        "„{C} ist der erste echte Hinweis <seit Tagen|bisher>“, sagte {A}.",
        "{H} wickelte {C.acc} in ein Taschentuch, <sicher ist sicher|als könnte es zerbrechen>.",
        "„Verlier das bloß nicht“, sagte {A} mit einem Nicken zu {C.dat}.",
    ),
    "say.suspect": (
        "„Ich traue {U.dat} nicht“, sagte {A}. „Ich auch nicht“, sagte {H}. „Noch nicht.“",
        "{H} musste immer wieder an {U.acc} denken und daran, wie [U:er|sie] weggesehen hatte.",
        "„Was wissen wir eigentlich über {U.acc}?“, fragte {A}. Niemand hatte eine Antwort.",
        "{U} war <zu hilfsbereit|zu schnell mit einer Antwort> gewesen, dachte {H}.",
    ),
    "say.culprit": (
        "„{R} wird nicht so leicht aufgeben“, sagte {A}.",
        "„Warum tut {R} so etwas?“, fragte {A}. {H} schüttelte den Kopf. „Genau das werden wir "
        "herausfinden.“",
        "„{R} hat einen Fehler gemacht“, sagte {H}. „Und ich habe ihn bemerkt.“",
        "{H} dachte an {R.acc} und an jedes Lächeln, hinter dem eine Lüge gesteckt hatte.",
    ),
    # --- Umgebung -------------------------------------------------------------------------
    "say.recall.found": (
        "„Niemand lässt {C.a_acc} aus Versehen {Q.in} liegen“, sagte {H}.",
        "{H} holte {C.acc} wieder hervor und drehte {C.ihn} in den Händen. Jemand hatte {C.ihn} "
        "nicht ohne Grund {Q.in} zurückgelassen.",
        "„Ich muss ständig an {C.acc} denken“, sagte {A}. „Wer {C.ihn} {Q.in} verloren hat, hatte "
        "es sehr eilig.“",
    ),
    "say.recall.met": (
        "{H} ging immer wieder durch, was {X} {Q.in} gesagt hatte.",
        "„Was hältst du von {X.dat}?“, fragte {A}. {H} dachte lange nach. „Ich weiß es noch "
        "nicht.“",
        "{H} fragte sich, wo {X} jetzt war und was [X:er|sie] gerade tat.",
    ),
    "say.recall.moved": (
        "„Erinnerst du dich an {Q.acc}?“, fragte {A}. „Ich dachte, das wäre der schwierige Teil.“",
        "{H} dachte an {Q.acc} und an alles, was dort geschehen war. Es kam [H:ihm|ihr] vor, als "
        "wäre es eine Woche her.",
        "Seit {Q.dat} war die Spur nur <seltsamer|verworrener|schwerer zu verfolgen> geworden.",
    ),
    "say.recall.clue_person": (
        "„Wenn {C} wirklich auf {X.acc} hinweist“, sagte {A}, „dann übersehen wir etwas.“",
        "Es musste einen Grund geben, warum {C} auf {X.acc} hinwies, und {H} wollte ihn "
        "herausfinden.",
    ),
    "say.recall.escaped": (
        "„Beim nächsten Mal entkommt uns {X} nicht“, sagte {H}, und [H:er|sie] meinte es ernst.",
        "{H} ärgerte sich noch immer, dass {X} entwischt war.",
    ),
    "say.recall.asked": (
        "{H} ging Wort für Wort durch, was {X} erzählt hatte.",
        "„Glaubst du, was {X} uns erzählt hat?“, fragte {A}. „Einiges davon“, sagte {H}.",
    ),
    "scene.town": (
        "Ein <Karren|Wagen|Handkarren> <ratterte|polterte> vorbei, <hoch mit Fässern "
        "beladen|voller Kisten>.",
        "Irgendwo bellte ein Hund, und jemand rief ihm zu, er solle still sein.",
        "Der Duft von <frischem Brot|geröstetem Kaffee|gebratenen Zwiebeln> wehte aus einer "
        "offenen Tür.",
        "Zwischen den Häusern hing Wäsche und flatterte wie Fahnen.",
        "Eine Glocke schlug die Stunde, und Tauben stoben über die Dächer.",
        "Kinder rannten vorbei und lachten über einen Witz, den nur sie verstanden.",
        "Die Ladenbesitzer zogen einer nach dem anderen ihre Rollläden hoch.",
        "Ein Straßenmusiker spielte eine <traurige|fröhliche|schiefe> Melodie auf der "
        "<Geige|Flöte|Ziehharmonika>.",
        "Eine Katze beobachtete alles von einem Fensterbrett aus, zutiefst missbilligend.",
        "Irgendwo begann ein Wasserkessel zu pfeifen.",
    ),
    "scene.hall": (
        "Porträts blickten von den Wänden, und ihre gemalten Augen folgten jedem Schritt.",
        "Staub tanzte im dünnen Licht der hohen Fenster.",
        "Irgendwo tickte eine Uhr, langsam und schwer.",
        "Die Dielen knarrten unter den Füßen.",
        "Jede Stimme klang in den langen Fluren viel zu laut.",
        "Ein Luftzug bewegte die Vorhänge, obwohl alle Fenster geschlossen waren.",
        "In der Ecke stand <eine Ritterrüstung|eine Marmorbüste|eine ausgestopfte Eule> und sah "
        "enttäuscht aus.",
    ),
    "scene.shore": (
        "Das Meer war grau und unruhig, und die Möwen hörten nicht auf zu schimpfen.",
        "Salz lag in der Luft, auf den Lippen und in den Haaren.",
        "Boote stießen sanft gegen die Kaimauer.",
        "Weit draußen läutete eine Schiffsglocke.",
        "Die Ebbe kam und hinterließ glänzenden Schlick und kleine Pfützen.",
        "<Netze|Taue|Hummerkörbe> lagen auf den Steinen gestapelt und rochen <streng|ein wenig> "
        "nach Fisch.",
    ),
    "scene.wild": (
        "Irgendwo außer Sicht riefen Vögel einander zu.",
        "Das Gras war nass vom Tau und durchweichte jeden Stiefel.",
        "Irgendwo in der Nähe plätscherte ein Bach.",
        "Insekten summten in der warmen Luft.",
        "Der Pfad wand sich weiter, und der Himmel darüber wirkte sehr groß.",
        "<Ein Hase|Ein Reh|Ein Fuchs> erstarrte, starrte und verschwand im <Farn|hohen Gras>.",
    ),
    "scene.space": (
        "Hinter dem Sichtfenster drehten sich langsam die Sterne.",
        "Die Luftaufbereitung summte, gleichmäßig wie ein Atem.",
        "Eine Wartungsdrohne surrte vorbei und kümmerte sich um ihre eigenen Angelegenheiten.",
        "Warnlichter blinkten gelb, dann wieder grün.",
        "Irgendwo unten <schnurrten|brummten> die Triebwerke wie eine sehr große, sehr geduldige "
        "Katze.",
    ),
    "scene.any": (
        "Der Wind frischte auf und legte sich wieder.",
        "Eine Wolke schob sich vor die Sonne, und für einen Moment wurde alles grau.",
        "Die Luft roch nach Regen, der noch nicht gefallen war.",
        "In der Ferne sang jemand.",
        "Die Zeit schien langsamer zu vergehen, so wie immer, wenn man auf etwas wartet.",
        "<Eine Motte|Eine Biene|Ein Käfer> brummte vorbei, beschäftigt mit einem eigenen kleinen "
        "Abenteuer.",
        "Das Licht wurde <golden|silbern|weich und blau>, wie kurz bevor sich etwas ändert.",
        "Ein Windstoß zerrte an den Mänteln.",
        "Die Schatten waren länger geworden, ohne dass es jemand bemerkt hatte.",
        "Irgendwo knarrte eine Tür auf und schloss sich nicht wieder.",
        "Ein paar Blätter huschten über den Boden, als wären sie spät dran.",
        "Die Luft war so still, dass jeder Schritt laut klang.",
    ),
    "mood.eerie": (
        "Ein kalter Hauch strich {H.dat} über den Nacken, obwohl kein Fenster offen war.",
        "Irgendwo pfiff jemand ganz leise eine Melodie, die niemand kannte.",
        "Die Schatten wirkten länger, als sie hätten sein dürfen.",
        "Eine Tür öffnete sich wie von selbst und schloss sich langsam wieder.",
        "Die Kerzenflammen neigten sich <zur Seite|alle in eine Richtung>, als hätte jemand "
        "darauf gehaucht.",
    ),
    "mood.funny": (
        "Eine Gans tauchte aus dem Nichts auf, musterte {H.acc} voller Misstrauen und ging wieder.",
        "{A} nieste so laut, dass drei Tauben in Panik aufflogen.",
        "Ein kleiner Hund erklärte {H.gen} Schnürsenkel zum Feind und griff ihn tapfer an.",
        "Jemandem wehte der Hut davon, und er rollte sehr, sehr weit.",
        "<Ein Papagei|Ein sehr alter Herr|Ein kleines Kind> sagte etwas ausgesprochen Freches und "
        "lächelte dann zuckersüß.",
    ),
    "mood.tense": (
        "Jetzt zählte jede Sekunde.",
        "{H.gen} Herz hämmerte.",
        "Niemand wagte, zu laut zu atmen.",
        "Irgendwo tickte eine Uhr, und jedes Ticken klang wie eine Warnung.",
        "{H} hatte <eine Hand an der Tür|die Schatten fest im Blick>, bereit für alles.",
    ),
    "weather.storm": (
        "In der Ferne <grollte|rollte|knurrte> der Donner.",
        "Der Wind heulte und zerrte an allem, was nicht festgebunden war.",
        "Ein Blitz tauchte alles in weißes Licht und ließ es dunkler zurück als zuvor.",
    ),
    "weather.rain": (
        "Regen trommelte auf jedes Dach.",
        "{H.gen} Mantel war durchnässt, und die Stiefel quietschten.",
        "Der Regen lief in langen silbernen Streifen an den Fenstern herab.",
    ),
    "weather.snow": (
        "Leise fiel Schnee und deckte jede Fußspur zu.",
        "Jeder Atemzug wurde zu einem kleinen Wölkchen in der kalten Luft.",
        "Der Schnee knirschte unter den Füßen.",
    ),
    "weather.fog": (
        "Der Nebel war so dicht, dass man kaum ein paar Schritte weit sah.",
        "Gestalten tauchten aus dem Nebel auf und entpuppten sich als Laternenpfähle.",
        "Irgendwo im Nebel stöhnte ein Nebelhorn.",
    ),
    "weather.dark": (
        "In der Dunkelheit klang jedes Geräusch lauter.",
        "{H} tastete sich an der Wand entlang, Schritt für vorsichtigen Schritt.",
        "Ein einzelnes Streichholz flammte auf, und für einen Moment war es hell.",
    ),
    "remind.retrieve": (
        "{O} war noch immer <irgendwo da draußen|verschwunden|gut versteckt>.",
        "{H} dachte an {O.acc} und ging ein wenig schneller.",
        "Irgendwo wartete {O} darauf, gefunden zu werden.",
        "Solange {O} nicht gefunden war, würde niemand ruhen.",
        "{H} vergaß {O.acc} keine <Sekunde|Minute|einzige Stunde>.",
        "Jeder Hinweis, das wusste {H}, war ein Schritt näher zu {O.dat}.",
        "Der Gedanke an {O.acc} hielt {H.acc} in Gang, <auch als die Füße müde wurden|noch lange "
        "nach Einbruch der Dunkelheit>.",
        "<Wo|Wo um alles in der Welt> war {O} jetzt? {H} <fragte sich das immer wieder|konnte "
        "nicht aufhören, sich das zu fragen>.",
    ),
    "remind.protect": (
        "{H} sah noch einmal nach {O.dat}: noch sicher, fürs Erste.",
        "{H} würde nicht zulassen, dass {O.dat} etwas geschah. Nicht, solange [H:er|sie] da war.",
        "{O} war noch sicher, und {H} wollte, dass es so blieb.",
        "Alle paar Stunden ging {H} zu {O.dat} zurück, nur um sicherzugehen.",
        "<Was auch immer kam|Wer auch immer kam|Wie lange es auch dauerte>: {O} würde sicher "
        "bleiben. {H} <hatte es versprochen|hatte es geschworen|würde dafür sorgen>.",
    ),
    "remind.mend": (
        "{O} lag noch immer zerbrochen da und wartete.",
        "Jede Stunde, die {O} kaputt blieb, machte {H.acc} entschlossener.",
        "{H} dachte immer wieder an {O.acc} und wie man {O.ihn} reparieren könnte.",
        "<Irgendwie|So oder so|Früher oder später> würde {O} wieder heil sein. {H} <war sich "
        "sicher|würde dafür sorgen|hatte es beschlossen>.",
    ),
    "remind.rescue": (
        "Irgendwo wartete {G} auf {H.acc}.",
        "{H} dachte an {G.acc} und wurde nicht langsamer.",
        "{G} zählte auf {H.acc}, und {H} wusste es.",
        "<Halte durch|Nicht mehr lange|Warte auf mich>, dachte {H} und <sah {G.acc} vor "
        "sich|erinnerte sich an {G.acc}>.",
    ),
    "remind.reach": (
        "{Z} war noch weit entfernt.",
        "Jeder Schritt brachte {H.acc} näher {Z.to}.",
        "{H} blickte in die Richtung, in der {Z} lag, und ging weiter.",
        "<Irgendwo dort vorn|Hinter dem nächsten Hügel|Nicht mehr allzu weit> wartete {Z}.",
    ),
    "remind.face": (
        "{H} dachte an {T.acc} und schauderte, aber [H:er|sie] ging weiter auf {Z.acc} zu.",
        "{Z} lag noch vor {H.dat}, und mit [Z:ihm|ihr|ihnen] {T}.",
        "{H} hatte immer noch Angst vor {T.dat}. [H:Er|Sie] ging trotzdem weiter.",
        "Jeder Schritt brachte {H.acc} näher an {Z.acc} heran, und an {T.acc}.",
        "{H} wollte nicht an {T.acc} denken, also dachte [H:er|sie] an {Z.acc}.",
        "Je näher {Z} rückte, desto öfter dachte {H} an {T.acc}.",
        "„Du denkst schon wieder an {T.acc}“, sagte {A}. {H} stritt es nicht ab.",
        "{H} sagte sich, dass {T} niemandem etwas tun konnte. Es half nicht viel.",
    ),
    "remind.meet": (
        "{H} hoffte noch immer, mehr als alles andere, {T.a_acc} zu finden.",
        "<Irgendwo|Irgendwo da draußen|Nicht allzu weit weg> gab es {T.a_acc}, da war sich {H} "
        "sicher.",
        "{H} sah in jedes Gesicht und fragte sich: Könnte das {T.a} sein?",
        "Was {H} sich am meisten wünschte, war noch immer {T.a}.",
        "{H} stellte sich vor, wie es wäre, {T.a_acc} zu haben, und ging ein bisschen schneller.",
        "Wenn das hier gut ging, dachte {H}, wartete am Ende vielleicht {T.a}.",
        "{H} hatte die Suche nach {T.a_dat} nicht aufgegeben. Nicht im Geringsten.",
        "Jemand, der bleibt: Das meinte {H}, wenn [H:er|sie] an {T.a_acc} dachte.",
    ),
    "remind.learn": (
        "{H} übte, wann immer niemand hinsah. Eines Tages würde [H:er|sie] {T.bare} können.",
        "{H} hatte es nicht vergessen: [H:Er|Sie] würde {T.bare} lernen.",
        "In jeder freien Minute dachte {H} darüber nach, wie man {T.bare} lernt.",
        "„Übst du immer noch {T.bare}?“, fragte {A}. {H} nickte. „Immer.“",
        "{H} übte noch einmal und kam dem Ziel ein kleines Stück näher: {T.bare}.",
        "Irgendwo in alldem, da war sich {H} sicher, lag das Geheimnis, wie man {T.bare} lernt.",
    ),
    "remind.any": (
        "<Nichts|Niemand|Nicht einmal das Wetter> würde {H.acc} jetzt noch aufhalten: Der Plan "
        "war immer noch, {goal.zu}.",
        "{H} <erinnerte sich|sagte sich immer wieder|flüsterte>, worum es ging: {goal}.",
        "{H} hatte nicht vergessen, worum es ging: {goal}.",
        "<Was auch immer geschah|Komme, was wolle|Koste es, was es wolle>: {H} würde {goal}.",
        "{H} dachte wieder daran, warum [H:er|sie] aufgebrochen war: um {goal.zu}.",
        "<Alles, was {H} wollte|Das Einzige, was {H} wollte|Was {H} am meisten wollte>, war, "
        "{goal.zu}, <und zwar bald|und sonst nichts|bevor es zu spät war>.",
        "<Morgen|Heute|Bald>, <versprach|sagte> sich {H}, würde [H:er|sie] {goal}.",
        "Jeder Schritt, den {H} machte, diente nur einem Ziel: {goal}.",
        "{H} hielt sich an das Einzige, was klar war: [H:er|sie] musste {goal}.",
        "Was sich auch änderte, {H.gen} Ziel blieb dasselbe: {goal}.",
    ),
    "hero.any": (
        "{H} holte tief Luft.",
        "{H} zog den Mantel enger und ging weiter.",
        "{H} lauschte, wartete und dachte nach.",
        "{H} straffte die Schultern.",
    ),
    "hero.kind": (
        "Es war nicht leicht, {H.a} zu sein, aber {H} hatte nie etwas anderes sein wollen.",
        "{H} tat, was an [H:seiner|ihrer] Stelle jeder getan hätte, [H:der|die] {H.a} ist, "
        "und ging weiter.",
        "Von {H.a_dat} erwartet niemand viel. {H} würde sie alle überraschen.",
        "{H} war eben {H.a} und bemerkte, was den anderen entging.",
        "Das war viel verlangt von {H.a_dat}, aber {H} beklagte sich nicht.",
    ),
    # --- Lenkung: was die Leser wollten, erzählt als Ereignis --------------------------
    "steer.reveal": (
        "Endlich kam die Wahrheit ans Licht: {X.full} steckte hinter allem.",
        "Es war also {X.full}. Jede Lüge und jede falsche Spur ergab jetzt einen Sinn.",
        "{H} sprach den Namen laut aus, und er klang sofort wahr: {X.full}.",
    ),
    "steer.steal": ("{X.full} hatte es genommen. Daran gab es keinen Zweifel mehr.",),
    "steer.betray": (
        "{X.full} wandte sich ohne ein Wort der Warnung gegen {H.acc}.",
        "{X.full} war die ganze Zeit auf der anderen Seite gewesen.",
    ),
    "steer.join": (
        "Genau da kam {X.full}, außer Atem und voller Neuigkeiten.",
        "Die Tür ging auf, und herein kam {X.full}, {X.a}, und schüttelte sich den Regen vom "
        "Mantel.",
        "{X.full} schloss sich {H.dat} an, und niemand bedauerte es.",
    ),
    "steer.befriend": (
        "{X.full} beschloss, {H.dat} zu helfen, und sagte es geradeheraus.",
        "Von da an stand {X.full} auf {H.gen} Seite.",
    ),
    "steer.leave": (
        "{X.full} verabschiedete sich und ging, und ohne [X:ihn|sie] wirkte alles leerer.",
        "{X} musste gehen. [X:Er|Sie] winkte noch einmal von der Tür, dann war [X:er|sie] fort.",
    ),
    "steer.capture": (
        "{X.full} war gefangen genommen worden, und {H} schwor, [X:ihn|sie] zurückzuholen.",
        "Sie hatten {X.full_acc} mitgenommen. {H} ballte die Fäuste und schwieg.",
    ),
    "steer.cleared": (
        "{U} war also die ganze Zeit unschuldig gewesen. {H} bereute jeden misstrauischen Blick "
        "ein wenig.",
        "Dann hatte {U} die Wahrheit gesagt. {H} nahm sich vor, sich zu entschuldigen.",
    ),
    "steer.tone.eerie": (
        "Von diesem Moment an fühlte sich {P.in} alles kälter und fremder an.",
        "Das Licht veränderte sich, und die Schatten schienen zuzuhören.",
    ),
    "steer.tone.funny": (
        "Und dann, als hätte die Welt beschlossen, alle aufzuheitern, ging alles auf die "
        "lächerlichste Weise schief.",
    ),
    "steer.tone.tense": ("Von da an zählte jede Minute.",),
    "steer.tone.warm": (
        "Irgendwie fühlte sich danach alles wärmer an, als wäre der Tag selbst milder geworden.",
    ),
    "steer.tone.any": ("Die Stimmung {P.in} veränderte sich.",),
    "steer.weather.storm": (
        "Ein Sturm zog auf, schnell und laut, und Regen peitschte gegen die Fenster.",
        "Über {P.dat} krachte der Donner, und ein Sturm brach los.",
    ),
    "steer.weather.rain": ("Es begann zu regnen, erst sanft, dann heftig.",),
    "steer.weather.snow": ("Es begann zu schneien, dicht und lautlos.",),
    "steer.weather.fog": ("Nebel zog auf und verschluckte alles.",),
    "steer.weather.dark": (
        "Dann gingen die Lichter aus, und alles war dunkel.",
        "Die Nacht fiel plötzlich herein, als hätte jemand den Himmel ausgeblasen.",
    ),
    "steer.weather.any": ("Das Wetter schlug um.",),
    "steer.after": (
        "Damit hatte niemand gerechnet, am wenigsten {H}.",
        "{A} pfiff lang und leise durch die Zähne.",
        "Einen Moment lang standen alle nur da.",
        "„Tja“, sagte {H}, „das ändert einiges.“",
        "{H} ließ es sich durch den Kopf gehen und überlegte, was das für {O.acc} bedeutete.",
        "Es war nicht das, was irgendwer geplant hatte, aber {H} machte das Beste daraus.",
    ),
    "steer.find.goal": (
        "Und da war es: {O.full}, endlich gefunden. {H} hielt es ganz fest.",
        "{H} konnte es kaum glauben. {O.full}, direkt vor [H:ihm|ihr], zum Greifen nah.",
    ),
    "steer.find": (
        "{H} fand {C.a_acc}, genau dort, wo niemand nachgesehen hatte.",
        "Dort, halb verborgen, war {C.a}.",
    ),
    "steer.find.lead": (
        "Das war ein Weg, und er führte {Q.to}.",
        "{H} sah {C.acc} an und wusste, wohin es führte: {Q.to}.",
    ),
    # --- Das Ende -------------------------------------------------------------------------
    "end.go": (
        "Es blieb nur noch ein Ort, und {H} ging dorthin: {Q.to}.",
        "{team} gingen ein letztes Mal {Q.to}.",
        "Es gab nur noch einen Ort: {Q}. {H} ging ohne Angst dorthin.",
    ),
    "end.unmask": (
        "Und dort, endlich, war die Person hinter allem: {R.full}.",
        "Als die Kapuze fiel, schnappten alle nach Luft. Es war {R.full}.",
    ),
    "end.face": (
        "{R.full} war da, genau wie {H} es gewusst hatte.",
        "{R.full} wartete, und es gab keinen Ausweg mehr.",
    ),
    "end.caught": (
        "{R} sah von einem Gesicht zum nächsten, seufzte und gab ohne Gegenwehr auf.",
        "{R} versuchte zu fliehen, aber {A} war schneller, und damit war die Sache erledigt.",
        "Am Ende hatte {R} nichts mehr zu sagen, und die Wache führte [R:ihn|sie] behutsam ab.",
    ),
    "end.freed": (
        "{X} war endlich frei und umarmte {H.acc} so fest, dass es wehtat.",
        "Sie ließen {X.acc} heraus, und {X} hatte sich noch nie so gefreut, jemanden zu sehen.",
    ),
    "end.goal.retrieve": (
        "{R} gab {O.acc} wortlos zurück, und {H} hielt {O.ihn}, als könnte {O.er} wieder "
        "verschwinden.",
        "{O} war die ganze Zeit in {R.gen} Mantel versteckt gewesen. {H} nahm {O.ihn} behutsam "
        "zurück.",
        "{O} war zurück, wo {O.er} hingehörte, endlich in Sicherheit, und {H} konnte durchatmen.",
        "{H} hielt {O.acc} mit beiden Händen. Es war vorbei.",
    ),
    "end.goal.protect": (
        "{O} war sicher und würde sicher bleiben, denn {H} war noch da.",
        "Niemand würde je wieder nach {O.dat} greifen. Dafür hatte {H} gesorgt.",
    ),
    "end.goal.mend": (
        "Mit einer letzten vorsichtigen Drehung war {O} wieder heil.",
        "{O} war repariert und funktionierte besser als je zuvor.",
    ),
    "end.goal.rescue": ("{G} war frei, und auf dem ganzen Heimweg redete {G} ununterbrochen.",),
    "end.goal.reach": (
        "Bei Sonnenaufgang erreichte {H} {Z.acc}, und es war schöner, als [H:er|sie] es sich je "
        "erträumt hatte.",
    ),
    "end.goal.face": (
        "{H} ging in {Z.acc} hinein, und {T} war am Ende nur {T.bare}. {H} hatte keine Angst mehr.",
    ),
    "end.goal.meet": (
        "{P.in} wartete jemand: {G.full}, {G.a}, [G:der|die] auch {T.a_acc} gesucht hatte. "
        "Und so fand {H} endlich {T.a_acc}.",
        "{P.in} wartete jemand: {G.full}, [G:der|die] auch {T.a_acc} gesucht hatte. Und so "
        "fand {H} endlich {T.a_acc}.",
    ),
    "end.goal.learn": ("Und dann, ohne recht zu wissen wie, konnte {H} {T.bare}. Alle jubelten.",),
    "end.goal.any": ("Es war geschafft, und zwar gut.",),
    "end.say": (
        "„Wir haben es geschafft“, sagte {A}. „Wir haben es wirklich geschafft.“",
        "„Ich habe nie an dir gezweifelt“, sagte {A}. „Keine Sekunde.“ {H} lachte. „Doch, hast "
        "du.“",
        "„Und jetzt?“, fragte {A}. „Jetzt“, sagte {H}, „ruhen wir uns aus.“",
        "{H} dankte allen, die geholfen hatten, einem nach dem anderen.",
    ),
    "end.cast": (
        "An diesem Abend versammelten sich alle, die geholfen hatten, {P.in}, und es gab Kuchen.",
        "{A} und {H} gingen zusammen nach Hause, müde und glücklich.",
        "Alle waren sich einig, dass es die seltsamste Woche ihres Lebens gewesen war.",
    ),
    "end.close": (
        "Die Lichter {P.in} brannten warm und ruhig bis tief in die Nacht.",
        "Und wenn jemand fragt, was damals geschah, dann wird es genau so erzählt.",
        "Noch Jahre später erzählte man sich die Geschichte von {H.dat} und {O.dat}.",
        "Und {H} schlief in dieser Nacht besser als seit langer Zeit.",
    ),
    # --- Optionen: „Beschriftung || was geschah“ ---------------------------------------
    "opt.go": ("{Q.to} gehen || {H} ging {Q.to}.", "{Q.to} aufbrechen || {H} brach {Q.to} auf."),
    "opt.ask": (
        "{W.acc} nach {O.dat} fragen || {H} fragte {W.acc} nach {O.dat}.",
        "Noch einmal mit {W.dat} reden || {H} redete noch einmal mit {W.dat}.",
        "{W.acc} befragen || {H} befragte {W.acc}.",
    ),
    "opt.examine": (
        "{C.acc} untersuchen || {H} untersuchte {C.acc}.",
        "{C.acc} genauer ansehen || {H} sah sich {C.acc} genauer an.",
    ),
    "opt.confront": (
        "{R.acc} zur Rede stellen || {H} stellte {R.acc} zur Rede.",
        "{R.dat} gegenübertreten || {H} trat {R.dat} gegenüber.",
    ),
    "opt.track": (
        "{R.acc} aufspüren || {H} spürte {R.acc} auf.",
        "{R.dat} folgen || {H} folgte {R.dat}.",
    ),
    "opt.search": (
        "{P.acc} durchsuchen || {H} durchsuchte {P.acc}.",
        "Sich {P.in} umsehen || {H} sah sich {P.in} um.",
    ),
    "opt.watch": (
        "Sich verstecken und Wache halten || {H} versteckte sich und hielt Wache.",
        "Abwarten, wer kommt || {H} wartete ab, wer kommen würde.",
    ),
    "opt.witness": (
        "Nachsehen, wer da ist || {H} sah nach, wer da war.",
        "Jemanden finden, der etwas gesehen hat || {H} suchte jemanden, der etwas gesehen hatte.",
    ),
    "opt.obstacle": (
        "Weitergehen, egal was kommt || {H} ging weiter.",
        "Einen Weg hindurch finden || {H} suchte einen Weg hindurch.",
    ),
    "opt.rival": (
        "Herausfinden, wer sie beobachtet || {H} versuchte herauszufinden, wer zusah.",
        "Eine Falle stellen || {H} stellte eine Falle.",
    ),
    "opt.chase": (
        "Dem Schatten folgen || {H} folgte dem Schatten.",
        "Hinterherlaufen || {H} lief der Gestalt hinterher.",
    ),
    "opt.reveal": (
        "Alle Hinweise zusammensetzen || {H} setzte alle Hinweise zusammen.",
        "Alles noch einmal durchdenken || {H} dachte alles noch einmal durch.",
    ),
    "opt.twist": (
        "Auf Nachricht warten || {H} wartete auf Nachricht.",
        "Die Fakten durchgehen || {H} ging die Fakten durch.",
    ),
    "opt.plan": (
        "Einen Plan schmieden || {H} schmiedete einen Plan.",
        "Den nächsten Schritt planen || {H} plante den nächsten Schritt.",
    ),
    "opt.close_in": (
        "Näher an {O.acc} herangehen || {H} ging näher an {O.acc} heran.",
        "Sich heranschleichen || {H} schlich sich heran.",
    ),
    "opt.rest": (
        "Eine Weile ausruhen || {H} ruhte sich eine Weile aus.",
        "Anhalten und etwas essen || {H} hielt an, um zu essen.",
    ),
    "opt.lore": (
        "{A.acc} nach der Geschichte von {O.dat} fragen || {H} fragte {A.acc} nach der Geschichte "
        "von {O.dat}.",
        "Mehr über {O.acc} herausfinden || {H} fand mehr über {O.acc} heraus.",
    ),
    "opt.rejoin": (
        "{X.acc} zurückholen || {H} holte {X.acc} zurück.",
        "{X.acc} suchen || {H} suchte {X.acc}.",
    ),
    "opt.setback": ("Sich aufteilen, um mehr abzudecken || {H} und {A} teilten sich auf.",),
    # --- Zusammenfassungen --------------------------------------------------------------
    "recap.start.allies": (
        "Alles begann {Q.in}, als {H.full} und {allies} aufbrachen, um {goal.zu}.",
        "{Q.in} brachen {H.full} und {allies} einst auf, um {goal.zu}.",
    ),
    "recap.start": (
        "Dies ist die Geschichte von {H.full_dat}, [H:der|die] {Q.in} aufbrach, um {goal.zu}.",
        "Alles begann {Q.in}, als {H.full} aufbrach, um {goal.zu}.",
    ),
    "recap.found": ("{Q.in} fand {H} {C.a_acc}.",),
    "recap.clue_person": ("{C} wies auf {X.full_acc}.",),
    "recap.clue_place": ("{C} zeigte den Weg {Q.to}.",),
    "recap.moved": ("{H} ging weiter {Q.to}.", "Dann führte die Spur {Q.to}."),
    "recap.met": ("{Q.in} traf {H} {X.full_acc}.",),
    "recap.revealed": ("{X.full} entpuppte sich als die Person hinter allem.",),
    "recap.twist": ("Dann wandte sich die Spur {Q.to}.",),
    "recap.escaped": ("{X} entkam wieder.",),
    "recap.lost_ally": ("{X} wurde gefangen genommen.",),
    "recap.freed": ("{X} wurde befreit.",),
    "recap.join": ("{X.full} schloss sich {H.dat} an.",),
    "recap.befriend": ("{X.full} stellte sich auf {H.gen} Seite.",),
    "recap.leave": ("{X.full} musste gehen.",),
    "recap.capture": ("{X.full} wurde gefangen genommen.",),
    "recap.found_goal": ("{H} fand {O.acc}.",),
    "recap.caught": ("{X} wurde endlich gefasst.",),
    "recap.chased": ("Es gab eine Verfolgungsjagd.",),
    "recap.rival": ("Jemand versuchte mit aller Kraft, {H.acc} aufzuhalten.",),
    "recap.asked": ("{X.full} erzählte {H.dat}, was [X:er|sie] wusste.",),
    "recap.watched": ("{H} hielt {Q.in} Wache.",),
    "recap.weather.storm": ("Ein Sturm brach los.",),
    "recap.weather.rain": ("Es regnete.",),
    "recap.weather.snow": ("Es schneite.",),
    "recap.weather.fog": ("Nebel zog auf.",),
    "recap.weather.dark": ("Die Lichter gingen aus.",),
    "recap.others": ("Außerdem mit dabei: {met}.",),
    "recap.now": (
        "Jetzt ist {H} {P.in} und fest entschlossen, {goal.zu}.",
        "Gerade ist {H} {P.in}, und die Suche nach {O.dat} geht weiter.",
    ),
    "recap.now.done": ("Und am Ende schaffte {H} es.",),
}
