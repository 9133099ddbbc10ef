import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../server/errors.ts';
import type { RequestContext } from '../accounts/accounts.service.ts';
import { enqueueEmail } from '../notifications/outbox.ts';

/**
 * The Rewards team's side of an activation: the queue ordered by due time,
 * recording the contact, and one escalation email for each overdue activation.
 */
export async function listActivationsForTeam(db: Db, status: 'open' | 'contacted' | 'all', now: Date = new Date()) {
  let query = db
    .selectFrom('activations as a')
    .innerJoin('entitlements as e', 'e.id', 'a.entitlement_id')
    .innerJoin('partner_accounts as p', 'p.id', 'a.partner_account_id')
    .select([
      'a.id',
      'p.name as partnerName',
      'p.mpn_id as mpnId',
      'e.benefit_code as benefitCode',
      'a.activated_at as activatedAt',
      'a.due_at as dueAt',
      'a.contact_email as contactEmail',
      'a.contact_language as contactLanguage',
      'a.status',
      'a.contacted_at as contactedAt',
      'a.contacted_note as contactedNote',
      'a.escalated_at as escalatedAt',
    ]);
  if (status !== 'all') query = query.where('a.status', '=', status);
  const rows = await query.orderBy('a.due_at').orderBy('a.id').limit(1000).execute();
  return rows.map((row) => ({
    ...row,
    activatedAt: row.activatedAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
    contactedAt: row.contactedAt?.toISOString() ?? null,
    escalatedAt: row.escalatedAt?.toISOString() ?? null,
    overdue: row.status === 'open' && row.dueAt.getTime() < now.getTime(),
  }));
}

export async function recordContacted(db: Db, activationId: string, note: string, ctx: RequestContext) {
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('activations')
      .set({ status: 'contacted', contacted_at: new Date(), contacted_note: note.trim() })
      .where('id', '=', activationId)
      .where('status', '=', 'open')
      .returning(['id', 'partner_account_id as partnerAccountId', 'entitlement_id as entitlementId'])
      .executeTakeFirst();
    if (!updated) {
      const exists = await trx.selectFrom('activations').select('id').where('id', '=', activationId).executeTakeFirst();
      if (!exists) throw notFound();
      return { id: activationId, alreadyContacted: true };
    }
    await sql`
      with changed as (update entitlements set status = 'in-progress', status_reason = 'CONTACTED', updated_at = now()
        where id = ${updated.entitlementId} and status = 'activated' returning id)
      insert into entitlement_events (entitlement_id, from_status, to_status, reason_code)
      select id, 'activated', 'in-progress', 'CONTACTED' from changed`.execute(trx);
    await recordAudit(trx, {
      actor: ctx.actor,
      action: 'activation.contacted',
      partnerAccountId: updated.partnerAccountId,
      subjectType: 'activation',
      subjectId: activationId,
      details: { note: note.trim() },
      requestId: ctx.requestId,
    });
    return { id: activationId, alreadyContacted: false };
  });
}

/** One escalation email per overdue activation, to the Rewards team's address; safe across instances. */
export async function escalateOverdue(db: Db, teamEmail: string | null, now: Date = new Date()): Promise<number> {
  if (!teamEmail) return 0;
  return db.transaction().execute(async (trx) => {
    const overdue = await sql<{ id: string; partner: string; mpn_id: string; benefit_code: string; due_at: Date; contact_email: string }>`
      select a.id, p.name as partner, p.mpn_id, e.benefit_code, a.due_at, a.contact_email
      from activations a join partner_accounts p on p.id = a.partner_account_id join entitlements e on e.id = a.entitlement_id
      where a.status = 'open' and a.escalated_at is null and a.due_at < ${now.toISOString()}::timestamptz
      order by a.due_at limit 100
      for update of a skip locked`.execute(trx);
    for (const row of overdue.rows) {
      await enqueueEmail(trx, {
        template: 'activation-overdue',
        recipient: teamEmail,
        locale: 'en-US',
        values: { account: row.partner, mpnId: row.mpn_id, benefit: row.benefit_code, due: row.due_at, contact: row.contact_email },
      });
      await trx.updateTable('activations').set({ escalated_at: now }).where('id', '=', row.id).execute();
    }
    return overdue.rows.length;
  });
}
