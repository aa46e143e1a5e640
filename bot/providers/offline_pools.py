"""Sentence pools for the offline storyteller, one set per genre.

Kept apart from the storyteller's logic because they are long and meant to be
edited by writers, not programmers. Every template is a past-tense sentence
with placeholders: ``{hero}`` and ``{friend}`` (names), ``{place}`` (default places all
start with "the", which is how the summariser tells places from people),
``{object}`` (a definite noun phrase such as "the lighthouse"; never the subject of "was",
since a premise's object may be plural), ``{a_kind}``
("a dragon"), ``{a_companion}`` ("a clever fox") and ``{tone}``.
All pools are family-friendly: the worst thing that happens is a creaky stair.
Capitalised words are avoided mid-sentence so they are never mistaken for names.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Pool:
    """What one genre sounds like."""

    kinds: tuple[str, ...]
    """Who the hero is, when the premise does not say."""
    places: tuple[str, ...]
    """Where it happens, when the premise does not say."""
    objects: tuple[str, ...]
    """What matters, when the premise does not say."""
    companions: tuple[str, ...]
    """What the hero's invented friend is."""
    intros: tuple[str, ...]
    """First sentence: introduces {hero}, {a_kind} and {place}."""
    wants: tuple[str, ...]
    """Second sentence: ties {hero} to {object}."""
    scenes: tuple[str, ...]
    """Middle beats; each stands on its own so any order reads well."""
    hooks: tuple[str, ...]
    """The cliffhanger before the choices."""
    endings: tuple[str, ...]
    """Resolution beats for the final part."""
    options: tuple[str, ...]
    """Imperative choices; the first word is the verb the continuation narrates."""


GENERIC = Pool(
    kinds=("curious traveller", "young dreamer", "quiet inventor", "brave wanderer"),
    places=("the Willow Valley", "the Amber Hills", "the Lantern Coast", "the Silverbrook Meadows"),
    objects=("the small wooden box", "the old brass key", "the folded map", "the glowing stone"),
    companions=("loyal dog", "old friend", "clever fox", "talkative parrot"),
    intros=(
        "In {place}, there lived {a_kind} named {hero}.",
        "{hero} was {a_kind} who had always wondered what lay beyond {place}.",
        "The story begins in {place}, with {a_kind} named {hero} and a feeling that today "
        "would be different.",
    ),
    wants=(
        "More than anything, {hero} cared about {object}.",
        "Every day, {hero} kept a careful eye on {object}, because no one else would.",
        "{hero} had always believed that {object} held a secret worth knowing.",
    ),
    scenes=(
        "{hero} stopped to listen, and for a moment the whole world seemed to listen back.",
        "Near {place}, the path split in two, and {hero} chose the narrower way without "
        "quite knowing why.",
        "{friend} pointed at {object} and said, “I think it wants us to notice it.”",
        "For a long while nobody spoke, and the only sound was the wind moving through {place}.",
        "{hero} remembered an old saying: small steps still cross big distances.",
        "The light changed slowly, turning everything in {place} the colour of honey.",
        "{friend} laughed, and the laugh made the strange day feel a little less strange.",
        "Something about {object} had changed, though {hero} could not say exactly what.",
        "They shared a quick meal of bread and apples and talked about what to do next.",
        "{hero} wrote a note in a small notebook, just in case it mattered later.",
        "A breeze carried the smell of rain across {place}.",
        "Every few steps, {friend} glanced back, as if expecting someone to follow.",
        "{hero} felt a flicker of doubt, then set it aside like a pebble in a pocket.",
        "There were footprints in the soft ground near {object}, and none of them were old.",
        "“We should keep moving,” said {friend}, and {hero} agreed.",
        "The closer they came to {object}, the quieter everything became.",
        "High above {place}, a single bird circled three times and flew away.",
        "{hero} took a slow breath and counted to five, the way a kind teacher had once shown.",
        "By the time they reached the far side of {place}, the shadows had grown long.",
        "{friend} found a scrap of paper with half a message on it, the rest torn away.",
        "{hero} hummed a tune to keep everyone's spirits up, and soon {friend} joined in.",
        "A small door in an old wall stood open, which it had never done before.",
        "{friend} asked a question that {hero} had been afraid to ask out loud.",
        "They rested on a fallen log and watched the clouds drift over {place}.",
    ),
    hooks=(
        "Then, from somewhere near {object}, came a sound {hero} had never heard before.",
        "And at that very moment, someone knocked three times on the door.",
        "But when {hero} looked again, {object} had vanished.",
        "Just then, {friend} grabbed {hero}'s sleeve and whispered, “Look.”",
    ),
    endings=(
        "In the end, {hero} understood that the journey had mattered as much as the answer.",
        "{friend} smiled, and {hero} smiled back, and nothing more needed to be said.",
        "That night, the lights across {place} burned warm and steady.",
        "Years later, people would still tell the story of {hero} and {object}.",
    ),
    options=(
        "Take a closer look at {object}",
        "Follow {friend} toward {place}",
        "Search {place} for clues",
        "Ask {friend} what to do next",
        "Wait until dark and keep watch",
        "Head back to {place} before nightfall",
    ),
)

