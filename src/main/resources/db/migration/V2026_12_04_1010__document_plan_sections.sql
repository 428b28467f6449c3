-- Plans of the kinds clause 6 asks for (the O&M plan, the quality management plan, the resource
-- management plan) are written section by section: each kind names the sections it must have,
-- and the share filled in the version in effect is indicator 6-1, 6-2 or 6-3.
alter table doc_document add column plan_kind varchar(20);
create index ix_doc_document_plan on doc_document (plan_kind, state);

create table doc_version_section (
    version_id  bigint      not null references doc_version (id),
    section_key varchar(40) not null,
    content     text        not null,
    constraint pk_doc_version_section primary key (version_id, section_key)
);
