import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Static } from 'typebox';
import type { BenefitList, RewardsSummary } from '../src/modules/eligibility/eligibility.schemas.ts';
import { recomputeEligibility } from '../src/modules/eligibility/eligibility.engine.ts';
import { DEFAULT_PROGRAM_PATH, type ProgramDefinition } from '../src/modules/eligibility/program.ts';
import type { ListingType, OfferStatus, SaleStatus } from '../src/platform/values.ts';
import { createPartner, ops, type PartnerFixture, type TestApp } from './helpers.ts';

/**
 * Fixtures for the eligibility tests: a partner with publisher profiles,
 * offers and billed sales sent through the operator API, and readers of what
 * the engine wrote. Every id carries the partner's MPN ID, so tests never share data.
 */
export const DAY = 86_400_000;

/** The bundled program definition, read afresh (a test may change its copy). */
export const defaultProgram = (): ProgramDefinition => JSON.parse(fs.readFileSync(DEFAULT_PROGRAM_PATH, 'utf8')) as ProgramDefinition;

/** The entitlements that tier benefits of the default program give at level 2 (levels 1 and 2). */
type BenefitDefinition = ProgramDefinition['benefits'][number];

/** A sales-and-marketing benefit to add to a definition: the monthly office hours of a tier, or a month-long boost of an offer type. */
export function officeHours(code: string, tier: string): BenefitDefinition {
  return {
    code,
    category: 'sales-marketing',
    unlock: { tier },
    recurrence: 'evergreen',
    names: { 'en-US': 'Marketing office hours', 'nl-NL': 'Spreekuur marketing' },
    descriptions: { 'en-US': 'A monthly call with the marketing team.', 'nl-NL': 'Een maandelijks gesprek met het marketingteam.' },
  };
}
export function monthlyBoost(code: string, listingType: 'list' | 'trial' | 'consulting', names: BenefitDefinition['names']): BenefitDefinition {
  return {
    code,
    category: 'sales-marketing',
    unlock: { listingType },
    recurrence: 'one-time',
    validityMonths: 1,
    names,
    descriptions: { 'en-US': 'A month of promotion.', 'nl-NL': 'Een maand promotie.' },
  };
}

export const LEVEL_2_TIER_BENEFITS = ['sponsorship-5k', 'technical-assistance', 'transact-launch-kit'];

export const daysAgo = (days: number, from: Date = new Date()) => new Date(from.getTime() - days * DAY);

/** `date + n months` as PostgreSQL computes it in UTC: the day of month is clamped to the target month's length. */
export function addMonthsUtc(date: Date, months: number): Date {
  const total = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(
      year,
      month,
      Math.min(date.getUTCDate(), lastDay),
      date.getUTCHours(),
      date.getUTCMinutes(),
      date.getUTCSeconds(),
      date.getUTCMilliseconds(),
    ),
  );
}

export async function putProfile(t: TestApp, id: string, mpnId: string, name = `Profile ${id}`) {
  const response = await ops(t, 'PUT', `/api/v1/ops/publisher-profiles/${id}`, { name, mpnId });
  assert.equal(response.statusCode, 200, response.body);
  return response.json<{ id: string; name: string; mpnId: string; created: boolean }>();
}

export interface OfferOptions {
  status?: OfferStatus;
  liveAt?: Date | null;
  delistedAt?: Date | null;
  name?: string;
}

export function offerBody(profileId: string, listingType: ListingType, options: OfferOptions = {}) {
  const status = options.status ?? 'live';
  const liveAt = options.liveAt === undefined ? (status === 'draft' ? null : daysAgo(1)) : options.liveAt;
  const delistedAt = options.delistedAt === undefined ? (status === 'delisted' ? new Date() : null) : options.delistedAt;
  return {
    publisherProfileId: profileId,
    name: options.name ?? `Offer ${listingType}`,
    listingType,
    status,
    liveAt: liveAt?.toISOString() ?? null,
    delistedAt: delistedAt?.toISOString() ?? null,
  };
}

export async function putOffer(t: TestApp, id: string, profileId: string, listingType: ListingType, options: OfferOptions = {}) {
  const response = await ops(t, 'PUT', `/api/v1/ops/offers/${id}`, offerBody(profileId, listingType, options));
  assert.equal(response.statusCode, 200, response.body);
  return response.json<{ id: string; status: OfferStatus; liveAt: string | null; created: boolean }>();
}

export interface SaleItem {
  id: string;
  offerId: string;
  amountUsd: string;
  billedAt: string;
  status: SaleStatus;
}

export const sale = (id: string, offerId: string, amountUsd: string, billedAt: Date = daysAgo(1), status: SaleStatus = 'billed'): SaleItem => ({
  id,
  offerId,
  amountUsd,
  billedAt: billedAt.toISOString(),
  status,
});

export interface IngestBody {
  received: number;
  inserted: number;
  updated: number;
  unchanged: number;
  partnersAffected: number;
}

export async function postSales(t: TestApp, items: SaleItem[]): Promise<IngestBody> {
  const response = await ops(t, 'POST', '/api/v1/ops/billed-sales', { items });
  assert.equal(response.statusCode, 200, response.body);
  return response.json<IngestBody>();
}

