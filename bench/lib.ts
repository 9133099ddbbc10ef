/**
 * What the benchmarks share: command-line options, opening a throw-away
 * database on either engine (a temporary PGlite data folder, or a fresh
 * PostgreSQL schema dropped at the end, as test/helpers.ts does), a peak-RSS
 * sampler, a deterministic PRNG, a table printer and the results file.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql, type LogEvent } from 'kysely';
import pg from 'pg';
import { openDatabase, type Database, type Engine } from '../src/platform/db/database.ts';
import { ChangeFeed } from '../src/platform/db/change-feed.ts';
import { ObservedDialect } from '../src/platform/db/observed-dialect.ts';
import { PGliteDialect } from '../src/platform/db/pglite-dialect.ts';
import type { DB } from '../src/platform/db/schema.ts';

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** `--name value` / `--name=value` options, each with a default; unknown options stop the run. */
export function parseArgs<T extends Record<string, string>>(defaults: T, argv = process.argv.slice(2)): T {
  const out: Record<string, string> = { ...defaults };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match || !(match[1]! in defaults)) {
      throw new Error(`unknown option ${arg}; options: ${Object.keys(defaults).map((k) => `--${k}`).join(' ')}`);
    }
    const value = match[2] ?? argv[(i += 1)];
    if (value === undefined) throw new Error(`--${match[1]} needs a value`);
    out[match[1]!] = value;
  }
  return out as T;
}

export function positiveInt(value: string, name: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new Error(`--${name} must be a positive whole number (got "${value}")`);
  return Number(value);
}

export function engineOf(value: string): Engine {
  if (value !== 'pglite' && value !== 'postgres') throw new Error(`--engine must be pglite or postgres (got "${value}")`);
  return value;
}

/** A database for one run, with the raw handles a baseline needs (PGlite itself, or a pg client on the same schema). */
export interface BenchDatabase extends Database {
  description: string;
  /** PGlite only: the instance under the Kysely dialect (same single connection). */
  pglite: PGlite | null;
  /** PostgreSQL only: a new client on the run's schema; the caller ends it. */
  pgClient(): Promise<pg.Client>;
}

export interface OpenOptions {
  poolSize?: number;
  /** Called after every statement with its SQL and duration (profiling); Kysely's own `log` hook. */
  onQuery?: (sql: string, ms: number) => void;
  /** Leave the schema / data folder in place at the end, for inspection (EXPLAIN, psql). */
  keep?: boolean;
}

