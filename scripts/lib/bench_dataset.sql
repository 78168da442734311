-- The benchmark's data set, in bulk, after bench_seed.py created the conferences, topics, fee categories, rooms
-- and sessions through the API. Rows are written straight in SQL because 5,000 proposals and 300,000 accounts
-- through the API would take longer than the measurements; everything the server derives at publication (the
-- program snapshot) is still made by the server.
--
-- psql variables: :load_attendees (accounts with a token each, for the registration load), :password_hash.
-- Deterministic: setseed fixes every random() below, so two runs load the same texts and the same shape.
\set ON_ERROR_STOP on
BEGIN;
\o /dev/null
SELECT setseed(0.2019);
\o

-- Abstracts mix a few hundred real words with 20,000 made-up ones, so that two abstracts share about 30 % of
-- their trigrams, as real ones do (a small vocabulary would make every proposal a near-duplicate of every other).
CREATE TEMP TABLE vocab AS
SELECT string_to_array(
    'les des pairs peer support santé health handicap disability mental accompagnement practices pratiques recherche '
    'research étude study participation reconnaissance recognition formation training politique policy public '
    'publique professionnels professionals usagers users expérience experience savoirs knowledge analyse analysis '
    'entretiens interviews terrain fieldwork association associations rétablissement recovery soin care hôpital '
    'hospital psychiatrie psychiatry maladie chronique chronic illness éducation education thérapeutique therapeutic '
    'patients patient partenaire partner émancipation empowerment identité identity statut status rémunération pay '
    'bénévolat volunteering travail work social sociale communauté community inclusion exclusion inégalités '
    'inequalities genre gender technologies numérique digital activité physique physical activity adaptée adapted', ' ')
    AS common,
    (SELECT array_agg(translate(substr(md5(i::text), 1, 4 + i % 7), '0123456789', 'aeiouyrstl'))
       FROM generate_series(1, 20000) i) AS rare,
    string_to_array('Camille Claire Hugo Inès Jean Léa Louis Manon Marc Nadia Paul Sophie Thomas Yasmine Amadou Chloé '
                    'Daniel Elena Fatou Gabriel Hana Ibrahim Julie Karim Laura Mehdi Nina Olivier Pierre Rosa', ' ')
    AS first_names,
    string_to_array('Martin Bernard Dubois Durand Lefebvre Moreau Laurent Simon Michel Garcia Roux Fournier Girard '
                    'Bonnet Dupont Lambert Fontaine Rousseau Vincent Muller Diallo Nguyen Haddad Kowalski Smith Brown '
                    'Tremblay Gagnon Rossi Costa', ' ') AS last_names;

-- PL/pgSQL reads the vocabulary into variables once per call: an array column read word by word would be
-- decompressed for every word.
CREATE FUNCTION pg_temp.text_of(words int) RETURNS text LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    common text[];
    rare text[];
    picked text[] := '{}';
BEGIN
    SELECT v.common, v.rare INTO common, rare FROM vocab v;
    FOR i IN 1..words LOOP
        picked := picked || CASE WHEN random() < 0.4 THEN common[1 + floor(random() * cardinality(common))::int]
                                 ELSE rare[1 + floor(random() * cardinality(rare))::int] END;
    END LOOP;
    RETURN array_to_string(picked, ' ');
END $$;
CREATE FUNCTION pg_temp.pick(items text[]) RETURNS text LANGUAGE sql VOLATILE AS $$
    SELECT items[1 + floor(random() * cardinality(items))::int] $$;
CREATE FUNCTION pg_temp.between_(low int, high int) RETURNS int LANGUAGE sql VOLATILE AS $$
    SELECT low + floor(random() * (high - low + 1))::int $$;
