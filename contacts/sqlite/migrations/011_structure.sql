-- Schema 11: a contact keeps the structure a vCard gives it (issue 22.3):
-- the five parts of a name, any number of postal addresses in their
-- components with a label each (home, work, other), and the label of each
-- email and website. The one-line address of contacts moves into the
-- street of an address of its own, where nothing of it is lost; the app
-- splits an address into components only as it is read from a card.
--
-- As 008_trash.sql asks, each trash table gets the columns of the table
-- it keeps rows of, in the same order.
ALTER TABLE contacts ADD COLUMN prefix TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN middle_name TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN suffix TEXT NOT NULL DEFAULT '';
ALTER TABLE trash_contacts ADD COLUMN prefix TEXT NOT NULL DEFAULT '';
ALTER TABLE trash_contacts ADD COLUMN middle_name TEXT NOT NULL DEFAULT '';
ALTER TABLE trash_contacts ADD COLUMN suffix TEXT NOT NULL DEFAULT '';

ALTER TABLE emails ADD COLUMN label TEXT NOT NULL DEFAULT '';
ALTER TABLE trash_emails ADD COLUMN label TEXT NOT NULL DEFAULT '';
ALTER TABLE websites ADD COLUMN label TEXT NOT NULL DEFAULT '';
ALTER TABLE trash_websites ADD COLUMN label TEXT NOT NULL DEFAULT '';

CREATE TABLE addresses (
	contact_id  INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
	position    INTEGER NOT NULL,
	label       TEXT NOT NULL DEFAULT '',  -- home, work, other, or '' for unsaid
	po_box      TEXT NOT NULL DEFAULT '',
	extended    TEXT NOT NULL DEFAULT '',  -- suite, floor, apartment
	street      TEXT NOT NULL DEFAULT '',
	city        TEXT NOT NULL DEFAULT '',
	region      TEXT NOT NULL DEFAULT '',
	postal_code TEXT NOT NULL DEFAULT '',
	country     TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (contact_id, position)
);
CREATE TABLE trash_addresses AS SELECT * FROM addresses WHERE 0;

INSERT INTO addresses (contact_id, position, street)
	SELECT id, 0, address FROM contacts WHERE trim(address) != '';
INSERT INTO trash_addresses (contact_id, position, label, po_box, extended, street, city, region, postal_code, country)
	SELECT id, 0, '', '', '', address, '', '', '', '' FROM trash_contacts WHERE trim(address) != '';
ALTER TABLE contacts DROP COLUMN address;
ALTER TABLE trash_contacts DROP COLUMN address;
