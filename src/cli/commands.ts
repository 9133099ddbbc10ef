import type { ParseArgsConfig } from 'node:util';
import { OPERATOR_ROLES, PATTERN, ROLES, type OperatorRole, type Role } from '../platform/values.ts';
import { createOperator, operatorIdOf } from '../modules/operators/operators.service.ts';
import { systemContext } from '../platform/context.ts';
import type { Database } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrate.ts';
import { createPartnerAccount, createTenant, createUser, findTenant } from '../modules/accounts/accounts.service.ts';
import { createOperatorToken, listOperatorTokens, revokeOperatorToken } from '../modules/identity/identity.service.ts';
import { allPages } from '../platform/db/pages.ts';
import { demoSignIns, demoStepCount, DEMO_PASSWORD, loadDemoData } from '../demo/demo-data.ts';
import type { Config } from '../server/config.ts';
import { openConfiguredDatabase, startServer } from '../server/start.ts';
import { AppError, validationFailed } from '../platform/errors.ts';
import { progress } from './progress.ts';
import { importCsv, IMPORT_COLUMNS, type ImportKind } from '../modules/imports/csv-import.ts';
import { loadProgram, parseProgramFile } from '../modules/eligibility/program.ts';
import { recomputeEverything } from '../modules/eligibility/eligibility.service.ts';
import { readSecret } from './secret-input.ts';

