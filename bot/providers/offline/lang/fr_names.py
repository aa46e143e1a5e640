"""French names, companions, clues and places to invent, by genre family."""

from __future__ import annotations

from bot.providers.offline.lang.base import Names
from bot.providers.offline.model import Noun


def _n(words: str, gender: str, head: str = "", plural: bool = False) -> Noun:
    return Noun(words=words, head=head or words.split()[0], gender=gender, plural=plural)


def _k(male: str, female: str) -> Noun:
    """A kind of person, in its male and female forms."""
    return Noun(words=f"{male}|{female}", head=male.split()[0], gender="m")


def _p(
    words: str, gender: str, kind: str, name: bool = False, plural: bool = False
) -> tuple[Noun, str]:
    """A place; ``name`` for a named one ("le Bois Murmurant"), which keeps its article."""
    head = (
        words
        if name
        else next(
            (w for w in words.split() if w not in ("vieux", "vieille", "petite", "petit")), words
        )
    )
    return Noun(words=words, head=head, gender=gender, plural=plural), kind


PEOPLE = (
    ("Margaux Lefèvre", "f"),
    ("Léon", "m"),
    ("Camille Roux", "f"),
    ("Jules", "m"),
    ("Inès", "f"),
    ("Bastien Morel", "m"),
    ("Louise", "f"),
    ("Gaspard Brun", "m"),
    ("Rose", "f"),
    ("Hector", "m"),
    ("Anaïs Blanc", "f"),
    ("Victor", "m"),
    ("Suzanne", "f"),
    ("Arthur Petit", "m"),
)
TITLED = (
    ("Lady", "Morwenna Vale", "f"),
    ("M.", "Silas Corbeau", "m"),
    ("baron", "Edric Holt", "m"),
    ("Mme", "Ottilie Gris", "f"),
    ("docteur", "Corneille Vane", "m"),
    ("capitaine", "Ida Thorne", "f"),
    ("professeur", "Ambroise Brochet", "m"),
    ("comtesse", "Livia Marr", "f"),
)
_KINDS = (
    _k("gardien de nuit", "gardienne de nuit"),
    _k("horloger", "horlogère"),
    _k("boulanger", "boulangère"),
    _k("jeune reporter", "jeune reporter"),
    _k("musicien de rue", "musicienne de rue"),
    _k("jardinier", "jardinière"),
    _k("facteur", "factrice"),
    _k("vieux marin", "vieille marinière"),
)
_CLUES = (
    _n("billet déchiré", "m"),
    _n("bouton d'argent", "m"),
    _n("mot plié", "m"),
    _n("clé en laiton", "f"),
    _n("ruban bleu", "m"),
    _n("carte tachée", "f"),
    _n("lettre à moitié brûlée", "f"),
    _n("plume", "f"),
    _n("montre de poche", "f"),
    _n("reçu froissé", "m"),
    _n("gant", "m"),
    _n("pochette d'allumettes", "f"),
)

