/**
 * GET /api/v1/rewards under load, next to a bare Fastify server serving the
 * same bytes, in the same process and the same run.
 *
 *   npx tsx bench/rewards-endpoint.ts [--engine postgres|pglite] [--duration 10] [--connections 50] [--sales 10000] [--warmup 2]
 *     [--wait-quiet 120] [--analyze on|off] [--profile on|off] [--uncached on|off] [--keep on|off]
 *
 * Setup (not timed): one partner account with 50 publisher profiles and 500
 * offers of every listing type (most live, some draft or delisted) and
 * billed sales over the last 14 months, all through the services; a global
 * admin of its tenant signs in through POST /api/v1/auth/sign-in.
 * The real app (buildApp, logger off, REWARDS_WEB=off) and a bare Fastify
 * server answering with the exact bytes and content-type of one real
 * response both listen on 127.0.0.1, port 0; so does (--uncached on) the same
 * app with its caches bypassed. autocannon loads each in turn
 * from a child process (so the load generator does not share this process's
 * event loop), after a short warm-up that is not counted.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { createPartnerAccount, createTenant, createUser } from '../src/modules/accounts/accounts.service.ts';
import { ingestOffers, ingestPublisherProfiles, type OfferInput } from '../src/modules/catalog/catalog.service.ts';
import { ingestBilledSales, type BilledSaleInput } from '../src/modules/sales/sales.service.ts';
import { ChangeFeed } from '../src/platform/db/change-feed.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import type { ListingType, SaleStatus } from '../src/platform/values.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import {
  BENCH_DIR,
  cpuSince,
  cpuSnapshot,
  engineOf,
  loadAverage,
  machine,
  maxRssMib,
  onInterrupt,
  openBenchDatabase,
  parseArgs,
  positiveInt,
  printTable,
  revision,
  prng,
  waitForQuiet,
  writeResults,
  type BenchDatabase,
  type CpuCores,
} from './lib.ts';

const args = parseArgs({ engine: 'postgres', duration: '10', connections: '50', sales: '10000', warmup: '2', seed: '7', profile: 'off', keep: 'off', analyze: 'on', 'wait-quiet': '120', uncached: 'on' });
const engine = engineOf(args.engine);
const DURATION = positiveInt(args.duration, 'duration');
const CONNECTIONS = positiveInt(args.connections, 'connections');
const SALES = positiveInt(args.sales, 'sales');
const WARMUP = Number(args.warmup);
const SEED = positiveInt(args.seed, 'seed');
const WAIT_QUIET = Number(args['wait-quiet']);
if (!Number.isInteger(WAIT_QUIET) || WAIT_QUIET < 0 || WAIT_QUIET > 3600) throw new Error('--wait-quiet must be 0 to 3600 seconds');
if (!Number.isInteger(WARMUP) || WARMUP < 0 || DURATION > 600) throw new Error('--warmup must be 0 or more seconds and --duration at most 600');

if (args.profile !== 'on' && args.profile !== 'off') throw new Error('--profile must be on or off');
const PROFILE = args.profile === 'on';
if (args.keep !== 'on' && args.keep !== 'off') throw new Error('--keep must be on or off');
if (args.analyze !== 'on' && args.analyze !== 'off') throw new Error('--analyze must be on or off');
if (args.uncached !== 'on' && args.uncached !== 'off') throw new Error('--uncached must be on or off');

/** --profile on: database time per statement while the product is under load (Kysely's log hook). */
const profile = new Map<string, { count: number; ms: number }>();
let profiling = false;
function onQuery(text: string, ms: number) {
  if (!profiling) return;
  const key = text.replace(/\s+/g, ' ').trim().slice(0, 90);
  const entry = profile.get(key) ?? { count: 0, ms: 0 };
  entry.count += 1;
  entry.ms += ms;
  profile.set(key, entry);
}

const PROFILES = 50;
const OFFERS = 500;
const PASSWORD = 'bench password 1234';
const DAY = 86_400_000;
const log = (message: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);

