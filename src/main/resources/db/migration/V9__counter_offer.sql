-- A staff counter-offer: the amount and term approved instead of those applied for (null: as applied).
alter table loan_application add column approved_amount numeric(15, 2);
alter table loan_application add column approved_term_months integer;
