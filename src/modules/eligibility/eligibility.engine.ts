import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { grantEntitlements, transitionEntitlements, type EntitlementReason } from './entitlements.ts';
import { ensureProgram } from './program.ts';

/**
 * Recomputes the standing of the given partner accounts from their inputs,
 * set-based, for those accounts only: live offers by listing type, billed
 * sales over the trailing twelve months (refunded, cancelled and fraudulent
 * lines excluded), the tier; then grants, expires and revokes entitlements.
 * Every entitlement change goes through the state machine (entitlements.ts).
 * Run it inside the transaction that changed the inputs. It reads other
 * modules' tables (partner accounts, publisher profiles, offers, billed sales)
 * set-based, as the eligibility inputs read model (ARCHITECTURE.md), and writes
 * only eligibility's own.
 */
export async function recomputeEligibility(db: Db, partnerIds: readonly string[], now: Date = new Date()): Promise<void> {
  if (partnerIds.length === 0) return;
  const version = await ensureProgram(db);
  const ids = sql`${[...partnerIds]}::uuid[]`;
  const at = sql`${now.toISOString()}::timestamptz`;

  // Lock the accounts' standing rows (created if missing) before reading any input. A writer marks its
  // accounts dirty in the transaction that changes their inputs (markDirty), so either it waits for this
  // recompute and marks them again afterwards, or this waits for its commit and the next statement's
  // snapshot sees its data: a recompute can never clear a mark with figures that miss the change.
  await sql`
    insert into partner_eligibility (partner_account_id, program_version, computed_at, dirty)
    select id, ${version}, ${at}, true from partner_accounts where id = any(${ids}) order by id
    on conflict (partner_account_id) do nothing`.execute(db);
  await sql`select 1 from partner_eligibility where partner_account_id = any(${ids}) order by partner_account_id for update`.execute(db);

  await sql`
    insert into partner_eligibility as pe (partner_account_id, program_version, live_list, live_trial, live_consulting,
      live_transact, billed_sales_ttm_usd, fraudulent_ttm_usd, tier_code, computed_at, dirty)
    select pa.id, ${version}, coalesce(o.live_list, 0), coalesce(o.live_trial, 0), coalesce(o.live_consulting, 0),
      coalesce(o.live_transact, 0), coalesce(s.billed, 0), coalesce(s.fraudulent, 0),
      (select t.code from program_tiers t
        where t.version = ${version} and t.min_billed_sales_usd <= coalesce(s.billed, 0)
        order by t.min_billed_sales_usd desc limit 1),
      ${at}, false
    from partner_accounts pa
    left join lateral (
      select count(*) filter (where o.listing_type = 'list') as live_list,
             count(*) filter (where o.listing_type = 'trial') as live_trial,
             count(*) filter (where o.listing_type = 'consulting') as live_consulting,
             count(*) filter (where o.listing_type = 'transact') as live_transact
      from publisher_profiles pp join offers o on o.publisher_profile_id = pp.id
      where pp.mpn_id = pa.mpn_id and o.status = 'live') o on true
    left join lateral (
      select sum(bs.amount_usd) filter (where bs.status = 'billed') as billed,
             sum(bs.amount_usd) filter (where bs.status = 'fraudulent') as fraudulent
      from publisher_profiles pp
      join offers o on o.publisher_profile_id = pp.id
      join billed_sales bs on bs.offer_id = o.id
      where pp.mpn_id = pa.mpn_id and bs.billed_at > ${at} - interval '12 months' and bs.billed_at <= ${at}) s on true
    where pa.id = any(${ids})
    on conflict (partner_account_id) do update set
      program_version = excluded.program_version, live_list = excluded.live_list, live_trial = excluded.live_trial,
      live_consulting = excluded.live_consulting, live_transact = excluded.live_transact,
      billed_sales_ttm_usd = excluded.billed_sales_ttm_usd, fraudulent_ttm_usd = excluded.fraudulent_ttm_usd,
      tier_code = excluded.tier_code, computed_at = excluded.computed_at, dirty = false
  `.execute(db);

  // One set of one-time benefits each time an offer is published (its live_at marks the publication).
  await grantEntitlements(
    db,
    sql`
      select pa.id as partner_account_id, b.code as benefit_code, ${version}::int as program_version,
        'offer:' || o.id || ':' || floor(extract(epoch from o.live_at))::bigint as source_key, o.id as offer_id,
        null::text as tier_code, 'OFFER_PUBLISHED' as status_reason, o.live_at as unlocked_at,
        case when b.validity_months is null then null else o.live_at + make_interval(months => b.validity_months) end as expires_at
      from partner_accounts pa
      join publisher_profiles pp on pp.mpn_id = pa.mpn_id
      join offers o on o.publisher_profile_id = pp.id and o.status = 'live'
      join program_benefits b on b.version = ${version} and b.unlock_listing_type = o.listing_type
      where pa.id = any(${ids})
        -- Never granted already over (a benefit new in the program for an offer published long ago).
        and (b.validity_months is null or o.live_at + make_interval(months => b.validity_months) > ${at})`,
    now,
  );

  // Tier benefits: every tier up to the current one; a new set each year on the anniversary of the first.
  await grantEntitlements(
    db,
    sql`
      select pe.partner_account_id, b.code as benefit_code, ${version}::int as program_version,
        -- One set per benefit and year, whichever tier grants it: a benefit moved to another tier, or a tier
        -- renamed, by a new program version is not granted a second time in the same year.
        'tier:' || period.n as source_key, null::text as offer_id, t.code as tier_code,
        case when period.n = 0 then 'TIER_REACHED' else 'TIER_ANNIVERSARY' end as status_reason,
        coalesce(first.first_at, ${at}) + make_interval(years => period.n) as unlocked_at,
        coalesce(first.first_at, ${at}) + make_interval(years => period.n + 1) as expires_at
      from partner_eligibility pe
      join program_tiers cur on cur.version = ${version} and cur.code = pe.tier_code
      join program_tiers t on t.version = ${version} and t.min_billed_sales_usd <= cur.min_billed_sales_usd
      join program_benefits b on b.version = ${version} and b.unlock_tier = t.code
      left join lateral (
        select min(e.unlocked_at) as first_at from entitlements e
        where e.partner_account_id = pe.partner_account_id and e.benefit_code = b.code and e.tier_code is not null) first on true
      cross join lateral (
        select coalesce(extract(year from age(${at}, first.first_at))::int, 0) as n) period
      where pe.partner_account_id = any(${ids})`,
    now,
  );

  await changeStatus(
    db,
    now,
    'revoked',
    sql`
      select e.id, case when o.status <> 'live' then 'OFFER_DELISTED' else 'PROFILE_RELINKED' end as reason
      from entitlements e
      join offers o on o.id = e.offer_id
      join publisher_profiles pp on pp.id = o.publisher_profile_id
      join partner_accounts pa on pa.id = e.partner_account_id
      where e.partner_account_id = any(${ids}) and e.status in ('available', 'activated')
        and (o.status <> 'live' or pp.mpn_id <> pa.mpn_id)`,
  );

  // A tier reached in the last twelve months only thanks to sales later proven fraudulent is taken back.
  await changeStatus(
    db,
    now,
    'revoked',
    sql`
      select e.id, 'FRAUDULENT_SALES' as reason
      from entitlements e
      join partner_eligibility pe on pe.partner_account_id = e.partner_account_id
      join program_tiers t on t.version = e.program_version and t.code = e.tier_code
      where e.partner_account_id = any(${ids}) and e.status = 'available'
        and e.unlocked_at > ${at} - interval '12 months'
        and t.min_billed_sales_usd > pe.billed_sales_ttm_usd
        and t.min_billed_sales_usd <= pe.billed_sales_ttm_usd + pe.fraudulent_ttm_usd`,
  );

  await changeStatus(
    db,
    now,
    'expired',
    sql`
      select e.id, 'VALIDITY_ENDED' as reason from entitlements e
      where e.partner_account_id = any(${ids}) and e.status = 'available' and e.expires_at <= ${at}`,
  );
}

