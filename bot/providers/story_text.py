"""Reading story text: sentences, names, places and objects, numbered choices, summaries.

Used by the engine for every storyteller (:func:`parse_choices` reads the
options a part ends with; :func:`summarise` is the fallback memory summariser)
and by the offline storyteller to find what a premise is about. Plain regular
expression heuristics: nothing here needs a model.
"""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from bot.providers import offline_pools as pools

MAX_CAST = 12
MAX_PLACES = 8
MAX_OPTION_CHARS = 80
CHOICES_HEADING = "What happens next?"
THE_END = "The End."

PLACE_WORDS = frozenset(
    "in at on to from across under beyond near into through toward towards around over "
    "along inside aboard past within sur dans en à au aux auf im nach bei".split()
)
# Before a bare capitalised word, "to", "at", "from"... introduce people as often as
# places ("said to Pip"); story text trusts only these. Premises trust all PLACE_WORDS.
PLACE_WORDS_BARE = frozenset(
    "in on across under beyond near inside aboard through within along sur dans en à au aux "
    "auf im".split()
)
ARTICLES_ABROAD = frozenset("la le les l el los las die der das den il lo".split())
PLACE_NOUNS = frozenset(
    "ruins city town village kingdom land island isle planet streets edge shores forest "
    "mountains realm empire moons depths outskirts capital world sea seas moon".split()
)
DETERMINERS = frozenset("a an the his her their its my our your".split())
CONNECTORS = frozenset("of de du la le von van der del da di".split())
VERBS = frozenset(
    "is was are were be been being am has had have lives lived wants wanted loves loved "
    "finds found gets got goes went can could will would must should might may becomes "
    "became meets met discovers discovered learns learned tries tried needs needed guards "
    "guarded protects protected keeps kept sees saw hears heard says said named called "
    "stood sat ran flew fell grew rose lay slept woke came left took gave made knew thought "
    "told felt held brought began sang hid stole broke wrote spoke drew wore won shone led "
    "fought caught built sent spent "
    "who whom whose which that where when while".split()
)
VAGUE = frozenset(
    "story tale time day way thing things lot bit kind sort one world place part end "
    "beginning start chapter fun something".split()
)
# Capitalised but not names: function words, story words, and anything a pool
# sentence starts with (added below), so our own text never invents a character.
COMMON = frozenset(
    """a an the and or but nor so yet for if then than as at by in into of off on onto out
    over to up with without within across beyond near through toward towards around behind
    beside between inside outside upon above below along against during until while since
    though although unless whether because after before once when where why how what which
    who whom whose this that these those there here now soon later meanwhile finally
    suddenly still even just only also perhaps maybe yes no not never always every each all
    some any many much more most few other another such both either neither nobody everyone
    everybody someone somebody something nothing everything anything somewhere anywhere i
    me my mine you your yours he him his she her hers it its we us our ours they them their
    theirs oh ah hey hi hello well dear please sorry thanks thank ok okay write tell make
    create give show continue describe imagine start begin let go come look listen wait stop
    today tomorrow yesterday tonight morning evening night day monday tuesday wednesday
    thursday friday saturday sunday chapter part story tale end cast places far once upon
    long ago is was are were be been will would can could shall should may might must do
    does did have has had don't can't i'm i'll we're you're they're it's that's let's
    what's there's here's dragons pirates robots wizards witches knights kids children
    people aliens ghosts monsters cats dogs animals heroes""".split()
).union(
    word.lower()
    for template in pools.all_templates()
    for word in re.findall(r"\b[A-Z][a-z'’]+", template)
)
OPTION_VERBS = frozenset(
    option.split()[0].lower()
    for pool in (*pools.GENRES.values(), pools.GENERIC)
    for option in pool.options
)

