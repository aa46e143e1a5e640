-- Story-of-the-day subscriptions, prompt feed state, and a unique index so a
-- feed's prompts join the shared pool once however often it is fetched.

CREATE TABLE subscriptions (
    channel_key  TEXT PRIMARY KEY REFERENCES channels(key) ON DELETE CASCADE,
    platform     TEXT NOT NULL,
    at_time      TEXT NOT NULL,          -- HH:MM in the timezone below
    timezone     TEXT NOT NULL,
    failures     INTEGER NOT NULL DEFAULT 0,
    enabled      INTEGER NOT NULL DEFAULT 1,
    last_run     REAL,
    created_at   REAL NOT NULL
);

CREATE TABLE feeds (
    url            TEXT PRIMARY KEY,
    etag           TEXT,
    last_modified  TEXT,
    fetched_at     REAL,
    last_error     TEXT
);

CREATE UNIQUE INDEX prompts_feed_text ON prompts(text) WHERE channel_key IS NULL;
