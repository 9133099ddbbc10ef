import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import { systemContext, type RequestContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { validationFailed, type FieldProblem } from '../../platform/errors.ts';
import { findPartnerAccountByMpnId } from '../accounts/accounts.service.ts';
import { fromCents, toCents } from '../../platform/money.ts';
import { type Links } from './technical.context.ts';
import { changeSponsorship } from './sponsorships.model.ts';
import { syncSponsorships } from './sponsorship-rounds.service.ts';

/** Usage against sponsorship credits: recorded once per line and drawn down, the credit that expires first going first. */

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
