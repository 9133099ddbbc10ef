import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { localized, type Locale } from '../../platform/i18n/i18n.ts';
import { toCents } from '../../platform/money.ts';
import type { ListingType } from '../../platform/values.ts';
import type { ProgramDefinition } from './program.ts';

/**
 * What loading a program definition would change, before it is loaded (issue #14): for every partner
 * account, its tier and the benefits it qualifies for under the version in force and under the new
 * one, from the same figures (the stored standing's trailing-twelve-months billed sales, the live
 * offers by type as they are). A benefit "gained" is one the recomputation after the load would
 * grant; one "lost" is no longer granted (entitlements already granted keep until they expire: the
 * engine never takes back a benefit because the program changed). It reads, and writes nothing.
 */

/** How many affected partners the answer lists by name (the counts cover all of them). */
export const PREVIEW_LISTED = 200;

type Published = Record<Exclude<ListingType, 'transact'>, Date | null>;

interface Standing {
  id: string;
  name: string;
  mpnId: string;
  ttmUsd: string;
  /** Per listing type, when its most recently published live offer was published (null: none live). */
  published: Published;
  stale: boolean;
}

/** `date` plus whole months, the last day of a shorter month kept (as PostgreSQL adds an interval of months). */
function addMonths(date: Date, months: number): Date {
  const day = date.getUTCDate();
  const result = new Date(date);
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const last = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, last));
  return result;
}

interface Qualification {
  tier: string | null;
  benefits: Set<string>;
}

/**
 * The tier a partner reaches with these sales, and the benefits it qualifies for (the engine's rules: a
 * tier's benefits and those below; an offer benefit for a live offer of its type, unless its validity,
 * counted from the offer's publication, is over by `now`).
 */
export function qualification(program: ProgramDefinition, ttmCents: bigint, published: Published, now: Date): Qualification {
  const reached = program.tiers.filter((tier) => toCents(tier.minBilledSalesUsd) <= ttmCents).sort((a, b) => Number(toCents(b.minBilledSalesUsd) - toCents(a.minBilledSalesUsd)));
  const tier = reached[0]?.code ?? null;
  const reachedCodes = new Set(reached.map((t) => t.code));
  const benefits = new Set<string>();
  for (const benefit of program.benefits) {
    if ('tier' in benefit.unlock) {
      if (reachedCodes.has(benefit.unlock.tier)) benefits.add(benefit.code);
      continue;
    }
    const at = published[benefit.unlock.listingType];
    if (at && (benefit.validityMonths === undefined || addMonths(at, benefit.validityMonths) > now)) benefits.add(benefit.code);
  }
  return { tier, benefits };
}

export interface PreviewTier {
  code: string;
  name: string;
}

export interface ProgramPreview {
  /** The version the preview compares with (null: none loaded yet). */
  basedOnVersion: number | null;
  /** The definition equals the version in force: loading it changes nothing. */
  identical: boolean;
  /** What the definition itself changes, each tier and benefit with its name in the reader's language. */
  definition: {
    tiersAdded: PreviewTier[];
    tiersRemoved: PreviewTier[];
    thresholdsChanged: { code: string; name: string; fromUsd: string; toUsd: string }[];
    benefitsAdded: PreviewTier[];
    benefitsRemoved: PreviewTier[];
  };
  partners: { total: number; tierUp: number; tierDown: number; gaining: number; losing: number; unchanged: number; staleStandings: number };
  benefits: { code: string; name: string; gaining: number; losing: number }[];
  affected: { mpnId: string; name: string; tierFrom: PreviewTier | null; tierTo: PreviewTier | null; gained: string[]; lost: string[] }[];
  affectedTotal: number;
}

async function standings(db: Db): Promise<Standing[]> {
  const rows = await db
    .selectFrom('partner_accounts as pa')
    .leftJoin('partner_eligibility as pe', 'pe.partner_account_id', 'pa.id')
    .select(['pa.id', 'pa.name', 'pa.mpn_id as mpnId', 'pe.billed_sales_ttm_usd as ttm', 'pe.dirty'])
    .orderBy('pa.name')
    .orderBy('pa.id')
    .execute();
  // The live offers as they are now, by type: when each type's latest was published.
  const offers = await sql<{ id: string; type: ListingType; latest: Date }>`
    select pa.id, o.listing_type as type, max(o.live_at) as latest
      from partner_accounts pa
      join publisher_profiles pp on pp.mpn_id = pa.mpn_id
      join offers o on o.publisher_profile_id = pp.id and o.status = 'live' and o.listing_type <> 'transact'
     group by pa.id, o.listing_type`.execute(db);
  const published = new Map<string, Published>();
  for (const row of offers.rows) {
    const entry = published.get(row.id) ?? { list: null, trial: null, consulting: null };
    entry[row.type as keyof Published] = new Date(row.latest);
    published.set(row.id, entry);
  }
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    mpnId: row.mpnId,
    ttmUsd: row.ttm ?? '0',
    published: published.get(row.id) ?? { list: null, trial: null, consulting: null },
    // Never computed, or marked for recomputation: its sales figure may miss a recent change.
    stale: row.dirty === null || row.dirty,
  }));
}

