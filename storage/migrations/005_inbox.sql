-- Platform events kept from the moment they are fetched until they are handled
-- (bot/inbox.py). Telegram forgets an update once a later getUpdates confirms
-- it, and that happens before the update is handled; a process killed in
-- between used to lose it. Rows are deleted when handled, so the table holds
-- only what is in flight; its size is capped per platform by the caller.
--
--   payload   the event as the platform sent it (Telegram: the update's JSON)
--   tries     how many times a start-up has taken the row up again; an event
--             that keeps killing the process is dropped after a few

CREATE TABLE inbox (
    platform     TEXT NOT NULL,
    event_id     TEXT NOT NULL,
    payload      TEXT NOT NULL,
    received_at  REAL NOT NULL,
    tries        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (platform, event_id)
);
