-- Schema 2: where people were met, and personal follow-through.
-- Days are 'YYYY-MM-DD' text, '' for none; times are Unix milliseconds.

CREATE TABLE events (
	id        INTEGER PRIMARY KEY AUTOINCREMENT,
	name      TEXT NOT NULL UNIQUE COLLATE NOCASE,
	start_day TEXT NOT NULL DEFAULT '',
	end_day   TEXT NOT NULL DEFAULT '',
	place     TEXT NOT NULL DEFAULT '',
	notes     TEXT NOT NULL DEFAULT '',
	created   INTEGER NOT NULL DEFAULT 0
);

-- contacts.event stays, as the event's name kept beside its id, so that
-- search finds people by event without a join.
ALTER TABLE contacts ADD COLUMN event_id INTEGER REFERENCES events (id) ON DELETE SET NULL;
ALTER TABLE contacts ADD COLUMN met_on TEXT NOT NULL DEFAULT '';
-- introduced_by keeps the introducer's name readable if they are deleted.
ALTER TABLE contacts ADD COLUMN introduced_by TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN introduced_by_id INTEGER REFERENCES contacts (id) ON DELETE SET NULL;
ALTER TABLE contacts ADD COLUMN talked_about TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN cadence_ideal INTEGER NOT NULL DEFAULT 0;
ALTER TABLE contacts ADD COLUMN cadence_max INTEGER NOT NULL DEFAULT 0;

-- The events that version 1 only kept as text become records, dated by
-- the first card saved from them.
INSERT INTO events (name, start_day, created)
	SELECT event, date(min(created) / 1000, 'unixepoch'), min(created)
	FROM contacts WHERE event <> '' GROUP BY event COLLATE NOCASE;
UPDATE contacts SET event_id = (SELECT id FROM events WHERE name = contacts.event)
	WHERE event <> '';

CREATE INDEX contacts_event ON contacts (event_id);

CREATE TABLE tags (
	contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
	tag        TEXT NOT NULL COLLATE NOCASE,
	PRIMARY KEY (contact_id, tag)
);
CREATE INDEX tags_tag ON tags (tag);

CREATE TABLE follow_ups (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
	kind       TEXT NOT NULL,
	due        TEXT NOT NULL,
	line       TEXT NOT NULL DEFAULT '',
	state      TEXT NOT NULL DEFAULT 'open',
	done_on    TEXT NOT NULL DEFAULT '',
	outcome    TEXT NOT NULL DEFAULT '',
	created    INTEGER NOT NULL
);
CREATE INDEX follow_ups_state_due ON follow_ups (state, due);
CREATE INDEX follow_ups_contact ON follow_ups (contact_id);

CREATE TABLE interactions (
	id           INTEGER PRIMARY KEY AUTOINCREMENT,
	contact_id   INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
	kind         TEXT NOT NULL,
	on_day       TEXT NOT NULL,
	note         TEXT NOT NULL DEFAULT '',
	follow_up_id INTEGER REFERENCES follow_ups (id) ON DELETE SET NULL,
	created      INTEGER NOT NULL
);
CREATE INDEX interactions_contact ON interactions (contact_id, on_day);

CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);
