-- A partner's totals hold any number of lines: one amount is below a billion (PATTERNS.money), the
-- totals may reach far beyond the 16 digits of a single amount (issue #10: one line of
-- 99,999,999,999,999.99 used to overflow every later sum of that partner).
alter table partner_eligibility alter column billed_sales_ttm_usd type numeric(24, 2);
alter table partner_eligibility alter column fraudulent_ttm_usd type numeric(24, 2);
