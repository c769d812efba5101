-- The first schema: contacts with their phones, emails and websites.
-- Times are Unix milliseconds.

CREATE TABLE contacts (
	-- AUTOINCREMENT keeps the id of a deleted contact from being reused,
	-- so that Store.Restore can put it back under the same id.
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	full_name   TEXT NOT NULL DEFAULT '',
	given_name  TEXT NOT NULL DEFAULT '',
	family_name TEXT NOT NULL DEFAULT '',
	title       TEXT NOT NULL DEFAULT '',
	company     TEXT NOT NULL DEFAULT '',
	address     TEXT NOT NULL DEFAULT '',
	note        TEXT NOT NULL DEFAULT '',
	event       TEXT NOT NULL DEFAULT '',
	image       TEXT NOT NULL DEFAULT '',
	created     INTEGER NOT NULL,
	updated     INTEGER NOT NULL
);

CREATE INDEX contacts_full_name ON contacts (lower(full_name));
CREATE INDEX contacts_updated ON contacts (updated);
CREATE INDEX contacts_created ON contacts (created);

CREATE TABLE phones (
	contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
	position   INTEGER NOT NULL,
	number     TEXT NOT NULL,
	e164       TEXT NOT NULL DEFAULT '',
	kind       TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (contact_id, position)
);

CREATE INDEX phones_e164 ON phones (e164);

CREATE TABLE emails (
	contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
	position   INTEGER NOT NULL,
	address    TEXT NOT NULL,
	PRIMARY KEY (contact_id, position)
);

CREATE INDEX emails_address ON emails (lower(address));

CREATE TABLE websites (
	contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
	position   INTEGER NOT NULL,
	url        TEXT NOT NULL,
	PRIMARY KEY (contact_id, position)
);
