import type { ColumnType, Generated } from 'kysely';

/** Row shapes of the tables the migrations create, for Kysely's typed queries. */

import type { Locale } from '../../../locales/locales.ts';
import type { Json, NullableTimestamp, Numeric, Timestamp } from './schema-columns.ts';
import type { OperatorRecoveryCodesTable, OperatorSessionsTable, OperatorsTable, WorkAssignmentsTable, WorkContactsTable, WorkEngagementManagersTable, WorkEscalationsTable } from './schema-operators.ts';
import type {
  SponsorshipLedgerTable,
  SponsorshipsTable,
  SponsorshipUsageTable,
  TechnicalRequestAttachmentsTable,
  TechnicalRequestEventsTable,
  TechnicalRequestMessagesTable,
  TechnicalRequestsTable,
} from './schema-technical.ts';
import type {
  BenefitCategory,
  EntitlementStatus,
  ListingType,
  OfferStatus,
  Role,
  SaleStatus,
  TechnicalPhase,
} from '../values.ts';

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
  /** The roles the tenant itself gave; roles return to these when its association ends. */
  own_roles: ColumnType<Role[], Role[] | undefined, Role[]>;
  /** The partner account that made this user in a tenant other than its admin's own, or null. */
  created_by_account_id: string | null;
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
  /** The user's tenant's association when the session began: the session ends with it. */
  tenant_associated_at: NullableTimestamp;
}

export interface OperatorTokensTable {
  id: Generated<string>;
  name: string;
  token_hash: string;
  created_at: Generated<Date>;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
  /** After this, the token is refused (null: no expiry). */
  expires_at: NullableTimestamp;
}

export interface SignInFailuresTable {
  username: string;
  failed_at: Timestamp;
}

