-- Failed sign-ins by account email and by client address, counted over a sliding window by every instance.
CREATE TABLE sign_in_failures (
    id      bigserial PRIMARY KEY,
    key     text NOT NULL,
    at      timestamptz NOT NULL
);
CREATE INDEX sign_in_failures_key_idx ON sign_in_failures (key, at);
