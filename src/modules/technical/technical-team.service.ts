import { recordAudit } from '../../platform/audit/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { readPage, type Keyset, type PageRequest } from '../../platform/db/pages.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { type Locale } from '../../platform/i18n/i18n.ts';
import { type TechnicalRequestStatus } from '../../platform/values.ts';
import { findPartnerAccount } from '../accounts/accounts.service.ts';
import { CLOSED_STATUSES, operatorMoves } from './technical.policy.ts';
import { type Links } from './technical.context.ts';
import { requests, toSummary, detailOf, findAnyRequest, mailContact, addMessage } from './request-store.ts';
import { moveRequest } from './technical-requests.service.ts';

/** The Rewards team's side of technical requests (operator API; the console issue gives it pages). */

const QUEUE: Keyset = {
  list: 'team-technical-requests',
  keys: [
    { column: 'r.created_at', direction: 'asc', type: 'timestamptz' },
    { column: 'r.reference', direction: 'asc', type: 'integer' },
  ],
};

export async function listTechnicalRequestsForTeam(db: Db, page: PageRequest & { status?: TechnicalRequestStatus | 'open' | 'all' }) {
  let query = requests(db)
    .innerJoin('partner_accounts as pa', 'pa.id', 'r.partner_account_id')
    .select(['pa.name as partnerName', 'pa.mpn_id as mpnId', 'r.contact_email as contactEmail']);
  const status = page.status ?? 'open';
  if (status === 'open') query = query.where('r.status', 'not in', [...CLOSED_STATUSES]);
  else if (status !== 'all') query = query.where('r.status', '=', status);
  const result = await readPage(QUEUE, page, query);
  return {
    items: result.items.map((row) => ({ ...toSummary(row), partnerName: row.partnerName, mpnId: row.mpnId, contactEmail: row.contactEmail, moves: operatorMoves(row.status) })),
    nextCursor: result.nextCursor,
  };
}

export async function getTechnicalRequestForTeam(db: Db, id: string, locale: Locale) {
  const row = await findAnyRequest(db, id);
  if (!row) throw notFound();
  return { ...(await detailOf(db, row, locale)), moves: operatorMoves(row.status) };
}

export async function moveTechnicalRequestAsTeam(
  db: Db,
  id: string,
  input: { to: TechnicalRequestStatus; reason?: string | undefined; scheduledAt?: string | undefined; revision?: number | undefined },
  ctx: RequestContext,
  links: Links,
  locale: Locale,
  operatorName: string,
) {
  return db.transaction().execute(async (trx) => {
    const row = await findAnyRequest(trx, id, { lock: true });
    if (!row) throw notFound();
    const detail = await moveRequest(trx, row, input.to, 'operator', input, ctx, links, locale, operatorName);
    return { ...detail, moves: operatorMoves(detail.status) };
  });
}

export async function postTechnicalRequestMessageAsTeam(db: Db, id: string, body: string, ctx: RequestContext, links: Links, locale: Locale, operatorName: string) {
  return db.transaction().execute(async (trx) => {
    const row = await findAnyRequest(trx, id, { lock: true });
    if (!row) throw notFound();
    if (CLOSED_STATUSES.includes(row.status)) throw new AppError('REQUEST_CLOSED');
    await addMessage(trx, row, body, ctx, operatorName);
    const account = (await findPartnerAccount(trx, row.partnerAccountId))!;
    await mailContact(trx, row, account, links, 'message');
    await recordAudit(trx, { actor: ctx.actor, action: 'technical-request.message', partnerAccountId: row.partnerAccountId, subjectType: 'technical-request', subjectId: id, requestId: ctx.requestId });
    return { ...(await detailOf(trx, row, locale)), moves: operatorMoves(row.status) };
  });
}
