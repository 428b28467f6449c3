-- Each person's dashboard (7.4.4): the widgets they picked, in their order (until they pick,
-- their role's defaults show).
create table gov_dashboard (
    user_id     bigint        not null primary key,
    widgets     varchar(4000) not null,
    updated_at  timestamp with time zone not null
);