async function seed(bench: BenchDatabase) {
  const db = bench.db;
  const ctx = { actor: { type: 'system' as const }, now: new Date() };
  const tenant = await createTenant(db, { domain: 'bench-rewards.example', displayName: 'Bench rewards' }, ctx);
  const account = await createPartnerAccount(
    db,
    { name: 'Bench Rewards Partner', mpnId: '4242424242', companyEmail: 'office@bench-rewards.example', primaryTenantId: tenant.id },
    ctx,
  );
  await createUser(
    db,
    tenant.id,
    { username: 'admin', displayName: 'Bench admin', email: 'admin@mail.bench-rewards.example', password: PASSWORD, roles: ['global-admin'] },
    ctx,
  );

  const random = prng(SEED);
  const now = Date.now();
  await ingestPublisherProfiles(
    db,
    Array.from({ length: PROFILES }, (_, p) => ({ id: `bench-pp-${p}`, name: `Bench publisher ${String(p).padStart(2, '0')}`, mpnId: account.mpnId })),
    'now',
  );
  const types: ListingType[] = ['list', 'trial', 'consulting', 'transact'];
  const offers: ({ id: string } & OfferInput)[] = Array.from({ length: OFFERS }, (_, n) => {
    const r = n % 10;
    const status = r === 8 ? 'draft' : r === 9 ? 'delisted' : 'live';
    const liveAt = status === 'draft' ? null : new Date(now - Math.floor(random() * 400) * DAY).toISOString();
    return {
      id: `bench-offer-${n}`,
      publisherProfileId: `bench-pp-${n % PROFILES}`,
      name: `Bench offer ${String(n).padStart(3, '0')}`,
      listingType: types[n % types.length]!,
      status,
      liveAt,
      delistedAt: status === 'delisted' ? new Date(now - DAY).toISOString() : null,
    };
  });
  await ingestOffers(db, offers, 'now');

  const transact = offers.filter((o) => o.listingType === 'transact');
  const statuses: SaleStatus[] = ['refunded', 'cancelled', 'fraudulent'];
  for (let start = 0; start < SALES; start += 10_000) {
    const batch: BilledSaleInput[] = [];
    for (let n = start; n < Math.min(SALES, start + 10_000); n += 1) {
      const s = random();
      batch.push({
        id: `bench-sale-${n}`,
        offerId: transact[Math.floor(random() * transact.length)]!.id,
        amountUsd: (Math.floor(100 * 5_000 ** random()) / 100).toFixed(2),
        billedAt: new Date(now - 60_000 - Math.floor(random() * 425 * DAY)).toISOString(),
        status: s < 0.03 ? statuses[Math.floor(s * 100)]! : 'billed',
      });
    }
    await ingestBilledSales(db, batch, 'now');
  }
  return { accountId: account.id, mpnId: account.mpnId };
}

interface LoadResult {
  requestsPerSecond: number;
  requestsTotal: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; average: number };
  throughputMiBps: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** CPU time autocannon's process used, start-up included. */
  childCpuSeconds: number;
}

