/**
 * One error type for everything the API refuses on purpose. Each code has a
 * fixed HTTP status and a message id (`error.<CODE>`) in the locale catalogs;
 * the error handler formats the message in the caller's language.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 422,
  INVALID_CREDENTIALS: 401,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF_TOKEN_INVALID: 403,
  NO_PARTNER_ACCOUNT: 403,
  NOT_FOUND: 404,
  TENANT_ALREADY_ASSOCIATED: 409,
  TENANT_IS_PRIMARY: 409,
  TENANT_IS_CURRENT: 409,
  CANNOT_REMOVE_SELF: 409,
  DOMAIN_TAKEN: 409,
  USERNAME_TAKEN: 409,
  MPN_ID_TAKEN: 409,
  TENANT_NOT_FOUND: 409,
  MARKETING_CONTACT_REQUIRED: 409,
  BENEFIT_NOT_AVAILABLE: 409,
  TOO_MANY_ATTEMPTS: 429,
  PAYLOAD_TOO_LARGE: 413,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** A field-level problem: `code` is stable, `values` fill the localized message. */
export interface FieldProblem {
  code: string;
  values?: Record<string, string | number>;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly options: {
      fields?: Record<string, FieldProblem>;
      values?: Record<string, string | number>;
      /** Message id to use instead of `error.<code>` (a more specific wording). */
      messageId?: string;
      retryAfterSeconds?: number;
      logMessage?: string;
    } = {},
  ) {
    super(options.logMessage ?? code);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }
}

export const validationFailed = (fields: Record<string, FieldProblem>) => new AppError('VALIDATION_FAILED', { fields });
export const notFound = () => new AppError('NOT_FOUND');
export const forbidden = (messageId?: string) => new AppError('FORBIDDEN', messageId ? { messageId } : {});
