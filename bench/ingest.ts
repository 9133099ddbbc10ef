/**
 * Ingest benchmark: the product's CSV import path against a raw COPY baseline,
 * on the same engine, in the same run.
 *
 *   npx tsx bench/ingest.ts [--engine pglite|postgres] [--lines 1000000] [--partners 10000] [--seed 42]
 *     [--wait-quiet 120] [--profile on|off] [--keep on|off]
 *
 * Setup (not timed): partner accounts inserted directly with SQL, the default
 * program loaded, three CSV files generated with a deterministic PRNG into a
 * temporary folder (publisher profiles, two transact offers per partner,
 * billed sales over the last 14 months with ~3% refunded/cancelled/fraudulent).
 *
 * Product (timed): importCsv profiles, then offers, then sales, which ends by
 * recomputing eligibility for every partner the files touched.
 * Baseline (timed): COPY of the same three files into unindexed staging tables
 * and one GROUP BY computing each partner's trailing-twelve-months billed sales.
 * Floor (timed, not in the ratio): COPY of the sales file into a table keyed and
 * indexed like billed_sales, what any store that can update lines by id costs.
 * Then both results are compared exactly (decimal strings), and also against
 * the sum the generator computed itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import { importCsv, type ImportKind, type ImportProgress } from '../src/modules/imports/csv-import.ts';
import { ensureProgram } from '../src/modules/eligibility/program.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import {
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
  RssSampler,
  seconds,
  writeResults,
  waitForQuiet,
  type BenchDatabase,
} from './lib.ts';
import { generateIngestFiles, mpnOf, type Generated } from './ingest-data.ts';
import { StatementProfile } from './ingest-profile.ts';

const args = parseArgs({ engine: 'postgres', lines: '1000000', partners: '10000', seed: '42', profile: 'off', keep: 'off', 'wait-quiet': '120' });
const engine = engineOf(args.engine);
const LINES = positiveInt(args.lines, 'lines');
const PARTNERS = positiveInt(args.partners, 'partners');
const SEED = positiveInt(args.seed, 'seed');
const WAIT_QUIET = Number(args['wait-quiet']);
if (!Number.isInteger(WAIT_QUIET) || WAIT_QUIET < 0 || WAIT_QUIET > 3600) throw new Error('--wait-quiet must be 0 to 3600 seconds');
if (args.profile !== 'on' && args.profile !== 'off') throw new Error('--profile must be on or off');
const PROFILE = args.profile === 'on';
if (args.keep !== 'on' && args.keep !== 'off') throw new Error('--keep must be on or off');

const log = (message: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);

// Database time per statement, by the phase it ran in (--profile on): bench/ingest-profile.ts.
const statements = new StatementProfile();
const onQuery = statements.onQuery;

// ---------------------------------------------------------------- setup

async function insertPartners(bench: BenchDatabase): Promise<void> {
  const chunk = 5_000;
  for (let start = 0; start < PARTNERS; start += chunk) {
    const ids = Array.from({ length: Math.min(chunk, PARTNERS - start) }, (_, j) => start + j);
    const tenantIds = ids.map(() => randomUUID());
    const accountIds = ids.map(() => randomUUID());
    await bench.db.transaction().execute(async (trx) => {
      await sql`insert into tenants (id, domain, display_name)
        select * from unnest(${tenantIds}::uuid[], ${ids.map((i) => `b${i}.bench.example`)}::text[], ${ids.map((i) => `Bench tenant ${i}`)}::text[])`.execute(trx);
      await sql`insert into partner_accounts (id, name, mpn_id, company_email, primary_tenant_id)
        select * from unnest(${accountIds}::uuid[], ${ids.map((i) => `Bench partner ${i}`)}::text[], ${ids.map(mpnOf)}::text[],
          ${ids.map((i) => `office@b${i}.bench.example`)}::text[], ${tenantIds}::uuid[])`.execute(trx);
      await sql`update tenants t set partner_account_id = pa.id, associated_at = now()
        from partner_accounts pa where pa.primary_tenant_id = t.id and t.id = any(${tenantIds}::uuid[])`.execute(trx);
    });
  }
}

/** PostgreSQL: flush dirty buffers and settle the tables written so far, so the next timed part starts quiet. */
async function quiesce(bench: BenchDatabase, tables: string[]): Promise<void> {
  if (bench.engine !== 'postgres') return;
  for (const table of tables) await sql.raw(`vacuum analyze ${table}`).execute(bench.db);
  await sql`checkpoint`.execute(bench.db).catch(() => undefined);
}