FANTASY = Pool(
    kinds=("young apprentice", "wandering knight", "hedge witch", "traveller"),
    places=("the Whispering Wood", "the Moonstone Hills", "the Crystal Lake", "the Old Kingdom"),
    objects=(
        "the silver compass",
        "the enchanted lantern",
        "the moonstone ring",
        "the old spellbook",
    ),
    companions=("clever fox", "small dragon", "talking owl", "friendly wizard"),
    intros=(
        "In {place}, where old magic still hummed beneath the stones, there lived {a_kind} "
        "named {hero}.",
        "Long ago, in {place}, {hero} was {a_kind} with a head full of spells and questions.",
        "Everyone near {place} knew {hero}, {a_kind} who was braver than anyone expected.",
        "The story begins in {place}, with {a_kind} named {hero} and a sky full of restless stars.",
    ),
    wants=(
        "{hero} had sworn long ago to protect {object}, and kept every promise.",
        "Legends said {object} had been waiting a hundred years for someone like {hero}.",
    ),
    scenes=(
        "A ribbon of blue light drifted across {place}, and {hero} followed it with careful steps.",
        "{friend} muttered a small spell, and the lanterns along the path flickered awake.",
        "The trees near {place} leaned close together, whispering in a language older than words.",
        "{hero} touched {object}, and a warm glow spread through the cold air.",
        "An old owl watched them from a crooked branch and, after a long pause, nodded.",
        "They crossed a stone bridge where every step rang like a tiny bell.",
        "{friend} unrolled a faded map and traced a path that seemed to shift under every finger.",
        "Somewhere beyond {place}, a faraway song rose and fell like the tide.",
        "{hero} remembered the words of an old spell, though only half of them.",
        "Moonflowers opened along the path, lighting the way with a pale silver glow.",
        "A gate of twisted roots stood in their way until {hero} asked it, very politely, to open.",
        "The wind carried sparks of magic that fizzed and tickled like snowflakes.",
        "A family of tiny glowing sprites peeked out from under a mushroom and giggled.",
    ),
    hooks=(
        "Then the stars above {place} began, one by one, to go out.",
        "And deep inside {object}, something that had slept for a hundred years opened its eyes.",
        "That was when a voice from nowhere spoke {hero}'s name.",
        "Then {friend} pointed to the horizon, where a tower that had not been there "
        "yesterday stood against the sky.",
    ),
    endings=(
        "With one last word of magic, {hero} set everything right, and the old spell faded "
        "like morning mist.",
        "The lanterns across {place} glowed again, brighter than anyone remembered.",
        "{friend} declared it the finest adventure ever had, and for once no one argued.",
        "{hero} placed {object} back where it belonged, safe at last.",
    ),
    options=(
        "Follow the blue light deeper into {place}",
        "Cast a gentle spell on {object}",
        "Ask {friend} to read the old map",
        "Climb the tower to find who is calling",
        "Seek out the wise old owl for advice",
        "Search {place} for the missing half of the spell",
    ),
)

