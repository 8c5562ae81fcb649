-- Spring Modulith's event publication registry: an event published in a business transaction is
-- recorded with it, delivered to its listeners after the commit, and kept until delivered (then
-- deleted), so that a notice is neither sent for a rolled-back step nor lost in a crash.
create table event_publication (
    id uuid not null primary key,
    listener_id varchar(512) not null,
    event_type varchar(512) not null,
    serialized_event varchar(8000) not null,
    publication_date timestamp with time zone not null,
    completion_date timestamp with time zone
);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