// ---------------------------------------------------------------- product

interface ImportFigures {
  kind: ImportKind;
  rows: number;
  inserted: number;
  updated: number;
  seconds: number;
  /** Reading, checking and COPYing the file into the staging table. */
  checkingSeconds: number;
  /** The transaction that checks the staged rows, merges them and marks partners dirty. */
  mergeSeconds: number;
  /** ANALYZE and recomputeDirty. */
  recomputeSeconds: number;
  partnersRecomputed: number;
}

async function runImport(bench: BenchDatabase, kind: ImportKind, file: string, sampler: RssSampler): Promise<ImportFigures> {
  const start = performance.now();
  let checkedAt = start;
  let mergedAt = 0;
  const onProgress = (progress: ImportProgress) => {
    sampler.sample();
    const now = performance.now();
    if (progress.phase === 'checking') checkedAt = now;
    else if (progress.phase === 'importing') {
      // done = 0: the merge starts; done = total: it is committed and what the database does next is the recompute.
      if (progress.done === progress.total) {
        mergedAt = now;
        statements.phase = `${kind}: recompute`;
      } else statements.phase = `${kind}: merge`;
    } else if (progress.done % 10_000 === 0) log(`  ${kind}: ${progress.done} partners recomputed`);
  };
  log(`product: importing ${kind}`);
  statements.phase = `${kind}: check + COPY`;
  const result = await importCsv(bench, kind, file, { onProgress });
  const end = performance.now();
  return {
    kind,
    rows: result.rows,
    inserted: result.inserted,
    updated: result.updated,
    seconds: seconds(end - start),
    checkingSeconds: seconds(checkedAt - start),
    mergeSeconds: seconds((mergedAt || checkedAt) - checkedAt),
    recomputeSeconds: seconds(end - (mergedAt || checkedAt)),
    partnersRecomputed: result.partnersRecomputed,
  };
}

// ---------------------------------------------------------------- baseline

const STAGING = {
  profiles: 'create table bench_stage_profiles (id text, name text, mpn_id text)',
  offers: `create table bench_stage_offers (id text, publisher_profile_id text, name text, listing_type text, status text,
    live_at timestamptz, delisted_at timestamptz)`,
  sales: 'create table bench_stage_sales (id text, offer_id text, amount_usd numeric(16, 2), billed_at timestamptz, status text)',
} as const;

const GROUP_BY = `create table bench_baseline_ttm as
  select pa.id as partner_account_id, sum(s.amount_usd) as ttm_usd
  from bench_stage_sales s
  join bench_stage_offers o on o.id = s.offer_id
  join bench_stage_profiles pp on pp.id = o.publisher_profile_id
  join partner_accounts pa on pa.mpn_id = pp.mpn_id
  where s.status = 'billed' and s.billed_at > now() - interval '12 months' and s.billed_at <= now()
  group by pa.id`;

async function copyFile(bench: BenchDatabase, table: string, file: string): Promise<void> {
  const copy = `copy ${table} from %SOURCE% with (format csv, header true)`;
  if (bench.pglite) {
    await bench.pglite.query(copy.replace('%SOURCE%', "'/dev/blob'"), [], { blob: await fs.openAsBlob(file) });
    return;
  }
  const client = await bench.pgClient();
  try {
    await pipeline(fs.createReadStream(file), client.query(copyFrom(copy.replace('%SOURCE%', 'stdin'))));
  } finally {
    await client.end();
  }
}