SCIFI = Pool(
    kinds=("starship pilot", "young engineer", "space cadet", "robot mechanic"),
    places=("the Orion Station", "the Moon Colony", "the Nebula Docks", "the Red Canyon"),
    objects=(
        "the humming data crystal",
        "the old star map",
        "the tiny silver drone",
        "the broken radio beacon",
    ),
    companions=("helpful robot", "alien botanist", "maintenance drone", "ship's cat"),
    intros=(
        "Aboard {place}, far from any blue sky, lived {a_kind} named {hero}.",
        "In {place}, where the engines hummed all night, {a_kind} named {hero} was wide awake.",
        "Every morning at {place} began the same way for {hero}, {a_kind} who loved the stars.",
    ),
    wants=(
        "{hero} had spent months studying {object}, sure that it held a message.",
        "The most important thing in {hero}'s life was {object}, though no one else "
        "understood why.",
    ),
    scenes=(
        "The lights in the corridor dimmed, and a soft alarm chimed twice.",
        "{friend} ran a quick scan and frowned at the numbers.",
        "Outside the window, the stars drifted past like slow, silver fish.",
        "{hero} plugged a cable into {object}, and lines of green code spilled across the screen.",
        "The artificial gravity wobbled for a moment, and a cup floated gently off the table.",
        "A message crackled through the speakers, made of static and one clear word: “hello.”",
        "{friend} beeped three times, which everyone knew meant a very good idea was coming.",
        "They rode the cargo lift down through {place}, past rows of sleeping machines.",
        "{hero} checked the oxygen gauge out of habit, then checked it again.",
        "A tiny maintenance robot rolled by, saluted, and hurried off on its own mission.",
        "Far below, the planet turned slowly, wrapped in clouds of gold and violet.",
        "{hero} traced the strange symbols on {object} and felt them hum under a fingertip.",
        "The navigation screen drew a bright new line toward {place}.",
    ),
    hooks=(
        "Then every screen across {place} went dark at once, except the one showing {hero}'s name.",
        "And at the edge of the scanner, something very large began to move toward them.",
        "That was when {object} started counting down.",
        "Then a voice came through the radio, and it sounded exactly like {hero}.",
    ),
    endings=(
        "With a final command, {hero} brought every system back online, and the station "
        "sighed with relief.",
        "The stars outside seemed a little brighter as life on {place} settled into a "
        "peaceful hum.",
        "{friend} played a victory tune on the ship's speakers, slightly off-key.",
        "{hero} stored {object} safely, knowing its message had finally been heard.",
    ),
    options=(
        "Decode the signal hidden in {object}",
        "Send {friend} to scan the area near {place}",
        "Suit up and step outside the airlock",
        "Follow the mysterious signal across {place}",
        "Ask the ship's computer for help",
        "Reroute all power to the shields",
    ),
)

