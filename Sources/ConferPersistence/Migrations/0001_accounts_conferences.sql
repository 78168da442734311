-- Foundation: accounts, sign-in tokens, conferences, committees, topics and idempotency keys.
-- Every conference-scoped table carries conference_id; every mutable row carries created_at,
-- updated_at and a version (the ETag).

CREATE TABLE accounts (
    id              uuid PRIMARY KEY,
    email           text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    affiliation     text CHECK (length(affiliation) <= 300),
    country         text CHECK (country ~ '^[A-Z]{2}$'),
    password_hash   text NOT NULL,
    is_admin        boolean NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    version         integer NOT NULL DEFAULT 1
);
-- Emails are unique whatever their case.
CREATE UNIQUE INDEX accounts_email_key ON accounts (lower(email));

CREATE TABLE tokens (
    digest          bytea PRIMARY KEY CHECK (length(digest) = 32),
    account_id      uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    revoked_at      timestamptz
);
CREATE INDEX tokens_account_idx ON tokens (account_id);

CREATE TABLE conferences (
    id                      uuid PRIMARY KEY,
    slug                    text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$'),
    languages               text[] NOT NULL CHECK (cardinality(languages) BETWEEN 1 AND 10),
    texts                   jsonb NOT NULL,
    start_date              date NOT NULL,
    end_date                date NOT NULL CHECK (end_date >= start_date),
    timezone                text NOT NULL,
    submission_deadline     timestamptz,
    notification_date       timestamptz,
    program_date            timestamptz,
    registration_opens      timestamptz,
    registration_closes     timestamptz,
    abstract_max_length     integer NOT NULL CHECK (abstract_max_length BETWEEN 100 AND 100000),
    review_mode             text NOT NULL CHECK (review_mode IN ('single-blind', 'double-blind', 'open')),
    reviews_per_submission  integer NOT NULL CHECK (reviews_per_submission BETWEEN 1 AND 20),
    created_at              timestamptz NOT NULL,
    updated_at              timestamptz NOT NULL,
    version                 integer NOT NULL DEFAULT 1
);
CREATE INDEX conferences_listing_idx ON conferences (start_date DESC, id DESC);

CREATE TABLE members (
    conference_id   uuid NOT NULL REFERENCES conferences (id) ON DELETE CASCADE,
    account_id      uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    roles           text[] NOT NULL CHECK (cardinality(roles) >= 1 AND roles <@ ARRAY['organizer', 'reviewer']),
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    version         integer NOT NULL DEFAULT 1,
    PRIMARY KEY (conference_id, account_id)
);
CREATE INDEX members_account_idx ON members (account_id);
CREATE INDEX members_listing_idx ON members (conference_id, created_at, account_id);

CREATE TABLE topics (
    id              uuid PRIMARY KEY,
    conference_id   uuid NOT NULL REFERENCES conferences (id) ON DELETE CASCADE,
    kind            text NOT NULL CHECK (kind IN ('area', 'topic')),
    texts           jsonb NOT NULL,
    position        integer NOT NULL CHECK (position >= 1),
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    version         integer NOT NULL DEFAULT 1,
    UNIQUE (conference_id, position)
);

-- Responses of creates sent with an Idempotency-Key, per caller; shared by every server instance.
CREATE TABLE idempotency_keys (
    scope           text NOT NULL,
    key             text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    fingerprint     bytea NOT NULL,
    status          integer,
    headers         jsonb,
    body            bytea,
    created_at      timestamptz NOT NULL,
    completed_at    timestamptz,
    PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
