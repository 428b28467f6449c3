-- Keys of the application's signed links (an approval decided from its e-mail), made once
-- on first use and shared by every node.
create table nt_key (
    name       varchar(40)  primary key,
    secret     varchar(200) not null,
    created_at timestamp with time zone not null
);