MYSTERY = Pool(
    kinds=("young detective", "curious reporter", "retired inspector", "sharp-eyed librarian"),
    places=(
        "the Harbour Hotel",
        "the Foxglove Library",
        "the Grand Museum",
        "the Millbrook Station",
    ),
    objects=(
        "the missing pocket watch",
        "the coded letter",
        "the brass key",
        "the torn photograph",
    ),
    companions=("clever cat", "loyal assistant", "nosy neighbour", "police constable"),
    intros=(
        "Nothing much ever happened in {place}, until the day {a_kind} named {hero} noticed "
        "something odd.",
        "{hero} was {a_kind} who lived near {place} and never ignored a clue.",
        "Rain tapped on the windows in {place} as {hero}, {a_kind} with a sharp eye, studied "
        "the room.",
    ),
    wants=(
        "At the centre of it all sat {object}, and {hero} meant to learn its secret.",
        "{hero} could not stop thinking about {object} and who might want it.",
    ),
    scenes=(
        "{hero} knelt by the fireplace and found a smudge of fresh chalk.",
        "{friend} read the list of guests aloud, slowly, watching every face.",
        "A clock somewhere in {place} struck the hour, though it was ten minutes early.",
        "{hero} held {object} up to the lamp and noticed a tiny scratch shaped like a star.",
        "The butler insisted he had seen nothing, which was exactly what worried {hero}.",
        "Muddy footprints led to the window and then, strangely, stopped.",
        "{friend} found a train ticket tucked inside a book about birds.",
        "{hero} wrote three names in a notebook and then crossed one out.",
        "Someone had moved the painting in the hallway, just a little to the left.",
        "The housekeeper's story changed slightly the second time she told it.",
        "“Every clue is a question,” said {hero}, “and every question has an answer.”",
        "A dog barked twice outside {place} and then fell silent.",
        "{friend} noticed that the teacups had been washed, but only three of them.",
    ),
    hooks=(
        "Then {hero} turned over the last clue and saw a name that should not have been there.",
        "And when they returned to the study, {object} had vanished from where they left it.",
        "That was when the lights went out all over {place}.",
        "Then a note slid under the door, written in careful green ink.",
    ),
    endings=(
        "{hero} gathered everyone in one room and, one clue at a time, explained the whole puzzle.",
        "The truth turned out to be simpler and kinder than anyone had feared.",
        "{friend} returned {object} to its owner, who wept with happiness.",
        "Peace returned to life in {place}, and the clocks kept perfect time again.",
    ),
    options=(
        "Question the butler one more time",
        "Search {place} for hidden footprints",
        "Examine {object} under a magnifying glass",
        "Ask {friend} to follow the suspect",
        "Compare the handwriting on the notes",
        "Set a clever trap to catch the culprit",
    ),
)

ADVENTURE = Pool(
    kinds=("young explorer", "bold sailor", "map-maker", "mountain guide"),
    places=("the Emerald Jungle", "the Silver Mountains", "the Isle of Storms", "the Great Desert"),
    objects=("the treasure map", "the old compass", "the golden key", "the rope ladder"),
    companions=("chatty parrot", "loyal dog", "cheeky monkey", "young sailor"),
    intros=(
        "At the edge of {place}, {a_kind} named {hero} tightened a backpack strap and grinned.",
        "{hero} had always been {a_kind} at heart, and the road to {place} was calling.",
        "The journey to {place} began before dawn, with {a_kind} named {hero} leading the way.",
    ),
    wants=(
        "Tucked safely in {hero}'s pocket was a note about {object}, the key to the whole journey.",
        "{hero} had promised to find {object}, no matter how far the road.",
    ),
    scenes=(
        "They waded across a cold, quick river, holding hands to keep their balance.",
        "{friend} spotted a rope bridge swaying above a deep green gorge.",
        "{hero} checked the way to {object} again and pointed firmly to the east.",
        "A waterfall roared somewhere ahead, throwing rainbows into the air.",
        "They climbed until their legs ached, and then they climbed a little more.",
        "{friend} found a carved arrow on a rock, half hidden by moss.",
        "The path across {place} narrowed until they had to walk sideways.",
        "At camp, they roasted nuts over a small fire and counted the stars.",
        "{hero} tied a careful knot and tested it twice before trusting it.",
        "Parrots shrieked overhead, as if to warn them or cheer them on.",
        "A sudden gust nearly took {hero}'s hat, but {friend} caught it just in time.",
        "From the top of the ridge, they could see far across {place}.",
        "{friend} shared the last of the water without a word of complaint.",
    ),
    hooks=(
        "Then the ground shifted, and a hidden door opened at their feet.",
        "And on the far side of {place}, a thin line of smoke rose into the sky.",
        "That was when {object} seemed to shine, pointing somewhere no map had ever shown.",
        "Then {friend} whispered, “We're not the only ones looking for it.”",
    ),
    endings=(
        "At last, {hero} stood where the map ended, and the view was worth every step.",
        "The treasure turned out to be more than gold: it was the story they would tell forever.",
        "{friend} planted a little flag on the summit, and they both cheered.",
        "They journeyed home across {place}, tired, happy, and already planning the next trip.",
    ),
    options=(
        "Cross the rope bridge over the gorge",
        "Follow the carved arrows into {place}",
        "Climb down to the hidden door",
        "Trust {object} and head east",
        "Make camp and wait for morning",
        "Ask {friend} to scout ahead",
    ),
)

