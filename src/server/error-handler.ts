import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, fieldsOfSchemaIssues, type FieldProblem } from '../platform/errors.ts';
import { ERROR_STATUS } from '../platform/http/error-status.ts';
import { isDatabaseUnavailable } from '../platform/db/errors.ts';
import { t, type Locale } from '../platform/i18n/i18n.ts';

/**
 * Every error leaves as `{error: {code, message, fields?}}`, the message in the
 * caller's language. Unexpected errors are logged whole and reach the client
 * only as INTERNAL. Schema violations become VALIDATION_FAILED with a field
 * problem per field (platform/errors.ts maps them, so a route that merges them
 * with its service's own problems maps them the same way).
 */

/** At most this many fields in one answer: a huge body of bad values must not make a huger answer. */
const MAX_FIELDS = 20;

function localizeFields(locale: Locale, fields: Record<string, FieldProblem>) {
  return Object.fromEntries(
    Object.entries(fields)
      .slice(0, MAX_FIELDS)
      .map(([name, problem]) => [name, { code: problem.code, message: t(locale, `field.${problem.code}`, problem.values) }]),
  );
}

const VALIDATED_PART: Record<string, (request: FastifyRequest) => unknown> = {
  body: (request) => request.body,
  querystring: (request) => request.query,
  params: (request) => request.params,
  headers: (request) => request.headers,
};

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
      // Schema violations as field problems (platform/errors.ts), read against the part of the request that was validated.
      const input = VALIDATED_PART[error.validationContext ?? 'body']?.(request);
      const fields = fieldsOfSchemaIssues(error.validation, input);
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
