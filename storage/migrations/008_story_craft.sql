-- Story craft: branches (every replaced part kept), a world book, an author's
-- note, players with characters, group votes and share codes.
--
-- Branches. The story row a channel plays is always its current line, a plain
-- run of parts 1..last_seq, so everything that reads a story reads it as
-- before. An alternative line is a story row of its own with parent_id set: it
-- holds only the parts where it differs from its parent, those after fork_seq;
-- the parts up to fork_seq are its parent's line. root_id names the story the
-- whole tree belongs to. Retry, undo and edit move the part they replace into
-- such a row; /story branch moves the tail after a part; /story switch makes an
-- alternative the current line and keeps the line it replaces the same way.
-- Alternatives have no finished_at, so retention never takes them on their
-- own; they go with their story (ON DELETE CASCADE).

ALTER TABLE stories ADD COLUMN root_id INTEGER REFERENCES stories(id) ON DELETE CASCADE;
ALTER TABLE stories ADD COLUMN parent_id INTEGER REFERENCES stories(id) ON DELETE CASCADE;
ALTER TABLE stories ADD COLUMN fork_seq INTEGER;
ALTER TABLE stories ADD COLUMN branch_kind TEXT;
ALTER TABLE stories ADD COLUMN note TEXT NOT NULL DEFAULT '';
ALTER TABLE stories ADD COLUMN turn_user TEXT;
ALTER TABLE stories ADD COLUMN turn_since REAL;
CREATE INDEX stories_root ON stories(root_id) WHERE root_id IS NOT NULL;

-- World book: facts the storyteller is given when their name comes up.
CREATE TABLE world_entries (
    id              INTEGER PRIMARY KEY,
    story_id        INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    name            TEXT NOT NULL,
    aliases         TEXT NOT NULL DEFAULT '[]',
    description     TEXT NOT NULL,
    pinned          INTEGER NOT NULL DEFAULT 0,
    last_triggered  INTEGER NOT NULL DEFAULT 0,
    created_at      REAL NOT NULL
);
CREATE UNIQUE INDEX world_entries_name ON world_entries(story_id, name COLLATE NOCASE);

-- Players: who plays which character in a story.
CREATE TABLE players (
    story_id     INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    user_id      TEXT NOT NULL,
    user_name    TEXT NOT NULL,
    character    TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    joined_at    REAL NOT NULL,
    PRIMARY KEY (story_id, user_id)
);

-- Group votes on a part's options, and each member's ballot (one, changeable).
CREATE TABLE votes (
    story_id   INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    channel_key TEXT NOT NULL,
    options    INTEGER NOT NULL,
    opened_at  REAL NOT NULL,
    closes_at  REAL NOT NULL,
    closed_at  REAL,
    winner     INTEGER,
    PRIMARY KEY (story_id, seq)
);
CREATE INDEX votes_open ON votes(closes_at) WHERE closed_at IS NULL;

CREATE TABLE ballots (
    story_id  INTEGER NOT NULL,
    seq       INTEGER NOT NULL,
    voter     TEXT NOT NULL,
    choice    INTEGER NOT NULL,
    cast_at   REAL NOT NULL,
    PRIMARY KEY (story_id, seq, voter),
    FOREIGN KEY (story_id, seq) REFERENCES votes(story_id, seq) ON DELETE CASCADE
);

-- Share codes: a story as it was when shared, importable anywhere for a day.
CREATE TABLE shares (
    code        TEXT PRIMARY KEY,
    snapshot    TEXT NOT NULL,
    created_at  REAL NOT NULL,
    expires_at  REAL NOT NULL
);
CREATE INDEX shares_expiry ON shares(expires_at);
