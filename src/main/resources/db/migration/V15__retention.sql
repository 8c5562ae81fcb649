-- When an application's personal data was erased under the retention policy (null: kept).
alter table loan_application add column personal_data_erased_at timestamp with time zone;
