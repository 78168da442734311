-- Published programs: immutable snapshots, numbered per conference.

CREATE TABLE program_releases (
    conference_id   uuid NOT NULL REFERENCES conferences (id) ON DELETE CASCADE,
    version         integer NOT NULL CHECK (version >= 1),
    note            text CHECK (length(note) <= 2000),
    published_at    timestamptz NOT NULL,
    -- Kept as text: served byte for byte, so its ETag always names the same bytes.
    snapshot        text NOT NULL,
    PRIMARY KEY (conference_id, version)
);
