import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { EntitlementStatus } from '../../platform/values.ts';

/**
 * The entitlement state machine: the only code that writes `entitlements.status`
 * and `entitlement_events`. The allowed transitions are data (below); every
 * change goes through `transitionEntitlements` (or `grantEntitlements` for the
 * first, from nothing to available), inside the caller's transaction, and
 * writes exactly one event with its reason. A change the table does not allow
 * is refused with TRANSITION_REFUSED, and the caller's transaction with it.
 * Activation (benefits), the Rewards team's follow-up, the eligibility engine,
 * and what comes later (technical requests, sponsorships, the console) all
 * change entitlements here.
 */
export const ENTITLEMENT_TRANSITIONS = [
  { from: null, to: 'available', reasons: ['OFFER_PUBLISHED', 'TIER_REACHED', 'TIER_ANNIVERSARY'] },
  { from: 'available', to: 'expired', reasons: ['VALIDITY_ENDED'] },
  // Technical benefits (technical module): requests reserve from one; when nothing is left it is in progress,
  // a declined or cancelled request gives back, and it is completed when every request it holds is.
  { from: 'available', to: 'in-progress', reasons: ['FULLY_RESERVED'] },
  { from: 'in-progress', to: 'available', reasons: ['RESERVATION_RETURNED'] },
  // Sponsorships (technical module): provisioning requested, declined, started, used up or run out, revoked.
  { from: 'available', to: 'activated', reasons: ['ACTIVATED', 'PROVISIONING_REQUESTED'] },
  { from: 'activated', to: 'available', reasons: ['PROVISIONING_DECLINED'] },
  { from: 'activated', to: 'in-progress', reasons: ['CONTACTED', 'SPONSORSHIP_STARTED'] },
  { from: 'in-progress', to: 'completed', reasons: ['FULFILLED', 'CREDIT_EXHAUSTED', 'TERM_ENDED'] },
  { from: 'available', to: 'revoked', reasons: ['OFFER_DELISTED', 'PROFILE_RELINKED', 'FRAUDULENT_SALES', 'SPONSORSHIP_MISUSE'] },
  { from: 'activated', to: 'revoked', reasons: ['OFFER_DELISTED', 'PROFILE_RELINKED', 'SPONSORSHIP_MISUSE'] },
  { from: 'in-progress', to: 'revoked', reasons: ['SPONSORSHIP_MISUSE'] },
  // A Rewards manager's decision in the console (benefits/revocation.service.ts), with a reason code.
  { from: 'available', to: 'revoked', reasons: ['PROGRAM_TERMS_BREACH', 'FRAUD_SUSPECTED', 'GRANTED_IN_ERROR', 'PARTNER_REQUEST'] },
  { from: 'activated', to: 'revoked', reasons: ['PROGRAM_TERMS_BREACH', 'FRAUD_SUSPECTED', 'GRANTED_IN_ERROR', 'PARTNER_REQUEST'] },
  { from: 'in-progress', to: 'revoked', reasons: ['PROGRAM_TERMS_BREACH', 'FRAUD_SUSPECTED', 'GRANTED_IN_ERROR', 'PARTNER_REQUEST'] },
] as const satisfies readonly { from: EntitlementStatus | null; to: EntitlementStatus; reasons: readonly string[] }[];

type Transition = (typeof ENTITLEMENT_TRANSITIONS)[number];
export type EntitlementReason = Transition['reasons'][number];
export type GrantReason = Extract<Transition, { from: null }>['reasons'][number];

/** Whether an entitlement in `from` (null: not granted yet) may move to `to` for `reason`. */
export function isAllowedTransition(from: EntitlementStatus | null, to: EntitlementStatus, reason: string): boolean {
  return ENTITLEMENT_TRANSITIONS.some(
    (transition) => transition.from === from && transition.to === to && (transition.reasons as readonly string[]).includes(reason),
  );
}

export interface EntitlementChange {
  id: string;
  to: EntitlementStatus;
  reason: EntitlementReason;
}

function refused(from: EntitlementStatus | null, change: { to: EntitlementStatus; reason: string }, id?: string): AppError {
  return new AppError('TRANSITION_REFUSED', {
    logMessage: `entitlement ${id ?? '(new)'}: ${from ?? 'none'} -> ${change.to} (${change.reason}) is not an allowed transition`,
  });
}

/**
 * Moves entitlements to new statuses, each with its reason, at `at`: locks them, checks every change
 * against the table (all or none), writes the statuses and one event per change. Run it in the
 * transaction that decided the change. Returns the changes made (the same list).
 */
