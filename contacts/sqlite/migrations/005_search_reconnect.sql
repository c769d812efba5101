-- Schema 5: fast at every size. A full-text index for search, a day each
-- contact's keep-in-touch clock runs from, and the indexes that the
-- reconnect list and the contacts list read in order.
--
-- FTS5 needs the build tag sqlite_fts5 (see the Makefile).

-- The phones, emails, websites and tags of a contact are kept in the order
-- of their key, without a rowid and a second copy of the key in an index
-- beside it: about 80 bytes a contact less.
CREATE TABLE phones_new (
	contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
	position   INTEGER NOT NULL,
	number     TEXT NOT NULL,
	e164       TEXT NOT NULL DEFAULT '',
	kind       TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (contact_id, position)
) WITHOUT ROWID;
INSERT INTO phones_new SELECT contact_id, position, number, e164, kind FROM phones;
DROP TABLE phones;
ALTER TABLE phones_new RENAME TO phones;
CREATE INDEX phones_e164 ON phones (e164);

CREATE TABLE emails_new (
	contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
	position   INTEGER NOT NULL,
	address    TEXT NOT NULL,
	PRIMARY KEY (contact_id, position)
) WITHOUT ROWID;
INSERT INTO emails_new SELECT contact_id, position, address FROM emails;
DROP TABLE emails;
ALTER TABLE emails_new RENAME TO emails;
CREATE INDEX emails_address ON emails (lower(address));

CREATE TABLE websites_new (
	contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
	position   INTEGER NOT NULL,
	url        TEXT NOT NULL,
	PRIMARY KEY (contact_id, position)
) WITHOUT ROWID;
INSERT INTO websites_new SELECT contact_id, position, url FROM websites;
DROP TABLE websites;
ALTER TABLE websites_new RENAME TO websites;

CREATE TABLE tags_new (
	contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
	tag        TEXT NOT NULL COLLATE NOCASE,
	PRIMARY KEY (contact_id, tag)
) WITHOUT ROWID;
INSERT INTO tags_new SELECT contact_id, tag FROM tags;
DROP TABLE tags;
ALTER TABLE tags_new RENAME TO tags;
CREATE INDEX tags_tag ON tags (tag);

-- The words of each contact's names, company, title, event, tags and
-- emails, as Store.Find searches them (searchText in search.go folds case
-- and accents first). Contentless: the index keeps no copy of the text,
-- and without positions (detail=none) it holds only which word is in
-- which contact, which is all a prefix search needs. The words' first
-- one and two letters are indexed too, so that a search ending in a
-- letter or two ("ann.l", as an email is typed) need not gather every word
-- that starts with them: 22 ms without, 3 ms with, among 100,000 contacts,
-- for 19 bytes a contact.
CREATE VIRTUAL TABLE contacts_fts USING fts5(
	words, content='', contentless_delete=1, detail=none, prefix='1 2',
	tokenize='unicode61 remove_diacritics 2');

-- The digits of each contact's phone numbers, as printed and in E.164, in
-- trigrams, so that any run of three or more digits finds the number.
CREATE VIRTUAL TABLE phones_fts USING fts5(
	digits, content='', contentless_delete=1, tokenize='trigram');

-- The contacts whose search words have to be written again. Triggers add
-- to it on every change, whoever makes it; the store writes the words of
-- these contacts before each of its transactions commits, so the index is
-- never behind what a transaction saw. Every contact is pending here at
-- first, so that an older database is indexed when it is opened.
CREATE TABLE search_pending (contact_id INTEGER PRIMARY KEY);
INSERT INTO search_pending SELECT id FROM contacts;

CREATE TRIGGER contacts_search_insert AFTER INSERT ON contacts BEGIN
	INSERT OR IGNORE INTO search_pending VALUES (NEW.id);
END;
CREATE TRIGGER contacts_search_update
AFTER UPDATE OF full_name, given_name, family_name, company, title, event ON contacts BEGIN
	INSERT OR IGNORE INTO search_pending VALUES (NEW.id);
END;
CREATE TRIGGER contacts_search_delete AFTER DELETE ON contacts BEGIN
	DELETE FROM contacts_fts WHERE rowid = OLD.id;
	DELETE FROM phones_fts WHERE rowid = OLD.id;
