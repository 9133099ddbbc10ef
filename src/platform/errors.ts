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
  'SECOND_FACTOR_INVALID',
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
  'MESSAGE_NOT_FAILED',
  'ASSIGNED_BY_DEFAULT',
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
  'CONTACT_IN_FUTURE',
  'CONTACT_BEFORE_OPENED',
  'ASSIGNEE_UNKNOWN',
  'PROGRAM_UNREADABLE',
  'CODE_USED_TWICE',
  'THRESHOLD_USED_TWICE',
  'TIER_UNKNOWN',
  'ONE_TIME_ONLY',
  'PHASES_TECHNICAL_ONLY',
  'REQUESTS_INVALID',
  'TECHNICAL_QUANTITIES_REQUIRED',
  'HOURS_PER_REQUEST_TOO_LARGE',
  'SPONSORSHIP_AMOUNT_INVALID',
  'SPONSORSHIP_TERM_INVALID',
  'REFUSAL_REQUIRED',
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
  conflict?: { type: 'tenant' | 'partner-account' | 'user' | 'technical-request' | 'sponsorship' | 'program'; id: string; revision?: number };
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

/** `{[name]: problem}`, or nothing when there is no problem: for collecting a request's field problems. */
export const fieldOf = (name: string, problem: FieldProblem | null): Record<string, FieldProblem> => (problem ? { [name]: problem } : {});

/** Every field problem of a request, or none: what a service throws once it has checked every field. */
export function refuseFieldProblems(fields: Record<string, FieldProblem>): void {
  if (Object.keys(fields).length > 0) throw validationFailed(fields);
}

/**
 * One problem a JSON Schema validator (Ajv, through Fastify) found: the keyword that failed, where
 * (a JSON pointer into the input) and the keyword's parameters.
 */
export interface SchemaIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

/** The field code of a failed JSON Schema keyword. */
export const SCHEMA_KEYWORD_CODES: Record<string, FieldCode> = {
  required: 'FIELD_REQUIRED',
  minLength: 'TOO_SHORT',
  maxLength: 'TOO_LONG',
  minimum: 'TOO_SMALL',
  maximum: 'TOO_LARGE',
  pattern: 'FORMAT_INVALID',
  format: 'FORMAT_INVALID',
  enum: 'VALUE_NOT_ALLOWED',
  const: 'VALUE_NOT_ALLOWED',
  type: 'TYPE_INVALID',
  additionalProperties: 'FIELD_UNKNOWN',
  uniqueItems: 'DUPLICATE_ITEMS',
  maxItems: 'TOO_MANY_ITEMS',
  minItems: 'TOO_FEW_ITEMS',
  minProperties: 'NOTHING_TO_CHANGE',
};

/** The value a JSON pointer (`/contact/email`) names in the input, or undefined. */
function valueAt(input: unknown, pointer: string): unknown {
  if (pointer === '') return input;
  let value = input;
  for (const raw of pointer.slice(1).split('/')) {
    if (value === null || typeof value !== 'object') return undefined;
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    value = Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value;
}

/**
 * The schema's problems as field problems, one per field (the first found), named by their path
 * (`contact.email`; an item of an array on the array: roles.1 -> roles; the input itself `_`). An
 * empty required value (missing, or a string with nothing but spaces that the schema refuses, whatever
 * the keyword: a length, a pattern, a format, an enum) is FIELD_REQUIRED, so an empty field says it
 * is required rather than "enter at least 1 character". `input` is what was validated.
 */
export function fieldsOfSchemaIssues(issues: readonly SchemaIssue[], input: unknown): Record<string, FieldProblem> {
  const fields: Record<string, FieldProblem> = {};
  for (const issue of issues) {
    let path = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
    if (issue.keyword === 'required') path = [path, String(issue.params.missingProperty)].filter(Boolean).join('.');
    if (issue.keyword === 'additionalProperties') path = [path, String(issue.params.additionalProperty)].filter(Boolean).join('.');
    // An item of an array is reported on the array (roles.1 -> roles).
    path = path.replace(/\.\d+$/, '') || '_';
    if (fields[path]) continue;
    const value = issue.keyword === 'required' ? undefined : valueAt(input, issue.instancePath);
    const blank = typeof value === 'string' && value.trim() === '' && issue.keyword !== 'maxLength' && issue.keyword !== 'type';
    let code: FieldCode = blank ? 'FIELD_REQUIRED' : (SCHEMA_KEYWORD_CODES[issue.keyword] ?? 'INVALID');
    if (!blank && issue.keyword === 'format' && issue.params.format === 'email') code = 'EMAIL_INVALID';
    const limit = issue.params.limit;
    fields[path] = { code, ...(!blank && typeof limit === 'number' ? { values: { limit } } : {}) };
  }
  return fields;
}

/** A route's validation failure as Fastify attaches it (`attachValidation: true`): its issues and which part of the request. */
export interface AttachedValidation {
  validation?: readonly SchemaIssue[];
  validationContext?: string;
}

/**
 * For a route whose handler merges the schema's problems with its service's own field rules (so a
 * form learns every problem at once, not the schema's first and the service's after): the body's
 * problems, or null when the schema passed. A failure of anything but the body (the path's id, the
 * query, a header) is thrown as it is, since nothing then may run.
 */
export function bodyProblems(failure: (Error & AttachedValidation) | undefined, body: unknown): Record<string, FieldProblem> | null {
  if (!failure) return null;
  if (failure.validationContext !== 'body' || !failure.validation) throw failure;
  return fieldsOfSchemaIssues(failure.validation, body);
}

/** The schema's problems with a request's body (bodyProblems), for a service to add its own to: none when it passed. */
export type SchemaProblems = Record<string, FieldProblem> | null | undefined;

/**
 * Whether a field of a body may be read by a service's own rules: the schema found nothing wrong with
 * it (nor in it, nor with what holds it: `contact` for `contact.phone`, the body as a whole). Only then
 * is its value the type the schema says.
 */
export function passedSchema(problems: SchemaProblems, field: string): boolean {
  if (!problems) return true;
  if (problems._) return false;
  return !Object.keys(problems).some((name) => name === field || name.startsWith(`${field}.`) || field.startsWith(`${name}.`));
}
export const notFound = () => new AppError('NOT_FOUND');
export const forbidden = (messageId?: MessageId) => new AppError('FORBIDDEN', messageId ? { messageId } : {});
