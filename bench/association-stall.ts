/**
 * Association stall benchmark (issue #10): do tenant-association attempts, each of which checks a
 * password (scrypt, tens of milliseconds), slow everybody else down?
 *
 *   npx tsx bench/association-stall.ts [--engine pglite|postgres] [--loops 6] [--seconds 10]
 *
 * Setup (not timed): the real app (buildApp, REWARDS_WEB=off) on 127.0.0.1, a partner account whose
 * Global admin is signed in, a free tenant with one user, generous limits (so no attempt is refused
 * by them and each really checks a password).
 *
 * Baseline (timed): one loop of GET /api/v1/me (a session read, what every page does), alone.
 * Under load (timed, same run, same app): the same loop while `--loops` loops post association
 * attempts with a wrong password. The figure is the ratio of the reader's median (and p99) latency
 * under load to its baseline. Before the fix the password was checked inside a transaction that held
 * the connection (on PGlite, the only one): a median of 9 ms became 631 ms.
 */
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { createTenant, createPartnerAccount, createUser } from '../src/modules/accounts/accounts.service.ts';
import { systemContext } from '../src/platform/context.ts';
import { engineOf, machine, openBenchDatabase, parseArgs, positiveInt, printTable, revision, writeResults } from './lib.ts';

const args = parseArgs({ engine: 'postgres', loops: '6', seconds: '10' });
const engine = engineOf(args.engine);
const loops = positiveInt(args.loops, 'loops');
const durationMs = positiveInt(args.seconds, 'seconds') * 1000;
const PASSWORD = 'bench password 2026';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;

async function readLoop(url: string, cookie: string, until: number): Promise<number[]> {
  const times: number[] = [];
  while (Date.now() < until) {
    const started = performance.now();
    const response = await fetch(`${url}/api/v1/me`, { headers: { cookie } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`GET /api/v1/me: ${response.status}`);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

async function associationLoop(url: string, cookie: string, csrf: string, username: string, until: number): Promise<number> {
  let attempts = 0;
  while (Date.now() < until) {
    const response = await fetch(`${url}/api/v1/account/tenants`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: `wrong ${attempts}` }),
    });
    await response.arrayBuffer();
    if (response.status !== 401) throw new Error(`association answered ${response.status}, expected 401`);
    attempts += 1;
  }
  return attempts;
}

const bench = await openBenchDatabase(engine, { poolSize: 10 });
try {
  await migrate(bench.db);
  const ctx = systemContext();
  const home = await createTenant(bench.db, { domain: 'bench-stall.example', displayName: 'Bench' }, ctx);
  await createPartnerAccount(bench.db, { name: 'Bench', mpnId: '7000001', companyEmail: 'office@bench-stall.example', primaryTenantId: home.id }, ctx);
  await createUser(bench.db, home.id, { username: 'admin', displayName: 'Admin', email: 'admin@mail.bench-stall.example', password: PASSWORD, roles: ['global-admin'] }, ctx);
  const free = await createTenant(bench.db, { domain: 'bench-free.example', displayName: 'Free' }, ctx);
  await createUser(bench.db, free.id, { username: 'mia', displayName: 'Mia', email: 'mia@mail.bench-free.example', password: PASSWORD, roles: ['user'] }, ctx);

  const config = loadConfig({
    REWARDS_WEB: 'off',
    ASSOCIATION_MAX_ATTEMPTS: '1000',
    SIGN_IN_MAX_FAILURES: '1000',
  });
  const app = await buildApp({ config, database: bench, logger: false });
  try {
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const signIn = await fetch(`${url}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin@bench-stall.example', password: PASSWORD }),
    });
    if (signIn.status !== 200) throw new Error(`sign-in: ${signIn.status}`);
    const cookies = signIn.headers.getSetCookie().map((c) => c.split(';')[0]!);
    const cookie = cookies.join('; ');
    const csrf = cookies.find((c) => c.startsWith('rewards_csrf='))!.split('=')[1]!;

    await readLoop(url, cookie, Date.now() + 1000); // warm-up
    const alone = await readLoop(url, cookie, Date.now() + durationMs);
    const until = Date.now() + durationMs;
    const [loaded, ...attempts] = await Promise.all([
      readLoop(url, cookie, until),
      ...Array.from({ length: loops }, () => associationLoop(url, cookie, csrf, 'mia@bench-free.example', until)),
    ]);
    const totalAttempts = attempts.reduce((a, b) => a + b, 0);

    const figures = {
      engine,
      loops,
      seconds: durationMs / 1000,
      alone: { requests: alone.length, medianMs: percentile(alone, 50), p99Ms: percentile(alone, 99) },
      underLoad: { requests: loaded.length, medianMs: percentile(loaded, 50), p99Ms: percentile(loaded, 99), associationAttempts: totalAttempts },
      medianRatio: percentile(loaded, 50) / percentile(alone, 50),
      p99Ratio: percentile(loaded, 99) / percentile(alone, 99),
      machine: machine(),
      revision: revision(),
    };
    const ms = (n: number) => n.toFixed(1);
    printTable(`GET /api/v1/me while ${loops} loops try to associate a tenant (${engine}, ${durationMs / 1000} s each)`, [
      ['', 'requests', 'median ms', 'p99 ms'],
      ['alone', alone.length, ms(figures.alone.medianMs), ms(figures.alone.p99Ms)],
      [`with ${totalAttempts} association attempts`, loaded.length, ms(figures.underLoad.medianMs), ms(figures.underLoad.p99Ms)],
      ['ratio (under load / alone)', '', figures.medianRatio.toFixed(2), figures.p99Ratio.toFixed(2)],
    ]);
    console.log(`results: ${writeResults('association-stall', engine, figures)}`);
  } finally {
    await app.close();
  }
} finally {
  await bench.close();
}
