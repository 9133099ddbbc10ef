import { randomUUID } from 'node:crypto';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import { Type } from 'typebox';
import type { Database } from '../platform/db/database.ts';
import { isTimestamp } from '../platform/values.ts';
import { accountOpsRoutes, accountRoutes } from '../modules/accounts/accounts.routes.ts';
import { identityRoutes } from '../modules/identity/identity.routes.ts';
import { operatorReads } from '../modules/operators/operators.plugin.ts';
import { catalogOpsRoutes } from '../modules/catalog/catalog.routes.ts';
import { eligibilityRoutes } from '../modules/eligibility/eligibility.routes.ts';
import { benefitsRoutes, followUpOpsRoutes } from '../modules/benefits/benefits.routes.ts';
import { notificationsOpsRoutes } from '../modules/notifications/notifications.routes.ts';
import { identity } from '../modules/identity/identity.plugin.ts';
import { notifications } from '../modules/notifications/notifications.plugin.ts';
import { salesOpsRoutes } from '../modules/sales/sales.routes.ts';
import { technicalOpsRoutes, technicalRoutes } from '../modules/technical/technical.routes.ts';
import { auditOpsRoutes } from '../modules/audit/audit.routes.ts';
import { lookupOpsRoutes } from '../modules/lookup/lookup.routes.ts';
import { operatorAdminRoutes } from '../modules/operators/operators.routes.ts';
import { workEscalation } from '../modules/work/work.plugin.ts';
import { workOpsRoutes } from '../modules/work/work.routes.ts';
import { programOpsRoutes } from '../modules/eligibility/program.routes.ts';
import { sponsorshipOpsRoutes, sponsorshipRoutes } from '../modules/technical/sponsorships.routes.ts';
import { sponsorshipRounds } from '../modules/technical/technical.plugin.ts';
import { OPERATOR_SECURITY } from '../platform/http/principal.ts';
import { completeErrorResponses, documentedErrors, errorCodesOf, namedComponents, queryIntegerCoercion, routeCaller } from '../platform/http/schemas.ts';
import type { Config } from './config.ts';
import { registerErrorHandler } from './error-handler.ts';
import { refuseBadCharacters } from '../platform/http/input-characters.ts';
import { negotiateLocale, t } from '../platform/i18n/i18n.ts';
import { registerWeb } from './web.ts';
import { registerSecurityHeaders } from './security-headers.ts';

export interface AppOptions {
  config: Config;
  database: Database;
  /** Called after a request queued email, so the outbox worker delivers without waiting for its next round. */
  onEmailQueued?: () => void;
  /** A pino logger or logger options; tests pass a stream to read what is logged. */
  logger?: FastifyBaseLogger | Record<string, unknown> | boolean;
  /** What time it is: each request reads it once (request.now). Tests pass a fixed clock. */
  clock?: () => Date;
  /**
   * The server's background work: deliver the outbox, escalate overdue work, load the bundled
   * program before the first request. Off for tests and the OpenAPI document, which build the app only.
   */
  background?: boolean;
  /** Nothing is read or written at start (the OpenAPI document is built with no database): REWARDS_ADMIN_TOKEN is left alone. */
  documentOnly?: boolean;
}

/** Paths whose values never reach a log line: credentials, cookies, tokens. */
export const LOG_REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  // A constraint violation's detail repeats the failing row, password hash included.
  'err.detail',
  'err.where',
];

// After ajv-formats (onCreate runs last), so this date-time replaces theirs.
const dateTimeFormat: NonNullable<NonNullable<FastifyServerOptions['ajv']>['onCreate']> = (ajv) =>
  ajv.addFormat('date-time', { type: 'string', validate: isTimestamp });