/** The entitlements `targets` selects (id, reason), moved to `to` through the state machine. */
async function changeStatus(db: Db, now: Date, to: 'revoked' | 'expired', targets: ReturnType<typeof sql>) {
  const { rows } = await sql<{ id: string; reason: EntitlementReason }>`${targets}`.execute(db);
  await transitionEntitlements(db, rows.map((row) => ({ id: row.id, to, reason: row.reason })), now);
}

/** Recomputes every account marked dirty (after a bulk import or a crash in one), in chunks. */
export async function recomputeDirty(db: Db, onChunk?: (done: number) => void, chunkSize = 2000): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await db
      .selectFrom('partner_eligibility')
      .select('partner_account_id')
      .where('dirty', '=', true)
      .limit(chunkSize)
      .execute();
    if (rows.length === 0) return done;
    await db.transaction().execute((trx) => recomputeEligibility(trx, rows.map((row) => row.partner_account_id)));
    done += rows.length;
    onChunk?.(done);
  }
}

/** Marks every account's standing for recomputation (a new program version applies to all). */
export async function markEveryoneDirty(db: Db): Promise<void> {
  await sql`update partner_eligibility set dirty = true where not dirty`.execute(db);
}

/** Marks accounts for recomputation, creating their row if they have none yet. */
export async function markDirty(db: Db, partnerIds: readonly string[]): Promise<void> {
  if (partnerIds.length === 0) return;
  const version = await ensureProgram(db);
  await sql`
    insert into partner_eligibility (partner_account_id, program_version, computed_at, dirty)
    select id, ${version}, now(), true from partner_accounts where id = any(${[...partnerIds]}::uuid[])
    -- In id order, as recomputeEligibility locks them, so the two never deadlock.
    order by id
    on conflict (partner_account_id) do update set dirty = true where not partner_eligibility.dirty`.execute(db);
}
