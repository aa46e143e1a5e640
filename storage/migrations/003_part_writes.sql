-- Everything a story turn writes, as one statement: the platform event that
-- asked for it, the part (new, or replacing the last one for a retry), the
-- story's new end and the day's usage counters.
--
-- aiosqlite runs statements on its own thread, and every statement is a round
-- trip to it (about 0.15 ms on a small VM); a transaction of five statements
-- was most of a turn's cost. A statement and its trigger are atomic on their
-- own, so this is still all or nothing: a redelivered event (primary key) or a
-- story that moved on since the turn read it aborts the whole write.
--
-- Write with: INSERT INTO part_writes (...) VALUES (...). Columns:
--   seq             the part's number: the story's last_seq + 1, or last_seq to replace it
--   replace_last    1 to rewrite the last part (retry), 0 to append
--   event_platform, event_id   the request's platform event, or NULL
--   usage_day, usage_user, usage_channel, prompt_tokens, completion_tokens
--                   the tokens spent, or usage_day NULL to count nothing

CREATE VIEW part_writes (
    story_id, seq, replace_last, text, direction, author, choices, status, created_at,
    event_platform, event_id,
    usage_day, usage_user, usage_channel, prompt_tokens, completion_tokens
) AS SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
            NULL, NULL, NULL, NULL, NULL, NULL, NULL
    WHERE 0;

CREATE TRIGGER part_writes_insert INSTEAD OF INSERT ON part_writes
BEGIN
    SELECT RAISE(ABORT, 'story moved on')
    WHERE NOT EXISTS (
        SELECT 1 FROM stories
        WHERE id = NEW.story_id AND last_seq = NEW.seq - 1 + NEW.replace_last
    );

    INSERT INTO processed_events (platform, event_id, seen_at)
    SELECT NEW.event_platform, NEW.event_id, NEW.created_at
    WHERE NEW.event_id IS NOT NULL;

    UPDATE parts
    SET text = NEW.text, direction = NEW.direction, author = NEW.author,
        choices = NEW.choices, status = NEW.status, created_at = NEW.created_at
    WHERE NEW.replace_last AND story_id = NEW.story_id AND seq = NEW.seq;

    INSERT INTO parts (story_id, seq, text, direction, author, choices, status, created_at)
    SELECT NEW.story_id, NEW.seq, NEW.text, NEW.direction, NEW.author, NEW.choices,
           NEW.status, NEW.created_at
    WHERE NOT NEW.replace_last;

    UPDATE stories SET last_seq = NEW.seq, updated_at = NEW.created_at
    WHERE id = NEW.story_id;

    INSERT INTO usage (day, scope, key, requests, prompt_tokens, completion_tokens)
    SELECT * FROM (
        SELECT NEW.usage_day, 'user', NEW.usage_user, 1, NEW.prompt_tokens,
               NEW.completion_tokens
        UNION ALL
        SELECT NEW.usage_day, 'channel', NEW.usage_channel, 1, NEW.prompt_tokens,
               NEW.completion_tokens
    )
    WHERE NEW.usage_day IS NOT NULL
    ON CONFLICT (day, scope, key) DO UPDATE SET
        requests = requests + 1,
        prompt_tokens = prompt_tokens + excluded.prompt_tokens,
        completion_tokens = completion_tokens + excluded.completion_tokens;
END;
