-- Each vault record sealed under a data key of its own, kept here sealed under the PII key:
-- rotating the PII key seals 32-byte keys again, not the records, and erasure destroys the key.
-- Records from before this column (null) stay sealed directly under the PII key.
alter table pii_record add column data_key varchar(200);
