import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../platform/db/database.ts';
import { OPERATOR_SECURITY, requireOperator } from '../../platform/http/principal.ts';
import { component, DateTime, errorResponses, MpnId, PageOf, PageQuery, Uuid } from '../../platform/http/schemas.ts';
import { auditCsv, EXPORT_MAX_ROWS, listAuditEvents } from './audit-log.service.ts';

const Filters = {
  actorId: Type.Optional(Uuid),
  actorType: Type.Optional(Type.Enum(['user', 'operator', 'system'])),
  mpnId: Type.Optional(MpnId),
  action: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-z0-9.-]+$', description: 'An action (`work.assigned`), or the start of one ending in a dot (`work.`)' })),
  from: Type.Optional(DateTime),
  to: Type.Optional(DateTime),
};

const AuditEvent = component(
  'AuditEvent',
  Type.Object({
    id: Uuid,
    occurredAt: DateTime,
    actor: Type.Object({ type: Type.Enum(['user', 'operator', 'system']), id: Type.Union([Uuid, Type.Null()]), name: Type.Union([Type.String(), Type.Null()]) }),
    partner: Type.Union([Type.Object({ id: Uuid, name: Type.String(), mpnId: Type.String() }), Type.Null()]),
    action: Type.String(),
    subjectType: Type.Union([Type.String(), Type.Null()]),
    subjectId: Type.Union([Type.String(), Type.Null()]),
    details: Type.Record(Type.String(), Type.Unknown()),
    requestId: Type.Union([Type.String(), Type.Null()]),
  }),
);

const Csv = Type.Unsafe<string>({ type: 'string', description: `text/csv, newest first, at most ${EXPORT_MAX_ROWS} rows; a value a spreadsheet would run as a formula starts with an apostrophe` });

/** The audit log for the Rewards team's managers (issue #14): a page at a time, and as CSV. */
export const auditOpsRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  const security = OPERATOR_SECURITY;
  app.get(
    '/api/v1/ops/audit-events',
    {
      // Who did what to whom: a manager's to read, not every agent's.
      config: { operatorRole: 'rewards-manager' },
      schema: {
        operationId: 'listAuditEvents',
        tags: ['operations'],
        security,
        summary: 'The audit log, newest first: filter by actor, partner (MPN ID), action and time',
        querystring: Type.Object({ ...Filters, ...PageQuery }, { additionalProperties: false }),
        response: { 200: Type.Object(PageOf(AuditEvent)), ...errorResponses('UNAUTHENTICATED') },
      },
    },
    async (request) => {
      requireOperator(request);
      const { limit, cursor, ...filters } = request.query;
      return listAuditEvents(db, filters, { limit, cursor });
    },
  );
  app.get(
    '/api/v1/ops/audit-events.csv',
    {
      config: { operatorRole: 'rewards-manager' },
      schema: {
        operationId: 'exportAuditEvents',
        tags: ['operations'],
        security,
        summary: 'The filtered audit log as a CSV file',
        querystring: Type.Object(Filters, { additionalProperties: false }),
        response: { 200: Csv, ...errorResponses('UNAUTHENTICATED') },
      },
    },
    async (request, reply) => {
      requireOperator(request);
      const stamp = request.now.toISOString().slice(0, 10);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-log-${stamp}.csv"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        // A stream: sent as it is read, never serialised against the schema (which documents it).
        .send(Readable.from(auditCsv(db, request.query)) as unknown as string);
    },
  );
};
