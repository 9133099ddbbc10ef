import type { ColumnType, Generated } from 'kysely';

/** Row shapes of the tables the migrations create, for Kysely's typed queries. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export const ROLES = ['global-admin', 'account-admin', 'mpn-partner-admin', 'admin-agent', 'user'] as const;
export type Role = (typeof ROLES)[number];

export { LOCALES, type Locale } from '../i18n/locales.ts';
import type { Locale } from '../i18n/locales.ts';

export interface TenantsTable {
  id: Generated<string>;
  domain: string;
  display_name: string;
  partner_account_id: string | null;
  associated_at: NullableTimestamp;
  created_at: Generated<Date>;
}

export interface PartnerAccountsTable {
  id: Generated<string>;
  name: string;
  mpn_id: string;
  company_email: string;
  primary_tenant_id: string;
  created_at: Generated<Date>;
}

export interface UsersTable {
  id: Generated<string>;
  tenant_id: string;
  username: string;
  display_name: string;
  email: string;
  password_hash: string;
  roles: ColumnType<Role[], Role[] | undefined, Role[]>;
  locale: Locale | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id: Generated<string>;
  token_hash: string;
  csrf_token: string;
  user_id: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  revoked_at: NullableTimestamp;
}

export interface OperatorTokensTable {
  id: Generated<string>;
  name: string;
  token_hash: string;
  created_at: Generated<Date>;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface AssociationFailuresTable {
  id: Generated<string>;
  partner_account_id: string;
  target_tenant_id: string | null;
  failed_at: Timestamp;
}

export interface AuditEventsTable {
  id: Generated<string>;
  occurred_at: Timestamp;
  actor_type: 'user' | 'operator' | 'system';
  actor_id: string | null;
  partner_account_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
  request_id: string | null;
}

export interface SchemaMigrationsTable {
  version: string;
  name: string;
  checksum: string;
  applied_at: Generated<Date>;
}

export interface DB {
  tenants: TenantsTable;
  partner_accounts: PartnerAccountsTable;
  users: UsersTable;
  sessions: SessionsTable;
  operator_tokens: OperatorTokensTable;
  association_failures: AssociationFailuresTable;
  audit_events: AuditEventsTable;
  schema_migrations: SchemaMigrationsTable;
}
