-- Management reviews (9.4): a work item of type mgmtreview on a planned cycle, this row
-- holding the meeting — when it was planned and held, who chaired it (top management or the
-- management representative), who attended, the period whose input pack it reviewed — its
-- conclusions on the suitability, adequacy and effectiveness of the system, and its formal
-- resolutions. Each problem it raises is a nonconformity of source REVIEW linked from it,
-- with its department, owner, deadline, cause, action and verification.
create table gov_review (
    item_id         bigint        not null primary key,
    version         int           not null,
    planned_on      date,
    held_on         date,
    chair_id        bigint,
    attendees       varchar(2000),
    input_period    varchar(10),
    suitability     varchar(4000),
    adequacy        varchar(4000),
    effectiveness   varchar(4000),
    resolutions     varchar(8000),
    created_at      timestamp with time zone not null
);
create index ix_gov_review_held on gov_review (held_on);

-- The monitoring plan (9.1): which key indicators are monitored, how often and by whom.
create table gov_monitoring (
    code        varchar(20) not null primary key,
    version     int         not null,
    frequency   varchar(10) not null,
    owner_id    bigint      not null,
    added_on    date        not null,
    updated_at  timestamp with time zone not null
);

-- Internal audits (9.2): a work item of type audit, this row holding its scope (the clauses
-- it covers), the department audited and the audit report; its checklist is generated from
-- the requirements of the clauses in scope, its findings are nonconformities of source AUDIT
-- linked from it.
create table gov_audit (
    item_id        bigint        not null primary key,
    version        int           not null,
    clauses        varchar(2000),
    department_id  bigint,
    report         varchar(8000),
    created_at     timestamp with time zone not null
);
