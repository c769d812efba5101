-- Schema 7: compact. Three things were kept twice: the event's name on
-- each contact met there, the E.164 form of each phone number, and an
-- index on emails and one on phones that only the search for duplicates
-- read. The search index already holds each contact's event name, email
-- words and phone digits, and Store.Duplicates now finds its candidates
-- there: about 100 bytes a contact less.

-- contacts.event now holds the event's name only once the event has been
-- deleted, so that the people met there still say where; while the event
-- exists it is '' and the name is read from events. A contact's search
-- words hold the name: they are written again when the contact's event,
-- or the event's name, changes. The trigger is dropped while the names go,
-- since the words stay the same.
DROP TRIGGER contacts_search_update;
UPDATE contacts SET event = '' WHERE event_id IS NOT NULL;
CREATE TRIGGER contacts_search_update
AFTER UPDATE OF full_name, given_name, family_name, company, title, event, event_id ON contacts BEGIN
	INSERT OR IGNORE INTO search_pending VALUES (NEW.id);
END;
CREATE TRIGGER events_search_update AFTER UPDATE OF name ON events BEGIN
	INSERT OR IGNORE INTO search_pending SELECT id FROM contacts WHERE event_id = NEW.id;
END;

DROP INDEX emails_address;
DROP INDEX phones_e164;
ALTER TABLE phones DROP COLUMN e164;
