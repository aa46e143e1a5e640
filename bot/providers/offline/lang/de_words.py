"""German word lists for reading premises, directions and story text."""

from __future__ import annotations

TITLES = frozenset(
    """herr herrn frau kommissar kommissarin inspektor inspektorin detektiv detektivin doktor
    dr professor professorin prof kapitän kapitänin käpt'n lady lord sir prinz prinzessin
    könig königin graf gräfin baron baronin ritter tante onkel oma opa meister meisterin
    fräulein""".split()
)
GENDERED = {
    **dict.fromkeys(
        "frau kommissarin inspektorin detektivin professorin kapitänin lady prinzessin königin "
        "gräfin baronin tante oma meisterin fräulein hexe katze".split(),
        "f",
    ),
    **dict.fromkeys(
        "herr herrn kommissar inspektor detektiv kapitän lord sir prinz könig graf baron ritter "
        "onkel opa meister kater hund zauberer".split(),
        "m",
    ),
}
DETERMINERS = {
    "der": ("m", 0),
    "die": ("f", 0),
    "das": ("n", 0),
    "den": ("m", 1),
    "dem": ("m", 2),
    "des": ("m", 3),
    "ein": ("m", 0),
    "eine": ("f", 0),
    "einen": ("m", 1),
    "einem": ("m", 2),
    "einer": ("f", 2),
    "eines": ("m", 3),
    "ihr": ("n", 0),
    "ihre": ("f", 0),
    "ihren": ("m", 1),
    "ihrem": ("m", 2),
    "ihrer": ("f", 2),
    "sein": ("n", 0),
    "seine": ("f", 0),
    "seinen": ("m", 1),
    "seinem": ("m", 2),
    "seiner": ("f", 2),
    "im": ("n", 2),
    "am": ("n", 2),
    "zum": ("n", 2),
    "zur": ("f", 2),
    "vom": ("n", 2),
    "beim": ("n", 2),
    "ins": ("n", 1),
}
PREPOSITIONS = frozenset(
    "in im an am auf aus bei beim mit nach von vom zu zum zur vor hinter über unter neben "
    "zwischen durch gegen ohne um ins ans für".split()
)
PLACE_PREPS = frozenset(
    "in im an am auf aus bei beim nach vom zum zur ins ans hinter vor nahe".split()
)
PLACES = {
    "museum": "museum",
    "galerie": "museum",
    "bibliothek": "library",
    "archiv": "library",
    "leuchtturm": "lighthouse",
    "hafen": "harbour",
    "kai": "harbour",
    "küste": "coast",
    "strand": "coast",
    "ufer": "coast",
    "insel": "island",
    "wald": "forest",
    "forst": "forest",
    "dschungel": "forest",
    "stadt": "city",
    "straße": "city",
    "platz": "city",
    "dorf": "village",
    "burg": "castle",
    "schloss": "castle",
    "festung": "castle",
    "palast": "castle",
    "herrenhaus": "manor",
    "villa": "manor",
    "haus": "manor",
    "anwesen": "manor",
    "turm": "tower",
    "station": "station",
    "kolonie": "station",
    "basis": "station",
    "schiff": "ship",
    "raumschiff": "ship",
    "berg": "mountain",
    "berge": "mountain",
    "gebirge": "mountain",
    "hügel": "mountain",
    "tal": "mountain",
    "höhle": "cave",
    "mine": "cave",
    "tunnel": "cave",
    "ruine": "ruins",
    "ruinen": "ruins",
    "tempel": "ruins",
    "markt": "market",
    "garten": "garden",
    "park": "garden",
    "schule": "school",
    "akademie": "school",
    "see": "lake",
    "fluss": "lake",
    "meer": "sea",
    "wüste": "desert",
    "mond": "planet",
    "planet": "planet",
    "labor": "lab",
    "werkstatt": "lab",
    "gasthaus": "inn",
    "gasthof": "inn",
    "hotel": "inn",
    "café": "inn",
    "laden": "inn",
    "theater": "theatre",
    "oper": "theatre",
    "zirkus": "theatre",
    "bahnhof": "terminal",
    "hof": "farm",
    "mühle": "farm",
    "kirche": "ruins",
    "kapelle": "ruins",
    "friedhof": "garden",
    "keller": "manor",
    "dachboden": "manor",
    "lagerhalle": "harbour",
    "markthalle": "market",
}
COND = {
    "gestohlen": "stolen",
    "verloren": "lost",
    "verschwunden": "lost",
    "vermisst": "lost",
    "kaputt": "broken",
    "zerbrochen": "broken",
    "beschädigt": "broken",
    "defekt": "broken",
    "verflucht": "cursed",
    "verzaubert": "cursed",
    "versteckt": "hidden",
    "vergessen": "hidden",
    "gesunken": "hidden",
    "vergraben": "hidden",
}
GOAL_VERBS = (
    ("wiederfinden", "find"),
    ("zurückholen", "find"),
    ("zurückbekommen", "find"),
    ("zurückerobern", "find"),
    ("finden", "find"),
    ("suchen", "find"),
    ("aufspüren", "find"),
    ("entdecken", "find"),
    ("zurückbringen", "deliver"),
    ("heimbringen", "deliver"),
    ("bringen", "deliver"),
    ("beschützen", "protect"),
    ("bewachen", "protect"),
    ("schützen", "protect"),
    ("hüten", "protect"),
    ("verteidigen", "protect"),
    ("reparieren", "repair"),
    ("flicken", "repair"),
    ("wiederherstellen", "repair"),
    ("brechen", "free"),
    ("aufheben", "free"),
    ("heilen", "free"),
    ("retten", "rescue"),
    ("befreien", "rescue"),
    ("erreichen", "reach"),
    ("aufhalten", "stop"),
    ("stoppen", "stop"),
    ("verhindern", "stop"),
    ("lösen", "solve"),
    ("fassen", "catch"),
    ("fangen", "catch"),
    ("gewinnen", "win"),
)
PRESENT_GOALS = (
    ("findet", "find"),
    ("sucht", "find"),
    ("bewacht", "protect"),
    ("beschützt", "protect"),
    ("hütet", "protect"),
    ("schützt", "protect"),
    ("repariert", "repair"),
    ("rettet", "rescue"),
    ("befreit", "rescue"),
    ("jagt", "catch"),
    ("verfolgt", "catch"),
)
RIVAL_CUES = frozenset("gegen rivale rivalin feind feindin dieb diebin schurke schurkin".split())
FEMININE_ENDINGS = ("ung", "heit", "keit", "schaft", "ion", "tät", "ik", "ei", "e", "in")
NEUTER_ENDINGS = (
    "chen",
    "lein",
    "ment",
    "um",
    "buch",
    "ei",
    "haus",
    "schloss",
    "dorf",
    "tal",
    "meer",
    "labor",
    "theater",
    "café",
    "hotel",
    "schiff",
    "feuer",
    "bild",
    "gemälde",
    "tagebuch",
    "medaillon",
    "foto",
    "band",
    "blatt",
    "siegel",
    "visier",
    "deck",
    "fort",
    "gasthaus",
    "ende",
)
MASCULINE_ENDINGS = ("er", "ling", "ismus", "ich", "ig", "or")
COMMON_NOUNS = frozenset(
    """Zeit Tag Nacht Morgen Abend Hause Angst Hilfe Ruhe Mut Glück Licht Wasser Regen Wind
    Schritte Spuren Stimmen Augen Hände Menschen Leute Kinder Sturm Nebel Schnee Donner
    Nachricht Neuigkeiten Sorge Sorgen Weg Himmel Sonne Mond Sterne Stunde Stunden Minute
    Minuten Moment Fenster Tür Türen Dach Straßen Gassen Ende Anfang Frage Antwort Plan
    Hinweis Hinweise Spur Geschichte Wahrheit Lüge Stille""".split()
)
FEMALE_NAMES = frozenset(
    """priya mira lena amara greta lina ida frieda mila hanna wren elspeth isolde anna emma
    sophie marie clara paula lotte edda ottilie orla elowen""".split()
)
MALE_NAMES = frozenset(
    """tom jonas emil anton paul theo karl bolt bello hugo kofi okafor felix ben max""".split()
)