_TOKEN = re.compile(r"[^\W_](?:[\w'’-]*[^\W_])?|[.!?…]+|\n|[^\w\s]")
_SENTENCE = re.compile(r"\S.*?(?:[.!?…]+[”\"’')\]]*(?=\s|$)|$)", re.S)
_OPTION = re.compile(r"^\s*[*_]{0,2}(\d{1,2})[.)][*_]{0,2}\s+(.+?)\s*$")
_APOSTROPHE = re.compile(r"['’]")
_MARKUP = re.compile(r"<[^>]*>|[<>{}`*_~|\\]")
_MARKS = "<>{}`*_~|\\"
_POSSESSIVE = ("'s", "’s")
_SENTENCE_BREAKS = "\n.!?…"
_NAMING = ("named", "called")
_CUES = DETERMINERS | frozenset(_NAMING)
"""Lowercase words that start something to read; every other lowercase word is skipped."""
_NAME_CUES = frozenset(_NAMING)
"""The cues when reading only names and places: the others start objects."""
_NOT_NAMES = DETERMINERS | PLACE_WORDS
_NOT_NOUNS = VERBS | COMMON
_ASCII_LETTERS = string.ascii_letters.encode()
_MAYBE_CAPITAL = string.ascii_uppercase.encode() + bytes(range(128, 256))
_MAYBE_NOT_WORD = b"\n" + bytes(
    byte
    for byte in range(256)
    if not (byte < 128 and (chr(byte).isalpha() or chr(byte).isspace() or chr(byte) == "_"))
)
"""Bytes where a token other than a word may start: all but ASCII letters, spaces and "_"."""


# --- Reading text: sentences, names, places, objects -------------------------------------


def split_sentences(text: str) -> list[str]:
    return _SENTENCE.findall(" ".join(text.split()))


def _first_sentence(text: str) -> str:
    """``split_sentences(text)[0]`` (or ""), reading no further than the first sentence.

    Squeezing whitespace after the match gives the same sentence as before it:
    the pattern sees whitespace only as "some whitespace" (``\\s``, or in ``.``).
    """
    match = _SENTENCE.search(text)
    return " ".join(match[0].split()) if match else ""


def word_count(text: str) -> int:
    return len(text.split())


def phrase_key(phrase: str) -> str:
    """Compare names and places without case or a leading "the"."""
    lowered = phrase.lower()
    return lowered[4:] if lowered.startswith("the ") else lowered


