import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { sponsorshipRules } from '../eligibility/eligibility.service.ts';
import { type Links } from './technical.context.ts';
import { changeSponsorship, mail, sponsorships } from './sponsorships.model.ts';

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
