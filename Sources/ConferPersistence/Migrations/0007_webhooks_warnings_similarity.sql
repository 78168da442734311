-- Webhooks with a transactional outbox of events, stored warnings on proposals (anonymity, duplicates), and
-- trigram similarity between proposals.

-- Trusted since PostgreSQL 13: the database owner may create it without superuser rights.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE submissions ADD COLUMN warnings jsonb NOT NULL DEFAULT '[]';
-- Set with `warnings`, so organizers can filter on it without unpacking JSON.
ALTER TABLE submissions ADD COLUMN has_anonymity_warnings boolean NOT NULL DEFAULT false;
CREATE INDEX submissions_similarity_idx ON submissions USING gin ((title || ' ' || abstract) gin_trgm_ops);

CREATE TABLE webhooks (
    id              uuid PRIMARY KEY,
    conference_id   uuid NOT NULL REFERENCES conferences (id) ON DELETE CASCADE,
    url             text NOT NULL,
    events          text[] NOT NULL,
    description     text,
    active          boolean NOT NULL DEFAULT true,
    -- Needed in clear to sign each delivery; it is never returned but at creation and rotation.
    secret          text NOT NULL,
    created_by      uuid NOT NULL REFERENCES accounts (id),
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    version         integer NOT NULL DEFAULT 1
);
CREATE INDEX webhooks_conference_idx ON webhooks (conference_id, created_at);

-- The body is fixed when the event happens, so every retry sends (and signs) the same bytes.
CREATE TABLE webhook_events (
    id              uuid PRIMARY KEY,
    conference_id   uuid NOT NULL REFERENCES conferences (id) ON DELETE CASCADE,
    type            text NOT NULL,
    body            text NOT NULL,
    created_at      timestamptz NOT NULL
);

CREATE TABLE webhook_deliveries (
    id              uuid PRIMARY KEY,
    -- Creation order, ties within one transaction included: each endpoint gets its events in this order.
    seq             bigserial NOT NULL,
    webhook_id      uuid NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event_id        uuid NOT NULL REFERENCES webhook_events (id) ON DELETE CASCADE,
    status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
    -- Attempts of the current retry schedule; a redelivery starts a new one. The log keeps every attempt.
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,
    created_at      timestamptz NOT NULL,
    delivered_at    timestamptz
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_listing_idx ON webhook_deliveries (webhook_id, seq DESC);

CREATE TABLE webhook_attempts (
    id              bigserial PRIMARY KEY,
    delivery_id     uuid NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    at              timestamptz NOT NULL,
    status_code     integer,
    duration_ms     integer NOT NULL,
    error           text
);
CREATE INDEX webhook_attempts_delivery_idx ON webhook_attempts (delivery_id, id);