export interface Command {
  name: string[];
  usage: string;
  summary: string;
  options?: ParseArgsConfig['options'];
  /** How many plain arguments follow the command words (a file name, say). */
  positionals?: number;
  run(config: Config, values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<number>;
}

const out = (line: string) => process.stdout.write(`${line}\n`);

async function withDatabase<T>(config: Config, work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openConfiguredDatabase(config);
  try {
    await runMigrations(database);
    return await work(database);
  } finally {
    await database.close();
  }
}

async function runMigrations(database: Database): Promise<string[]> {
  let bar: ReturnType<typeof progress> | null = null;
  const { applied } = await migrate(database.db, ({ migration, total, state }) => {
    if (state === 'applying') bar ??= progress('migrate', total);
    if (state === 'applied') bar?.step(`${migration.version}_${migration.name}`);
  });
  (bar as ReturnType<typeof progress> | null)?.done(`${applied.length} applied`);
  return applied;
}

async function runDemo(database: Database, config: Config): Promise<void> {
  const bar = progress('demo data', demoStepCount());
  const { created } = await loadDemoData(database.db, (label) => bar.step(label), { portalUrl: config.publicUrl });
  bar.done(created === 0 ? 'already loaded' : `${created} records created`);
}

function printSignIns(url: string): void {
  out('');
  out(`Marketplace Rewards is running at ${url}`);
  out(`API reference: ${url}/api/docs`);
  out(`Demo sign-ins (password for all: ${DEMO_PASSWORD}):`);
  for (const { username, note } of demoSignIns()) out(`  ${username.padEnd(30)} ${note}`);
}

function required(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw validationFailed({ [name]: { code: 'FIELD_REQUIRED' } });
  return value.trim();
}

async function tenantByRef(database: Database, ref: string) {
  const tenant = await findTenant(database.db, ref);
  if (!tenant) throw new AppError('TENANT_NOT_FOUND');
  return tenant;
}

function importCommand(kind: ImportKind, what: string): Command {
  return {
    name: ['import', kind],
    usage: `import ${kind} FILE.csv [--from-line N]`,
    summary: `Import ${what} from CSV (header: ${IMPORT_COLUMNS[kind]}); checked whole first, then written in one transaction`,
    options: { 'from-line': { type: 'string' } },
    positionals: 1,
    async run(config, values, [file]) {
      const fromLine = values['from-line'] === undefined ? 2 : Number(values['from-line']);
      if (!Number.isInteger(fromLine) || fromLine < 2) throw validationFailed({ 'from-line': { code: 'FORMAT_INVALID' } });
      const bars = new Map<string, ReturnType<typeof progress>>();
      const last = new Map<string, number>();
      const result = await withDatabase(config, (database) =>
        importCsv(database, kind, file!, {
          fromLine,
          onProgress: ({ phase, done, total }) => {
            // One bar per phase; steps are fractions of 100 so a huge file redraws at most 100 times.
            if (!bars.has(phase)) bars.set(phase, progress(phase, 100));
            const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
            while ((last.get(phase) ?? 0) < percent) {
              last.set(phase, (last.get(phase) ?? 0) + 1);
              bars.get(phase)!.step(phase === 'checking' ? `${Math.round(done / 1e6)} MB` : `${done} rows`);
            }
          },
        }),
      );
      for (const bar of bars.values()) bar.done();
      out(JSON.stringify(result));
      return 0;
    },
  };
}

export const COMMANDS: Command[] = [
  {
    name: ['serve'],
    usage: 'serve [--demo]',
    summary: 'Migrate, then serve the portal and API (--demo: load demo data first)',
    options: { demo: { type: 'boolean' } },
    async run(config, values) {
      const server = await startServer(config, async (database) => {
        if (values.demo) await runDemo(database, config);
      });
      if (values.demo) printSignIns(server.url);
      else out(`Marketplace Rewards is running at ${server.url}`);
      await new Promise<void>((resolve) => {
        const shutdown = (signal: string) => {
          server.app.log.info({ signal, graceMs: config.shutdownGraceMs }, 'shutting down');
          // Whatever still holds the process (a hung socket) does not keep it past the grace period.
          setTimeout(() => {
            server.app.log.error('shutdown took longer than its grace period; exiting');
            process.exit(1);
          }, config.shutdownGraceMs + 2_000).unref();
          void server.stop().then(() => {
            server.app.log.info('stopped');
            resolve();
            setTimeout(() => process.exit(0), 500).unref();
          });
        };
        process.once('SIGINT', shutdown);
        process.once('SIGTERM', shutdown);
      });
      return 0;
    },
  },
  {
    name: ['migrate'],
    usage: 'migrate',
    summary: 'Apply pending database migrations',
    async run(config) {
      const database = await openConfiguredDatabase(config);
      try {
        const applied = await runMigrations(database);
        out(applied.length === 0 ? 'The database is up to date.' : `Applied: ${applied.join(', ')}`);
      } finally {
        await database.close();
      }
      return 0;
    },
  },
  {
    name: ['demo'],
    usage: 'demo',
    summary: 'Load the demo partner accounts, tenants and users',
    async run(config) {
      await withDatabase(config, (database) => runDemo(database, config));
      out(`Demo sign-ins (password for all: ${DEMO_PASSWORD}):`);
      for (const { username, note } of demoSignIns()) out(`  ${username.padEnd(30)} ${note}`);
      return 0;
    },
  },
  {
    name: ['tenant', 'create'],
    usage: 'tenant create --domain DOMAIN --name NAME',
    summary: 'Create a directory tenant',
    options: { domain: { type: 'string' }, name: { type: 'string' } },
    async run(config, values) {
      const domain = required(values, 'domain');
      const displayName = required(values, 'name');
      const tenant = await withDatabase(config, (database) => createTenant(database.db, { domain, displayName }, systemContext()));
      out(JSON.stringify({ id: tenant.id, domain: tenant.domain, displayName: tenant.displayName }));
      return 0;
    },
  },
  {
    name: ['partner', 'create'],
    usage: 'partner create --name NAME --mpn-id DIGITS --company-email EMAIL --primary-tenant DOMAIN|ID',
    summary: 'Create a partner account (PGA)',
    options: {
      name: { type: 'string' },
      'mpn-id': { type: 'string' },
      'company-email': { type: 'string' },
      'primary-tenant': { type: 'string' },
    },
    async run(config, values) {
      const mpnId = required(values, 'mpn-id');
      if (!PATTERN.mpnId.test(mpnId)) throw validationFailed({ 'mpn-id': { code: 'FORMAT_INVALID' } });
      const companyEmail = required(values, 'company-email');
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(companyEmail)) {
        throw validationFailed({ 'company-email': { code: 'EMAIL_INVALID' } });
      }
      const account = await withDatabase(config, async (database) => {
        const tenant = await tenantByRef(database, required(values, 'primary-tenant'));
        return createPartnerAccount(database.db, { name: required(values, 'name'), mpnId, companyEmail, primaryTenantId: tenant.id }, systemContext());
      });
      out(JSON.stringify(account));
      return 0;
    },
  },
  {
    name: ['user', 'create'],
    usage: 'user create --tenant DOMAIN|ID --username NAME --name NAME --email EMAIL --roles R1,R2',
    summary: 'Create a user; the password is asked for (or read from stdin)',
    options: {
      tenant: { type: 'string' },
      username: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      roles: { type: 'string' },
    },
    async run(config, values) {
      const roles = (typeof values.roles === 'string' ? values.roles : 'user').split(',').map((r) => r.trim());
      const unknown = roles.filter((role) => !(ROLES as readonly string[]).includes(role));
      if (unknown.length > 0) throw validationFailed({ roles: { code: 'VALUE_NOT_ALLOWED' } });
      const email = required(values, 'email');
      const username = required(values, 'username');
      const displayName = required(values, 'name');
      const password = await readSecret('Password for the new user: ');
      if (password.length < 10) throw validationFailed({ password: { code: 'TOO_SHORT', values: { limit: 10 } } });
      const user = await withDatabase(config, async (database) => {
        const tenant = await tenantByRef(database, required(values, 'tenant'));
        return createUser(database.db, tenant.id, { username, displayName, email, password, roles: roles as Role[] }, systemContext());
      });
      out(JSON.stringify(user));
      return 0;
    },
  },
  {
    name: ['operator', 'create'],
    usage: `operator create --username NAME --name NAME --email EMAIL --role ${OPERATOR_ROLES.join('|')} [--manager USERNAME]`,
    summary: "Create a Rewards team operator (the console's sign-in, with a second factor enrolled at the first); the password is asked for (or read from stdin)",
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      role: { type: 'string' },
      manager: { type: 'string' },
    },
    async run(config, values) {
      const role = required(values, 'role');
      if (!(OPERATOR_ROLES as readonly string[]).includes(role)) throw validationFailed({ role: { code: 'VALUE_NOT_ALLOWED' } });
      const username = required(values, 'username');
      const displayName = required(values, 'name');
      const email = required(values, 'email');
      const password = await readSecret('Password for the new operator: ');
      const operator = await withDatabase(config, async (database) => {
        const managerName = typeof values.manager === 'string' ? values.manager : null;
        const managerId = managerName ? await operatorIdOf(database.db, managerName) : null;
        if (managerName && !managerId) throw validationFailed({ manager: { code: 'USERNAME_INVALID' } });
        return createOperator(database.db, { username, displayName, email, role: role as OperatorRole, password, managerId }, systemContext());
      });
      out(JSON.stringify(operator));
      return 0;
    },
  },
  importCommand('profiles', 'publisher profiles'),
  importCommand('offers', 'offers'),
  importCommand('sales', 'billed-sales line items'),
  importCommand('sponsorship-usage', 'cloud usage against sponsorship credits'),
  {
    name: ['program', 'load'],
    usage: 'program load FILE.json|FILE.yaml',
    summary: 'Validate a program definition (tiers, benefits) and make it the current version',
    positionals: 1,
    async run(config, _values, [file]) {
      const program = parseProgramFile(file!);
      const result = await withDatabase(config, async (database) => {
        const loaded = await loadProgram(database.db, program);
        if (loaded.created) await recomputeEverything(database.db);
        return loaded;
      });
      out(result.created ? `Program version ${result.version} is now current.` : `Unchanged: version ${result.version} is already this definition.`);
      return 0;
    },
  },
  {
    name: ['token', 'create'],
    usage: 'token create --name NAME [--expires-in-days N]',
    summary: 'Create (or replace) an operator API token, optionally expiring; it is shown once',
    options: { name: { type: 'string' }, 'expires-in-days': { type: 'string' } },
    async run(config, values) {
      const name = required(values, 'name');
      const days = values['expires-in-days'];
      if (days !== undefined && (typeof days !== 'string' || !/^[1-9][0-9]{0,4}$/.test(days))) {
        throw validationFailed({ 'expires-in-days': { code: 'FORMAT_INVALID' } });
      }
      const expiresAt = typeof days === 'string' ? new Date(Date.now() + Number(days) * 86_400_000) : null;
      const { token } = await withDatabase(config, (database) => createOperatorToken(database.db, name, { expiresAt }));
      out(token);
      process.stderr.write(
        `Store this token now: only its hash is kept. Use it as "Authorization: Bearer <token>".${expiresAt ? ` It expires at ${expiresAt.toISOString()}.` : ''}\n`,
      );
      return 0;
    },
  },
  {
    name: ['token', 'list'],
    usage: 'token list',
    summary: 'List the operator API tokens (never their secrets): created, last used, expiry, revoked',
    async run(config) {
      const tokens = await withDatabase(config, (database) => allPages((page) => listOperatorTokens(database.db, page)));
      const when = (date: Date | null) => date?.toISOString() ?? '-';
      out(['name\tcreated\tlast used\texpires\trevoked', ...tokens.map((t) => [t.name, when(t.createdAt), when(t.lastUsedAt), when(t.expiresAt), when(t.revokedAt)].join('\t'))].join('\n'));
      return 0;
    },
  },
  {
    name: ['token', 'revoke'],
    usage: 'token revoke --name NAME',
    summary: 'Revoke an operator API token at once',
    options: { name: { type: 'string' } },
    async run(config, values) {
      const name = required(values, 'name');
      await withDatabase(config, (database) => revokeOperatorToken(database.db, { name }, systemContext()));
      out(`Token ${name} is revoked.`);
      return 0;
    },
  },
];