/** A partner account (users as given, none by default) with one publisher profile `pp-<mpnId>`. */
export interface Seller {
  partner: PartnerFixture;
  mpnId: string;
  accountId: string;
  profile: string;
  /** An id unique to this seller: `<prefix>-<mpnId>`. */
  id(prefix: string): string;
}

export async function createSeller(t: TestApp, people: Parameters<typeof createPartner>[1] = {}): Promise<Seller> {
  const partner = await createPartner(t, people);
  const profile = `pp-${partner.mpnId}`;
  await putProfile(t, profile, partner.mpnId, `Main ${partner.mpnId}`);
  return { partner, mpnId: partner.mpnId, accountId: partner.accountId, profile, id: (prefix) => `${prefix}-${partner.mpnId}` };
}

/** A seller with one live transact offer `tx-<mpnId>` and, if given, billed sales on it. */
export async function createTransactSeller(t: TestApp, amounts: string[] = [], people: Parameters<typeof createPartner>[1] = {}) {
  const seller = await createSeller(t, people);
  const offer = seller.id('tx');
  await putOffer(t, offer, seller.profile, 'transact');
  if (amounts.length > 0) await postSales(t, amounts.map((amount, i) => sale(seller.id(`s${i}`), offer, amount)));
  return { ...seller, offer };
}

export async function recompute(t: TestApp, partnerIds: string[], now: Date) {
  await t.database.db.transaction().execute((trx) => recomputeEligibility(trx, partnerIds, now));
}

export async function eligibilityOf(t: TestApp, accountId: string) {
  return t.database.db.selectFrom('partner_eligibility').selectAll().where('partner_account_id', '=', accountId).executeTakeFirst();
}

export async function entitlementsOf(t: TestApp, accountId: string) {
  return t.database.db
    .selectFrom('entitlements')
    .selectAll()
    .where('partner_account_id', '=', accountId)
    .orderBy('benefit_code')
    .orderBy('source_key')
    .execute();
}

export async function eventsOf(t: TestApp, entitlementId: string) {
  return t.database.db
    .selectFrom('entitlement_events')
    .select(['from_status', 'to_status', 'reason_code', 'occurred_at'])
    .where('entitlement_id', '=', entitlementId)
    .orderBy('occurred_at')
    .orderBy('to_status')
    .execute();
}

/** `code:status` of each entitlement, sorted: a compact view to compare. */
export const summaryOf = (rows: { benefit_code: string; status: string }[]) => rows.map((row) => `${row.benefit_code}:${row.status}`).sort();

export async function salesRows(t: TestApp, ids: string[]) {
  if (ids.length === 0) return [];
  return t.database.db.selectFrom('billed_sales').selectAll().where('id', 'in', ids).orderBy('id').execute();
}

/** GET /api/v1/ops/partners/{mpnId}/rewards, which must answer 200. */
export async function opsSummary(t: TestApp, mpnId: string) {
  const response = await ops(t, 'GET', `/api/v1/ops/partners/${mpnId}/rewards`);
  assert.equal(response.statusCode, 200, response.body);
  return response.json<Static<typeof RewardsSummary>>();
}

/** An item of GET /api/v1/rewards/benefits. */
export interface BenefitItem {
  id: string;
  code: string;
  category: string;
  name: string;
  description: string;
  status: string;
  offerId: string | null;
  unlockedAt: string;
  expiresAt: string | null;
}

/** The benefit codes of a list, sorted. */
export const codesOf = (items: { code: string }[]) => items.map((item) => item.code).sort();

/** GET /api/v1/ops/partners/{mpnId}/benefits, which must answer 200. */
export async function opsBenefits(t: TestApp, mpnId: string, query = '') {
  const response = await ops(t, 'GET', `/api/v1/ops/partners/${mpnId}/benefits${query}`);
  assert.equal(response.statusCode, 200, response.body);
  return response.json<Static<typeof BenefitList>>().items;
}

// ---------------------------------------------------------------------------
// CSV files, for the import tests (csv-import*.test.ts)

/** The header of a billed-sales CSV file. */
export const CSV_SALES_HEADER = 'id,offerId,amountUsd,billedAt,status';

/** A CSV line (fields as given, unquoted). */
export const csvLine = (...fields: string[]) => fields.join(',');

/** `days` ago as an ISO timestamp, a CSV field. */
export const csvDaysAgo = (days = 1) => daysAgo(days).toISOString();

/** A new temporary folder. */
export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'rewards-csv-'));
}

/** A temporary folder for a suite's CSV files: `open()` in before, `write()` a file in a test, `remove()` in after. */
export function csvFolder() {
  let dir: string | null = null;
  let files = 0;
  return {
    open: (): void => {
      dir = tempDir();
    },
    /** Writes the lines (each ended by `eol`) into a new file, and returns its path. */
    write: (lines: string[], eol = '\n'): string => {
      assert.ok(dir, 'csvFolder().open() first');
      files += 1;
      const file = path.join(dir, `file-${files}.csv`);
      fs.writeFileSync(file, lines.join(eol) + eol);
      return file;
    },
    remove: (): void => {
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
