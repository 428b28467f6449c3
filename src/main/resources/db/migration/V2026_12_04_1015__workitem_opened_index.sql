-- Records of a type opened in a period: the indicators' lifecycles and the conformance
-- engine's evidence that a process is in use read by these.
create index ix_wi_item_type_opened on wi_item (type_code, opened_at);
