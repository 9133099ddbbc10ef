import type { MessageId } from './i18n/messages.ts';

/**
 * One error type for everything the application refuses on purpose, with a
 * stable code from a closed set. The message id (`error.<CODE>`, or a more
 * specific one) is looked up in the locale catalogs by whoever shows it; the
 * HTTP status belongs to the edge (platform/http/error-status.ts), so services,
 * the CLI and imports share these errors without knowing about HTTP.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'INVALID_CREDENTIALS',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CSRF_TOKEN_INVALID',
  'NO_PARTNER_ACCOUNT',
  'NOT_FOUND',
  'TENANT_ALREADY_ASSOCIATED',
  'TENANT_IS_PRIMARY',
  'TENANT_IS_CURRENT',
  'CANNOT_REMOVE_SELF',
  'CANNOT_RESET_OWN_PASSWORD',
  'DOMAIN_TAKEN',
  'USERNAME_TAKEN',
  'MPN_ID_TAKEN',
  'TENANT_NOT_FOUND',
  'MARKETING_CONTACT_REQUIRED',
  'BENEFIT_NOT_AVAILABLE',
  'TRANSITION_REFUSED',
  'REVISION_CONFLICT',
  'REQUEST_NOT_EDITABLE',
  'REQUEST_CLOSED',
  'TOO_MANY_ATTACHMENTS',
  'SPONSORSHIP_NOT_REQUESTABLE',
  'TOO_MANY_ATTEMPTS',
  'IDEMPOTENCY_KEY_REUSED',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'DATABASE_UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * What can be wrong with one field. Schema violations map onto the first group
 * (server/error-handler.ts); the rest are the services' own rules. Each has a
 * message `field.<CODE>` in every catalog (the typecheck says so: see below).
 */
export const FIELD_CODES = [
  'INVALID',
  'FIELD_REQUIRED',
  'TOO_SHORT',
  'TOO_LONG',
  'TOO_SMALL',
  'TOO_LARGE',
  'FORMAT_INVALID',
  'EMAIL_INVALID',
  'VALUE_NOT_ALLOWED',
  'TYPE_INVALID',
  'FIELD_UNKNOWN',
  'DUPLICATE_ITEMS',
  'TOO_MANY_ITEMS',
  'TOO_FEW_ITEMS',
  'NOTHING_TO_CHANGE',
  'USERNAME_DOMAIN_MISMATCH',
  'USERNAME_INVALID',
  'TENANT_NOT_IN_ACCOUNT',
  'CANNOT_DEMOTE_SELF',
  'DOMAIN_TAKEN',
  'USERNAME_TAKEN',
  'MPN_ID_TAKEN',
  'TENANT_NOT_FOUND',
  'TENANT_ALREADY_ASSOCIATED',
  'OFFER_UNKNOWN',
  'LIVE_AT_REQUIRED',
  'DELISTED_AT_REQUIRED',
  'PUBLISHER_PROFILE_UNKNOWN',
  'USER_NOT_IN_ACCOUNT',
  'EMAIL_MATCHES_COMPANY_ACCOUNT',
  'PHONE_INVALID',
  'LANGUAGE_UNSUPPORTED',
  'CHARACTERS_INVALID',
  'PASSWORD_TOO_GUESSABLE',
  'CURRENT_PASSWORD_WRONG',
  'NOT_IN_FUTURE',
  'IDEMPOTENCY_KEY_REUSED',
  'TIME_ZONE_UNKNOWN',
  'BENEFIT_UNKNOWN',
  'FILE_TOO_LARGE',
  'FILE_TYPE_NOT_ALLOWED',
  'BILLING_TYPE_EXCLUDED',
  'PARTNER_UNKNOWN',
  'USAGE_LINE_CHANGED',
  'PHASE_NOT_COVERED',
  'NOT_BEFORE',
  'IN_FUTURE',
] as const;
export type FieldCode = (typeof FIELD_CODES)[number];

// Compile-time checks: every code has its message in the catalogs, or the typecheck fails here.
type Missing<T extends string> = Exclude<T, MessageId>;
const everyErrorHasAMessage: Missing<`error.${ErrorCode}`> extends never ? true : Missing<`error.${ErrorCode}`> = true;
const everyFieldCodeHasAMessage: Missing<`field.${FieldCode}`> extends never ? true : Missing<`field.${FieldCode}`> = true;
void everyErrorHasAMessage;
void everyFieldCodeHasAMessage;

/** A field-level problem: `code` is stable, `values` fill the localized message. */
export interface FieldProblem {
  code: FieldCode;
  values?: Record<string, string | number>;
}

export interface AppErrorOptions {
  fields?: Record<string, FieldProblem>;
  values?: Record<string, string | number>;
  /** A more specific wording than `error.<code>`. */
  messageId?: MessageId;
  retryAfterSeconds?: number;
  /** The record a 409 conflicts with (the tenant that has the domain, the user that has the name), when the caller may know it. */
  conflict?: { type: 'tenant' | 'partner-account' | 'user' | 'technical-request' | 'sponsorship'; id: string; revision?: number };
  /** For the log only (never shown to the caller). */
  logMessage?: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly options: AppErrorOptions = {},
  ) {
    super(options.logMessage ?? code);
    this.name = 'AppError';
  }

  /** The message id to show: the specific one when given, else `error.<code>`. */
  get messageId(): MessageId {
    return this.options.messageId ?? `error.${this.code}`;
  }
}

export const validationFailed = (fields: Record<string, FieldProblem>) => new AppError('VALIDATION_FAILED', { fields });
export const notFound = () => new AppError('NOT_FOUND');
export const forbidden = (messageId?: MessageId) => new AppError('FORBIDDEN', messageId ? { messageId } : {});
