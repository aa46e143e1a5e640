"""German names, companions, clues and places to invent, by genre family."""

from __future__ import annotations

from bot.providers.offline.lang.base import Names
from bot.providers.offline.model import Noun


def _n(adj: str, head: str, gender: str, plural: bool = False) -> Noun:
    """A noun with its adjective stems ("zerrissen", "Fahrkarte", "f")."""
    stems = adj.split("|") if adj else []
    return Noun(
        words=f"{adj.replace('|', ' ')} {head}".strip(),
        head=head,
        gender=gender,
        plural=plural,
        adj=stems,
    )


def _k(male: str, female: str) -> Noun:
    """A kind of person, in its male and female forms."""
    return Noun(words=male, head=f"{male}|{female}", gender="m")


def _p(
    head: str, gender: str, kind: str, adj: str = "", proper: bool = False, tail: str = ""
) -> tuple[Noun, str]:
    if proper:
        return Noun(words=head, head=head, proper=True), kind
    noun = _n(adj, head, gender)
    if tail:
        noun.tail, noun.words = tail, f"{noun.words} {tail}"
    return noun, kind


PEOPLE = (
    ("Greta Lindner", "f"),
    ("Jonas", "m"),
    ("Lina Fuchs", "f"),
    ("Emil", "m"),
    ("Ida", "f"),
    ("Anton Kessler", "m"),
    ("Frieda", "f"),
    ("Paul Brandl", "m"),
    ("Mila", "f"),
    ("Theo", "m"),
    ("Hanna Roth", "f"),
    ("Karl", "m"),
    ("Lotte Weiß", "f"),
    ("Fritz", "m"),
    ("Ottilie", "f"),
    ("Bruno Haas", "m"),
)
TITLED = (
    ("Baronin", "Edda von Thal", "f"),
    ("Herr", "Silas Krähe", "m"),
    ("Graf", "Edrich Holt", "m"),
    ("Frau", "Ottilie Grau", "f"),
    ("Doktor", "Cornelius Wahn", "m"),
    ("Kapitänin", "Ida Dornbusch", "f"),
    ("Professor", "Ambrosius Hecht", "m"),
    ("Gräfin", "Livia Marr", "f"),
)
_KINDS = (
    _k("Nachtwächter", "Nachtwächterin"),
    _k("Uhrmacher", "Uhrmacherin"),
    _k("Bäcker", "Bäckerin"),
    _k("Reporter", "Reporterin"),
    _k("Straßenmusiker", "Straßenmusikerin"),
    _k("Gärtner", "Gärtnerin"),
    _k("Briefträger", "Briefträgerin"),
    _k("Seemann", "Seefrau"),
)
_CLUES = (
    _n("zerrissen", "Fahrkarte", "f"),
    _n("silbern", "Knopf", "m"),
    _n("gefaltet", "Zettel", "m"),
    _n("", "Messingschlüssel", "m"),
    _n("blau", "Seidenband", "n"),
    _n("verschmiert", "Landkarte", "f"),
    _n("halb verbrannt", "Brief", "m"),
    _n("", "Feder", "f"),
    _n("", "Taschenuhr", "f"),
    _n("zerknittert", "Quittung", "f"),
    _n("", "Handschuh", "m"),
    _n("", "Streichholzheftchen", "n"),
)

