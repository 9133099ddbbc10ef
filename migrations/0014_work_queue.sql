-- The Rewards team's work on items other modules own (issue #14): activations to follow up, technical
-- assistance requests and sponsorship provisioning requests. The items stay their owners'; the console's
-- queue reads them as one list (work-queue.ts) and keeps here who works on each, and what contact was made.

-- Who works on an item: one assignee at a time (a new assignment replaces the old one).
create table work_assignments (
  kind text not null check (kind in ('activation', 'technical-request', 'sponsorship')),
  item_id uuid not null,
  assignee_id uuid not null references operators (id) on delete cascade,
  -- The operator who assigned it (null: an operator API token).
  assigned_by uuid references operators (id) on delete set null,
  assigned_at timestamptz not null,
  primary key (kind, item_id)
);
create index work_assignments_assignee_idx on work_assignments (assignee_id);

-- Each contact the team made with the partner about an item: how, when (as the operator says it
-- happened), what was said, and who recorded it.
create table work_contacts (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('activation', 'technical-request', 'sponsorship')),
  item_id uuid not null,
  partner_account_id uuid not null references partner_accounts (id) on delete cascade,
  channel text not null check (channel in ('email', 'phone', 'meeting', 'chat', 'other')),
  note text not null check (length(note) between 1 and 2000),
  contacted_at timestamptz not null,
  recorded_at timestamptz not null,
  operator_id uuid references operators (id) on delete set null,
  recorded_by_name text not null
);
create index work_contacts_item_idx on work_contacts (kind, item_id, contacted_at);

-- Overdue work escalates once per deadline (work-escalation.ts): this row is the claim and the record.
create table work_escalations (
  kind text not null check (kind in ('activation', 'technical-request', 'sponsorship')),
  item_id uuid not null,
  due_at timestamptz not null,
  escalated_at timestamptz not null,
  recipient text not null,
  primary key (kind, item_id, due_at)
);
-- Activations escalated before the console kept this record are not escalated again.
insert into work_escalations (kind, item_id, due_at, escalated_at, recipient)
select 'activation', id, due_at, escalated_at, '' from activations where escalated_at is not null;
