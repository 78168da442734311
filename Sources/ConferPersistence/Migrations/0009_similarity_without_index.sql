-- The trigram index on title and abstract made every proposal written cost about 1,000 index entries: the largest
-- part of a submission's write, paid by every author at every save (measured with scripts/bench). The duplicate
-- check at save time compares an author's own proposals only (found by owner), which needs no such index; the
-- organizers' similarity search reads the conference's proposals instead, a few thousand rows, when asked.
DROP INDEX IF EXISTS submissions_similarity_idx;
