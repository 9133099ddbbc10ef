import type { Actor } from '../context.ts';
import type { Db } from '../db/database.ts';

export type { Actor } from '../context.ts';

export interface AuditEntry {
  actor: Actor;
  action: string;
  partnerAccountId?: string | null;
  subjectType?: string;
  subjectId?: string;
  /** Never credentials: callers pass only what an auditor needs to read. */
  details?: Record<string, unknown>;
  requestId?: string;
}

export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      actor_type: entry.actor.type,
      actor_id: entry.actor.type === 'system' ? null : entry.actor.id,
      partner_account_id: entry.partnerAccountId ?? null,
      action: entry.action,
      subject_type: entry.subjectType ?? null,
      subject_id: entry.subjectId ?? null,
      details: JSON.stringify(entry.details ?? {}),
      request_id: entry.requestId ?? null,
    })
    .execute();
}

/**
 * How many times an account did one of these actions since `since`, and when the oldest of them was:
 * what a daily limit on an audited change counts (the audit log is append-only, so it is exact).
 */
export async function recentActions(db: Db, partnerAccountId: string, actions: readonly string[], since: Date): Promise<{ count: number; oldest: Date | null }> {
  const row = await db
    .selectFrom('audit_events')
    .select((eb) => [eb.fn.countAll<string>().as('count'), eb.fn.min('occurred_at').as('oldest')])
    .where('partner_account_id', '=', partnerAccountId)
    .where('action', 'in', [...actions])
    .where('occurred_at', '>', since)
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), oldest: row.oldest ? new Date(row.oldest) : null };
}
