import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { t, type Locale } from '../../platform/i18n/i18n.ts';
import { markActivationEscalated } from '../benefits/follow-up.service.ts';
import { enqueueEmail } from '../notifications/notifications.service.ts';
import { listWork } from './work-queue.ts';

/**
 * Overdue work escalates once per deadline (issue #14): to the assignee's manager, in the manager's
 * language; to REWARDS_TEAM_EMAIL (in English) when nobody is assigned or the assignee has no manager.
 * The `work_escalations` row is the claim: an item two instances find overdue at once is mailed by the
 * one whose insert went in, in the same transaction as the email's outbox row.
 */

export interface EscalationLinks {
  portalUrl: string;
}

const BATCH = 100;

export async function escalateOverdueWork(db: Db, teamEmail: string | null, now: Date, links: EscalationLinks): Promise<number> {
  return db.transaction().execute(async (trx) => {
    // The overdue items not yet escalated for their current deadline, soonest due first.
    const { items } = await listWork(trx, { overdue: true, notEscalated: true }, { limit: BATCH }, now, 'en-US');
    // The assignees' managers (active ones), read once for the batch.
    const assignees = [...new Set(items.flatMap((item) => (item.assignee ? [item.assignee.id] : [])))];
    const managers = assignees.length
      ? await trx
          .selectFrom('operators as o')
          .innerJoin('operators as m', 'm.id', 'o.manager_id')
          .select(['o.id as assigneeId', 'm.email', 'm.display_name as name', 'm.locale'])
          .where('o.id', 'in', assignees)
          .where('m.disabled_at', 'is', null)
          .execute()
      : [];
    const managerOf = new Map(managers.map((manager) => [manager.assigneeId, manager]));
    let sent = 0;
    for (const item of items) {
      const manager = item.assignee ? managerOf.get(item.assignee.id) : undefined;
      const recipient = manager ? { email: manager.email, name: manager.name, locale: manager.locale ?? 'en-US' } : teamEmail ? { email: teamEmail, name: null, locale: 'en-US' as Locale } : null;
      if (!recipient) continue;
      const claimed = await trx
        .insertInto('work_escalations')
        .values({ kind: item.kind, item_id: item.id, due_at: new Date(item.dueAt), escalated_at: now, recipient: recipient.email })
        .onConflict((oc) => oc.columns(['kind', 'item_id', 'due_at']).doNothing())
        .returning(sql<number>`1`.as('claimed'))
        .executeTakeFirst();
      if (!claimed) continue;
      const locale = recipient.locale;
      const name = recipient.name ?? t(locale, 'email.rewards-team');
      await enqueueEmail(trx, {
        template: 'work-overdue',
        recipient: recipient.email,
        recipientName: name,
        locale,
        values: {
          name,
          kind: t(locale, `email.work-overdue.kind.${item.kind}`, { reference: item.reference ?? '' }),
          account: item.partner.name,
          mpnId: item.partner.mpnId,
          benefit: item.benefit.code,
          due: new Date(item.dueAt),
          assignee: item.assignee?.name ?? t(locale, 'email.work-overdue.unassigned'),
          link: `${links.portalUrl}/console?kind=${item.kind}&partner=${item.partner.mpnId}`,
        },
      });
      if (item.kind === 'activation') await markActivationEscalated(trx, item.id, now);
      sent += 1;
    }
    return sent;
  });
}
