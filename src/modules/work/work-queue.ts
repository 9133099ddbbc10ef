import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { readPage, type Keyset, type PageRequest } from '../../platform/db/pages.ts';
import { localized, type Locale } from '../../platform/i18n/i18n.ts';
import type { WorkKind, WorkState } from '../../platform/values.ts';

/**
 * The work queue read model: the items the Rewards team owes partners, read set-based from their owners'
 * tables as one list (ARCHITECTURE.md names it), soonest due first. Never written here: the owners
 * change their items (benefits, technical), this module keeps only who is assigned and the contacts made.
 *
 * When an item is due:
 * - an open activation: its own due time (a week after the partner activated, as the program promises);
 * - a technical request the team must answer (submitted, in review): TEAM_RESPONSE_DAYS after it entered
 *   that state; waiting on the partner (action-required): PARTNER_FOLLOW_UP_DAYS after, when the team asks
 *   again; scheduled: the time it was scheduled for;
 * - a sponsorship whose provisioning was asked for: PROVISIONING_DAYS after the request.
 */
export const TEAM_RESPONSE_DAYS = 2;
export const PARTNER_FOLLOW_UP_DAYS = 7;
export const PROVISIONING_DAYS = 5;

export interface WorkRow {
  kind: WorkKind;
  item_id: string;
  partner_account_id: string;
  entitlement_id: string;
  state: WorkState;
  opened_at: Date;
  due_at: Date;
  reference: string | null;
  contact_email: string;
}

/** Every open item, one row each, in the owners' own words (their states). */
export const openWork = sql<WorkRow>`(
  select 'activation' as kind, a.id as item_id, a.partner_account_id, a.entitlement_id, a.status as state,
         a.activated_at as opened_at, a.due_at, null::text as reference, a.contact_email
    from activations a
   where a.status = 'open'
  union all
  select 'technical-request', r.id, r.partner_account_id, r.entitlement_id, r.status, r.created_at,
         case r.status
           when 'scheduled' then coalesce(r.scheduled_at, entered.at + make_interval(days => ${TEAM_RESPONSE_DAYS}))
           when 'action-required' then entered.at + make_interval(days => ${PARTNER_FOLLOW_UP_DAYS})
           else entered.at + make_interval(days => ${TEAM_RESPONSE_DAYS})
         end,
         'TR-' || r.reference, r.contact_email
    from technical_requests r
   cross join lateral (
     select coalesce(max(ev.occurred_at), r.created_at) as at
       from technical_request_events ev
      where ev.request_id = r.id and ev.to_status = r.status
   ) entered
   where r.status in ('submitted', 'in-review', 'action-required', 'scheduled')
  union all
  select 'sponsorship', s.id, s.partner_account_id, s.entitlement_id, s.status, s.requested_at,
         s.requested_at + make_interval(days => ${PROVISIONING_DAYS}), null, coalesce(u.email, '')
    from sponsorships s
    left join users u on u.id = s.requested_by
   where s.status = 'requested' and s.requested_at is not null
)`;

/**
 * The partner's engagement manager, while her account is active: who works on its open items that
 * have no assignment of their own (issue #14: "the partner's engagement manager by default"). A
 * derived default, never written onto the items: naming another engagement manager moves every such
 * item at once, and an explicit assignment (to anyone) takes precedence.
 */
export const defaultAssignee = (partnerAccountId: ReturnType<typeof sql.ref>) => sql<string | null>`(
  select em.operator_id from work_engagement_managers em
    join operators eo on eo.id = em.operator_id and eo.disabled_at is null
   where em.partner_account_id = ${partnerAccountId})`;

const QUEUE: Keyset = {
  list: 'work-queue',
  keys: [
    { column: 'w.due_at', direction: 'asc', type: 'timestamptz' },
    { column: 'w.kind', direction: 'asc', type: 'text' },
    { column: 'w.item_id', direction: 'asc', type: 'uuid' },
  ],
};

export interface WorkFilters {
  kind?: readonly WorkKind[] | undefined;
  state?: WorkState | undefined;
  /** An MPN ID, or part of the partner's name. */
  partner?: string | undefined;
  benefit?: string | undefined;
  /** An operator's id, or `none` for unassigned work. */
  assignee?: string | undefined;
  overdue?: boolean | undefined;
  /** Only items not yet escalated for their current deadline (work-escalation.ts). */
  notEscalated?: boolean | undefined;
}

