-- Every resource a frontend reads alone and changes carries an ETag: rooms and vouchers gain the version that
-- topics, sessions and categories have.

ALTER TABLE rooms ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE vouchers ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1);
