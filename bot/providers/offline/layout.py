"""The part as a reader sees it: paragraphs, varied subjects, the numbered options."""

from __future__ import annotations

from bot.providers.offline.model import Character, Offer
from bot.providers.offline.template import Scene


def layout(scene: Scene) -> str:
    """Paragraphs of one to four sentences; talk and new beats start their own."""
    paragraphs: list[list[str]] = []
    last_kind = ""
    for block in scene.blocks:
        talked = last_kind.startswith("say.")
        if not paragraphs or block.para or talked or len(paragraphs[-1]) + len(block.sentences) > 4:
            paragraphs.append(list(block.sentences))
        else:
            paragraphs[-1].extend(block.sentences)
        last_kind = block.kind
    names = [(form, who) for who in scene.story.cast for form in scene.lang.forms(who) if form]
    names.sort(key=lambda item: -len(item[0]))
    return "\n\n".join(scene.lang.join(_vary_subjects(scene, p, names)) for p in paragraphs if p)


def _vary_subjects(
    scene: Scene, sentences: list[str], names: list[tuple[str, Character]]
) -> list[str]:
    """ "Priya ran. She fell." rather than "Priya ran. Priya fell." within a paragraph."""
    out: list[str] = []
    previous = None
    for sentence in sentences:
        subject = next(
            ((form, who) for form, who in names if sentence.startswith(form + " ")), None
        )
        if subject is not None and previous is not None and subject[1].id == previous.id:
            form, who = subject
            rest = sentence[len(form) + 1 :]
            pronoun = scene.lang.pronoun(who)
            rivals = [
                w for f, w in names if w.id != who.id and w.gender == who.gender and f in out[-1]
            ]
            if pronoun and rest[:1].islower() and not rivals:
                sentence = f"{pronoun} {rest}"
        previous = subject[1] if subject is not None else None
        out.append(sentence)
    return out


def with_options(scene: Scene, text: str, options: list[Offer]) -> str:
    numbered = "\n".join(f"{n}. {option.label}" for n, option in enumerate(options, 1))
    return f"{text}\n\n{scene.lang.heading}\n{numbered}"


def count_seen(scene: Scene) -> None:
    story = scene.story
    for who in story.cast:
        if scene.mentions.get(who.id):
            who.seen += 1
            who.last = story.plot.part
