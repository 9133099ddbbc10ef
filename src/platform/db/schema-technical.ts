import type { Generated } from 'kysely';
import type { Locale } from '../../../locales/locales.ts';
import type { SolutionType, SponsorshipStatus, TechnicalPhase, TechnicalRequestStatus } from '../values.ts';
import type { NullableTimestamp, Timestamp } from './schema-columns.ts';

/** Row shapes of the technical benefits' tables (migration 0011): requests, their history, messages and files, and sponsorships. */

export interface TechnicalRequestsTable {
  id: Generated<string>;
  reference: Generated<string>;
  partner_account_id: string;
  entitlement_id: string;
  reserved_quantity: string;
  reserved_unit: 'hours' | 'requests';
  phase: TechnicalPhase;
  solution_type: SolutionType;
  offer_id: string;
  title: string;
  description: string;
  contact_user_id: string | null;
  contact_name: string;
  contact_email: string;
  contact_phone: string;
  contact_language: Locale;
  time_zone: string;
  status: TechnicalRequestStatus;
  revision: Generated<number>;
  scheduled_at: NullableTimestamp;
  submitted_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TechnicalRequestEventsTable {
  id: Generated<string>;
  request_id: string;
  occurred_at: Timestamp;
  from_status: TechnicalRequestStatus | null;
  to_status: TechnicalRequestStatus;
  actor_type: 'user' | 'operator' | 'system';
  actor_id: string | null;
  reason: string | null;
}

export interface TechnicalRequestMessagesTable {
  id: Generated<string>;
  request_id: string;
  author_type: 'user' | 'operator';
  author_id: string | null;
  author_name: string;
  body: string;
  created_at: Timestamp;
}

export interface TechnicalRequestAttachmentsTable {
  id: Generated<string>;
  request_id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  uploaded_by_type: 'user' | 'operator';
  uploaded_by: string | null;
  created_at: Timestamp;
}

/** Eligibility's (sponsorships.ts): one sponsorship per sponsorship entitlement, and its ledger. */
export interface SponsorshipsTable {
  id: Generated<string>;
  partner_account_id: string;
  entitlement_id: string;
  benefit_code: string;
  amount_usd: string;
  remaining_usd: string;
  term_months: number;
  status: SponsorshipStatus;
  status_reason: string | null;
  unlocked_at: Timestamp;
  expires_at: NullableTimestamp;
  requested_at: NullableTimestamp;
  requested_by: string | null;
  subscription_id: string | null;
  billing_type: string | null;
  active_from: NullableTimestamp;
  low_warning_at: NullableTimestamp;
  expiry_warning_at: NullableTimestamp;
  revision: Generated<number>;
  updated_at: Timestamp;
}

export interface SponsorshipUsageTable {
  line_id: string;
  partner_account_id: string;
  subscription_id: string;
  amount_usd: string;
  used_at: Timestamp;
  recorded_at: Timestamp;
}

export interface SponsorshipLedgerTable {
  id: Generated<string>;
  partner_account_id: string;
  sponsorship_id: string | null;
  kind: 'credit' | 'usage' | 'uncovered';
  usage_line_id: string | null;
  amount_usd: string;
  balance_usd: string | null;
  occurred_at: Timestamp;
}
