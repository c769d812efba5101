-- Schema 12: how often, and when last, a follow-up changed, so that a
-- calendar that imports it again (or a CalDAV server) sees a newer copy of
-- the same to-do or event: iCalendar's SEQUENCE and LAST-MODIFIED.
--
-- sequence counts the changes after it was scheduled (rescheduled, done,
-- cancelled); modified is when the last was, in Unix milliseconds, or 0
-- for none (the follow-up is as it was created).
ALTER TABLE follow_ups ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;
ALTER TABLE follow_ups ADD COLUMN modified INTEGER NOT NULL DEFAULT 0;

-- The trash (schema 8) keeps rows with the columns of the tables it keeps
-- them from.
ALTER TABLE trash_follow_ups ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;
ALTER TABLE trash_follow_ups ADD COLUMN modified INTEGER NOT NULL DEFAULT 0;
