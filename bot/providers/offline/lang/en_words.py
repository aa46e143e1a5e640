"""English word lists for reading premises and directions."""

from __future__ import annotations

import re

from bot.providers.offline.lang import en_phrases

TITLES = frozenset(
    """mr mrs ms miss dr doctor detective inspector captain professor prof lady lord sir dame
    madam madame king queen prince princess duke duchess count countess baron baroness
    sergeant officer agent constable chief commander admiral general aunt uncle grandma
    grandpa granny father mother brother sister master mistress judge mayor nurse coach chef
    mister""".split()
)
GENDERED = {
    **dict.fromkeys(
        "mrs ms miss lady dame madam madame queen princess duchess countess baroness aunt "
        "grandma granny mother sister mistress girl woman witch".split(),
        "f",
    ),
    **dict.fromkeys(
        "mr sir lord king prince duke count baron uncle grandpa father brother master mister "
        "boy man wizard".split(),
        "m",
    ),
}
_FEMALE = frozenset(
    """priya mira ana anna ivy nell esme hazel pia juniper wren lena nora tilly amara isolde
    elspeth maya zoe lucy emma olivia sophia grace rose ruby clara alice sarah hannah leah
    eva ella lily mia chloe julia marie sofia amelia ada greta elena irene fatima aisha
    yuki hana sakura""".split()
)
_MALE = frozenset(
    """tom bram leo hugo roland tobin arlo otto milo felix rowan ben sam max jack oliver
    harry james john david daniel lucas noah ethan liam adam omar ravi kenji hiro bolt rusk
    ember""".split()
)


def guess_gender(first_name: str) -> str:
    """A guess from the first name: lists, then the ending ("-a", "-ie", "-elle"...)."""
    lowered = first_name.lower().strip(".")
    if lowered in _FEMALE:
        return "f"
    if lowered in _MALE:
        return "m"
    return "f" if lowered.endswith(("a", "ie", "elle", "ette", "ine", "ah", "lyn")) else "m"


