-- Releases keep the program in a storage format of the domain's (`PublishedProgram`), no longer in the API's JSON,
-- so that a change of the contract never changes what an old release reads as. Releases stored before are format 0,
-- the API's JSON of the first round, which storage still reads; every new release names its format.

ALTER TABLE program_releases ADD COLUMN format_version integer NOT NULL DEFAULT 0 CHECK (format_version >= 0);
ALTER TABLE program_releases ALTER COLUMN format_version DROP DEFAULT;
COMMENT ON COLUMN program_releases.snapshot IS 'The published program as JSON, in the storage format format_version names.';