FAIRY_TALE = Pool(
    kinds=("kind-hearted miller's daughter", "youngest prince", "little tailor", "shepherd girl"),
    places=(
        "the Kingdom of Bell",
        "the Enchanted Forest",
        "the Glass Mountain",
        "the Thistledown Meadow",
    ),
    objects=("the golden apple", "the magic bean", "the silver thimble", "the talking mirror"),
    companions=("talking frog", "wise old goose", "friendly bear", "fairy godmother"),
    intros=(
        "Once upon a time, in {place}, there lived {a_kind} named {hero}.",
        "Long, long ago, near {place}, {hero} was {a_kind} with a heart as big as the moon.",
        "There was once {a_kind} named {hero}, who lived at the edge of the woods near {place}.",
    ),
    wants=(
        "{hero} treasured nothing so much as {object}, and loved it dearly.",
        "The whole kingdom whispered about {object}, but only {hero} believed the stories.",
    ),
    scenes=(
        "A little grey mouse asked {hero} for a crumb of bread, and {hero} gave it gladly.",
        "{friend} said that kindness is the strongest magic of all.",
        "The path through {place} was lined with roses that bowed as they passed.",
        "Three crows sat on a fence and argued about the weather.",
        "{hero} knocked on the door of a tiny cottage made of gingerbread and stone.",
        "An old woman by the well asked for water, and {hero} carried the bucket for her.",
        "The moon rose full and round, and the whole forest seemed to hold its breath.",
        "{friend} hummed a song that made the flowers turn their heads.",
        "{hero} held {object} close and made a quiet wish.",
        "A river spoke in a bubbling voice and asked them a riddle.",
        "They shared their last piece of cake, and somehow there was enough for everyone.",
        "Seven swans flew overhead, their wings shining white against the blue.",
        "A door appeared in the trunk of an oak tree near {place}, small and painted gold.",
    ),
    hooks=(
        "Then the old woman smiled, and in a shimmer of light she became someone else entirely.",
        "And at the stroke of midnight, {object} began to sing.",
        "But in the castle tower, a window that had been dark for a hundred years lit up.",
        "Then a great silver key fell from the sky and landed at {hero}'s feet.",
    ),
    endings=(
        "And so the spell was broken, and everyone in {place} rejoiced.",
        "{hero} was given a seat of honour at the great feast, next to {friend}.",
        "{object} stayed safe forever after, glowing softly on the mantelpiece.",
        "And they all lived happily ever after.",
    ),
    options=(
        "Knock on the door of the gingerbread cottage",
        "Answer the river's riddle",
        "Make a wish on {object}",
        "Ask {friend} for wise advice",
        "Climb the castle tower at midnight",
        "Follow the seven swans beyond {place}",
    ),
)

