-- Call for papers: proposals, their authors (one aggregate, written together) and their history.

ALTER TABLE conferences ADD COLUMN last_submission_number integer NOT NULL DEFAULT 0;

CREATE TABLE submissions (
    id                  uuid PRIMARY KEY,
    conference_id       uuid NOT NULL REFERENCES conferences (id) ON DELETE CASCADE,
    number              integer NOT NULL CHECK (number >= 1),
    owner_id            uuid NOT NULL REFERENCES accounts (id),
    status              text NOT NULL CHECK (status IN ('draft', 'submitted', 'accepted', 'rejected', 'withdrawn')),
    title               text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    abstract            text NOT NULL CHECK (length(abstract) BETWEEN 1 AND 100000),
    language            text NOT NULL,
    translations        jsonb NOT NULL DEFAULT '{}',
    topic_id            uuid REFERENCES topics (id),
    format              text NOT NULL CHECK (format IN ('oral', 'poster', 'video')),
    video_justification text CHECK (length(video_justification) <= 2000),
    keywords            text[] NOT NULL DEFAULT '{}' CHECK (cardinality(keywords) <= 10),
    -- French and English stemming over titles, abstracts (every language) and keywords.
    search              tsvector NOT NULL,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    submitted_at        timestamptz,
    withdrawn_at        timestamptz,
    version             integer NOT NULL DEFAULT 1,
    UNIQUE (conference_id, number),
    CHECK (format <> 'video' OR video_justification IS NOT NULL)
);
CREATE INDEX submissions_listing_idx ON submissions (conference_id, created_at, id);
CREATE INDEX submissions_owner_idx ON submissions (owner_id);
CREATE INDEX submissions_search_idx ON submissions USING gin (search);

CREATE TABLE submission_authors (
    submission_id   uuid NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    position        integer NOT NULL,
    name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    email           text NOT NULL,
    affiliation     text,
    presenting      boolean NOT NULL,
    PRIMARY KEY (submission_id, position)
);
-- Co-authors find the proposals that list their email.
CREATE INDEX submission_authors_email_idx ON submission_authors (lower(email));

CREATE TABLE submission_history (
    id              bigserial PRIMARY KEY,
    submission_id   uuid NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    actor_id        uuid NOT NULL REFERENCES accounts (id),
    actor_name      text NOT NULL,
    actor_role      text NOT NULL CHECK (actor_role IN ('author', 'organizer')),
    action          text NOT NULL,
    changes         jsonb NOT NULL,
    at              timestamptz NOT NULL
);
CREATE INDEX submission_history_submission_idx ON submission_history (submission_id, id);
