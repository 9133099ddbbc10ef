import type { Db } from '../../platform/db/database.ts';
import { t } from '../../platform/i18n/i18n.ts';
import { AppError } from '../../platform/errors.ts';
import { CsvError } from './csv.ts';
import { isTimestamp, LISTING_TYPES, NAME_MAX_LENGTH, OFFER_STATUSES, PATTERN, SALE_STATUSES } from '../../platform/values.ts';
import {
  firstUnknownOfferInStaging,
  firstUnknownProfileInStaging,
  mergeStagedOffers,
  mergeStagedProfiles,
  offerProblems,
  type MergeResult,
} from '../catalog/catalog.service.ts';
import { mergeStagedSales } from '../sales/sales.service.ts';
import { mergeStagedUsage } from '../technical/sponsorship-usage.service.ts';

/**
 * What each import kind reads (CSV columns, and the rules each value must meet),
 * how it is staged (the staging table's columns, after `line`), what SQL checks
 * the staged rows against the database, and which service merges them.
 */
export type ImportKind = 'sales' | 'offers' | 'profiles' | 'sponsorship-usage';

/** Staged values, in the order of `staged`; null is SQL null. */
export type StagedValues = (string | null)[];

export interface KindSpec {
  columns: readonly string[];
  /** The values of `columns` (trimmed, in that order); throws an Error whose message names the column. */
  parse(values: readonly string[]): StagedValues;
  /** Column definitions of the staging table, after `line integer not null`. */
  staged: string;
  /** The first staged row the database refuses (a reference to a row that does not exist), or null. */
  check?(db: Db, table: string): Promise<{ line: number; problem: string } | null>;
  merge(db: Db, table: string): Promise<MergeResult>;
}

const MONEY = PATTERN.money;
const MPN = PATTERN.mpnId;
// No whitespace, and no NUL (PostgreSQL text cannot hold it), as the API's schema: checked here so a refusal names its line.
const ID = PATTERN.marketplaceId;
const SUBSCRIPTION = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;

// The form exports use, e.g. 2026-01-31T12:00:00Z: checked digit by digit (no Date, no match array) and passed on as written.
const PLAIN_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isPlainUtc(value: string): boolean {
  if (!PLAIN_UTC.test(value)) return false;
  const digits = (from: number, to: number) => {
    let n = 0;
    for (let i = from; i < to; i += 1) n = n * 10 + value.charCodeAt(i) - 48;
    return n;
  };
  const year = digits(0, 4);
  const month = digits(5, 7);
  const day = digits(8, 10);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  return year >= 1 && days !== undefined && day >= 1 && day <= days && digits(11, 13) <= 23 && digits(14, 16) <= 59 && digits(17, 19) <= 59;
}

function timestamp(value: string, column: string, optional = false): string | null {
  if (value === '' && optional) return null;
  // The common form needs no Date: PostgreSQL reads it as the same instant.
  if (isPlainUtc(value)) return value;
  // Any other form: exactly what the API's date-time takes (platform/values.ts).
  if (!isTimestamp(value)) throw new Error(`${column} "${value}" is not an ISO 8601 date-time such as 2026-01-31T12:00:00Z`);
  return new Date(value).toISOString();
}
function oneOf<T extends string>(value: string, column: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`${column} "${value}" is not one of ${allowed.join(', ')}`);
  return value as T;
}
/** A name as the tables take it: some non-space, 1 to 200 characters (code points), no NUL. */
function displayName(value: string, column: string): string {
  if (!/\S/.test(value) || value.includes('\u0000') || [...value].length > NAME_MAX_LENGTH) {
    throw new Error(`${column} "${value.slice(0, 40)}${value.length > 40 ? '…' : ''}" is not a name (1 to 200 characters)`);
  }
  return value;
}
function matching(value: string, column: string, pattern: RegExp, what: string): string {
  if (!pattern.test(value)) throw new Error(`${column} "${value}" is not ${what}`);
  return value;
}