NAMES: dict[str, Names] = {
    "everyday": Names(
        people=PEOPLE,
        titled=TITLED,
        kinds=_KINDS,
        clues=_CLUES,
        places=(
            _p("Uhrturm", "m", "tower", "alt"),
            _p("Lagerhalle", "f", "harbour", "alt"),
            _p("Bahnhof", "m", "terminal"),
            _p("Gasthaus", "n", "inn", tail="Zum Blauen Reiher"),
            _p("Markthalle", "f", "market", "überdacht"),
            _p("Bibliothek", "f", "library"),
            _p("Mühle", "f", "farm", "alt"),
            _p("Marktplatz", "m", "city"),
        ),
        things=(
            _n("verloren", "Spieluhr", "f"),
            _n("alt", "Messingschlüssel", "m"),
            _n("verschwunden", "Rezeptbuch", "n"),
            _n("verloren", "Medaillon", "n"),
        ),
    ),
    "adventure": Names(
        people=PEOPLE,
        titled=TITLED,
        kinds=(
            _k("Schiffskoch", "Schiffsköchin"),
            _k("Kartenzeichner", "Kartenzeichnerin"),
            _k("Bergführer", "Bergführerin"),
            _k("Matrose", "Matrosin"),
            _k("Seemann", "Seefrau"),
        ),
        clues=(
            _n("zerrissen", "Seekarte", "f"),
            _n("", "Messingkompass", "m"),
            _n("", "Goldmünze", "f"),
            _n("", "Flaschenpost", "f"),
            _n("geschnitzt", "Zahn", "m"),
            _n("eisern", "Schlüssel", "m"),
            _n("", "Feder", "f"),
            _n("", "Seemannsknopf", "m"),
            _n("", "Taschenuhr", "f"),
        ),
        places=(
            _p("Hafen", "m", "harbour"),
            _p("Meereshöhle", "f", "cave"),
            _p("Dschungelpfad", "m", "forest"),
            _p("Fort", "n", "castle", "alt"),
            _p("Salzmarkt", "m", "market"),
            _p("Klippenpfad", "m", "coast"),
            _p("Insel", "f", "island", "klein"),
        ),
        things=(_n("verloren", "Schatzkarte", "f"), _n("golden", "Kompass", "m")),
    ),
    "mystery": Names(
        people=PEOPLE,
        titled=TITLED,
        kinds=(
            _k("Nachtwächter", "Nachtwächterin"),
            _k("Reporter", "Reporterin"),
            _k("Taxifahrer", "Taxifahrerin"),
            _k("Schlosser", "Schlosserin"),
            _k("Zeitungsverkäufer", "Zeitungsverkäuferin"),
            _k("Museumswärter", "Museumswärterin"),
        ),
        clues=(
            _n("zerrissen", "Fahrkarte", "f"),
            _n("silbern", "Knopf", "m"),
            _n("gefaltet", "Zettel", "m"),
            _n("", "Pfandschein", "m"),
            _n("", "Handschuh", "m"),
            _n("", "Streichholzheftchen", "n"),
            _n("abgebrochen", "Manschettenknopf", "m"),
            _n("", "Fahrplan", "m"),
            _n("alt", "Foto", "n"),
            _n("", "Messingschlüssel", "m"),
            _n("zerknittert", "Quittung", "f"),
        ),
        places=(
            _p("Lagerhalle", "f", "harbour", "alt"),
            _p("Bahnhof", "m", "terminal"),
            _p("Uhrturm", "m", "tower", "alt"),
            _p("Pfandhaus", "n", "inn"),
            _p("Opernhaus", "n", "theatre"),
            _p("Zeitungsredaktion", "f", "library"),
            _p("Nachtmarkt", "m", "market"),
        ),
        things=(_n("gestohlen", "Gemälde", "n"), _n("verschwunden", "Diamant", "m")),
    ),
    "fantasy": Names(
        people=(
            ("Elowen", "f"),
            ("Korbin", "m"),
            ("Brombeer", "m"),
            ("Isla Fenn", "f"),
            ("Tamsin", "f"),
            ("Garrik", "m"),
            ("Sauerampfer", "f"),
            ("Pip", "m"),
            ("Maelis", "f"),
            ("Orrin", "m"),
        ),
        titled=(
            ("Lady", "Morwenna Vale", "f"),
            ("Lord", "Aldrich Dorn", "m"),
            ("Königin", "Ysolde", "f"),
            ("Baron", "Edrich Holt", "m"),
            ("Ritter", "Malcolm Drey", "m"),
        ),
        kinds=(
            _k("Kräuterhexer", "Kräuterhexe"),
            _k("Lehrling", "Lehrling"),
            _k("Ritter", "Ritterin"),
            _k("Flussgeist", "Flussgeist"),
            _k("Zauberer", "Zauberin"),
        ),
        clues=(
            _n("leuchtend", "Feder", "f"),
            _n("", "Runenstein", "m"),
            _n("silbern", "Faden", "m"),
            _n("versengt", "Blatt", "n"),
            _n("winzig", "Glocke", "f"),
            _n("", "Mondsteinsplitter", "m"),
            _n("", "Wachssiegel", "n"),
            _n("", "Drachenschuppe", "f"),
            _n("alt", "Zauberzettel", "m"),
        ),
        places=(
            _p("Flüsterwald", "m", "forest"),
            _p("Mondsteinhügel", "m", "mountain"),
            _p("Kristallsee", "m", "lake"),
            _p("Wachturm", "m", "tower", "alt"),
            _p("Hexenhaus", "n", "manor"),
            _p("Steinkreis", "m", "ruins"),
            _p("Koboldmarkt", "m", "market"),
        ),
        things=(
            _n("verzaubert", "Laterne", "f"),
            _n("", "Mondsteinring", "m"),
            _n("alt", "Zauberbuch", "n"),
        ),
    ),
    "scifi": Names(
        people=(
            ("Juno Park", "f"),
            ("Dex", "m"),
            ("Ravi Sen", "m"),
            ("Kira Voss", "f"),
            ("Tomo", "m"),
            ("Nadja Orlow", "f"),
            ("Aria Chen", "f"),
        ),
        titled=(
            ("Kommandant", "Vex Harlan", "m"),
            ("Doktor", "Selene Marr", "f"),
            ("Kapitänin", "Orla Voss", "f"),
            ("Direktor", "Kane Ashby", "m"),
        ),
        kinds=(
            _k("Wartungsroboter", "Wartungsroboter"),
            _k("Schiffsingenieur", "Schiffsingenieurin"),
            _k("Frachtpilot", "Frachtpilotin"),
            _k("Botaniker", "Botanikerin"),
        ),
        clues=(
            _n("", "Datenchip", "m"),
            _n("verschmort", "Schaltkreis", "m"),
            _n("blinkend", "Peilsender", "m"),
            _n("", "Zugangskarte", "f"),
            _n("", "Sternkarte", "f"),
            _n("gesprungen", "Visier", "n"),
            _n("verschlüsselt", "Nachricht", "f"),
        ),
        places=(
            _p("Frachtraum", "m", "station"),
            _p("Aussichtsdeck", "n", "station"),
            _p("Canyon", "m", "desert", "rot"),
            _p("Maschinenraum", "m", "ship"),
            _p("Hydrokulturgarten", "m", "garden"),
            _p("Mondbasis", "f", "station"),
        ),
        things=(_n("summend", "Datenkristall", "m"), _n("verloren", "Sternkarte", "f")),
    ),
    "spooky": Names(
        people=(
            ("Agnes Krähe", "f"),
            ("Esra", "m"),
            ("Winifred", "f"),
            ("Hollis", "m"),
            ("Mabel Frost", "f"),
            ("Silas", "m"),
            ("Edith", "f"),
            ("Eckhart Bleich", "m"),
        ),
        titled=(
            ("Lady", "Morwenna Vale", "f"),
            ("Herr", "Ignaz Grimm", "m"),
            ("Gräfin", "Livia Marr", "f"),
            ("Doktor", "Cornelius Wahn", "m"),
        ),
        kinds=(
            _k("Totengräber", "Totengräberin"),
            _k("Haushälter", "Haushälterin"),
            _k("Kerzenmacher", "Kerzenmacherin"),
            _k("Hausmeister", "Hausmeisterin"),
        ),
        clues=(
            _n("kalt", "Kerze", "f"),
            _n("gesprungen", "Spiegel", "m"),
            _n("verstaubt", "Medaillon", "n"),
            _n("verblichen", "Foto", "n"),
            _n("", "Spieluhrschlüssel", "m"),
            _n("angelaufen", "Glöckchen", "n"),
            _n("herausgerissen", "Tagebuchseite", "f"),
        ),
        places=(
            _p("Gruft", "f", "cave"),
            _p("Glockenturm", "m", "tower"),
            _p("Kapelle", "f", "ruins", "verlassen"),
            _p("Friedhof", "m", "garden", "neblig"),
            _p("Dachboden", "m", "manor"),
        ),
        things=(_n("verflucht", "Porträt", "n"), _n("verloren", "Tagebuch", "n")),
    ),
}