function queueQuery(db: Db, filters: WorkFilters, now: Date) {
  let query = db
    .selectFrom(openWork.as('w'))
    .innerJoin('partner_accounts as pa', 'pa.id', 'w.partner_account_id')
    .innerJoin('entitlements as e', 'e.id', 'w.entitlement_id')
    .innerJoin('program_benefits as b', (join) => join.onRef('b.version', '=', 'e.program_version').onRef('b.code', '=', 'e.benefit_code'))
    .leftJoin('work_assignments as wa', (join) => join.onRef('wa.kind', '=', 'w.kind').onRef('wa.item_id', '=', 'w.item_id'))
    .leftJoin('work_engagement_managers as em', 'em.partner_account_id', 'w.partner_account_id')
    .leftJoin('operators as emo', (join) => join.onRef('emo.id', '=', 'em.operator_id').on('emo.disabled_at', 'is', null))
    .leftJoin('operators as o', (join) => join.on(sql<boolean>`o.id = coalesce(wa.assignee_id, emo.id)`))
    .select([
      'w.kind',
      'w.item_id as itemId',
      'w.state',
      'w.opened_at as openedAt',
      'w.due_at as dueAt',
      'w.reference',
      'w.contact_email as contactEmail',
      'pa.id as partnerAccountId',
      'pa.name as partnerName',
      'pa.mpn_id as mpnId',
      'e.benefit_code as benefitCode',
      'b.names as benefitNames',
      'o.id as assigneeId',
      'o.display_name as assigneeName',
      sql<Date | null>`coalesce(wa.assigned_at, case when emo.id is not null then em.assigned_at end)`.as('assignedAt'),
      sql<boolean>`wa.assignee_id is null and emo.id is not null`.as('byDefault'),
    ])
    .select((eb) =>
      eb
        .selectFrom('work_contacts as c')
        .whereRef('c.kind', '=', 'w.kind')
        .whereRef('c.item_id', '=', 'w.item_id')
        .select((inner) => inner.fn.max('c.contacted_at').as('at'))
        .as('lastContactAt'),
    );
  if (filters.kind && filters.kind.length > 0) query = query.where('w.kind', 'in', [...filters.kind]);
  if (filters.state) query = query.where('w.state', '=', filters.state);
  if (filters.benefit) query = query.where('e.benefit_code', '=', filters.benefit);
  const partner = filters.partner?.trim();
  if (partner) {
    const pattern = `%${partner.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('pa.mpn_id', '=', partner), eb('pa.name', 'ilike', pattern)]));
  }
  if (filters.assignee === 'none') query = query.where('o.id', 'is', null);
  else if (filters.assignee) query = query.where('o.id', '=', filters.assignee);
  if (filters.overdue === true) query = query.where('w.due_at', '<', now);
  if (filters.overdue === false) query = query.where('w.due_at', '>=', now);
  // The claim is written at the millisecond the API shows (a due time may carry microseconds).
  if (filters.notEscalated) {
    query = query.where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('work_escalations as x')
            .select('x.item_id')
            .whereRef('x.kind', '=', 'w.kind')
            .whereRef('x.item_id', '=', 'w.item_id')
            .where('x.due_at', '=', sql<Date>`date_trunc('milliseconds', w.due_at)`),
        ),
      ),
    );
  }
  return query;
}

/** One page of the queue, soonest due first, each item with its time left (negative: overdue). */
export async function listWork(db: Db, filters: WorkFilters, page: PageRequest, now: Date, locale: Locale) {
  const result = await readPage(QUEUE, page, queueQuery(db, filters, now));
  return {
    items: result.items.map((row) => ({
      kind: row.kind,
      id: row.itemId,
      reference: row.reference,
      state: row.state,
      partner: { id: row.partnerAccountId, name: row.partnerName, mpnId: row.mpnId },
      benefit: { code: row.benefitCode, name: localized(row.benefitNames, locale) },
      contactEmail: row.contactEmail,
      openedAt: row.openedAt.toISOString(),
      dueAt: row.dueAt.toISOString(),
      overdue: row.dueAt.getTime() < now.getTime(),
      secondsLeft: Math.round((row.dueAt.getTime() - now.getTime()) / 1000),
      assignee: row.assigneeId ? { id: row.assigneeId, name: row.assigneeName ?? '', engagementManager: row.byDefault } : null,
      assignedAt: row.assignedAt?.toISOString() ?? null,
      lastContactAt: row.lastContactAt ? new Date(row.lastContactAt as unknown as string).toISOString() : null,
    })),
    nextCursor: result.nextCursor,
  };
}

/**
 * One open item (for assigning and recording contact): its partner, and its engagement manager's name when
 * it is hers by default; undefined when it is not open work.
 */
export async function findOpenWork(db: Db, kind: WorkKind, id: string, now: Date) {
  const row = await queueQuery(db, { kind: [kind] }, now).where('w.item_id', '=', id).executeTakeFirst();
  return row
    ? { partnerAccountId: row.partnerAccountId, state: row.state, openedAt: row.openedAt, engagementManager: row.byDefault ? row.assigneeName : null }
    : undefined;
}
