import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig, type Config } from '../src/server/config.ts';
import { buildApp } from '../src/server/app.ts';
import { openDatabase, type Database } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { createOperatorToken } from '../src/modules/identity/identity.service.ts';
import { setPasswordCostForTests } from '../src/platform/auth/password.ts';
import type { Role } from '../src/platform/values.ts';
import { pgliteTemplate } from './pglite-template.ts';
import { assertAllDocumented, watchDocumentedStatuses } from './documented-statuses.ts';

/**
 * The test suites create and sign in users by the hundred; at the real scrypt cost
 * (N=2^15, about 100 ms of CPU each) that was a large share of their time. Tests hash at
 * the lowest cost; the stored hash names its cost, so verifying is unchanged.
 */
export const TEST_PASSWORD_COST = { N: 16, r: 1, p: 1 };
setPasswordCostForTests(TEST_PASSWORD_COST);

/**
 * Every API test runs on PGlite, and on PostgreSQL too when TEST_DATABASE_URL is
 * set (CI sets it). Each PGlite run starts from the migrated template (pglite-template.ts);
 * each PostgreSQL run gets a schema of its own, dropped after.
 */
export interface TestEngine {
  name: 'pglite' | 'postgres';
  open(): Promise<Database>;
}

export function engines(): TestEngine[] {
  const list: TestEngine[] = [{ name: 'pglite', open: async () => openDatabase({ engine: 'pglite', dataDir: null, template: await pgliteTemplate() }) }];
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    list.push({
      name: 'postgres',
      async open() {
        const schema = `t_${randomBytes(6).toString('hex')}`;
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        await admin.query(`create schema ${schema}`);
        await admin.end();
        const database = await openDatabase({ engine: 'postgres', url, schema, poolSize: 5 });
        const close = () => database.close();
        return {
          ...database,
          close: async () => {
            await sql.raw(`drop schema ${schema} cascade`).execute(database.db);
            await close();
          },
        };
      },
    });
  }
  return list;
}

/** Why a PostgreSQL-only suite is skipped: it is reported as skipped with this reason, not left out. */
export const NEEDS_POSTGRES = 'needs TEST_DATABASE_URL (PostgreSQL)';

/**
 * The PostgreSQL engine for suites that only PostgreSQL can run (two connections racing, two
 * instances on one database), and the `skip` option that reports them as skipped without it:
 * `describe(name, postgres.skip, () => { ... startTestApp(postgres.engine()) ... })`.
 */
