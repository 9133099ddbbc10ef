import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import { type Member, type RequestContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { readPage, type Keyset, type PageRequest } from '../../platform/db/pages.ts';
import { AppError, notFound, passedSchema, refuseFieldProblems, validationFailed, type FieldProblem, type SchemaProblems } from '../../platform/errors.ts';
import { t, type Locale } from '../../platform/i18n/i18n.ts';
import type { SponsorshipStatus } from '../../platform/values.ts';
import { findPartnerAccount } from '../accounts/accounts.service.ts';
import { sponsorshipRules } from '../eligibility/eligibility.service.ts';
import { fromCents, toCents } from '../../platform/money.ts';
import { requireRewardsAccount, type Links } from './technical.context.ts';
import { changeSponsorship, mail, sponsorships, statusAt, toView } from './sponsorships.model.ts';
import { syncSponsorships } from './sponsorship-rounds.service.ts';
import { localized } from './technical.context.ts';

export { syncSponsorships } from './sponsorship-rounds.service.ts';

/**
 * Sponsorships: the cloud credit a sponsorship benefit grants. One is made for each sponsorship
 * entitlement as soon as it is unlocked, and its instructions are mailed; the partner asks for it to be
 * provisioned on a subscription in the portal; the team starts it, and its term runs from that day.
 *
 * Credits stack: a new one never waits for the previous one. Usage lines (from the team, by API or CSV)
 * draw on the partner's credits that are active at the line's time, the one that expires first going
 * first (then the one started first); what no credit covers is recorded as uncovered (billed normally).
 * Every draw is a ledger entry with the balance after it, in exact cents.
 */

const OWN_SPONSORSHIPS: Keyset = {
  list: 'sponsorships',
  keys: [
    { column: 's.unlocked_at', direction: 'asc', type: 'timestamptz' },
    { column: 's.id', direction: 'asc', type: 'uuid' },
  ],
};

/** The partner's credits, oldest first, with what remains of each and in all (credits that can still be used). */
export async function listSponsorships(db: Db, member: Member, page: PageRequest, locale: Locale, now: Date, links: Links) {
  const accountId = requireRewardsAccount(member);
  await syncSponsorships(db, now, links, [accountId]);
  const result = await readPage(OWN_SPONSORSHIPS, page, sponsorships(db).where('s.partner_account_id', '=', accountId));
  const total = await db
    .selectFrom('sponsorships')
    .select(sql<string>`coalesce(sum(remaining_usd), 0)::text`.as('total'))
    .where('partner_account_id', '=', accountId)
    .where('status', 'in', ['unlocked', 'requested', 'active'])
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .executeTakeFirstOrThrow();
  const rules = await sponsorshipRules(db);
  return {
    items: result.items.map((row) => toView(row, locale, now)),
    nextCursor: result.nextCursor,
    totalRemainingUsd: fromCents(toCents(total.total)),
    billingTypes: rules.billingTypes.map((type) => ({
      code: type.code,
      name: localized(type.names, locale),
      allowed: type.allowed,
      refusal: type.refusals ? localized(type.refusals, locale) : null,
    })),
  };
}

const LEDGER: Keyset = { list: 'sponsorship-ledger', keys: [{ column: 'l.id', direction: 'desc', type: 'integer' }] };

/** The ledger, newest first: credits, the draws of each usage line, and what no credit covered. */
export async function listSponsorshipLedger(db: Db, member: Member, page: PageRequest) {
  const accountId = requireRewardsAccount(member);
  const result = await readPage(
    LEDGER,
    page,
    db
      .selectFrom('sponsorship_ledger as l')
      .leftJoin('sponsorship_usage as u', 'u.line_id', 'l.usage_line_id')
      .select([
        sql<string>`l.id::text`.as('id'),
        'l.sponsorship_id as sponsorshipId',
        'l.kind',
        'l.amount_usd as amountUsd',
        'l.balance_usd as balanceUsd',
        'l.usage_line_id as usageLineId',
        'u.subscription_id as subscriptionId',
        'u.used_at as usedAt',
        'l.occurred_at as occurredAt',
      ])
      .where('l.partner_account_id', '=', accountId),
  );
  return {
    items: result.items.map((row) => ({ ...row, usedAt: row.usedAt?.toISOString() ?? null, occurredAt: row.occurredAt.toISOString() })),
    nextCursor: result.nextCursor,
  };
}

async function findOwnSponsorship(db: Db, accountId: string, id: string) {
  await db.selectFrom('sponsorships').select('id').where('id', '=', id).where('partner_account_id', '=', accountId).forUpdate().executeTakeFirst();
  return sponsorships(db).where('s.id', '=', id).where('s.partner_account_id', '=', accountId).executeTakeFirst();
}

/**
 * The partner asks for a credit to be provisioned on a subscription, in the portal (not by a form sent
 * to an engagement manager). The billing type must be one the program allows; a refused one says why.
 * Asking again with the same subscription and billing type answers the request as it is. The schema's
 * problems (`schema`) and the billing type's come in one 422 (the billing type judged only when the
 * schema passed it), before anything is read or changed.
 */
export async function requestProvisioning(
  db: Db,
  member: Member,
  id: string,
  input: { subscriptionId: string; billingType: string },
  ctx: RequestContext,
  links: Links,
  locale: Locale,
  schema?: SchemaProblems,
) {
  const accountId = requireRewardsAccount(member);
  const fields: Record<string, FieldProblem> = { ...schema };
  if (passedSchema(schema, 'billingType')) {
    const rules = await sponsorshipRules(db);
    const type = rules.billingTypes.find((candidate) => candidate.code === input.billingType);
    if (!type) fields.billingType = { code: 'VALUE_NOT_ALLOWED' };
    else if (!type.allowed) fields.billingType = { code: 'BILLING_TYPE_EXCLUDED', values: { reason: type.refusals ? localized(type.refusals, locale) : '' } };
  }
  refuseFieldProblems(fields);
  const subscriptionId = input.subscriptionId.toLowerCase();
  return db.transaction().execute(async (trx) => {
    const row = await findOwnSponsorship(trx, accountId, id);
    if (!row) throw notFound();
    const status = statusAt(row, ctx.now);
    if (status === 'requested' && row.subscriptionId === subscriptionId && row.billingType === input.billingType) return toView(row, locale, ctx.now);
    if (status !== 'unlocked') {
      throw new AppError('SPONSORSHIP_NOT_REQUESTABLE', { values: { status: t(locale, `sponsorship.status.${status}`) } });
    }
    await changeSponsorship(trx, row, 'requested', 'PROVISIONING_REQUESTED', ctx.now, {
      requested_at: ctx.now,
      requested_by: member.userId,
      subscription_id: subscriptionId,
      billing_type: input.billingType,
    });
    const updated = (await sponsorships(trx).where('s.id', '=', id).executeTakeFirst())!;
    await mail(trx, accountId, 'sponsorship-status', updated, links);
    await recordAudit(trx, {
      actor: ctx.actor,
      action: 'sponsorship.provisioning-requested',
      partnerAccountId: accountId,
      subjectType: 'sponsorship',
      subjectId: id,
      details: { subscriptionId, billingType: input.billingType },
      requestId: ctx.requestId,
    });
    return toView(updated, locale, ctx.now);
  });
}

// ---- The Rewards team's side ----

const TEAM_QUEUE: Keyset = {
  list: 'team-sponsorships',
  keys: [
    { column: 's.unlocked_at', direction: 'asc', type: 'timestamptz' },
    { column: 's.id', direction: 'asc', type: 'uuid' },
  ],
};

export async function listSponsorshipsForTeam(db: Db, page: PageRequest & { status?: SponsorshipStatus | 'all' }, locale: Locale, now: Date) {
  let query = sponsorships(db).innerJoin('partner_accounts as pa', 'pa.id', 's.partner_account_id').select(['pa.name as partnerName', 'pa.mpn_id as mpnId']);
  const status = page.status ?? 'requested';
  if (status !== 'all') query = query.where('s.status', '=', status);
  const result = await readPage(TEAM_QUEUE, page, query);
  return { items: result.items.map((row) => ({ ...toView(row, locale, now), partnerName: row.partnerName, mpnId: row.mpnId })), nextCursor: result.nextCursor };
}

async function findAnySponsorship(db: Db, id: string) {
  await db.selectFrom('sponsorships').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  return sponsorships(db).where('s.id', '=', id).executeTakeFirst();
}

function refusedMove(locale: Locale, from: SponsorshipStatus) {
  return new AppError('TRANSITION_REFUSED', { messageId: 'error.TRANSITION_REFUSED.sponsorship', values: { status: t(locale, `sponsorship.status.${from}`) } });
}

/**
 * The team acts on a sponsorship: starts a requested one (its term runs from `activeFrom`), declines a
 * provisioning request (back to unlocked, with the reason mailed), or revokes it for misuse.
 */
export async function moveSponsorshipAsTeam(
  db: Db,
  id: string,
  input: { action: 'activate' | 'decline' | 'revoke'; activeFrom?: string | undefined; reason?: string | undefined },
  ctx: RequestContext,
  links: Links,
  locale: Locale,
) {
  return db.transaction().execute(async (trx) => {
    const row = await findAnySponsorship(trx, id);
    if (!row) throw notFound();
    const reason = input.reason?.trim() || '';
    if (input.action === 'activate') {
      if (row.status !== 'requested') throw refusedMove(locale, statusAt(row, ctx.now));
      if (!input.activeFrom) throw validationFailed({ activeFrom: { code: 'FIELD_REQUIRED' } });
      const activeFrom = new Date(input.activeFrom);
      // A credit cannot have run before it was unlocked (usage would be drawn from it that it never covered).
      if (activeFrom < row.unlockedAt) {
        throw validationFailed({ activeFrom: { code: 'NOT_BEFORE', values: { earliest: row.unlockedAt.toISOString() } } });
      }
      const { rows } = await sql<{ end: Date }>`select ${activeFrom.toISOString()}::timestamptz + make_interval(months => ${row.termMonths}) as end`.execute(trx);
      await changeSponsorship(trx, row, 'active', 'SPONSORSHIP_STARTED', ctx.now, { active_from: activeFrom, expires_at: rows[0]!.end });
    } else if (input.action === 'decline') {
      if (row.status !== 'requested') throw refusedMove(locale, statusAt(row, ctx.now));
      if (!reason) throw validationFailed({ reason: { code: 'FIELD_REQUIRED' } });
      await changeSponsorship(trx, row, 'unlocked', 'PROVISIONING_DECLINED', ctx.now, { requested_at: null, subscription_id: null, billing_type: null });
    } else {
      if (!['unlocked', 'requested', 'active'].includes(statusAt(row, ctx.now))) throw refusedMove(locale, statusAt(row, ctx.now));
      if (!reason) throw validationFailed({ reason: { code: 'FIELD_REQUIRED' } });
      await changeSponsorship(trx, row, 'revoked', 'SPONSORSHIP_MISUSE', ctx.now, { remaining_usd: '0' });
    }
    const updated = (await sponsorships(trx).where('s.id', '=', id).executeTakeFirst())!;
    await mail(trx, row.partnerAccountId, 'sponsorship-status', updated, links, { reason });
    await recordAudit(trx, {
      actor: ctx.actor,
      action: `sponsorship.${input.action}`,
      partnerAccountId: row.partnerAccountId,
      subjectType: 'sponsorship',
      subjectId: id,
      details: { from: row.status, to: updated.status, reason: reason || null, activeFrom: input.activeFrom ?? null },
      requestId: ctx.requestId,
    });
    const account = (await findPartnerAccount(trx, row.partnerAccountId))!;
    return { ...toView(updated, locale, ctx.now), partnerName: account.name, mpnId: account.mpnId };
  });
}
