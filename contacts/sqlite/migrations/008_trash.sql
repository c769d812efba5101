-- Schema 8: a deleted contact can be brought back whole. Store.Delete
-- moves the contact and everything that hangs on it (phones, emails,
-- websites, tags, follow-ups, interactions, and who they introduced) into
-- these tables, out of every query's sight, and Store.Restore moves it all
-- back under the same IDs. Store.Purge forgets it, with its card image and
-- thumbnail, once the undo chance is over; Open purges what is left over.
-- A sync record (carddav_objects) is not moved: it outlives its contact.
--
-- The tables have the columns of the tables they keep rows of, in the
-- same order: a migration that adds a column to one adds it here too.
CREATE TABLE trash (
	contact_id INTEGER PRIMARY KEY,
	deleted    INTEGER NOT NULL  -- Unix milliseconds
);
-- event holds the event's name, so that a contact whose event was deleted
-- in the meantime comes back saying where they met.
CREATE TABLE trash_contacts AS SELECT id, full_name, given_name, family_name, title, company,
	address, note, event, image, created, updated,
	event_id, met_on, introduced_by, introduced_by_id, talked_about, cadence_ideal, cadence_max, extra
	FROM contacts WHERE 0;
CREATE TABLE trash_phones AS SELECT * FROM phones WHERE 0;
CREATE TABLE trash_emails AS SELECT * FROM emails WHERE 0;
CREATE TABLE trash_websites AS SELECT * FROM websites WHERE 0;
CREATE TABLE trash_tags AS SELECT * FROM tags WHERE 0;
CREATE TABLE trash_follow_ups AS SELECT * FROM follow_ups WHERE 0;
CREATE TABLE trash_interactions AS SELECT * FROM interactions WHERE 0;
-- The contacts that the deleted one introduced.
CREATE TABLE trash_introduced (
	contact_id    INTEGER NOT NULL,  -- the deleted contact
	introduced_id INTEGER NOT NULL
);
CREATE INDEX trash_contacts_id ON trash_contacts (id);
CREATE INDEX trash_contacts_image ON trash_contacts (image);
