-- Everything a story turn writes, as one statement: the story's new end (only if
-- it is still as the turn read it), the platform event that asked for it, the
-- part, and the day's usage counters. A function runs in its caller's statement,
-- so this is all or nothing, in one round trip, as SQLite's part_writes trigger:
--   story moved on      SQLSTATE SB001, nothing written
--   event handled       unique violation on processed_events_pkey, nothing written
-- The story row is updated first: its row lock puts two writes to one story in
-- line, and the second sees the first's last_seq (and fails as moved on).
-- p_seq NULL writes no part (a recap: only its event and usage); p_finish
-- 'ended' or 'archived' finishes the story in the same write.

CREATE FUNCTION storybot_write_part(
    p_story_id bigint, p_seq integer, p_text text, p_direction text, p_author text,
    p_choices text, p_status text, p_state text, p_created_at double precision,
    p_event_platform text, p_event_id text,
    p_usage_day text, p_usage_user text, p_usage_channel text,
    p_prompt_tokens bigint, p_completion_tokens bigint, p_finish text
) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF p_seq IS NOT NULL THEN
        UPDATE stories
        SET last_seq = p_seq, updated_at = p_created_at,
            status = COALESCE(p_finish, status),
            finished_at = CASE WHEN p_finish IS NULL THEN finished_at ELSE p_created_at END
        WHERE id = p_story_id AND status = 'active' AND last_seq = p_seq - 1;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'story % moved on', p_story_id USING ERRCODE = 'SB001';
        END IF;
    END IF;

    IF p_event_id IS NOT NULL THEN
        INSERT INTO processed_events (platform, event_id, seen_at, story_id, seq)
        VALUES (p_event_platform, p_event_id, p_created_at, p_story_id, p_seq);
    END IF;

    IF p_seq IS NOT NULL THEN
        INSERT INTO parts (story_id, seq, text, direction, author, choices, status,
                           created_at, state)
        VALUES (p_story_id, p_seq, p_text, p_direction, p_author, p_choices, p_status,
                p_created_at, COALESCE(p_state, ''));
    END IF;

    IF p_usage_day IS NOT NULL THEN
        INSERT INTO usage AS u (day, scope, key, requests, prompt_tokens, completion_tokens)
        VALUES (p_usage_day, 'user', p_usage_user, 1, p_prompt_tokens, p_completion_tokens),
               (p_usage_day, 'channel', p_usage_channel, 1, p_prompt_tokens,
                p_completion_tokens)
        ON CONFLICT (day, scope, key) DO UPDATE SET
            requests = u.requests + 1,
            prompt_tokens = u.prompt_tokens + excluded.prompt_tokens,
            completion_tokens = u.completion_tokens + excluded.completion_tokens;
    END IF;
END;
$$;

-- Move a line's parts from p_from on into a new alternative line; returns its id
-- (SQLite: storage/sqlite_branching.py, which says why). Runs in the caller's
-- transaction, so a retry keeps the old part and writes the new one, or neither.
CREATE FUNCTION storybot_branch_off(
    p_story_id bigint, p_from integer, p_kind text, p_now double precision
) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    branch bigint;
BEGIN
    INSERT INTO stories (channel_key, premise, status, summary, summary_upto, last_seq,
                         created_at, updated_at, root_id, parent_id, fork_seq, branch_kind, note)
    SELECT channel_key, premise, 'archived', '', 0, last_seq, p_now, p_now,
           COALESCE(root_id, id), id, p_from - 1, p_kind, note
    FROM stories WHERE id = p_story_id
    RETURNING id INTO branch;

    UPDATE stories SET parent_id = branch
    WHERE parent_id = p_story_id AND fork_seq >= p_from AND id <> branch;

    UPDATE parts SET story_id = branch WHERE story_id = p_story_id AND seq >= p_from;

    UPDATE stories
    SET last_seq = p_from - 1, updated_at = p_now,
        summary = CASE WHEN summary_upto >= p_from THEN '' ELSE summary END,
        summary_upto = CASE WHEN summary_upto >= p_from THEN 0 ELSE summary_upto END
    WHERE id = p_story_id;
    RETURN branch;
END;
$$;

-- Many turns' writes in one statement, each as storybot_write_part would make it: one
-- round trip and one commit (one wait for the disk) for every turn that finished
-- meanwhile. One failing write fails them all; the store then writes each on its own,
-- so each turn gets its own answer (storage/postgres_turns.py). The caller orders the
-- writes by user, so two batches lock usage rows in the same order and never deadlock.
CREATE FUNCTION storybot_write_parts(
    p_story_ids bigint[], p_seqs integer[], p_texts text[], p_directions text[],
    p_authors text[], p_choices text[], p_statuses text[], p_states text[],
    p_created double precision[], p_event_platforms text[], p_event_ids text[],
    p_usage_days text[], p_usage_users text[], p_usage_channels text[],
    p_prompt_tokens bigint[], p_completion_tokens bigint[], p_finish text[]
) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    FOR i IN 1 .. coalesce(array_length(p_created, 1), 0) LOOP
        PERFORM storybot_write_part(
            p_story_ids[i], p_seqs[i], p_texts[i], p_directions[i], p_authors[i],
            p_choices[i], p_statuses[i], p_states[i], p_created[i],
            p_event_platforms[i], p_event_ids[i], p_usage_days[i], p_usage_users[i],
            p_usage_channels[i], p_prompt_tokens[i], p_completion_tokens[i], p_finish[i]);
    END LOOP;
END;
$$;
