import type { Generated } from 'kysely';
import type { NullableTimestamp, Timestamp } from './schema-columns.ts';

/** Row shapes of the Rewards team's directory (migration 0013): operators, their recovery codes and sessions. */

export interface OperatorsTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  email: string;
  role: 'rewards-agent' | 'rewards-manager' | 'operator-admin';
  manager_id: string | null;
  locale: 'en-US' | 'nl-NL' | null;
  password_hash: string;
  totp_secret: string | null;
  totp_enrolled_at: NullableTimestamp;
  totp_last_step: number | null;
  created_at: Generated<Date>;
  disabled_at: NullableTimestamp;
}

export interface OperatorRecoveryCodesTable {
  id: Generated<string>;
  operator_id: string;
  code_hash: string;
  used_at: NullableTimestamp;
}

export interface OperatorSessionsTable {
  id: Generated<string>;
  token_hash: string;
  csrf_token: string;
  operator_id: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  second_factor_at: NullableTimestamp;
  second_factor_failures: Generated<number>;
  revoked_at: NullableTimestamp;
}

/** The console's work on other modules' items (migration 0014): who is assigned, and the contacts recorded. */
export type WorkKind = 'activation' | 'technical-request' | 'sponsorship';

export interface WorkAssignmentsTable {
  kind: WorkKind;
  item_id: string;
  assignee_id: string;
  assigned_by: string | null;
  assigned_at: Timestamp;
}

export interface WorkContactsTable {
  id: Generated<string>;
  kind: WorkKind;
  item_id: string;
  partner_account_id: string;
  channel: 'email' | 'phone' | 'meeting' | 'chat' | 'other';
  note: string;
  contacted_at: Timestamp;
  recorded_at: Timestamp;
  operator_id: string | null;
  recorded_by_name: string;
}

/** A partner's engagement manager (migration 0015): its open work's default assignee. */
export interface WorkEngagementManagersTable {
  partner_account_id: string;
  operator_id: string;
  assigned_by: string | null;
  assigned_at: Timestamp;
}

export interface WorkEscalationsTable {
  kind: WorkKind;
  item_id: string;
  due_at: Timestamp;
  escalated_at: Timestamp;
  recipient: string;
}
