-- Marketplace data (publisher profiles, offers, billed sales), the program definition
-- (versioned tiers and benefits) and what it grants (eligibility, entitlements).

create table publisher_profiles (
  id text primary key check (length(id) between 1 and 100),
  name text not null check (length(name) between 1 and 200),
  -- Linked to a partner account through the MPN ID; the account may not exist yet.
  mpn_id text not null check (mpn_id ~ '^[0-9]{1,12}$'),
  updated_at timestamptz not null default now()
);
create index publisher_profiles_mpn_idx on publisher_profiles (mpn_id);

create table offers (
  id text primary key check (length(id) between 1 and 100),
  publisher_profile_id text not null references publisher_profiles (id),
  name text not null check (length(name) between 1 and 200),
  listing_type text not null check (listing_type in ('list', 'trial', 'consulting', 'transact')),
  status text not null check (status in ('draft', 'live', 'delisted')),
  live_at timestamptz,
  delisted_at timestamptz,
  updated_at timestamptz not null default now(),
  check (status <> 'live' or live_at is not null)
);
create index offers_profile_idx on offers (publisher_profile_id);

create table billed_sales (
  id text primary key check (length(id) between 1 and 100),
  offer_id text not null references offers (id),
  amount_usd numeric(16, 2) not null check (amount_usd >= 0),
  billed_at timestamptz not null,
  status text not null check (status in ('billed', 'refunded', 'cancelled', 'fraudulent')),
  updated_at timestamptz not null default now()
);
create index billed_sales_offer_idx on billed_sales (offer_id, billed_at);

create table program_versions (
  version integer primary key,
  name text not null,
  checksum text not null unique,
  definition jsonb not null,
  loaded_at timestamptz not null default now()
);

create table program_tiers (
  version integer not null references program_versions (version),
  code text not null,
  min_billed_sales_usd numeric(16, 2) not null check (min_billed_sales_usd >= 0),
  names jsonb not null,
  primary key (version, code)
);

create table program_benefits (
  version integer not null references program_versions (version),
  code text not null,
  category text not null check (category in ('sales-marketing', 'technical', 'sponsorship')),
  names jsonb not null,
  descriptions jsonb not null,
  unlock_listing_type text check (unlock_listing_type in ('list', 'trial', 'consulting', 'transact')),
  unlock_tier text,
  recurrence text not null check (recurrence in ('one-time', 'evergreen')),
  validity_months integer check (validity_months > 0),
  quantities jsonb not null default '{}',
  primary key (version, code),
  check ((unlock_listing_type is null) <> (unlock_tier is null))
);

-- The computed standing of each partner account; `dirty` marks inputs changed since.
create table partner_eligibility (
  partner_account_id uuid primary key references partner_accounts (id) on delete cascade,
  program_version integer not null references program_versions (version),
  live_list integer not null default 0,
  live_trial integer not null default 0,
  live_consulting integer not null default 0,
  live_transact integer not null default 0,
  billed_sales_ttm_usd numeric(16, 2) not null default 0,
  fraudulent_ttm_usd numeric(16, 2) not null default 0,
  tier_code text,
  computed_at timestamptz not null,
  dirty boolean not null default false
);
create index partner_eligibility_dirty_idx on partner_eligibility (dirty) where dirty;

create table entitlements (
  id uuid primary key default gen_random_uuid(),
  partner_account_id uuid not null references partner_accounts (id) on delete cascade,
  benefit_code text not null,
  program_version integer not null references program_versions (version),
  -- What unlocked it, once: offer:<offer id>:<publication epoch> or tier:<code>:<year n>.
  source_key text not null,
  offer_id text references offers (id),
  tier_code text,
  status text not null check (status in ('available', 'activated', 'in-progress', 'completed', 'expired', 'revoked')),
  status_reason text not null,
  unlocked_at timestamptz not null,
  expires_at timestamptz,
  updated_at timestamptz not null default now(),
  unique (partner_account_id, benefit_code, source_key)
);
create index entitlements_offer_idx on entitlements (offer_id) where offer_id is not null;

create table entitlement_events (
  id uuid primary key default gen_random_uuid(),
  entitlement_id uuid not null references entitlements (id) on delete cascade,
  occurred_at timestamptz not null default now(),
  from_status text,
  to_status text not null,
  reason_code text not null
);
create index entitlement_events_entitlement_idx on entitlement_events (entitlement_id, occurred_at);
