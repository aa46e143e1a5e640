"""English phrases, by what they do in the story. Edited by writers, read by the composer.

Slots and forms are described in :mod:`bot.providers.offline.template` and
:mod:`bot.providers.offline.lang.en`; ``<a|b>`` picks one at random, so one
phrase can be told several ways. ``{they}`` is the people with the hero (the
phrase is left out when the hero is alone). Every phrase must read well
whichever genre and place fill it; scenery that fits only some places lives in
the ``scene.<family>`` and ``arrive.<family>`` groups. Options are
"Label || what doing it was, as a sentence". Family-friendly throughout.
"""

from __future__ import annotations

PHRASES: dict[str, tuple[str, ...]] = {
    # --- The opening -------------------------------------------------------------------
    "open.intro": (
        "It was an ordinary <morning|day> {P.in} until {H.full} heard the news.",
        "Nobody {P.in} was up yet except {H.full}, who had never been good at sleeping late.",
        "{H.full} had lived {P.in} long enough to know when something was wrong, and that morning "
        "something was.",
        "{H.full} was {H.a}, and everyone {P.in} knew it.",
        "{P} [P:was|were] quiet in the early light, and {H.full}, {H.a}, liked it that way.",
        "Every morning {H.full} took the same walk through {P}, and every morning nothing "
        "happened. This morning was different.",
        "The trouble began on a <grey|blustery|bright> day {P.in}, and {H.full} was the first to "
        "hear of it.",
    ),
    "open.intro.kind": (
        "{H.full} was {H.a}, and everyone {P.in} knew it.",
        "{P} [P:was|were] quiet in the early light, and {H.full}, {H.a}, liked it that way.",
        "There was once {H.a} called {H.full}, who lived {P.in}.",
        "{H.full}, {H.a}, had lived {P.in} for as long as [H:he|she] could remember.",
        "Everyone {P.in} knew {H.full}, {H.a} with a habit of noticing things.",
    ),
    "open.goal.retrieve.stolen": (
        "Someone had stolen {O.short} in the night, and {H} had promised to get [O:it|them] back.",
        "{O.short} [O:was|were] gone. The case stood empty, the lock was scratched, and {H} meant "
        "to find [O:it|them].",
        "The news was simple and terrible: {O.short} had been stolen, and {H} would be the one to "
        "find [O:it|them].",
    ),
    "open.goal.retrieve": (
        "{O.full} had been missing for three days, and {H} could not stop thinking about "
        "[O:it|them].",
        "{H} had made up [H:his|her] mind to {goal}, no matter how long it took.",
        "Somewhere out there [O:was|were] {O.full}, and {H} intended to find [O:it|them].",
    ),
    "open.goal.protect": (
        "{H} had one task that mattered more than any other: to keep {O.full} safe.",
        "For years {H} had watched over {O.full}, and nothing had ever come close to harming "
        "[O:it|them].",
        "{O.full} [O:was|were] in {H.pos} care, and {H} took that very seriously indeed.",
    ),
    "open.goal.mend": (
        "{O.full} [O:was|were] broken, and {H} had spent a week working out how to {goal}.",
        "Everyone said that {O.full} could never be mended. {H} had decided they were wrong.",
    ),
    "open.goal.mend.cursed": (
        "A curse lay on {O.full}, and {H} had sworn to lift it.",
        "Ever since the curse had fallen on {O.full}, {H} had thought of little else.",
    ),
    "open.goal.rescue": (
        "{G.full} had been taken, and {H} was going to {goal} whatever it cost.",
        "Nobody had seen {G.full} since the night before, and {H} could not sit still.",
    ),
    "open.goal.reach": (
        "{H} had dreamed of reaching {Z} for as long as [H:he|she] could remember.",
        "The road to {Z} was long, and {H} meant to travel every mile of it.",
    ),
    "open.made": (
        "{H} had spent all summer building {M.a} out of scraps, and it was nearly ready.",
        "In the shed stood {M.a}, built by hand, bolt by bolt, and almost finished.",
    ),
    "open.goal.face": (
        "{H} was afraid of {T}, and always had been. But the way on led through {Z}, and "
        "{H} had decided to {goal}.",
        "There was one thing {H} feared: {T}. And there was one place full of it: {Z}. "
        "{H} meant to go there all the same.",
    ),
    "open.goal.meet": (
        "All {H} had ever wished for was {T.a}, and this year {H} meant to find one.",
        "{H} had a great many things, but not {T.a}, and [H:he|she] wanted one more than anything.",
        "{H} had decided: somewhere out there was {T.a} waiting to be found.",
    ),
    "open.goal.learn": (
        "More than anything, {H} wanted to learn to {T.plain}, and this was the year [H:he|she] "
        "would.",
        "Everyone said {H.a} could never {T.plain}. {H} had decided to prove them wrong.",
    ),
    "open.stakes": (
        "Whoever was behind it had left almost nothing to go on, and that was the most worrying "
        "part.",
        "It was the work of someone careful, someone who knew exactly what they were doing.",
        "There was a rumour, whispered and never quite finished, that someone important was "
        "involved.",
        "Nothing about it felt like an accident.",
    ),
    "open.rival": (
        "{R.full} wanted the same thing, and {R} never played fair.",
        "Everyone knew that {R.full} was mixed up in it. Proving it was another matter.",
    ),
    "open.ally": (
        "{A.full}, {A.a}, had agreed to help, mostly because {A} could never say no to {H}.",
        "At {H.pos} side was {A.full}, who asked good questions and carried a very large umbrella.",
        "{A.full} turned up before breakfast with two cups of tea and a worried frown.",
        "{H} was not alone. {A.full} had insisted on coming, and {A} was not someone who could be "
        "talked out of anything.",
        "{A.full} had known {H} for years and trusted [H:him|her] completely.",
    ),
    "open.ally.twin": (
        "{A.full} was {A.a} too, and went wherever {H} went.",
        "With {H} came {A.full}, another {A.kind}, who was braver and a little louder.",
    ),
    "open.ally.kind": (
        "{A.full}, {A.a}, went everywhere {H} went, and had done for years.",
        "{H} never went anywhere without {A.full}, {A.a} with sharp eyes and a good heart.",
        "{A.full}, {A.a}, had agreed to help, mostly because {A} could never say no to {H}.",
    ),
    "say.start": (
        "“Where do we even begin?” asked {A}. “Right here,” said {H}. “At the beginning.”",
        "“I don't know how yet,” said {H}, “but before this is over, I will {goal}.”",
        "{A} rubbed [A:his|her] hands together. “Then let's not waste the morning.”",
        "“Someone must have seen something,” said {H}. “Someone always does.”",
    ),
    # --- Beats ----------------------------------------------------------------------------
    "search.do": (
        "{H} searched {P} from one end to the other, <under things and behind things|in every "
        "corner and every crack> and <inside things|in places nobody else would bother>.",
        "{H} began to search {P}, <slowly and carefully|patiently, step by step>, the way "
        "[H:he|she] always did.",
        "{they} spent <the next hour|most of the afternoon|a long while> going through {P} <inch "
        "by inch|corner by corner>.",
        "{A} took one side and {H} took the other, and {they} <searched|combed> {P} in silence.",
        "{H} knelt and studied <the ground|the floor>, the walls and every <little mark|scratch "
        "and smudge> {P.in}.",
        "There had to be something {P.in} that everyone else had missed, so {H} looked <again|one "
        "more time>.",
        "{H} went over {P} <carefully|with fresh eyes>, opening what could be opened and lifting "
        "what could be lifted.",
        "{H} asked the same question of every corner {P.in}: what are you hiding?",
        "Slowly and patiently, {H} worked through {P}, leaving nothing unturned.",
        "{H} walked the length of {P} twice, counting steps and noticing everything.",
    ),
    "search.find": (
        "Tucked into a <crack|gap|corner> where nobody would think to look was {C.a}.",
        "It was {A} who found it: {C.a}, half hidden and <easy to miss|nearly overlooked>.",
        "At last {H.pos} fingers closed around {C.a}.",
        "Under a loose <board|stone|tile> lay {C.a}, and {H} held it up to the light.",
        "Then {H} spotted {C.a}, and [H:his|her] heart beat a little faster.",
        "“Look at this,” said {A}, holding up {C.a}.",
        "Something glinted in the <dust|shadows>. It was {C.a}.",
        "Behind a row of <old boxes|dusty jars|forgotten coats>, {H} found {C.a}.",
        "{H} nearly missed it: {C.a}, caught on a nail.",
        "Wrapped in an old cloth, as if someone had meant to come back for [C:it|them], was {C.a}.",
    ),
    "examine.do": (
        "{H} turned {C} over <and over|in [H:his|her] hands>, looking for anything that might "
        "explain it.",
        "{A} held {C} <close to the lamp|up to the window>, and {they} studied it together.",
        "For a long time {H} said nothing at all and only looked at {C}.",
        "{C} was small, but {H} had learned that small things often <say the most|matter the "
        "most>.",
        "{H} examined {C} with a magnifying glass <borrowed from {A}|from [H:his|her] pocket>.",
        "That <evening|night>, by candlelight, {H} looked at {C} one more time.",
        "{H} set {C} on the table and <waited for it to make sense|stared at it until it made "
        "sense>.",
        "It took a <while|good hour>, but {H} finally understood what {C} was saying.",
        "{H} sniffed {C}, weighed [C:it|them] in [H:his|her] hand, and frowned.",
        "{H} laid {C} out on a clean handkerchief and looked at [C:it|them] from every side.",
        "There was more to {C} than met the eye, and {H} meant to find out what.",
        "{H} held {C} up to the light and noticed something [H:he|she] had missed before.",
    ),
    "examine.place": (
        "<A tiny stamp|A smudge of paint|A faded label> on {C} <gave it away|said it plainly|was "
        "all {H} needed>: {Q}.",
        "The more {H} looked at {C}, the clearer it became that <it came from|it led to|it "
        "belonged to> {Q}.",
        "<Only one place|Nowhere else> in the whole <town|region|world> <sold|used|made> anything "
        "like {C}: {Q}.",
        "There, almost too faint to read, was a name: {Q}.",
        "“I'd know this anywhere,” said {H}. “It came from {Q}.”",
        "Everything about it pointed <the same way|in one direction>: to {Q}.",
        "{A} frowned. “Isn't that the mark they use {Q.in}?”",
        "It could only have come from <one place|a single place>, and that place was {Q}.",
        "A <stamp|label|smudge of paint> on it gave the game away: {Q}.",
        "“So everything leads to {Q},” said {H} <slowly|at last>, almost smiling.",
    ),
    "examine.person": (
        "It had {U.pos} initials on it, stitched small and neat.",
        "{H} had seen one exactly like it before, and it had belonged to {U.full}.",
        "“I know who this belongs to,” said {A} slowly. “{U.full}.”",
        "It led, without any doubt, to {U.full}.",
        "Only one person {P.in} owned anything like it: {U.full}.",
        "There was a name scratched faintly underneath, and the name was {U.full}.",
        "{H} remembered exactly where [H:he|she] had seen one like it: in the hands of {U.full}.",
        "Everything about it said {U.full}, down to the smallest detail.",
    ),
    "travel.go": (
        "{team} set off for {Q} without wasting another minute.",
        "<Within the hour|Before anyone could object|As soon as the kettle was cold>, {H} was on "
        "the way to {Q}.",
        "The way to {Q} [Q:was|were] <longer|steeper|stranger> than {H} remembered, but at last "
        "[H:he|she] was on it.",
        "{H} led the way to {Q}, with {A} a step behind.",
        "It took <longer than anyone hoped|most of the day|far too long> to get to {Q}.",
        "{H} made [H:his|her] way to {Q}, thinking hard <all the way|the whole time>.",
        "{H} bought a ticket and a bag of toffees, and set off for {Q}.",
        "The road to {Q} wound <on and on|up and down|through fields and past farms>, and {H} "
        "followed it.",
        "{H} did not stop until {Q} [Q:was|were] in sight.",
        "By the time {H} reached {Q}, [H:his|her] feet ached and [H:his|her] head was full of "
        "questions.",
        "{H} took the quickest way to {Q}, which was not the easiest.",
        "Nobody said much on the way to {Q}; there was too much to think about.",
    ),
    "arrive.town": (
        "{P} [P:was|were] busy with <carts and voices|people and noise>, and nobody paid any "
        "attention to {H}.",
        "The streets {P.in} were narrow and crooked, and every window seemed to be watching.",
        "Lamps were being lit along the street as {H} arrived.",
        "Market stalls <crowded|lined> the way, and the air smelled of <oranges|spices|hot "
        "chestnuts>.",
    ),
    "arrive.hall": (
        "Inside, the air was cool and smelled of <dust and polish|old paper and wax>.",
        "Footsteps echoed as {H} walked into {P}.",
        "{P} [P:was|were] very quiet, the kind of quiet that makes people whisper.",
        "A <long|dim|tall> hall opened up before {H}, lined with <doors|pillars|cabinets>.",
    ),
    "arrive.shore": (
        "The wind off the water tugged at {H.pos} coat as [H:he|she] reached {P}.",
        "Gulls wheeled over {P}, crying as if they had news.",
        "Waves slapped against the stones {P.in}.",
        "The smell of <salt and tar|seaweed and rope> met {H} long before {P} came into view.",
    ),
    "arrive.wild": (
        "The ground grew rough underfoot as {H} came to {P}.",
        "Nobody else was {P.in}; there was only the wind and the sound of footsteps.",
        "Moss covered every stone {P.in}, soft and green.",
        "The path narrowed, the trees crowded closer, and then {H} was {P.in}.",
    ),
    "arrive.space": (
        "Doors hissed open as {H} stepped into {P}.",
        "{P} hummed with machines, and lights blinked along every wall.",
        "A <cool|recycled|metallic> breeze from the vents greeted {H} {P.in}.",
    ),
    "arrive.any": (
        "At last {H} reached {P}.",
        "{P} [P:was|were] not at all what {H} had expected.",
        "{H} arrived just as a bell somewhere began to ring.",
        "By the time {H} got to {P}, the light was <changing|fading|turning gold>.",
    ),
    "witness.meet": (
        "{W.full}, {W.a}, was sweeping the steps {P.in} and looked up as {H} came near.",
        "{H} was not the only one there. {W.full}, {W.a}, was watching with open curiosity.",
        "“You're asking about {O}, aren't you?” said a voice. It belonged to {W.full}, {W.a}.",
        "{W.full} had been {P.in} all night, [W:he|she] said, and had seen a great deal.",
        "An old friend of {A.pos} was there: {W.full}, {W.a}, who waved them over.",
        "{W.full} knew everyone who came and went {P.in}, and liked to talk about them.",
        "{H} noticed {W.full}, {W.a}, who seemed to be trying very hard not to be noticed.",
        "A <cheerful|nervous|sleepy> voice called out: “Can I help?” It was {W.full}, {W.a}.",
    ),
    "witness.tell.person": (
        "“There was someone here last night,” said {W}. “{U.full}. I'd know [U:him|her] anywhere.”",
        "{W} lowered [W:his|her] voice. “If you want my advice, keep an eye on {U.full}.”",
        "“{U.full} was asking about {O} only last week,” said {W}. “Asking a lot of questions.”",
        "According to {W}, {U.full} had been seen nearby, far later than anyone had reason to be.",
        "{W} hesitated, then said a name: {U.full}.",
    ),
    "witness.tell.place": (
        "{W} <thought for a moment|scratched [W:his|her] head|looked around carefully>, then "
        "<pointed|nodded> towards {Q}.",
        "<Only last night|Just before dawn|An hour ago>, {W} had seen someone slip into {Q} <in a "
        "hurry|without a light|looking over their shoulder>.",
        "{W} <swore|was quite sure> that the answer lay {Q.in}, <and nowhere else|whatever anyone "
        "said|if anywhere>.",
        "<Strange lights|Odd noises|Late visitors>: that was what {W} had noticed {Q.in}.",
        "“Try {Q},” said {W}. “Things that go missing have a way of turning up there.”",
        "{W} pointed down the road. “Someone was in a great hurry to get to {Q}.”",
        "“I saw a light {Q.in},” said {W}, “at an hour when there should be no light at all.”",
        "{W} had heard something else too: there had been strange comings and goings {Q.in}.",
        "“If I were you,” said {W}, “I'd take a look {Q.in}.”",
        "“Ask around {Q.in},” {W} said. “People there notice things.”",
        "{W} lowered [W:his|her] voice. “Whatever you're after, people say it went to {Q}.”",
        "According to {W}, everything strange that week had happened {Q.in}.",
        "{W} gave directions to {Q} twice, and then a third time to be sure.",
    ),
    "talk.open": (
        "{H} went to find {W} again, and this time [W:he|she] was ready to talk.",
        "{W} listened to everything {H} had to say, and then nodded slowly.",
        "{W} looked up <as {H} came in|from [W:his|her] work>. “I thought you might come back.”",
        "It took a cup of tea and a good deal of patience, but {W} finally began to talk.",
    ),
    "obstacle.block": (
        "The way ahead was blocked by a heavy door, and the door was locked.",
        "A guard stood at the entrance with folded arms and no intention of letting anyone in.",
        "Halfway there, the path simply ended in a tumble of fallen stones.",
        "There was a gate, and on the gate hung a padlock as big as {H.pos} fist.",
        "The bridge <over the gap|across the water> was out, its middle planks long gone.",
        "Someone had taken the ladder, and without it there was no way up.",
        "<A sign on the door|A board nailed to the gate|A notice across the entrance> read "
        "<closed|keep out|no entry>, in <very large|bright red|wobbly> letters.",
        "A crowd had gathered in the way, and nobody was in any hurry to move.",
        "The only way on was through a window, and the window was very high and very small.",
        "Water had come up over the path, cold and deeper than it looked.",
    ),
    "obstacle.solve": (
        "<With a shove and a grunt|With a little help and a lot of patience|Slowly, carefully>, "
        "{H} <got past|found a way through|cleared the way>.",
        "{A} had a hairpin and a great deal of patience, and after a while the lock gave a small, "
        "satisfied click.",
        "{H} thought about it, then found another way round that nobody had used for years.",
        "In the end it was {A.pos} idea that got them through, and {A} was very pleased about it.",
        "{H} climbed, slipped, laughed, and climbed again, and at last [H:he|she] was past it.",
        "{H} talked and talked until the way was clear, mostly because everyone got tired of "
        "listening.",
        "It took all of {H.pos} cleverness and a little luck, but {H} got through.",
        "A <loose|rusty> bar, a firm push and a <lot of|little> nerve, and the way was open.",
        "{H} waited for the right moment, then slipped through while nobody was looking.",
        "It was not elegant, and there was a torn sleeve to show for it, but {H} got through.",
        "{H} found a loose plank, a bit of rope and a better idea, and that was enough.",
    ),
    "rival.known": (
        "<Doors stood open|Drawers hung out|Papers lay everywhere> {P.in}: {R} had <searched the "
        "place|come and gone|left in a hurry> <only minutes before|just before dawn|while {H} was "
        "out>.",
        "A <neighbour|porter|small boy> said {R} had asked for {H} by name that morning, <and "
        "smiled|and left no message|and seemed very pleased>.",
        "That evening there was a note pinned to the door. It was from {R}, and it said only: Too "
        "late.",
        "{R} had been there first, and everything {P.in} had been turned upside down.",
        "Word came that {R} had been seen nearby, in a great hurry, carrying something heavy.",
        "{R} was one step ahead again, and {H} did not like it one bit.",
        "Somebody had warned {R}. By the time {H} arrived, [R:he|she] had cleared out.",
        "Someone had been asking questions about {H} all over {P}, and from the description it "
        "was {R}.",
        "{R} had left a trail of small lies behind [R:him|her], and every one of them led away "
        "from the truth.",
        "There were fresh footprints {P.in}, and they were {R.pos}.",
    ),
    "rival.unknown": (
        "When {H} came back, the door was swinging open and the room had been searched.",
        "Someone had been through {H.pos} things. Nothing was broken, but everything had been "
        "moved.",
        "A note had been slipped under the door: <Stop asking questions.|Go home.|Leave it alone.>",
        "Whoever was behind it knew {H} was coming, and had made sure there was nothing to find.",
        "The shutters rattled, and a shadow slipped away before anyone could see whose it was.",
    ),
    "chase.see.known": (
        "<A flash of a coat|A familiar hat|A quick shadow> at the corner, and {H} knew at once: "
        "{R}.",
        "{R} <darted|hurried|slipped> past the <window|doorway|end of the street>, <not quite "
        "fast enough|too late to hide|looking straight at {H}>.",
        "Across {P}, a familiar figure was hurrying away: {R}.",
        "“There!” cried {A}. It was {R}, already running.",
        "{H} looked up just in time to see {R} slip through a side door.",
        "A hat, a coat, a quick glance back: {R}, <without a doubt|for certain>.",
        "{R} came out of a doorway {P.in}, saw {H}, and turned on [R:his|her] heel.",
        "For a moment {H} and {R} looked straight at each other. Then {R} ran.",
        "{H} heard a familiar voice, quick and low, and caught sight of {R} leaving in a hurry.",
    ),
    "chase.see.suspect": (
        "A figure hurried past the window, and {H} could have sworn it was {U}.",
        "Across the way, {U} was watching, and when {H} looked up, [U:he|she] ran.",
        "{H} caught sight of {U}, who turned on [U:his|her] heel the moment their eyes met.",
    ),
    "chase.see.stranger": (
        "A figure in a grey coat was watching, and when {H} stepped forward, the figure ran.",
        "Someone had been listening at the door. There were quick footsteps, then nothing.",
        "A hooded stranger darted out of the shadows and away.",
        "A face at the window, there and gone, and then the sound of running feet.",
    ),
    "chase.run": (
        "It was a long, <breathless|clattering|undignified> chase, and {H} <lost a button|nearly "
        "lost a boot|scraped a knee> along the way.",
        "{H} gave chase, with {A} puffing along behind.",
        "The chase went on longer than anyone liked, until {H.pos} lungs burned.",
        "{H} followed as fast as [H:he|she] could, dodging <carts and crates|puddles and people> "
        "and one very surprised cat.",
        "{H} ran, and for a while [H:he|she] was sure [H:he|she] would catch up.",
        "Down an alley, over a wall, past a <startled|very cross> <baker|fisherman|goat>: the "
        "chase went on.",
    ),
    "chase.run.unknown": (
        "{H} <raced|pelted|dashed> after the figure, <taking the steps two at a time|splashing "
        "through every puddle|ducking under washing lines>.",
        "<Left, right, left again|Round one corner and then another|Through a gate and across a "
        "yard>: {H} kept the figure in sight for as long as [H:he|she] could.",
        "{team} ran after them, through doors and round corners, down steps and up again.",
    ),
    "chase.run.named": (
        "{H} went after {Y} at a run, <shouting [Y:his|her] name|without a word|as fast as "
        "[H:his|her] legs would go>.",
        "{Y} was quick, but {H} was stubborn, and for a while the gap between them shrank.",
        "{team} chased {Y} through <the side streets|a maze of yards|half the town>, never quite "
        "close enough.",
    ),
    "chase.lose": (
        "The trail went cold at a crossroads, but there on the ground lay {C.a}.",
        "By the time {H} reached the corner there was nobody there, only {C.a} lying on the "
        "ground.",
        "The chase ended in a blind alley, and in the gutter lay {C.a}.",
        "When the dust settled, the only thing left behind was {C.a}.",
    ),
    "chase.lose.unknown": (
        "But the figure was gone. All that was left, where it had stood, was {C.a}.",
        "Whoever it was got away, but in their hurry they had dropped {C.a}.",
        "{H} lost them in the crowd, though not before picking up {C.a} from the cobbles.",
    ),
    "chase.lose.named": (
        "{Y} escaped, but not cleanly: {C.a} lay where [Y:he|she] had stumbled.",
        "In the crush of people {Y} slipped out of sight, and all {H} had to show for it was "
        "{C.a}.",
        "{Y} was faster in the end. {H} found only {C.a}, dropped in the flight.",
    ),
    "chase.gone": (
        "But at the next corner there was nobody, only an empty street and a door still swinging.",
        "And then, just like that, there was no one to chase at all.",
        "The footsteps faded, and {H} was left listening to [H:his|her] own heartbeat.",
    ),
    "chase.gone.unknown": (
        "{H} stopped, out of breath. Whoever it was knew these streets far better than [H:he|she] "
        "did.",
    ),
    "chase.gone.named": (
        "{Y} knew every shortcut, and {H} knew none of them.",
        "{Y} had vanished again, as if [Y:he|she] had never been there at all.",
    ),
    "reveal.how": (
        "Then {H} saw it, and all the pieces fell into place at once: it had been {R.full} all "
        "along.",
        "The answer had been in front of everyone the whole time. {R.full} had taken {O}.",
        "{H} laid out everything found so far, one thing after another, and every one of them "
        "pointed to {R.full}.",
        "There was no mistake. The footprints, the note, the careful lies: it was {R.full}.",
    ),
    "reveal.react": (
        "“{R}?” said {A}. “But [R:he|she] seemed so kind!”",
        "{A} sat down heavily. “I never would have guessed.”",
        "“I should have seen it sooner,” said {H} quietly. “Now at least we know who we are "
        "dealing with.”",
        "For a long moment nobody said anything at all.",
    ),
    "twist": (
        "But there was a surprise waiting: {O} [O:was|were] not where everyone thought, but "
        "{Q.in}.",
        "Then came news that changed everything: the trail led on to {Q}.",
        "It turned out that the trail had been a false one all along, and the right one led to "
        "{Q}.",
        "A letter arrived with a single line in it, and that line pointed to {Q}.",
    ),
    "plan": (
        "<By midnight|Before supper|Over a pot of tea> the plan was settled: {Q}, <first thing|at "
        "dawn|without delay>.",
        "{H} <counted the facts on [H:his|her] fingers|paced up and down|stared at the ceiling> "
        "until the answer was obvious: {Q}.",
        "“<We start|It starts|Everything starts> with {Q},” said {H}, <and that was that|tapping "
        "the table|with a firm nod>.",
        "That night <{H} sat down and made a plan|{they} sat together and made a plan>. {Q} "
        "first; then they would see.",
        "“We go to {Q},” said {H}, “and we go quietly.” {A} agreed at once.",
        "{H} drew a map on the back of an envelope and marked {Q} with a cross.",
        "{H} thought it over until the candle burned low, and by the end [H:he|she] knew what to "
        "do.",
        "“{R} will expect us to hurry,” said {H}. “So we won't.”",
        "{H} made a list: what was known, what was not, and where to go next. The answer was {Q}.",
    ),
    "close_in.retrieve": (
        "And there, behind a pane of dusty glass, [O:was|were] {O}: real, and very close.",
        "{H} caught a glimpse of {O}, just for a moment, before a door swung shut.",
        "{H} knew now where {O} [O:was|were] kept. Getting to [O:it|them] would be another matter.",
        "Someone had seen {O} only that morning, {H} learned, and not far away.",
    ),
    "close_in.protect": (
        "For the first time, {H} saw who had been creeping around {O} at night: a shape, a "
        "shadow, a lantern held low.",
        "{H} found fresh marks right beside {O}. Someone had come very close indeed.",
    ),
    "close_in.mend": (
        "{H} held the last missing piece in [H:his|her] hand. {O} could be mended now, if there "
        "was time.",
        "{H} had almost everything [H:he|she] needed to {goal}. Almost.",
    ),
    "close_in.rescue": (
        "{H} heard a voice, faint but unmistakable: {G}.",
        "Through a high window {H} saw {G}, safe, but locked in.",
    ),
    "close_in.reach": (
        "From the top of the rise {H} saw {Z} at last, shining in the distance.",
        "The signposts all said the same thing now: {Z}, not far.",
    ),
    "close_in.face": (
        "{Z} was just ahead now, and {H} could feel {T} waiting in it.",
        "{H} stopped at the edge of {Z}, took a breath, and did not turn back.",
    ),
    "close_in.meet": (
        "{H} had a feeling that {T.a} was nearer than [H:he|she] thought.",
        "Somebody had been asking after {H}, people said: somebody who wanted {T.a} too.",
    ),
    "close_in.learn": (
        "{H} could feel it: [H:he|she] was nearly ready to {T.plain}.",
        "One more try, {H} thought, and [H:he|she] would {T.plain} at last.",
    ),
    "close_in.any": (
        "{H} was close now, closer than ever.",
        "{H} could feel it: the end of the trail was near.",
    ),
    "confront.face": (
        "{R} was waiting, and [R:he|she] did not look surprised.",
        "“So,” said {R}, with a thin smile. “You found me.”",
        "{H} stepped forward. “It's over, {R}.”",
        "{R} turned round slowly. “I wondered when you would come.”",
    ),
    "confront.escape": (
        "But {R} had one trick left, and before anyone could move, [R:he|she] was gone.",
        "There was a clatter and a cloud of dust, and when it cleared, {R} had vanished.",
        "{R} slipped away with a laugh and disappeared.",
        "A door slammed, a key turned, and {R} was on the other side of it.",
    ),
    "confront.where": (
        "{H} <guessed|knew|was almost certain> where {R} would <run|hide|go>: {Q}.",
        "<There was only one place|It could only be one place|Everything pointed to one place> "
        "{R} could go now: {Q}.",
        "“{Q},” said {H}. “That's where [R:he|she] will go next.”",
        "{H} had heard one word as {R} fled, and the word was {Q}.",
        "It was not hard to guess where {R} had gone: {Q}.",
    ),
    "setback": (
        "When {H} turned round, {A} was gone. Only [A:his|her] hat was left on the ground.",
        "There was a shout and a slammed door, and {A} was on the other side of it, locked in.",
        "{A} had gone ahead to look, and {A} did not come back.",
        "One moment {A} was there; the next, there was only an open window and silence.",
    ),
    "rejoin": (
        "{H} found {A} at last, locked in a storeroom and very cross about it.",
        "With a creak the door opened, and there was {A}, unhurt and extremely glad to see {H}.",
        "“What took you so long?” said {A}, grinning, as {H} untied the knots.",
        "{A} had been shut in a cellar, but had passed the time by eating all the apples in it.",
    ),
    "rest": (
        "{H} stopped to eat, sitting on an old wall in the sun, and for a little while nothing "
        "needed deciding.",
        "{A} told a long story about [A:his|her] grandmother's goat, and even {H} laughed.",
        "There was <bread and cheese|soup and toast|tea and a slice of cake>, and it had never "
        "tasted so good.",
        "For a few minutes there was nothing to do but breathe, and {H} was grateful for it.",
        "{A} hummed an old song, and {H} joined in on the chorus.",
        "{H} closed [H:his|her] eyes for ten minutes and woke feeling <twice as clever|ready for "
        "anything>.",
        "{H} sat down for a moment, and the moment turned into half an hour.",
        "Someone had left a bench in just the right place, and {H} took it as a sign.",
        "{H} ate an apple slowly and let [H:his|her] thoughts settle.",
        "For once nobody was chasing anybody, and {H} let [H:himself|herself] enjoy it.",
    ),
    "lore.any": (
        "{O} had a history, {A} explained: made long ago, and lost more than once.",
        "People said {O} had gone missing once before, a hundred years ago, and had found "
        "[O:its|their] way home.",
        "{H} remembered the first time [H:he|she] had seen {O}, and how much [O:it|they] had "
        "meant to everyone.",
        "There was an old story about {O}, and in the story, whoever held [O:it|them] was never "
        "lost.",
        "{A} had read about {O} in an old book: there was more to [O:it|them] than anyone knew.",
    ),
    "lore.rescue": (
        "{H} remembered the last time [H:he|she] had seen {G}, laughing at some silly joke.",
        "{H} thought about {G}, and how brave [G:he|she] had always been.",
    ),
    "lore.reach": (
        "It was said that {Z} was the most beautiful place in the world.",
        "Nobody {H} knew had ever been to {Z}, which was exactly why {H} wanted to go.",
    ),
    "lore.face": (
        "People said {Z} was full of {T}, and that nobody who feared it ever went in.",
        "{A} said that {T} was only frightening until you looked at it properly.",
    ),
    "lore.meet": (
        "{A} said that {T.a} turns up when you stop looking so hard.",
        "{H} remembered being told that {T.a} is the best thing there is to find.",
    ),
    "lore.learn": (
        "{A} said that nobody learns to {T.plain} on the first try, or the tenth.",
        "{H} remembered being told that the secret of learning to {T.plain} is never giving up.",
    ),
    "watch": (
        "{H} hid in a doorway and watched {P}, waiting to see who would come.",
        "{H} settled down to wait, with {A} beside [H:him|her], and watched.",
        "Hours passed. Then, at last, something moved.",
        "{H} kept very still and very quiet, and watched the door.",
    ),
    # --- Hooks: the last sentence, setting up the next beat ----------------------------
    "hook.search": (
        "There was something odd about {P}, and {H} meant to find out what.",
        "{H} had a feeling that something {P.in} had been missed.",
        "{P} [P:was|were] keeping a secret, {H} was sure of it.",
    ),
    "hook.examine": (
        "{H} looked down at {C}. There was more to it than it first seemed.",
        "Something about {C} <did not add up|felt wrong|was out of place>, and {H} <could not let "
        "it go|kept coming back to it|frowned at it again>.",
        "{H} could not stop thinking about {C}.",
        "{C} was trying to tell {H} something. [H:He|She] just had to listen.",
        "{H} put {C} away, but [H:his|her] thoughts kept going back to [C:it|them].",
        "Tomorrow, {H} decided, [H:he|she] would find out what {C} was hiding.",
        "{C} held an answer, {H} was sure of it, if only [H:he|she] could see it.",
    ),
    "hook.travel": (
        "<Tomorrow|By morning|Soon>, {H} <decided|promised [H:himself|herself]|knew>, it would be "
        "{Q}.",
        "And {H} knew where to go next: {Q}.",
        "Everything pointed to {Q} now.",
        "By nightfall, all {H} could think about was {Q}.",
    ),
    "hook.witness": (
        "Just then, someone knocked at the door.",
        "A voice called out from behind {H}.",
        "Somebody had been watching all along, and now that somebody stepped forward.",
        "There was a polite cough. Someone wanted a word.",
    ),
    "hook.obstacle": (
        "But the way ahead was not going to be easy.",
        "Which was exactly when {H} heard the key turn in the lock.",
        "And then {H} saw what stood in the way.",
    ),
    "hook.rival": (
        "Somewhere nearby, a door clicked shut.",
        "Nobody noticed the figure watching from across the way.",
        "Someone, somewhere, was not at all happy about {H.pos} questions.",
    ),
    "hook.chase": (
        "At the far end of the street, a shadow moved.",
        "And then {H} saw someone who should not have been there at all.",
        "Footsteps, quick and light, hurried away in the dark.",
    ),
    "hook.reveal": (
        "And then {H} noticed something about {U} that changed everything.",
        "Something {U} had said was still nagging at {H}.",
        "{H} thought about {U}, and a very uncomfortable idea began to grow.",
    ),
    "hook.twist": (
        "And then a messenger arrived with news nobody expected.",
        "But the story was about to take a turn nobody had seen coming.",
    ),
    "hook.plan": (
        "A plan was needed, and needed soon.",
        "{H} sat down, took out a pencil, and began to think.",
    ),
    "hook.close_in": (
        "{O} [O:was|were] close now. {H} could feel it.",
        "{G} was close now. {H} could feel it.",
        "{Z} was nearer than ever.",
        "Somewhere very near, {O} [O:was|were] waiting.",
    ),
    "hook.confront": (
        "Somewhere ahead, {R} was waiting.",
        "{H} knew that the next time [H:he|she] saw {R}, there would be no running away.",
    ),
    "hook.setback": (
        "Nobody noticed that {A} had wandered off alone.",
        "{A} said [A:he|she] would only be a minute.",
    ),
    "hook.rejoin": (
        "{H} was not going to leave {A} behind. Not now, not ever.",
        "Somewhere, {A} was waiting for {H} to come.",
    ),
    "hook.rest": (
        "It had been a long day, and it was not over yet.",
        "Even the bravest people need to sit down sometimes.",
    ),
    "hook.lore": (
        "{A} was quiet, as if [A:he|she] knew more about {O} than [A:he|she] had said.",
        "{H} had a feeling there was more to the story of {O} than anyone had said.",
    ),
    "hook.watch": (
        "{H} had a feeling that someone would come, if [H:he|she] only waited.",
        "Whoever it was would come back. {H} was sure of it.",
    ),
    "hook.any": (
        "And that was when things became interesting.",
        "Then, very quietly, something changed.",
        "And nobody was ready for what came next.",
    ),
    # --- Bridges: how a part begins when nobody steered -------------------------------
    "bridge.dawn": (
        "Dawn came <grey and slow|pink and cold|quietly>.",
        "By dawn {H} was already up, pulling on [H:his|her] boots.",
        "The first birds were singing when {H} set out again.",
    ),
    "bridge.morning": (
        "The next morning came <bright and cold|soft and misty|with a sharp wind>.",
        "Morning arrived with the smell of toast and the sound of rain.",
        "After a <quick|hurried|sleepy> breakfast, {H} was ready to go on.",
    ),
    "bridge.noon": (
        "By midday the sun was high, and so were {H.pos} hopes.",
        "Noon came and went without anyone noticing.",
        "The bells rang twelve as {H} went on.",
    ),
    "bridge.afternoon": (
        "The afternoon wore on.",
        "After a quick lunch {H} was on [H:his|her] way again.",
        "The shadows were already growing longer.",
    ),
    "bridge.evening": (
        "Evening came, and the lamps were lit one by one.",
        "The sun was going down by the time {H} was ready.",
        "It was almost dark, and the day was not done yet.",
    ),
    "bridge.night": (
        "Night had fallen, but {H} did not feel like sleeping.",
        "It was late, and the moon was up.",
        "Somewhere a clock struck midnight.",
    ),
    "bridge.any": (
        "There was no time to lose.",
        "{H} did not wait long.",
        "Things moved quickly after that.",
        "{H} took a deep breath and went on.",
    ),
    # --- Talk ------------------------------------------------------------------------------
    "say.goal": (
        "{H} looked up at the sky. “Whatever it takes, I'm going to {goal}.”",
        "“Do you really think we can {goal}?” asked {A}. “I think we have to,” said {H}.",
        "{A} looked at {H}. “You haven't stopped thinking about {O} for a second, have you?”",
        "“Every step brings me closer to {O},” said {H}, <mostly to [H:himself|herself]|under "
        "[H:his|her] breath>.",
        "“When this is over,” said {A}, “I want a very long nap.” {H} smiled. “First we {goal}.”",
        "{H} said little, but every thought was of {O}.",
        "“If nobody else will {goal},” said {H}, <shrugging|rolling up [H:his|her] sleeves>, "
        "“then it's up to me.”",
        "{A} asked what {H} would do when [H:he|she] found {O}. “Breathe,” said {H}.",
        "“We're not going home without {O},” said {H}.",
        "“Tell me again why we're doing this,” said {A}. “Because nobody else will,” said {H}.",
        "Every time {H} closed [H:his|her] eyes, [H:he|she] saw {O}.",
        "{H} had only one thought left: {goal}.",
    ),
    "say.worry": (
        "“I don't like this,” said {A}. “It's <too quiet|far too quiet|all wrong>.”",
        "“What if we're too late?” asked {A}.",
        "{H} did not say so, but [H:he|she] was worried.",
        "“Something feels wrong,” {H} murmured.",
        "{A} kept glancing over [A:his|her] shoulder.",
        "{H} had the strangest feeling of being watched.",
        "“Did you hear that?” whispered {A}. {H} listened, but the sound did not come again.",
        "{H} counted the ways this could go wrong and stopped at seven.",
        "“We're getting careless,” said {H}. “And careless is how people get caught.”",
        "{A} was quieter than usual, which was never a good sign.",
    ),
    "say.hope": (
        "“We're close,” said {H}. “I can feel it.”",
        "{A} grinned. “We've come this far. We're not stopping now.”",
        "“It will be all right,” said {A}, and for once {H} believed it.",
        "{H} smiled for the first time <that day|in hours|since morning>.",
        "“One more clue,” said {H}. “Just one more, and we'll have it.”",
        "For the first time in a long while, {H} felt lucky.",
        "“You know what?” said {A}. “I think we might actually do this.”",
        "{H} caught [H:himself|herself] humming, and did not stop.",
        "For a moment the whole thing felt less like a problem and more like a puzzle, and {H} "
        "liked puzzles.",
        "“Whatever happens next,” said {A}, “I'm glad I came.”",
    ),
    "say.plan": (
        "“First we look, then we listen,” said {H}. “Then we decide.”",
        "“We should split up,” said {A}. “Absolutely not,” said {H}.",
        "“Stay close,” said {H}, “and keep your eyes open.”",
        "“Slowly,” said {H}. “Whoever it is wants us to hurry.”",
        "“We go in quietly, we look, we leave,” said {H}. “No heroics.” {A} did not look "
        "convinced.",
        "{H} drew a rough map in the dust with a stick and marked every place [H:he|she] had "
        "already searched.",
        "“If we get separated,” said {H}, “we meet back here. Agreed?” “Agreed,” said {A}.",
        "{H} sorted it out in [H:his|her] head: what [H:he|she] knew, what [H:he|she] only "
        "guessed, and what was still missing.",
    ),
    "say.joke": (
        "“If I get lost,” said {A}, “tell everyone I went bravely.”",
        "{A} tripped over [A:his|her] own feet and pretended it had been on purpose.",
        "“Next time,” said {A}, “let's have an adventure somewhere with chairs.”",
        "“I'm not scared,” said {A}. “My knees are, but I'm not.”",
        "{A} claimed to have a plan. The plan turned out to be a sandwich.",
        "“For the record,” said {A}, “none of this was in the brochure.”",
        "{A} offered {H} the last biscuit, then ate it before {H} could answer.",
        "“I've decided to be brave,” said {A}. “I'll let you know if it wears off.”",
        "{A} tried to whistle a brave tune and managed two notes.",
    ),
    "say.clue": (
        "“Why would anyone leave {C} behind?” asked {A}. “Because they were in a hurry,” said {H}.",
        "{H} <tucked|slipped> {C} <safely|carefully> into [H:his|her] <pocket|coat|bag>.",
        "“{C} is the first real clue <we've had|in days>,” said {A}.",
        "{H} wrapped {C} in a handkerchief, <just in case|as if it might break>.",
        "“Don't lose that,” said {A}, nodding at {C}.",
    ),
    "say.suspect": (
        "“I don't trust {U},” said {A}. “Neither do I,” said {H}. “Not yet.”",
        "{H} kept thinking about {U}, and the way [U:he|she] had looked away.",
        "“What do we really know about {U}?” asked {A}. Nobody had an answer.",
        "{U} had been <too helpful|too quick with an answer>, {H} thought.",
    ),
    "say.culprit": (
        "“{R} won't give up easily,” said {A}.",
        "“Why would {R} do this?” asked {A}. {H} shook [H:his|her] head. “That's what we're going "
        "to find out.”",
        "“{R} made one mistake,” said {H}. “And I noticed.”",
        "{H} thought about {R}, and about every smile that had hidden a lie.",
    ),
    # --- Scenery ------------------------------------------------------------------------
    "say.recall.found": (
        "“Nobody leaves {C.a} lying about {Q.in} by accident,” said {H}.",
        "{H} took out {C} again and turned [C:it|them] over, remembering exactly where "
        "[C:it|they] had been found.",
        "“I keep thinking about {C},” said {A}. “Whoever dropped [C:it|them] {Q.in} was in a "
        "terrible hurry.”",
    ),
    "say.recall.met": (
        "{H} kept going back over what {X} had said {Q.in}.",
        "“What did you make of {X}?” asked {A}. {H} thought about it for a long moment. “I "
        "haven't decided yet.”",
        "{H} wondered where {X} was now, and what [X:he|she] was doing.",
    ),
    "say.recall.moved": (
        "“Remember {Q}?” said {A}. “I thought that was going to be the hard part.”",
        "{H} thought of {Q} and everything that had happened there. It felt like a week ago.",
        "Since leaving {Q}, the trail had only grown <stranger|more tangled|harder to follow>.",
    ),
    "say.recall.clue_person": (
        "“If {C} really points to {X},” said {A}, “then we're missing something.”",
        "There had to be a reason {C} pointed to {X}, and {H} meant to find it.",
    ),
    "say.recall.escaped": (
        "“Next time {X} won't get away,” said {H}, and meant it.",
        "{H} was still angry that {X} had slipped away.",
    ),
    "say.recall.asked": (
        "{H} went over what {X} had said, word by word.",
        "“Do you believe what {X} told us?” asked {A}. “Some of it,” said {H}.",
    ),
    "scene.town": (
        "A <cart|wagon|handcart> <rattled|clattered> past, <loaded high with barrels|piled with "
        "crates>.",
        "Somewhere a dog barked, and someone shouted at it to stop.",
        "The smell of <fresh bread|roasting coffee|frying onions> drifted out of an open doorway.",
        "Washing hung between the houses, flapping like flags.",
        "A bell rang the hour, and pigeons scattered over the rooftops.",
        "Children ran by, laughing at a joke only they understood.",
        "Shopkeepers were pulling up their shutters one by one.",
        "A street musician played a <sad|jolly|wobbly> tune on a <fiddle|flute|accordion>.",
        "A cat watched from a windowsill with deep disapproval.",
        "Somewhere a kettle began to whistle.",
    ),
    "scene.hall": (
        "Portraits watched from the walls, their painted eyes following every step.",
        "Dust danced in the thin light from the high windows.",
        "Somewhere a clock ticked, slow and heavy.",
        "The floorboards creaked underfoot.",
        "Every voice sounded far too loud in the long corridors.",
        "A draught moved the curtains, though every window was shut.",
        "A <suit of armour|marble bust|stuffed owl> stood in the corner, looking disappointed.",
    ),
    "scene.shore": (
        "The sea was grey and restless, and the gulls never stopped complaining.",
        "Salt was in the air, and on every lip, and in everyone's hair.",
        "Boats knocked gently against the quay.",
        "Far out, a ship's bell was ringing.",
        "The tide was going out, leaving shining mud and little pools.",
        "<Nets|Ropes|Lobster pots> lay piled on the stones, smelling <strongly|faintly> of fish.",
    ),
    "scene.wild": (
        "Birds called to one another somewhere out of sight.",
        "The grass was wet with dew and soaked through every boot.",
        "A stream chattered somewhere nearby.",
        "Insects hummed in the warm air.",
        "The path wound on, and the sky felt very big above it.",
        "A <rabbit|deer|fox> froze, stared, and vanished into the <bracken|long grass>.",
    ),
    "scene.space": (
        "Through the viewport, the stars turned slowly.",
        "The air recyclers hummed, steady as breathing.",
        "A maintenance drone whirred past, minding its own business.",
        "Warning lights blinked amber, then green again.",
        "Somewhere below, the engines <purred|rumbled> like a very large, very patient cat.",
    ),
    "scene.any": (
        "The wind picked up, then dropped again.",
        "A cloud passed over the sun, and for a moment everything went grey.",
        "The air smelled of rain that had not yet fallen.",
        "Far away, somebody was singing.",
        "Time seemed to move slowly, the way it does when you are waiting for something.",
        "A <moth|bee|beetle> bumbled past, busy with its own small adventure.",
        "The light turned <golden|silver|soft and blue>, the way it does just before things "
        "change.",
        "A gust of wind tugged at everyone's coats.",
        "The shadows had grown longer without anyone noticing.",
        "Somewhere a door creaked open and did not close again.",
        "A few leaves skittered across the ground as if they were late for something.",
        "The air was so still that every footstep sounded loud.",
    ),
    "mood.eerie": (
        "A cold draught touched the back of {H.pos} neck, though there was no window open.",
        "Somewhere, very softly, someone was whistling a tune nobody knew.",
        "The shadows seemed longer than they had any right to be.",
        "A door creaked open by itself, then slowly closed again.",
        "The candle flames leaned <sideways|all one way>, as if something had breathed on them.",
    ),
    "mood.funny": (
        "A goose appeared out of nowhere, looked at {H} with deep suspicion, and left.",
        "{A} sneezed so loudly that three pigeons took off in a panic.",
        "A small dog decided that {H.pos} shoelace was the enemy, and attacked it bravely.",
        "Somebody's hat blew off and rolled a very long way.",
        "A <parrot|very old man|small child> said something extremely rude and then smiled "
        "sweetly.",
    ),
    "mood.tense": (
        "Every second counted now.",
        "{H.pos} heart was pounding.",
        "Nobody dared to breathe too loudly.",
        "A clock somewhere was ticking, and every tick sounded like a warning.",
        "{H} kept <one hand on the door|both eyes on the shadows>, ready for anything.",
    ),
    "weather.storm": (
        "Thunder <grumbled|rolled|growled> in the distance.",
        "The wind howled and tugged at every loose thing.",
        "Lightning lit everything white for a moment, then left it darker than before.",
    ),
    "weather.rain": (
        "Rain drummed on every roof.",
        "{H.pos} coat was soaked through, and [H:his|her] boots squelched.",
        "Rain ran down the windows in long silver lines.",
    ),
    "weather.snow": (
        "Snow fell softly, covering every footprint.",
        "Every breath made a little cloud in the cold air.",
        "The snow squeaked underfoot.",
    ),
    "weather.fog": (
        "The fog was so thick it was hard to see more than a few steps ahead.",
        "Shapes loomed out of the fog and turned out to be lampposts.",
        "Somewhere in the fog, a foghorn moaned.",
    ),
    "weather.dark": (
        "In the dark, every sound seemed louder.",
        "{H} felt [H:his|her] way along the wall, step by careful step.",
        "A single match flared, and for a moment there was light.",
    ),
    "remind.retrieve": (
        "{O} [O:was|were] still out there <somewhere|waiting|hidden away>.",
        "{H} thought of {O} and walked a little faster.",
        "Somewhere, {O} [O:was|were] waiting to be found.",
        "Until {O} [O:was|were] found, nobody would rest.",
        "{H} had not forgotten {O}, not for a <second|moment|minute>.",
        "Every clue, {H} knew, was a step closer to {O}.",
        "Thoughts of {O} kept {H} going <when [H:his|her] feet were tired|long after dark>.",
        "<Where|Where on earth|Where in all the world> [O:was|were] {O} now? {H} <wondered|could "
        "not stop wondering|asked [H:himself|herself] again>.",
    ),
    "remind.protect": (
        "{H} checked on {O} again: still safe, for now.",
        "{H} would not let anything happen to {O}. Not while [H:he|she] was there.",
        "{O} [O:was|were] still safe, and {H} meant to keep [O:it|them] that way.",
        "Every few hours, {H} went back to look at {O}, just to be sure.",
        "<Whatever came next|Whoever came|However long it took>, {O} would stay safe. {H} <had "
        "promised|had sworn it|would see to that>.",
    ),
    "remind.mend": (
        "{O} still lay broken, waiting.",
        "Every hour that {O} stayed broken made {H} more determined.",
        "{H} kept thinking about {O} and how [O:it|they] could be mended.",
        "<Somehow|One way or another|Sooner or later>, {O} would be whole again. {H} <was sure of "
        "it|would see to it|had decided>.",
    ),
    "remind.rescue": (
        "Somewhere, {G} was waiting for {H}.",
        "{H} thought of {G} and would not slow down.",
        "{G} was counting on {H}, and {H} knew it.",
        "<Hold on|Not long now|Wait for me>, {H} thought, <thinking of|picturing|remembering> {G}.",
    ),
    "remind.reach": (
        "{Z} was still a long way off.",
        "Every step took {H} nearer to {Z}.",
        "{H} looked towards {Z} and went on.",
        "<Somewhere ahead|Beyond the next hill|Not so far now>, {Z} was waiting.",
    ),
    "remind.face": (
        "{H} thought of {T} and shivered, but went on towards {Z}.",
        "{Z} was still ahead, and {T} with it.",
        "{H} was still afraid of {T}. [H:He|She] went on anyway.",
        "Every step took {H} nearer to {Z}, and to {T}.",
        "{H} did not like to think about {T}, so [H:he|she] thought about {Z} instead.",
        "The closer {Z} came, the more {H} thought about {T}.",
        "“You're thinking about {T} again,” said {A}. {H} did not deny it.",
        "{H} told [H:himself|herself] that {T} could not hurt anyone. It did not help much.",
    ),
    "remind.meet": (
        "{H} still hoped, more than anything, to find {T.a}.",
        "<Somewhere|Out there somewhere|Not so far away>, {H} was sure, there was {T.a}.",
        "{H} looked at every face and wondered: could this be {T.a}?",
        "What {H} wanted most was still {T.a}.",
        "{H} thought about what it would be like to have {T.a}, and walked a little faster.",
        "If this went well, {H} thought, there might be {T.a} at the end of it.",
        "{H} had not given up on finding {T.a}. Not even close.",
        "Someone who would stay: that was all {H} meant by {T.a}.",
    ),
    "remind.learn": (
        "{H} practised whenever nobody was looking. One day [H:he|she] would {T.plain}.",
        "{H} had not forgotten: [H:he|she] was going to learn to {T.plain}.",
        "Every spare moment, {H} thought about how to {T.plain}.",
        "“Still trying to {T.plain}?” asked {A}. {H} nodded. “Always.”",
        "{H} tried once more to {T.plain}, and came a little closer.",
        "Somewhere in all this, {H} was sure, was the secret of how to {T.plain}.",
        "{H} could almost picture it: the day [H:he|she] would {T.plain} at last.",
        "At night {H} dreamed about it, and in the dream [H:he|she] could {T.plain}.",
        "{A} caught {H} practising again and pretended not to see.",
        "Nobody had ever told {H} it would be easy to {T.plain}. Nobody had been right.",
    ),
    "remind.any": (
        "<Nothing|No one|Not even the weather> was going to stop {H} now: the plan was still to "
        "{goal}.",
        "{H} <reminded [H:himself|herself]|kept telling [H:himself|herself]|whispered> what this "
        "was all for: to {goal}.",
        "{H} had not forgotten what mattered most: to {goal}.",
        "<Whatever happened|Come what may|Whatever it cost>, {H} was going to {goal}.",
        "{H} thought again of why [H:he|she] had set out: to {goal}.",
        "<All {H} wanted|The one thing {H} wanted|What {H} wanted most> was to {goal}, <and "
        "soon|and nothing else|before it was too late>.",
        "<Tomorrow|Today|Soon>, {H} <promised|told> [H:himself|herself], [H:he|she] would {goal}.",
        "Every step {H} took was a step towards one thing: to {goal}.",
        "{H} held on to the one thing that was clear: [H:he|she] had to {goal}.",
        "Whatever else changed, {H.pos} purpose did not: to {goal}.",
    ),
    "hero.any": (
        "{H} took a deep breath.",
        "{H} pulled [H:his|her] coat tighter and went on.",
        "{H} listened, and waited, and thought.",
        "{H} straightened [H:his|her] shoulders.",
    ),
    "hero.kind": (
        "It was not easy being {H.a}, but {H} had never wanted to be anything else.",
        "{H} did what any {H.kind} would have done, and kept going.",
        "Nobody expects much of {H.a}. {H} was about to surprise them.",
        "{H}, being {H.a}, noticed what the others missed.",
        "It was a lot to ask of {H.a}, but {H} did not complain.",
    ),
    # --- Steering: what readers asked for, told as events ------------------------------
    "steer.reveal": (
        "The truth came out at last: {X.full} was the one behind it all.",
        "So it was {X.full}. Every lie and every false trail made sense now.",
        "{H} said the name out loud, and it sounded true the moment [H:he|she] said it: {X.full}.",
    ),
    "steer.steal": ("{X.full} had taken it. There was no doubt about that any more.",),
    "steer.betray": (
        "{X.full} turned against {H} without a word of warning.",
        "{X.full} had been on the other side all along.",
    ),
    "steer.join": (
        "Just then {X.full} arrived, out of breath and full of news.",
        "The door opened and in came {X.full}, {X.a}, shaking the rain from [X:his|her] coat.",
        "{X.full} joined {H}, and nobody was sorry about it.",
    ),
    "steer.befriend": (
        "{X.full} decided to help {H}, and said so plainly.",
        "From then on, {X.full} was on {H.pos} side.",
    ),
    "steer.leave": (
        "{X.full} said goodbye and left, and the place felt emptier without [X:him|her].",
        "{X} had to go. [X:He|She] waved once from the door, and then [X:he|she] was gone.",
    ),
    "steer.capture": (
        "{X.full} had been captured, and {H} swore to bring [X:him|her] back.",
        "They had taken {X.full}. {H} clenched [H:his|her] fists and said nothing.",
    ),
    "steer.cleared": (
        "So {U} had been innocent all along. {H} felt a little sorry for every suspicious look.",
        "That meant {U} had told the truth. {H} made a note to apologise.",
    ),
    "steer.tone.eerie": (
        "From that moment on, everything {P.in} felt colder and stranger.",
        "The light changed, and the shadows began to feel like they were listening.",
    ),
    "steer.tone.funny": (
        "And then, as if the world had decided to cheer everyone up, things began to go "
        "ridiculously wrong.",
    ),
    "steer.tone.tense": ("From then on, every minute counted.",),
    "steer.tone.warm": (
        "Somehow things felt warmer after that, as if the day itself had softened.",
    ),
    "steer.tone.any": ("The mood {P.in} changed.",),
    "steer.weather.storm": (
        "A storm rolled in, fast and loud, and rain lashed at the windows.",
        "Thunder cracked overhead, and a storm broke over {P}.",
    ),
    "steer.weather.rain": ("It began to rain, softly at first, then hard.",),
    "steer.weather.snow": ("Snow began to fall, thick and silent.",),
    "steer.weather.fog": ("A fog came rolling in and swallowed everything.",),
    "steer.weather.dark": (
        "Then the lights went out, and everything was dark.",
        "Night fell suddenly, as if someone had blown out the sky.",
    ),
    "steer.weather.any": ("The weather turned.",),
    "steer.after": (
        "Nobody had seen that coming, least of all {H}.",
        "{A} let out a long, low whistle.",
        "For a moment everyone just stood there.",
        "“Well,” said {H}, “that changes things.”",
        "{H} took it in and thought hard about what it meant for {O}.",
        "It was not what anyone had planned, but {H} made the best of it.",
    ),
    "steer.find.goal": (
        "And there [O:it was|they were]: {O.full}, found at last. {H} held on tight.",
        "{H} could hardly believe it. {O.full}, right there, within reach.",
    ),
    "steer.find": (
        "{H} found {C.a}, right where nobody had thought to look.",
        "There, half buried, was {C.a}.",
    ),
    "steer.find.lead": (
        "It was a way on, and it led towards {Q}.",
        "{H} looked at {C} and knew where it led: to {Q}.",
    ),
    # --- The ending -----------------------------------------------------------------------
    "end.go": (
        "There was only one place left to go, and {H} went there: {Q}.",
        "{team} went to {Q} for the last time.",
        "There was only one place left to go: {Q}. {H} went there without fear.",
    ),
    "end.unmask": (
        "And there, at last, was the one behind it all: {R.full}.",
        "When the hood fell back, everyone gasped. It was {R.full}.",
    ),
    "end.face": (
        "{R.full} was there, just as {H} had known [R:he|she] would be.",
        "{R.full} stood waiting, with nowhere left to run.",
    ),
    "end.caught": (
        "{R} looked from one face to the next, sighed, and gave up without a fight.",
        "{R} tried to run, but {A} was faster, and that was the end of that.",
        "In the end {R} had nothing left to say, and the constable led [R:him|her] gently away.",
    ),
    "end.freed": (
        "{X} was free at last, and hugged {H} so hard it hurt.",
        "They let {X} out, and {X} had never looked so glad to see anyone.",
    ),
    "end.goal.retrieve": (
        "{R} handed over {O} without a word, and {H} held [O:it|them] as if [O:it|they] might "
        "vanish again.",
        "{O} had been hidden in {R.pos} coat all along. {H} took [O:it|them] back, gently.",
        "{O} [O:was|were] back where [O:it|they] belonged, safe at last, and {H} could finally "
        "breathe.",
        "{H} held {O} in both hands. It was over.",
    ),
    "end.goal.protect": (
        "{O} [O:was|were] safe, and would stay safe, because {H} was still there.",
        "Nobody would ever come for {O} again. {H} had made sure of it.",
    ),
    "end.goal.mend": (
        "With one last careful turn, {O} [O:was|were] whole again.",
        "{O} [O:was|were] mended, and worked better than ever.",
    ),
    "end.goal.rescue": ("{G} was free, and all the way home {G} would not stop talking.",),
    "end.goal.reach": (
        "{H} reached {Z} as the sun came up, and it was more beautiful than [H:he|she] had "
        "dreamed.",
    ),
    "end.goal.face": (
        "{H} walked into {Z}, and {T} [T:was|were] only {T.bare} after all. {H} was not afraid any "
        "more.",
    ),
    "end.goal.meet": (
        "Someone was waiting {P.in}: {G.full}, {G.a}, who had been looking for {T.a} too. "
        "And that was how {H} found {T.a} at last.",
        "Someone was waiting {P.in}: {G.full}, who had been looking for {T.a} too. And that "
        "was how {H} found {T.a} at last.",
    ),
    "end.goal.learn": (
        "And then, without quite knowing how, {H} could {T.plain}. Everyone cheered.",
    ),
    "end.goal.any": ("It was done, and done well.",),
    "end.say": (
        "“We did it,” said {A}. “We actually did it.”",
        "“I never doubted you,” said {A}. “Not for a second.” {H} laughed. “Yes, you did.”",
        "“What now?” asked {A}. “Now,” said {H}, “we rest.”",
        "{H} thanked everyone who had helped, one by one.",
    ),
    "end.cast": (
        "That night everyone who had helped gathered {P.in}, and there was cake.",
        "{A} and {H} walked home together, tired and happy.",
        "Everyone agreed it had been the strangest week of their lives.",
    ),
    "end.close": (
        "The lights {P.in} burned warm and steady long into the night.",
        "And if anyone asks what happened, this is how they tell it.",
        "Years later, people would still tell the story of {H} and {O}.",
        "And {H} slept better that night than [H:he|she] had in a very long time.",
    ),
    # --- Options: "Label || what doing it was" ----------------------------------------
    "opt.go": ("Go to {Q} || {H} went to {Q}.", "Head for {Q} || {H} headed for {Q}."),
    "opt.ask": (
        "Ask {W} about {O} || {H} asked {W} about {O}.",
        "Talk to {W} again || {H} talked to {W} again.",
        "Question {W} || {H} questioned {W}.",
    ),
    "opt.examine": (
        "Examine {C} || {H} examined {C}.",
        "Take a closer look at {C} || {H} took a closer look at {C}.",
    ),
    "opt.confront": ("Confront {R} || {H} confronted {R}.", "Face {R} || {H} faced {R}."),
    "opt.track": ("Track down {R} || {H} tracked down {R}.", "Go after {R} || {H} went after {R}."),
    "opt.search": ("Search {P} || {H} searched {P}.", "Look around {P} || {H} looked around {P}."),
    "opt.watch": (
        "Hide and keep watch || {H} hid and kept watch.",
        "Wait and see who comes || {H} waited to see who would come.",
    ),
    "opt.witness": (
        "See who is there || {H} went to see who was there.",
        "Find someone who saw something || {H} looked for someone who had seen something.",
    ),
    "opt.obstacle": (
        "Press on, whatever is ahead || {H} pressed on.",
        "Find a way through || {H} looked for a way through.",
    ),
    "opt.rival": (
        "Find out who is watching || {H} tried to find out who was watching.",
        "Set a trap || {H} set a trap.",
    ),
    "opt.chase": (
        "Follow the shadow || {H} followed the shadow.",
        "Run after them || {H} ran after the stranger.",
    ),
    "opt.reveal": (
        "Put all the clues together || {H} put all the clues together.",
        "Think it through again || {H} thought it all through again.",
    ),
    "opt.twist": (
        "Wait for news || {H} waited for news.",
        "Go over the facts || {H} went over the facts.",
    ),
    "opt.plan": (
        "Make a plan || {H} made a plan.",
        "Plan the next step || {H} planned the next step.",
    ),
    "opt.close_in": (
        "Get closer to {O} || {H} got closer to {O}.",
        "Move in closer || {H} moved in.",
    ),
    "opt.rest": (
        "Rest for a while || {H} rested for a while.",
        "Stop and eat something || {H} stopped to eat.",
    ),
    "opt.lore": (
        "Ask {A} about the story of {O} || {H} asked {A} about the story of {O}.",
        "Learn more about {O} || {H} learned more about {O}.",
    ),
    "opt.rejoin": (
        "Go back for {X} || {H} went back for {X}.",
        "Find {X} || {H} went to find {X}.",
    ),
    "opt.setback": ("Split up to cover more ground || {H} and {A} split up.",),
    # --- Recaps -----------------------------------------------------------------------------
    "recap.start.allies": (
        "This is the story of {H.full}, who set out {Q.in} with {allies} to {goal}.",
        "It began {Q.in}, where {H.full} and {allies} set out to {goal}.",
    ),
    "recap.start": (
        "This is the story of {H.full}, who set out {Q.in} to {goal}.",
        "It began {Q.in}, where {H.full} set out to {goal}.",
    ),
    "recap.found": ("{Q.in}, {H} found {C.a}.",),
    "recap.clue_person": ("{C} pointed to {X.full}.",),
    "recap.clue_place": ("{C} pointed the way to {Q}.",),
    "recap.moved": ("{H} went on to {Q}.", "Then the trail led to {Q}."),
    "recap.met": ("{Q.in}, {H} met {X.full}.",),
    "recap.revealed": ("{X.full} turned out to be the one behind it all.",),
    "recap.twist": ("Then the trail turned towards {Q}.",),
    "recap.escaped": ("{X} slipped away again.",),
    "recap.lost_ally": ("{X} was captured.",),
    "recap.freed": ("{X} was set free.",),
    "recap.join": ("{X.full} joined {H}.",),
    "recap.befriend": ("{X.full} came over to {H.pos} side.",),
    "recap.leave": ("{X.full} had to leave.",),
    "recap.capture": ("{X.full} was captured.",),
    "recap.found_goal": ("{H} found {O}.",),
    "recap.caught": ("{X} was caught at last.",),
    "recap.chased": ("There was a chase.",),
    "recap.rival": ("Someone tried hard to stop {H}.",),
    "recap.asked": ("{X.full} told {H} what [X:he|she] knew.",),
    "recap.watched": ("{H} kept watch {Q.in}.",),
    "recap.weather.storm": ("A storm broke.",),
    "recap.weather.rain": ("It rained.",),
    "recap.weather.snow": ("Snow fell.",),
    "recap.weather.fog": ("A fog came in.",),
    "recap.weather.dark": ("The lights went out.",),
    "recap.others": ("Along the way {H} met {met}.",),
    "recap.now": (
        "Now {H} is {P.in}, still determined to {goal}.",
        "Right now {H} is {P.in}, and the search for {O} goes on.",
    ),
    "recap.now.done": ("And in the end, {H} did it.",),
}