HORROR = Pool(
    kinds=("night watchman", "curious student", "ghost hunter", "new caretaker"),
    places=("the Ravenmoor Inn", "the Whispering Woods", "the Old Mill", "the Hollow Hill House"),
    objects=("the music box", "the dusty old mirror", "the flickering lantern", "the locked diary"),
    companions=("black cat", "nervous cousin", "friendly ghost", "old dog"),
    intros=(
        "Nobody went near {place} after dark, except {a_kind} named {hero}.",
        "The fog lay thick over {place} on the night {hero}, {a_kind}, arrived.",
        "{hero} was {a_kind} who had never believed in ghosts, until the first night at {place}.",
    ),
    wants=(
        "Everyone said to leave {object} alone, which is exactly why {hero} could not.",
        "{hero} had come all this way for one reason: {object}.",
    ),
    scenes=(
        "The floorboards creaked, one by one, as if someone were walking just behind them.",
        "{friend} held the lantern higher, and the shadows stretched across the walls.",
        "A cold draft swept through {place}, carrying the faint smell of candle smoke.",
        "Somewhere upstairs, a door closed softly on its own.",
        "{hero} wiped the dust from {object} and found initials scratched into it.",
        "The portraits in the hallway seemed to follow them with their painted eyes.",
        "A music box began to play a slow, sad tune, though no one had wound it.",
        "{friend} whispered that it was probably just the wind, but did not sound sure.",
        "Outside, an owl hooted three times, and then everything went very still.",
        "{hero} counted the stairs going up and again coming down, and the numbers did not match.",
        "Candles flickered blue for a moment, then burned ordinary yellow again.",
        "The shadow in the corner turned out to be a very large, very sleepy cat.",
        "A cold spot drifted through {place}, and {hero} shivered despite the thick coat.",
    ),
    hooks=(
        "Then, from the room at the end of the hall, someone began to hum.",
        "And in the dust on {object}, a fresh handprint appeared.",
        "That was when {hero} heard footsteps on the stairs, and yet {friend} was standing "
        "right there.",
        "Then every clock in {place} stopped at exactly midnight.",
    ),
    endings=(
        "When the sun rose, everything in {place} looked ordinary again, tired and harmless.",
        "The ghost, it turned out, had only wanted someone to finish its unfinished song.",
        "{hero} set {object} down gently, and the strange whispers stopped for good.",
        "{friend} admitted it had been the most frightening and wonderful night ever.",
    ),
    options=(
        "Open the door at the end of the hall",
        "Light every candle in {place}",
        "Ask {friend} to hold the lantern and stay close",
        "Look closely at {object}",
        "Follow the humming up the stairs",
        "Leave a polite note for the ghost",
    ),
)

COMEDY = Pool(
    kinds=("very clumsy inventor", "overconfident baker", "retired superhero", "talking goat"),
    places=(
        "the Puddleby Pier",
        "the Wobbly Bottom Bakery",
        "the Upside-Down Café",
        "the Great Cheese Fair",
    ),
    objects=(
        "the rubber chicken",
        "the enormous birthday cake",
        "the squeaky accordion",
        "the very loud trumpet",
    ),
    companions=("sarcastic parrot", "sleepy hamster", "cheerful neighbour", "goose with opinions"),
    intros=(
        "In {place}, nothing ever went to plan, especially for {a_kind} named {hero}.",
        "{hero} was {a_kind}, famous all over {place} for accidents of the very best kind.",
        "It all began on a perfectly normal morning in {place}, which was {hero}'s first mistake.",
    ),
    wants=(
        "{hero} had one goal for the day: to keep {object} out of trouble.",
        "Nobody knew why {hero} carried {object} everywhere, least of all {hero}.",
    ),
    scenes=(
        "A goose wandered in, looked around, and honked as if it had been personally insulted.",
        "{friend} slipped on a banana peel, bounced off a sofa, and landed perfectly on a chair.",
        "{hero} tried to look casual, which only made everyone more suspicious.",
        "The mayor arrived wearing a hat shaped like a teapot.",
        "{object} made a noise that was not at all the noise it was supposed to make.",
        "Somebody yelled a cheerful greeting a full hour before the surprise was ready.",
        "{friend} suggested a plan so silly that it might actually work.",
        "{hero} counted to ten, lost count at seven, and started again.",
        "A marching band turned the wrong corner and marched straight through {place}.",
        "The dog next door stole a sausage and did not look the least bit sorry.",
        "{hero} gave a speech, and halfway through realised it was the wrong speech.",
        "Everyone agreed it was the strangest morning ever seen in {place}.",
        "{friend} tried to whistle casually and produced a sound like a surprised kettle.",
    ),
    hooks=(
        "Then the rubber duck in the fountain began to quack a marching song.",
        "And at that exact moment, {object} burst into a cloud of glitter.",
        "Then the door swung open, and in walked a goat wearing {hero}'s favourite scarf.",
        "That was when {friend} said the four most dangerous words in the world: “I have an idea.”",
    ),
    endings=(
        "In the end, everyone in {place} laughed so hard that the mayor declared a holiday.",
        "{hero} took a bow, tripped over it, and got an even bigger round of applause.",
        "{object} ended up on display in the town hall, where visitors still giggle.",
        "{friend} promised never to have another idea, and nobody believed it for a second.",
    ),
    options=(
        "Hide {object} before anyone notices",
        "Let {friend} try the silly plan",
        "Chase the goat through {place}",
        "Give a speech to calm everyone down",
        "Bake a cake to say sorry",
        "Pretend that everything is completely normal",
    ),
)

