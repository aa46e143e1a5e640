-- Where an event's reply began to show (SQLite: migration 010): taking the event
-- up again edits that message instead of showing the reply twice.

ALTER TABLE inbox ADD COLUMN shown_in text;

-- The reply a request with no part was answered with, until it is known to be shown
-- (SQLite: migration 010): a kill between claiming the event and showing the reply used
-- to leave the request unanswered for good. `finished` says it was shown.
ALTER TABLE processed_events ADD COLUMN reply text;
