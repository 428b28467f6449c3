-- ix_wi_item_type_opened (2026-12-04) repeats ix_wi_item_opened (type_code, opened_at) column for
-- column: every insert and update of a work item paid for both. The older one stays.
drop index if exists ix_wi_item_type_opened;
