-- Several Storybot instances on one database, acting as one (storage/postgres_cluster.py).
-- Every time here is database time, so the instances' clocks never have to agree.

CREATE FUNCTION storybot_now() RETURNS double precision
    LANGUAGE sql VOLATILE AS $$ SELECT extract(epoch FROM clock_timestamp())::double precision $$;

-- One row per running process, renewed every few seconds. An instance whose
-- expires_at has passed is dead to the others: its channels, leases, claims
-- and inbox events pass on.
CREATE TABLE instances (
    id          text PRIMARY KEY,
    name        text NOT NULL,
    started_at  double precision NOT NULL,
    expires_at  double precision NOT NULL
);

-- Named leases (the scheduler's leader): held while the holder renews it and lives.
CREATE TABLE leases (
    name        text PRIMARY KEY,
    holder      text NOT NULL,
    expires_at  double precision NOT NULL,
    taken_at    double precision NOT NULL
);

-- Every admitted turn's place in its channel's line, across instances. A turn
-- runs when no smaller ticket of its channel is left. Tickets of one channel
-- are taken under a per-channel lock held to commit (storybot_take_turns), so
-- they are committed in ticket order and "no smaller ticket" is never wrong.
-- `adopted`: the row of a dead instance's event, handed to the instance that
-- took the event up from the inbox, which runs the turn in the old place.
-- Places in line matter only while the instances that hold them run, so the
-- table is unlogged and its changes are committed without waiting for the disk:
-- two of a turn's three commits cost no fsync. A database crash empties it;
-- turns waiting then take new places (TicketGone in postgres_cluster.py).
CREATE UNLOGGED TABLE turn_queue (
    ticket       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    channel_key  text NOT NULL,
    platform     text NOT NULL,
    event_id     text,
    instance     text NOT NULL,
    taken_at     double precision NOT NULL,
    adopted      boolean NOT NULL DEFAULT false
);
CREATE INDEX turn_queue_channel ON turn_queue(channel_key, ticket);
CREATE UNIQUE INDEX turn_queue_event ON turn_queue(platform, event_id) WHERE event_id IS NOT NULL;
CREATE INDEX turn_queue_instance ON turn_queue(instance);

-- Scheduled runs claimed, so each job runs once per due time across instances.
CREATE TABLE scheduled_runs (
    job         text NOT NULL,
    due         double precision NOT NULL,
    instance    text NOT NULL,
    claimed_at  double precision NOT NULL,
    done_at     double precision,
    PRIMARY KEY (job, due)
);

CREATE INDEX inbox_owner ON inbox(platform, owner, seq);

-- Take tickets for turns, in the order given; returns (n, ticket, head) per turn,
-- head meaning no smaller ticket of the channel is left. Channels are locked in
-- sorted order, so two instances' batches never deadlock.
CREATE FUNCTION storybot_take_turns(
    p_channels text[], p_platforms text[], p_events text[], p_instance text
) RETURNS TABLE (n integer, ticket bigint, head boolean) LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    c text;
    i integer;
    t bigint;
BEGIN
    PERFORM set_config('synchronous_commit', 'off', true);
    FOR c IN SELECT DISTINCT x FROM unnest(p_channels) AS x ORDER BY x LOOP
        PERFORM pg_advisory_xact_lock(1937011316, hashtext(c));
    END LOOP;
    FOR i IN 1 .. coalesce(array_length(p_channels, 1), 0) LOOP
        t := NULL;
        IF p_events[i] IS NOT NULL THEN
            -- The event's place, if it has one that is free to take: kept for this turn
            -- (placed on arrival, or taken up from a dead instance), or held by the dead.
            UPDATE turn_queue AS q SET adopted = false, instance = p_instance
            WHERE q.platform = p_platforms[i] AND q.event_id = p_events[i]
              AND q.channel_key = p_channels[i]
              AND ((q.instance = p_instance AND q.adopted)
                   OR NOT EXISTS (SELECT 1 FROM instances AS d
                                  WHERE d.id = q.instance AND d.expires_at > storybot_now()))
            RETURNING q.ticket INTO t;
            IF t IS NOT NULL THEN  -- and the event is this instance's to answer
                UPDATE inbox AS b SET owner = p_instance
                WHERE b.platform = p_platforms[i] AND b.event_id = p_events[i];
            END IF;
            IF t IS NULL THEN
                INSERT INTO turn_queue (channel_key, platform, event_id, instance, taken_at)
                VALUES (p_channels[i], p_platforms[i], p_events[i], p_instance, storybot_now())
                ON CONFLICT (platform, event_id) WHERE event_id IS NOT NULL DO NOTHING
                RETURNING turn_queue.ticket INTO t;
            END IF;
        END IF;
        IF t IS NULL THEN  -- no event, or another turn holds the event's place
            INSERT INTO turn_queue (channel_key, platform, event_id, instance, taken_at)
            VALUES (p_channels[i], p_platforms[i], NULL, p_instance, storybot_now())
            RETURNING turn_queue.ticket INTO t;
        END IF;
        n := i;
        ticket := t;
        head := NOT EXISTS (
            SELECT 1 FROM turn_queue AS o WHERE o.channel_key = p_channels[i] AND o.ticket < t
        );
        RETURN NEXT;
    END LOOP;
END;
$$;

-- Places in line for events as they arrive, before the platform is told they did
-- (a Telegram webhook's 200): the turn admitted for the event later takes this
-- place (it is marked adopted until then), so a message sent after the answer is
-- answered after this one, whichever instance gets it. An event that becomes no
-- turn gives its place up when it is done (postgres_inbox.py).
CREATE FUNCTION storybot_reserve_turns(
    p_channels text[], p_platform text, p_events text[], p_instance text
) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    c text;
    i integer;
BEGIN
    PERFORM set_config('synchronous_commit', 'off', true);
    FOR c IN SELECT DISTINCT x FROM unnest(p_channels) AS x ORDER BY x LOOP
        PERFORM pg_advisory_xact_lock(1937011316, hashtext(c));
    END LOOP;
    FOR i IN 1 .. coalesce(array_length(p_channels, 1), 0) LOOP
        INSERT INTO turn_queue (channel_key, platform, event_id, instance, taken_at, adopted)
        VALUES (p_channels[i], p_platform, p_events[i], p_instance, storybot_now(), true)
        ON CONFLICT (platform, event_id) WHERE event_id IS NOT NULL DO NOTHING;
    END LOOP;
END;
$$;

-- Give places up (turns ended) and wake whoever waits in those channels. A turn that
-- held its event's place ran to its end: the event is marked finished (its reply was
-- shown), so taking it up after a crash does not show the part a second time.
CREATE FUNCTION storybot_release_turns(p_tickets bigint[], p_channel text)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM set_config('synchronous_commit', 'off', true);
    UPDATE processed_events AS p SET finished = true
    FROM turn_queue AS q
    WHERE q.ticket = ANY(p_tickets) AND q.event_id IS NOT NULL AND NOT q.adopted
      AND p.platform = q.platform AND p.event_id = q.event_id AND NOT p.finished;
    -- Only channels where another turn waits: every instance listens, and a notification
    -- nobody needs still costs each of them a wake-up.
    PERFORM pg_notify(p_channel, c)
    FROM (SELECT DISTINCT q.channel_key AS c FROM turn_queue AS q
          WHERE q.ticket = ANY(p_tickets)
            AND EXISTS (SELECT 1 FROM turn_queue AS o WHERE o.channel_key = q.channel_key
                        AND o.ticket <> ALL(p_tickets))) AS x;
    DELETE FROM turn_queue WHERE ticket = ANY(p_tickets);
END;
$$;
