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