export interface AssociationAttemptsTable {
  id: Generated<string>;
  partner_account_id: string;
  target_tenant_id: string | null;
  attempted_at: Timestamp;
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


export interface PublisherProfilesTable {
  id: string;
  name: string;
  mpn_id: string;
  updated_at: Timestamp;
}

export interface OffersTable {
  id: string;
  publisher_profile_id: string;
  name: string;
  listing_type: ListingType;
  status: OfferStatus;
  live_at: NullableTimestamp;
  delisted_at: NullableTimestamp;
  updated_at: Timestamp;
}

export interface BilledSalesTable {
  id: string;
  offer_id: string;
  amount_usd: Numeric;
  billed_at: Timestamp;
  status: SaleStatus;
  updated_at: Timestamp;
}

export interface ProgramVersionsTable {
  version: number;
  name: string;
  checksum: string;
  definition: Json<unknown>;
  loaded_at: Generated<Date>;
  /** Who loaded it: an operator's name, or null (the CLI, the bundled default). */
  loaded_by: string | null;
}

export interface ProgramTiersTable {
  version: number;
  code: string;
  min_billed_sales_usd: Numeric;
  names: Json<Record<string, string>>;
}

export interface ProgramBenefitsTable {
  version: number;
  code: string;
  category: BenefitCategory;
  names: Json<Record<string, string>>;
  descriptions: Json<Record<string, string>>;
  unlock_listing_type: ListingType | null;
  unlock_tier: string | null;
  recurrence: 'one-time' | 'evergreen';
  validity_months: number | null;
  quantities: Json<Record<string, string | number>>;
  /** The phases a technical benefit covers; null: every phase. */
  phases: TechnicalPhase[] | null;
}

export interface PartnerEligibilityTable {
  partner_account_id: string;
  program_version: number;
  live_list: number;
  live_trial: number;
  live_consulting: number;
  live_transact: number;
  billed_sales_ttm_usd: Numeric;
  fraudulent_ttm_usd: Numeric;
  tier_code: string | null;
  computed_at: Timestamp;
  dirty: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface EntitlementsTable {
  id: Generated<string>;
  partner_account_id: string;
  benefit_code: string;
  program_version: number;
  source_key: string;
  offer_id: string | null;
  tier_code: string | null;
  status: EntitlementStatus;
  status_reason: string;
  unlocked_at: Timestamp;
  expires_at: NullableTimestamp;
  updated_at: Timestamp;
}

export interface EntitlementEventsTable {
  id: Generated<string>;
  entitlement_id: string;
  occurred_at: Timestamp;
  from_status: EntitlementStatus | null;
  to_status: EntitlementStatus;
  reason_code: string;
}

export interface OutboxTable {
  id: Generated<string>;
  message_id: string;
  kind: string;
  recipient: string;
  /** The recipient's display name for the To: header; null without one. */
  recipient_name: string | null;
  locale: Locale;
  subject: string;
  text_body: string;
  html_body: string;
  status: ColumnType<'pending' | 'sending' | 'sent' | 'failed', 'pending' | 'sending' | 'sent' | 'failed' | undefined>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>;
  lease_until: NullableTimestamp;
  last_error: string | null;
  created_at: Generated<Date>;
  sent_at: NullableTimestamp;
}

export interface MarketingContactsTable {
  partner_account_id: string;
  /** Null once the user is removed: the contact then waits for reassignment. */
  user_id: string | null;
  email: string;
  phone: string;
  preferred_language: Locale;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface ActivationsTable {
  id: Generated<string>;
  entitlement_id: string;
  partner_account_id: string;
  activated_by: string | null;
  activated_at: Timestamp;
  due_at: Timestamp;
  contact_email: string;
  contact_language: Locale;
  status: ColumnType<'open' | 'contacted', 'open' | 'contacted' | undefined>;
  contacted_at: NullableTimestamp;
  contacted_note: string | null;
  escalated_at: NullableTimestamp;
}

export interface SchemaMigrationsTable {
  version: string;
  name: string;
  checksum: string;
  applied_at: Generated<Date>;
}

/** Platform's (http/idempotency.ts): the first answer to each Idempotency-Key of a creating POST. */
export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  fingerprint: string;
  status: number;
  body: string;
  created_at: Timestamp;
}

/** Technical benefits' (technical module): requests, their history, messages and files. */
export interface DB {
  operators: OperatorsTable;
  operator_recovery_codes: OperatorRecoveryCodesTable;
  operator_sessions: OperatorSessionsTable;
  work_assignments: WorkAssignmentsTable;
  work_engagement_managers: WorkEngagementManagersTable;
  work_contacts: WorkContactsTable;
  work_escalations: WorkEscalationsTable;
  tenants: TenantsTable;
  partner_accounts: PartnerAccountsTable;
  users: UsersTable;
  sessions: SessionsTable;
  operator_tokens: OperatorTokensTable;
  idempotency_keys: IdempotencyKeysTable;
  association_attempts: AssociationAttemptsTable;
  sign_in_failures: SignInFailuresTable;
  audit_events: AuditEventsTable;
  schema_migrations: SchemaMigrationsTable;
  publisher_profiles: PublisherProfilesTable;
  offers: OffersTable;
  billed_sales: BilledSalesTable;
  program_versions: ProgramVersionsTable;
  program_tiers: ProgramTiersTable;
  program_benefits: ProgramBenefitsTable;
  partner_eligibility: PartnerEligibilityTable;
  entitlements: EntitlementsTable;
  entitlement_events: EntitlementEventsTable;
  outbox: OutboxTable;
  marketing_contacts: MarketingContactsTable;
  activations: ActivationsTable;
  technical_requests: TechnicalRequestsTable;
  technical_request_events: TechnicalRequestEventsTable;
  technical_request_messages: TechnicalRequestMessagesTable;
  technical_request_attachments: TechnicalRequestAttachmentsTable;
  sponsorships: SponsorshipsTable;
  sponsorship_usage: SponsorshipUsageTable;
  sponsorship_ledger: SponsorshipLedgerTable;
}
