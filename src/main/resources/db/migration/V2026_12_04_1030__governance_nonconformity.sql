-- Nonconformities (10.1) and the investigation of an indicator below target (10.2 b): a work
-- item of type nonconformity, this row holding what the kernel does not — where it came from,
-- the clause, the cause, the correction, the corrective and preventive action, the department
-- answering for it, and the verification of effectiveness. Its actions are work items of
-- type capa linked from it (PARENT_OF), each with its owner and deadline.
create table gov_nonconformity (
    item_id            bigint        not null primary key,
    version            int           not null,
    source             varchar(20)   not null,
    indicator_code     varchar(20),
    indicator_period   varchar(10),
    clause             varchar(20),
    cause              varchar(4000),
    correction         varchar(4000),
    corrective_action  varchar(4000),
    preventive_action  varchar(4000),
    department_id      bigint,
    first_verified_at  timestamp with time zone,
    first_effective    boolean,
    verified_by        bigint,
    verified_at        timestamp with time zone,
    verification       varchar(4000),
    effective          boolean,
    created_at         timestamp with time zone not null,
    constraint uk_gov_nonconformity_indicator unique (indicator_code, indicator_period)
);
create index ix_gov_nonconformity_source on gov_nonconformity (source, created_at);
create index ix_gov_nonconformity_verified on gov_nonconformity (first_verified_at);
create index ix_gov_nonconformity_closed on gov_nonconformity (verified_at);
