-- The service desk's facts about a ticket (an incident or a service request) that the work-item
-- kernel does not keep: the channel it came in through (7.8 a, 8.4.2 a) and the requester's
-- satisfaction with the result, given when they accept it (7.8-1).
create table sd_ticket (
    item_id        bigint       not null primary key references wi_item (id),
    channel        varchar(20)  not null,
    rating         int,
    rating_comment varchar(2000),
    rated_by       bigint,
    rated_at       timestamp with time zone,
    constraint ck_sd_ticket_rating check (rating is null or rating between 1 and 5)
);
create index ix_sd_ticket_rated on sd_ticket (rated_at);
