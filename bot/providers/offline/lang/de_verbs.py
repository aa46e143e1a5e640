"""German verbs, to retell a reader's direction in the story's past tense (Präteritum).

"Ein Sturm zieht auf" becomes "Ein Sturm zog auf", "Auf das Dach klettern"
becomes "Priya kletterte auf das Dach". Strong and mixed verbs are listed by
their present forms; weak ones add -te to the stem.
"""

from __future__ import annotations

_STRONG = """
ist:war sind:war seid:war bin:war hat:hatte haben:hatte habt:hatte wird:wurde werden:wurde
kann:konnte können:konnte muss:musste müssen:musste will:wollte wollen:wollte soll:sollte
sollen:sollte darf:durfte dürfen:durfte mag:mochte geht:ging gehen:ging kommt:kam kommen:kam
sieht:sah sehen:sah findet:fand finden:fand nimmt:nahm nehmen:nahm gibt:gab geben:gab
läuft:lief laufen:lief fährt:fuhr fahren:fuhr steht:stand stehen:stand sitzt:saß sitzen:saß
liegt:lag liegen:lag zieht:zog ziehen:zog bricht:brach brechen:brach fällt:fiel fallen:fiel
hält:hielt halten:hielt ruft:rief rufen:rief schreit:schrie schreien:schrie spricht:sprach
sprechen:sprach weiß:wusste wissen:wusste bringt:brachte bringen:brachte denkt:dachte
denken:dachte kennt:kannte kennen:kannte rennt:rannte rennen:rannte springt:sprang
springen:sprang singt:sang singen:sang trinkt:trank trinken:trank isst:aß essen:aß
schläft:schlief schlafen:schlief trifft:traf treffen:traf tritt:trat treten:trat wirft:warf
werfen:warf hilft:half helfen:half beginnt:begann beginnen:begann gewinnt:gewann
gewinnen:gewann schwimmt:schwamm schwimmen:schwamm fliegt:flog fliegen:flog flieht:floh
fliehen:floh verliert:verlor verlieren:verlor verschwindet:verschwand verschwinden:verschwand
erscheint:erschien erscheinen:erschien bleibt:blieb bleiben:blieb schreibt:schrieb
schreiben:schrieb steigt:stieg steigen:stieg schleicht:schlich schleichen:schlich
greift:griff greifen:griff reitet:ritt reiten:ritt schneidet:schnitt schneiden:schnitt
fängt:fing fangen:fing lässt:ließ lassen:ließ liest:las lesen:las vergisst:vergaß
vergessen:vergaß versteht:verstand verstehen:verstand bittet:bat bitten:bat schließt:schloss
schließen:schloss riecht:roch riechen:roch klingt:klang klingen:klang stiehlt:stahl
stehlen:stahl verrät:verriet verraten:verriet rät:riet raten:riet hängt:hing hängen:hing
scheint:schien scheinen:schien schweigt:schwieg schweigen:schwieg sinkt:sank sinken:sank
stößt:stieß stoßen:stieß tut:tat tun:tat wäscht:wusch trägt:trug tragen:trug schlägt:schlug
schlagen:schlug gräbt:grub graben:grub wächst:wuchs wachsen:wuchs befiehlt:befahl
erkennt:erkannte erkennen:erkannte nennt:nannte nennen:nannte brennt:brannte brennen:brannte
entkommt:entkam entkommen:entkam betritt:betrat betreten:betrat verlässt:verließ
verlassen:verließ entschließt:entschloss beschließt:beschloss beschließen:beschloss
lädt:lud laden:lud erhält:erhielt bekommt:bekam bekommen:bekam gelingt:gelang entdeckt:entdeckte
"""
PAST: dict[str, str] = dict(pair.split(":") for pair in _STRONG.split())
IMPERATIVE = {
    "geh": "gehen",
    "nimm": "nehmen",
    "sieh": "sehen",
    "lies": "lesen",
    "gib": "geben",
    "hilf": "helfen",
    "komm": "kommen",
    "lauf": "laufen",
    "find": "finden",
    "sprich": "sprechen",
    "iss": "essen",
    "wirf": "werfen",
    "triff": "treffen",
}
SEPARABLE = (
    "zurück",
    "heraus",
    "herein",
    "hinaus",
    "hinein",
    "herum",
    "hinauf",
    "hinunter",
    "weiter",
    "weg",
    "los",
    "fort",
    "nach",
    "mit",
    "vor",
    "auf",
    "aus",
    "ein",
    "an",
    "ab",
    "bei",
    "zu",
    "her",
    "hin",
    "dazu",
    "vorbei",
)
NOT_VERBS = frozenset(
    "nicht jetzt gut laut leicht schnell bereits erst fast oft bald dort hier mit bei seit "
    "bis selbst nachts heute morgen gestern sofort leise plötzlich endlich zusammen".split()
)


def past(finite: str, plural: bool) -> str:
    """The Präteritum of a present-tense (or infinitive) verb form, "" if it is not one."""
    word = finite.lower()
    if word in NOT_VERBS or (not word.isalpha() and "ß" not in word):
        return ""
    stem_past = PAST.get(word)
    if stem_past is None:
        if word.endswith("en") and len(word) > 4:
            stem = word[:-2]
        elif word.endswith("t") and len(word) > 3:
            stem = word[:-1]
            if stem.endswith("e") and stem[-2:-1] in ("t", "d"):
                stem = stem[:-1]
        else:
            return ""
        ending = "ete" if stem.endswith(("t", "d")) or stem.endswith(("chn", "ffn", "gn")) else "te"
        stem_past = stem + ending
    if plural:
        return stem_past + ("n" if stem_past.endswith("e") else "en")
    return stem_past


def split_infinitive(infinitive: str) -> tuple[str, str]:
    """ "zurückgehen" -> ("gehen", "zurück"): a separable verb and its prefix."""
    lowered = infinitive.lower()
    for prefix in sorted(SEPARABLE, key=len, reverse=True):
        rest = lowered[len(prefix) :]
        if lowered.startswith(prefix) and len(rest) > 3 and rest in PAST:
            return rest, prefix
    for prefix in WEAK_PREFIXES:  # weak verbs: only the prefixes that are always separable
        rest = lowered[len(prefix) :]
        if lowered.startswith(prefix) and len(rest) > 4 and rest.endswith("en"):
            return rest, prefix
    return lowered, ""


WEAK_PREFIXES = (
    "zurück",
    "heim",
    "nach",
    "auf",
    "aus",
    "ein",
    "mit",
    "weg",
    "los",
    "vor",
    "ab",
    "an",
)
