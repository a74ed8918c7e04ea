-- Frozen copy of what crosscheck store schema version 6 did to version 5 (each source's
-- outlet name and publication times, added as columns that older rows leave NULL). Never edit.
ALTER TABLE comparisons ADD COLUMN left_name TEXT;
ALTER TABLE comparisons ADD COLUMN right_name TEXT;
ALTER TABLE comparisons ADD COLUMN left_published TEXT;
ALTER TABLE comparisons ADD COLUMN right_published TEXT;
ALTER TABLE comparisons ADD COLUMN left_updated TEXT;
ALTER TABLE comparisons ADD COLUMN right_updated TEXT;
PRAGMA user_version = 6;
