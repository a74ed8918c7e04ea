-- Frozen copy of what crosscheck store schema version 3 added to version 2. Never edit.
CREATE INDEX items_order ON items (comparison_id, ordinal);
PRAGMA user_version = 3;
