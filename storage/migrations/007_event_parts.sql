-- Which part a platform event wrote, so that an event a killed process had
-- handled but not finished showing can be answered with the part it stored
-- (the engine shows it again) instead of with nothing. NULL for events that
-- wrote no part.

ALTER TABLE processed_events ADD COLUMN story_id INTEGER;
ALTER TABLE processed_events ADD COLUMN seq INTEGER;

DROP TRIGGER part_writes_insert;

CREATE TRIGGER part_writes_insert INSTEAD OF INSERT ON part_writes
BEGIN
    SELECT RAISE(ABORT, 'story moved on')
    WHERE NEW.seq IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM stories
        WHERE id = NEW.story_id AND status = 'active'
          AND last_seq = NEW.seq - 1 + NEW.replace_last
    );

    INSERT INTO processed_events (platform, event_id, seen_at, story_id, seq)
    SELECT NEW.event_platform, NEW.event_id, NEW.created_at, NEW.story_id, NEW.seq
    WHERE NEW.event_id IS NOT NULL;

    UPDATE parts
    SET text = NEW.text, direction = NEW.direction, author = NEW.author,
        choices = NEW.choices, status = NEW.status, created_at = NEW.created_at,
        state = COALESCE(NEW.state, '')
    WHERE NEW.seq IS NOT NULL AND NEW.replace_last
      AND story_id = NEW.story_id AND seq = NEW.seq;

    INSERT INTO parts (story_id, seq, text, direction, author, choices, status, created_at, state)
    SELECT NEW.story_id, NEW.seq, NEW.text, NEW.direction, NEW.author, NEW.choices,
           NEW.status, NEW.created_at, COALESCE(NEW.state, '')
    WHERE NEW.seq IS NOT NULL AND NOT NEW.replace_last;

    UPDATE stories
    SET last_seq = NEW.seq, updated_at = NEW.created_at,
        status = COALESCE(NEW.finish, status),
        finished_at = CASE WHEN NEW.finish IS NULL THEN finished_at ELSE NEW.created_at END
    WHERE NEW.seq IS NOT NULL AND id = NEW.story_id;

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
