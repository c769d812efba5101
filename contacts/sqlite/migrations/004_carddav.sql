-- Schema 4: what the last sync with a CardDAV address book saw of each
-- contact, so that the next one can tell who changed what.
--
-- contact_id has no foreign key: the row must outlive its contact, so that
-- the next sync sees the local deletion and offers to delete on the server.
CREATE TABLE carddav_objects (
	book        TEXT NOT NULL,             -- the address book's path on the server
	href        TEXT NOT NULL,             -- the card's path on the server
	contact_id  INTEGER NOT NULL,
	uid         TEXT NOT NULL,             -- the card's UID
	etag        TEXT NOT NULL,             -- the card's ETag when last synced
	synced_hash TEXT NOT NULL,             -- the contact's CardHash when last synced
	card        TEXT NOT NULL DEFAULT '',  -- the card as the server last sent it
	PRIMARY KEY (book, href)
);
CREATE UNIQUE INDEX carddav_objects_contact ON carddav_objects (book, contact_id);