async function runBaseline(bench: BenchDatabase, data: Generated, sampler: RssSampler) {
  for (const ddl of Object.values(STAGING)) await sql.raw(ddl).execute(bench.db);
  const copySeconds: Record<'profiles' | 'offers' | 'sales', number> = { profiles: 0, offers: 0, sales: 0 };
  const start = performance.now();
  for (const kind of ['profiles', 'offers', 'sales'] as const) {
    log(`baseline: COPY ${kind}`);
    const t = performance.now();
    await copyFile(bench, `bench_stage_${kind}`, data.files[kind]);
    copySeconds[kind] = seconds(performance.now() - t);
    sampler.sample();
  }
  // Fresh tables have no statistics; without them the planner nests loops over the join.
  log('baseline: ANALYZE staging tables');
  let t = performance.now();
  await sql.raw('analyze bench_stage_profiles, bench_stage_offers, bench_stage_sales').execute(bench.db);
  const analyzeSeconds = seconds(performance.now() - t);
  log('baseline: GROUP BY');
  t = performance.now();
  await sql.raw(GROUP_BY).execute(bench.db);
  const groupBySeconds = seconds(performance.now() - t);
  const total = seconds(performance.now() - start);
  return { copySeconds, analyzeSeconds, groupBySeconds, seconds: total };
}

/**
 * Not part of the ratio: COPY of the sales file into a table with billed_sales' own primary key, index and
 * checks (`like … including all`; billed_sales has no foreign key since migration 0005). What storing the
 * lines so that a later file can update them costs on this engine, before any merging, checking or recompute.
 */
async function runFloor(bench: BenchDatabase, data: Generated): Promise<number> {
  await sql`create table bench_floor_sales (like billed_sales including all)`.execute(bench.db);
  log('floor: COPY sales into a table keyed and indexed like billed_sales');
  const start = performance.now();
  await copyFile(bench, 'bench_floor_sales (id, offer_id, amount_usd, billed_at, status)', data.files.sales);
  return seconds(performance.now() - start);
}

// ---------------------------------------------------------------- main

