import { Type, type Static, type TSchema, type TUnsafe } from 'typebox';
import { LOCALES } from '../../../locales/locales.ts';
import type { ErrorCode } from '../errors.ts';
import { BENEFIT_CATEGORIES, ENTITLEMENT_STATUSES, LISTING_TYPES, NAME_MAX_LENGTH, OFFER_STATUSES, PATTERNS, ROLES, SALE_STATUSES } from '../values.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../auth/password-policy.ts';
import { ERROR_STATUS } from './error-status.ts';
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '../db/pages.ts';

/** Schema pieces shared by every module's routes, built from the vocabulary in platform/values.ts. */

export const Uuid = Type.String({ format: 'uuid' });
export const Email = Type.String({ format: 'email', minLength: 3, maxLength: 320 });
export const DateTime = Type.String({ format: 'date-time' });
export const RoleSchema = Type.Enum([...ROLES]);
export const LocaleSchema = Type.Enum([...LOCALES]);
/** A new password (platform/auth/password-policy.ts checks the rest: known and guessable ones are refused). */
export const Password = Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH });
// Names are trimmed before they are stored; a name of only spaces would break the database's length check.
export const DisplayName = Type.String({ minLength: 1, maxLength: NAME_MAX_LENGTH, pattern: PATTERNS.someText });
export const MpnId = Type.String({ pattern: PATTERNS.mpnId, description: 'Digits only' });
export const Money = Type.String({ pattern: PATTERNS.money, description: 'US dollars as an exact decimal string', examples: ['1234.56'] });
export const MarketplaceId = Type.String({ minLength: 1, maxLength: 100, pattern: PATTERNS.marketplaceId, description: "The marketplace's own id" });
export const ListingTypeSchema = Type.Enum([...LISTING_TYPES]);
export const OfferStatusSchema = Type.Enum([...OFFER_STATUSES]);
export const SaleStatusSchema = Type.Enum([...SALE_STATUSES]);
export const BenefitCategorySchema = Type.Enum([...BENEFIT_CATEGORIES]);
export const EntitlementStatusSchema = Type.Enum([...ENTITLEMENT_STATUSES]);
export const IdParams = Type.Object({ id: Uuid });

/** The page parameters of every list (platform/db/pages.ts): spread into the route's querystring. */
export const PageQuery = {
  limit: Type.Optional(
    Type.Integer({ minimum: 1, maximum: PAGE_SIZE_MAX, default: PAGE_SIZE_DEFAULT, description: `Items per page (at most ${PAGE_SIZE_MAX})` }),
  ),
  cursor: Type.Optional(
    Type.String({ minLength: 1, maxLength: 2000, pattern: '^[A-Za-z0-9_-]+$', description: "The previous page's `nextCursor`" }),
  ),
};

/** A list's answer: one page of items, and where the next one starts (null on the last page). */
export function PageOf<T extends TSchema>(item: T) {
  return {
    items: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'Pass as `cursor` for the next page; null on the last page' }),
  };
}

/**
 * Named components: a schema given here is registered once on the app (app.ts registers every one)
 * and referenced by `$ref`, so the OpenAPI document and the generated client hold it once under its
 * name instead of inlining it on every route.
 */
const components = new Map<string, TSchema>();

export function component<T extends TSchema>(name: string, schema: T): TUnsafe<Static<T>> {
  const named = { ...schema, $id: name } as TSchema;
  const existing = components.get(name);
  if (existing && JSON.stringify(existing) !== JSON.stringify(named)) throw new Error(`Two different schemas are named ${name}`);
  components.set(name, named);
  return Type.Unsafe<Static<T>>({ $ref: `${name}#` });
}

/** Every named component, for app.addSchema. */
export function namedComponents(): TSchema[] {
  return [...components.values()];
}

export const ErrorBody = component(
  'ErrorBody',
  Type.Object(
    {
      error: Type.Object({
        code: Type.String({ description: 'Stable, machine-readable reason' }),
        message: Type.String({ description: "Human-readable, in the caller's language" }),
        fields: Type.Optional(
          Type.Record(Type.String(), Type.Object({ code: Type.String(), message: Type.String() }), {
            description: 'Per-field problems, keyed by the field name',
          }),
        ),
        conflict: Type.Optional(
          Type.Object(
            {
              type: Type.Enum(['tenant', 'partner-account', 'user', 'technical-request', 'sponsorship', 'program']),
              id: Type.String(),
              revision: Type.Optional(Type.Integer({ description: 'On REVISION_CONFLICT: the current revision, to read the record again and retry' })),
            },
            { description: 'The existing record a 409 conflicts with' },
          ),
        ),
      }),
    },
    { description: 'Error' },
  ),
);

/** Codes the framework answers with (error-handler.ts), besides the application's own. */
export type DocumentedCode = ErrorCode | 'BAD_REQUEST' | 'UNSUPPORTED_MEDIA_TYPE';

/** The codes an error response stands for, kept on its schema for app.ts to complete (never serialised). */
const CODES = Symbol('error codes');
type ErrorResponseSchema = TSchema & { [CODES]?: readonly DocumentedCode[] };

