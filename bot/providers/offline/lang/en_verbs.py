"""English verbs, to retell a reader's direction in the story's past tense.

"A storm rolls in" becomes "A storm rolled in", "Climb the tower" becomes
"Priya climbed the tower". Irregular verbs are listed; regular ones follow
the spelling rules, and a list of common regular verbs lets the reader tell a
verb from a noun.
"""

from __future__ import annotations

_IRREGULAR = """
arise:arose awake:awoke be:was bear:bore beat:beat become:became begin:began bend:bent
bet:bet bite:bit bleed:bled blow:blew break:broke breed:bred bring:brought build:built
burn:burned burst:burst buy:bought catch:caught choose:chose cling:clung come:came
cost:cost creep:crept cut:cut deal:dealt dig:dug dive:dove do:did draw:drew dream:dreamed
drink:drank drive:drove eat:ate fall:fell feed:fed feel:felt fight:fought find:found
flee:fled fling:flung fly:flew forbid:forbade forget:forgot forgive:forgave freeze:froze
get:got give:gave go:went grind:ground grow:grew hang:hung have:had hear:heard hide:hid
hit:hit hold:held hurt:hurt keep:kept kneel:knelt know:knew lay:laid lead:led leap:leapt
leave:left lend:lent let:let lie:lay light:lit lose:lost make:made mean:meant meet:met
pay:paid put:put quit:quit read:read ride:rode ring:rang rise:rose run:ran say:said
see:saw seek:sought sell:sold send:sent set:set shake:shook shine:shone shoot:shot
show:showed shrink:shrank shut:shut sing:sang sink:sank sit:sat sleep:slept slide:slid
sling:slung sneak:snuck speak:spoke speed:sped spend:spent spin:spun spit:spat split:split
spread:spread spring:sprang stand:stood steal:stole stick:stuck sting:stung stink:stank
strike:struck string:strung strive:strove swear:swore sweep:swept swim:swam swing:swung
take:took teach:taught tear:tore tell:told think:thought throw:threw tread:trod
understand:understood undo:undid upset:upset wake:woke wear:wore weave:wove weep:wept
win:won wind:wound withdraw:withdrew write:wrote overhear:overheard overtake:overtook
mislead:misled
"""
IRREGULAR: dict[str, str] = dict(pair.split(":") for pair in _IRREGULAR.split())

REGULAR = frozenset(
    """
    act add admire agree allow announce answer appear arrive ask attack attempt avoid bake
    bark beg believe belong blink borrow bounce bow burn call calm change charge chase cheer
    check chew clap clean clear climb close collapse collect crash crawl cross cry dance
    dare decide deliver destroy disappear discover dodge drag drop dress echo end enter
    escape examine explain explode explore fail faint fetch fill finish fix flash float
    flood follow force form gasp gather giggle glance glow grab greet grin guard guess
    gather hammer hand happen head help hop hope hug hum hunt hurry ignore imagine invite
    jump kick kiss knock land laugh learn lift like listen live lock look love march mark
    melt mend miss move nod notice offer open order pack paint pass pause peek phone pick
    plan play point pour pray prepare pretend promise pull push race rain rattle reach
    realise realize receive refuse remember repair reply rescue rest return roar roll rush
    sail save scream search shout sigh sign sketch slam slip smash smell smile sneeze
    snow solve spark spill spot start stay step stop storm study stumble surprise
    suspect talk tap thank track travel trip trust try turn unlock use vanish visit wait
    walk wander want warn wash watch wave whisper wink wish wonder work worry yell zoom
    """.split()
)
_DOUBLE = frozenset(
    "stop drop trip slip nod grab hop hug hum tap clap plan beg wag rub pat".split()
)


def past(verb: str) -> str:
    """The simple past of a base form: "run" -> "ran", "try" -> "tried", "stop" -> "stopped"."""
    lowered = verb.lower()
    if lowered in IRREGULAR:
        return IRREGULAR[lowered]
    if lowered in _DOUBLE:
        return lowered + lowered[-1] + "ed"
    if lowered.endswith("e"):
        return lowered + "d"
    if lowered.endswith("y") and len(lowered) > 2 and lowered[-2] not in "aeiou":
        return lowered[:-1] + "ied"
    return lowered + "ed"


def base_of(word: str) -> str:
    """The base form of a present-tense verb if ``word`` is one ("finds" -> "find"), else ""."""
    lowered = word.lower()
    if lowered in IRREGULAR or lowered in REGULAR:
        return lowered
    special = {"is": "be", "are": "be", "has": "have", "does": "do", "goes": "go"}
    if lowered in special:
        return special[lowered]
    candidates = []
    if lowered.endswith("ies"):
        candidates.append(lowered[:-3] + "y")
    if lowered.endswith("es"):
        candidates.append(lowered[:-2])
    if lowered.endswith("s"):
        candidates.append(lowered[:-1])
    return next((c for c in candidates if c in IRREGULAR or c in REGULAR), "")


def past_of(word: str, plural: bool) -> str:
    """``word`` (present tense) in the past, agreeing with a plural subject for "be"."""
    base = base_of(word)
    if not base:
        return ""
    if base == "be":
        return "were" if plural or word.lower() == "are" else "was"
    return past(base)
