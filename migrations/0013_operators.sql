-- The Rewards team's own directory (issue #14): operator accounts, never members of a partner tenant.
-- A username is unique among operators; partner users sign in with name@tenant-domain, operators with
-- their own address, and sign-in looks among partner users first (identity.service.ts).
create table operators (
  id uuid primary key default gen_random_uuid(),
  username text not null unique check (username = lower(username) and length(username) between 3 and 254),
  display_name text not null check (length(display_name) between 1 and 200),
  email text not null check (length(email) between 3 and 254),
  role text not null check (role in ('rewards-agent', 'rewards-manager', 'operator-admin')),
  -- Overdue work of this operator's escalates to this manager (or REWARDS_TEAM_EMAIL without one).
  manager_id uuid references operators (id) on delete set null,
  locale text check (locale in ('en-US', 'nl-NL')),
  password_hash text not null,
  -- The TOTP secret (base32), set when the second factor is first enrolled; null until then.
  totp_secret text,
  totp_enrolled_at timestamptz,
  -- The last TOTP time step accepted: a code is never accepted twice (nor an older one).
  totp_last_step integer,
  created_at timestamptz not null default now(),
  disabled_at timestamptz
);

-- Ten single-use codes, shown once at enrollment, stored hashed.
create table operator_recovery_codes (
  id uuid primary key default gen_random_uuid(),
  operator_id uuid not null references operators (id) on delete cascade,
  code_hash text not null,
  used_at timestamptz
);
create index operator_recovery_codes_operator_idx on operator_recovery_codes (operator_id);

-- An operator's session: `second_factor_at` null while only the password has been checked (the
-- session then opens nothing but the second-factor step); expires in minutes until then.
create table operator_sessions (
  id uuid primary key default gen_random_uuid(),
  token_hash text not null unique,
  csrf_token text not null,
  operator_id uuid not null references operators (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  second_factor_at timestamptz,
  -- Wrong second-factor codes on this session: at the limit the session ends.
  second_factor_failures integer not null default 0,
  revoked_at timestamptz
);
create index operator_sessions_operator_idx on operator_sessions (operator_id);