export async function transitionEntitlements(db: Db, changes: readonly EntitlementChange[], at: Date): Promise<readonly EntitlementChange[]> {
  if (changes.length === 0) return changes;
  const ids = changes.map((change) => change.id);
  if (new Set(ids).size !== ids.length) throw new Error('One entitlement changed twice in one call');
  const { rows } = await sql<{ id: string; status: EntitlementStatus }>`
    select id, status from entitlements where id = any(${ids}::uuid[]) order by id for update`.execute(db);
  const current = new Map(rows.map((row) => [row.id, row.status]));
  for (const change of changes) {
    const from = current.get(change.id);
    if (from === undefined) throw new AppError('NOT_FOUND', { logMessage: `entitlement ${change.id} does not exist` });
    if (!isAllowedTransition(from, change.to, change.reason)) throw refused(from, change, change.id);
  }
  const when = sql`${at.toISOString()}::timestamptz`;
  await sql`
    with change as (
      select * from unnest(${ids}::uuid[], ${changes.map((c) => c.to)}::text[], ${changes.map((c) => c.reason)}::text[]) as c(id, to_status, reason)),
    previous as (select e.id, e.status from entitlements e join change using (id)),
    changed as (
      update entitlements e set status = change.to_status, status_reason = change.reason, updated_at = ${when}
      from change where e.id = change.id
      returning e.id)
    insert into entitlement_events (entitlement_id, occurred_at, from_status, to_status, reason_code)
    select change.id, ${when}, previous.status, change.to_status, change.reason
    from change join previous using (id) join changed using (id)`.execute(db);
  return changes;
}

/**
 * Grants entitlements (nothing -> available): `candidates` selects rows with the columns
 * partner_account_id, benefit_code, program_version, source_key, offer_id, tier_code, status_reason,
 * unlocked_at, expires_at. A candidate whose (account, benefit, source_key) exists already is
 * skipped, so granting is idempotent. Every grant writes its event; a reason the table does not
 * allow for a grant refuses the whole call. Returns how many were granted.
 */
export async function grantEntitlements(db: Db, candidates: RawBuilder<unknown>, at: Date): Promise<number> {
  const when = sql`${at.toISOString()}::timestamptz`;
  const { rows } = await sql<{ reason: string; n: number }>`
    with candidate as (${candidates}),
    granted as (
      insert into entitlements (partner_account_id, benefit_code, program_version, source_key, offer_id, tier_code,
        status, status_reason, unlocked_at, expires_at)
      select partner_account_id, benefit_code, program_version, source_key, offer_id, tier_code,
        'available', status_reason, unlocked_at, expires_at
      from candidate
      on conflict (partner_account_id, benefit_code, source_key) do nothing
      returning id, status_reason),
    events as (
      insert into entitlement_events (entitlement_id, occurred_at, from_status, to_status, reason_code)
      select id, ${when}, null, 'available', status_reason from granted)
    select status_reason as reason, count(*)::int as n from granted group by status_reason`.execute(db);
  for (const row of rows) {
    if (!isAllowedTransition(null, 'available', row.reason)) throw refused(null, { to: 'available', reason: row.reason });
  }
  return rows.reduce((sum, row) => sum + row.n, 0);
}

/** An entitlement of an account with its benefit's category and names, locked when asked (for a change). */
export function findEntitlement(db: Db, partnerAccountId: string, id: string, options: { lock?: boolean } = {}) {
  let query = db
    .selectFrom('entitlements as e')
    .innerJoin('program_benefits as b', (join) => join.onRef('b.version', '=', 'e.program_version').onRef('b.code', '=', 'e.benefit_code'))
    .select(['e.id', 'e.benefit_code as benefitCode', 'e.status', 'e.unlocked_at as unlockedAt', 'e.expires_at as expiresAt', 'b.category', 'b.names', 'b.quantities'])
    .where('e.id', '=', id)
    .where('e.partner_account_id', '=', partnerAccountId);
  if (options.lock) query = query.forUpdate('e');
  return query.executeTakeFirst();
}

/**
 * An account's entitlements of one category with their benefit's names and quantities, oldest first
 * (locked in id order when asked, so two reservations never deadlock).
 */
export async function entitlementsOfCategory(db: Db, partnerAccountId: string, category: 'technical' | 'sponsorship', options: { lock?: boolean } = {}) {
  if (options.lock) {
    await db.selectFrom('entitlements').select('id').where('partner_account_id', '=', partnerAccountId).orderBy('id').forUpdate().execute();
  }
  return db
    .selectFrom('entitlements as e')
    .innerJoin('program_benefits as b', (join) => join.onRef('b.version', '=', 'e.program_version').onRef('b.code', '=', 'e.benefit_code'))
    .select([
      'e.id',
      'e.benefit_code as benefitCode',
      'e.status',
      'e.unlocked_at as unlockedAt',
      'e.expires_at as expiresAt',
      'b.names',
      'b.descriptions',
      'b.quantities',
      'b.phases',
    ])
    .where('e.partner_account_id', '=', partnerAccountId)
    .where('b.category', '=', category)
    .orderBy('e.unlocked_at')
    .orderBy('e.id')
    .execute();
}

/** Benefit codes of entitlements by id, for lists that name them (the Rewards team's queue). */
export async function benefitCodesOf(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('entitlements').select(['id', 'benefit_code']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((row) => [row.id, row.benefit_code]));
}