ROMANCE = Pool(
    kinds=("shy bookseller", "travelling musician", "gardener with a secret", "painter"),
    places=("the Amber Harbour", "the Rose Garden", "the Lantern Bridge", "the Willow Café"),
    objects=(
        "the handwritten letter",
        "the pressed flower",
        "the silver locket",
        "the old record player",
    ),
    companions=("best friend", "matchmaking grandmother", "charming stranger", "fellow musician"),
    intros=(
        "In {place}, where the evenings smelled of jasmine, lived {a_kind} named {hero}.",
        "{hero} was {a_kind} who believed love only happened in books, at least until that "
        "summer in {place}.",
        "The rain had just stopped over {place} when {hero}, {a_kind}, first saw the "
        "stranger at the window.",
    ),
    wants=(
        "{hero} had kept {object} for years, waiting for the right moment to share it.",
        "Everything {hero} felt seemed tied to {object}, though it was hard to say why.",
    ),
    scenes=(
        "{friend} smiled, and {hero} forgot whatever it was they had been about to say.",
        "They walked slowly along the water near {place}, talking about everything and nothing.",
        "A street musician played a song so sweet that even the pigeons stopped to listen.",
        "{hero} wrote a note, tore it up, and then wrote it again, more honestly.",
        "The sunset painted the sky in pink and gold, and neither of them looked away.",
        "{friend} remembered exactly how {hero} liked tea, which was a very good sign.",
        "They laughed at the same moment, at the same silly thing.",
        "{hero} held {object} and wondered if some feelings were too big for words.",
        "A gentle rain began, and they shared one small umbrella.",
        "Lanterns glowed along the bridge near {place}, reflected in the still water.",
        "{friend} said something kind, and {hero} kept that sentence safe for days.",
        "There was a dance in the square, and somehow they ended up dancing.",
        "{hero} practised an important sentence in the mirror and still got it wrong.",
    ),
    hooks=(
        "Then {hero} found a letter tucked beside {object}, signed with a single initial.",
        "But just as {hero} gathered the courage to speak, the train whistle blew.",
        "And across the room, {friend} was smiling, as if waiting for {hero} to say "
        "something important.",
        "That was when the music stopped, and {friend} asked, “Will you stay?”",
    ),
    endings=(
        "Beneath the lanterns in {place}, {hero} finally said the words that mattered most.",
        "{friend} answered with a smile brighter than any summer morning.",
        "{object} found a place of honour above the fireplace, a reminder of how it all began.",
        "And from that day on, every evening in {place} felt a little more like home.",
    ),
    options=(
        "Write {friend} an honest letter",
        "Invite {friend} to the dance",
        "Return to {place} at sunset",
        "Show {friend} what {object} means",
        "Ask the street musician for advice",
        "Wait for the last train and say goodbye",
    ),
)

GENRES: dict[str, Pool] = {
    "fantasy": FANTASY,
    "sci-fi": SCIFI,
    "mystery": MYSTERY,
    "adventure": ADVENTURE,
    "fairy tale": FAIRY_TALE,
    "horror": HORROR,
    "comedy": COMEDY,
    "romance": ROMANCE,
}