export const SPECS: Record<ImportKind, KindSpec> = {
  sales: {
    columns: ['id', 'offerId', 'amountUsd', 'billedAt', 'status'],
    parse: ([id, offerId, amountUsd, billedAt, status]) => [
      matching(id!, 'id', ID, 'an id (1 to 100 characters, no spaces)'),
      matching(offerId!, 'offerId', ID, 'an offer id'),
      matching(amountUsd!, 'amountUsd', MONEY, 'an amount in dollars such as 1234.56'),
      timestamp(billedAt!, 'billedAt'),
      oneOf(status!, 'status', SALE_STATUSES),
    ],
    staged: 'id text not null, offer_id text not null, amount_usd numeric(16, 2) not null, billed_at timestamptz not null, status text not null',
    async check(db, table) {
      const unknown = await firstUnknownOfferInStaging(db, table);
      return unknown && { line: unknown.line, problem: `OFFER_UNKNOWN (no offer has the id "${unknown.id}")` };
    },
    merge: mergeStagedSales,
  },
  offers: {
    columns: ['id', 'publisherProfileId', 'name', 'listingType', 'status', 'liveAt', 'delistedAt'],
    parse: ([id, publisherProfileId, name, listingType, statusValue, liveAtValue, delistedAt]) => {
      const status = oneOf(statusValue!, 'status', OFFER_STATUSES);
      const liveAt = timestamp(liveAtValue!, 'liveAt', true);
      const delisted = timestamp(delistedAt!, 'delistedAt', true);
      // The offer rules of the API and bulk ingest (catalog's), with the column named as the message says.
      for (const [column, problem] of Object.entries(offerProblems({ status, liveAt, delistedAt: delisted }))) {
        throw new Error(`${column}: ${t('en-US', `field.${problem.code}`)}`);
      }
      return [
        matching(id!, 'id', ID, 'an id'),
        matching(publisherProfileId!, 'publisherProfileId', ID, 'a publisher profile id'),
        displayName(name!, 'name'),
        oneOf(listingType!, 'listingType', LISTING_TYPES),
        status,
        liveAt,
        delisted,
      ];
    },
    staged: `id text not null, publisher_profile_id text not null, name text not null, listing_type text not null,
      status text not null, live_at timestamptz, delisted_at timestamptz`,
    async check(db, table) {
      const unknown = await firstUnknownProfileInStaging(db, table);
      return unknown && { line: unknown.line, problem: `PUBLISHER_PROFILE_UNKNOWN (no publisher profile has the id "${unknown.id}")` };
    },
    merge: mergeStagedOffers,
  },
  profiles: {
    columns: ['id', 'name', 'mpnId'],
    parse: ([id, name, mpnId]) => [
      matching(id!, 'id', ID, 'an id'),
      displayName(name!, 'name'),
      matching(mpnId!, 'mpnId', MPN, 'an MPN ID (digits)'),
    ],
    staged: 'id text not null, name text not null, mpn_id text not null',
    merge: mergeStagedProfiles,
  },
  // Cloud usage against sponsorship credits, as the operator's billing export has it (POST /api/v1/ops/sponsorship-usage).
  'sponsorship-usage': {
    columns: ['id', 'mpnId', 'subscriptionId', 'amountUsd', 'usedAt'],
    parse: ([id, mpnId, subscriptionId, amountUsd, usedAt]) => [
      matching(id!, 'id', ID, 'an id (1 to 100 characters, no spaces)'),
      matching(mpnId!, 'mpnId', MPN, 'an MPN ID (digits)'),
      matching(subscriptionId!, 'subscriptionId', SUBSCRIPTION, 'a subscription id (a GUID)'),
      matching(amountUsd!, 'amountUsd', MONEY, 'an amount in dollars such as 1234.56'),
      timestamp(usedAt!, 'usedAt'),
    ],
    staged: 'id text not null, mpn_id text not null, subscription_id text not null, amount_usd numeric(16, 2) not null, used_at timestamptz not null',
    async merge(db, table) {
      try {
        return await mergeStagedUsage(db, table);
      } catch (error) {
        // The merge names a refused value `<line>:<column>`: reported as the other kinds report a line.
        const first = error instanceof AppError ? Object.entries(error.options.fields ?? {})[0] : undefined;
        if (!first) throw error;
        const [where, problem] = first;
        const [line, column] = where.split(':');
        throw new CsvError(Number(line), `${column}: ${t('en-US', `field.${problem.code}`, problem.values)} Nothing was imported`);
      }
    },
  },
};