NAMES: dict[str, Names] = {
    "everyday": Names(
        people=PEOPLE,
        titled=TITLED,
        kinds=_KINDS,
        clues=_CLUES,
        places=(
            _p("vieille tour de l'horloge", "f", "tower"),
            _p("entrepôt du port", "m", "harbour"),
            _p("gare", "f", "terminal"),
            _p("auberge du Héron Bleu", "f", "inn"),
            _p("marché couvert", "m", "market"),
            _p("bibliothèque", "f", "library"),
            _p("vieux moulin", "m", "farm"),
            _p("place du village", "f", "city"),
        ),
        things=(
            _n("boîte à musique perdue", "f"),
            _n("vieille clé en laiton", "f", "clé"),
            _n("livre de recettes disparu", "m", "livre"),
            _n("médaillon perdu", "m"),
        ),
    ),
    "adventure": Names(
        people=PEOPLE,
        titled=TITLED,
        kinds=(
            _k("cuisinier de bord", "cuisinière de bord"),
            _k("cartographe", "cartographe"),
            _k("guide de montagne", "guide de montagne"),
            _k("matelot", "matelote"),
            _k("vieux marin", "vieille marinière"),
        ),
        clues=(
            _n("carte marine déchirée", "f", "carte"),
            _n("boussole en laiton", "f"),
            _n("pièce d'or", "f"),
            _n("message dans une bouteille", "m", "message"),
            _n("dent sculptée", "f"),
            _n("clé de fer", "f"),
            _n("plume", "f"),
            _n("bouton de marin", "m"),
            _n("montre de poche", "f"),
        ),
        places=(
            _p("port", "m", "harbour"),
            _p("grottes marines", "f", "cave", plural=True),
            _p("sentier de la jungle", "m", "forest"),
            _p("vieux fort", "m", "castle"),
            _p("marché au sel", "m", "market"),
            _p("sentier des falaises", "m", "coast"),
            _p("petite île", "f", "island"),
        ),
        things=(_n("carte au trésor perdue", "f", "carte"), _n("boussole dorée", "f")),
    ),
    "mystery": Names(
        people=PEOPLE,
        titled=TITLED,
        kinds=(
            _k("gardien de nuit", "gardienne de nuit"),
            _k("jeune reporter", "jeune reporter"),
            _k("chauffeur de taxi", "chauffeuse de taxi"),
            _k("serrurier", "serrurière"),
            _k("vendeur de journaux", "vendeuse de journaux"),
            _k("gardien de musée", "gardienne de musée"),
        ),
        clues=(
            _n("billet déchiré", "m"),
            _n("bouton d'argent", "m"),
            _n("mot plié", "m"),
            _n("reconnaissance de dette", "f", "reconnaissance"),
            _n("gant", "m"),
            _n("pochette d'allumettes", "f"),
            _n("bouton de manchette cassé", "m", "bouton"),
            _n("horaire de train", "m", "horaire"),
            _n("vieille photo", "f", "photo"),
            _n("clé en laiton", "f"),
            _n("reçu froissé", "m"),
        ),
        places=(
            _p("entrepôt du port", "m", "harbour"),
            _p("gare", "f", "terminal"),
            _p("vieille tour de l'horloge", "f", "tower"),
            _p("mont-de-piété", "m", "inn"),
            _p("opéra", "m", "theatre"),
            _p("salle de rédaction", "f", "library"),
            _p("marché de nuit", "m", "market"),
        ),
        things=(_n("tableau volé", "m"), _n("diamant disparu", "m")),
    ),
    "fantasy": Names(
        people=(
            ("Elowen", "f"),
            ("Corin", "m"),
            ("Ronce", "m"),
            ("Isla Fenn", "f"),
            ("Tamsin", "f"),
            ("Garrick", "m"),
            ("Oseille", "f"),
            ("Pip", "m"),
            ("Maëlis", "f"),
            ("Orrin", "m"),
        ),
        titled=(
            ("Lady", "Morwenna Vale", "f"),
            ("Lord", "Aldric Épine", "m"),
            ("reine", "Ysolde", "f"),
            ("baron", "Edric Holt", "m"),
            ("chevalier", "Malcolm Drey", "m"),
        ),
        kinds=(
            _k("sorcier des haies", "sorcière des haies"),
            _k("jeune apprenti", "jeune apprentie"),
            _k("chevalier errant", "chevalière errante"),
            _k("esprit de la rivière", "esprit de la rivière"),
            _k("magicien", "magicienne"),
        ),
        clues=(
            _n("plume lumineuse", "f"),
            _n("pierre gravée de runes", "f", "pierre"),
            _n("fil d'argent", "m"),
            _n("feuille roussie", "f"),
            _n("clochette minuscule", "f"),
            _n("éclat de pierre de lune", "m", "éclat"),
            _n("sceau de cire", "m"),
            _n("écaille de dragon", "f"),
            _n("bout de parchemin", "m", "bout"),
        ),
        places=(
            _p("Bois Murmurant", "m", "forest", True),
            _p("Collines de Pierre-de-Lune", "f", "mountain", True, True),
            _p("Lac de Cristal", "m", "lake", True),
            _p("vieille tour de guet", "f", "tower"),
            _p("chaumière de la sorcière", "f", "manor"),
            _p("cercle de pierres", "m", "ruins"),
            _p("marché des lutins", "m", "market"),
        ),
        things=(
            _n("lanterne enchantée", "f"),
            _n("anneau de pierre de lune", "m"),
            _n("vieux grimoire", "m", "grimoire"),
        ),
    ),
    "scifi": Names(
        people=(
            ("Juno Park", "f"),
            ("Dex", "m"),
            ("Ravi Sen", "m"),
            ("Kira Vos", "f"),
            ("Tomo", "m"),
            ("Nadia Orlov", "f"),
            ("Aria Chen", "f"),
        ),
        titled=(
            ("commandant", "Vex Harlan", "m"),
            ("docteure", "Selene Marr", "f"),
            ("capitaine", "Orla Voss", "f"),
            ("directeur", "Kane Ashby", "m"),
        ),
        kinds=(
            _k("robot de maintenance", "robot de maintenance"),
            _k("ingénieur de bord", "ingénieure de bord"),
            _k("pilote de cargo", "pilote de cargo"),
            _k("botaniste", "botaniste"),
        ),
        clues=(
            _n("puce de données", "f"),
            _n("circuit brûlé", "m"),
            _n("balise clignotante", "f"),
            _n("carte d'accès", "f"),
            _n("carte stellaire", "f"),
            _n("visière fêlée", "f"),
            _n("message codé", "m"),
        ),
        places=(
            _p("soute", "f", "station"),
            _p("pont d'observation", "m", "station"),
            _p("Canyon Rouge", "m", "desert", True),
            _p("salle des machines", "f", "manor"),
            _p("jardin hydroponique", "m", "garden"),
            _p("base lunaire", "f", "station"),
        ),
        things=(_n("cristal de données", "m"), _n("carte des étoiles perdue", "f", "carte")),
    ),
    "spooky": Names(
        people=(
            ("Agnès Corneille", "f"),
            ("Ézra", "m"),
            ("Winifred", "f"),
            ("Hollis", "m"),
            ("Mabel Frost", "f"),
            ("Silas", "m"),
            ("Édith", "f"),
            ("Anselme Blême", "m"),
        ),
        titled=(
            ("Lady", "Morwenna Vale", "f"),
            ("M.", "Ignace Grimm", "m"),
            ("comtesse", "Livia Marr", "f"),
            ("docteur", "Corneille Vane", "m"),
        ),
        kinds=(
            _k("fossoyeur", "fossoyeuse"),
            _k("vieux majordome", "vieille gouvernante"),
            _k("fabricant de bougies", "fabricante de bougies"),
            _k("gardien inquiet", "gardienne inquiète"),
        ),
        clues=(
            _n("bougie froide", "f"),
            _n("miroir fêlé", "m"),
            _n("médaillon poussiéreux", "m"),
            _n("photo jaunie", "f"),
            _n("clé de boîte à musique", "f", "clé"),
            _n("clochette ternie", "f"),
            _n("page arrachée d'un journal", "f", "page"),
        ),
        places=(
            _p("crypte", "f", "cave"),
            _p("clocher", "m", "tower"),
            _p("chapelle abandonnée", "f", "ruins"),
            _p("cimetière brumeux", "m", "garden"),
            _p("grenier", "m", "manor"),
        ),
        things=(_n("portrait maudit", "m"), _n("journal perdu", "m")),
    ),
}
