import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, type FieldCode, type FieldProblem } from '../platform/errors.ts';
import { ERROR_STATUS } from '../platform/http/error-status.ts';
import { isDatabaseUnavailable } from '../platform/db/errors.ts';
import { t, type Locale } from '../platform/i18n/i18n.ts';

/**
 * Every error leaves as `{error: {code, message, fields?}}`, the message in the
 * caller's language. Unexpected errors are logged whole and reach the client
 * only as INTERNAL.
 */
interface AjvIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

const KEYWORD_CODES: Record<string, FieldCode> = {
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

/** At most this many fields in one answer: a huge body of bad values must not make a huger answer. */
const MAX_FIELDS = 20;

function fieldsFromAjv(issues: AjvIssue[]): Record<string, FieldProblem> {
  const fields: Record<string, FieldProblem> = {};
  for (const issue of issues) {
    if (Object.keys(fields).length >= MAX_FIELDS) break;
    let path = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
    if (issue.keyword === 'required') path = [path, String(issue.params.missingProperty)].filter(Boolean).join('.');
    if (issue.keyword === 'additionalProperties') {
      path = [path, String(issue.params.additionalProperty)].filter(Boolean).join('.');
    }
    // An item of an array is reported on the array (roles.1 -> roles).
    path = path.replace(/\.\d+$/, '') || '_';
    if (fields[path]) continue;
    let code: FieldCode = KEYWORD_CODES[issue.keyword] ?? 'INVALID';
    if (issue.keyword === 'format' && issue.params.format === 'email') code = 'EMAIL_INVALID';
    const limit = issue.params.limit;
    fields[path] = { code, ...(typeof limit === 'number' ? { values: { limit } } : {}) };
  }
  return fields;
}

function localizeFields(locale: Locale, fields: Record<string, FieldProblem>) {
  return Object.fromEntries(
    Object.entries(fields).map(([name, problem]) => [
      name,
      { code: problem.code, message: t(locale, `field.${problem.code}`, problem.values) },
    ]),
  );
}

const STATUS_CODES: Record<number, 'BAD_REQUEST' | 'NOT_FOUND' | 'METHOD_NOT_ALLOWED' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE'> = {
  400: 'BAD_REQUEST',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const locale = request.locale;
    if (error instanceof AppError) {
      if (error.options.retryAfterSeconds !== undefined) reply.header('retry-after', error.options.retryAfterSeconds);
      return reply.status(ERROR_STATUS[error.code]).send({
        error: {
          code: error.code,
          message: t(locale, error.messageId, error.options.values),
          ...(error.options.fields ? { fields: localizeFields(locale, error.options.fields) } : {}),
          ...(error.options.conflict ? { conflict: error.options.conflict } : {}),
        },
      });
    }
    if (error.validation) {
      const fields = fieldsFromAjv(error.validation);
      return reply.status(422).send({
        error: { code: 'VALIDATION_FAILED', message: t(locale, 'error.VALIDATION_FAILED'), fields: localizeFields(locale, fields) },
      });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = STATUS_CODES[status] ?? 'BAD_REQUEST';
      return reply.status(status).send({ error: { code, message: t(locale, `error.${code}`) } });
    }
    if (isDatabaseUnavailable(error)) {
      // A restart, a failover, a frozen server: nothing was committed, and asking again soon may work.
      request.log.warn({ err: error }, 'database unavailable');
      reply.header('retry-after', 5);
      return reply.status(503).send({ error: { code: 'DATABASE_UNAVAILABLE', message: t(locale, 'error.DATABASE_UNAVAILABLE') } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'INTERNAL', message: t(locale, 'error.INTERNAL') } });
  });

  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: { code: 'NOT_FOUND', message: t(request.locale, 'error.NOT_FOUND') } }),
  );
}
