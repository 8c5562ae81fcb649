-- The index key each row's blind indexes were made under (its id), so that a re-index after a new
-- index key resumes where it stopped. Rows indexed before this column: null, indexed again.
alter table loan_application add column index_key varchar(16);
alter table outbox_message add column index_key varchar(16);
