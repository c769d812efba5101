-- Placeholder on the carddav branch only: schema 3 is the extra-properties
-- branch's 003_extra.sql. When the branches merge, take that file whole.
SELECT 1;