/** The documented response for one error status: the error body, the codes it carries, and Retry-After on a 429. */
export function errorResponse(status: number, codes: readonly DocumentedCode[]): TSchema {
  const unique = [...new Set(codes)].sort();
  const schema = {
    $ref: 'ErrorBody#',
    description: `Error; \`error.code\` is one of: ${unique.map((code) => `\`${code}\``).join(', ')}`,
    ...(status === 429 || status === 503
      ? { headers: { 'retry-after': { type: 'integer', minimum: 1, description: 'Seconds to wait before trying again' } } }
      : {}),
  } as ErrorResponseSchema;
  Object.defineProperty(schema, CODES, { value: unique, enumerable: false });
  return schema;
}

/**
 * The error responses a route can give, by code; codes that share a status share a response that
 * lists them. What every route of a kind can answer (400 for an unreadable request, 401/403 for its
 * caller, 404 for an unknown id, 413/415 for a body, 422 for any input) is added by app.ts from the
 * route itself (documentedErrors, completeErrorResponses).
 */
export function errorResponses(...codes: ErrorCode[]): Record<number, TSchema> {
  const byStatus = new Map<number, DocumentedCode[]>();
  for (const code of ['INTERNAL', ...codes] as ErrorCode[]) {
    const status = ERROR_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries([...byStatus].map(([status, list]) => [status, errorResponse(status, list)]));
}

/** A success response's schema with the headers it sets (Set-Cookie, say), as the document shows them. */
export function withHeaders<T extends TSchema>(schema: T, headers: Record<string, { type: 'string' | 'integer'; description: string }>): TUnsafe<Static<T>> {
  return Type.Unsafe<Static<T>>({ ...schema, headers });
}

/** Who calls a route, as the document declares it: the operator token, a session, or anyone (sign-in, health, the portal). */
export function routeCaller(url: string): 'operator' | 'session' | 'anyone' {
  if (url.startsWith('/api/v1/ops/')) return 'operator';
  return url.startsWith('/api/v1/') && url !== '/api/v1/auth/sign-in' && url !== '/api/v1/auth/operator/second-factor' ? 'session' : 'anyone';
}

/** The statuses a route answers because of what it is, whatever it does, with their codes: see errorResponses. */
export function documentedErrors(route: { url: string; changes: boolean; hasBody: boolean; hasInput: boolean }): Map<number, DocumentedCode[]> {
  const caller = routeCaller(route.url);
  const operator = caller === 'operator';
  const session = caller === 'session';
  const statuses = new Map<number, DocumentedCode[]>([[400, ['BAD_REQUEST']]]);
  if (operator || session) statuses.set(401, ['UNAUTHENTICATED']);
  // An operator's role may not allow the operation (identity.plugin.ts), nor a changing call without the session's CSRF token.
  if (operator) statuses.set(403, route.changes ? ['FORBIDDEN', 'CSRF_TOKEN_INVALID'] : ['FORBIDDEN']);
  if (session && route.changes) statuses.set(403, ['CSRF_TOKEN_INVALID']);
  if (route.url.includes(':')) statuses.set(404, ['NOT_FOUND']);
  if (route.hasBody) {
    statuses.set(413, ['PAYLOAD_TOO_LARGE']);
    statuses.set(415, ['UNSUPPORTED_MEDIA_TYPE']);
  }
  if (route.hasInput) statuses.set(422, ['VALIDATION_FAILED']);
  statuses.set(500, ['INTERNAL']);
  // Liveness reads nothing; readiness answers its own 503.
  if (route.url !== '/healthz' && route.url !== '/readyz') statuses.set(503, ['DATABASE_UNAVAILABLE']);
  return statuses;
}

/** The error codes a documented error response stands for (undefined for other responses). */
export function errorCodesOf(schema: unknown): readonly DocumentedCode[] | undefined {
  return (schema as ErrorResponseSchema | undefined)?.[CODES];
}

/** A route's responses with the statuses of its kind added and every error status listing all its codes. */
export function completeErrorResponses(response: Record<string, unknown>, kind: Map<number, DocumentedCode[]>): Record<string, unknown> {
  const complete: Record<string, unknown> = { ...response };
  for (const [status, codes] of kind) {
    const declared = response[String(status)] as ErrorResponseSchema | undefined;
    if (declared && !declared[CODES]) continue; // a response of the route's own making
    complete[String(status)] = errorResponse(status, [...(declared?.[CODES] ?? []), ...codes]);
  }
  return complete;
}

/**
 * Query strings are text and the validator does not coerce types (a body's "5" must stay refused as a
 * number): a route whose querystring has integer parameters reads `?limit=50` as the number 50 before
 * validation, and leaves anything else for the schema to refuse. Null when the route has none.
 */
export function queryIntegerCoercion(querystring: unknown): ((request: { query: unknown }) => Promise<void>) | null {
  const properties = (querystring as { properties?: Record<string, { type?: unknown }> } | undefined)?.properties ?? {};
  const integers = Object.keys(properties).filter((name) => properties[name]!.type === 'integer');
  if (integers.length === 0) return null;
  return async (request) => {
    const query = request.query as Record<string, unknown> | null;
    if (!query) return;
    for (const name of integers) {
      const value = query[name];
      if (typeof value === 'string' && /^-?\d{1,15}$/.test(value)) query[name] = Number(value);
    }
  };
}
