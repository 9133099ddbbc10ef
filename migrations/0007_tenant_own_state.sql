-- What a directory tenant holds itself, apart from what a partner account granted it while they were
-- associated (issue #10: an association must not hand one partner another's admins).
--
-- users.own_roles: the roles the tenant itself gave (its own Global admin, or the operator that made
-- the user); users.roles stays the effective set. When the association ends, roles go back to own_roles.
alter table users add column own_roles text[];
update users set own_roles = roles;
alter table users alter column own_roles set not null;
alter table users alter column own_roles set default '{user}';
alter table users add constraint users_own_roles_check
  check (own_roles <@ array['global-admin', 'account-admin', 'mpn-partner-admin', 'admin-agent', 'user']::text[]);

-- A user that a partner account created in a tenant other than the creating admin's own: removed
-- with the association.
alter table users add column created_by_account_id uuid references partner_accounts (id) on delete cascade;
create index users_created_by_account_idx on users (tenant_id, created_by_account_id) where created_by_account_id is not null;

-- A session belongs to one association of its user's tenant: it ends when that association ends,
-- and a later association of the same tenant does not bring it back.
alter table sessions add column tenant_associated_at timestamptz;
update sessions set tenant_associated_at = t.associated_at
  from users u join tenants t on t.id = u.tenant_id
  where u.id = sessions.user_id;

-- The marketing contact outlives its user: when the user is removed (or leaves with their tenant),
-- the contact stays, flagged for reassignment, instead of vanishing.
alter table marketing_contacts alter column user_id drop not null;
alter table marketing_contacts drop constraint marketing_contacts_user_id_fkey;
alter table marketing_contacts add constraint marketing_contacts_user_id_fkey
  foreign key (user_id) references users (id) on delete set null;

-- Every association attempt counts towards the per-account and per-tenant limits, not only a wrong
-- password: a right one against a taken tenant (409) is as much a guess.
alter table association_failures rename to association_attempts;
alter table association_attempts rename column failed_at to attempted_at;
alter index association_failures_account_idx rename to association_attempts_account_idx;
alter index association_failures_tenant_idx rename to association_attempts_tenant_idx;
