-- User-satisfaction surveys (9.2 c): a work item of type survey, this row holding who is
-- asked (departments; none: everyone), when it closes, and the survey report written from
-- its results. Its questions are rated 1–5; when it opens, the people asked are fixed and
-- told; each answers once (and may change the answers while it is open), with a comment.
create table gov_survey (
    item_id        bigint         not null primary key,
    number         varchar(40)    not null,
    version        int            not null,
    departments    varchar(1000),
    closes_on      date,
    report         varchar(8000),
    opened_at      timestamp with time zone,
    closed_at      timestamp with time zone,
    created_at     timestamp with time zone not null
);

create unique index ux_gov_survey_number on gov_survey (number);

create table gov_survey_question (
    item_id   bigint        not null,
    seq       int           not null,
    text      varchar(300)  not null,
    primary key (item_id, seq)
);

create table gov_survey_invitee (
    item_id   bigint  not null,
    user_id   bigint  not null,
    primary key (item_id, user_id)
);
create index ix_gov_survey_invitee_user on gov_survey_invitee (user_id);

create table gov_survey_response (
    item_id       bigint         not null,
    user_id       bigint         not null,
    comment       varchar(2000),
    submitted_at  timestamp with time zone not null,
    primary key (item_id, user_id)
);

create table gov_survey_answer (
    item_id   bigint    not null,
    user_id   bigint    not null,
    seq       int       not null,
    rating    smallint  not null,
    primary key (item_id, user_id, seq)
);
