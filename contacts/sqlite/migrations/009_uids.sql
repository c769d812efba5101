-- Schema 9: a UID for every contact and follow-up, kept for life, so that
-- other programs can tell them apart: khard lists no card without a UID,
-- CardDAV clients file cards by it, and calendars replace a to-do or event
-- by it. The UIDs are random UUIDs (version 4), as contacts.NewUID makes
-- them; a contact read from another app's card, whose UID was kept among
-- its extra lines ("UID:..."), takes that one.
ALTER TABLE contacts ADD COLUMN uid TEXT NOT NULL DEFAULT '';
UPDATE contacts SET uid = trim(substr(
		substr(char(10) || extra || char(10), instr(char(10) || extra, char(10) || 'UID:') + 5),
		1,
		instr(substr(char(10) || extra || char(10), instr(char(10) || extra, char(10) || 'UID:') + 5), char(10)) - 1))
	WHERE instr(char(10) || extra, char(10) || 'UID:') > 0;
-- The same card imported twice: the later contact gets a UID of its own.
UPDATE contacts SET uid = '' WHERE uid <> '' AND EXISTS (
	SELECT 1 FROM contacts AS earlier WHERE earlier.uid = contacts.uid AND earlier.id < contacts.id);
UPDATE contacts SET uid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||
		substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random()) % 4, 1) ||
		substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))
	WHERE uid = '';
CREATE UNIQUE INDEX contacts_uid ON contacts (uid);

-- A follow-up's to-do or event had the UID followup-<id>@followthrough,
-- which two data folders give to different people.
ALTER TABLE follow_ups ADD COLUMN uid TEXT NOT NULL DEFAULT '';
UPDATE follow_ups SET uid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||
		substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random()) % 4, 1) ||
		substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
CREATE UNIQUE INDEX follow_ups_uid ON follow_ups (uid);

-- The trash (schema 8) keeps rows with the columns of the tables it keeps
-- them from: a deleted contact and its follow-ups keep their UIDs too.
ALTER TABLE trash_contacts ADD COLUMN uid TEXT NOT NULL DEFAULT '';
UPDATE trash_contacts SET uid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||
		substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random()) % 4, 1) ||
		substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
ALTER TABLE trash_follow_ups ADD COLUMN uid TEXT NOT NULL DEFAULT '';
UPDATE trash_follow_ups SET uid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||
		substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random()) % 4, 1) ||
		substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
