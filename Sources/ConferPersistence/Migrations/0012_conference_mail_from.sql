-- A conference's mail goes out in its own name: its sender and where replies go, as people write addresses
-- ("EXPAIRs 2019 <expairs@example.org>"). Without them, the server's MAIL_FROM.

ALTER TABLE conferences ADD COLUMN mail_from text CHECK (length(mail_from) <= 320);
ALTER TABLE conferences ADD COLUMN reply_to text CHECK (length(reply_to) <= 320);
