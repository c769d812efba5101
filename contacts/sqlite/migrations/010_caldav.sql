-- Schema 10: what the last push of follow-ups to a CalDAV calendar put
-- there, so that the next one updates, closes or deletes the same to-do or
-- event instead of adding another.
--
-- follow_up_id has no foreign key: the row must outlive its follow-up, so
-- that the next push deletes its to-do or event on the server.
CREATE TABLE caldav_objects (
	calendar     TEXT NOT NULL,     -- the calendar's path on the server
	follow_up_id INTEGER NOT NULL,
	href         TEXT NOT NULL,     -- the to-do's or event's path on the server
	uid          TEXT NOT NULL,     -- its UID, the follow-up's
	etag         TEXT NOT NULL,     -- its ETag when last pushed; '' once deleted on the server
	synced_hash  TEXT NOT NULL,     -- a digest of what was pushed
	PRIMARY KEY (calendar, follow_up_id)
);
