-- Problem management (8.3.4): per problem its root-cause analysis (cause category, five whys,
-- the root cause), the workaround published to the known-error list, and the change that
-- fixes it (its number, until change management links it as a record).
create table prb_problem (
    item_id         bigint        not null primary key references wi_item (id),
    version         int           not null,
    cause_category  varchar(20),
    why1            varchar(2000),
    why2            varchar(2000),
    why3            varchar(2000),
    why4            varchar(2000),
    why5            varchar(2000),
    root_cause      varchar(20000),
    workaround      varchar(20000),
    known_error     boolean       not null,
    published_by    bigint,
    published_at    timestamp with time zone,
    change_ref      varchar(100),
    updated_at      timestamp with time zone not null
);
create index ix_prb_problem_known on prb_problem (known_error, published_at);
