-- Channels, stories and their parts, prompt libraries, usage counters and
-- processed platform events. Times are Unix seconds (REAL).

CREATE TABLE channels (
    key         TEXT PRIMARY KEY,
    platform    TEXT NOT NULL,
    settings    TEXT NOT NULL DEFAULT '{}',
    created_at  REAL NOT NULL,
    updated_at  REAL NOT NULL
);

CREATE TABLE stories (
    id            INTEGER PRIMARY KEY,
    channel_key   TEXT NOT NULL REFERENCES channels(key) ON DELETE CASCADE,
    premise       TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('active', 'ended', 'archived')),
    summary       TEXT NOT NULL DEFAULT '',
    summary_upto  INTEGER NOT NULL DEFAULT 0,
    last_seq      INTEGER NOT NULL DEFAULT 0,
    created_at    REAL NOT NULL,
    updated_at    REAL NOT NULL,
    finished_at   REAL
);
-- At most one active story per channel.
CREATE UNIQUE INDEX stories_one_active ON stories(channel_key) WHERE status = 'active';
CREATE INDEX stories_finished ON stories(status, finished_at);

CREATE TABLE parts (
    id          INTEGER PRIMARY KEY,
    story_id    INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    direction   TEXT NOT NULL DEFAULT '',
    author      TEXT NOT NULL DEFAULT '',
    choices     TEXT NOT NULL DEFAULT '[]',
    status      TEXT NOT NULL CHECK (status IN ('complete', 'cut', 'interrupted')),
    created_at  REAL NOT NULL,
    UNIQUE (story_id, seq)
);

CREATE TABLE prompts (
    id           INTEGER PRIMARY KEY,
    channel_key  TEXT REFERENCES channels(key) ON DELETE CASCADE,
    text         TEXT NOT NULL,
    author       TEXT NOT NULL DEFAULT '',
    source       TEXT NOT NULL DEFAULT 'channel',
    created_at   REAL NOT NULL
);
CREATE INDEX prompts_channel ON prompts(channel_key);

CREATE TABLE usage (
    day                TEXT NOT NULL,
    scope              TEXT NOT NULL CHECK (scope IN ('user', 'channel')),
    key                TEXT NOT NULL,
    requests           INTEGER NOT NULL DEFAULT 0,
    prompt_tokens      INTEGER NOT NULL DEFAULT 0,
    completion_tokens  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, scope, key)
);

CREATE TABLE processed_events (
    platform  TEXT NOT NULL,
    event_id  TEXT NOT NULL,
    seen_at   REAL NOT NULL,
    PRIMARY KEY (platform, event_id)
);
CREATE INDEX processed_events_seen ON processed_events(seen_at);
