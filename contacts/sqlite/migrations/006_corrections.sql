-- Schema 5: what the user corrected in what the OCR read from a card, so
-- that later cards from the same company or email domain (the rest of the
-- stack from one event) are read with the correction.
CREATE TABLE ocr_corrections (
	id      INTEGER PRIMARY KEY AUTOINCREMENT,
	domain  TEXT NOT NULL DEFAULT '',  -- the email domain of the card, lower case
	company TEXT NOT NULL DEFAULT '',  -- the company, as corrected
	field   TEXT NOT NULL,             -- company, website, address, or domain (of emails)
	read    TEXT NOT NULL DEFAULT '',  -- what was read
	value   TEXT NOT NULL,             -- what the user made it
	uses    INTEGER NOT NULL DEFAULT 0, -- how many later cards it was used on
	created INTEGER NOT NULL
);
CREATE UNIQUE INDEX ocr_corrections_key ON ocr_corrections (domain, company, field, read);
