-- Where an event's reply began to show: the platform's handle of its first
-- message (Telegram: the message id). A process killed after a part reached the
-- chat whole but before its event left the inbox used to show the part again
-- as a new message when the event was taken up; with this the part is shown
-- again in the message that already shows it, and the chat sees it once.

ALTER TABLE inbox ADD COLUMN shown_in TEXT;

-- Whether the turn that handled an event ran to its end, so its final reply was shown
-- (set when the event leaves the inbox; PostgreSQL has had it since its first schema).
-- A Telegram update confirmed to nobody is fetched again after a kill even when it was
-- handled and shown whole; taken up from the inbox, it used to show its part a second
-- time, as a new message. Only an unfinished event's part is shown again.
ALTER TABLE processed_events ADD COLUMN finished INTEGER NOT NULL DEFAULT 0;

-- The reply a request with no part was answered with (help, a setting, "there is no
-- story yet"), kept until it is known to be shown: its event is claimed before the reply
-- reaches the chat, and a kill in between used to leave the request unanswered for good.
ALTER TABLE processed_events ADD COLUMN reply TEXT;
