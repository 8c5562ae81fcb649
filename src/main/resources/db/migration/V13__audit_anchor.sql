-- Which entry was each chain's head when an anchor was taken (the anchor's hash itself is kept
-- outside the database: the append-only anchor file and the log).
create table audit_anchor_head (
    anchor_at      varchar(30)   not null,
    application_id varchar(36)   not null,
    seq            integer       not null,
    primary key (anchor_at, application_id)
);