CREATE FUNCTION pg_temp.affiliation(n int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT (ARRAY['Université Rennes 2', 'Université de Montréal', 'Université Paris Cité', 'Université de Lausanne',
                  'Université libre de Bruxelles', 'Université Laval', 'University of Manchester', 'King''s College London',
                  'Université de Lille', 'Université de Bordeaux', 'EHESP', 'Inserm', 'CNRS', 'Université de Genève',
                  'Université de Lyon', 'Université de Strasbourg', 'University of Toronto', 'Universidade de Lisboa',
                  'Università di Bologna', 'Universidad de Barcelona'])[1 + n % 20] || CASE WHEN n >= 20 THEN ' (labo ' || n || ')' ELSE '' END $$;

-- The benchmark's conferences, and how many proposals each holds.
CREATE TEMP TABLE bench_conferences AS
SELECT id, slug,
       CASE slug WHEN 'bench-main' THEN 2000 WHEN 'bench-cfp' THEN 1000 WHEN 'bench-assign' THEN 1000
                 WHEN 'bench-schedule' THEN 300 ELSE 150 END AS proposals
FROM conferences WHERE slug LIKE 'bench-%';

-- Accounts: the organizer who drives the load, 3,000 authors (who also submit during the load), 60 reviewers,
-- 1,500 registered attendees, and those who register during the load (one token each: an account registers once).
INSERT INTO accounts (id, email, name, affiliation, country, password_hash, created_at, updated_at)
SELECT gen_random_uuid(), email, name, affiliation, 'FR', :'password_hash', now() - interval '200 days', now() - interval '200 days'
FROM (
    SELECT 'organizer@bench.test' AS email, 'Odile Organisatrice' AS name, 'Université Rennes 2' AS affiliation
    UNION ALL SELECT 'author-' || i || '@bench.test', pg_temp.pick(first_names) || ' ' || pg_temp.pick(last_names),
                     pg_temp.affiliation(i % 40) FROM vocab, generate_series(1, 3000) i
    UNION ALL SELECT 'reviewer-' || i || '@bench.test', pg_temp.pick(first_names) || ' ' || pg_temp.pick(last_names),
                     pg_temp.affiliation((i * 7) % 60) FROM vocab, generate_series(1, 60) i
    UNION ALL SELECT 'attendee-' || i || '@bench.test', pg_temp.pick(first_names) || ' ' || pg_temp.pick(last_names),
                     pg_temp.affiliation(i % 40) FROM vocab, generate_series(1, 1500) i
    UNION ALL SELECT 'load-' || i || '@bench.test', 'Participant ' || i, NULL FROM generate_series(1, :load_attendees) i
) a;

-- Tokens are stored as the SHA-256 of what the client sends: these are the bench's known tokens.
INSERT INTO tokens (digest, account_id, created_at, expires_at)
SELECT sha256(convert_to(t.token, 'UTF8')), a.id, now(), now() + interval '30 days'
FROM (
    SELECT 'organizer@bench.test' AS email, 'bench-organizer' AS token
    UNION ALL SELECT 'author-' || i || '@bench.test', 'bench-author-' || i FROM generate_series(1, 3000) i
    UNION ALL SELECT 'reviewer-1@bench.test', 'bench-reviewer'
    UNION ALL SELECT 'load-' || i || '@bench.test', 'bench-load-' || i FROM generate_series(1, :load_attendees) i
) t JOIN accounts a ON a.email = t.email;

-- Numbered accounts, for the joins below (the email index is on lower(email)).
CREATE TEMP TABLE numbered AS
SELECT split_part(email, '-', 1) AS kind, substring(email FROM '-([0-9]+)@')::int AS n, id, name, email, affiliation
FROM accounts WHERE email ~ '^(author|reviewer|attendee)-[0-9]+@bench\.test$';
CREATE INDEX ON numbered (kind, n);
ANALYZE numbered;

INSERT INTO members (conference_id, account_id, roles, created_at, updated_at)
SELECT c.id, a.id, ARRAY['organizer'], now(), now()
FROM bench_conferences c, accounts a WHERE a.email = 'organizer@bench.test';

-- The scientific committees: 60 reviewers in the main conference, 50 in the others, three topics each.
INSERT INTO members (conference_id, account_id, roles, topic_ids, created_at, updated_at)
SELECT c.id, a.id, ARRAY['reviewer'],
       ARRAY(SELECT t.id FROM topics t WHERE t.conference_id = c.id AND t.position % 14 IN (i % 14, (i * 3) % 14, (i * 5 + 1) % 14)),
       now(), now()
FROM bench_conferences c
JOIN generate_series(1, 60) i ON i <= CASE c.slug WHEN 'bench-main' THEN 60 ELSE 50 END
JOIN numbered a ON a.kind = 'reviewer' AND a.n = i;

-- Proposals. In the main conference 400 are accepted (300 of them make the program), 600 rejected and the rest
-- under review; the open call (bench-cfp) has drafts and submitted ones; the others are submitted or accepted.
CREATE TEMP TABLE bench_submissions AS
SELECT gen_random_uuid() AS id, c.id AS conference_id, c.slug, n AS number,
       (SELECT id FROM numbered WHERE kind = 'author' AND numbered.n = 1 + (c_n.n * 31 + length(c.slug)) % 3000) AS owner_id,
       CASE WHEN c.slug = 'bench-main' AND n <= 400 THEN 'accepted'
            WHEN c.slug = 'bench-main' AND n <= 1000 THEN 'rejected'
            WHEN c.slug = 'bench-schedule' THEN 'accepted'
            WHEN c.slug = 'bench-cfp' AND n % 10 = 0 THEN 'draft'
            ELSE 'submitted' END AS status,
       left(initcap(pg_temp.text_of(pg_temp.between_(5, 14))), 300) AS title,
       left(pg_temp.text_of(pg_temp.between_(60, 300)), 3000) AS abstract,
       CASE WHEN random() < 0.6 THEN 'fr' ELSE 'en' END AS language,
       (SELECT id FROM topics t WHERE t.conference_id = c.id ORDER BY t.position OFFSET n % 14 LIMIT 1) AS topic_id,
       CASE WHEN n % 50 = 0 THEN 'video' WHEN n % 4 = 0 THEN 'poster' ELSE 'oral' END AS format,
       ARRAY[pg_temp.pick(v.common), pg_temp.pick(v.common), pg_temp.pick(v.common)] AS keywords,
       now() - interval '120 days' + n * interval '1 minute' AS created_at
FROM bench_conferences c, vocab v, generate_series(1, c.proposals) c_n(n);

INSERT INTO submissions (id, conference_id, number, owner_id, status, title, abstract, language, topic_id, format,
                         video_justification, keywords, search, created_at, updated_at, submitted_at, decided_at)
SELECT id, conference_id, number, owner_id, status, title, abstract, language, topic_id, format,
       CASE WHEN format = 'video' THEN 'Je ne peux pas voyager : raisons de santé.' END, keywords,
       to_tsvector('french', title || E'\n' || abstract || E'\n' || array_to_string(keywords, E'\n'))
         || to_tsvector('english', title || E'\n' || abstract || E'\n' || array_to_string(keywords, E'\n')),
       created_at, created_at + interval '1 day', CASE WHEN status <> 'draft' THEN created_at + interval '1 day' END,
       CASE WHEN status IN ('accepted', 'rejected') THEN now() - interval '30 days' END
FROM bench_submissions;

UPDATE conferences c SET last_submission_number = b.proposals FROM bench_conferences b WHERE b.id = c.id;

-- One to six authors each; the owner first, presenting.
INSERT INTO submission_authors (submission_id, position, name, email, affiliation, presenting)
SELECT s.id, p, CASE WHEN p = 1 THEN o.name ELSE pg_temp.pick(v.first_names) || ' ' || pg_temp.pick(v.last_names) END,
       CASE WHEN p = 1 THEN o.email ELSE 'coauthor-' || s.number || '-' || p || '-' || s.slug || '@bench.test' END,
       CASE WHEN p = 1 THEN o.affiliation ELSE pg_temp.affiliation(pg_temp.between_(0, 39)) END, p = 1
FROM bench_submissions s JOIN numbered o ON o.id = s.owner_id, vocab v,
     generate_series(1, 1 + (s.number * 7 + length(s.slug)) % 6) p;

INSERT INTO submission_history (submission_id, actor_id, actor_name, actor_role, action, changes, at)
SELECT s.id, s.owner_id, o.name, 'author', 'created', '[]'::jsonb, s.created_at
FROM bench_submissions s JOIN numbered o ON o.id = s.owner_id;

-- Review in the main conference: two reviewers per proposal, both reviews in.
CREATE TEMP TABLE bench_assignments AS
SELECT gen_random_uuid() AS id, s.conference_id, s.id AS submission_id, r.id AS reviewer_id, s.created_at
FROM bench_submissions s
JOIN generate_series(0, 1) k ON true
JOIN numbered r ON r.kind = 'reviewer' AND r.n = 1 + (s.number * 7 + k * 29) % 60
WHERE s.slug = 'bench-main';

INSERT INTO assignments (id, conference_id, submission_id, reviewer_id, assigned_by, automatic, created_at)
SELECT a.id, a.conference_id, a.submission_id, a.reviewer_id, o.id, true, a.created_at + interval '10 days'
FROM bench_assignments a, accounts o WHERE o.email = 'organizer@bench.test';

INSERT INTO reviews (id, conference_id, submission_id, reviewer_id, score, confidence, comments_for_authors,
                     comments_for_committee, created_at, updated_at)
SELECT gen_random_uuid(), conference_id, submission_id, reviewer_id, pg_temp.between_(1, 5), pg_temp.between_(1, 5),
       pg_temp.text_of(pg_temp.between_(30, 150)), pg_temp.text_of(10), created_at + interval '20 days',
       created_at + interval '20 days'
FROM bench_assignments;

-- 1,500 registrations over the main conference's five fee categories.
INSERT INTO registrations (id, conference_id, category_id, account_id, status, name, email, affiliation,
                           price_amount, price_currency, payment_status, created_at, updated_at)
SELECT gen_random_uuid(), c.conference_id, c.id, a.id, 'confirmed', a.name, a.email, a.affiliation, c.price_amount,
       c.price_currency, CASE WHEN i % 3 = 0 THEN 'paid' ELSE 'unpaid' END,
       now() - interval '60 days' + i * interval '10 minutes', now() - interval '60 days' + i * interval '10 minutes'
FROM generate_series(1, 1500) i
JOIN numbered a ON a.kind = 'attendee' AND a.n = i
JOIN registration_categories c ON c.conference_id = (SELECT id FROM bench_conferences WHERE slug = 'bench-main')
                              AND c.position = 1 + i % 5;

-- The main conference's program: 300 accepted proposals, eight 20-minute talks per session in session order.
INSERT INTO talks (id, conference_id, session_id, submission_id, starts_at, duration_minutes, created_at)
SELECT gen_random_uuid(), s.conference_id, ps.id, s.id, ps.starts_at + ((s.number - 1) % 8) * interval '20 minutes', 20, now()
FROM bench_submissions s
JOIN (SELECT id, starts_at, row_number() OVER (ORDER BY starts_at, room_id) AS k
        FROM program_sessions WHERE conference_id = (SELECT id FROM bench_conferences WHERE slug = 'bench-main')) ps
  ON ps.k = 1 + (s.number - 1) / 8
WHERE s.slug = 'bench-main' AND s.number <= 300;

COMMIT;
ANALYZE;
