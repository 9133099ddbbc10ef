-- Technical benefits (issue #12): technical assistance requests with their history, messages and
-- attachments; sponsorships (one per sponsorship entitlement) with a ledger of credits and usage.

-- The phases a technical benefit covers (null: every phase): a presales consultation is not for deployment.
alter table program_benefits add column phases text[];

create table technical_requests (
  id uuid primary key default gen_random_uuid(),
  -- A short reference people can read out on the phone: TR-1042.
  reference bigint generated always as identity (start with 1001) unique,
  partner_account_id uuid not null references partner_accounts (id) on delete cascade,
  -- The technical benefit the request reserves from.
  entitlement_id uuid not null references entitlements (id) on delete cascade,
  -- What it reserves: hours or one request, per the program definition.
  reserved_quantity numeric(8, 2) not null check (reserved_quantity > 0),
  reserved_unit text not null check (reserved_unit in ('hours', 'requests')),
  phase text not null check (phase in ('presales', 'design', 'deployment', 'app-development')),
  solution_type text not null check (solution_type in ('cloud', 'hybrid')),
  offer_id text not null references offers (id),
  title text not null check (length(title) between 1 and 200),
  description text not null check (length(description) between 1 and 10000),
  contact_user_id uuid references users (id) on delete set null,
  contact_name text not null,
  contact_email text not null check (length(contact_email) between 3 and 320),
  contact_phone text not null check (contact_phone ~ '^\+[1-9][0-9]{6,14}$'),
  contact_language text not null check (contact_language in ('en-US', 'nl-NL')),
  time_zone text not null check (length(time_zone) between 1 and 64),
  status text not null check (status in ('submitted', 'in-review', 'action-required', 'scheduled', 'completed', 'declined', 'cancelled')),
  -- Optimistic locking: every change adds one; a PATCH naming an older revision is refused (409).
  revision integer not null default 1,
  scheduled_at timestamptz,
  submitted_by uuid references users (id) on delete set null,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index technical_requests_account_idx on technical_requests (partner_account_id, created_at desc, id desc);
create index technical_requests_queue_idx on technical_requests (status, created_at, id);
create index technical_requests_entitlement_idx on technical_requests (entitlement_id);

-- Who moved a request, from what to what, when and why.
create table technical_request_events (
  id bigint generated always as identity primary key,
  request_id uuid not null references technical_requests (id) on delete cascade,
  occurred_at timestamptz not null,
  from_status text,
  to_status text not null,
  actor_type text not null check (actor_type in ('user', 'operator', 'system')),
  actor_id uuid,
  reason text
);
create index technical_request_events_request_idx on technical_request_events (request_id, id);

create table technical_request_messages (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null references technical_requests (id) on delete cascade,
  author_type text not null check (author_type in ('user', 'operator')),
  author_id uuid,
  author_name text not null,
  body text not null check (length(body) between 1 and 10000),
  created_at timestamptz not null
);
create index technical_request_messages_request_idx on technical_request_messages (request_id, created_at, id);

-- Files in the database, so every instance serves them; the type is the one their content shows.
create table technical_request_attachments (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null references technical_requests (id) on delete cascade,
  file_name text not null check (length(file_name) between 1 and 200),
  media_type text not null check (media_type in ('application/pdf', 'image/png', 'image/jpeg', 'text/plain')),
  size_bytes integer not null check (size_bytes between 1 and 4194304),
  sha256 text not null,
  content bytea not null,
  uploaded_by_type text not null check (uploaded_by_type in ('user', 'operator')),
  uploaded_by uuid,
  created_at timestamptz not null
);
create index technical_request_attachments_request_idx on technical_request_attachments (request_id, created_at, id);

create table sponsorships (
  id uuid primary key default gen_random_uuid(),
  partner_account_id uuid not null references partner_accounts (id) on delete cascade,
  -- One sponsorship per sponsorship entitlement, however often the engine runs.
  entitlement_id uuid not null unique references entitlements (id) on delete cascade,
  benefit_code text not null,
  amount_usd numeric(16, 2) not null check (amount_usd > 0),
  remaining_usd numeric(16, 2) not null check (remaining_usd >= 0 and remaining_usd <= amount_usd),
  term_months integer not null check (term_months > 0),
  status text not null check (status in ('unlocked', 'requested', 'active', 'exhausted', 'expired', 'revoked')),
  status_reason text,
  unlocked_at timestamptz not null,
  -- Until it is active: the day the unlocked credit must be requested by (the entitlement's end); then the term's end.
  expires_at timestamptz,
  requested_at timestamptz,
  requested_by uuid references users (id) on delete set null,
  subscription_id text,
  billing_type text,
  active_from timestamptz,
  low_warning_at timestamptz,
  expiry_warning_at timestamptz,
  revision integer not null default 1,
  updated_at timestamptz not null
);
create index sponsorships_account_idx on sponsorships (partner_account_id, unlocked_at, id);
create index sponsorships_active_idx on sponsorships (expires_at) where status = 'active';
create index sponsorships_requested_idx on sponsorships (requested_at, id) where status = 'requested';

-- Usage lines as the operator sent them, once each (the id makes a re-sent batch change nothing).
create table sponsorship_usage (
  line_id text primary key check (length(line_id) between 1 and 100),
  partner_account_id uuid not null references partner_accounts (id) on delete cascade,
  subscription_id text not null,
  amount_usd numeric(16, 2) not null check (amount_usd > 0),
  used_at timestamptz not null,
  recorded_at timestamptz not null
);
create index sponsorship_usage_account_idx on sponsorship_usage (partner_account_id, used_at);

-- The ledger: each credit's grant, and each usage line's draw on it (a line that no credit covers,
-- or covers in part, has an entry without a sponsorship for the rest: it is billed normally).
create table sponsorship_ledger (
  id bigint generated always as identity primary key,
  partner_account_id uuid not null references partner_accounts (id) on delete cascade,
  sponsorship_id uuid references sponsorships (id) on delete cascade,
  kind text not null check (kind in ('credit', 'usage', 'uncovered')),
  usage_line_id text references sponsorship_usage (line_id) on delete cascade,
  -- Credits positive, usage negative; uncovered usage negative with no sponsorship.
  amount_usd numeric(16, 2) not null,
  -- What the credit holds after this entry.
  balance_usd numeric(16, 2),
  occurred_at timestamptz not null
);
create index sponsorship_ledger_account_idx on sponsorship_ledger (partner_account_id, id);
create index sponsorship_ledger_sponsorship_idx on sponsorship_ledger (sponsorship_id, id);
