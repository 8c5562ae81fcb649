-- Who made a staff decision, as a column (four eyes: one person, one decision per application).
alter table decision_record add column decided_by varchar(64);
create index ix_decision_decided_by on decision_record (application_id, decided_by);

-- A bearer token identifies its application: the applicant API looks it up by its hash.
create unique index ux_application_access_token on loan_application (access_token_hash);

-- A signing link works until the signing period ends (or the envelope closes).
alter table envelope add column expires_at timestamp with time zone;
