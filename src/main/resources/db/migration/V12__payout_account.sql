-- The bank card a loan is paid out to (encrypted; its last four digits for the masked view), the
-- payout's last refusal, and when operations asked the applicant to correct the card.
create table payout_account (
    application_id          varchar(36)   primary key references loan_application (id),
    ciphertext              varchar(1000),
    last4                   varchar(4),
    updated_at              timestamp with time zone,
    refusal_code            varchar(32),
    refusal_message         varchar(500),
    refused_at              timestamp with time zone,
    correction_requested_at timestamp with time zone
);
