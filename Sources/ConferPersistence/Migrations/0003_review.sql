-- Peer review: reviewers' declared topics, conflicts of interest, assignments, reviews, decisions, and a
-- durable outbox of messages to authors.

ALTER TABLE members ADD COLUMN topic_ids uuid[] NOT NULL DEFAULT '{}';

ALTER TABLE submissions ADD COLUMN decided_at timestamptz;
ALTER TABLE submissions ADD COLUMN notified_at timestamptz;

-- Conflicts a reviewer (or an organizer for them) declared; authorship and shared affiliations are computed.
CREATE TABLE conflicts (
    conference_id   uuid NOT NULL REFERENCES conferences (id) ON DELETE CASCADE,
    submission_id   uuid NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    reviewer_id     uuid NOT NULL REFERENCES accounts (id),
    declared_by     uuid NOT NULL REFERENCES accounts (id),
    reason          text,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (submission_id, reviewer_id)
);
CREATE INDEX conflicts_reviewer_idx ON conflicts (conference_id, reviewer_id);

CREATE TABLE assignments (
    id              uuid PRIMARY KEY,
    conference_id   uuid NOT NULL REFERENCES conferences (id) ON DELETE CASCADE,
    submission_id   uuid NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    reviewer_id     uuid NOT NULL REFERENCES accounts (id),
    assigned_by     uuid NOT NULL REFERENCES accounts (id),
    automatic       boolean NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL,
    UNIQUE (submission_id, reviewer_id)
);
CREATE INDEX assignments_reviewer_idx ON assignments (conference_id, reviewer_id, created_at);
CREATE INDEX assignments_listing_idx ON assignments (conference_id, created_at, id);

CREATE TABLE reviews (
    id                      uuid PRIMARY KEY,
    conference_id           uuid NOT NULL REFERENCES conferences (id) ON DELETE CASCADE,
    submission_id           uuid NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    reviewer_id             uuid NOT NULL REFERENCES accounts (id),
    score                   integer NOT NULL CHECK (score BETWEEN 1 AND 5),
    confidence              integer NOT NULL CHECK (confidence BETWEEN 1 AND 5),
    comments_for_authors    text NOT NULL CHECK (length(comments_for_authors) <= 20000),
    comments_for_committee  text CHECK (length(comments_for_committee) <= 20000),
    created_at              timestamptz NOT NULL,
    updated_at              timestamptz NOT NULL,
    version                 integer NOT NULL DEFAULT 1,
    UNIQUE (submission_id, reviewer_id)
);

-- Messages to send, written in the same transaction as the change they announce; a worker on any instance
-- claims them with FOR UPDATE SKIP LOCKED.
CREATE TABLE outbox_messages (
    id              uuid PRIMARY KEY,
    conference_id   uuid NOT NULL REFERENCES conferences (id) ON DELETE CASCADE,
    kind            text NOT NULL,
    submission_id   uuid REFERENCES submissions (id) ON DELETE SET NULL,
    recipient       text NOT NULL,
    recipient_name  text,
    language        text NOT NULL,
    subject         text NOT NULL,
    body            text NOT NULL,
    status          text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz
);
CREATE INDEX outbox_due_idx ON outbox_messages (next_attempt_at) WHERE status = 'queued';
CREATE INDEX outbox_listing_idx ON outbox_messages (conference_id, created_at, id);
