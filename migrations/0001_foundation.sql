-- Foundation: directory tenants, users, partner accounts, sessions, operator tokens, audit.
-- Written for PostgreSQL 15 (the server) and PGlite (PostgreSQL 18): nothing newer than 15.

create table tenants (
  id uuid primary key default gen_random_uuid(),
  domain text not null unique
    check (domain = lower(domain) and domain ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$'),
  display_name text not null check (length(display_name) between 1 and 200),
  -- A tenant belongs to at most one partner account: the association is this column.
  partner_account_id uuid,
  associated_at timestamptz,
  created_at timestamptz not null default now()
);

create table partner_accounts (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 200),
  mpn_id text not null unique check (mpn_id ~ '^[0-9]{1,12}$'),
  company_email text not null check (length(company_email) between 3 and 320),
  primary_tenant_id uuid not null unique references tenants (id),
  created_at timestamptz not null default now()
);

alter table tenants
  add constraint tenants_partner_account_fk foreign key (partner_account_id) references partner_accounts (id);
create index tenants_partner_account_idx on tenants (partner_account_id);

create table users (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id),
  -- Full sign-in name, lower case: local part @ the tenant's domain.
  username text not null unique check (username = lower(username) and position('@' in username) > 1),
  display_name text not null check (length(display_name) between 1 and 200),
  email text not null check (length(email) between 3 and 320),
  password_hash text not null,
  roles text[] not null default '{}'
    check (roles <@ array['global-admin', 'account-admin', 'mpn-partner-admin', 'admin-agent', 'user']::text[]),
  locale text check (locale in ('en-US', 'nl-NL')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index users_tenant_idx on users (tenant_id);

create table sessions (
  id uuid primary key default gen_random_uuid(),
  token_hash text not null unique,
  csrf_token text not null,
  user_id uuid not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz
);
create index sessions_user_idx on sessions (user_id);

create table operator_tokens (
  id uuid primary key default gen_random_uuid(),
  name text not null unique check (length(name) between 1 and 100),
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

-- Failed credential checks when associating a tenant, for the per-account and per-tenant limits.
create table association_failures (
  id uuid primary key default gen_random_uuid(),
  partner_account_id uuid not null references partner_accounts (id) on delete cascade,
  target_tenant_id uuid references tenants (id) on delete cascade,
  failed_at timestamptz not null default now()
);
create index association_failures_account_idx on association_failures (partner_account_id, failed_at);
create index association_failures_tenant_idx on association_failures (target_tenant_id, failed_at);

create table audit_events (
  id uuid primary key default gen_random_uuid(),
  occurred_at timestamptz not null default now(),
  actor_type text not null check (actor_type in ('user', 'operator', 'system')),
  actor_id uuid,
  partner_account_id uuid references partner_accounts (id) on delete set null,
  action text not null,
  subject_type text,
  subject_id text,
  details jsonb not null default '{}',
  request_id text
);
create index audit_events_account_idx on audit_events (partner_account_id, occurred_at);
