import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import { systemContext, type Member, type RequestContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { readPage, type Keyset, type PageRequest } from '../../platform/db/pages.ts';
import { AppError, notFound, validationFailed, type FieldProblem } from '../../platform/errors.ts';
import { t, type Locale } from '../../platform/i18n/i18n.ts';
import type { SponsorshipStatus } from '../../platform/values.ts';
import { findPartnerAccount, findPartnerAccountByMpnId, usersOfAccount } from '../accounts/accounts.service.ts';
import { marketingContactOfAccount } from '../benefits/benefits.service.ts';
import { sponsorshipRules, transitionEntitlements, type EntitlementReason } from '../eligibility/eligibility.service.ts';
import { enqueueEmail } from '../notifications/notifications.service.ts';
import { fromCents, toCents } from './money.ts';
import { isAllowedSponsorshipChange, type SponsorshipReason } from './technical.policy.ts';
import { requireRewardsAccount, type Links } from './technical-requests.service.ts';

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

const pick = (names: Record<string, string>, locale: Locale) => names[locale] ?? names['en-US'] ?? Object.values(names)[0] ?? '';

/** Who the sponsorship emails go to: the marketing contact, or the company account email while none is assigned. */
async function recipientOf(db: Db, accountId: string): Promise<{ email: string; locale: Locale; name: string } | null> {
  const contact = await marketingContactOfAccount(db, accountId);
  if (contact && !contact.needsReassignment) return { email: contact.email, locale: contact.preferredLanguage, name: contact.displayName };
  const account = await findPartnerAccount(db, accountId);
  if (!account) return null;
  // The company address has no language of its own: that of its user, when it is one, else English.
  const owner = (await usersOfAccount(db, accountId)).find((user) => user.email.toLowerCase() === account.companyEmail.toLowerCase());
  return { email: account.companyEmail, locale: owner?.locale ?? 'en-US', name: owner?.displayName ?? account.name };
}

const sponsorshipColumns = [
  's.id',
  's.partner_account_id as partnerAccountId',
  's.entitlement_id as benefitId',
  's.benefit_code as code',
  'b.names',
  's.amount_usd as amountUsd',
  's.remaining_usd as remainingUsd',
  's.term_months as termMonths',
  's.status',
  's.status_reason as statusReason',
  's.unlocked_at as unlockedAt',
  's.requested_at as requestedAt',
  's.subscription_id as subscriptionId',
  's.billing_type as billingType',
  's.active_from as activeFrom',
  's.expires_at as expiresAt',
  's.revision',
] as const;

const sponsorships = (db: Db) =>
  db
    .selectFrom('sponsorships as s')
    .innerJoin('entitlements as e', 'e.id', 's.entitlement_id')
    .innerJoin('program_benefits as b', (join) => join.onRef('b.version', '=', 'e.program_version').onRef('b.code', '=', 'e.benefit_code'))
    .select(sponsorshipColumns);
type SponsorshipRow = NonNullable<Awaited<ReturnType<ReturnType<typeof sponsorships>['executeTakeFirst']>>>;

/** The status as of `now`: a credit past its end shows as expired before the next round writes it down. */
const statusAt = (row: { status: SponsorshipStatus; expiresAt: Date | null }, now: Date): SponsorshipStatus =>
  (row.status === 'active' || row.status === 'unlocked') && row.expiresAt !== null && row.expiresAt <= now ? 'expired' : row.status;

function toView(row: SponsorshipRow, locale: Locale, now: Date) {
  const status = statusAt(row, now);
  return {
    id: row.id,
    benefitId: row.benefitId,
    code: row.code,
    name: pick(row.names, locale),
    amountUsd: row.amountUsd,
    remainingUsd: status === 'expired' || status === 'revoked' ? '0.00' : row.remainingUsd,
    termMonths: row.termMonths,
    status,
    statusReason: row.statusReason,
    unlockedAt: row.unlockedAt.toISOString(),
    requestedAt: row.requestedAt?.toISOString() ?? null,
    subscriptionId: row.subscriptionId,
    billingType: row.billingType,
    activeFrom: row.activeFrom?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revision: row.revision,
    abilities: { requestProvisioning: status === 'unlocked' },
  };
}
export type SponsorshipView = ReturnType<typeof toView>;

async function changeSponsorship(
  trx: Db,
  row: { id: string; status: SponsorshipStatus; benefitId: string },
  to: SponsorshipStatus,
  reason: SponsorshipReason,
  now: Date,
  set: Record<string, unknown> = {},
) {
  if (!isAllowedSponsorshipChange(row.status, to, reason)) {
    throw new AppError('TRANSITION_REFUSED', { logMessage: `sponsorship ${row.id}: ${row.status} -> ${to} (${reason}) is not allowed` });
  }
  await trx
    .updateTable('sponsorships')
    .set({ ...set, status: to, status_reason: reason, updated_at: now, revision: sql`revision + 1` })
    .where('id', '=', row.id)
    .execute();
  // The entitlement follows, through its own state machine.
  const entitlement: Partial<Record<SponsorshipReason, { to: 'activated' | 'available' | 'in-progress' | 'completed' | 'revoked'; reason: EntitlementReason }>> = {
    PROVISIONING_REQUESTED: { to: 'activated', reason: 'PROVISIONING_REQUESTED' },
    PROVISIONING_DECLINED: { to: 'available', reason: 'PROVISIONING_DECLINED' },
    SPONSORSHIP_STARTED: { to: 'in-progress', reason: 'SPONSORSHIP_STARTED' },
    CREDIT_EXHAUSTED: { to: 'completed', reason: 'CREDIT_EXHAUSTED' },
    TERM_ENDED: { to: 'completed', reason: 'TERM_ENDED' },
    SPONSORSHIP_MISUSE: { to: 'revoked', reason: 'SPONSORSHIP_MISUSE' },
  };
  const follow = entitlement[reason];
  if (follow) await transitionEntitlements(trx, [{ id: row.benefitId, to: follow.to, reason: follow.reason }], now);
}

async function mail(trx: Db, accountId: string, template: 'sponsorship-unlocked' | 'sponsorship-status' | 'sponsorship-low' | 'sponsorship-expiring', row: SponsorshipRow, links: Links, extra: Record<string, string | number | Date> = {}) {
  const recipient = await recipientOf(trx, accountId);
  const account = await findPartnerAccount(trx, accountId);
  if (!recipient || !account) return;
  const locale = recipient.locale;
  await enqueueEmail(trx, {
    template,
    recipient: recipient.email,
    locale,
    values: {
      name: recipient.name,
      account: account.name,
      sponsorship: pick(row.names, locale),
      amount: Number(row.amountUsd),
      remaining: Number(row.remainingUsd),
      termMonths: row.termMonths,
      expires: row.expiresAt ?? new Date(0),
      hasExpiry: row.expiresAt ? 'yes' : 'no',
      status: t(locale, `sponsorship.status.${row.status}`),
      isActive: row.status === 'active' ? 'yes' : 'no',
      reason: '',
      link: `${links.portalUrl}/rewards/sponsorships`,
      ...extra,
    },
  });
}

/**
 * Brings the sponsorships of the given accounts (all when omitted) up to date with their entitlements
 * and the clock: makes one for each newly unlocked sponsorship entitlement (with its credit entry and
 * the instructions email), follows an unlocked one whose entitlement expired or was revoked, ends
 * those past their term, and sends each low-balance and expiry warning once. Idempotent: run it as
 * often as you like (the server does every few seconds, and before a partner's page is read).
 */
export async function syncSponsorships(db: Db, now: Date, links: Links, accountIds?: readonly string[]): Promise<{ unlocked: number; warned: number; ended: number }> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const scope = accountIds ? sql`and e.partner_account_id = any(${[...accountIds]}::uuid[])` : sql``;
  const accountScope = accountIds ? sql`and s.partner_account_id = any(${[...accountIds]}::uuid[])` : sql``;
  return db.transaction().execute(async (trx) => {
    // Rounds may run at once (instances, a partner's read): each change below claims its rows in the
    // statement that makes it, so a credit is made once, ends once, and each warning is sent once.
    const { rows: created } = await sql<{ id: string; partner_account_id: string; amount_usd: string }>`
      insert into sponsorships (partner_account_id, entitlement_id, benefit_code, amount_usd, remaining_usd, term_months, status,
        status_reason, unlocked_at, expires_at, updated_at)
      select e.partner_account_id, e.id, e.benefit_code, (b.quantities ->> 'amountUsd')::numeric, (b.quantities ->> 'amountUsd')::numeric,
        (b.quantities ->> 'termMonths')::int, 'unlocked', e.status_reason, e.unlocked_at, e.expires_at, ${at}
      from entitlements e
      join program_benefits b on b.version = e.program_version and b.code = e.benefit_code and b.category = 'sponsorship'
      where e.status = 'available' and (e.expires_at is null or e.expires_at > ${at}) ${scope}
        and not exists (select 1 from sponsorships s where s.entitlement_id = e.id)
      order by e.partner_account_id, e.unlocked_at, e.id
      on conflict (entitlement_id) do nothing
      returning id, partner_account_id, amount_usd::text`.execute(trx);
    for (const sponsorship of created) {
      await trx
        .insertInto('sponsorship_ledger')
        .values({
          partner_account_id: sponsorship.partner_account_id,
          sponsorship_id: sponsorship.id,
          kind: 'credit',
          amount_usd: sponsorship.amount_usd,
          balance_usd: sponsorship.amount_usd,
          occurred_at: now,
        })
        .execute();
      const row = (await sponsorships(trx).where('s.id', '=', sponsorship.id).executeTakeFirst())!;
      await mail(trx, sponsorship.partner_account_id, 'sponsorship-unlocked', row, links);
      await recordAudit(trx, {
        actor: { type: 'system' },
        action: 'sponsorship.unlocked',
        partnerAccountId: sponsorship.partner_account_id,
        subjectType: 'sponsorship',
        subjectId: sponsorship.id,
        details: { amountUsd: sponsorship.amount_usd },
      });
    }

    // An unlocked credit follows its entitlement: expired unrequested, or revoked (sales proven fraudulent).
    const { rows: followed } = await sql<{ id: string; partner_account_id: string }>`
      update sponsorships s set
        status = case when e.status = 'revoked' then 'revoked' else 'expired' end,
        status_reason = case when e.status = 'revoked' then e.status_reason else 'VALIDITY_ENDED' end,
        remaining_usd = 0, updated_at = ${at}, revision = s.revision + 1
      from entitlements e
      where e.id = s.entitlement_id and s.status = 'unlocked' ${accountScope}
        and (e.status in ('expired', 'revoked') or (e.status = 'available' and e.expires_at <= ${at}))
      returning s.id, s.partner_account_id`.execute(trx);

    // Active credits past their term end; the entitlement is completed. Rows another round holds are its to end.
    const { rows: ending } = await sql<{ id: string }>`
      select id from sponsorships s where s.status = 'active' and s.expires_at <= ${at} ${accountScope}
      order by id for update skip locked`.execute(trx);
    const ended = ending.length === 0 ? [] : await sponsorships(trx).where('s.id', 'in', ending.map((row) => row.id)).execute();
    for (const row of ended) await changeSponsorship(trx, row, 'expired', 'TERM_ENDED', now);
    // What the rounds change on their own is audited too, as the system's.
    for (const [rows, action] of [
      [followed, 'sponsorship.ended-unrequested'],
      [ended, 'sponsorship.term-ended'],
    ] as const) {
      for (const row of rows) {
        const accountId = 'partnerAccountId' in row ? row.partnerAccountId : row.partner_account_id;
        await recordAudit(trx, { actor: { type: 'system' }, action, partnerAccountId: accountId, subjectType: 'sponsorship', subjectId: row.id });
      }
    }

    // Warnings, once each (the update claims them): a credit low on balance, a credit about to expire.
    const rules = await sponsorshipRules(trx);
    const soon = new Date(now.getTime() + rules.expiryWarningDays * 86_400_000);
    const { rows: low } = await sql<{ id: string }>`
      update sponsorships s set low_warning_at = ${at}
      where s.status = 'active' and s.low_warning_at is null and s.remaining_usd * 100 <= s.amount_usd * ${rules.lowBalancePercent} ${accountScope}
      returning s.id`.execute(trx);
    const { rows: expiring } = await sql<{ id: string }>`
      update sponsorships s set expiry_warning_at = ${at}
      where s.status = 'active' and s.expiry_warning_at is null and s.remaining_usd > 0
        and s.expires_at > ${at} and s.expires_at <= ${soon.toISOString()}::timestamptz ${accountScope}
      returning s.id`.execute(trx);
    for (const [claimed, template, extra] of [
      [low, 'sponsorship-low', { percent: rules.lowBalancePercent }],
      [expiring, 'sponsorship-expiring', { days: rules.expiryWarningDays }],
    ] as const) {
      if (claimed.length === 0) continue;
      for (const row of await sponsorships(trx).where('s.id', 'in', claimed.map((c) => c.id)).execute()) {
        await mail(trx, row.partnerAccountId, template, row, links, extra);
      }
    }
    return { unlocked: created.length, warned: low.length + expiring.length, ended: ended.length + followed.length };
  });
}

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
      name: pick(type.names, locale),
      allowed: type.allowed,
      refusal: type.refusals ? pick(type.refusals, locale) : null,
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
 * Asking again with the same subscription and billing type answers the request as it is.
 */
