"""French word lists for reading premises, directions and story text."""

from __future__ import annotations

import re

from bot.providers.offline.lang import fr_phrases

TITLES = frozenset(
    """m mme mlle monsieur madame mademoiselle lady lord sir dr docteur docteure inspecteur
    inspectrice capitaine professeur professeure princesse prince roi reine baron baronne
    comte comtesse commissaire détective chevalier tante oncle mamie papi""".split()
)
GENDERED = {
    **dict.fromkeys(
        "mme mlle madame mademoiselle lady docteure inspectrice professeure princesse reine "
        "baronne comtesse tante mamie".split(),
        "f",
    ),
    **dict.fromkeys(
        "m. m monsieur lord sir docteur inspecteur professeur prince roi baron comte chevalier "
        "oncle papi".split(),
        "m",
    ),
}
PLACE_PREPS = frozenset("à au aux dans sur en vers chez de du près derrière devant".split())
PLACES = {
    "musée": "museum",
    "galerie": "museum",
    "bibliothèque": "library",
    "archives": "library",
    "phare": "lighthouse",
    "port": "harbour",
    "quai": "harbour",
    "docks": "harbour",
    "côte": "coast",
    "plage": "coast",
    "rivage": "coast",
    "falaise": "coast",
    "île": "island",
    "forêt": "forest",
    "bois": "forest",
    "jungle": "forest",
    "ville": "city",
    "rue": "city",
    "place": "market",
    "village": "village",
    "château": "castle",
    "palais": "castle",
    "forteresse": "castle",
    "manoir": "manor",
    "maison": "manor",
    "demeure": "manor",
    "tour": "tower",
    "clocher": "tower",
    "station": "station",
    "colonie": "station",
    "base": "station",
    "vaisseau": "ship",
    "navire": "ship",
    "bateau": "ship",
    "montagne": "mountain",
    "montagnes": "mountain",
    "colline": "mountain",
    "collines": "mountain",
    "vallée": "mountain",
    "grotte": "cave",
    "caverne": "cave",
    "mine": "cave",
    "tunnel": "cave",
    "ruines": "ruins",
    "temple": "ruins",
    "chapelle": "ruins",
    "marché": "market",
    "jardin": "garden",
    "parc": "garden",
    "cimetière": "garden",
    "école": "school",
    "académie": "school",
    "lac": "lake",
    "rivière": "lake",
    "mer": "sea",
    "désert": "desert",
    "lune": "planet",
    "planète": "planet",
    "laboratoire": "lab",
    "atelier": "lab",
    "auberge": "inn",
    "hôtel": "inn",
    "café": "inn",
    "boutique": "inn",
    "théâtre": "theatre",
    "opéra": "theatre",
    "cirque": "theatre",
    "gare": "terminal",
    "ferme": "farm",
    "moulin": "farm",
    "entrepôt": "harbour",
    "grenier": "manor",
    "cave": "manor",
    "crypte": "cave",
}
COND = {
    "volé": "stolen",
    "volée": "stolen",
    "volés": "stolen",
    "volées": "stolen",
    "perdu": "lost",
    "perdue": "lost",
    "disparu": "lost",
    "disparue": "lost",
    "cassé": "broken",
    "cassée": "broken",
    "brisé": "broken",
    "brisée": "broken",
    "endommagé": "broken",
    "endommagée": "broken",
    "maudit": "cursed",
    "maudite": "cursed",
    "ensorcelé": "cursed",
    "ensorcelée": "cursed",
    "caché": "hidden",
    "cachée": "hidden",
    "oublié": "hidden",
    "oubliée": "hidden",
    "englouti": "hidden",
    "enfoui": "hidden",
}
GOAL_VERBS = {
    **dict.fromkeys(
        "retrouver trouver chercher cherche cherchent récupérer reprendre découvrir explorer "
        "retrouve trouve".split(),
        "find",
    ),
    **dict.fromkeys("rapporter ramener rendre livrer rapporte ramène".split(), "deliver"),
    **dict.fromkeys("protéger garder défendre garde protège défend veille".split(), "protect"),
    **dict.fromkeys("réparer répare restaurer".split(), "repair"),
    **dict.fromkeys("lever briser guérir".split(), "free"),
    **dict.fromkeys("sauver délivrer libérer sauve".split(), "rescue"),
    **dict.fromkeys("atteindre rejoindre".split(), "reach"),
    **dict.fromkeys("arrêter empêcher stopper".split(), "stop"),
    **dict.fromkeys("résoudre".split(), "solve"),
    **dict.fromkeys("démasquer attraper".split(), "catch"),
    **dict.fromkeys("gagner remporter".split(), "win"),
}
RIVAL_CUES = frozenset("contre rival rivale ennemi ennemie voleur voleuse au baron".split())
_FEMININE = ("tion", "sion", "té", "ette", "elle", "ière", "ance", "ence", "ure", "ée", "ie", "ine")
_FEMININE_WORDS = frozenset(
    "île plage côte forêt ville rue place tour station colonie base montagne colline vallée "
    "grotte caverne mine ruines chapelle lune planète auberge boutique gare ferme cave crypte "
    "bibliothèque galerie maison demeure mer rivière couronne clé carte boussole bague balise "
    "lanterne montre plume lettre photo".split()
)
_FEMALE = frozenset(
    "priya mira lena amara margaux elspeth isolde wren ida anne marie claire léa chloé".split()
)


def guess_gender(first_name: str) -> str:
    lowered = first_name.lower()
    if lowered in _FEMALE:
        return "f"
    return "f" if lowered.endswith(("a", "e", "ie", "ine", "elle", "ette")) else "m"


def noun_gender(head: str) -> str:
    lowered = head.lower()
    if lowered in _FEMININE_WORDS:
        return "f"
    return "f" if lowered.endswith(_FEMININE) else "m"


_FUNCTION = frozenset(
    """le la les l un une des du de d au aux et ou mais donc or ni car si alors puis ensuite
    quand lorsque comme où que qui quoi dont ce cet cette ces son sa ses leur leurs mon ma
    mes ton ta tes notre nos votre vos il elle ils elles on nous vous je tu me te se lui
    y en ne pas plus jamais rien personne tout tous toute toutes chaque aucun aucune autre
    dans sur sous avec sans pour par vers chez entre contre après avant depuis pendant
    oui non bien très trop peu enfin soudain déjà encore toujours aussi ici là voilà
    cependant pourtant aujourd hier demain soir matin nuit jour rends rendez fais faites va
    allez cours prends suis trouve cherche regarde attends ouvre ferme grimpe monte descends
    retourne reviens demande interroge fouille examine suivre aller partir""".split()
)
COMMON = _FUNCTION | frozenset(
    word.lower()
    for templates in fr_phrases.PHRASES.values()
    for template in templates
    for word in re.findall(r"(?:^|[.!?]\s|«\s?)([A-ZÉÈÀÂÎÔÛ][a-zéèêàâîôûçœ'’]+)", template)
)
"""Capitalised but not names: function words, and every word a French phrase starts with."""
