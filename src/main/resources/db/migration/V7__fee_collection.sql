-- The fee due at signing: its collection (the gateway's transaction) and, when the application ends
-- without a loan, when it was settled (refunded or cancelled).
alter table offer add column fee_collection varchar(64);
alter table offer add column fee_settled_at timestamp with time zone;