const rank = (program: ProgramDefinition, code: string | null) =>
  code === null ? -1n : toCents(program.tiers.find((tier) => tier.code === code)!.minBilledSalesUsd);

export async function previewProgram(
  db: Db,
  current: { version: number; definition: ProgramDefinition } | null,
  next: ProgramDefinition,
  identical: boolean,
  locale: Locale,
  now: Date,
): Promise<ProgramPreview> {
  const before = current?.definition ?? { ...next, tiers: [], benefits: [] };
  const tierName = (program: ProgramDefinition, code: string | null): PreviewTier | null => {
    const tier = code === null ? undefined : program.tiers.find((t) => t.code === code);
    return tier ? { code: tier.code, name: localized(tier.names, locale) } : null;
  };
  const counts = { total: 0, tierUp: 0, tierDown: 0, gaining: 0, losing: 0, unchanged: 0, staleStandings: 0 };
  const perBenefit = new Map<string, { gaining: number; losing: number }>();
  const affected: ProgramPreview['affected'] = [];
  let affectedTotal = 0;
  for (const partner of await standings(db)) {
    counts.total += 1;
    if (partner.stale) counts.staleStandings += 1;
    const cents = toCents(partner.ttmUsd);
    const was = qualification(before, cents, partner.published, now);
    const will = qualification(next, cents, partner.published, now);
    const gained = [...will.benefits].filter((code) => !was.benefits.has(code)).sort();
    const lost = [...was.benefits].filter((code) => !will.benefits.has(code)).sort();
    // Tiers compare by where they start: a renamed tier at the same threshold is no move.
    const from = rank(before, was.tier);
    const to = rank(next, will.tier);
    const tierChanged = was.tier !== will.tier || from !== to;
    if (tierChanged && to > from) counts.tierUp += 1;
    else if (tierChanged && to < from) counts.tierDown += 1;
    if (gained.length > 0) counts.gaining += 1;
    if (lost.length > 0) counts.losing += 1;
    for (const code of gained) perBenefit.set(code, { gaining: (perBenefit.get(code)?.gaining ?? 0) + 1, losing: perBenefit.get(code)?.losing ?? 0 });
    for (const code of lost) perBenefit.set(code, { gaining: perBenefit.get(code)?.gaining ?? 0, losing: (perBenefit.get(code)?.losing ?? 0) + 1 });
    if (!tierChanged && gained.length === 0 && lost.length === 0) {
      counts.unchanged += 1;
      continue;
    }
    affectedTotal += 1;
    if (affected.length < PREVIEW_LISTED) {
      affected.push({ mpnId: partner.mpnId, name: partner.name, tierFrom: tierName(before, was.tier), tierTo: tierName(next, will.tier), gained, lost });
    }
  }
  const benefitName = (code: string) => {
    const benefit = next.benefits.find((b) => b.code === code) ?? before.benefits.find((b) => b.code === code);
    return benefit ? localized(benefit.names, locale) : code;
  };
  const beforeTiers = new Map(before.tiers.map((tier) => [tier.code, tier]));
  const nextTiers = new Map(next.tiers.map((tier) => [tier.code, tier]));
  const beforeBenefits = new Set(before.benefits.map((b) => b.code));
  const nextBenefits = new Set(next.benefits.map((b) => b.code));
  return {
    basedOnVersion: current?.version ?? null,
    identical,
    definition: {
      tiersAdded: next.tiers.filter((tier) => !beforeTiers.has(tier.code)).map((tier) => ({ code: tier.code, name: localized(tier.names, locale) })),
      tiersRemoved: before.tiers.filter((tier) => !nextTiers.has(tier.code)).map((tier) => ({ code: tier.code, name: localized(tier.names, locale) })),
      thresholdsChanged: next.tiers.flatMap((tier) => {
        const old = beforeTiers.get(tier.code);
        return old && toCents(old.minBilledSalesUsd) !== toCents(tier.minBilledSalesUsd)
          ? [{ code: tier.code, name: localized(tier.names, locale), fromUsd: old.minBilledSalesUsd, toUsd: tier.minBilledSalesUsd }]
          : [];
      }),
      benefitsAdded: next.benefits.filter((b) => !beforeBenefits.has(b.code)).map((b) => ({ code: b.code, name: localized(b.names, locale) })),
      benefitsRemoved: before.benefits.filter((b) => !nextBenefits.has(b.code)).map((b) => ({ code: b.code, name: localized(b.names, locale) })),
    },
    partners: counts,
    benefits: [...perBenefit.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([code, change]) => ({ code, name: benefitName(code), ...change })),
    affected,
    affectedTotal,
  };
}