export function postgresOnly(): { skip: { skip: string | false }; engine(): TestEngine } {
  const engine = engines().find((e) => e.name === 'postgres');
  return {
    skip: { skip: engine ? false : NEEDS_POSTGRES },
    engine() {
      if (!engine) throw new Error(NEEDS_POSTGRES);
      return engine;
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  operatorToken: string;
  logLines: string[];
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** What time every request sees (request.now), instead of the wall clock: a test of dates fixes it. */
  clock?: () => Date;
}

/**
 * A clock for startTestApp: the wall clock, until a test fixes the time with `set` (then every
 * request sees exactly that instant) and `reset`s it (in the suite's afterEach).
 */
export interface TestClock {
  (): Date;
  set(at: Date): Date;
  reset(): void;
}

export function testClock(): TestClock {
  let fixed: Date | null = null;
  const clock = (() => new Date(fixed ?? Date.now())) as TestClock;
  clock.set = (at) => {
    fixed = new Date(at);
    return new Date(fixed);
  };
  clock.reset = () => {
    fixed = null;
  };
  return clock;
}

export async function startTestApp(engine: TestEngine, env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const database = await engine.open();
  await migrate(database.db);
  const config = loadConfig({ PUBLIC_URL: 'http://localhost:3000', ...env });
  const logLines: string[] = [];
  const { default: pino } = await import('pino');
  const logger = pino(
    { level: 'trace', redact: (await import('../src/server/app.ts')).LOG_REDACT },
    { write: (line: string) => void logLines.push(line) },
  );
  const app = await buildApp({ config, database, logger, ...(options.clock ? { clock: options.clock } : {}) });
  const statuses = watchDocumentedStatuses(app);
  await app.ready();
  const { token } = await createOperatorToken(database.db, `test-${randomBytes(4).toString('hex')}`);
  return {
    app,
    database,
    config,
    operatorToken: token,
    logLines,
    async close() {
      await app.close();
      await database.close();
      assertAllDocumented(statuses);
    },
  };
}

export const PASSWORD = 'correct horse battery';

export interface Session {
  cookie: string;
  csrf: string;
  body: Record<string, unknown>;
}

export async function signIn(app: FastifyInstance, username: string, password = PASSWORD): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${response.statusCode} ${response.body}`);
  const cookies = response.cookies as { name: string; value: string }[];
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const body = response.json<Record<string, unknown>>();
  return { cookie, csrf: String(body.csrfToken), body };
}

/** A request as a signed-in user, with the CSRF header a browser client sends. */
export function call(
  app: FastifyInstance,
  session: Session | null,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
    headers: { ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}), ...headers },
  });
}

export function ops(t: TestApp, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
  return t.app.inject({
    method,
    url,
    ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
    headers: { authorization: `Bearer ${t.operatorToken}` },
  });
}

let counter = 0;
/** A unique, valid domain / MPN id for one test's fixtures. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}${counter}${randomBytes(3).toString('hex')}`;
}

/** A random, valid MPN ID. */
export const randomMpnId = () => String(1_000_000 + Math.floor(Math.random() * 8_000_000_000));

export interface PartnerFixture {
  accountId: string;
  mpnId: string;
  tenantId: string;
  domain: string;
  users: Record<string, { id: string; username: string }>;
}

/** A partner account with its primary tenant and one user per role given (name -> roles). */
export async function createPartner(
  t: TestApp,
  people: Record<string, Role[]> = { admin: ['global-admin'] },
): Promise<PartnerFixture> {
  const domain = `${unique('p')}.example`;
  const tenantId = await createTenant(t, domain);
  const mpnId = randomMpnId();
  const account = await ops(t, 'POST', '/api/v1/ops/partner-accounts', {
    name: `Partner ${domain}`,
    mpnId,
    companyEmail: `office@${domain}`,
    primaryTenantId: tenantId,
  });
  if (account.statusCode !== 201) throw new Error(account.body);
  const users: PartnerFixture['users'] = {};
  for (const [name, roles] of Object.entries(people)) users[name] = await createUser(t, tenantId, domain, name, roles);
  return { accountId: account.json<{ id: string }>().id, mpnId, tenantId, domain, users };
}

export async function createTenant(t: TestApp, domain: string): Promise<string> {
  const response = await ops(t, 'POST', '/api/v1/ops/tenants', { domain, displayName: `Tenant ${domain}` });
  if (response.statusCode !== 201) throw new Error(response.body);
  return response.json<{ id: string }>().id;
}

export async function createUser(t: TestApp, tenantId: string, domain: string, name: string, roles: Role[]) {
  const response = await ops(t, 'POST', `/api/v1/ops/tenants/${tenantId}/users`, {
    username: `${name}@${domain}`,
    displayName: name,
    email: `${name}@mail.${domain}`,
    password: PASSWORD,
    roles,
  });
  if (response.statusCode !== 201) throw new Error(response.body);
  const user = response.json<{ id: string; username: string }>();
  return { id: user.id, username: user.username };
}

/** The `{error}` body every refusal has. */
export interface ApiError {
  code: string;
  message: string;
  fields?: Record<string, { code: string; message: string }>;
  conflict?: { type: string; id: string };
}

export function errorOf(response: LightMyRequestResponse): ApiError {
  const body = response.json<{ error?: ApiError }>();
  if (!body.error) throw new Error(`expected an error body, got ${response.statusCode} ${response.body}`);
  return body.error;
}

/** A user as the account and operator APIs answer it. */
export interface UserBody {
  id: string;
  tenantId: string;
  tenantDomain: string;
  username: string;
  displayName: string;
  email: string;
  roles: Role[];
  locale: string | null;
}

/** The body of sign-in and GET /api/v1/me. */
export interface MeBody {
  user: {
    id: string;
    tenantId: string;
    tenantDomain: string;
    username: string;
    displayName: string;
    email: string;
    roles: Role[];
    locale: string | null;
  };
  partnerAccount: { id: string; name: string; mpnId: string; companyEmail: string; primaryTenantId: string } | null;
  roles: Role[];
  navigation: { marketplaceRewards: boolean };
  visibility: { tenantAssociated: boolean; hasRewardsRole: boolean };
  csrfToken: string;
}

export interface TenantFixture {
  tenantId: string;
  domain: string;
  users: Record<string, { id: string; username: string }>;
}

/** A directory tenant that belongs to no partner account, with one user per role given. */
export async function createFreeTenant(
  t: TestApp,
  people: Record<string, Role[]> = { member: ['user'] },
): Promise<TenantFixture> {
  const domain = `${unique('f')}.example`;
  const tenantId = await createTenant(t, domain);
  const users: TenantFixture['users'] = {};
  for (const [name, roles] of Object.entries(people)) users[name] = await createUser(t, tenantId, domain, name, roles);
  return { tenantId, domain, users };
}

/** POST /api/v1/account/tenants: associate a tenant by the credentials of one of its users. */
export function associate(app: FastifyInstance, session: Session, username: string, password = PASSWORD) {
  return call(app, session, 'POST', '/api/v1/account/tenants', { username, password });
}
