"""French verbs, to retell a reader's direction in the story's passé simple.

"Un orage éclate" becomes "Un orage éclata", "Grimper sur le toit" becomes
"Priya grimpa sur le toit". Irregular verbs are listed by their present and
infinitive forms; regular -er and -ir verbs follow the rules.
"""

from __future__ import annotations

_IRREGULAR = """
est:fut sont:furent être:fut a:eut ont:eurent avoir:eut fait:fit font:firent faire:fit
va:alla vont:allèrent aller:alla vient:vint viennent:vinrent venir:vint revient:revint
reviennent:revinrent revenir:revint devient:devint deviennent:devinrent devenir:devint
tient:tint tiennent:tinrent tenir:tint prend:prit prennent:prirent prendre:prit
reprend:reprit reprennent:reprirent reprendre:reprit comprend:comprit comprendre:comprit
voit:vit voient:virent voir:vit dit:dit disent:dirent dire:dit part:partit partent:partirent
partir:partit sort:sortit sortent:sortirent sortir:sortit court:courut courent:coururent
courir:courut découvre:découvrit découvrent:découvrirent découvrir:découvrit ouvre:ouvrit
ouvrent:ouvrirent ouvrir:ouvrit met:mit mettent:mirent mettre:mit peut:put peuvent:purent
pouvoir:put veut:voulut veulent:voulurent vouloir:voulut sait:sut savent:surent savoir:sut
doit:dut doivent:durent devoir:dut lit:lut lisent:lurent lire:lut écrit:écrivit
écrivent:écrivirent écrire:écrivit suit:suivit suivent:suivirent suivre:suivit
connaît:connut connaissent:connurent connaître:connut apparaît:apparut apparaissent:apparurent
apparaître:apparut disparaît:disparut disparaissent:disparurent disparaître:disparut
éteint:éteignit éteignent:éteignirent éteindre:éteignit entend:entendit entendent:entendirent
entendre:entendit attend:attendit attendent:attendirent attendre:attendit descend:descendit
descendent:descendirent descendre:descendit perd:perdit perdent:perdirent perdre:perdit
répond:répondit répondent:répondirent répondre:répondit rend:rendit rendent:rendirent
rendre:rendit fuit:fuit fuient:fuirent fuir:fuit s'enfuit:s'enfuit s'enfuient:s'enfuirent
dort:dormit dorment:dormirent dormir:dormit sent:sentit sentent:sentirent sentir:sentit
boit:but boivent:burent boire:but croit:crut croient:crurent croire:crut reçoit:reçut
reçoivent:reçurent recevoir:reçut vit:vécut vivent:vécurent vivre:vécut éclate:éclata
rejoint:rejoignit rejoignent:rejoignirent rejoindre:rejoignit se:se s'en:s'en
"""
PAST: dict[str, str] = dict(pair.split(":", 1) for pair in _IRREGULAR.split())
NOT_VERBS = frozenset(
    "le la les un une des du de au aux et ou mais puis sur sous dans avec sans pour par vers "
    "chez très plus bien encore déjà toujours soudain alors ensuite".split()
)


def past(word: str) -> str:
    """The passé simple (3rd person) of a present, imperative or infinitive form, or ""."""
    lowered = word.lower()
    if lowered in PAST:
        return PAST[lowered]
    if lowered in NOT_VERBS or not lowered.isalpha():
        return ""
    if lowered.endswith("ent") and len(lowered) > 5:
        stem = lowered[:-3]
        if stem.endswith("iss"):
            return stem[:-3] + "irent"
        return stem + "èrent"
    if lowered.endswith("er") and len(lowered) > 3:
        stem = lowered[:-2]
        return stem + ("ea" if stem.endswith("g") else "ça" if stem.endswith("c") else "a")
    if lowered.endswith("ir") and len(lowered) > 3:
        return lowered[:-2] + "it"
    if lowered.endswith("e") and len(lowered) > 3:
        stem = lowered[:-1]
        return stem + ("ea" if stem.endswith("g") else "ça" if stem.endswith("c") else "a")
    if lowered.endswith("it") and len(lowered) > 3:
        return lowered
    return ""
