/**
 * The domain's vocabulary, written once: every enum and pattern that more than
 * one place checks. The TypeBox schemas (platform/http/schemas.ts and the
 * modules' *.schemas.ts), the CSV imports, the CLI and the row types
 * (db/schema.ts) all take them from here, so a rule cannot differ between the
 * API and an import.
 */

export const ROLES = ['global-admin', 'account-admin', 'mpn-partner-admin', 'admin-agent', 'user'] as const;
export type Role = (typeof ROLES)[number];

/** The Rewards team's roles (issue #14), each able to do what the one before it may, and more. */
export const OPERATOR_ROLES = ['rewards-agent', 'rewards-manager', 'operator-admin'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

/** The console's queues (issue #14): the kinds of work the Rewards team owes partners. */
export const WORK_KINDS = ['activation', 'technical-request', 'sponsorship'] as const;
export type WorkKind = (typeof WORK_KINDS)[number];
/** The open states of each kind, in their owners' words: an activation's, a technical request's, a sponsorship's. */
export const WORK_STATES = ['open', 'submitted', 'in-review', 'action-required', 'scheduled', 'requested'] as const;
export type WorkState = (typeof WORK_STATES)[number];
/** Why a Rewards manager withdraws a benefit (the partner is told, in their language). */
export const REVOCATION_REASONS = ['PROGRAM_TERMS_BREACH', 'FRAUD_SUSPECTED', 'GRANTED_IN_ERROR', 'PARTNER_REQUEST'] as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[number];
/** How a contact with the partner was made. */
export const CONTACT_CHANNELS = ['email', 'phone', 'meeting', 'chat', 'other'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const LISTING_TYPES = ['list', 'trial', 'consulting', 'transact'] as const;
export type ListingType = (typeof LISTING_TYPES)[number];

export const OFFER_STATUSES = ['draft', 'live', 'delisted'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export const SALE_STATUSES = ['billed', 'refunded', 'cancelled', 'fraudulent'] as const;
export type SaleStatus = (typeof SALE_STATUSES)[number];
/** The sale statuses that do not count towards billed sales (the explanation lists them). */
export type ExcludedSaleStatus = Exclude<SaleStatus, 'billed'>;

export const BENEFIT_CATEGORIES = ['sales-marketing', 'technical', 'sponsorship'] as const;
export type BenefitCategory = (typeof BENEFIT_CATEGORIES)[number];

export const ENTITLEMENT_STATUSES = ['available', 'activated', 'in-progress', 'completed', 'expired', 'revoked'] as const;
export type EntitlementStatus = (typeof ENTITLEMENT_STATUSES)[number];

/** Technical assistance requests (issue #12): the phases and solution types the seed names, and their lifecycle. */
export const TECHNICAL_PHASES = ['presales', 'design', 'deployment', 'app-development'] as const;
export type TechnicalPhase = (typeof TECHNICAL_PHASES)[number];
export const SOLUTION_TYPES = ['cloud', 'hybrid'] as const;
export type SolutionType = (typeof SOLUTION_TYPES)[number];
export const TECHNICAL_REQUEST_STATUSES = ['submitted', 'in-review', 'action-required', 'scheduled', 'completed', 'declined', 'cancelled'] as const;
export type TechnicalRequestStatus = (typeof TECHNICAL_REQUEST_STATUSES)[number];

export const SPONSORSHIP_STATUSES = ['unlocked', 'requested', 'active', 'exhausted', 'expired', 'revoked'] as const;
export type SponsorshipStatus = (typeof SPONSORSHIP_STATUSES)[number];

/** Patterns as JSON Schema writes them (TypeBox `pattern`), and as RegExps for code that checks without a schema. */
export const PATTERNS = {
  /** Digits only, as Partner Center shows it. */
  mpnId: '^[0-9]{1,12}$',
  /**
   * US dollars as an exact decimal string with at most two decimals, below a billion for one amount:
   * a partner's totals (numeric(24,2)) then hold any number of lines, where amounts up to the column's
   * own limit let one line overflow every later sum of that partner (issue #10).
   */
  money: '^[0-9]{1,9}(\\.[0-9]{1,2})?$',
  /** The marketplace's own ids: 1 to 100 characters, no whitespace, no NUL (PostgreSQL text cannot hold it). */
  marketplaceId: '^[^\\s\\u0000]{1,100}$',
  /** A name: something besides spaces. */
  someText: '\\S',
  domain: '^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$',
} as const;

export const PATTERN = {
  mpnId: new RegExp(PATTERNS.mpnId),
  money: new RegExp(PATTERNS.money),
  marketplaceId: new RegExp(PATTERNS.marketplaceId, 'u'),
  domain: new RegExp(PATTERNS.domain),
} as const;

/** Names (display names, offer and profile names) as the tables take them. */
export const NAME_MAX_LENGTH = 200;

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * An instant as the API and the imports take it: an RFC 3339 date-time with its zone
 * (2026-01-31T12:00:00Z, 2026-01-31T13:00:00+01:00), a day the month has, an offset PostgreSQL
 * takes (at most 15:59), and an instant within years 1 to 9999. A time without a zone is refused: it would be read in some machine's own zone.
 * The API's `date-time` format is this function (server/app.ts gives it to the validator).
 */
export function isTimestamp(value: string): boolean {
  const parts = TIMESTAMP.exec(value);
  if (!parts) return false;
  const [year, month, day, hour, minute, second] = parts.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  if (year < 1 || days === undefined || day < 1 || day > days || hour > 23 || minute > 59 || second > 59) return false;
  // PostgreSQL takes offsets up to 15:59; and the instant itself, once the offset is applied, must stay
  // within years 1 to 9999 (year 10000 would be stored, then fail to be written back as RFC 3339).
  if (parts[7] !== undefined && (Number(parts[8]) > 15 || Number(parts[9]) > 59)) return false;
  const instant = Date.parse(value.replace(' ', 'T'));
  return instant >= FIRST_INSTANT && instant <= LAST_INSTANT;
}
const FIRST_INSTANT = Date.parse('0001-01-01T00:00:00Z');
const LAST_INSTANT = Date.parse('9999-12-31T23:59:59.999Z');

export function isOneOf<T extends string>(allowed: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}