/** autocannon in a child process; its result comes back as JSON on stdout. */
function autocannon(url: string, headers: Record<string, string>, duration: number): Promise<LoadResult> {
  const script = `
    import autocannon from 'autocannon';
    const result = await autocannon(JSON.parse(process.env.BENCH_AUTOCANNON));
    const cpu = process.cpuUsage();
    process.stdout.write(JSON.stringify({ ...result, childCpuSeconds: (cpu.user + cpu.system) / 1e6 }));`;
  const options = { url, connections: CONNECTIONS, duration, headers };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd: path.dirname(BENCH_DIR),
      env: { ...process.env, BENCH_AUTOCANNON: JSON.stringify(options) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`));
      const r = JSON.parse(out) as {
        requests: { average: number; total: number };
        latency: { p50: number; p90: number; p99: number; max: number; average: number };
        throughput: { average: number };
        non2xx: number;
        errors: number;
        timeouts: number;
        childCpuSeconds: number;
      };
      resolve({
        requestsPerSecond: Math.round(r.requests.average),
        requestsTotal: r.requests.total,
        latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max, average: r.latency.average },
        throughputMiBps: Math.round((r.throughput.average / 1024 / 1024) * 10) / 10,
        non2xx: r.non2xx,
        errors: r.errors,
        timeouts: r.timeouts,
        childCpuSeconds: r.childCpuSeconds,
      });
    });
  });
}

interface Measured extends LoadResult {
  /** Cores kept busy during the measured run, by the server process, PostgreSQL, autocannon and other work. */
  cpuCores: CpuCores & { loadGenerator: number };
  /** Whether the machine was quiet before the warm-up (see --wait-quiet). */
  quietBefore: Awaited<ReturnType<typeof waitForQuiet>>;
}

async function load(name: string, url: string, headers: Record<string, string>): Promise<Measured> {
  const quietBefore = await waitForQuiet(WAIT_QUIET, 0.3, log);
  if (WARMUP > 0) {
    log(`${name}: warm-up ${WARMUP}s`);
    await autocannon(url, headers, WARMUP);
  }
  log(`${name}: ${CONNECTIONS} connections for ${DURATION}s`);
  const before = cpuSnapshot();
  const result = await autocannon(url, headers, DURATION);
  const elapsedSeconds = (performance.now() - before.at) / 1000;
  const loadGenerator = Math.round((result.childCpuSeconds / elapsedSeconds) * 100) / 100;
  return { ...result, cpuCores: { ...cpuSince(before, loadGenerator), loadGenerator }, quietBefore };
}

async function main() {
  const loadAverageAtStart = loadAverage();
  const revisionAtStart = revision();
  const bench = await openBenchDatabase(engine, { keep: args.keep === 'on', ...(PROFILE ? { onQuery } : {}) });
  let app: FastifyInstance | null = null;
  let bare: FastifyInstance | null = null;
  let closed = false;
  const cleanup = async () => {
    if (closed) return;
    closed = true;
    await bare?.close();
    await app?.close();
    await bench.close().catch((error: unknown) => console.error('close failed:', error));
  };
  const offInterrupt = onInterrupt(cleanup);
  try {
    log(`database: ${bench.description}`);
    await migrate(bench.db);
    const partner = await seed(bench);
    // Steady state: autovacuum analyzes freshly loaded tables within a minute or so; do it now rather than
    // measure plans made without statistics (--analyze off shows that case).
    if (args.analyze === 'on') await sql`analyze`.execute(bench.db);

    app = await buildApp({ config: loadConfig({ REWARDS_WEB: 'off' }), database: bench, logger: false });
    const signIn = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username: 'admin@bench-rewards.example', password: PASSWORD } });
    if (signIn.statusCode !== 200) throw new Error(`sign-in failed: ${signIn.statusCode} ${signIn.body}`);
    const cookie = (signIn.cookies as { name: string; value: string }[]).map((c) => `${c.name}=${c.value}`).join('; ');
    const appUrl = await app.listen({ host: '127.0.0.1', port: 0 });

    // One real response over HTTP: its exact bytes and content-type are what the bare server sends.
    const sample = await fetch(`${appUrl}/api/v1/rewards`, { headers: { cookie } });
    if (sample.status !== 200) throw new Error(`GET /api/v1/rewards: ${sample.status} ${await sample.text()}`);
    const contentType = sample.headers.get('content-type') ?? 'application/json; charset=utf-8';
    const bytes = Buffer.from(await sample.arrayBuffer());
    const summary = JSON.parse(bytes.toString('utf8')) as {
      publisherProfiles: unknown[];
      liveOffers: Record<string, number>;
      billedSalesTtmUsd: string;
      tier: { code: string } | null;
      explanation: { countedOffers: unknown[] };
    };

    bare = Fastify({ logger: false });
    bare.get('/api/v1/rewards', (_request, reply) => reply.header('content-type', contentType).send(bytes));
    const bareUrl = await bare.listen({ host: '127.0.0.1', port: 0 });
    const check = await fetch(`${bareUrl}/api/v1/rewards`);
    if (!Buffer.from(await check.arrayBuffer()).equals(bytes)) throw new Error('the bare server does not answer the same bytes');

    // --uncached on (the default): the same app with its caches bypassed (a change feed that never
    // listens), i.e. what every request costs right after a write has made the cached summary stale.
    let uncached: Measured | null = null;
    if (args.uncached === 'on') {
      const cold = await buildApp({ config: loadConfig({ REWARDS_WEB: 'off' }), database: { ...bench, changes: new ChangeFeed(true) }, logger: false });
      const coldUrl = await cold.listen({ host: '127.0.0.1', port: 0 });
      uncached = await load('product, caches bypassed', `${coldUrl}/api/v1/rewards`, { cookie });
      await cold.close();
    }

    profiling = true;
    const product = await load('product', `${appUrl}/api/v1/rewards`, { cookie });
    profiling = false;
    const baseline = await load('bare', `${bareUrl}/api/v1/rewards`, {});
    const ratio = Math.round((product.requestsPerSecond / baseline.requestsPerSecond) * 100) / 100;

    const figures = {
      bench: 'rewards-endpoint',
      engine,
      database: bench.description,
      revision: revisionAtStart,
      machine: machine(),
      loadAverageAtStart,
      startedAt: new Date().toISOString(),
      parameters: { duration: DURATION, warmup: WARMUP, connections: CONNECTIONS, profiles: PROFILES, offers: OFFERS, sales: SALES, analyze: args.analyze },
      response: {
        bytes: bytes.length,
        contentType,
        publisherProfiles: summary.publisherProfiles.length,
        liveOffers: summary.liveOffers,
        countedOffers: summary.explanation.countedOffers.length,
        billedSalesTtmUsd: summary.billedSalesTtmUsd,
        tier: summary.tier?.code ?? null,
        partnerMpnId: partner.mpnId,
      },
      product,
      bare: baseline,
      ...(uncached ? { uncached } : {}),
      ratio: { requestsPerSecond: ratio, goal: 0.5, p99GoalMs: 25 },
      memory: { processMaxRssMiB: maxRssMib() },
    };
    printTable(`GET /api/v1/rewards, ${CONNECTIONS} connections, ${DURATION}s each, ${bench.description}; response ${bytes.length} bytes`, [
      ['server', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'MiB/s', 'non-2xx', 'errors', 'CPU: server', 'postgres', 'autocannon', 'other work'],
      ...(
        [
          ['product (buildApp)', product],
          ['bare Fastify, same bytes', baseline],
          ...(uncached ? [['product, caches bypassed', uncached] as const] : []),
        ] as const
      ).map(([name, r]) => [
        name,
        r.requestsPerSecond,
        r.latencyMs.p50,
        r.latencyMs.p90,
        r.latencyMs.p99,
        r.latencyMs.max,
        r.throughputMiBps,
        r.non2xx,
        r.errors + r.timeouts,
        r.cpuCores.self,
        r.cpuCores.postgres ?? '?',
        r.cpuCores.loadGenerator,
        r.cpuCores.other ?? '?',
      ]),
    ]);
    console.log(`\nproduct / bare requests per second: ${ratio} (goal >= 0.5); product p99 ${product.latencyMs.p99} ms (goal < 25 ms)`);
    if (uncached) {
      const uncachedRatio = Math.round((uncached.requestsPerSecond / baseline.requestsPerSecond) * 1000) / 1000;
      console.log(`caches bypassed / bare requests per second: ${uncachedRatio}; p99 ${uncached.latencyMs.p99} ms (every request reads the database)`);
      Object.assign(figures.ratio, { uncachedRequestsPerSecond: uncachedRatio });
    }
    if (PROFILE) {
      const requests = product.requestsTotal;
      const top = [...profile.entries()].sort((a, b) => b[1].ms - a[1].ms);
      printTable('Database time by statement under load, warm-up included (--profile on)', [
        ['statement', 'calls', 'seconds', 'ms per call'],
        ...top.slice(0, 15).map(([statement, e]) => [statement, e.count, Math.round(e.ms) / 1000, Math.round((e.ms / e.count) * 10) / 10]),
      ]);
      Object.assign(figures, {
        profile: {
          note: 'database execution time per statement during warm-up and measured load; statements run 10 at a time (pool of 10)',
          requestsMeasured: requests,
          statements: top.map(([statement, e]) => ({ statement, calls: e.count, seconds: Math.round(e.ms) / 1000 })),
        },
      });
    }
    const file = writeResults(PROFILE ? 'rewards-endpoint-profile' : 'rewards-endpoint', engine, figures);
    console.log(`written ${path.relative(process.cwd(), file)}`);
    if (product.non2xx > 0 || product.errors > 0) process.exitCode = 1;
  } finally {
    offInterrupt();
    await cleanup();
  }
}

await main();