# Words in a genre setting that point to one of the pools; the first match wins.
GENRE_HINTS: tuple[tuple[str, str], ...] = (
    ("fairy", "fairy tale"),
    ("sci", "sci-fi"),
    ("space", "sci-fi"),
    ("robot", "sci-fi"),
    ("cyber", "sci-fi"),
    ("future", "sci-fi"),
    ("myster", "mystery"),
    ("detective", "mystery"),
    ("crime", "mystery"),
    ("noir", "mystery"),
    ("horror", "horror"),
    ("ghost", "horror"),
    ("spook", "horror"),
    ("gothic", "horror"),
    ("comed", "comedy"),
    ("funny", "comedy"),
    ("humo", "comedy"),
    ("romanc", "romance"),
    ("love", "romance"),
    ("adventur", "adventure"),
    ("action", "adventure"),
    ("pirate", "adventure"),
    ("quest", "adventure"),
    ("fantas", "fantasy"),
    ("magic", "fantasy"),
    ("myth", "fantasy"),
)

HERO_NAMES = (
    "Wren",
    "Juniper",
    "Tobin",
    "Mira",
    "Arlo",
    "Nell",
    "Rowan",
    "Esme",
    "Felix",
    "Ivy",
    "Otto",
    "Hazel",
    "Milo",
    "Pia",
    "Bram",
    "Lark",
)
FRIEND_NAMES = (
    "Pip",
    "Bramble",
    "Quill",
    "Tansy",
    "Moss",
    "Dot",
    "Fennick",
    "Sorrel",
    "Nib",
    "Clover",
    "Rook",
    "Minnow",
)

TONE_LINES = (
    "The whole place had a {tone} feeling to it, like the first page of a favourite book.",
    "It was a {tone} sort of day, the kind that seems to be waiting for something.",
    "Even the air felt {tone}, as if the world had decided what sort of story this would be.",
)
MEET_NEW_FRIEND = (
    "{hero} was not alone, for {a_companion} named {friend} never strayed far.",
    "Close by was {a_companion} named {friend}, who had a habit of asking the right questions.",
)
MEET_KNOWN_FRIEND = (
    "{friend} was there too, never more than a few steps away.",
    "As always, {friend} was close at hand, ready for whatever came next.",
)
BRIDGES = (
    "The next morning, {hero} woke early, thinking about everything that had happened.",
    "After a short rest, {hero} and {friend} set off again.",
    "Not long after, the journey took {hero} back toward {place}.",
    "{hero} had been thinking all night, and by sunrise a plan was ready.",
)
CHOSE = (
    "{hero} chose to {action}.",
    "After a moment's thought, {hero} decided to {action}.",
    "{hero} took a deep breath and chose to {action}.",
)
AFTER_CHOICE = (
    "It was not the easy choice, but it felt like the right one.",
    "{friend} nodded, as if that had been the plan all along.",
    "{friend} raised an eyebrow, but followed without a word.",
)
TURNS = (
    "Then something happened that nobody had planned for: {quoted}.",
    "What came next would be talked about near {place} for a long time: {quoted}.",
    "The story took a turn, simple and surprising: {quoted}.",
)
AFTER_TURN = (
    "{hero} blinked, took it all in, and decided to make the best of it.",
    "{friend} looked at {hero}, and {hero} looked right back, ready for anything.",
)
FINALES = (
    "And {hero} lived on, a little wiser and a great deal happier.",
    "And whenever {hero} looked back on those days, it was always with a smile.",
)


def all_templates() -> Iterator[str]:
    """Every sentence template, for checks that must cover them all."""
    for pool in (*GENRES.values(), GENERIC):
        for group in (pool.intros, pool.wants, pool.scenes, pool.hooks, pool.endings, pool.options):
            yield from group
    for group in (
        TONE_LINES,
        MEET_NEW_FRIEND,
        MEET_KNOWN_FRIEND,
        BRIDGES,
        CHOSE,
        AFTER_CHOICE,
        TURNS,
        AFTER_TURN,
        FINALES,
    ):
        yield from group
