-- Registration: fee categories with capacity, registrations with a waiting list, vouchers.

CREATE TABLE registration_categories (
    id                  uuid PRIMARY KEY,
    conference_id       uuid NOT NULL REFERENCES conferences (id) ON DELETE CASCADE,
    texts               jsonb NOT NULL,
    price_amount        integer NOT NULL CHECK (price_amount >= 0),
    price_currency      text NOT NULL CHECK (price_currency ~ '^[A-Z]{3}$'),
    capacity            integer CHECK (capacity >= 1),
    position            integer NOT NULL,
    -- Waiting-list tickets are numbered per category, in arrival order.
    last_queue_number   integer NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    version             integer NOT NULL DEFAULT 1,
    UNIQUE (conference_id, position)
);

CREATE TABLE vouchers (
    id                  uuid PRIMARY KEY,
    conference_id       uuid NOT NULL REFERENCES conferences (id) ON DELETE CASCADE,
    code                text NOT NULL,
    category_ids        uuid[] NOT NULL DEFAULT '{}',
    discount_percent    integer CHECK (discount_percent BETWEEN 1 AND 100),
    discount_amount     integer CHECK (discount_amount >= 0),
    discount_currency   text,
    max_uses            integer NOT NULL CHECK (max_uses >= 1),
    uses                integer NOT NULL DEFAULT 0,
    valid_until         timestamptz,
    created_at          timestamptz NOT NULL,
    CHECK (uses <= max_uses),
    CHECK ((discount_percent IS NULL) <> (discount_amount IS NULL))
);
CREATE UNIQUE INDEX vouchers_code_key ON vouchers (conference_id, upper(code));

CREATE TABLE registrations (
    id                      uuid PRIMARY KEY,
    conference_id           uuid NOT NULL REFERENCES conferences (id) ON DELETE CASCADE,
    category_id             uuid NOT NULL REFERENCES registration_categories (id),
    account_id              uuid NOT NULL REFERENCES accounts (id),
    status                  text NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
    queue_number            integer,
    name                    text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    email                   text NOT NULL,
    affiliation             text,
    dietary_requirements    text,
    wheelchair_access       boolean NOT NULL DEFAULT false,
    sign_language           boolean NOT NULL DEFAULT false,
    hearing_loop            boolean NOT NULL DEFAULT false,
    large_print_or_braille  boolean NOT NULL DEFAULT false,
    quiet_room              boolean NOT NULL DEFAULT false,
    companion               boolean NOT NULL DEFAULT false,
    accessibility_other     text,
    voucher_code            text,
    price_amount            integer NOT NULL CHECK (price_amount >= 0),
    price_currency          text NOT NULL,
    payment_status          text NOT NULL DEFAULT 'unpaid' CHECK (payment_status IN ('unpaid', 'paid', 'waived', 'refunded')),
    checked_in_at           timestamptz,
    cancelled_at            timestamptz,
    created_at              timestamptz NOT NULL,
    updated_at              timestamptz NOT NULL,
    version                 integer NOT NULL DEFAULT 1
);
-- One active registration per account and conference.
CREATE UNIQUE INDEX registrations_active_key ON registrations (conference_id, account_id) WHERE status <> 'cancelled';
CREATE INDEX registrations_category_idx ON registrations (category_id, status, queue_number);
CREATE INDEX registrations_listing_idx ON registrations (conference_id, created_at, id);
