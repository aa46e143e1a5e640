"""Phrases françaises, selon leur rôle dans l'histoire. Entretenues par des auteurs.

Marqueurs et formes : :mod:`bot.providers.offline.template` et
:mod:`bot.providers.offline.lang.fr`. Le récit est au passé simple et à
l'imparfait ; les dialogues sont entre « » avec l'incise inversée (« … »,
dit X). ``{they}`` vaut « ils » ou « elles » pour ceux qui accompagnent le
héros. Options : « Intitulé || ce qui s'est passé, en une phrase ». Pour tous
les publics.
"""

from __future__ import annotations

PHRASES: dict[str, tuple[str, ...]] = {
    # --- L'ouverture ----------------------------------------------------------------------
    "open.intro": (
        "C'était un matin <ordinaire|comme les autres> {P.in}, jusqu'à ce que {H.full} apprenne "
        "la nouvelle.",
        "Personne n'était encore levé {P.in}, sauf {H.full}, qui n'avait jamais aimé faire la "
        "grasse matinée.",
        "{H.full} vivait {P.in} depuis assez longtemps pour sentir quand quelque chose clochait, "
        "et ce matin-là, quelque chose clochait.",
        "{H.full} était {H.un}, et tout le monde {P.in} le savait.",
        "{P} [P:était silencieux|était silencieuse|étaient silencieux|étaient silencieuses] dans "
        "la lumière du matin, et {H.full}, {H.un}, aimait qu'il en soit ainsi.",
        "Chaque matin, {H.full} faisait la même promenade, et chaque matin il ne se passait rien. "
        "Ce matin-là fut différent.",
        "Les ennuis commencèrent par un jour <gris|venteux|limpide> {P.in}, et {H.full} fut [H:le "
        "premier|la première] à l'apprendre.",
    ),
    "open.intro.kind": (
        "{H.full} était {H.un}, et tout le monde {P.in} le savait.",
        "Il était une fois {H.un} [H:nommé|nommée] {H.full}, qui vivait {P.in}.",
        "{H.full}, {H.un}, vivait {P.in} depuis aussi longtemps qu'[H:il|elle] s'en souvenait.",
        "Tout le monde {P.in} connaissait {H.full}, {H.un} à qui rien n'échappait.",
    ),
    "open.goal.retrieve.stolen": (
        "Quelqu'un avait volé {O.short} pendant la nuit, et {H} avait promis de [O:le|la] "
        "retrouver.",
        "{O.short} avait disparu. La vitrine était vide, la serrure rayée, et {H} comptait bien "
        "{goal}.",
        "La nouvelle était simple et terrible : on avait volé {O.short}, et ce serait {H} qui "
        "[O:le|la] retrouverait.",
    ),
    "open.goal.retrieve": (
        "{O.full} avait disparu depuis trois jours, et {H} ne pensait à rien d'autre.",
        "{H} était [H:décidé|décidée] à {goal}, quel que soit le temps qu'il faudrait.",
        "Quelque part, il y avait {O.full}, et {H} comptait bien [O:le|la] trouver.",
    ),
    "open.goal.protect": (
        "{H} avait une tâche plus importante que toutes les autres : protéger {O.full}.",
        "Depuis des années, {H} veillait sur {O.full}, et rien ne l'avait jamais "
        "[O:menacé|menacée|menacés].",
        "{O.full} était [O:confié|confiée|confiés] à la garde de {H}, qui prenait cela très au "
        "sérieux.",
    ),
    "open.goal.mend": (
        "{O.full} était [O:cassé|cassée|cassés], et {H} cherchait depuis une semaine comment "
        "{goal}.",
        "Tout le monde disait qu'on ne pourrait jamais réparer {O.full}. {H} avait décidé que "
        "tout le monde se trompait.",
    ),
    "open.goal.mend.cursed": (
        "Une malédiction pesait sur {O.full}, et {H} avait juré de la lever.",
        "Depuis que la malédiction était tombée sur {O.full}, {H} ne pensait à rien d'autre.",
    ),
    "open.goal.rescue": (
        "On avait enlevé {G.full}, et {H} allait {goal}, coûte que coûte.",
        "Personne n'avait revu {G.full} depuis la veille, et {H} ne tenait plus en place.",
    ),
    "open.goal.reach": (
        "Depuis toujours, {H} rêvait d'{goal}.",
        "La route était longue, et {H} comptait en parcourir chaque kilomètre pour {goal}.",
    ),
    "open.made": (
        "{H} avait passé tout l'été à construire {M.un} avec des bouts de ferraille, et il ne "
        "manquait presque plus rien.",
        "Dans la remise attendait {M.un}, [M:construit|construite|construits|construites] boulon "
        "après boulon, presque [M:prêt|prête|prêts|prêtes] à partir.",
    ),
    "open.goal.face": (
        "{H} avait peur {T.de}, depuis toujours. Mais le chemin passait par {Z}, et {H} avait "
        "décidé d'{goal}.",
        "Il y avait une chose dont {H} avait peur : {T}. Et un endroit qui en était plein : {Z}. "
        "{H} voulait y aller quand même.",
    ),
    "open.goal.meet": (
        "Tout ce que {H} avait jamais souhaité, c'était {T.un}, et cette année, [H:il|elle] "
        "comptait bien [T:le|la|les] trouver.",
        "{H} avait beaucoup de choses, mais pas {T.un}, et [H:il|elle] en rêvait plus que tout.",
        "{H} l'avait décidé : quelque part, {T.un} l'attendait.",
    ),
    "open.goal.learn": (
        "Plus que tout, {H} voulait apprendre à {T.bare}, et cette année serait la bonne.",
        "Tout le monde disait qu'{H.un} ne pourrait jamais {T.bare}. {H} avait décidé de prouver "
        "le contraire.",
    ),
    "open.stakes": (
        "Le coupable n'avait presque rien laissé derrière lui, et c'était bien là le plus "
        "inquiétant.",
        "C'était l'œuvre de quelqu'un de prudent, de quelqu'un qui savait exactement ce qu'il "
        "faisait.",
        "On murmurait qu'une personne importante était mêlée à l'affaire, mais personne n'osait "
        "finir la phrase.",
        "Rien dans tout cela ne ressemblait à un hasard.",
    ),
    "open.rival": (
        "{R.full} voulait la même chose, et {R} ne jouait jamais franc jeu.",
        "Tout le monde savait que {R.full} était mêlé à l'affaire. Le prouver était une autre "
        "histoire.",
    ),
    "open.ally": (
        "{A.full}, {A.un}, avait accepté d'aider, surtout parce que {A} ne savait rien refuser à "
        "{H}.",
        "À côté de {H} se tenait {A.full}, qui posait de bonnes questions et portait un très "
        "grand parapluie.",
        "{A.full} arriva avant le petit déjeuner avec deux tasses de thé et un air soucieux.",
        "{H} n'était pas [H:seul|seule]. {A.full} avait insisté pour venir, et on ne faisait pas "
        "changer d'avis à {A}.",
        "{A.full} connaissait {H} depuis des années et lui faisait entièrement confiance.",
    ),
    "open.ally.twin": (
        "{A.full} était {A.un}, [A:lui|elle] aussi, et allait partout où allait {H}.",
        "Avec {H} venait {A.full}, {A.un} [A:lui|elle] aussi, plus [A:courageux|courageuse] "
        "et un peu plus [A:bruyant|bruyante].",
    ),
    "open.ally.kind": (
        "{A.full}, {A.un}, suivait {H} partout, et depuis des années.",
        "{H} n'allait nulle part sans {A.full}, {A.un} à l'œil vif et au grand cœur.",
        "{A.full}, {A.un}, avait accepté d'aider, surtout parce que {A} ne savait rien refuser "
        "à {H}.",
    ),
    "say.start": (
        "« Par où commencer ? » demanda {A}. « Ici même, répondit {H}. Au début. »",
        "« Je vais {goal}, dit {H}. Je ne sais pas encore comment, mais je vais le faire. »",
        "{A} se frotta les mains. « Alors ne perdons pas la matinée. »",
        "« Quelqu'un a forcément vu quelque chose, dit {H}. Il y a toujours quelqu'un. »",
    ),
    # --- Les étapes -----------------------------------------------------------------------
    "search.do": (
        "{H} fouilla {P} d'un bout à l'autre, <sous chaque table et derrière chaque porte|dans "
        "chaque coin et chaque recoin>.",
        "{H} commença à fouiller {P}, <lentement et avec soin|patiemment, pas à pas>, comme "
        "toujours.",
        "{they} passèrent <l'heure suivante|un long moment|une bonne partie de l'après-midi> à "
        "fouiller {P} <centimètre par centimètre|recoin par recoin>.",
        "{A} prit un côté et {H} l'autre, et {they} fouillèrent en silence.",
        "{H} s'agenouilla et examina <le sol|le plancher>, les murs et la moindre "
        "<trace|égratignure> {P.in}.",
        "Il devait bien y avoir quelque chose {P.in} que tout le monde avait manqué, alors {H} "
        "regarda <encore une fois|une dernière fois>.",
        "{H} passa {P} au peigne fin <méthodiquement|avec un œil neuf>, ouvrant ce qui pouvait "
        "s'ouvrir et soulevant ce qui pouvait se soulever.",
        "À chaque recoin {P.de}, {H} posait la même question : qu'est-ce que tu caches ?",
        "Lentement, patiemment, {H} explora {P} sans rien laisser au hasard.",
        "{H} arpenta {P} deux fois de bout en bout, comptant ses pas et remarquant tout.",
    ),
    "search.find": (
        "Coincé dans une <fente|fissure|encoignure> où personne n'aurait pensé à chercher, il y "
        "avait {C.un}.",
        "Ce fut {A} qui trouva : {C.un}, à moitié [C:caché|cachée|cachés] et <facile à "
        "manquer|presque invisible>.",
        "Enfin, les doigts de {H} se refermèrent sur {C.un}.",
        "Sous une <latte|pierre|dalle> mal fixée se trouvait {C.un}, et {H} {C.le} leva vers la "
        "lumière.",
        "Puis {H} aperçut {C.un}, et son cœur se mit à battre plus vite.",
        "« Regarde ça », dit {A} en brandissant {C.un}.",
        "Quelque chose brillait dans <la poussière|l'ombre>. C'était {C.un}.",
        "Derrière une rangée de <vieilles caisses|bocaux poussiéreux|manteaux oubliés>, {H} "
        "trouva {C.un}.",
        "{H} faillit passer à côté : un clou retenait {C.un}.",
        "Dans un vieux chiffon, comme si quelqu'un comptait revenir [C:le|la|les] chercher, il y "
        "avait {C.un}.",
    ),
    "examine.do": (
        "{H} tourna {C} <dans tous les sens|entre ses mains>, cherchant ce qui pourrait "
        "l'expliquer.",
        "{A} approcha {C} <de la lampe|de la fenêtre>, et {they} {C.le} examinèrent ensemble.",
        "Longtemps, {H} ne dit rien et se contenta de regarder {C}.",
        "{C} était [C:petit|petite|petits], mais {H} savait que les petites choses en disent "
        "souvent <le plus|davantage>.",
        "{H} examina {C} avec une loupe <tirée de sa poche|empruntée à {A}>.",
        "Le <soir|soir venu>, à la lueur d'une bougie, {H} regarda {C} une fois encore.",
        "{H} posa {C} sur la table et <attendit que tout prenne sens|{C.le} fixa jusqu'à ce que "
        "tout s'éclaire>.",
        "Il fallut <un moment|une bonne heure>, mais {H} finit par comprendre ce que disait {C}.",
        "{H} renifla {C}, [C:le|la|les] soupesa et fronça les sourcils.",
        "{H} posa {C} sur un mouchoir propre et [C:l'examina|l'examina|les examina] sous tous les "
        "angles.",
        "{C} [C:cachait|cachait|cachaient] plus qu'il n'y paraissait, et {H} comptait bien "
        "découvrir quoi.",
        "{H} leva {C} vers la lumière et remarqua un détail qui {H.lui} avait échappé.",
    ),
    "examine.place": (
        "<Un minuscule tampon|Une tache de peinture|Une étiquette délavée> sur {C} <trahissait "
        "tout|le disait clairement|suffit à {H}> : {Q}.",
        "Plus {H} regardait {C}, plus il devenait clair que cela <venait|provenait> {Q.de}.",
        "Un seul endroit à des lieues à la ronde <vendait|utilisait> une chose pareille : {Q}.",
        "Là, presque effacé, il y avait un nom : {Q}.",
        "« Ça vient {Q.de}, dit {H}. Je le reconnaîtrais n'importe où. »",
        "Tout indiquait <la même direction|une seule direction> : {Q}.",
        "{A} fronça les sourcils. « Ce n'est pas la marque qu'on utilise {Q.in} ? »",
        "Cela ne pouvait venir que d'un seul endroit, et cet endroit, c'était {Q}.",
        "Un <tampon|une étiquette|une trace de peinture> trahissait tout : {Q}.",
        "« {Q}, dit {H} <lentement|enfin>. Tout mène {Q.to}. »",
    ),
    "examine.person": (
        "On y voyait les initiales de {U.full}, brodées petites et bien nettes.",
        "{H} avait déjà vu exactement la même chose, et elle appartenait à {U.full}.",
        "« Je sais à qui c'est, dit {A} lentement. C'est à {U.full}. »",
        "Cela menait, sans le moindre doute, à {U.full}.",
        "Une seule personne {P.in} possédait une chose pareille : {U.full}.",
        "Un nom était gravé au dos, à peine visible : celui de {U.full}.",
        "{H} se rappelait exactement où {H.il} en avait vu un pareil : entre les mains de "
        "{U.full}.",
        "Tout, jusqu'au moindre détail, désignait {U.full}.",
    ),
    "travel.go": (
        "{team} partirent {Q.to} sans perdre une minute.",
        "{H} partit {Q.to} <aussitôt|sans hésiter>.",
        "La route {Q.to} était plus <longue|raide|étrange> que dans le souvenir de {H}, mais "
        "{H.il} finit par l'emprunter.",
        "{H} ouvrit la marche {Q.to}, {A} sur ses talons.",
        "Il fallut <plus de temps que prévu|presque toute la journée|bien trop longtemps> pour "
        "arriver {Q.to}.",
        "{H} se rendit {Q.to} en réfléchissant <tout le long du chemin|sans arrêt>.",
        "{H} acheta un billet et un sachet de caramels, puis partit {Q.to}.",
        "La route {Q.to} serpentait <encore et encore|par monts et par vaux|entre les champs et "
        "les fermes>, et {H} la suivit.",
        "{H} ne s'arrêta pas avant d'apercevoir {Q}.",
        "Quand {H} arriva {Q.in}, {H.il} avait mal aux pieds et la tête pleine de questions.",
        "{H} prit le chemin le plus court pour aller {Q.to}, qui n'était pas le plus facile.",
        "Sur la route {Q.de}, personne ne parla beaucoup : il y avait trop à réfléchir.",
    ),
    "arrive.town": (
        "{P} [P:grouillait|grouillait|grouillaient] de <charrettes et de voix|monde et de bruit>, "
        "et personne ne fit attention à {H}.",
        "Les ruelles étaient étroites et tortueuses, et chaque fenêtre semblait observer.",
        "On allumait les réverbères au moment où {H} arriva.",
        "Des étals <bordaient|encombraient> le chemin, et l'air sentait <l'orange|les épices|les "
        "marrons grillés>.",
    ),
    "arrive.hall": (
        "À l'intérieur, l'air était frais et sentait <la poussière et la cire|le vieux papier et "
        "la bougie>.",
        "Les pas résonnèrent quand {H} entra.",
        "{P} [P:était très silencieux|était très silencieuse|étaient très silencieux|étaient très "
        "silencieuses], de ce silence qui donne envie de chuchoter.",
        "Devant {H} s'ouvrait une salle <longue|sombre|haute> bordée de "
        "<portes|colonnes|vitrines>.",
    ),
    "arrive.shore": (
        "Le vent du large tirait sur le manteau de {H} quand {H.il} atteignit {P}.",
        "Des mouettes tournoyaient au-dessus {P.de} en criant comme si elles avaient des "
        "nouvelles.",
        "Les vagues claquaient contre les pierres.",
        "L'odeur <du sel et du goudron|des algues et des cordages> accueillit {H} bien avant "
        "d'arriver.",
    ),
    "arrive.wild": (
        "Le sol devint inégal quand {H} atteignit {P}.",
        "Il n'y avait personne d'autre ; rien que le vent et le bruit des pas.",
        "La mousse couvrait chaque pierre, douce et verte.",
        "Le sentier se fit étroit, les arbres se rapprochèrent, et {H} arriva enfin.",
    ),
    "arrive.space": (
        "Les portes s'ouvrirent en sifflant quand {H} entra.",
        "{P} [P:bourdonnait|bourdonnait|bourdonnaient] de machines, et des voyants clignotaient "
        "sur chaque paroi.",
        "Un souffle <frais|filtré|métallique> sortait des bouches d'aération.",
    ),
    "arrive.any": (
        "Enfin, {H} arriva {P.in}.",
        "{P} ne ressemblait pas du tout à ce que {H} avait imaginé.",
        "{H} arriva juste au moment où une cloche se mettait à sonner quelque part.",
        "Quand {H} arriva, la lumière <changeait|baissait déjà|devenait dorée>.",
    ),
    "witness.meet": (
        "{W.full}, {W.un}, balayait les marches {P.in} et leva les yeux quand {H} s'approcha.",
        "{H} n'était pas [H:seul|seule]. {W.full}, {W.un}, observait la scène avec une curiosité "
        "non dissimulée.",
        "« Vous cherchez {O}, n'est-ce pas ? » dit une voix. C'était {W.full}, {W.un}.",
        "{W.full} avait passé toute la nuit {P.in}, [W:disait-il|disait-elle], et avait vu bien "
        "des choses.",
        "[W:Un vieil ami|Une vieille amie] {A.de} était là : {W.full}, {W.un}, qui leur fit signe.",
        "{W.full} connaissait tous ceux qui allaient et venaient {P.in}, et aimait en parler.",
        "{H} remarqua {W.full}, {W.un}, qui faisait de gros efforts pour passer "
        "[W:inaperçu|inaperçue].",
        "Une voix <joyeuse|nerveuse|ensommeillée> lança : « Je peux vous aider ? » C'était "
        "{W.full}, {W.un}.",
    ),
    "witness.tell.person": (
        "« Il y avait quelqu'un ici cette nuit, dit {W}. {U.full}. Je [U:le|la] reconnaîtrais "
        "entre mille. »",
        "{W} baissa la voix. « Si vous voulez mon avis, surveillez {U.full}. »",
        "« {U.full} posait des questions sur {O} pas plus tard que la semaine dernière, dit {W}. "
        "Beaucoup de questions. »",
        "D'après {W}, on avait vu {U.full} dans les parages, bien plus tard qu'il n'était "
        "raisonnable.",
        "{W} hésita, puis prononça un nom : {U.full}.",
    ),
    "witness.tell.place": (
        "{W} <réfléchit un instant|se gratta la tête|regarda prudemment autour de [W:lui|elle]>, "
        "puis <désigna|montra du menton> {Q}.",
        "<La nuit dernière|Juste avant l'aube|Il y a une heure>, {W} avait vu quelqu'un se "
        "glisser {Q.in}, <en toute hâte|sans lumière|en regardant par-dessus son épaule>.",
        "{W} <jurait|était [W:sûr|sûre]> que la réponse se trouvait {Q.in}, <et nulle part "
        "ailleurs|quoi qu'on en dise>.",
        "<D'étranges lumières|Des bruits bizarres|Des visiteurs tardifs> : voilà ce que {W} avait "
        "remarqué {Q.in}.",
        "« Essayez {Q.in}, dit {W}. Ce qui disparaît finit souvent par y réapparaître. »",
        "{W} montra la rue. « Quelqu'un était très pressé d'aller {Q.to}. »",
        "« J'ai vu une lumière {Q.in}, dit {W}, à une heure où il ne devrait y avoir aucune "
        "lumière. »",
        "{W} avait entendu autre chose : il y avait d'étranges allées et venues {Q.in}.",
        "« À votre place, dit {W}, j'irais jeter un coup d'œil {Q.in}. »",
        "« Renseignez-vous {Q.in}, dit {W}. Les gens là-bas remarquent tout. »",
        "{W} baissa la voix. « Ce que vous cherchez, à ce qu'on dit, est parti {Q.to}. »",
        "À en croire {W}, tout ce qui s'était passé d'étrange cette semaine-là avait eu lieu "
        "{Q.in}.",
        "{W} expliqua deux fois le chemin jusqu'{Q.à}, puis une troisième fois pour être "
        "[W:sûr|sûre].",
    ),
    "talk.open": (
        "{H} retourna voir {W}, et cette fois {W.il} était [W:prêt|prête] à parler.",
        "{W} écouta tout ce que {H} avait à dire, puis hocha lentement la tête.",
        "{W} leva les yeux <en voyant entrer {H}|de son ouvrage>. « Je me doutais que vous "
        "reviendriez. »",
        "Il fallut une tasse de thé et beaucoup de patience, mais {W} finit par parler.",
    ),
    "obstacle.block": (
        "Une lourde porte barrait le passage, et la porte était fermée à clé.",
        "Un garde se tenait à l'entrée, les bras croisés, bien décidé à ne laisser passer "
        "personne.",
        "À mi-chemin, le sentier s'arrêtait net devant un éboulis de pierres.",
        "Il y avait une grille, et sur la grille pendait un cadenas gros comme le poing de {H}.",
        "Le pont <au-dessus du ravin|au-dessus de l'eau> était effondré, ses planches centrales "
        "disparues depuis longtemps.",
        "Quelqu'un avait emporté l'échelle, et sans elle, impossible de monter.",
        "<Sur la porte|Sur un panneau cloué à la grille|En travers de l'entrée>, en lettres "
        "<énormes|rouges|tordues>, on lisait : <fermé|défense d'entrer|ne pas déranger>.",
        "Une foule s'était massée en travers du chemin, et personne n'était pressé de bouger.",
        "Le seul passage était une fenêtre, très haute et très petite.",
        "L'eau avait recouvert le chemin, froide et plus profonde qu'elle n'en avait l'air.",
    ),
    "obstacle.solve": (
        "<D'une poussée et d'un grognement|Avec un peu d'aide et beaucoup de patience|Lentement, "
        "prudemment>, {H} <passa|trouva un chemin>.",
        "{A} avait une épingle à cheveux et beaucoup de patience, et au bout d'un moment la "
        "serrure fit un petit clic satisfait.",
        "{H} réfléchit, puis trouva un autre chemin que personne n'avait pris depuis des années.",
        "Au bout du compte, ce fut l'idée {A.de} qui les tira d'affaire, et {A} en fut très "
        "[A:fier|fière].",
        "{H} grimpa, glissa, rit de bon cœur et grimpa de nouveau, et enfin l'obstacle fut "
        "franchi.",
        "{H} parla, parla encore, jusqu'à ce que la voie soit libre, surtout parce que tout le "
        "monde en avait assez d'écouter.",
        "Il fallut toute l'astuce de {H} et un peu de chance, mais {H.il} passa.",
        "Un barreau <branlant|rouillé>, une bonne poussée et <beaucoup|un peu> de courage, et le "
        "passage fut ouvert.",
        "{H} attendit le bon moment, puis se glissa de l'autre côté pendant que personne ne "
        "regardait.",
        "Ce ne fut pas élégant, et une manche déchirée en témoignait, mais {H} passa.",
        "{H} trouva une planche branlante, un bout de corde et une meilleure idée, et cela suffit.",
    ),
    "rival.known": (
        "Ce soir-là, un mot était épinglé sur la porte. Il venait {R.de}, et il disait seulement "
        ": Trop tard.",
        "{R} était [R:passé|passée] avant eux, et tout {P.in} avait été mis sens dessus dessous.",
        "<Des portes ouvertes|Des tiroirs renversés|Des papiers partout> {P.in} : {R} était venu "
        "<quelques minutes plus tôt|avant l'aube|pendant l'absence de {H}>.",
        "<Un voisin|Un portier|Un petit garçon> raconta que {R} avait demandé {H} ce matin-là, "
        "<en souriant|sans laisser de message>.",
        "On raconta qu'on avait vu {R} tout près, très pressé, portant quelque chose de lourd.",
        "{R} avait encore une longueur d'avance, et cela ne plaisait pas du tout à {H}.",
        "Quelqu'un avait prévenu {R}. Quand {H} arriva, {R.il} avait déjà filé.",
        "Quelqu'un avait posé des questions sur {H} un peu partout {P.in}, et d'après la "
        "description, c'était {R}.",
        "{R} avait semé derrière [R:lui|elle] une traînée de petits mensonges, et chacun "
        "éloignait de la vérité.",
        "Il y avait des traces de pas toutes fraîches {P.in}, et c'étaient celles {R.de}.",
    ),
    "rival.unknown": (
        "Quand {H} revint, la porte était ouverte et la pièce avait été fouillée.",
        "Quelqu'un avait fouillé les affaires de {H}. Rien n'était cassé, mais tout avait été "
        "déplacé.",
        "On avait glissé un mot sous la porte : <Cessez de poser des questions.|Rentrez chez "
        "vous.|Laissez tomber.>",
        "Le coupable savait que {H} allait venir, et avait fait en sorte qu'il n'y ait rien à "
        "trouver.",
        "Les volets claquèrent, et une ombre s'éclipsa avant que quiconque puisse voir à qui elle "
        "appartenait.",
    ),
    "chase.see.known": (
        "<Un pan de manteau|Un chapeau familier|Une ombre rapide> au coin de la rue, et {H} sut "
        "aussitôt : {R}.",
        "{R} <fila|passa en hâte|se glissa> devant <la fenêtre|la porte|le bout de la rue>, <pas "
        "assez vite|trop tard pour se cacher>.",
        "Tout au bout, une silhouette familière s'éloignait à grands pas : {R}.",
        "« Là ! » s'écria {A}. C'était {R}, qui courait déjà.",
        "{H} leva les yeux juste à temps pour voir {R} se faufiler par une porte de service.",
        "Un chapeau, un manteau, un rapide coup d'œil en arrière : {R}, <sans aucun doute|à coup "
        "sûr>.",
        "{R} sortit d'une porte cochère {P.in}, aperçut {H} et tourna les talons.",
        "Un instant, {H} et {R} se regardèrent droit dans les yeux. Puis {R} prit la fuite.",
        "{H} reconnut une voix, rapide et basse, et aperçut {R} qui s'éloignait en hâte.",
    ),
    "chase.see.suspect": (
        "Une silhouette passa devant la fenêtre, et {H} aurait juré que c'était {U}.",
        "De l'autre côté, {U} les observait, et quand {H} leva les yeux, {U.il} s'enfuit.",
        "{H} aperçut {U}, qui tourna les talons dès que leurs regards se croisèrent.",
    ),
    "chase.see.stranger": (
        "Une silhouette en manteau gris les observait, et quand {H} fit un pas, elle s'enfuit.",
        "Quelqu'un écoutait à la porte. Il y eut des pas rapides, puis plus rien.",
        "Un inconnu encapuchonné jaillit de l'ombre et disparut.",
        "Un visage à la fenêtre, là puis déjà parti, et le bruit de pas qui couraient.",
    ),
    "chase.run": (
        "{H} <fila|fonça|se précipita> à sa poursuite, <en montant les marches quatre à quatre|en "
        "sautant dans chaque flaque|en se baissant sous les cordes à linge>.",
        "Ce fut une longue poursuite, <haletante|bruyante|peu glorieuse>, et {H} y <perdit un "
        "bouton|faillit perdre une botte|s'écorcha le genou>.",
        "{team} se lancèrent à sa poursuite, par des portes et des coins de rue, en descendant "
        "des marches et en les remontant.",
        "{H} se lança à sa poursuite, {A} soufflant derrière.",
        "La poursuite dura plus longtemps que prévu, jusqu'à ce que les poumons de {H} brûlent.",
        "{H} suivit aussi vite que possible, en évitant <charrettes et caisses|flaques et "
        "passants> et un chat très surpris.",
        "Par une ruelle, par-dessus un mur, devant un <boulanger|pêcheur|bouc> <ébahi|furieux> : "
        "la poursuite continua.",
    ),
    "chase.run.unknown": (
        "<À gauche, à droite, encore à gauche|Un coin de rue, puis un autre|Par une grille et à "
        "travers une cour> : {H} garda la silhouette en vue aussi longtemps que possible.",
        "{H} courut, et pendant un moment {H.il} fut [H:sûr|sûre] de rattraper la silhouette.",
    ),
    "chase.run.named": (
        "{H} courut après {Y}, <en criant son nom|sans un mot|à toutes jambes>.",
        "{Y} était rapide, mais {H} était [H:obstiné|obstinée], et pendant un moment l'écart se "
        "réduisit.",
        "{team} poursuivirent {Y} <dans les ruelles|à travers un dédale de cours|à travers la "
        "moitié de la ville>, sans jamais l'approcher d'assez près.",
    ),
    "chase.lose": (
        "La piste se perdit à un carrefour, mais là, par terre, il y avait {C.un}.",
        "Quand {H} atteignit le coin, il n'y avait plus personne, seulement {C.un} par terre.",
        "La poursuite s'acheva dans une impasse, et dans le caniveau il y avait {C.un}.",
        "Quand la poussière retomba, il ne restait que {C.un}.",
    ),
    "chase.lose.unknown": (
        "Mais la silhouette avait disparu. À l'endroit où elle s'était tenue, il ne restait que "
        "{C.un}.",
        "La silhouette s'échappa, mais dans sa hâte elle avait laissé tomber {C.un}.",
        "{H} la perdit dans la foule, non sans ramasser {C.un} sur les pavés.",
    ),
    "chase.lose.named": (
        "{Y} s'échappa, mais pas proprement : {C.un} gisait là où {Y.il} avait trébuché.",
        "Dans la cohue, {Y} disparut, et tout ce qui resta à {H} fut {C.un}.",
        "{Y} fut [Y:le plus rapide|la plus rapide]. {H} ne trouva que {C.un}, "
        "[C:perdu|perdue|perdus|perdues] dans la fuite.",
    ),
    "chase.gone": (
        "Mais au coin suivant il n'y avait personne, juste une rue vide et une porte qui battait "
        "encore.",
        "Et puis, tout simplement, il n'y eut plus personne à poursuivre.",
        "Les pas s'éloignèrent, et {H} n'entendit plus que son propre cœur.",
    ),
    "chase.gone.unknown": (
        "{H} s'arrêta, à bout de souffle. La silhouette connaissait ces rues bien mieux que "
        "[H:lui|elle].",
    ),
    "chase.gone.named": (
        "{Y} connaissait tous les raccourcis, et {H} n'en connaissait aucun.",
        "{Y} s'était de nouveau [Y:volatilisé|volatilisée], comme si {Y.il} n'avait jamais été là.",
    ),
    "reveal.how": (
        "Alors {H} comprit, et toutes les pièces s'assemblèrent d'un coup : c'était {R.full} "
        "depuis le début.",
        "La réponse était sous leurs yeux depuis le début. {R.full} avait pris {O}.",
        "{H} aligna tout ce qu'ils avaient trouvé, un indice après l'autre, et chacun d'eux "
        "désignait {R.full}.",
        "Il n'y avait aucun doute. Les traces, le mot, les mensonges soigneusement préparés : "
        "c'était {R.full}.",
    ),
    "reveal.react": (
        "« {R} ? s'écria {A}. Mais [R:il avait l'air si gentil|elle avait l'air si gentille] ! »",
        "{A} s'assit lourdement. « Je ne l'aurais jamais deviné. »",
        "« J'aurais dû le voir plus tôt, dit {H} doucement. Mais au moins, maintenant, nous "
        "savons à qui nous avons affaire. »",
        "Pendant un long moment, personne ne dit rien.",
    ),
    "twist": (
        "Mais une surprise les attendait : {O} n'était pas là où tout le monde [O:le|la|les] "
        "croyait, mais {Q.in}.",
        "Puis arriva une nouvelle qui changea tout : la piste continuait {Q.to}.",
        "Il s'avéra que la piste était fausse depuis le début ; la bonne menait {Q.to}.",
        "Une lettre arriva, avec une seule ligne, et cette ligne désignait {Q}.",
    ),
    "plan": (
        "<À minuit|Avant le dîner|Autour d'une théière>, le plan était arrêté : {Q}, <dès "
        "l'aube|sans attendre|en premier>.",
        "{H} <compta les faits sur ses doigts|fit les cent pas|fixa le plafond> jusqu'à ce que la "
        "réponse s'impose : {Q}.",
        "« <Tout commence|On commence> {Q.in} », dit {H} <en tapant sur la table|d'un hochement "
        "de tête ferme>.",
        "Ce soir-là, <{H} s'assit et dressa un plan|{they} s'assirent ensemble et dressèrent un "
        "plan>. D'abord {Q}, ensuite on verrait.",
        "« Nous allons {Q.to}, dit {H}, et sans faire de bruit. » {A} accepta aussitôt.",
        "{H} dessina une carte au dos d'une enveloppe et marqua {Q} d'une croix.",
        "{H} réfléchit jusqu'à ce que la bougie soit consumée, et à la fin {H.il} savait quoi "
        "faire.",
        "« {R} s'attend à ce que nous nous dépêchions, dit {H}. Alors nous n'en ferons rien. »",
        "{H} dressa une liste : ce qu'on savait, ce qu'on ignorait, et où aller ensuite. La "
        "réponse était {Q}.",
    ),
    "close_in.retrieve": (
        "Et là, derrière une vitre poussiéreuse, il y avait {O} : bien [O:réel|réelle], et tout "
        "proche.",
        "{H} aperçut {O}, juste un instant, avant qu'une porte ne se referme.",
        "{H} savait maintenant où l'on gardait {O}. [O:L'|L']atteindre serait une autre affaire.",
        "Quelqu'un avait vu {O} le matin même, apprit {H}, et pas très loin.",
    ),
    "close_in.protect": (
        "Pour la première fois, {H} vit qui rôdait la nuit autour {O.de} : une forme, une ombre, "
        "une lanterne tenue bas.",
        "{H} trouva des traces toutes fraîches juste à côté {O.de}. Quelqu'un s'était approché de "
        "très près.",
    ),
    "close_in.mend": (
        "{H} tenait la dernière pièce manquante. On pouvait enfin réparer {O}, s'il restait assez "
        "de temps.",
        "{H} avait presque tout ce qu'il fallait pour {goal}. Presque.",
    ),
    "close_in.rescue": (
        "{H} entendit une voix, faible mais reconnaissable entre toutes : {G}.",
        "Par une fenêtre haute, {H} aperçut {G}, [G:sain et sauf|saine et sauve], mais "
        "[G:enfermé|enfermée].",
    ),
    "close_in.reach": (
        "Du haut de la colline, {H} vit enfin {Z}, qui brillait au loin.",
        "Tous les panneaux disaient la même chose maintenant : {Z}, plus très loin.",
    ),
    "close_in.face": (
        "{Z} était juste devant, et {H} sentait {T} qui l'y attendait.",
        "{H} s'arrêta au bord {Z.de}, prit une inspiration et ne fit pas demi-tour.",
    ),
    "close_in.meet": (
        "{H} avait le sentiment que {T.un} était plus proche qu'[H:il|elle] ne le croyait.",
        "Quelqu'un avait demandé après {H}, disait-on : quelqu'un qui cherchait {T.un}, lui aussi.",
    ),
    "close_in.learn": (
        "{H} le sentait : encore un peu, et [H:il|elle] saurait {T.bare}.",
        "Encore un essai, pensa {H}, et [H:il|elle] saurait enfin {T.bare}.",
    ),
    "close_in.any": (
        "{H} était proche maintenant, plus proche que jamais.",
        "{H} le sentait : le bout de la piste n'était plus loin.",
    ),
    "confront.face": (
        "{R} attendait, et n'avait pas l'air surpris du tout.",
        "« Tiens, dit {R} avec un mince sourire. Vous m'avez [R:trouvé|trouvée]. »",
        "{H} s'avança. « C'est fini, {R}. »",
        "{R} se retourna lentement. « Je me demandais quand vous viendriez. »",
    ),
    "confront.escape": (
        "Mais {R} avait un dernier tour dans son sac, et avant que quiconque puisse bouger, "
        "{R.il} avait disparu.",
        "Il y eut un fracas et un nuage de poussière, et quand il se dissipa, {R} s'était "
        "[R:volatilisé|volatilisée].",
        "{R} s'esquiva en riant et disparut.",
        "Une porte claqua, une clé tourna, et {R} se retrouva de l'autre côté.",
    ),
    "confront.where": (
        "{H} <devinait|savait|était presque [H:sûr|sûre]> où {R} allait <fuir|se cacher|aller> : "
        "{Q.to}.",
        "<Il n'y avait qu'un seul endroit|Tout désignait un seul endroit> où {R} pouvait aller "
        "maintenant : {Q}.",
        "« {Q}, dit {H}. C'est là qu'{R.il} ira ensuite. »",
        "En s'enfuyant, {R} avait laissé échapper un mot, et ce mot était {Q}.",
        "Il n'était pas difficile de deviner où {R} était [R:allé|allée] : {Q.to}.",
    ),
    "setback": (
        "Quand {H} se retourna, {A} avait disparu. Il ne restait que son chapeau par terre.",
        "Un cri, une porte claquée, et {A} se retrouva [A:enfermé|enfermée] de l'autre côté.",
        "{A} était parti en éclaireur, et {A} ne revint pas.",
        "Un instant plus tôt, {A} était là ; l'instant d'après, il n'y avait plus qu'une fenêtre "
        "ouverte et le silence.",
    ),
    "rejoin": (
        "{H} retrouva enfin {A}, [A:enfermé|enfermée] dans un débarras et très [A:fâché|fâchée] "
        "de l'être.",
        "La porte s'ouvrit en grinçant, et {A} était là, indemne et [A:ravi|ravie] de revoir {H}.",
        "« Pourquoi as-tu mis tant de temps ? » demanda {A} en souriant, pendant que {H} "
        "défaisait les nœuds.",
        "{A} avait été [A:enfermé|enfermée] dans une cave, mais avait passé le temps en mangeant "
        "toutes les pommes qui s'y trouvaient.",
    ),
    "rest": (
        "{H} fit une halte sur un vieux muret au soleil, et pendant un moment, rien n'eut besoin "
        "d'être décidé.",
        "{A} raconta une longue histoire sur la chèvre de sa grand-mère, et même {H} éclata de "
        "rire.",
        "Il y avait <du pain et du fromage|de la soupe et des tartines|du thé et une part de "
        "gâteau>, et rien n'avait jamais eu si bon goût.",
        "Pendant quelques minutes, il n'y eut rien d'autre à faire que respirer, et {H} en fut "
        "reconnaissant.",
        "{A} fredonna une vieille chanson, et {H} reprit le refrain en chœur.",
        "{H} ferma les yeux dix minutes et se réveilla <deux fois plus malin|prêt à tout>.",
        "{H} s'assit un instant, et l'instant dura une demi-heure.",
        "Quelqu'un avait posé un banc exactement au bon endroit, et {H} y vit un signe.",
        "{H} mangea lentement une pomme et laissa ses pensées se poser.",
        "Pour une fois, personne ne poursuivait personne, et {H} en profita.",
    ),
    "lore.any": (
        "{O} avait une histoire, expliqua {A} : [O:fabriqué|fabriquée|fabriqués] il y a "
        "longtemps, et [O:perdu|perdue|perdus] plus d'une fois.",
        "On racontait que {O} avait déjà disparu une fois, il y a cent ans, et avait retrouvé "
        "seul le chemin de la maison.",
        "{H} se souvint de la première fois où {H.il} avait vu {O}, et de tout ce que cela "
        "représentait pour chacun.",
        "Il existait une vieille légende sur {O} : celui qui {O.le} portait ne se perdait jamais.",
        "{A} avait lu quelque chose sur {O} dans un vieux livre : l'histoire était plus riche "
        "qu'on ne le croyait.",
    ),
    "lore.rescue": (
        "{H} repensa à la dernière fois qu'{H.il} avait vu {G}, en train de rire d'une blague "
        "idiote.",
        "{H} pensa à {G}, et au courage qu'{G.il} avait toujours eu.",
    ),
    "lore.reach": (
        "On disait qu'il n'existait pas de plus bel endroit au monde que {Z}.",
        "Personne de l'entourage de {H} n'était jamais allé {Z.to}, et c'était justement pour "
        "cela que {H} voulait y aller.",
    ),
    "lore.face": (
        "On disait que {Z} était [Z:plein|pleine|pleins|pleines] {T.de}, et que ceux qui en "
        "avaient peur n'y entraient jamais.",
        "{A} disait que {T} ne faisait peur que tant qu'on ne [T:le|la|les] regardait pas en face.",
    ),
    "lore.meet": (
        "{A} disait qu'on trouve {T.un} le jour où l'on cesse de chercher si fort.",
        "{H} se souvenait qu'on lui avait dit que {T.un}, c'est ce qu'il y a de plus précieux au "
        "monde.",
    ),
    "lore.learn": (
        "{A} disait que personne n'apprend à {T.bare} du premier coup, ni du dixième.",
        "{H} se souvenait qu'on lui avait dit : pour apprendre à {T.bare}, il ne faut jamais "
        "abandonner.",
    ),
    "watch": (
        "{H} se cacha sous un porche et surveilla {P}, attendant de voir qui viendrait.",
        "{H} s'installa pour attendre, {A} à ses côtés, et observa.",
        "Les heures passèrent. Puis, enfin, quelque chose bougea.",
        "{H} resta immobile et silencieux, sans quitter la porte des yeux.",
    ),
    # --- Accroches : la dernière phrase, qui prépare l'étape suivante -------------------
    "hook.search": (
        "Quelque chose clochait {P.in}, et {H} comptait bien découvrir quoi.",
        "{H} avait le sentiment qu'on avait manqué quelque chose {P.in}.",
        "{P} [P:cachait|cachait|cachaient] un secret, {H} en était [H:sûr|sûre].",
    ),
    "hook.examine": (
        "{H} baissa les yeux sur {C}. Il y avait plus là-dedans qu'il n'y paraissait.",
        "Quelque chose {C.de} ne collait pas, et {H} ne pouvait pas laisser tomber.",
        "{H} ne pouvait s'empêcher de penser {C.à}.",
        "{C} voulait dire quelque chose à {H}. Il suffisait de bien regarder.",
        "{H} rangea {C}, mais ses pensées y revenaient sans cesse.",
        "Demain, décida {H}, {H.il} percerait le secret {C.de}.",
        "Il y avait une réponse dans {C}, {H} l'aurait parié.",
    ),
    "hook.travel": (
        "<Demain|Dès le matin|Bientôt>, <décida|se promit> {H}, ce serait {Q}.",
        "Et {H} savait où aller ensuite : {Q.to}.",
        "Désormais, tout menait {Q.to}.",
        "À la tombée de la nuit, {H} ne pensait plus qu'{Q.à}.",
    ),
    "hook.witness": (
        "À cet instant précis, quelqu'un frappa à la porte.",
        "Une voix appela derrière {H}.",
        "Quelqu'un observait depuis le début, et ce quelqu'un fit un pas en avant.",
        "On toussota poliment. Quelqu'un voulait dire un mot.",
    ),
    "hook.obstacle": (
        "Mais la suite du chemin n'allait pas être facile.",
        "C'est précisément alors que {H} entendit la clé tourner dans la serrure.",
        "Et puis {H} vit ce qui barrait la route.",
    ),
    "hook.rival": (
        "Tout près, une porte se referma avec un petit clic.",
        "Personne ne remarqua la silhouette qui observait depuis l'autre côté.",
        "Quelqu'un, quelque part, n'appréciait pas du tout les questions de {H}.",
    ),
    "hook.chase": (
        "Au bout de la rue, une ombre bougea.",
        "Et puis {H} vit quelqu'un qui n'aurait vraiment pas dû se trouver là.",
        "Des pas, rapides et légers, s'éloignèrent dans l'obscurité.",
    ),
    "hook.reveal": (
        "Et puis {H} remarqua chez {U} quelque chose qui changeait tout.",
        "Une phrase de {U} continuait de tracasser {H}.",
        "{H} pensa à {U}, et une idée très désagréable commença à germer.",
    ),
    "hook.twist": (
        "Et puis un messager arriva avec une nouvelle que personne n'attendait.",
        "Mais l'histoire allait prendre un tournant que personne n'avait vu venir.",
    ),
    "hook.plan": (
        "Il fallait un plan, et vite.",
        "{H} s'assit, prit un crayon et se mit à réfléchir.",
    ),
    "hook.close_in": (
        "{O} était tout proche à présent. {H} le sentait.",
        "{G} était tout proche à présent. {H} le sentait.",
        "{Z} n'avait jamais été aussi proche.",
        "Tout près, {O} attendait.",
    ),
    "hook.confront": (
        "Quelque part devant, {R} attendait.",
        "{H} le savait : la prochaine fois qu'{H.il} verrait {R}, il n'y aurait plus de fuite "
        "possible.",
    ),
    "hook.setback": (
        "Personne ne remarqua que {A} s'était [A:éloigné tout seul|éloignée toute seule].",
        "{A} dit que ce ne serait l'affaire que d'une minute.",
    ),
    "hook.rejoin": (
        "{H} n'abandonnerait pas {A}. Ni maintenant, ni jamais.",
        "Quelque part, {A} attendait que {H} vienne.",
    ),
    "hook.rest": (
        "La journée avait été longue, et elle n'était pas finie.",
        "Même les plus braves ont parfois besoin de s'asseoir.",
    ),
    "hook.lore": (
        "{A} se taisait, comme [A:s'il|si elle] en savait plus sur {O} qu'[A:il|elle] ne l'avait "
        "dit.",
        "{H} se doutait que l'histoire {O.de} n'avait pas encore été racontée en entier.",
    ),
    "hook.watch": (
        "{H} se doutait que quelqu'un viendrait, à condition d'attendre assez longtemps.",
        "Le mystérieux visiteur reviendrait. {H} en était [H:sûr|sûre].",
    ),
    "hook.any": (
        "Et c'est là que les choses devinrent intéressantes.",
        "Puis, tout doucement, quelque chose changea.",
        "Et personne n'était prêt pour ce qui allait suivre.",
    ),
    # --- Transitions : le début d'une partie quand personne n'a rien demandé ---------
    "bridge.dawn": (
        "L'aube se leva <grise et lente|rose et froide|sans bruit>.",
        "Dès l'aube, {H} était debout et laçait ses bottes.",
        "Les premiers oiseaux chantaient quand {H} se remit en route.",
    ),
    "bridge.morning": (
        "Le lendemain matin fut <clair et froid|doux et brumeux|balayé par un vent vif>.",
        "Le matin arriva avec une odeur de pain grillé et le bruit de la pluie.",
        "Après un petit déjeuner <rapide|pris sur le pouce|encore ensommeillé>, {H} fut "
        "[H:prêt|prête] à continuer.",
    ),
    "bridge.noon": (
        "À midi, le soleil était haut, et les espoirs de {H} aussi.",
        "Midi vint et passa sans que personne ne s'en aperçoive.",
        "Les cloches sonnèrent midi quand {H} reprit sa route.",
    ),
    "bridge.afternoon": (
        "L'après-midi s'étira.",
        "Après un déjeuner rapide, {H} se remit en chemin.",
        "Les ombres s'allongeaient déjà.",
    ),
    "bridge.evening": (
        "Le soir tomba, et l'on alluma les lanternes une à une.",
        "Le soleil se couchait quand {H} fut [H:prêt|prête].",
        "Il faisait presque nuit, et la journée n'était pas terminée.",
    ),
    "bridge.night": (
        "La nuit était tombée, mais {H} n'avait pas envie de dormir.",
        "Il était tard, et la lune s'était levée.",
        "Quelque part, une horloge sonna minuit.",
    ),
    "bridge.any": (
        "Il n'y avait pas de temps à perdre.",
        "{H} n'attendit pas longtemps.",
        "Après cela, tout alla très vite.",
        "{H} prit une grande inspiration et continua.",
    ),
    # --- Dialogues ---------------------------------------------------------------------------
    "say.goal": (
        "« Je vais {goal}, dit {H}. Quoi qu'il en coûte. »",
        "« Tu crois vraiment qu'on peut y arriver ? » demanda {A}. « Il le faut, répondit {H}. Il "
        "faut {goal}. »",
        "{A} regarda {H}. « Tu ne penses qu'{O.à}, pas vrai ? »",
        "« Chaque pas me rapproche {O.de} », dit {H}, <surtout pour [H:lui-même|elle-même]|à voix "
        "basse>.",
        "« Quand tout sera fini, dit {A}, je ferai une très longue sieste. » {H} sourit. « "
        "D'abord, il faut {goal}. »",
        "{H} parlait peu, mais chacune de ses pensées allait {O.à}.",
        "« Personne d'autre ne le fera, dit {H}. Alors c'est moi qui vais {goal}. »",
        "{A} demanda ce que {H} ferait une fois {O} [O:retrouvé|retrouvée|retrouvés]. « Respirer "
        "», répondit {H}.",
        "« On ne rentre pas sans {O} », dit {H}.",
        "« Redis-moi pourquoi on fait tout ça, demanda {A}. — Parce que personne d'autre ne le "
        "fera », répondit {H}.",
        "Chaque fois que {H} fermait les yeux, {H.il} voyait {O}.",
        "{H} n'avait plus qu'une idée en tête : {goal}.",
    ),
    "say.worry": (
        "« Ça ne me plaît pas, dit {A}. C'est <trop calme|beaucoup trop calme|louche>. »",
        "« Et si on arrivait trop tard ? » demanda {A}.",
        "{H} ne le dit pas, mais {H.il} était [H:inquiet|inquiète].",
        "« Quelque chose ne va pas », murmura {H}.",
        "{A} ne cessait de jeter des coups d'œil par-dessus son épaule.",
        "{H} avait l'étrange impression d'être [H:observé|observée].",
        "« Tu as entendu ? » chuchota {A}. {H} tendit l'oreille, mais le bruit ne revint pas.",
        "{H} compta en silence tout ce qui pouvait mal tourner, et s'arrêta à sept.",
        "« On baisse la garde, dit {H}. Et c'est comme ça qu'on se fait prendre. »",
        "{A} était plus [A:silencieux|silencieuse] que d'habitude, et ce n'était jamais bon signe.",
    ),
    "say.hope": (
        "« On y est presque, dit {H}. Je le sens. »",
        "{A} sourit. « On est allés si loin. Ce n'est pas le moment d'abandonner. »",
        "« Tout ira bien », dit {A}, et pour une fois {H} le crut.",
        "{H} sourit pour la première fois <de la journée|depuis des heures|depuis le matin>.",
        "« Encore un indice, dit {H}. Un seul, et on y sera. »",
        "Pour la première fois depuis longtemps, {H} se sentit [H:chanceux|chanceuse].",
        "« Tu sais quoi ? dit {A}. Je crois qu'on va vraiment y arriver. »",
        "{H} se surprit à fredonner, et ne s'arrêta pas.",
        "Pendant un instant, tout cela ressembla moins à un problème qu'à une énigme, et {H} "
        "adorait les énigmes.",
        "« Quoi qu'il arrive maintenant, dit {A}, je suis [A:content d'être venu|contente d'être "
        "venue]. »",
    ),
    "say.plan": (
        "« D'abord on regarde, ensuite on écoute, dit {H}. Puis on décide. »",
        "« On devrait se séparer, dit {A}. — Pas question », répondit {H}.",
        "« Reste près de moi, dit {H}, et garde les yeux ouverts. »",
        "« Doucement, dit {H}. Quelqu'un veut qu'on se précipite. »",
        "« On entre sans bruit, on regarde, on ressort, dit {H}. Pas d'héroïsme. » {A} n'avait "
        "pas l'air [A:convaincu|convaincue].",
        "{H} traça une carte grossière dans la poussière avec un bâton et marqua chaque endroit "
        "déjà fouillé.",
        "« Si on est séparés, dit {H}, on se retrouve ici. D'accord ? — D'accord », dit {A}.",
        "{H} fit le point dans sa tête : ce qu'{H.il} savait, ce qu'{H.il} devinait seulement, et "
        "ce qui manquait encore.",
    ),
    "say.joke": (
        "« Si je me perds, dit {A}, dites à tout le monde que j'ai été [A:courageux|courageuse]. »",
        "{A} trébucha sur ses propres pieds et fit semblant de l'avoir fait exprès.",
        "« La prochaine fois, dit {A}, on vivra une aventure dans un endroit où il y a des "
        "chaises. »",
        "« Je n'ai pas peur, dit {A}. Mes genoux, si, mais pas moi. »",
        "{A} prétendit avoir un plan. Le plan se révéla être un sandwich.",
        "« Pour info, dit {A}, rien de tout ça n'était dans la brochure. »",
        "{A} offrit le dernier biscuit {H.à}, puis le mangea avant qu'{H.il} ait pu répondre.",
        "« J'ai décidé d'être [A:courageux|courageuse], dit {A}. Je te préviendrai quand ça "
        "passera. »",
        "{A} essaya de siffler un air héroïque et n'en tira que deux notes.",
    ),
    "say.clue": (
        "« Pourquoi laisser {C} derrière soi ? » demanda {A}. « Parce qu'on était pressé », "
        "répondit {H}.",
        "{H} glissa {C} <avec précaution|soigneusement> dans sa <poche|besace>.",
        "« {C} est le premier vrai indice <depuis des jours|jusqu'ici> », dit {A}.",
        "{H} enveloppa {C} dans un mouchoir, <au cas où|comme si cela risquait de se briser>.",
        "« Ne perds surtout pas ça », dit {A} en désignant {C}.",
    ),
    "say.suspect": (
        "« Je ne fais pas confiance {U.à}, dit {A}. — Moi non plus, dit {H}. Pas encore. »",
        "{H} repensait sans cesse {U.à}, et à sa façon de détourner le regard.",
        "« Que sait-on vraiment {U.de} ? » demanda {A}. Personne n'avait de réponse.",
        "{U} avait été <trop serviable|trop prompt à répondre>, pensa {H}.",
    ),
    "say.culprit": (
        "« {R} ne lâchera pas si facilement », dit {A}.",
        "« Pourquoi {R} [R:a-t-il|a-t-elle] fait ça ? » demanda {A}. {H} secoua la tête. « C'est "
        "ce que nous allons découvrir. »",
        "« {R} a commis une erreur, dit {H}. Et je l'ai remarquée. »",
        "{H} pensa {R.à}, et à chaque sourire qui avait caché un mensonge.",
    ),
    # --- Décors ----------------------------------------------------------------------------
    "say.recall.found": (
        "« Personne ne laisse traîner {C.un} {Q.in} par hasard », dit {H}.",
        "{H} ressortit {C} et [C:le|la|les] tourna entre ses doigts. Quelqu'un [C:l'avait "
        "laissé|l'avait laissée|les avait laissés] {Q.in}, et pas sans raison.",
        "« Je n'arrête pas de penser {C.à}, dit {A}. Celui qui [C:l'a perdu|l'a perdue|les a "
        "perdus] {Q.in} était drôlement pressé. »",
    ),
    "say.recall.met": (
        "{H} repensait sans cesse à ce que {X} avait dit {Q.in}.",
        "« Qu'est-ce que tu penses {X.de} ? » demanda {A}. {H} réfléchit longuement. « Je ne sais "
        "pas encore. »",
        "{H} se demandait où était {X} à présent, et ce qu'{X.il} faisait.",
    ),
    "say.recall.moved": (
        "« Tu te souviens {Q.de} ? dit {A}. Je croyais que ce serait le plus dur. »",
        "{H} repensa {Q.à} et à tout ce qui s'y était passé. Cela semblait déjà si loin.",
        "Depuis {Q}, la piste n'avait fait que devenir plus <étrange|embrouillée|difficile à "
        "suivre>.",
    ),
    "say.recall.clue_person": (
        "« Si {C} désigne vraiment {X}, dit {A}, alors quelque chose nous échappe. »",
        "Si {C} [C:menait|menait|menaient] jusqu'à {X}, ce n'était pas un hasard, et {H} comptait "
        "bien savoir pourquoi.",
    ),
    "say.recall.escaped": (
        "« La prochaine fois, {X} ne nous échappera pas », dit {H}, et {H.il} le pensait.",
        "{H} n'avait toujours pas digéré que {X} ait filé entre ses doigts.",
    ),
    "say.recall.asked": (
        "{H} repassait mot à mot ce que {X} avait raconté.",
        "« Tu crois ce que {X} nous a raconté ? » demanda {A}. « En partie », répondit {H}.",
    ),
    "scene.town": (
        "Une <charrette|carriole|voiture à bras> passa dans un <bruit de ferraille|fracas>, "
        "<chargée de tonneaux|remplie de caisses>.",
        "Quelque part, un chien aboya, et quelqu'un lui cria de se taire.",
        "Une odeur de <pain frais|café grillé|oignons frits> s'échappait d'une porte ouverte.",
        "Du linge pendait entre les maisons et claquait comme des drapeaux.",
        "Une cloche sonna l'heure, et des pigeons s'envolèrent au-dessus des toits.",
        "Des enfants passèrent en courant, riant d'une blague qu'eux seuls comprenaient.",
        "Les commerçants relevaient leurs volets un à un.",
        "Un musicien des rues jouait un air <triste|joyeux|bancal> <au violon|à la flûte|à "
        "l'accordéon>.",
        "Un chat les observait depuis un rebord de fenêtre, l'air profondément désapprobateur.",
        "Quelque part, une bouilloire se mit à siffler.",
    ),
    "scene.hall": (
        "Des portraits les regardaient depuis les murs, et leurs yeux peints suivaient chaque pas.",
        "La poussière dansait dans la pâle lumière des hautes fenêtres.",
        "Quelque part, une horloge faisait tic-tac, lente et lourde.",
        "Le parquet craquait sous les pas.",
        "Chaque voix paraissait bien trop forte dans les longs couloirs.",
        "Un courant d'air fit bouger les rideaux, bien que toutes les fenêtres soient fermées.",
        "<Une armure|Un buste de marbre|Un hibou empaillé> trônait dans un coin, l'air déçu.",
    ),
    "scene.shore": (
        "La mer était grise et agitée, et les mouettes ne cessaient de se plaindre.",
        "Il y avait du sel dans l'air, sur les lèvres et dans les cheveux.",
        "Les bateaux cognaient doucement contre le quai.",
        "Au loin, une cloche de navire sonnait.",
        "La marée descendait, laissant derrière elle une vase luisante et de petites flaques.",
        "<Des filets|Des cordages|Des casiers> s'entassaient sur les pierres et sentaient "
        "<fort|un peu> le poisson.",
    ),
    "scene.wild": (
        "Des oiseaux s'appelaient quelque part, hors de vue.",
        "L'herbe était mouillée de rosée et trempait les bottes.",
        "Un ruisseau babillait tout près.",
        "Des insectes bourdonnaient dans l'air tiède.",
        "Le sentier serpentait, et le ciel au-dessus paraissait immense.",
        "<Un lapin|Un chevreuil|Un renard> se figea, les fixa, puis disparut dans <les "
        "fougères|les hautes herbes>.",
    ),
    "scene.space": (
        "Derrière le hublot, les étoiles tournaient lentement.",
        "Les recycleurs d'air ronronnaient, réguliers comme une respiration.",
        "Un drone de maintenance passa en vrombissant, occupé à ses propres affaires.",
        "Les voyants d'alerte clignotèrent en orange, puis redevinrent verts.",
        "Quelque part en dessous, les moteurs <ronronnaient|grondaient> comme un très grand chat "
        "très patient.",
    ),
    "scene.any": (
        "Le vent se leva, puis retomba.",
        "Un nuage passa devant le soleil, et pendant un instant tout devint gris.",
        "L'air sentait la pluie qui n'était pas encore tombée.",
        "Au loin, quelqu'un chantait.",
        "Le temps semblait passer lentement, comme toujours quand on attend quelque chose.",
        "<Un papillon de nuit|Une abeille|Un scarabée> passa en bourdonnant, tout occupé à sa "
        "propre petite aventure.",
        "La lumière devint <dorée|argentée|douce et bleutée>, comme juste avant que les choses "
        "changent.",
        "Une rafale de vent tira sur les manteaux.",
        "Les ombres s'étaient allongées sans que personne s'en aperçoive.",
        "Quelque part, une porte grinça et ne se referma pas.",
        "Quelques feuilles filèrent sur le sol, comme si elles étaient en retard.",
        "L'air était si immobile que chaque pas résonnait.",
    ),
    "mood.eerie": (
        "Un souffle froid effleura la nuque de {H}, alors qu'aucune fenêtre n'était ouverte.",
        "Quelque part, tout doucement, quelqu'un sifflait un air que personne ne connaissait.",
        "Les ombres semblaient plus longues qu'elles n'auraient dû l'être.",
        "Une porte s'ouvrit toute seule, puis se referma lentement.",
        "Les flammes des bougies s'inclinèrent <sur le côté|toutes dans le même sens>, comme si "
        "quelqu'un avait soufflé dessus.",
    ),
    "mood.funny": (
        "Une oie surgit de nulle part, dévisagea {H} d'un air soupçonneux, puis s'en alla.",
        "{A} éternua si fort que trois pigeons s'envolèrent, paniqués.",
        "Un petit chien décida que le lacet de {H} était un ennemi et l'attaqua vaillamment.",
        "Le chapeau de quelqu'un s'envola et roula très, très loin.",
        "<Un perroquet|Un très vieux monsieur|Un petit enfant> dit quelque chose d'extrêmement "
        "impoli, puis sourit avec douceur.",
    ),
    "mood.tense": (
        "Chaque seconde comptait désormais.",
        "Le cœur de {H} battait à tout rompre.",
        "Personne n'osait respirer trop fort.",
        "Quelque part, une horloge égrenait les secondes, et chaque tic-tac sonnait comme un "
        "avertissement.",
        "{H} gardait <une main sur la porte|les yeux rivés sur les ombres>, [H:prêt|prête] à tout.",
    ),
    "weather.storm": (
        "Le tonnerre <grondait|roulait|grognait> au loin.",
        "Le vent hurlait et tirait sur tout ce qui n'était pas attaché.",
        "Un éclair illumina tout d'une lumière blanche, puis laissa le monde plus sombre qu'avant.",
    ),
    "weather.rain": (
        "La pluie tambourinait sur tous les toits.",
        "Le manteau de {H} était trempé, et ses bottes faisaient floc.",
        "La pluie coulait sur les vitres en longs filets argentés.",
    ),
    "weather.snow": (
        "La neige tombait doucement, effaçant toutes les traces de pas.",
        "Chaque souffle formait un petit nuage dans l'air froid.",
        "La neige crissait sous les pas.",
    ),
    "weather.fog": (
        "Le brouillard était si épais qu'on ne voyait pas à trois pas.",
        "Des formes surgissaient du brouillard et se révélaient être des réverbères.",
        "Quelque part dans le brouillard, une corne de brume gémit.",
    ),
    "weather.dark": (
        "Dans le noir, chaque bruit semblait plus fort.",
        "{H} avança à tâtons le long du mur, pas à pas.",
        "Une allumette craqua, et pendant un instant il y eut de la lumière.",
    ),
    "remind.retrieve": (
        "{O} était toujours <quelque part|introuvable|bien [O:caché|cachée|cachés]>.",
        "{H} pensa {O.à} et pressa le pas.",
        "Quelque part, {O} attendait d'être [O:retrouvé|retrouvée|retrouvés].",
        "Tant qu'on n'aurait pas retrouvé {O}, personne ne se reposerait.",
        "{H} n'oubliait pas {O}, pas une <seconde|minute|seule heure>.",
        "Chaque indice, {H} le savait, [H:le|la] rapprochait {O.de}.",
        "Penser {O.à} faisait avancer {H}, <même quand ses pieds étaient fatigués|longtemps après "
        "la tombée de la nuit>.",
        "<Où|Mais où donc> se trouvait {O} à présent ? {H} <se le demandait sans cesse|ne pouvait "
        "s'empêcher de se le demander>.",
    ),
    "remind.protect": (
        "{H} vérifia encore {O} : toujours en sécurité, pour l'instant.",
        "{H} ne laisserait rien arriver {O.à}. Pas tant qu'{H.il} serait là.",
        "{O} était toujours en sécurité, et {H} comptait bien que cela dure.",
        "Toutes les deux ou trois heures, {H} retournait voir {O}, juste pour être [H:sûr|sûre].",
        "<Quoi qu'il arrive|Qui que ce soit qui vienne|Aussi longtemps qu'il le faudrait>, {O} "
        "resterait en sécurité. {H} <l'avait promis|l'avait juré|y veillerait>.",
    ),
    "remind.mend": (
        "{O} était toujours [O:cassé|cassée|cassés] et attendait.",
        "Chaque heure où {O} restait [O:cassé|cassée|cassés] rendait {H} plus "
        "[H:déterminé|déterminée].",
        "{H} pensait sans cesse {O.à} et à la façon de [O:le|la] réparer.",
        "<D'une façon ou d'une autre|Tôt ou tard|Quoi qu'il arrive>, {O} serait "
        "[O:réparé|réparée|réparés]. {H} <en était [H:sûr|sûre]|y veillerait|l'avait décidé>.",
    ),
    "remind.rescue": (
        "Quelque part, {G} attendait {H}.",
        "{H} pensa {G.à} et refusa de ralentir.",
        "{G} comptait sur {H}, et {H} le savait.",
        "<Tiens bon|Plus très longtemps|Attends-moi>, pensa {H} en <songeant|pensant> {G.à}.",
    ),
    "remind.reach": (
        "{Z} était encore loin.",
        "Chaque pas rapprochait {H} {Z.de}.",
        "{H} regarda en direction {Z.de} et continua.",
        "<Quelque part devant|Derrière la prochaine colline|Plus si loin>, {Z} attendait.",
    ),
    "remind.face": (
        "{H} pensa {T.à} et frissonna, mais continua vers {Z}.",
        "{Z} était encore devant, et {T} avec [Z:lui|elle|eux|elles].",
        "{H} avait toujours peur {T.de}. [H:Il|Elle] continua quand même.",
        "Chaque pas rapprochait {H} {Z.de}, et {T.de}.",
        "{H} ne voulait pas penser {T.à}, alors [H:il|elle] pensa {Z.à}.",
        "Plus {Z} approchait, plus {H} pensait {T.à}.",
        "« Tu penses encore {T.à}, dit {A}. » {H} ne le nia pas.",
        "{H} se répéta que {T} ne pouvait faire de mal à personne. Cela n'aidait pas beaucoup.",
    ),
    "remind.meet": (
        "{H} espérait toujours, plus que tout, trouver {T.un}.",
        "<Quelque part|Quelque part là-bas|Pas si loin>, {H} le sentait, il y avait {T.un}.",
        "{H} regardait chaque visage en se demandant : et si c'était {T.un} ?",
        "Ce que {H} voulait le plus, c'était toujours {T.un}.",
        "{H} imagina ce que ce serait d'avoir {T.un}, et pressa le pas.",
        "Si tout se passait bien, pensa {H}, il y aurait peut-être {T.un} au bout du chemin.",
        "{H} n'avait pas renoncé à trouver {T.un}. Pas du tout.",
        "Quelqu'un qui reste : voilà ce que {H} voulait dire par {T.un}.",
    ),
    "remind.learn": (
        "{H} s'entraînait dès que personne ne regardait. Un jour, [H:il|elle] saurait {T.bare}.",
        "{H} n'avait pas oublié : [H:il|elle] allait apprendre à {T.bare}.",
        "À chaque moment de libre, {H} réfléchissait à la façon de {T.bare}.",
        "« Tu essaies toujours de {T.bare} ? » demanda {A}. {H} hocha la tête. « Toujours. »",
        "{H} essaya encore une fois de {T.bare}, et s'en approcha un peu plus.",
        "Quelque part dans tout cela, {H} le sentait, se cachait le secret pour {T.bare}.",
    ),
    "remind.any": (
        "<Rien|Personne|Pas même le mauvais temps> n'arrêterait {H} désormais : il s'agissait "
        "toujours de {goal}.",
        "{H} se <rappela|répéta|murmura> pourquoi tout cela : {goal}.",
        "{H} n'avait pas oublié l'essentiel : {goal}.",
        "<Quoi qu'il arrive|Advienne que pourra|Coûte que coûte>, {H} allait {goal}.",
        "{H} repensa à la raison de son départ : {goal}.",
        "<Tout ce que voulait {H}|La seule chose que voulait {H}|Ce que {H} voulait le plus>, "
        "c'était {goal}, <et vite|rien d'autre|avant qu'il ne soit trop tard>.",
        "<Demain|Aujourd'hui même|Bientôt>, se <promit|jura> {H}, {H.il} allait {goal}.",
        "Chaque pas rapprochait {H} d'un seul but : {goal}.",
        "{H} s'accrochait à la seule chose claire : il fallait {goal}.",
        "Quoi qu'il arrive, le but de {H} restait le même : {goal}.",
    ),
    "hero.any": (
        "{H} prit une profonde inspiration.",
        "{H} resserra son manteau et continua.",
        "{H} écouta, attendit et réfléchit.",
        "{H} redressa les épaules.",
    ),
    "hero.kind": (
        "Ce n'était pas facile d'être {H.un}, mais {H} n'avait jamais voulu être autre chose.",
        "Après tout, {H} était {H.un}, et continua comme {H.un} l'aurait fait.",
        "On n'attendait pas grand-chose de {H.un}. {H} allait tous les surprendre.",
        "{H}, qui était {H.un}, remarquait ce que les autres ne voyaient pas.",
        "C'était beaucoup demander à {H.un}, mais {H} ne se plaignit pas.",
    ),
    # --- Ce que les lecteurs ont demandé, raconté comme un événement ------------------
    "steer.reveal": (
        "La vérité éclata enfin : c'était {X.full} qui se cachait derrière tout cela.",
        "C'était donc {X.full}. Chaque mensonge et chaque fausse piste prenaient maintenant tout "
        "leur sens.",
        "{H} prononça le nom à voix haute, et il sonna juste aussitôt : {X.full}.",
    ),
    "steer.steal": ("C'était {X.full} qui l'avait pris. Il n'y avait plus aucun doute.",),
    "steer.betray": (
        "{X.full} se retourna contre {H} sans le moindre avertissement.",
        "{X.full} avait été dans l'autre camp depuis le début.",
    ),
    "steer.join": (
        "C'est alors qu'arriva {X.full}, [X:essoufflé|essoufflée] et plein de nouvelles.",
        "La porte s'ouvrit sur {X.full}, {X.un}, qui secouait la pluie de son manteau.",
        "{X.full} se joignit à {H}, et personne ne le regretta.",
    ),
    "steer.befriend": (
        "{X.full} décida d'aider {H}, et le dit franchement.",
        "Dès lors, {X.full} fut du côté de {H}.",
    ),
    "steer.leave": (
        "{X.full} dit au revoir et s'en alla, et tout parut plus vide sans [X:lui|elle].",
        "{X} devait partir. Un dernier signe depuis la porte, et {X.il} disparut.",
    ),
    "steer.capture": (
        "{X.full} avait été [X:capturé|capturée], et {H} jura de [X:le|la] ramener.",
        "On avait emmené {X.full}. {H} serra les poings sans rien dire.",
    ),
    "steer.cleared": (
        "{U} était donc [U:innocent|innocente] depuis le début. {H} regretta un peu chaque regard "
        "soupçonneux.",
        "{U} avait donc dit la vérité. {H} se promit de s'excuser.",
    ),
    "steer.tone.eerie": (
        "À partir de cet instant, tout {P.in} parut plus froid et plus étrange.",
        "La lumière changea, et les ombres semblèrent se mettre à écouter.",
    ),
    "steer.tone.funny": (
        "Et alors, comme si le monde avait décidé de remonter le moral à tout le monde, tout se "
        "mit à aller de travers de la façon la plus ridicule.",
    ),
    "steer.tone.tense": ("Dès lors, chaque minute compta.",),
    "steer.tone.warm": (
        "Curieusement, tout sembla plus chaleureux après cela, comme si la journée elle-même "
        "s'était adoucie.",
    ),
    "steer.tone.any": ("L'atmosphère {P.in} changea.",),
    "steer.weather.storm": (
        "Un orage éclata, rapide et bruyant, et la pluie fouetta les fenêtres.",
        "Le tonnerre claqua au-dessus {P.de}, et un violent orage éclata.",
    ),
    "steer.weather.rain": ("Il se mit à pleuvoir, doucement d'abord, puis à verse.",),
    "steer.weather.snow": ("Il se mit à neiger, dru et silencieux.",),
    "steer.weather.fog": ("Un brouillard épais arriva et engloutit tout.",),
    "steer.weather.dark": (
        "Puis les lumières s'éteignirent, et tout fut plongé dans le noir.",
        "La nuit tomba d'un coup, comme si quelqu'un avait soufflé le ciel.",
    ),
    "steer.weather.any": ("Le temps changea.",),
    "steer.after": (
        "Personne ne s'y attendait, et {H} moins que quiconque.",
        "{A} laissa échapper un long sifflement.",
        "Pendant un instant, tout le monde resta immobile.",
        "« Eh bien, dit {H}, voilà qui change tout. »",
        "{H} prit le temps de réfléchir à ce que cela signifiait pour {O}.",
        "Ce n'était pas ce que quiconque avait prévu, mais {H} fit au mieux.",
    ),
    "steer.find.goal": (
        "Et [O:il était|elle était] là : {O.full}, enfin [O:retrouvé|retrouvée]. {H} ne [O:le|la] "
        "lâchait plus.",
        "{H} n'en croyait pas ses yeux. {O.full}, juste là, à portée de main.",
    ),
    "steer.find": (
        "{H} trouva {C.un}, exactement là où personne n'avait pensé à regarder.",
        "Là, à moitié enfoui, il y avait {C.un}.",
    ),
    "steer.find.lead": (
        "C'était un passage, et il menait {Q.to}.",
        "{H} regarda {C} et sut où cela menait : {Q.to}.",
    ),
    # --- La fin -------------------------------------------------------------------------------
    "end.go": (
        "Il ne restait qu'un seul endroit où aller, et {H} s'y rendit : {Q}.",
        "{team} se rendirent une dernière fois {Q.to}.",
        "Il n'y avait plus qu'un endroit : {Q}. {H} y alla sans crainte.",
    ),
    "end.unmask": (
        "Et là, enfin, se tenait la personne derrière tout cela : {R.full}.",
        "Quand le capuchon tomba, tout le monde retint son souffle. C'était {R.full}.",
    ),
    "end.face": (
        "{R.full} était là, exactement comme {H} l'avait prévu.",
        "{R.full} attendait, sans plus nulle part où fuir.",
    ),
    "end.caught": (
        "{R} regarda tour à tour chacun d'eux, soupira et se rendit sans résister.",
        "{R} tenta de s'enfuir, mais {A} fut plus rapide, et l'affaire fut réglée.",
        "À la fin, {R} n'avait plus rien à dire, et les gardes l'emmenèrent sans brusquerie.",
    ),
    "end.freed": (
        "{X} était enfin [X:libre|libre], et serra {H} si fort dans ses bras que cela fit mal.",
        "On libéra {X}, et {X} n'avait jamais été si [X:heureux|heureuse] de revoir quelqu'un.",
    ),
    "end.goal.retrieve": (
        "{R} rendit {O} sans un mot, et {H} [O:le|la] serra comme s'[O:il|elle] risquait de "
        "disparaître encore.",
        "{O} avait été [O:caché|cachée|cachés] dans le manteau {R.de} depuis le début. {H} "
        "[O:le|la] reprit doucement.",
        "{O} était de retour à sa place, enfin en sécurité, et {H} put enfin respirer.",
        "{H} tenait {O} à deux mains. C'était fini.",
    ),
    "end.goal.protect": (
        "{O} était en sécurité, et le resterait, parce que {H} était toujours là.",
        "Personne ne s'en prendrait plus jamais {O.à}. {H} y avait veillé.",
    ),
    "end.goal.mend": (
        "Un dernier tour de main prudent, et {O} fut de nouveau [O:intact|intacte|intacts].",
        "{O} était [O:réparé|réparée|réparés], et fonctionnait mieux que jamais.",
    ),
    "end.goal.rescue": (
        "{G} était libre, et sur tout le chemin du retour, {G} ne cessa de parler.",
    ),
    "end.goal.reach": (
        "{H} atteignit {Z} au lever du soleil, et c'était plus beau encore que dans ses rêves.",
    ),
    "end.goal.face": (
        "{H} entra dans {Z}, et {T}, finalement, n'était que {T}. {H} n'avait plus peur.",
    ),
    "end.goal.meet": (
        "Quelqu'un attendait {P.in} : {G.full}, {G.un}, qui cherchait {T.un}, [G:lui|elle] "
        "aussi. Et c'est ainsi que {H} trouva enfin {T.un}.",
        "Quelqu'un attendait {P.in} : {G.full}, qui cherchait {T.un}, [G:lui|elle] aussi. Et "
        "c'est ainsi que {H} trouva enfin {T.un}.",
    ),
    "end.goal.learn": (
        "Et puis, sans trop savoir comment, {H} sut {T.bare}. Tout le monde applaudit.",
    ),
    "end.goal.any": ("C'était fait, et bien fait.",),
    "end.say": (
        "« On a réussi, dit {A}. On a vraiment réussi. »",
        "« Je n'ai jamais douté de toi, dit {A}. Pas une seconde. » {H} rit. « Si, tu as douté. »",
        "« Et maintenant ? » demanda {A}. « Maintenant, dit {H}, on se repose. »",
        "{H} remercia un à un tous ceux qui avaient aidé.",
    ),
    "end.cast": (
        "Ce soir-là, tous ceux qui avaient aidé se réunirent {P.in}, et il y eut du gâteau.",
        "{A} et {H} rentrèrent ensemble, fatigués et heureux.",
        "Tout le monde s'accorda à dire que ç'avait été la semaine la plus étrange de leur vie.",
    ),
    "end.close": (
        "Les lumières {P.in} brillèrent, chaudes et paisibles, tard dans la nuit.",
        "Et si quelqu'un demande ce qui s'est passé, c'est ainsi qu'on le raconte.",
        "Des années plus tard, on racontait encore l'histoire de {H} et {O.de}.",
        "Et cette nuit-là, {H} dormit mieux que depuis très longtemps.",
    ),
    # --- Options : « Intitulé || ce qui s'est passé » --------------------------------------
    "opt.go": ("Aller {Q.to} || {H} alla {Q.to}.", "Partir {Q.to} || {H} partit {Q.to}."),
    "opt.ask": (
        "Interroger {W} sur {O} || {H} interrogea {W} sur {O}.",
        "Reparler {W.à} || {H} reparla {W.à}.",
        "Questionner {W} || {H} questionna {W}.",
    ),
    "opt.examine": (
        "Examiner {C} || {H} examina {C}.",
        "Regarder {C} de plus près || {H} regarda {C} de plus près.",
    ),
    "opt.confront": (
        "Affronter {R} || {H} affronta {R}.",
        "Se dresser face {R.à} || {H} se dressa face {R.à}.",
    ),
    "opt.track": (
        "Traquer {R} || {H} traqua {R}.",
        "Suivre la piste {R.de} || {H} suivit la piste {R.de}.",
    ),
    "opt.search": (
        "Fouiller {P} || {H} fouilla {P}.",
        "Regarder autour de soi {P.in} || {H} regarda autour de [H:lui|elle] {P.in}.",
    ),
    "opt.watch": (
        "Se cacher et faire le guet || {H} se cacha et fit le guet.",
        "Attendre de voir qui vient || {H} attendit de voir qui viendrait.",
    ),
    "opt.witness": (
        "Voir qui est là || {H} alla voir qui était là.",
        "Trouver un témoin || {H} chercha un témoin.",
    ),
    "opt.obstacle": (
        "Continuer, quoi qu'il arrive || {H} continua.",
        "Trouver un passage || {H} chercha un passage.",
    ),
    "opt.rival": (
        "Découvrir qui les observe || {H} chercha à découvrir qui les observait.",
        "Tendre un piège || {H} tendit un piège.",
    ),
    "opt.chase": (
        "Suivre l'ombre || {H} suivit l'ombre.",
        "Courir après l'inconnu || {H} courut après l'inconnu.",
    ),
    "opt.reveal": (
        "Rassembler tous les indices || {H} rassembla tous les indices.",
        "Tout reprendre depuis le début || {H} reprit tout depuis le début.",
    ),
    "opt.twist": (
        "Attendre des nouvelles || {H} attendit des nouvelles.",
        "Revoir les faits || {H} revit les faits.",
    ),
    "opt.plan": (
        "Dresser un plan || {H} dressa un plan.",
        "Préparer la suite || {H} prépara la suite.",
    ),
    "opt.close_in": (
        "S'approcher {O.de} || {H} s'approcha {O.de}.",
        "Se rapprocher en silence || {H} se rapprocha en silence.",
    ),
    "opt.rest": (
        "Se reposer un moment || {H} se reposa un moment.",
        "S'arrêter pour manger || {H} s'arrêta pour manger.",
    ),
    "opt.lore": (
        "Demander {A.à} l'histoire {O.de} || {H} demanda {A.à} l'histoire {O.de}.",
        "En apprendre plus sur {O} || {H} en apprit plus sur {O}.",
    ),
    "opt.rejoin": (
        "Retourner chercher {X} || {H} retourna chercher {X}.",
        "Retrouver {X} || {H} partit retrouver {X}.",
    ),
    "opt.setback": ("Se séparer pour couvrir plus de terrain || {H} et {A} se séparèrent.",),
    # --- Résumés ---------------------------------------------------------------------------
    "recap.start.allies": (
        "Voici l'histoire de {H.full}, qui partit {Q.in} avec {allies} pour {goal}.",
        "Tout commença {Q.in}, quand {H.full} et {allies} partirent {goal}.",
    ),
    "recap.start": (
        "Voici l'histoire de {H.full}, qui partit {Q.in} pour {goal}.",
        "Tout commença {Q.in}, quand {H.full} se mit en route pour {goal}.",
    ),
    "recap.found": ("{Q.in}, {H} trouva {C.un}.",),
    "recap.clue_person": ("{C} désignait {X.full}.",),
    "recap.clue_place": ("{C} indiquait le chemin {Q.to}.",),
    "recap.moved": ("{H} se rendit ensuite {Q.to}.", "Puis la piste mena {Q.to}."),
    "recap.met": ("{Q.in}, {H} rencontra {X.full}.",),
    "recap.revealed": ("{X.full} se révéla être la personne derrière tout cela.",),
    "recap.twist": ("Puis la piste bifurqua {Q.to}.",),
    "recap.escaped": ("{X} s'échappa encore.",),
    "recap.lost_ally": ("{X} fut [X:capturé|capturée].",),
    "recap.freed": ("{X} fut [X:libéré|libérée].",),
    "recap.join": ("{X.full} rejoignit {H}.",),
    "recap.befriend": ("{X.full} se rangea du côté de {H}.",),
    "recap.leave": ("{X.full} dut partir.",),
    "recap.capture": ("{X.full} fut [X:capturé|capturée].",),
    "recap.found_goal": ("{H} retrouva {O}.",),
    "recap.caught": ("{X} fut enfin [X:arrêté|arrêtée].",),
    "recap.chased": ("Il y eut une course-poursuite.",),
    "recap.rival": ("Quelqu'un fit tout pour arrêter {H}.",),
    "recap.asked": ("{X.full} raconta à {H} ce qu'[X:il|elle] savait.",),
    "recap.watched": ("{H} fit le guet {Q.in}.",),
    "recap.weather.storm": ("Un orage éclata.",),
    "recap.weather.rain": ("Il plut.",),
    "recap.weather.snow": ("Il neigea.",),
    "recap.weather.fog": ("Le brouillard tomba.",),
    "recap.weather.dark": ("Les lumières s'éteignirent.",),
    "recap.others": ("Également de la partie : {met}.",),
    "recap.now": (
        "{H} est maintenant {P.in}, plus [H:décidé|décidée] que jamais à {goal}.",
        "En ce moment, {H} est {P.in}, et la recherche {O.de} continue.",
    ),
    "recap.now.done": ("Et pour finir, {H} réussit.",),
}