export async function openBenchDatabase(engine: Engine, { poolSize = 10, onQuery, keep = false }: OpenOptions = {}): Promise<BenchDatabase> {
  const log = onQuery
    ? (event: LogEvent) => {
        if (event.level === 'query') onQuery(event.query.sql, event.queryDurationMillis);
      }
    : undefined;
  if (engine === 'pglite') {
    // Built as openDatabase builds it (same PGlite options, same dialect), so the
    // baseline can reach the instance itself; a temporary folder needs no lock.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rewards-bench-'));
    const pglite = new PGlite(path.join(dir, 'pgdata'));
    await pglite.waitReady;
    const changes = new ChangeFeed(false);
    const db = new Kysely<DB>({ dialect: new ObservedDialect(new PGliteDialect(pglite), changes), ...(log ? { log } : {}) });
    const version = (await pglite.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]?.v ?? '?';
    return {
      db,
      engine,
      raw: { engine, pglite },
      changes,
      pglite,
      description: `PGlite ${version} (in process, data folder ${dir}${log ? ', profiling' : ''})`,
      pgClient: () => Promise.reject(new Error('no pg client on PGlite')),
      close: async () => {
        await db.destroy();
        await pglite.close();
        if (keep) console.error(`kept the PGlite data folder ${dir}`);
        else fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = process.env.BENCH_DATABASE_URL ?? DEFAULT_PG_URL;
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const version = (await admin.query<{ server_version: string }>('show server_version')).rows[0]?.server_version ?? '?';
  await admin.query(`create schema ${schema}`);
  await admin.end();
  // openDatabase as the app opens it; when profiling, the same pool settings under a Kysely that logs.
  const database: Database = log
    ? (() => {
        const connection = { connectionString: url, options: `-c TimeZone=UTC -c search_path=${schema}` };
        const pool = new pg.Pool({ ...connection, max: poolSize });
        const changes = new ChangeFeed(true);
        changes.listenPostgres(connection);
        const db = new Kysely<DB>({ dialect: new ObservedDialect(new PostgresDialect({ pool }), changes), log });
        const close = async () => {
          await changes.close();
          await db.destroy();
        };
        return { db, engine: 'postgres' as const, raw: { engine: 'postgres' as const, pool }, changes, close };
      })()
    : await openDatabase({ engine: 'postgres', url, schema, poolSize });
  return {
    ...database,
    pglite: null,
    description: `PostgreSQL ${version} (${new URL(url).host}, schema ${schema}, pool ${poolSize}${log ? ', profiling' : ''})`,
    async pgClient() {
      const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
      await client.connect();
      return client;
    },
    close: async () => {
      if (keep) console.error(`kept the schema ${schema} (drop schema ${schema} cascade; when done)`);
      else await sql.raw(`drop schema ${schema} cascade`).execute(database.db);
      await database.close();
    },
  };
}

/** Resident set size sampled every 100 ms (and on demand); `maxRss` is the kernel's high-water mark. */
export class RssSampler {
  #peak = 0;
  #timer: NodeJS.Timeout;
  constructor(intervalMs = 100) {
    this.sample();
    this.#timer = setInterval(() => this.sample(), intervalMs);
    this.#timer.unref();
  }
  sample(): void {
    const rss = process.memoryUsage().rss;
    if (rss > this.#peak) this.#peak = rss;
  }
  /** The sampled peak since the last reset, in MiB; then starts again from the current RSS. */
  takePeak(): number {
    this.sample();
    const peak = this.#peak;
    this.#peak = process.memoryUsage().rss;
    return mib(peak);
  }
  stop(): void {
    clearInterval(this.#timer);
  }
}

export const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
/** process.resourceUsage().maxRSS is in KiB: the peak over the whole process so far, between samples too. */
export const maxRssMib = () => Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const seconds = (ms: number) => Math.round(ms) / 1000;

export function printTable(title: string, rows: (string | number)[][]): void {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => String(row[col] ?? '').length)));
  const line = (row: (string | number)[]) =>
    row.map((cell, col) => (typeof cell === 'number' ? String(cell).padStart(widths[col]!) : String(cell).padEnd(widths[col]!))).join('  ');
  console.log(`\n${title}`);
  console.log(line(rows[0]!));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows.slice(1)) console.log(line(row));
}

export function writeResults(name: string, engine: Engine, figures: unknown): string {
  const dir = path.join(BENCH_DIR, 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${engine}.json`);
  fs.writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`);
  return file;
}

export function machine() {
  return {
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? '?',
    memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
    /** 1, 5 and 15 minute load averages when the figures were written: other work on the machine skews them. */
    loadAverage: loadAverage(),
  };
}

/** The commit measured, with "+changes" when src/ or migrations/ differ from it (others edit while benchmarks run). */
export function revision(): string {
  try {
    const cwd = path.dirname(BENCH_DIR);
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd, encoding: 'utf8' }).trim();
    const changed = execFileSync('git', ['status', '--porcelain', '--', 'src', 'migrations'], { cwd, encoding: 'utf8' }).trim();
    return changed ? `${head}+changes` : head;
  } catch {
    return 'unknown';
  }
}

export function loadAverage(): number[] {
  return os.loadavg().map((l) => Math.round(l * 100) / 100);
}

/** Runs `cleanup` once on SIGINT/SIGTERM before exiting, so an interrupted run leaves no schema or folder behind. */
export function onInterrupt(cleanup: () => Promise<void>): () => void {
  const handler = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}

/**
 * CPU accounting (Linux /proc; null elsewhere): how many cores this process,
 * the local PostgreSQL server's processes and the rest of the machine kept
 * busy between two snapshots. "Other" is work that is not the benchmark's
 * (other test runs on a shared machine): when it is high, the figures are skewed.
 */
export interface CpuSnapshot {
  at: number;
  self: NodeJS.CpuUsage;
  machine: { busy: number; total: number } | null;
  /** CPU ticks of each running postgres process, by pid, when the snapshot was taken. */
  postgresTicks: Map<string, number> | null;
  /**
   * The last ticks seen of every postgres process since the snapshot, read every SAMPLE_MS: a backend
   * that ends before the next snapshot (a COPY connection the benchmark opened and closed) keeps what
   * it used, where a second snapshot alone would miss it and book its work as "other".
   */
  postgresSeen: Map<string, number> | null;
  stopSampling: () => void;
}