export async function requestProvisioning(
  db: Db,
  member: Member,
  id: string,
  input: { subscriptionId: string; billingType: string },
  ctx: RequestContext,
  links: Links,
  locale: Locale,
) {
  const accountId = requireRewardsAccount(member);
  const rules = await sponsorshipRules(db);
  const type = rules.billingTypes.find((candidate) => candidate.code === input.billingType);
  const fields: Record<string, FieldProblem> = {};
  if (!type) fields.billingType = { code: 'VALUE_NOT_ALLOWED' };
  else if (!type.allowed) fields.billingType = { code: 'BILLING_TYPE_EXCLUDED', values: { reason: type.refusals ? pick(type.refusals, locale) : '' } };
  if (Object.keys(fields).length > 0) throw validationFailed(fields);
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

const USAGE_CLOCK_SKEW_MS = 5 * 60_000;

export interface UsageLine {
  id: string;
  mpnId: string;
  subscriptionId: string;
  amountUsd: string;
  usedAt: string;
}

/**
 * Records usage lines and draws them down. Idempotent by line id: a line already recorded with the same
 * values is skipped (a re-sent batch changes nothing); the same id with other values refuses the whole
 * batch (422, the line named). Lines are drawn in the order of their time, then id; each draws on the
 * partner's credits active at its time, the one that expires first going first.
 */
export async function recordSponsorshipUsage(
  db: Db,
  lines: readonly UsageLine[],
  ctx: RequestContext,
  links: Links,
): Promise<{ received: number; recorded: number; duplicates: number; coveredUsd: string; uncoveredUsd: string }> {
  const { accounts, ...result } = await db.transaction().execute((trx) => drawUsage(trx, lines, ctx));
  // The warnings a draw may have earned (low balance), each once.
  if (accounts.length > 0) await syncSponsorships(db, ctx.now, links, accounts);
  return result;
}

/**
 * The work of recordSponsorshipUsage inside the caller's transaction (the CSV import's merge runs it
 * on its staged lines). `fieldOf` names a line's field in a refusal.
 */
export async function drawUsage(
  trx: Db,
  lines: readonly UsageLine[],
  ctx: RequestContext,
  fieldOf: (index: number, field: keyof UsageLine) => string = (index, field) => `items/${index}/${field}`,
) {
  const fields: Record<string, FieldProblem> = {};
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    if (seen.has(line.id)) fields[fieldOf(index, 'id')] = { code: 'DUPLICATE_ITEMS' };
    seen.add(line.id);
  });
  const accounts = new Map<string, string>();
  for (const mpnId of new Set(lines.map((line) => line.mpnId))) {
    const account = await findPartnerAccountByMpnId(trx, mpnId);
    if (account) accounts.set(mpnId, account.id);
  }
  lines.forEach((line, index) => {
    if (!accounts.has(line.mpnId)) fields[fieldOf(index, 'mpnId')] = { code: 'PARTNER_UNKNOWN' };
    if (toCents(line.amountUsd) === 0n) fields[fieldOf(index, 'amountUsd')] = { code: 'TOO_SMALL', values: { limit: '0.01' } };
    // Usage is what happened: a line from the future (beyond a few minutes of clock skew) is a mistake.
    if (new Date(line.usedAt).getTime() > ctx.now.getTime() + USAGE_CLOCK_SKEW_MS) fields[fieldOf(index, 'usedAt')] = { code: 'IN_FUTURE' };
  });
  if (Object.keys(fields).length > 0) throw validationFailed(fields);

  // One usage batch at a time (they are the team's, not the partners'): a line id is taken once, and
  // what was recorded before is read after the batch before it committed.
  await sql`select pg_advisory_xact_lock(727302)`.execute(trx);
  const ids = lines.map((line) => line.id);
  const existing = ids.length === 0 ? [] : await trx.selectFrom('sponsorship_usage').selectAll().where('line_id', 'in', ids).execute();
  const known = new Map(existing.map((row) => [row.line_id, row]));
  const fresh: (UsageLine & { accountId: string })[] = [];
  lines.forEach((line, index) => {
    const stored = known.get(line.id);
    const accountId = accounts.get(line.mpnId)!;
    if (!stored) return void fresh.push({ ...line, accountId });
    const same =
      stored.partner_account_id === accountId &&
      stored.subscription_id === line.subscriptionId.toLowerCase() &&
      toCents(stored.amount_usd) === toCents(line.amountUsd) &&
      stored.used_at.getTime() === new Date(line.usedAt).getTime();
    if (!same) fields[fieldOf(index, 'id')] = { code: 'USAGE_LINE_CHANGED' };
  });
  if (Object.keys(fields).length > 0) throw validationFailed(fields);
  fresh.sort((a, b) => new Date(a.usedAt).getTime() - new Date(b.usedAt).getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  let covered = 0n;
  let uncovered = 0n;
  const byAccount = new Map<string, typeof fresh>();
  for (const line of fresh) byAccount.set(line.accountId, [...(byAccount.get(line.accountId) ?? []), line]);
  for (const accountId of [...byAccount.keys()].sort()) {
    const accountLines = byAccount.get(accountId)!;
    // This account's credits, locked: two batches for one partner draw one after the other.
    const credits = await trx
      .selectFrom('sponsorships')
      .select(['id', 'entitlement_id as benefitId', 'status', 'remaining_usd', 'active_from', 'expires_at'])
      .where('partner_account_id', '=', accountId)
      .where('status', '=', 'active')
      .orderBy('id')
      .forUpdate()
      .execute();
    const balances = new Map(credits.map((credit) => [credit.id, toCents(credit.remaining_usd)]));
    // The documented order: the credit that expires first, then the one started first, then by id.
    const order = [...credits].sort(
      (a, b) => a.expires_at!.getTime() - b.expires_at!.getTime() || a.active_from!.getTime() - b.active_from!.getTime() || (a.id < b.id ? -1 : 1),
    );
    const ledger: { sponsorship_id: string | null; kind: 'usage' | 'uncovered'; usage_line_id: string; amount_usd: string; balance_usd: string | null }[] = [];
    for (const line of accountLines) {
      const usedAt = new Date(line.usedAt).getTime();
      let left = toCents(line.amountUsd);
      for (const credit of order) {
        if (left === 0n) break;
        const balance = balances.get(credit.id)!;
        if (balance === 0n || credit.active_from!.getTime() > usedAt || credit.expires_at!.getTime() <= usedAt) continue;
        const draw = balance < left ? balance : left;
        balances.set(credit.id, balance - draw);
        left -= draw;
        covered += draw;
        ledger.push({ sponsorship_id: credit.id, kind: 'usage', usage_line_id: line.id, amount_usd: fromCents(-draw), balance_usd: fromCents(balance - draw) });
      }
      if (left > 0n) {
        uncovered += left;
        ledger.push({ sponsorship_id: null, kind: 'uncovered', usage_line_id: line.id, amount_usd: fromCents(-left), balance_usd: null });
      }
    }
    await trx
      .insertInto('sponsorship_usage')
      .values(
        accountLines.map((line) => ({
          line_id: line.id,
          partner_account_id: accountId,
          subscription_id: line.subscriptionId.toLowerCase(),
          amount_usd: line.amountUsd,
          used_at: line.usedAt,
          recorded_at: ctx.now,
        })),
      )
      .execute();
    if (ledger.length > 0) {
      await trx.insertInto('sponsorship_ledger').values(ledger.map((entry) => ({ ...entry, partner_account_id: accountId, occurred_at: ctx.now }))).execute();
    }
    for (const credit of credits) {
      const balance = balances.get(credit.id)!;
      if (balance === toCents(credit.remaining_usd)) continue;
      await trx.updateTable('sponsorships').set({ remaining_usd: fromCents(balance), updated_at: ctx.now, revision: sql`revision + 1` }).where('id', '=', credit.id).execute();
      if (balance === 0n) await changeSponsorship(trx, { id: credit.id, status: 'active', benefitId: credit.benefitId }, 'exhausted', 'CREDIT_EXHAUSTED', ctx.now);
    }
    await recordAudit(trx, {
      actor: ctx.actor,
      action: 'sponsorship.usage-recorded',
      partnerAccountId: accountId,
      subjectType: 'sponsorship-usage',
      details: { lines: accountLines.length, lineIds: accountLines.slice(0, 20).map((line) => line.id) },
      requestId: ctx.requestId,
    });
  }
  return { received: lines.length, recorded: fresh.length, duplicates: lines.length - fresh.length, coveredUsd: fromCents(covered), uncoveredUsd: fromCents(uncovered), accounts: [...byAccount.keys()] };
}

/**
 * The CSV import's merge (imports/import-kinds.ts): the staged lines through drawUsage, in the
 * import's transaction. A refusal names its fields as `<line>:<column>`, for the import to report the
 * line. The warnings follow in the server's next sponsorship round.
 */
export async function mergeStagedUsage(trx: Db, table: string): Promise<{ inserted: number; updated: number; partnersAffected: number }> {
  const { rows } = await sql<{ line: number; id: string; mpn_id: string; subscription_id: string; amount_usd: string; used_at: Date }>`
    select line, id, mpn_id, subscription_id, amount_usd::text, used_at from ${sql.table(table)} order by line`.execute(trx);
  const lines = rows.map((row) => ({ id: row.id, mpnId: row.mpn_id, subscriptionId: row.subscription_id, amountUsd: row.amount_usd, usedAt: new Date(row.used_at).toISOString() }));
  const result = await drawUsage(trx, lines, systemContext(), (index, field) => `${rows[index]!.line}:${field}`);
  return { inserted: result.recorded, updated: 0, partnersAffected: result.accounts.length };
}