STRONG_PREPS = frozenset(
    "in at on inside near across beyond through toward towards around into outside aboard "
    "along within under behind above below past over onto upon".split()
)
WEAK_PREPS = frozenset("to from of".split())
DETERMINERS = frozenset("a an the her his their its my our your this that".split())
RIVAL_CUES = frozenset(
    "from against rival enemy nemesis villain thief evil wicked before than outwit defeat "
    "stop foil".split()
)
COND = {
    "stolen": "stolen",
    "missing": "lost",
    "lost": "lost",
    "vanished": "lost",
    "broken": "broken",
    "shattered": "broken",
    "damaged": "broken",
    "cracked": "broken",
    "cursed": "cursed",
    "haunted": "cursed",
    "enchanted": "cursed",
    "hidden": "hidden",
    "forgotten": "hidden",
    "sunken": "hidden",
    "buried": "hidden",
    "secret": "hidden",
}
GOAL_VERBS = {
    **dict.fromkeys(
        "find finds recover recovers retrieve retrieves uncover uncovers discover discovers "
        "explore explores".split(),
        "find",
    ),
    **dict.fromkeys(
        [
            "search for",
            "searches for",
            "look for",
            "looks for",
            "hunt for",
            "hunts for",
            "track down",
            "tracks down",
            "get back",
            "gets back",
            "steal back",
            "steals back",
            "bring back",
            "brings back",
            "searching for",
            "looking for",
            "win back",
            "wins back",
            "take back",
            "takes back",
        ],
        "find",
    ),
    **dict.fromkeys("solve solves".split(), "solve"),
    **dict.fromkeys("catch catches unmask unmasks".split(), "catch"),
    **dict.fromkeys(
        "guard guards protect protects defend defends guarding protecting".split(), "protect"
    ),
    **dict.fromkeys(["keep safe", "keeps safe", "watch over", "watches over"], "protect"),
    **dict.fromkeys("deliver delivers return returns carry carries".split(), "deliver"),
    **dict.fromkeys("win wins".split(), "win"),
    **dict.fromkeys(
        "repair repairs fix fixes mend mends rebuild rebuilds restore restores".split(), "repair"
    ),
    **dict.fromkeys("break breaks lift lifts cure cures heal heals".split(), "free"),
    **dict.fromkeys("stop stops prevent prevents defeat defeats".split(), "stop"),
    **dict.fromkeys("rescue rescues free frees save saves".split(), "rescue"),
    **dict.fromkeys("reach reaches cross crosses climb climbs".split(), "reach"),
}
PLACE_NOUNS = {
    **dict.fromkeys("museum gallery".split(), "museum"),
    **dict.fromkeys("library archive archives bookshop".split(), "library"),
    "lighthouse": "lighthouse",
    **dict.fromkeys("harbour harbor port docks dock pier wharf quay".split(), "harbour"),
    **dict.fromkeys("coast shore beach cliffs cliff bay".split(), "coast"),
    **dict.fromkeys("island isle islands".split(), "island"),
    **dict.fromkeys("forest wood woods jungle swamp marsh".split(), "forest"),
    **dict.fromkeys("city capital streets street avenue square".split(), "city"),
    **dict.fromkeys("town village hamlet".split(), "village"),
    **dict.fromkeys("castle palace fortress keep".split(), "castle"),
    **dict.fromkeys("manor mansion house hall estate cottage".split(), "manor"),
    **dict.fromkeys("tower clocktower".split(), "tower"),
    **dict.fromkeys("station colony base outpost".split(), "station"),
    **dict.fromkeys("ship spaceship starship boat vessel".split(), "ship"),
    **dict.fromkeys("mountain mountains hills hill peak peaks valley".split(), "mountain"),
    **dict.fromkeys("cave caves mine tunnel tunnels cavern".split(), "cave"),
    **dict.fromkeys("ruins temple tomb pyramid".split(), "ruins"),
    **dict.fromkeys("market bazaar fair".split(), "market"),
    **dict.fromkeys("garden gardens park orchard".split(), "garden"),
    **dict.fromkeys("school academy university college".split(), "school"),
    **dict.fromkeys("lake river sea ocean falls waterfall pond".split(), "lake"),
    "desert": "desert",
    **dict.fromkeys("planet moon mars".split(), "planet"),
    **dict.fromkeys("lab laboratory workshop observatory".split(), "lab"),
    **dict.fromkeys("inn tavern hotel cafe café bakery shop".split(), "inn"),
    **dict.fromkeys("theatre theater circus opera".split(), "theatre"),
    **dict.fromkeys("farm mill barn".split(), "farm"),
    "kingdom": "city",
    "realm": "city",
}
PLACE_FIRST = {
    "port": "harbour",
    "mount": "mountain",
    "lake": "lake",
    "fort": "castle",
    "cape": "coast",
    "castle": "castle",
    "isle": "island",
}
NP_STOP = frozenset(
    """a an the and or but nor so yet for if then than as at by in into of off on onto out
    over to up with without within across beyond near through toward towards around behind
    beside between inside outside upon above below along against during until while since
    though although unless whether because after before once when where why how what which
    who whom whose that this these those there here is was are were be been being am has
    had have must should could would will shall can may might do does did named called
    she he it they we i you him them us me from aboard via past""".split()
)
_FUNCTION = frozenset(
    """a an the and or but nor so yet for if then than as at by in into of off on onto out
    over to up with without after before once when where why how what which who this that
    these those there here now soon later meanwhile finally suddenly still even just only
    also perhaps maybe yes no not never always every each all some any many much more most
    few other another such both either neither nobody everyone someone something nothing
    everything i me my you your he him his she her it its we us our they them their oh ah
    well dear please sorry thanks ok okay today tomorrow yesterday tonight morning evening
    night day chapter part story tale end once long is was are were let go come look
    listen wait stop make make take find tell write give show continue""".split()
)
COMMON = _FUNCTION | frozenset(
    word.lower()
    for templates in en_phrases.PHRASES.values()
    for template in templates
    for word in re.findall(r"(?:^|[.!?]\s|“)([A-Z][a-z'’]+)", template)
)
"""Capitalised but not names: function words, and every word an English phrase starts with."""
