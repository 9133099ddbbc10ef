-- The console loads program versions (issue #14): an operator may make an earlier definition current
-- again, which stores it as a new version with the same checksum, so the checksum no longer has to be
-- unique. Who loaded a version is in the audit log (program.loaded); the version keeps the name shown.
alter table program_versions drop constraint program_versions_checksum_key;
create index program_versions_checksum_idx on program_versions (checksum);
alter table program_versions add column loaded_by text;

-- A partner's engagement manager: the member of the Rewards team its open work goes to by default
-- (work-queue.ts reads an item without an assignment of its own as hers, while her account is active).
create table work_engagement_managers (
  partner_account_id uuid primary key references partner_accounts (id) on delete cascade,
  operator_id uuid not null references operators (id) on delete cascade,
  assigned_by uuid references operators (id) on delete set null,
  assigned_at timestamptz not null
);
create index work_engagement_managers_operator_idx on work_engagement_managers (operator_id);