/** How often a snapshot's sampler reads the postgres processes' ticks. */
const SAMPLE_MS = 200;

function readMachineTicks(): { busy: number; total: number } | null {
  try {
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    const total = fields.reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

function readPostgresTicks(): Map<string, number> | null {
  try {
    const ticks = new Map<string, number>();
    for (const pid of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const close = stat.lastIndexOf(')');
        if (stat.slice(stat.indexOf('(') + 1, close) !== 'postgres') continue;
        const rest = stat.slice(close + 2).split(' ');
        ticks.set(pid, Number(rest[11]) + Number(rest[12])); // utime, stime
      } catch {
        // the process ended meanwhile
      }
    }
    return ticks;
  } catch {
    return null;
  }
}

/** Ticks used since the snapshot by every postgres process seen (ones started since count whole). */
function postgresTicksBetween(before: Map<string, number>, seen: Map<string, number>): number {
  let sum = 0;
  for (const [pid, ticks] of seen) sum += Math.max(0, ticks - (before.get(pid) ?? 0));
  return sum;
}

export function cpuSnapshot(): CpuSnapshot {
  const postgresTicks = readPostgresTicks();
  const postgresSeen = postgresTicks ? new Map(postgresTicks) : null;
  const sample = () => {
    for (const [pid, ticks] of readPostgresTicks() ?? []) postgresSeen?.set(pid, Math.max(ticks, postgresSeen.get(pid) ?? 0));
  };
  const timer = postgresSeen ? setInterval(sample, SAMPLE_MS) : null;
  timer?.unref();
  return {
    at: performance.now(),
    self: process.cpuUsage(),
    machine: readMachineTicks(),
    postgresTicks,
    postgresSeen,
    stopSampling: () => {
      if (timer) clearInterval(timer);
      sample();
    },
  };
}

export interface CpuCores {
  self: number;
  postgres: number | null;
  machine: number | null;
  /** machine - self - postgres - `alsoOurs` (e.g. the load generator): work that is not the benchmark's. */
  other: number | null;
}

export function cpuSince(before: CpuSnapshot, alsoOursCores = 0): CpuCores {
  before.stopSampling();
  const after = { at: performance.now(), self: process.cpuUsage(), machine: readMachineTicks() };
  const seconds = (after.at - before.at) / 1000;
  const self = process.cpuUsage(before.self);
  const round = (n: number) => Math.round(n * 100) / 100;
  const selfCores = (self.user + self.system) / 1e6 / seconds;
  if (!before.machine || !after.machine) return { self: round(selfCores), postgres: null, machine: null, other: null };
  const cores = os.cpus().length;
  const totalTicks = after.machine.total - before.machine.total;
  const ticksPerSecond = totalTicks / cores / seconds;
  const machineCores = ((after.machine.busy - before.machine.busy) / totalTicks) * cores;
  const postgresCores =
    before.postgresTicks && before.postgresSeen ? postgresTicksBetween(before.postgresTicks, before.postgresSeen) / ticksPerSecond / seconds : null;
  return {
    self: round(selfCores),
    postgres: postgresCores === null ? null : round(postgresCores),
    machine: round(machineCores),
    other: round(Math.max(0, machineCores - selfCores - (postgresCores ?? 0) - alsoOursCores)),
  };
}

/**
 * Waits (bounded) until the machine is quiet: other work below `maxOtherCores`
 * over a 3-second sample. Returns what it last saw; the caller records it.
 */
export async function waitForQuiet(maxSeconds: number, maxOtherCores = 0.3, log: (m: string) => void = () => {}): Promise<{ quiet: boolean; otherCores: number | null; waitedSeconds: number }> {
  const start = performance.now();
  for (let attempt = 0; ; attempt += 1) {
    const before = cpuSnapshot();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const other = cpuSince(before).other;
    const waited = Math.round((performance.now() - start) / 1000);
    if (other === null || other <= maxOtherCores) return { quiet: true, otherCores: other, waitedSeconds: waited };
    if (waited >= maxSeconds) {
      log(`machine still busy with other work (${other} cores) after ${waited}s; measuring anyway`);
      return { quiet: false, otherCores: other, waitedSeconds: waited };
    }
    if (attempt % 5 === 0) log(`machine busy with other work (${other} cores); waiting up to ${maxSeconds}s for it to settle`);
  }
}
