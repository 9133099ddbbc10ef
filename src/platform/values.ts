/**
 * The domain's vocabulary, written once: every enum and pattern that more than
 * one place checks. The TypeBox schemas (platform/http/schemas.ts and the
 * modules' *.schemas.ts), the CSV imports, the CLI and the row types
 * (db/schema.ts) all take them from here, so a rule cannot differ between the
 * API and an import.
 */

export const ROLES = ['global-admin', 'account-admin', 'mpn-partner-admin', 'admin-agent', 'user'] as const;
export type Role = (typeof ROLES)[number];

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

/** Patterns as JSON Schema writes them (TypeBox `pattern`), and as RegExps for code that checks without a schema. */
export const PATTERNS = {
  /** Digits only, as Partner Center shows it. */
  mpnId: '^[0-9]{1,12}$',
  /** US dollars as an exact decimal string with at most two decimals. */
  money: '^[0-9]{1,14}(\\.[0-9]{1,2})?$',
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

export function isOneOf<T extends string>(allowed: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}
