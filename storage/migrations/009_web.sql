-- The browser: invites for players (web.access = invite). An invite is a named
-- player the operator can revoke; only a hash of its link's token is kept, so
-- the database never holds a working link.

CREATE TABLE web_invites (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    token_hash  TEXT NOT NULL UNIQUE,
    created_at  REAL NOT NULL,
    revoked_at  REAL
);

-- The console lists channels by their last activity.
CREATE INDEX stories_channel_updated ON stories(channel_key, updated_at);
