import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Type } from 'typebox';
import type { Database } from '../platform/db/database.ts';
import { accountOpsRoutes, accountRoutes } from '../modules/accounts/accounts.routes.ts';
import { identityRoutes } from '../modules/identity/identity.routes.ts';
import { catalogOpsRoutes } from '../modules/catalog/catalog.routes.ts';
import { eligibilityRoutes } from '../modules/eligibility/eligibility.routes.ts';
import { benefitsRoutes, followUpOpsRoutes } from '../modules/benefits/benefits.routes.ts';
import { notificationsOpsRoutes } from '../modules/notifications/notifications.routes.ts';
import { registerAuth } from './auth.ts';
import { ErrorBody } from './schemas.ts';
import type { Config } from './config.ts';
import { registerErrorHandler } from './error-handler.ts';
import { registerWeb } from './web.ts';

export interface AppOptions {
  config: Config;
  database: Database;
  /** Called after a request queued email, so the outbox worker delivers without waiting for its next round. */
  onEmailQueued?: () => void;
  /** A pino logger or logger options; tests pass a stream to read what is logged. */
  logger?: FastifyBaseLogger | Record<string, unknown> | boolean;
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

export async function buildApp({ config, database, logger, onEmailQueued }: AppOptions): Promise<FastifyInstance> {
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
    ajv: { customOptions: { removeAdditional: false, allErrors: true, coerceTypes: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(cookie);
  app.addSchema(ErrorBody);
  await app.register(swagger, {
    // Shared schemas appear under their own $id in components.schemas (ErrorBody), not as def-<n>.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Marketplace Rewards API',
        version: '1',
        description:
          'Partner accounts, tenants, users and the Marketplace Rewards program. Errors are always ' +
          '`{"error": {"code", "message", "fields"}}`; the portal signs in with a session cookie and sends ' +
          'the CSRF token in `x-csrf-token`; automation uses an operator bearer token.',
      },
      components: {
        securitySchemes: {
          operatorToken: { type: 'http', scheme: 'bearer', description: 'Operator API token (`rewards token create`)' },
          session: { type: 'apiKey', in: 'cookie', name: 'rewards_session' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  registerAuth(app, db, database.changes);
  registerErrorHandler(app);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get(
    '/healthz',
    { schema: { tags: ['health'], summary: 'The process is up', response: { 200: Type.Object({ status: Type.Literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    {
      schema: {
        tags: ['health'],
        summary: 'The database answers',
        response: {
          200: Type.Object({ status: Type.Literal('ready'), engine: Type.String() }),
          503: Type.Object({ status: Type.Literal('unavailable'), engine: Type.String() }),
        },
      },
    },
    async (request, reply) => {
      try {
        await sql`select 1`.execute(db);
        return { status: 'ready' as const, engine: database.engine };
      } catch (error) {
        request.log.warn({ err: error }, 'readiness check failed');
        return reply.status(503).send({ status: 'unavailable' as const, engine: database.engine });
      }
    },
  );

  await app.register(identityRoutes, { db, config });
  await app.register(accountRoutes, { db, config });
  await app.register(accountOpsRoutes, { db });
  await app.register(catalogOpsRoutes, { db });
  await app.register(eligibilityRoutes, { db, changes: database.changes });
  await app.register(benefitsRoutes, { db, ...(onEmailQueued ? { onEmailQueued } : {}) });
  await app.register(followUpOpsRoutes, { db });
  await app.register(notificationsOpsRoutes, { db });
  await registerWeb(app, config.webMode);
  return app;
}