export async function buildApp({ config, database, logger, onEmailQueued, clock = () => new Date(), background = false, documentOnly = false }: AppOptions): Promise<FastifyInstance> {
  const { db } = database;
  const loggerOption =
    logger === undefined ? { level: config.logLevel, redact: LOG_REDACT } : logger;
  const app = Fastify({
    ...(loggerOption !== null && typeof loggerOption === 'object' && 'child' in loggerOption
      ? { loggerInstance: loggerOption as FastifyBaseLogger }
      : { logger: loggerOption }),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    // Long enough for any path parameter to reach its schema, which says how long it may be (422 TOO_LONG);
    // past this, the router finds no route (404).
    routerOptions: { maxParamLength: 2000 },
    // What the router itself refuses (a malformed %-escape in the path) leaves in the app's error shape and
    // the caller's language, and without echoing the path.
    frameworkErrors: (_error, request, reply) => {
      const locale = negotiateLocale(request.headers['accept-language']);
      const body = JSON.stringify({ error: { code: 'BAD_REQUEST', message: t(locale, 'error.BAD_REQUEST.url') } });
      void (reply as FastifyReply).code(400).type('application/json; charset=utf-8').header('cache-control', 'no-store').send(body);
    },
    ajv: {
      customOptions: { removeAdditional: false, allErrors: true, coerceTypes: false },
      // The API's date-time is the imports' (platform/values.ts): RFC 3339 with its zone, and no year 0, which PostgreSQL lacks.
      onCreate: dateTimeFormat,
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorateRequest('now', null as unknown as Date);
  app.addHook('onRequest', async (request) => {
    request.now = clock();
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await registerSecurityHeaders(app, { https: config.publicUrl.startsWith('https:'), viteDev: config.webMode === 'dev' });
  // Answers of 1 kB and more (the API's JSON, the docs page) go brotli- or gzip-compressed to a client
  // that accepts it, at @fastify/compress's fast brotli level; the portal's files are compressed at
  // build time (server/web.ts), and a body sent compressed is not decompressed here (the body limit
  // counts what arrives).
  await app.register(compress, { threshold: 1024, encodings: ['br', 'gzip'], globalDecompression: false });
  await app.register(cookie);
  // Named DTOs (ErrorBody, User, ...) are registered once and referenced by $ref from every route.
  for (const schema of namedComponents()) app.addSchema(schema);
  // Each operation says how it is called: the operator token, the session (with its CSRF token when it
  // changes something), or nothing. The same rule as identity's access check (identity.plugin.ts).
  // The error codes of each operation and status, also machine-readable in the document (x-error-codes).
  const errorCodesByOperation = new Map<string, Record<string, readonly string[] | undefined>>();
  app.addHook('onRoute', (route) => {
    if (!route.schema || route.schema.hide) return;
    const methods = ([] as string[]).concat(route.method);
    const changes = methods.some((method) => !['GET', 'HEAD', 'OPTIONS'].includes(method));
    const sessionSecurity = changes ? [{ session: [], csrfToken: [] }] : [{ session: [] }];
    const caller = routeCaller(route.url);
    const security = caller === 'operator' ? OPERATOR_SECURITY : caller === 'anyone' ? [] : sessionSecurity;
    (route.schema as { security?: unknown }).security ??= security;
    // The error statuses the route answers because of what it is (an unreadable request, its caller, its input).
    const schema = route.schema as { body?: unknown; params?: unknown; querystring?: unknown; headers?: unknown; response?: Record<string, unknown> };
    const response = (schema.response ??= {});
    const hasBody = schema.body !== undefined;
    const coerce = queryIntegerCoercion(schema.querystring);
    if (coerce) route.preValidation = [...([] as unknown[]).concat(route.preValidation ?? []), coerce] as typeof route.preValidation;
    const kind = documentedErrors({ url: route.url, changes, hasBody, hasInput: hasBody || schema.params !== undefined || schema.querystring !== undefined || schema.headers !== undefined });
    schema.response = completeErrorResponses(response, kind);
    const operationId = (route.schema as { operationId?: string }).operationId;
    if (operationId) {
      const codes = Object.entries(schema.response).flatMap(([status, body]) => (errorCodesOf(body) ? [[status, errorCodesOf(body)] as const] : []));
      errorCodesByOperation.set(operationId, Object.fromEntries(codes));
    }
  });
  await app.register(swagger, {
    // Shared schemas appear under their own $id in components.schemas (ErrorBody, User, ...), not as def-<n>.
    transformObject: (document) => {
      if (!('openapiObject' in document)) return document.swaggerObject;
      const { openapiObject } = document;
      const paths = (openapiObject as { paths?: Record<string, Record<string, { operationId?: string; responses?: Record<string, Record<string, unknown>> }>> }).paths ?? {};
      for (const operations of Object.values(paths)) {
        for (const operation of Object.values(operations)) {
          const codes = operation.operationId ? errorCodesByOperation.get(operation.operationId) : undefined;
          for (const [status, response] of Object.entries(operation.responses ?? {})) {
            const list = codes?.[status];
            if (list) response['x-error-codes'] = [...list];
          }
        }
      }
      return openapiObject;
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Marketplace Rewards API',
        version: '1',
        license: { name: 'MIT', identifier: 'MIT' },
        description:
          'Partner accounts, tenants, users and the Marketplace Rewards program. Errors are always ' +
          '`{"error": {"code", "message", "fields"}}`; the portal signs in with a session cookie and sends ' +
          'the CSRF token in `x-csrf-token`; automation uses an operator bearer token.',
      },
      // The API is served by the portal's own origin.
      servers: [{ url: '/', description: 'This portal' }],
      tags: [
        { name: 'identity', description: 'Sign-in, sessions, passwords, the signed-in user' },
        { name: 'account', description: "Settings > Account settings: the partner account's users and tenants" },
        { name: 'rewards', description: 'Marketplace Rewards: eligibility, benefits, the marketing contact, activations, technical requests, sponsorships' },
        { name: 'operations', description: "The Rewards team's and automation's API (operator token)" },
        { name: 'health', description: 'Liveness and readiness' },
      ],
      components: {
        securitySchemes: {
          operatorToken: { type: 'http', scheme: 'bearer', description: 'Operator API token (`rewards token create`)' },
          session: { type: 'apiKey', in: 'cookie', name: 'rewards_session', description: 'The session cookie that sign-in sets' },
          csrfToken: {
            type: 'apiKey',
            in: 'header',
            name: 'x-csrf-token',
            description: "The session's CSRF token (in the sign-in answer and the rewards_csrf cookie), on every state-changing request made with the session cookie",
          },
        },
      },
    },
  });
  // The docs page runs Swagger UI's own scripts: its policy is the plugin's, still unframeable.
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    transformStaticCSP: (header) => {
      const unframed = header.replace("frame-ancestors 'self'", "frame-ancestors 'none'");
      return config.publicUrl.startsWith('https:') ? unframed : unframed.replace(/\s*upgrade-insecure-requests;?/, '');
    },
  });

  await app.register(identity, { db, changes: database.changes, ...(documentOnly ? {} : { adminToken: config.adminToken }) });
  await app.register(operatorReads, { db });
  await app.register(notifications, {
    db,
    ...(background
      ? {
          deliver: {
            ...config.mail,
            // PGlite's folder has one process at a time: mail still marked as being sent is a dead process's.
            soleDeliverer: database.engine === 'pglite',
            // Stopping waits this long for a message being sent (part of the shutdown grace period).
            stopWaitMs: Math.max(1_000, config.shutdownGraceMs - 5_000),
          },
        }
      : {}),
    ...(onEmailQueued ? { onEmailQueued } : {}),
  });
  // Where emails link to: the portal's public origin.
  const links = { portalUrl: config.publicUrl, requestsPerDay: config.technicalRequestsPerDay };
  if (background) await app.register(workEscalation, { db, teamEmail: config.mail.rewardsTeamEmail, links, clock });
  if (background) await app.register(sponsorshipRounds, { db, links, clock });
  refuseBadCharacters(app);
  registerErrorHandler(app);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get(
    '/healthz',
    { schema: { operationId: 'getHealth', tags: ['health'], summary: 'The process is up', response: { 200: Type.Object({ status: Type.Literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    {
      schema: {
        operationId: 'getReadiness',
        tags: ['health'],
        summary: 'The database answers; with the state of the change feed and the outbox',
        description:
          '503 while the database cannot be reached or does not answer in time. `changeFeed` says whether other ' +
          "instances' writes are heard (`lost`: caches are off until it is back); `outbox` what waits to be sent.",
        response: {
          200: Type.Object({
            status: Type.Literal('ready'),
            engine: Type.String(),
            changeFeed: Type.Enum(['listening', 'lost', 'in-process']),
            outbox: Type.Object({ waiting: Type.Integer(), oldestWaitingSeconds: Type.Union([Type.Integer(), Type.Null()]) }),
          }),
          503: Type.Object({ status: Type.Literal('unavailable'), engine: Type.String(), reason: Type.Literal('database') }),
        },
      },
    },
    async (request, reply) => {
      try {
        const outbox = await app.outboxBacklog(request.now);
        const changeFeed = database.engine === 'pglite' ? ('in-process' as const) : database.changes.ready ? ('listening' as const) : ('lost' as const);
        return { status: 'ready' as const, engine: database.engine, changeFeed, outbox };
      } catch (error) {
        request.log.warn({ err: error }, 'readiness check failed');
        return reply.status(503).header('retry-after', 5).send({ status: 'unavailable' as const, engine: database.engine, reason: 'database' as const });
      }
    },
  );

  await app.register(identityRoutes, {
    db,
    publicUrl: config.publicUrl,
    cookieSecure: config.cookieSecure,
    sessionTtlHours: config.sessionTtlHours,
    signIn: config.signIn,
  });
  await app.register(accountRoutes, { db, association: config.association, signIn: config.signIn });
  await app.register(accountOpsRoutes, { db });
  await app.register(catalogOpsRoutes, { db });
  await app.register(salesOpsRoutes, { db });
  await app.register(eligibilityRoutes, { db, changes: database.changes, loadProgramAtStart: background });
  await app.register(benefitsRoutes, { db, limits: config.contactLimits, links });
  await app.register(followUpOpsRoutes, { db, links });
  await app.register(technicalRoutes, { db, links });
  await app.register(technicalOpsRoutes, { db, links });
  await app.register(workOpsRoutes, { db });
  await app.register(programOpsRoutes, { db, recomputeAtStart: background });
  await app.register(auditOpsRoutes, { db });
  await app.register(lookupOpsRoutes, { db });
  await app.register(operatorAdminRoutes, { db });
  await app.register(sponsorshipRoutes, { db, links });
  await app.register(sponsorshipOpsRoutes, { db, links });
  await app.register(notificationsOpsRoutes, { db });
  await registerWeb(app, config.webMode);
  return app;
}
