"""The built-in starter prompts every channel's library begins with."""

STARTER_PROMPTS: tuple[str, ...] = (
    "A lighthouse keeper named Ada finds a message in a bottle addressed to her, dated next year.",
    "A young dragon named Ember is afraid of the dark and must cross the Night Forest.",
    "The last librarian on a generation ship discovers a book that was never printed.",
    "A detective cat named Inspector Whiskers investigates the vanishing of the town's clocks.",
    "Two rival bakers in the village of Crumbsby must team up to win the royal tasting.",
    "A map drawn by a grandmother leads Theo to an island that appears only at low tide.",
    "A robot gardener named Sprocket grows a flower that sings when it rains.",
    "On the first day at the Academy of Weather, Mira accidentally summons a snowstorm in June.",
    "A retired pirate named Captain Rosa opens a tea shop, until her old crew walks in.",
    "A boy named Kofi finds a door in the back of the museum that leads to yesterday.",
    "The moon has gone missing, and an owl named Professor Hoot is the only witness.",
    "A painter named Lin discovers that whatever she paints at midnight comes to life.",
)
