-- billed_sales.offer_id loses its foreign key; offers are never deleted instead (enforced below).
--
-- Why: the foreign key fires one trigger per inserted or updated sales line (a lookup
-- and a KEY SHARE lock on the offer): a quarter of the time of merging a CSV import
-- (measured on PostgreSQL 15: 200,000 staged lines merged in 2.9 s with it, 2.2 s
-- without; about 3.5 s per million lines, more than the benchmark's whole baseline
-- of COPY + GROUP BY; bench/README.md, "Ingest").
--
-- What keeps the data consistent without it: both ways sales are written check that
-- every offer exists, set-based, in the transaction that writes them (the CSV import:
-- an anti-join of the staged lines against offers, sales.service.ts
-- firstUnknownStagedOffer; the API: ingestBilledSales). Such a check is only sound if
-- an offer, once seen, stays: nothing in the product deletes offers (they are delisted),
-- and the trigger below makes that a rule rather than a habit.
alter table billed_sales drop constraint billed_sales_offer_id_fkey;

create function refuse_offer_delete() returns trigger
language plpgsql as $$
begin
  raise exception 'offers are never deleted (delist them): billed sales refer to them without a foreign key'
    using errcode = 'restrict_violation';
end
$$;

create trigger offers_never_deleted before delete or truncate on offers
  for each statement execute function refuse_offer_delete();
