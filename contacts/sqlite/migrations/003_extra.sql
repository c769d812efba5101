-- Schema 3: what a card imported from another app holds that a contact
-- has no field for (a birthday, a photo, a nickname, the other app's UID),
-- kept as the card's content lines, one a line, to be written back on
-- export.
ALTER TABLE contacts ADD COLUMN extra TEXT NOT NULL DEFAULT '';
