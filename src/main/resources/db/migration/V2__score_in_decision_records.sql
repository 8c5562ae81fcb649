-- The risk grade now comes from the scorecard table and is kept as a SCORE decision record
-- (with its table version), no longer beside the bureau report.
alter table credit_assessment drop column points;
alter table credit_assessment drop column risk_grade;
alter table credit_assessment drop column reasons;
