-- Transactional outbox for email, the marketing contact, and benefit activations with their follow-up clock.

create table outbox (
  id uuid primary key default gen_random_uuid(),
  -- The Message-ID header: a retry after a crash between send and mark carries the same one.
  message_id text not null unique,
  kind text not null,
  recipient text not null,
  locale text not null check (locale in ('en-US', 'nl-NL')),
  subject text not null,
  text_body text not null,
  html_body text not null,
  status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  lease_until timestamptz,
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index outbox_due_idx on outbox (next_attempt_at) where status in ('pending', 'sending');

create table marketing_contacts (
  partner_account_id uuid primary key references partner_accounts (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  email text not null check (length(email) between 3 and 320),
  phone text not null check (phone ~ '^\+[1-9][0-9]{6,14}$'),
  preferred_language text not null check (preferred_language in ('en-US', 'nl-NL')),
  updated_at timestamptz not null default now(),
  updated_by uuid references users (id) on delete set null
);

create table activations (
  id uuid primary key default gen_random_uuid(),
  -- One activation per entitlement, however many clicks or instances race for it.
  entitlement_id uuid not null unique references entitlements (id) on delete cascade,
  partner_account_id uuid not null references partner_accounts (id) on delete cascade,
  activated_by uuid references users (id) on delete set null,
  activated_at timestamptz not null,
  due_at timestamptz not null,
  contact_email text not null,
  contact_language text not null,
  status text not null default 'open' check (status in ('open', 'contacted')),
  contacted_at timestamptz,
  contacted_note text,
  escalated_at timestamptz
);
create index activations_open_due_idx on activations (due_at) where status = 'open';
