-- Schema 13: how a contact's name is read aloud, its phonetic given and
-- family names, as phones and vCards keep them (X-PHONETIC-FIRST-NAME,
-- X-PHONETIC-LAST-NAME): the romaji "Kenta" "Yamamoto" printed beside
-- "山本 健太" on a Japanese card.
--
-- As 008_trash.sql asks, the trash table gets the columns of the table it
-- keeps rows of, in the same order.
ALTER TABLE contacts ADD COLUMN phonetic_given_name TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN phonetic_family_name TEXT NOT NULL DEFAULT '';
ALTER TABLE trash_contacts ADD COLUMN phonetic_given_name TEXT NOT NULL DEFAULT '';
ALTER TABLE trash_contacts ADD COLUMN phonetic_family_name TEXT NOT NULL DEFAULT '';

-- The search index holds the words of the phonetic name, so that typing
-- "yamamoto" finds 山本 健太: a change to it writes the contact's words
-- again. Every phonetic name is empty yet, so no words change now.
DROP TRIGGER contacts_search_update;
CREATE TRIGGER contacts_search_update
AFTER UPDATE OF full_name, given_name, family_name, phonetic_given_name, phonetic_family_name,
	company, title, event, event_id ON contacts BEGIN
	INSERT OR IGNORE INTO search_pending VALUES (NEW.id);
END;
