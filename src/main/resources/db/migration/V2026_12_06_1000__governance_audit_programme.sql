-- The annual internal audit programme (9.2 a): for a year, how it is audited (central — one
-- audit of everything — or rolling — several audits through the year), its objectives, and the
-- objects in scope: the leaf clauses of the standard (null: every one). The audits due in the
-- year are the programme's; the page shows which objects they cover, which are only planned
-- and which no audit covers yet.
create table gov_audit_programme (
    programme_year int         not null primary key,
    version     int            not null,
    method      varchar(10)    not null,
    clauses     varchar(4000),
    objectives  varchar(4000),
    owner_id    bigint         not null,
    updated_at  timestamp with time zone not null
);
create index ix_gov_audit_created on gov_audit (created_at);