END;
CREATE TRIGGER emails_search_insert AFTER INSERT ON emails BEGIN
	INSERT OR IGNORE INTO search_pending VALUES (NEW.contact_id);
END;
CREATE TRIGGER emails_search_update AFTER UPDATE ON emails BEGIN
	INSERT OR IGNORE INTO search_pending VALUES (OLD.contact_id), (NEW.contact_id);
END;
CREATE TRIGGER emails_search_delete AFTER DELETE ON emails BEGIN
	INSERT OR IGNORE INTO search_pending VALUES (OLD.contact_id);
END;
CREATE TRIGGER tags_search_insert AFTER INSERT ON tags BEGIN
	INSERT OR IGNORE INTO search_pending VALUES (NEW.contact_id);
END;
CREATE TRIGGER tags_search_update AFTER UPDATE ON tags BEGIN
	INSERT OR IGNORE INTO search_pending VALUES (OLD.contact_id), (NEW.contact_id);
END;
CREATE TRIGGER tags_search_delete AFTER DELETE ON tags BEGIN
	INSERT OR IGNORE INTO search_pending VALUES (OLD.contact_id);
END;
CREATE TRIGGER phones_search_insert AFTER INSERT ON phones BEGIN
	INSERT OR IGNORE INTO search_pending VALUES (NEW.contact_id);
END;
CREATE TRIGGER phones_search_update AFTER UPDATE ON phones BEGIN
	INSERT OR IGNORE INTO search_pending VALUES (OLD.contact_id), (NEW.contact_id);
END;
CREATE TRIGGER phones_search_delete AFTER DELETE ON phones BEGIN
	INSERT OR IGNORE INTO search_pending VALUES (OLD.contact_id);
END;

-- since is the day a contact's keep-in-touch clock runs from: the latest
-- interaction, or else the day they met, or else their event's first day,
-- or else the day they were added (in the local time zone). Triggers keep
-- it, so that the reconnect list need not read a million interactions to
-- find who is fading.
ALTER TABLE contacts ADD COLUMN since TEXT NOT NULL DEFAULT '';
UPDATE contacts SET since = coalesce(
	(SELECT max(on_day) FROM interactions WHERE contact_id = contacts.id),
	nullif(met_on, ''),
	(SELECT nullif(start_day, '') FROM events WHERE id = contacts.event_id),
	date(created / 1000, 'unixepoch', 'localtime'));

CREATE TRIGGER contacts_since_insert AFTER INSERT ON contacts BEGIN
	UPDATE contacts SET since = coalesce(
		(SELECT max(on_day) FROM interactions WHERE contact_id = NEW.id),
		nullif(met_on, ''),
		(SELECT nullif(start_day, '') FROM events WHERE id = NEW.event_id),
		date(created / 1000, 'unixepoch', 'localtime')) WHERE id = NEW.id;
END;
CREATE TRIGGER contacts_since_update AFTER UPDATE OF met_on, event_id, created ON contacts BEGIN
	UPDATE contacts SET since = coalesce(
		(SELECT max(on_day) FROM interactions WHERE contact_id = NEW.id),
		nullif(met_on, ''),
		(SELECT nullif(start_day, '') FROM events WHERE id = NEW.event_id),
		date(created / 1000, 'unixepoch', 'localtime')) WHERE id = NEW.id;
END;
CREATE TRIGGER events_since_update AFTER UPDATE OF start_day ON events BEGIN
	UPDATE contacts SET since = coalesce(
		(SELECT max(on_day) FROM interactions WHERE contact_id = contacts.id),
		nullif(met_on, ''),
		nullif(NEW.start_day, ''),
		date(created / 1000, 'unixepoch', 'localtime')) WHERE event_id = NEW.id;
END;
CREATE TRIGGER interactions_since_insert AFTER INSERT ON interactions BEGIN
	UPDATE contacts SET since = (SELECT max(on_day) FROM interactions WHERE contact_id = NEW.contact_id)
		WHERE id = NEW.contact_id;
END;
CREATE TRIGGER interactions_since_delete AFTER DELETE ON interactions BEGIN
	UPDATE contacts SET since = coalesce(
		(SELECT max(on_day) FROM interactions WHERE contact_id = contacts.id),
		nullif(met_on, ''),
		(SELECT nullif(start_day, '') FROM events WHERE id = contacts.event_id),
		date(created / 1000, 'unixepoch', 'localtime')) WHERE id = OLD.contact_id;