def merge_phrases(*groups: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    merged = []
    for group in groups:
        for item in group:
            if not item:
                continue
            key = phrase_key(item)
            if key not in seen:
                seen.add(key)
                merged.append(item)
    return merged


def _tokenise(text: str) -> list[str]:
    """``_TOKEN.findall(text)``, two to three times as fast.

    Tokens never span whitespace, and a run of letters between spaces is one
    token, so only the chunks with digits or punctuation need the regular expression.
    """
    tokens: list[str] = []
    for number, line in enumerate(text.split("\n")):
        if number:
            tokens.append("\n")
        for chunk in line.split():
            if chunk.isalpha():
                tokens.append(chunk)
            else:
                tokens.extend(_TOKEN.findall(chunk))
    return tokens


def _is_word(token: str) -> bool:
    return token[0].isalnum()


def _is_capitalised(token: str) -> bool:
    return token[0].isalnum() and token[0].isupper()


@functools.lru_cache(maxsize=4096)
def _is_common(word: str) -> bool:
    """Cached because a story says the same few names over and over."""
    lowered = word.lower()
    return lowered in COMMON or _APOSTROPHE.split(lowered, 1)[0] in COMMON


def _shouting(text: str, tokens: list[str]) -> bool:
    """ALL CAPS or Title Case Everywhere hides which words are names, so read it lowercased."""
    if not _may_be_shouting(text, tokens):
        return False
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 4 and sum(c.isupper() for c in letters) > 0.6 * len(letters):
        return True
    words = [w for w in tokens if w[0].isalpha()][1:]
    capitalised = [w for w in words if w[0].isupper()]
    small = [w for w in capitalised if w.lower() in COMMON or w.lower() in VERBS]
    return len(small) >= 2 and len(capitalised) >= 0.7 * len(words)


def _may_be_shouting(text: str, tokens: list[str]) -> bool:
    """Whether ``text`` could be shouting, judged from byte counts instead of letter by letter.

    A quick "no" for almost every text. In UTF-8 every capital is A-Z or a
    non-ASCII character (bytes 128-255), every byte a-z/A-Z is a letter, and every
    token but a word starts at a byte in ``_MAYBE_NOT_WORD``: ``capitals`` can
    only be too many, ``letters`` and ``words`` too few, so a "no" is always right.
    """
    raw = text.encode("utf-8", "surrogatepass")
    capitals = _count_bytes(raw, _MAYBE_CAPITAL)
    letters = _count_bytes(raw, _ASCII_LETTERS)
    words = len(tokens) - _count_bytes(raw, _MAYBE_NOT_WORD) - 1
    return capitals > 0.6 * letters or capitals >= 0.7 * words


def _count_bytes(raw: bytes, wanted: bytes) -> int:
    return len(raw) - len(raw.translate(None, wanted))


def _seen_lowercase(word: str, vocabulary: set[str]) -> bool:
    """Whether ``word`` is in the text in lowercase: then, capitalised, it starts a sentence."""
    return word in vocabulary and word[:1].isalpha() and word.islower()


@dataclass(slots=True)
class Entities:
    """What a text mentions, in order of first appearance."""

    names: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    """Capitalised places ("the Glass Coast", "Paris")."""
    spots: list[str] = field(default_factory=list)
    """Common-noun places ("the small village"), trusted only in premises."""
    objects: list[str] = field(default_factory=list)
    kinds: dict[str, str] = field(default_factory=dict)
    """What a named character is: {"Ember": "dragon"}."""
    subject: str = ""
    """The first noun phrase: who the text is about when nobody is named."""


def _noun_phrase(tokens: list[str], start: int) -> tuple[str, int]:
    """Up to three lowercase words from ``start``, dropping a trailing verb if it looks like one."""
    words: list[str] = []
    for token in tokens[start : start + 3]:
        if not (token[0].isalpha() and token.islower()) or token in _NOT_NOUNS:
            break
        words.append(token)
    end = start + len(words)
    following = tokens[end].lower() if end < len(tokens) else ""
    if len(words) > 1 and (
        following in DETERMINERS or following == "to" or words[-1].endswith("ed")
    ):
        words.pop()
        end -= 1
    return " ".join(words), end


def find_entities(text: str, *, premise: bool = False, names_only: bool = False) -> Entities:
    """Names, places and objects in ``text``, by capitalisation and the words around them.

    Heuristics, not grammar: a capitalised phrase after a place word (in, on,
    across...) or "the" is a place, any other one not at a sentence start is a
    name, as is the word after "named"/"called"; a noun phrase after a/an/the
    is an object. Sentence-initial words count only if they are not common words.
    A ``premise`` also trusts "to Paris" and "at Hogwarts" as places; a story,
    where "said to Pip" is common, does not. ``names_only`` reads just names and
    places (the rest stays empty), which is all a summary needs, in less time.
    """
    text = text[:4000]
    tokens = _tokenise(text)
    if _shouting(text, tokens):
        text = text.lower()
        tokens = _tokenise(text)
    vocabulary = set(tokens)
    found = Entities()
    last_np: tuple[str, int] = ("", -1)
    pending_kind = ""
    resume = 0
    for index in _starts(tokens, _NAME_CUES if names_only else _CUES):
        if index < resume:
            continue  # read already: part of a name, or the name after "named"
        lowered = tokens[index].lower()
        following = tokens[index + 1] if index + 1 < len(tokens) else "?"
        if lowered in DETERMINERS and following[0].islower():
            if names_only:
                continue
            phrase, end = _noun_phrase(tokens, index + 1)
            if phrase and phrase.split()[-1] not in VAGUE:
                last_np = (phrase, end)
                if (tokens[index - 1].lower() if index else "") in PLACE_WORDS:
                    found.spots.append(f"the {phrase}")
                else:
                    found.objects.append(phrase)
                found.subject = found.subject or phrase
        elif (
            lowered in _NAMING
            and following[0].isalpha()
            and (following.islower() or _is_common(following))
            and following.lower() not in _NOT_NAMES
        ):
            # "a cat called biscuit", "a boy named Will": names that look like other words
            name = following.capitalize()
            found.names.append(name)
            if last_np[1] == index:
                found.kinds.setdefault(name, last_np[0])
            resume = index + 2
        elif lowered in _NAMING:
            pending_kind = last_np[0] if last_np[1] == index else ""
        elif tokens[index][0].isupper():
            named = len(found.names)
            if last_np[1] == index:  # "her robot Bolt"
                pending_kind = pending_kind or last_np[0]
            resume = _read_capitalised(
                tokens,
                index,
                vocabulary,
                found,
                pending_kind,
                PLACE_WORDS if premise else PLACE_WORDS_BARE,
            )
            if len(found.names) > named and not names_only:
                _read_apposition(tokens, resume, found.names[-1], found)
            pending_kind = ""
    found.names = merge_phrases(found.names)
    found.places = merge_phrases(found.places)
    return found


def _starts(tokens: list[str], cues: frozenset[str]) -> list[int]:
    """Where something may start: capitalised words and ``cues`` (a, the, named...).

    Every other token is skipped unread. A token with no capitals is its own
    lowercase, so for most tokens two quick checks decide.
    """
    return [
        index
        for index, token in enumerate(tokens)
        if token in cues
        or (not token.islower() and (token.lower() in cues or _is_capitalised(token)))
    ]


def _starts_sentence(tokens: list[str], index: int) -> bool:
    """Whether no word comes between the last sentence break (or the start) and ``index``."""
    for before in range(index - 1, -1, -1):
        if tokens[before][0] in _SENTENCE_BREAKS:
            return True
        if _is_word(tokens[before]):
            return False
    return True


def _read_apposition(tokens: list[str], index: int, name: str, found: Entities) -> None:
    """ "Ember, a shy dragon" and "Ember the dragon" say what Ember is."""
    if index < len(tokens) and tokens[index] == ",":
        index += 1
    if index + 1 < len(tokens) and tokens[index].lower() in ("a", "an", "the"):
        phrase, _ = _noun_phrase(tokens, index + 1)
        if phrase:
            found.kinds.setdefault(name, phrase)


def _read_capitalised(
    tokens: list[str],
    start: int,
    vocabulary: set[str],
    found: Entities,
    pending_kind: str,
    place_words: frozenset[str],
) -> int:
    """Classify the run of capitalised words at ``start``; return the index after it."""
    end = start
    while end < len(tokens):
        if _is_capitalised(tokens[end]):
            end += 1
        elif (
            tokens[end].lower() in CONNECTORS
            and end + 1 < len(tokens)
            and _is_capitalised(tokens[end + 1])
        ):
            end += 1
        else:
            break
    run = tokens[start:end]
    if len(run) == 1 and _is_common(run[0]):
        return end  # "The", "When": nothing to record, and the commonest case
    before = tokens[start - 1].lower() if start else ""
    before2 = tokens[start - 2].lower() if start > 1 else ""
    if before in ARTICLES_ABROAD and before2 in PLACE_WORDS:
        before = "the"  # "sur la Côte de Verre"
    elif before == "of" and before2 in PLACE_NOUNS:
        before = "in"  # "the ruins of Mars"
    phrase: list[str] = []
    first_phrase = True
    for word in (*run, ""):
        if word and (not _is_common(word) or (phrase and word.lower() in CONNECTORS)):
            phrase.append(word)
            continue
        possessive = bool(phrase) and phrase[-1].endswith(_POSSESSIVE)
        if possessive:
            phrase[-1] = phrase[-1][:-2]
        while phrase and phrase[-1].lower() in CONNECTORS:
            phrase.pop()
        if phrase:
            is_place = not possessive and (before in place_words or before == "the")
            _classify(
                phrase,
                is_place,
                before == "the",
                first_phrase
                and len(phrase) == 1
                and _starts_sentence(tokens, start)
                and _seen_lowercase(phrase[0].lower(), vocabulary),
                found,
                pending_kind,
            )
        phrase = []
        before = word.lower()
        first_phrase = False
    return end


def _classify(
    words: list[str],
    is_place: bool,
    has_the: bool,
    ordinary: bool,
    found: Entities,
    pending_kind: str,
) -> None:
    """Record one capitalised phrase; ``ordinary`` means it is just a sentence's first word."""
    text = " ".join(words[:5])
    if len(text) > 40 or any(map(str.isdigit, text)):
        return
    if is_place:
        found.places.append(f"the {text}" if has_the else text)
    elif not ordinary:
        found.names.append(text)
    if pending_kind:
        found.kinds.setdefault(text, pending_kind)


# --- Choices ---------------------------------------------------------------------------


def _choice_lines(text: str) -> tuple[int, tuple[str, ...]]:
    """Where the trailing numbered options start (line index) and their texts."""
    lines = text.splitlines()
    found: list[tuple[int, str, int]] = []
    for line_index in range(len(lines) - 1, -1, -1):
        line = lines[line_index]
        if not line.strip():
            continue
        match = _OPTION.match(line)
        if not match:
            break
        option = match[2].strip().strip("*_").strip()
        found.append((int(match[1]), option, line_index))
    found.reverse()
    for first in range(len(found)):
        numbers = [number for number, _, _ in found[first:]]
        if numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 2:
            return found[first][2], tuple(option for _, option, _ in found[first:] if option)
    return len(lines), ()


def parse_choices(text: str) -> tuple[str, ...]:
    """The numbered options ("1. ..." or "1) ...") that end ``text``, or () if there are none.

    Works on any provider's output: markdown bold around numbers or options and
    blank lines between options are tolerated; at least two options numbered
    from 1 are needed so a story that merely ends with a list item is not misread.
    """
    return _choice_lines(text)[1]


def strip_choices(text: str) -> str:
    """``text`` without its trailing options and the question line just above them."""
    start, options = _choice_lines(text)
    if not options:
        return text.rstrip()
    lines = text.splitlines()[:start]
    while lines and not lines[-1].strip():
        lines.pop()
    if lines and len(lines[-1]) <= 80 and lines[-1].strip().rstrip("*_").endswith(("?", ":")):
        lines.pop()
    return "\n".join(lines).rstrip()


def unmarked(text: str) -> str:
    """Without HTML tags and markdown marks, which only get in the way of reading sentences."""
    if not any(mark in text for mark in _MARKS):
        return text  # the usual case, found much faster than by the regular expression
    return _MARKUP.sub(" ", text)


def story_body(part: str) -> str:
    """A part's story without options, markup or the closing "The End."."""
    text = unmarked(strip_choices(part)).rstrip()
    if text.endswith(THE_END):
        text = text[: -len(THE_END)].rstrip()
    return text


# --- Rolling memory ---------------------------------------------------------------------


@dataclass(slots=True)
class Memory:
    """A summary read back: the "Cast:", "Places:" and "Story so far:" lines."""

    cast: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    story: list[str] = field(default_factory=list)


def _split_list(raw: str, limit: int) -> list[str]:
    items = (" ".join(item.split()) for item in raw.split(","))
    return [item for item in items if item and len(item) <= limit]


def read_summary(summary: str) -> Memory:
    """The cast, places and key sentences of a summary, ours or free text from elsewhere."""
    memory = Memory()
    other: list[str] = []
    for line in unmarked(summary).splitlines():
        stripped = line.strip()
        lowered = stripped.lower()
        if lowered.startswith("cast:"):
            memory.cast = _split_list(stripped[5:], 40)
        elif lowered.startswith("places:"):
            memory.places = _split_list(stripped[7:], 50)
        elif lowered.startswith("story so far:"):
            memory.story = split_sentences(stripped[13:])
        elif stripped:
            other.append(stripped)
    if other and not memory.story:
        loose = find_entities(" ".join(other), names_only=True)
        memory.cast = merge_phrases(memory.cast, loose.names)
        memory.places = merge_phrases(memory.places, loose.places)
        memory.story = split_sentences(" ".join(other))
    return memory


def clip(sentence: str, limit: int) -> str:
    if len(sentence) <= limit:
        return sentence
    return sentence[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def summarise(previous: str, parts: Sequence[str], premise: str, max_chars: int = 1600) -> str:
    """Fold ``parts`` into the ``previous`` summary; the result is never longer than ``max_chars``.

    Shape: "Cast: ...", "Places: ...", "Story so far: ..." lines. Earlier names
    and places come first and are kept (capped at 12 and 8), and the story keeps
    its first sentence plus the newest key sentences, dropping from the middle,
    so applying it any number of times neither grows it nor forgets part 1.
    """
    memory = read_summary(previous)
    told = find_entities(premise, premise=True)
    texts = [story_body(part) for part in parts]
    found = [find_entities(text, names_only=True) for text in texts]
    # What memory already holds keeps its role; newcomers that look like both are places.
    cast_keys = {phrase_key(name) for name in memory.cast}
    places = merge_phrases(
        memory.places,
        [
            p
            for p in merge_phrases(told.places, told.spots, *(f.places for f in found))
            if phrase_key(p) not in cast_keys
        ],
    )
    place_keys = {phrase_key(place) for place in places}
    cast = merge_phrases(
        memory.cast,
        [
            n
            for n in merge_phrases(told.names, *(f.names for f in found))
            if phrase_key(n) not in place_keys
        ],
    )
    story = list(memory.story)
    for text in texts:
        first = _first_sentence(text)
        if first and first not in story:
            story.append(first)
    if not story and quotable(premise):
        story = [f"It began with this idea: {quotable(premise)}."]
    return _render_summary(
        cast[:MAX_CAST], places[:MAX_PLACES], [clip(s, 220) for s in story], max_chars
    )


def _render_summary(cast: list[str], places: list[str], story: list[str], max_chars: int) -> str:
    def render() -> str:
        return (
            f"Cast: {', '.join(cast)}\nPlaces: {', '.join(places)}\nStory so far: {' '.join(story)}"
        )

    while len(render()) > max_chars and len(story) > 2:
        del story[1]
    while len(render()) > max_chars and len(story) > 1:
        story.pop()
    text = render()
    return text if len(text) <= max_chars else text[:max_chars].rstrip()


def quotable(direction: str) -> str:
    """The reader's words, fit to quote: no markup, one line, at most 200 characters."""
    return clip(" ".join(unmarked(direction).split()), 200).rstrip(" .!?;,:")
