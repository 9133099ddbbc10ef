import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { refuseFieldProblems } from '../../platform/errors.ts';
import { isTimeZone } from '../../platform/i18n/time-zones.ts';
import { defaultAssignee, openWork } from './work-queue.ts';

/**
 * The console's dashboard (issue #14): how much work is open, due today and overdue, and how well the
 * program's promise is kept: of the activations of the last WINDOW_DAYS days, the median time to the
 * first contact and the share contacted within a week. Overall and per agent.
 *
 * - "Due today": due before the end of the caller's day (in their time zone), not yet overdue.
 * - An activation counts towards the share once it is decided: contacted, or a week old without a
 *   contact (then it was missed). One activated two days ago and not yet contacted is not counted yet.
 * - An activation is an agent's when she recorded its first contact in the console; one not yet
 *   contacted is its assignee's (or, unassigned, its partner's engagement manager's). Others (contacted through the operator API, unassigned) are counted
 *   overall and under "nobody" (operator null).
 */
export const WINDOW_DAYS = 30;
const WEEK = sql`interval '7 days'`;

interface Figures {
  open: number;
  dueToday: number;
  overdue: number;
  activations: number;
  contacted: number;
  contactedWithinWeek: number;
  decided: number;
  /** contactedWithinWeek / decided, or null with nothing decided. */
  withinWeekShare: number | null;
  medianSecondsToFirstContact: number | null;
}

const empty = (): Figures => ({ open: 0, dueToday: 0, overdue: 0, activations: 0, contacted: 0, contactedWithinWeek: 0, decided: 0, withinWeekShare: null, medianSecondsToFirstContact: null });

export async function dashboard(db: Db, now: Date, timeZone: string) {
  if (!isTimeZone(timeZone)) refuseFieldProblems({ timeZone: { code: 'TIME_ZONE_UNKNOWN' } });
  const from = new Date(now.getTime() - WINDOW_DAYS * 86_400_000);
  const endOfDay = sql<Date>`(date_trunc('day', ${now}::timestamptz at time zone ${timeZone}) + interval '1 day') at time zone ${timeZone}`;

  const workRows = await sql<{ agent: string | null; total: boolean; open: string; due_today: string; overdue: string }>`
    select who.agent, grouping(who.agent) = 1 as total,
           count(*) as open,
           count(*) filter (where w.due_at >= ${now} and w.due_at < ${endOfDay}) as due_today,
           count(*) filter (where w.due_at < ${now}) as overdue
      from ${openWork} w
      left join work_assignments wa on wa.kind = w.kind and wa.item_id = w.item_id
     cross join lateral (select coalesce(wa.assignee_id, ${defaultAssignee(sql.ref('w.partner_account_id'))}) as agent) who
     group by rollup (who.agent)`.execute(db);

  const activationRows = await sql<{ agent: string | null; total: boolean; activations: string; contacted: string; within_week: string; decided: string; median_seconds: number | null }>`
    with recent as (
      select a.activated_at, a.contacted_at,
             coalesce(
               (select c.operator_id from work_contacts c
                 where c.kind = 'activation' and c.item_id = a.id
                 order by c.contacted_at, c.recorded_at limit 1),
               case when a.contacted_at is null then coalesce(wa.assignee_id, ${defaultAssignee(sql.ref('a.partner_account_id'))}) end
             ) as agent
        from activations a
        left join work_assignments wa on wa.kind = 'activation' and wa.item_id = a.id
       where a.activated_at >= ${from} and a.activated_at < ${now}
    )
    select agent, grouping(agent) = 1 as total,
           count(*) as activations,
           count(*) filter (where contacted_at is not null) as contacted,
           count(*) filter (where contacted_at is not null and contacted_at - activated_at <= ${WEEK}) as within_week,
           count(*) filter (where contacted_at is not null or activated_at <= ${now}::timestamptz - ${WEEK}) as decided,
           percentile_cont(0.5) within group (order by extract(epoch from contacted_at - activated_at))
             filter (where contacted_at is not null) as median_seconds
      from recent
     group by rollup (agent)`.execute(db);

  const byAgent = new Map<string | null, Figures>();
  const overall = empty();
  const figuresOf = (agent: string | null, total: boolean) => {
    if (total) return overall;
    let figures = byAgent.get(agent);
    if (!figures) byAgent.set(agent, (figures = empty()));
    return figures;
  };
  for (const row of workRows.rows) Object.assign(figuresOf(row.agent, row.total), { open: Number(row.open), dueToday: Number(row.due_today), overdue: Number(row.overdue) });
  for (const row of activationRows.rows) {
    const decided = Number(row.decided);
    const within = Number(row.within_week);
    Object.assign(figuresOf(row.agent, row.total), {
      activations: Number(row.activations),
      contacted: Number(row.contacted),
      contactedWithinWeek: within,
      decided,
      withinWeekShare: decided > 0 ? within / decided : null,
      medianSecondsToFirstContact: row.median_seconds === null ? null : Math.round(Number(row.median_seconds)),
    });
  }

  const ids = [...byAgent.keys()].filter((id): id is string => id !== null);
  const names = ids.length > 0 ? await db.selectFrom('operators').select(['id', 'display_name as name']).where('id', 'in', ids).execute() : [];
  const nameOf = new Map(names.map((row) => [row.id, row.name]));
  const agents = [...byAgent.entries()]
    .map(([id, figures]) => ({ operator: id ? { id, name: nameOf.get(id) ?? '' } : null, ...figures }))
    .sort((a, b) => (a.operator === null ? 1 : b.operator === null ? -1 : a.operator.name.localeCompare(b.operator.name)));
  return { window: { from: from.toISOString(), to: now.toISOString(), days: WINDOW_DAYS }, timeZone, overall, agents };
}