async function main() {
  const sampler = new RssSampler();
  const startedAt = new Date().toISOString();
  const loadAverageAtStart = loadAverage();
  const revisionAtStart = revision();
  log(`generating ${LINES} sales lines for ${PARTNERS} partners (seed ${SEED})`);
  const data = await generateIngestFiles({ lines: LINES, partners: PARTNERS, seed: SEED });
  const bench = await openBenchDatabase(engine, { keep: args.keep === 'on', ...(PROFILE ? { onQuery } : {}) }).catch((error: unknown) => {
    fs.rmSync(data.dir, { recursive: true, force: true });
    throw error;
  });
  let closed = false;
  const cleanup = async () => {
    if (closed) return;
    closed = true;
    await bench.close().catch((error: unknown) => console.error('close failed:', error));
    fs.rmSync(data.dir, { recursive: true, force: true });
  };
  const offInterrupt = onInterrupt(cleanup);
  try {
    log(`database: ${bench.description}`);
    const setupStart = performance.now();
    await migrate(bench.db);
    await ensureProgram(bench.db);
    await insertPartners(bench);
    await quiesce(bench, ['tenants', 'partner_accounts']);
    const setupSeconds = seconds(performance.now() - setupStart);
    const setupPeak = sampler.takePeak();

    // Product first, so its peak memory is not inflated by the baseline's (PGlite never returns memory).
    const productQuiet = await waitForQuiet(WAIT_QUIET, 0.3, log);
    const productCpu = cpuSnapshot();
    const productStart = performance.now();
    const imports: ImportFigures[] = [];
    for (const kind of ['profiles', 'offers', 'sales'] as const) imports.push(await runImport(bench, kind, data.files[kind], sampler));
    const productSeconds = seconds(performance.now() - productStart);
    const productPeak = sampler.takePeak();
    const productMaxRss = maxRssMib();
    const productCores = cpuSince(productCpu);

    statements.phase = 'after product';
    log('settling the database before the baseline (not timed)');
    await quiesce(bench, ['publisher_profiles', 'offers', 'billed_sales', 'partner_eligibility', 'entitlements', 'entitlement_events']);
    const baselineQuiet = await waitForQuiet(WAIT_QUIET, 0.3, log);
    sampler.takePeak();
    const baselineCpu = cpuSnapshot();
    const baseline = await runBaseline(bench, data, sampler);
    const baselineCores = cpuSince(baselineCpu);
    const baselinePeak = sampler.takePeak();
    await quiesce(bench, ['bench_stage_profiles', 'bench_stage_offers', 'bench_stage_sales', 'bench_baseline_ttm']);
    const floorSeconds = await runFloor(bench, data);

    // Verification: exact decimal strings, product vs baseline vs the generator's own sum.
    const product = await sql<{ total: string; rows: number; dirty: number; tiers: string }>`
      select coalesce(sum(billed_sales_ttm_usd), 0)::text as total, count(*)::int as rows,
        (count(*) filter (where dirty))::int as dirty,
        string_agg(distinct coalesce(tier_code, '-'), ',') as tiers
      from partner_eligibility`.execute(bench.db);
    const base = await sql<{ total: string; rows: number }>`
      select coalesce(sum(ttm_usd), 0)::text as total, count(*)::int as rows from bench_baseline_ttm`.execute(bench.db);
    const mismatches = await sql<{ n: number }>`
      select count(*)::int as n from partner_accounts pa
      left join partner_eligibility pe on pe.partner_account_id = pa.id
      left join bench_baseline_ttm b on b.partner_account_id = pa.id
      where coalesce(pe.billed_sales_ttm_usd, 0) <> coalesce(b.ttm_usd, 0)`.execute(bench.db);
    const counts = await sql<{ sales: number; staged: number; entitlements: number }>`
      select (select count(*) from billed_sales)::int as sales, (select count(*) from bench_stage_sales)::int as staged,
        (select count(*) from entitlements)::int as entitlements`.execute(bench.db);
    const p = product.rows[0]!;
    const b = base.rows[0]!;
    const c = counts.rows[0]!;
    const verification = {
      productTtmSumUsd: p.total,
      baselineTtmSumUsd: b.total,
      generatorTtmSumUsd: data.expectedTtmUsd,
      equal: p.total === b.total && b.total === data.expectedTtmUsd,
      partnersWithDifferentTtm: mismatches.rows[0]!.n,
      partnersStillDirty: p.dirty,
      eligibilityRows: p.rows,
      baselinePartnerRows: b.rows,
      billedSalesRows: c.sales,
      stagedSalesRows: c.staged,
      entitlementsGranted: c.entitlements,
      tiersSeen: p.tiers,
    };

    const sales = imports.find((i) => i.kind === 'sales')!;
    const figures = {
      bench: 'ingest',
      engine,
      database: bench.description,
      revision: revisionAtStart,
      machine: machine(),
      loadAverageAtStart,
      startedAt,
      parameters: { lines: LINES, partners: PARTNERS, seed: SEED, profiles: data.counts.profiles, offers: data.counts.offers },
      files: { bytes: data.bytes, salesStatus: data.statusCounts },
      setupSeconds,
      product: {
        seconds: productSeconds,
        salesRowsPerSecond: Math.round(LINES / productSeconds),
        imports,
        peakRssMiB: productPeak,
        maxRssMiBSoFar: productMaxRss,
        cpuCores: productCores,
        quietBefore: productQuiet,
      },
      baseline: {
        ...baseline,
        salesRowsPerSecond: Math.round(LINES / baseline.seconds),
        peakRssMiB: baselinePeak,
        cpuCores: baselineCores,
        quietBefore: baselineQuiet,
      },
      floor: { seconds: floorSeconds, what: 'COPY of the sales file into a table with the primary key, index and checks of billed_sales' },
      ratio: {
        total: Math.round((productSeconds / baseline.seconds) * 100) / 100,
        salesOnly: Math.round((sales.seconds / (baseline.copySeconds.sales + baseline.analyzeSeconds + baseline.groupBySeconds)) * 100) / 100,
        goal: 2,
      },
      memory: { setupPeakRssMiB: setupPeak, processMaxRssMiB: maxRssMib() },
      verification,
    };

    printTable(`Ingest: ${LINES.toLocaleString('en-US')} sales lines, ${PARTNERS.toLocaleString('en-US')} partners, ${bench.description}`, [
      ['part', 'seconds', 'check + COPY', 'merge', 'recompute', 'sales rows/s', 'peak RSS MiB'],
      ...imports.map((i) => [`product: ${i.kind} (${i.rows} rows)`, i.seconds, i.checkingSeconds, i.mergeSeconds, i.recomputeSeconds, '', '']),
      ['product total', productSeconds, '', '', '', figures.product.salesRowsPerSecond, productPeak],
      ...(['profiles', 'offers', 'sales'] as const).map((k) => [`baseline: COPY ${k}`, baseline.copySeconds[k], '', '', '', '', '']),
      ['baseline: ANALYZE', baseline.analyzeSeconds, '', '', '', '', ''],
      ['baseline: GROUP BY', baseline.groupBySeconds, '', '', '', '', ''],
      ['baseline total', baseline.seconds, '', '', '', figures.baseline.salesRowsPerSecond, baselinePeak],
      ['floor (not in the ratio): COPY sales keyed + indexed like billed_sales', floorSeconds, '', '', '', Math.round(LINES / floorSeconds), ''],
    ]);
    printTable('Ratio and check', [
      ['figure', 'value'],
      ['product / baseline (all three files)', `${figures.ratio.total}x (goal <= 2x)`],
      ['product / baseline (sales file only)', `${figures.ratio.salesOnly}x`],
      ['process max RSS', `${figures.memory.processMaxRssMiB} MiB`],
      ['CPU cores, product: bench process / postgres / other work', `${productCores.self} / ${productCores.postgres ?? '?'} / ${productCores.other ?? '?'}`],
      ['CPU cores, baseline: bench process / postgres / other work', `${baselineCores.self} / ${baselineCores.postgres ?? '?'} / ${baselineCores.other ?? '?'}`],
      ['TTM sum product', verification.productTtmSumUsd],
      ['TTM sum baseline', verification.baselineTtmSumUsd],
      ['TTM sum generator', verification.generatorTtmSumUsd],
      ['equal', verification.equal && verification.partnersWithDifferentTtm === 0 ? 'yes' : 'NO'],
    ]);
    if (PROFILE) {
      const top = [...statements.entries.values()].filter((e) => e.phase.includes(':')).sort((a, b) => b.ms - a.ms);
      printTable('Database time by statement during the product import (--profile on)', [
        ['phase', 'statement', 'calls', 'seconds', 'ms per call'],
        ...top.slice(0, 20).map((e) => [e.phase, e.statement, e.count, seconds(e.ms), Math.round(e.ms / e.count)]),
      ]);
      const dbMs = top.reduce((sum, e) => sum + e.ms, 0);
      console.log(`database time in the product import: ${seconds(dbMs)} s of ${productSeconds} s`);
      Object.assign(figures, {
        profile: {
          databaseSeconds: seconds(dbMs),
          statements: top.map((e) => ({ phase: e.phase, statement: e.statement, calls: e.count, seconds: seconds(e.ms) })),
        },
      });
    }
    const file = writeResults(PROFILE ? 'ingest-profile' : 'ingest', engine, figures);
    console.log(`\nwritten ${path.relative(process.cwd(), file)}`);
    if (!verification.equal || verification.partnersWithDifferentTtm !== 0 || verification.partnersStillDirty !== 0) process.exitCode = 1;
  } finally {
    sampler.stop();
    offInterrupt();
    await cleanup();
  }
}

await main();
