-- Complaint handling: the answer (encrypted, it is free text), the investigation's findings
-- (encrypted, staff only), and when it was answered, escalated, reopened and closed.
alter table complaint add column outcome varchar(16);
alter table complaint add column answer_ciphertext varchar(16000);
alter table complaint add column findings_ciphertext varchar(16000);
alter table complaint add column answered_at timestamp with time zone;
alter table complaint add column escalated_at timestamp with time zone;
alter table complaint add column reopened_at timestamp with time zone;
alter table complaint add column closed_at timestamp with time zone;
alter table complaint add column supervision_ciphertext varchar(16000);
