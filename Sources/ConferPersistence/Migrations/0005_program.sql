-- Program: rooms, sessions and talks. Writes that must not clash (rooms, presenters) run under the
-- conference row lock, so two organizers editing at once cannot both place conflicting items.

CREATE TABLE rooms (
    id              uuid PRIMARY KEY,
    conference_id   uuid NOT NULL REFERENCES conferences (id) ON DELETE CASCADE,
    name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    capacity        integer NOT NULL CHECK (capacity BETWEEN 1 AND 100000),
    created_at      timestamptz NOT NULL,
    UNIQUE (conference_id, name)
);

CREATE TABLE program_sessions (
    id              uuid PRIMARY KEY,
    conference_id   uuid NOT NULL REFERENCES conferences (id) ON DELETE CASCADE,
    title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    room_id         uuid NOT NULL REFERENCES rooms (id),
    starts_at       timestamptz NOT NULL,
    ends_at         timestamptz NOT NULL CHECK (ends_at > starts_at),
    kind            text NOT NULL CHECK (kind IN ('plenary', 'parallel', 'poster', 'break')),
    topic_id        uuid REFERENCES topics (id),
    chair_ids       uuid[] NOT NULL DEFAULT '{}',
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    version         integer NOT NULL DEFAULT 1
);
CREATE INDEX program_sessions_conference_idx ON program_sessions (conference_id, starts_at);

CREATE TABLE talks (
    id                  uuid PRIMARY KEY,
    conference_id       uuid NOT NULL REFERENCES conferences (id) ON DELETE CASCADE,
    session_id          uuid NOT NULL REFERENCES program_sessions (id) ON DELETE CASCADE,
    submission_id       uuid NOT NULL UNIQUE REFERENCES submissions (id) ON DELETE CASCADE,
    starts_at           timestamptz NOT NULL,
    duration_minutes    integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
    created_at          timestamptz NOT NULL
);
CREATE INDEX talks_session_idx ON talks (session_id, starts_at);