def guess_gender(first_name: str) -> str:
    lowered = first_name.lower()
    if lowered in FEMALE_NAMES:
        return "f"
    if lowered in MALE_NAMES:
        return "m"
    return "f" if lowered.endswith(("a", "e", "ie", "ine", "elle")) else "m"


PLACE_GENDERS = {
    **dict.fromkeys(
        "burg stadt küste insel station höhle kolonie basis bibliothek mühle kapelle kirche "
        "gruft straße ruine galerie akademie schule oper werkstatt wüste halle mine festung "
        "villa gasse bucht klippe brücke".split(),
        "f",
    ),
    **dict.fromkeys(
        "wald hafen turm berg see fluss markt platz garten park keller dachboden tempel "
        "friedhof bahnhof hof palast laden zirkus mond planet strand tunnel kai pfad canyon "
        "raum weg".split(),
        "m",
    ),
    **dict.fromkeys(
        "museum schloss dorf haus tal meer labor theater café hotel schiff deck "
        "fort archiv gebirge ufer".split(),
        "n",
    ),
}


def noun_gender(head: str) -> str:
    lowered = head.lower().replace("-", "")
    for suffix in sorted(PLACE_GENDERS, key=len, reverse=True):
        if lowered.endswith(suffix):
            return PLACE_GENDERS[suffix]
    if lowered.endswith(NEUTER_ENDINGS):
        return "n"
    if lowered.endswith(MASCULINE_ENDINGS):
        return "m"
    return "f" if lowered.endswith(FEMININE_ENDINGS) else "m"
