"""Premises and readers' directions for the story-quality benchmark, in four languages.

Each premise says what a reader would check the story against: the forms of
the protagonist's name, the words that name the goal, the other people and
the places it names, and fragments that must never stand alone as names.
Directions are what readers type; ``key`` is what the next part must mention.
Premises mix genres, two-word and titled names, places and objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Premise:
    text: str
    genre: str
    hero: tuple[str, ...]
    goal: tuple[str, ...]
    ally: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    full_names: tuple[str, ...] = ()
    """Multi-word names whose parts must not appear beside them as a second person."""
    kind: tuple[str, ...] = ()
    """What the protagonist is, for a premise that names nobody ("fox", "foxes")."""
    called: str = ""
    """How readers refer to a protagonist they know no name for ("the fox")."""


@dataclass(frozen=True, slots=True)
class Direction:
    kind: str
    """join, reveal, move, leave, weather, find, act, tone."""
    text: str
    """With {new} (a new person), {ally}, {hero} to fill."""
    key: tuple[str, ...] = ()
    """What the next part must mention; {new}, {ally} and {hero} are filled the same way."""


@dataclass(frozen=True, slots=True)
class Script:
    premises: tuple[Premise, ...]
    directions: tuple[Direction, ...]
    newcomers: tuple[str, ...]
    """Titled and two-word names for people the readers bring in."""
    help_words: tuple[str, ...]
    """Option words that ask someone for help (never asked of a revealed culprit)."""
    move_words: tuple[str, ...]
    speech: tuple[str, ...] = field(default=())
    """Regular expressions with {name}: the person speaks."""
    titles: tuple[str, ...] = ()
    """Titles that must be followed by a name (a regular expression each)."""


EN = Script(
    premises=(
        Premise(
            "Detective Priya Nair must find the stolen crown in New Avalon with Mr. Okafor",
            "mystery",
            ("Priya", "Nair"),
            ("crown",),
            ("Okafor",),
            ("New Avalon",),
            ("Priya Nair",),
        ),
        Premise(
            "A cat named Tom guards a lighthouse on the Glass Coast",
            "fantasy",
            ("Tom",),
            ("lighthouse",),
            (),
            ("Glass Coast",),
        ),
        Premise(
            "Captain Mira Solis and her robot Bolt must repair the broken beacon on the "
            "Moon Colony",
            "sci-fi",
            ("Mira", "Solis"),
            ("beacon",),
            ("Bolt",),
            ("Moon Colony",),
            ("Mira Solis",),
        ),
        Premise(
            "Lady Elspeth Grey searches Hollow Manor for her grandmother's lost diary",
            "horror",
            ("Elspeth", "Grey"),
            ("diary",),
            (),
            ("Hollow Manor",),
            ("Elspeth Grey",),
        ),
        Premise(
            "Inspector Lena Vogel has to recover the missing painting at the back of the "
            "museum with Dr. Amara Osei",
            "mystery",
            ("Lena", "Vogel"),
            ("painting",),
            ("Osei", "Amara"),
            ("the back of the museum",),
            ("Lena Vogel", "Amara Osei"),
        ),
        Premise(
            "Professor Hugo Brandt wants to return the golden compass to Port Hollow",
            "adventure",
            ("Hugo", "Brandt"),
            ("compass",),
            (),
            ("Port Hollow",),
            ("Hugo Brandt",),
        ),
        Premise(
            "A young witch named Wren must find the moonstone ring in the Whispering Wood",
            "fantasy",
            ("Wren",),
            ("ring",),
            (),
            ("Whispering Wood",),
        ),
        Premise(
            "Sam Reyes and his dog Biscuit must win back the stolen trophy from Baron Krell",
            "comedy",
            ("Sam", "Reyes"),
            ("trophy",),
            ("Biscuit",),
            (),
            ("Sam Reyes",),
        ),
        Premise(
            "Princess Isolde must protect the dragon egg in Castle Ardent",
            "fairy tale",
            ("Isolde",),
            ("egg",),
            (),
            ("Castle Ardent",),
        ),
        Premise(
            "Dr. Kofi Mensah must find the lost star map aboard the Orion Station",
            "sci-fi",
            ("Kofi", "Mensah"),
            ("map",),
            (),
            ("Orion Station",),
            ("Kofi Mensah",),
        ),
    ),
    directions=(
        Direction("join", "{new} arrives with urgent news", ("{new}",)),
        Direction("reveal", "the thief is {new}", ("{new}",)),
        Direction("reveal", "{new} is the culprit", ("{new}",)),
        Direction("move", "they go to the old harbour", ("harbour",)),
        Direction("move", "they head to the train station", ("station",)),
        Direction("leave", "{ally} leaves to warn the mayor", ("{ally}",)),
        Direction("weather", "a storm rolls in", ("storm",)),
        Direction("find", "they find a hidden door", ("door",)),
        Direction("act", "{hero} climbs onto the roof", ("roof",)),
        Direction("act", "a stranger knocks on the window", ("window",)),
        Direction("tone", "make it spooky"),
    ),
    newcomers=(
        "Lady Vance",
        "Mr. Holloway",
        "Greta Lind",
        "Captain Orla Voss",
        "Jonah Pike",
        "Mrs. Abernathy",
        "Felix Marr",
        "Dr. Ivo Stern",
    ),
    help_words=("ask", "trust", "help", "join"),
    move_words=("go", "head", "return", "travel", "walk"),
    speech=(r"\bsaid {name}\b", r"\b{name} said\b", r"\basked {name}\b", r"\b{name} asked\b"),
    titles=(
        r"\b(?:Mr|Mrs|Ms|Dr)(?![a-z])(?!\.?\s+[A-Z])",
        r"(?<![.!?“]\s)\b(?:Lady|Lord|Sir|Detective|Inspector|Captain|Professor)\b(?!\s+[A-Z])",
    ),
)

DE = Script(
    premises=(
        Premise(
            "Kommissarin Priya Nair muss mit Herrn Okafor die gestohlene Krone in "
            "Neu-Avalon finden",
            "krimi",
            ("Priya", "Nair"),
            ("Krone",),
            ("Okafor",),
            ("Neu-Avalon",),
            ("Priya Nair",),
        ),
        Premise(
            "Ein Kater namens Tom bewacht einen Leuchtturm an der Glasküste",
            "fantasy",
            ("Tom",),
            ("Leuchtturm",),
            (),
            ("Glasküste",),
        ),
        Premise(
            "Kapitänin Mira Solis und ihr Roboter Bolt müssen das kaputte Leuchtfeuer der "
            "Mondkolonie reparieren",
            "science-fiction",
            ("Mira", "Solis"),
            ("Leuchtfeuer",),
            ("Bolt",),
            ("Mondkolonie",),
            ("Mira Solis",),
        ),
        Premise(
            "Lady Elspeth Grey sucht im Herrenhaus Hollow das verlorene Tagebuch ihrer Großmutter",
            "grusel",
            ("Elspeth", "Grey"),
            ("Tagebuch",),
            (),
            ("Hollow",),
            ("Elspeth Grey",),
        ),
        Premise(
            "Inspektorin Lena Vogel soll mit Doktor Amara Osei das verschwundene Gemälde "
            "im Museum wiederfinden",
            "krimi",
            ("Lena", "Vogel"),
            ("Gemälde",),
            ("Osei", "Amara"),
            ("Museum",),
            ("Lena Vogel", "Amara Osei"),
        ),
        Premise(
            "Professor Hugo Brandt will den goldenen Kompass nach Port Hollow zurückbringen",
            "abenteuer",
            ("Hugo", "Brandt"),
            ("Kompass",),
            (),
            ("Port Hollow",),
            ("Hugo Brandt",),
        ),
        Premise(
            "Eine junge Hexe namens Wren muss den Mondsteinring im Flüsterwald finden",
            "fantasy",
            ("Wren",),
            ("Mondsteinring", "Ring"),
            (),
            ("Flüsterwald",),
        ),
        Premise(
            "Jonas Weber und sein Hund Bello müssen den gestohlenen Pokal von Baron Krell "
            "zurückholen",
            "komödie",
            ("Jonas", "Weber"),
            ("Pokal",),
            ("Bello",),
            (),
            ("Jonas Weber",),
        ),
        Premise(
            "Prinzessin Isolde muss das Drachenei auf Burg Ardent beschützen",
            "märchen",
            ("Isolde",),
            ("Drachenei",),
            (),
            ("Ardent",),
        ),
        Premise(
            "Doktor Kofi Mensah muss die verlorene Sternenkarte auf der Orion-Station finden",
            "science-fiction",
            ("Kofi", "Mensah"),
            ("Sternenkarte",),
            (),
            ("Orion-Station",),
            ("Kofi Mensah",),
        ),
    ),
    directions=(
        Direction("join", "{new} kommt mit dringenden Neuigkeiten an", ("{new}",)),
        Direction("reveal", "Der Dieb ist {new}", ("{new}",)),
        Direction("reveal", "{new} ist der Täter", ("{new}",)),
        Direction("move", "Sie gehen zum alten Hafen", ("Hafen",)),
        Direction("move", "Sie fahren zum Bahnhof", ("Bahnhof",)),
        Direction("leave", "{ally} geht, um den Bürgermeister zu warnen", ("{ally}",)),
        Direction("weather", "Ein Sturm zieht auf", ("Sturm",)),
        Direction("find", "Sie finden eine versteckte Tür", ("Tür",)),
        Direction("act", "{hero} klettert auf das Dach", ("Dach",)),
        Direction("act", "Ein Fremder klopft ans Fenster", ("Fenster",)),
        Direction("tone", "Mach es gruseliger"),
    ),
    newcomers=(
        "Lady Vance",
        "Herr Holloway",
        "Greta Lind",
        "Kapitänin Orla Voss",
        "Jonah Pike",
        "Frau Abendroth",
        "Felix Marr",
        "Doktor Ivo Stern",
    ),
    help_words=("fragen", "vertrauen", "helfen", "bitten"),
    move_words=("gehen", "fahren", "zurück", "laufen", "aufbrechen", "zum", "zur", "nach"),
    speech=(r"\bsagte {name}\b", r"\b{name} sagte\b", r"\bfragte {name}\b", r"\b{name} fragte\b"),
    titles=(r"\b(?:Herrn?|Frau|Lady)\b(?!\s+[A-ZÄÖÜ])",),
)

FR = Script(
    premises=(
        Premise(
            "L'inspectrice Priya Nair doit retrouver la couronne volée à Nouvelle-Avalon "
            "avec M. Okafor",
            "polar",
            ("Priya", "Nair"),
            ("couronne",),
            ("Okafor",),
            ("Nouvelle-Avalon",),
            ("Priya Nair",),
        ),
        Premise(
            "Un chat nommé Tom garde un phare sur la Côte de Verre",
            "fantasy",
            ("Tom",),
            ("phare",),
            (),
            ("Côte de Verre",),
        ),
        Premise(
            "La capitaine Mira Solis et son robot Bolt doivent réparer la balise cassée de "
            "la Colonie lunaire",
            "science-fiction",
            ("Mira", "Solis"),
            ("balise",),
            ("Bolt",),
            ("Colonie lunaire",),
            ("Mira Solis",),
        ),
        Premise(
            "Lady Elspeth Grey cherche le journal perdu de sa grand-mère au manoir Hollow",
            "horreur",
            ("Elspeth", "Grey"),
            ("journal",),
            (),
            ("Hollow",),
            ("Elspeth Grey",),
        ),
        Premise(
            "L'inspectrice Lena Vogel doit retrouver le tableau disparu au musée avec la "
            "docteure Amara Osei",
            "polar",
            ("Lena", "Vogel"),
            ("tableau",),
            ("Osei", "Amara"),
            ("musée",),
            ("Lena Vogel", "Amara Osei"),
        ),
        Premise(
            "Le professeur Hugo Brandt veut rapporter la boussole dorée à Port-Hollow",
            "aventure",
            ("Hugo", "Brandt"),
            ("boussole",),
            (),
            ("Port-Hollow",),
            ("Hugo Brandt",),
        ),
        Premise(
            "Une jeune sorcière nommée Wren doit trouver l'anneau de pierre de lune dans "
            "le Bois Murmurant",
            "fantasy",
            ("Wren",),
            ("anneau",),
            (),
            ("Bois Murmurant",),
        ),
        Premise(
            "Léo Martin et son chien Biscuit doivent reprendre le trophée volé au baron Krell",
            "comédie",
            ("Léo", "Martin"),
            ("trophée",),
            ("Biscuit",),
            (),
            ("Léo Martin",),
        ),
        Premise(
            "La princesse Isolde doit protéger l'œuf de dragon au château d'Ardent",
            "conte de fées",
            ("Isolde",),
            ("œuf",),
            (),
            ("Ardent",),
        ),
        Premise(
            "Le docteur Kofi Mensah doit retrouver la carte des étoiles perdue à bord de "
            "la station Orion",
            "science-fiction",
            ("Kofi", "Mensah"),
            ("carte",),
            (),
            ("Orion",),
            ("Kofi Mensah",),
        ),
    ),
    directions=(
        Direction("join", "{new} arrive avec des nouvelles urgentes", ("{new}",)),
        Direction("reveal", "Le voleur est {new}", ("{new}",)),
        Direction("reveal", "{new} est le coupable", ("{new}",)),
        Direction("move", "Ils vont au vieux port", ("port",)),
        Direction("move", "Ils se rendent à la gare", ("gare",)),
        Direction("leave", "{ally} part prévenir le maire", ("{ally}",)),
        Direction("weather", "Un orage éclate", ("orage",)),
        Direction("find", "Ils trouvent une porte cachée", ("porte",)),
        Direction("act", "{hero} grimpe sur le toit", ("toit",)),
        Direction("act", "Un inconnu frappe à la fenêtre", ("fenêtre",)),
        Direction("tone", "Rends l'histoire plus effrayante"),
    ),
    newcomers=(
        "Lady Vance",
        "M. Holloway",
        "Margaux Lind",
        "la capitaine Orla Voss",
        "Jonas Pike",
        "Mme Abernathy",
        "Félix Marr",
        "le docteur Ivo Stern",
    ),
    help_words=("demander", "faire confiance", "aider", "aide"),
    move_words=("aller", "retourner", "rendre", "partir", "filer"),
    speech=(r"\bdit {name}\b", r"\bdemanda {name}\b", r"\b{name} dit\b", r"\brépondit {name}\b"),
    titles=(r"\b(?:M\.|Mme|Lady)(?!\s+[A-ZÉ])",),
)

JA = Script(
    premises=(
        Premise(
            "探偵のプリヤ・ナイルは、オカフォー氏と一緒にニュー・アヴァロンで盗まれた王冠を探さなければならない",
            "ミステリー",
            ("プリヤ", "ナイル"),
            ("王冠",),
            ("オカフォー",),
            ("ニュー・アヴァロン",),
            ("プリヤ・ナイル",),
        ),
        Premise(
            "トムという猫が、ガラス海岸の灯台を守っている",
            "ファンタジー",
            ("トム",),
            ("灯台",),
            (),
            ("ガラス海岸",),
        ),
        Premise(
            "船長のミラ・ソリスとロボットのボルトは、月面基地の壊れたビーコンを直さなければならない",
            "SF",
            ("ミラ", "ソリス"),
            ("ビーコン",),
            ("ボルト",),
            ("月面基地",),
            ("ミラ・ソリス",),
        ),
        Premise(
            "エルスペス・グレイ夫人は、ホロウ館で祖母のなくした日記を探している",
            "ホラー",
            ("エルスペス", "グレイ"),
            ("日記",),
            (),
            ("ホロウ館",),
            ("エルスペス・グレイ",),
        ),
        Premise(
            "警部のレナ・フォーゲルは、アマラ・オセイ博士と一緒に美術館から消えた絵を取り戻さなければならない",
            "ミステリー",
            ("レナ", "フォーゲル"),
            ("絵",),
            ("オセイ", "アマラ"),
            ("美術館",),
            ("レナ・フォーゲル", "アマラ・オセイ"),
        ),
        Premise(
            "ヒューゴ・ブラント教授は、金のコンパスをホロウ港へ返したい",
            "冒険",
            ("ヒューゴ", "ブラント"),
            ("コンパス",),
            (),
            ("ホロウ港",),
            ("ヒューゴ・ブラント",),
        ),
        Premise(
            "レンという若い魔女が、ささやきの森で月長石の指輪を見つけなければならない",
            "ファンタジー",
            ("レン",),
            ("指輪",),
            (),
            ("ささやきの森",),
        ),
        Premise(
            "ハルトと犬のポチは、クレル男爵から盗まれたトロフィーを取り返さなければならない",
            "コメディ",
            ("ハルト",),
            ("トロフィー",),
            ("ポチ",),
            (),
        ),
        Premise(
            "イゾルデ姫は、アーデント城で竜の卵を守らなければならない",
            "童話",
            ("イゾルデ",),
            ("卵",),
            (),
            ("アーデント城",),
        ),
        Premise(
            "コフィ・メンサ博士は、オリオン・ステーションでなくした星図を見つけなければならない",
            "SF",
            ("コフィ", "メンサ"),
            ("星図",),
            (),
            ("オリオン・ステーション",),
            ("コフィ・メンサ",),
        ),
    ),
    directions=(
        Direction("join", "{new}が急ぎの知らせを持ってやって来る", ("{new}",)),
        Direction("reveal", "犯人は{new}だ", ("{new}",)),
        Direction("reveal", "{new}が泥棒だった", ("{new}",)),
        Direction("move", "古い港へ向かう", ("港",)),
        Direction("move", "駅に行く", ("駅",)),
        Direction("leave", "{ally}は市長に知らせるために去る", ("{ally}",)),
        Direction("weather", "嵐がやって来る", ("嵐",)),
        Direction("find", "隠し扉を見つける", ("扉",)),
        Direction("act", "{hero}は屋根に登る", ("屋根",)),
        Direction("act", "見知らぬ人が窓をたたく", ("窓",)),
        Direction("tone", "もっと怖くして"),
    ),
    newcomers=(
        "ヴァンス夫人",
        "ホロウェイ氏",
        "グレタ・リンド",
        "オルラ・ヴォス船長",
        "ジョナ・パイク",
        "アバナシー夫人",
        "フェリックス・マール",
        "イヴォ・シュテルン博士",
    ),
    help_words=("頼る", "相談", "助け", "協力"),
    move_words=("向かう", "行く", "戻る"),
    speech=(r"「[^」]*」と{name}(?:は|が)", r"{name}(?:は|が)(?:言った|尋ねた|答えた)"),
)

SCRIPTS = {"en": EN, "de": DE, "fr": FR, "ja": JA}
