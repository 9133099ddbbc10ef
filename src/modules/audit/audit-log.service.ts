import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { readPage, type Keyset, type PageRequest } from '../../platform/db/pages.ts';

/**
 * The audit log as the Rewards team reads it (issue #14): newest first, filtered by actor, partner,
 * action and time, with each actor and partner named. A read model over `audit_events` (platform/audit
 * writes it, append-only) joined with the directories that name its actors; it never writes.
 */

export interface AuditFilters {
  /** An operator's, a token's or a user's id. */
  actorId?: string | undefined;
  actorType?: 'user' | 'operator' | 'system' | undefined;
  /** A partner's MPN ID. */
  mpnId?: string | undefined;
  /** An action, or the start of one ending in a dot ("work." is every work action). */
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const LOG: Keyset = {
  list: 'audit-log',
  keys: [
    { column: 'e.occurred_at', direction: 'desc', type: 'timestamptz' },
    { column: 'e.id', direction: 'desc', type: 'uuid' },
  ],
};

function logQuery(db: Db, filters: AuditFilters) {
  let query = db
    .selectFrom('audit_events as e')
    .leftJoin('partner_accounts as pa', 'pa.id', 'e.partner_account_id')
    .leftJoin('operators as o', (join) => join.onRef('o.id', '=', 'e.actor_id').on('e.actor_type', '=', 'operator'))
    .leftJoin('operator_tokens as tk', (join) => join.onRef('tk.id', '=', 'e.actor_id').on('e.actor_type', '=', 'operator'))
    .leftJoin('users as u', (join) => join.onRef('u.id', '=', 'e.actor_id').on('e.actor_type', '=', 'user'))
    .select([
      'e.id',
      'e.occurred_at as occurredAt',
      'e.actor_type as actorType',
      'e.actor_id as actorId',
      'e.action',
      'e.subject_type as subjectType',
      'e.subject_id as subjectId',
      'e.details',
      'e.request_id as requestId',
      'pa.id as partnerId',
      'pa.name as partnerName',
      'pa.mpn_id as mpnId',
      sql<string | null>`coalesce(o.display_name, case when tk.name is not null then 'token ' || tk.name end, u.display_name)`.as('actorName'),
    ]);
  if (filters.actorId) query = query.where('e.actor_id', '=', filters.actorId);
  if (filters.actorType) query = query.where('e.actor_type', '=', filters.actorType);
  if (filters.mpnId) query = query.where('pa.mpn_id', '=', filters.mpnId);
  if (filters.action) {
    const action = filters.action.trim();
    query = action.endsWith('.') ? query.where('e.action', 'like', `${action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : query.where('e.action', '=', action);
  }
  if (filters.from) query = query.where('e.occurred_at', '>=', new Date(filters.from));
  if (filters.to) query = query.where('e.occurred_at', '<', new Date(filters.to));
  return query;
}

type Row = Awaited<ReturnType<ReturnType<typeof logQuery>['execute']>>[number];

const toEvent = (row: Row) => ({
  id: row.id,
  occurredAt: row.occurredAt.toISOString(),
  actor: { type: row.actorType, id: row.actorId, name: row.actorName },
  partner: row.partnerId ? { id: row.partnerId, name: row.partnerName ?? '', mpnId: row.mpnId ?? '' } : null,
  action: row.action,
  subjectType: row.subjectType,
  subjectId: row.subjectId,
  details: row.details,
  requestId: row.requestId,
});

export async function listAuditEvents(db: Db, filters: AuditFilters, page: PageRequest) {
  const result = await readPage(LOG, page, logQuery(db, filters));
  return { items: result.items.map(toEvent), nextCursor: result.nextCursor };
}

/** At most this many rows in one export: narrow the filters (a time range) for more. */
export const EXPORT_MAX_ROWS = 100_000;
const EXPORT_PAGE = 200;

/**
 * A value as a CSV cell: quoted when it holds a comma, a quote or a line break; and one a spreadsheet
 * would run as a formula (=, +, -, @, or a tab or carriage return first) is given a leading apostrophe,
 * so it is read as text (OWASP's CSV injection advice).
 */
export function csvCell(value: string | null): string {
  if (value === null) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const CSV_COLUMNS = ['occurred_at', 'actor_type', 'actor_id', 'actor_name', 'partner_mpn_id', 'partner_name', 'action', 'subject_type', 'subject_id', 'details', 'request_id'];

/** The filtered log as CSV, newest first, a page of rows at a time (never the whole log in memory). */
export async function* auditCsv(db: Db, filters: AuditFilters): AsyncGenerator<string> {
  yield `${CSV_COLUMNS.join(',')}\r\n`;
  let cursor: string | null = null;
  let rows = 0;
  do {
    const page: { items: ReturnType<typeof toEvent>[]; nextCursor: string | null } = await listAuditEvents(db, filters, { limit: EXPORT_PAGE, ...(cursor ? { cursor } : {}) });
    const lines = page.items.map((event) =>
      [
        event.occurredAt,
        event.actor.type,
        event.actor.id,
        event.actor.name,
        event.partner?.mpnId ?? null,
        event.partner?.name ?? null,
        event.action,
        event.subjectType,
        event.subjectId,
        JSON.stringify(event.details),
        event.requestId,
      ]
        .map(csvCell)
        .join(','),
    );
    if (lines.length > 0) yield `${lines.join('\r\n')}\r\n`;
    rows += page.items.length;
    cursor = page.nextCursor;
  } while (cursor && rows < EXPORT_MAX_ROWS);
}