END;
CREATE TRIGGER interactions_since_update AFTER UPDATE OF contact_id, on_day ON interactions BEGIN
	UPDATE contacts SET since = coalesce(
		(SELECT max(on_day) FROM interactions WHERE contact_id = contacts.id),
		nullif(met_on, ''),
		(SELECT nullif(start_day, '') FROM events WHERE id = contacts.event_id),
		date(created / 1000, 'unixepoch', 'localtime')) WHERE id IN (OLD.contact_id, NEW.contact_id);
END;

-- next_due is the day of a contact's earliest open follow-up, '' for none,
-- kept by triggers.
ALTER TABLE contacts ADD COLUMN next_due TEXT NOT NULL DEFAULT '';
UPDATE contacts SET next_due = coalesce(
	(SELECT min(due) FROM follow_ups WHERE contact_id = contacts.id AND state = 'open'), '');
CREATE TRIGGER follow_ups_next_insert AFTER INSERT ON follow_ups BEGIN
	UPDATE contacts SET next_due = coalesce(
		(SELECT min(due) FROM follow_ups WHERE contact_id = NEW.contact_id AND state = 'open'), '')
		WHERE id = NEW.contact_id;
END;
CREATE TRIGGER follow_ups_next_update AFTER UPDATE OF contact_id, due, state ON follow_ups BEGIN
	UPDATE contacts SET next_due = coalesce(
		(SELECT min(due) FROM follow_ups WHERE contact_id = contacts.id AND state = 'open'), '')
		WHERE id IN (OLD.contact_id, NEW.contact_id);
END;
CREATE TRIGGER follow_ups_next_delete AFTER DELETE ON follow_ups BEGIN
	UPDATE contacts SET next_due = coalesce(
		(SELECT min(due) FROM follow_ups WHERE contact_id = OLD.contact_id AND state = 'open'), '')
		WHERE id = OLD.contact_id;
END;

-- The days a cadence's ideal and maximum gaps run out, counted from
-- since, and the first of the two, cadence_due, the day a contact may
-- first be listed as fading or overdue. The reconnect list reads who is
-- due through the indexes on next_due and cadence_due.
ALTER TABLE contacts ADD COLUMN fade_day TEXT GENERATED ALWAYS AS (
	CASE WHEN cadence_ideal > 0 THEN date(since, '+' || cadence_ideal || ' days') END) VIRTUAL;
ALTER TABLE contacts ADD COLUMN lapse_day TEXT GENERATED ALWAYS AS (
	CASE WHEN cadence_max > 0 THEN date(since, '+' || cadence_max || ' days') END) VIRTUAL;
ALTER TABLE contacts ADD COLUMN cadence_due TEXT GENERATED ALWAYS AS (
	CASE WHEN cadence_ideal > 0 THEN date(since, '+' || cadence_ideal || ' days')
		WHEN cadence_max > 0 THEN date(since, '+' || cadence_max || ' days') END) VIRTUAL;
-- Both indexes hold the other days that decide the section, so that the
-- reconnect list counts its sections from them alone.
CREATE INDEX contacts_cadence_due ON contacts (cadence_due, lapse_day, fade_day, next_due)
	WHERE cadence_due IS NOT NULL;
CREATE INDEX contacts_next_due ON contacts (next_due, lapse_day) WHERE next_due <> '';
-- The overdue by cadence are listed in order of the day it lapsed.
CREATE INDEX contacts_lapse_day ON contacts (lapse_day) WHERE lapse_day IS NOT NULL;

-- A contact's open follow-ups, earliest first, in one seek, as the
-- triggers above and the reconnect list read them. It replaces the index
-- on contact_id alone.
DROP INDEX follow_ups_contact;
CREATE INDEX follow_ups_contact ON follow_ups (contact_id, state, due);

-- Search reads names from contacts_fts: the index on lower(full_name) has
-- had no reader since, and takes 24 bytes a contact.
DROP INDEX contacts_full_name;

-- The reconnect list reads open follow-ups through each contact's
-- next_due now, and everything else through follow_ups_contact: the index
-- on (state, due) has no reader left.
DROP INDEX follow_ups_state_due;
-- Nor has the index on created anywhere in the app: Store.Recent sorts
-- instead.
DROP INDEX contacts_created;
