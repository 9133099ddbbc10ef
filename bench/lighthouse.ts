/**
 * Lighthouse against the built portal (issue #13, "Fast to load").
 *
 *   node --import tsx bench/lighthouse.ts [--runs 3] [--build] [--pages sign-in,rewards] [--profiles mobile,desktop]
 *     [--wait-quiet 60] [--timeout 240]
 *
 * Lighthouse is not a dependency of the project (its `npm ci`, which CI runs, does not pay for it): it
 * is pinned in bench/lighthouse/package.json with its own lock, and installed there with `npm ci` the
 * first time. The browser is Debian's Chromium (CHROME_PATH, default /usr/bin/chromium); nothing here
 * downloads one.
 *
 * The portal runs as `rewards serve --demo` (bin/rewards.js, as `npm start` runs it) serving the built
 * files of dist/web (built first with `npm run build:web` when missing, or always with --build), on
 * PGlite in a fresh temporary data folder, on a free port of 127.0.0.1. The demo user
 * megan@contoso.example signs in through the API (the sign-in operation of /api/openapi.json); her
 * cookies go to Lighthouse as a Cookie header (--extra-headers) for the Rewards page, and each report
 * must show the page really signed in (its final URL is /rewards and GET /api/v1/rewards answered 200)
 * or the run fails. The sign-in page is measured signed out.
 *
 * Each page x profile (mobile: Lighthouse's default, simulated slow 4G and 4x CPU slowdown; desktop:
 * --preset=desktop) runs --runs times, the runs interleaved; the table gives the median of each figure
 * against the issue's goals, then the audits that cost points, with the elements they name.
 * Figures go to bench/results/lighthouse-pglite.json.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { BENCH_DIR, loadAverage, machine, onInterrupt, parseArgs, positiveInt, printTable, waitForQuiet, writeResults } from './lib.ts';

const ROOT = path.dirname(BENCH_DIR);
const LIGHTHOUSE_DIR = path.join(BENCH_DIR, 'lighthouse');
const LIGHTHOUSE_BIN = path.join(LIGHTHOUSE_DIR, 'node_modules', '.bin', 'lighthouse');
const WEB_DIST = path.join(ROOT, 'dist', 'web');
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS = '--headless=new --no-sandbox --disable-gpu';
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
const DEMO_USER = 'megan@contoso.example';
const DEMO_PASSWORD = 'Rewards-Demo-2026';

type Category = (typeof CATEGORIES)[number];
type Profile = 'mobile' | 'desktop';

interface PageSpec {
  name: string;
  path: string;
  signedIn: boolean;
  /** Compressed JavaScript allowed, in bytes (kB = 1,000 bytes). */
  jsBudget: number;
}

const PAGES: PageSpec[] = [
  { name: 'sign-in', path: '/sign-in', signedIn: false, jsBudget: 120_000 },
  { name: 'rewards', path: '/rewards', signedIn: true, jsBudget: 200_000 },
];
/** The issue's goals: performance by profile; accessibility and best practices 100; CLS under 0.05. */
const PERFORMANCE_GOAL: Record<Profile, number> = { mobile: 90, desktop: 98 };
const CLS_GOAL = 0.05;

// `--build` is a bare flag; the other options take values.
const argv = process.argv.slice(2);
const BUILD = argv.includes('--build');
const args = parseArgs({ runs: '3', pages: 'sign-in,rewards', profiles: 'mobile,desktop', 'wait-quiet': '60', timeout: '240' }, argv.filter((a) => a !== '--build'));
const RUNS = positiveInt(args.runs, 'runs');
const TIMEOUT_MS = positiveInt(args.timeout, 'timeout') * 1000;
const WAIT_QUIET = Number(args['wait-quiet']);
if (!Number.isInteger(WAIT_QUIET) || WAIT_QUIET < 0 || WAIT_QUIET > 3600) throw new Error('--wait-quiet must be 0 to 3600 seconds');
const pages = args.pages.split(',').map((name) => {
  const page = PAGES.find((p) => p.name === name);
  if (!page) throw new Error(`--pages: unknown page "${name}" (known: ${PAGES.map((p) => p.name).join(', ')})`);
  return page;
});
const profiles = args.profiles.split(',').map((name) => {
  if (name !== 'mobile' && name !== 'desktop') throw new Error(`--profiles: mobile and/or desktop (got "${name}")`);
  return name;
});

// ---------------------------------------------------------------------------------------------------
// The parts of a Lighthouse report (LHR) read here.

interface LhrAuditItem {
  node?: { selector?: string; snippet?: string; explanation?: string; nodeLabel?: string };
  url?: string;
  source?: string;
  description?: string;
  issueType?: string;
  resourceType?: string;
  transferSize?: number;
  statusCode?: number;
  [key: string]: unknown;
}

interface LhrAudit {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  numericValue?: number;
  displayValue?: string;
  errorMessage?: string;
  details?: { type?: string; items?: LhrAuditItem[]; overallSavingsMs?: number; overallSavingsBytes?: number };
}

interface Lhr {
  lighthouseVersion: string;
  requestedUrl: string;
  finalDisplayedUrl: string;
  runtimeError?: { code: string; message: string };
  runWarnings: string[];
  environment: { hostUserAgent: string; benchmarkIndex: number };
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number; group?: string }[] }>;
  audits: Record<string, LhrAudit>;
}

/** What one run gives. */
interface RunFigures {
  scores: Record<Category, number>;
  cls: number;
  lcpMs: number;
  tbtMs: number;
  fcpMs: number;
  jsTransferBytes: number;
  jsRequests: number;
  benchmarkIndex: number;
  finalUrl: string;
  otherCoresBefore: number | null;
  failing: FailingAudit[];
  /** Audits that could not run (Lighthouse's failure, not the page's), with the first line of the error. */
  errored: { id: string; error: string }[];
  /** The layout shifts of the trace (see layoutShifts), when CLS misses its goal. */
  layoutShifts: LayoutShift[];
}

interface LayoutShift {
  /** Milliseconds after the navigation started. */
  atMs: number;
  score: number;
  /** Whether Lighthouse's CLS counts it (Chromium marks the shifts right after the emulated viewport change as after input; Lighthouse counts those anyway). */
  counted: boolean;
  /** How the largest impacted element moved: x,y width x height before -> after, in CSS pixels. */
  moves: string[];
}

interface FailingAudit {
  category: Category;
  id: string;
  title: string;
  score: number | null;
  displayValue?: string;
  /** What the audit names: selectors (with the element's label and why), URLs, console messages. */
  items: string[];
}

// ---------------------------------------------------------------------------------------------------
// Everything this run starts, so that every way out stops and removes it.

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'rewards-lighthouse-'));
let server: ChildProcess | null = null;
let lighthouse: ChildProcess | null = null;

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** SIGINT (Lighthouse's Chrome launcher then closes its Chrome) or SIGTERM, then SIGKILL if it lingers. */
async function stop(child: ChildProcess | null, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  if (!(await waitForExit(child, graceMs))) {
    child.kill('SIGKILL');
    await waitForExit(child, 2000);
  }
}

let cleanedUp = false;
async function cleanup(): Promise<void> {
  if (cleanedUp) return;
  cleanedUp = true;
  await stop(lighthouse, 'SIGINT', 10_000);
  await stop(server, 'SIGTERM', 15_000);
  fs.rmSync(temp, { recursive: true, force: true });
}
// Last resort for an exit that skips the finally below (process.exit elsewhere): no waiting possible.
process.on('exit', () => {
  if (cleanedUp) return;
  for (const child of [lighthouse, server]) if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  fs.rmSync(temp, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------------
// Setup.

function run(command: string, commandArgs: string[], cwd: string, label: string): void {
  console.error(`> ${label}`);
  const result = spawnSync(command, commandArgs, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`${label} failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`})`);
}

/** The version bench/lighthouse/package-lock.json pins; `npm ci` there when it is not what is installed. */
function ensureLighthouse(): string {
  const lock = JSON.parse(fs.readFileSync(path.join(LIGHTHOUSE_DIR, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string }>;
  };
  const pinned = lock.packages['node_modules/lighthouse']?.version;
  if (!pinned) throw new Error('bench/lighthouse/package-lock.json does not pin lighthouse');
  const installedFile = path.join(LIGHTHOUSE_DIR, 'node_modules', 'lighthouse', 'package.json');
  const installed = fs.existsSync(installedFile) ? (JSON.parse(fs.readFileSync(installedFile, 'utf8')) as { version: string }).version : null;
  if (installed !== pinned || !fs.existsSync(LIGHTHOUSE_BIN)) {
    run('npm', ['ci', '--no-audit', '--no-fund'], LIGHTHOUSE_DIR, `installing Lighthouse ${pinned} into bench/lighthouse (npm ci)`);
  }
  return pinned;
}

function ensureChromium(): void {
  if (!fs.existsSync(CHROME_PATH)) {
    throw new Error(`no Chromium at ${CHROME_PATH} (CHROME_PATH): install Debian's (apt-get install chromium); this script never downloads a browser`);
  }
}

/** The newest modification time in a file or folder (0 when missing). */
function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const inside = fs.statSync(target).isDirectory() ? fs.readdirSync(target, { recursive: true, encoding: 'utf8' }) : [];
  return Math.max(fs.statSync(target).mtimeMs, ...inside.map((entry) => fs.statSync(path.join(target, entry)).mtimeMs));
}

function ensureBuiltWeb(): void {
  const index = path.join(WEB_DIST, 'index.html');
  if (BUILD || !fs.existsSync(index)) {
    run('npm', ['run', 'build:web'], ROOT, BUILD ? 'building the portal (--build: npm run build:web)' : 'building the portal, dist/web is missing (npm run build:web)');
    return;
  }
  const sources = Math.max(...['web/src', 'web/index.html', 'web/public', 'web/vite.config.ts', 'locales'].map((p) => newestMtime(path.join(ROOT, p))));
  if (sources > fs.statSync(index).mtimeMs) console.error('warning: the portal\'s sources are newer than dist/web; measuring the old build (pass --build to rebuild)');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** `rewards serve --demo` with a clean environment: PGlite in the temp folder, the built portal, this port. */
async function startPortal(): Promise<string> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TMPDIR: process.env.TMPDIR,
    LANG: process.env.LANG,
    HOST: '127.0.0.1',
    PORT: String(port),
    REWARDS_DATA_DIR: path.join(temp, 'data'),
    REWARDS_WEB: 'built',
    LOG_LEVEL: 'warn',
  };
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'rewards.js'), 'serve', '--demo'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  server = child;
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    output.splice(0, Math.max(0, output.length - 40));
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the portal exited (${child.exitCode ?? child.signalCode}) before answering:\n${output.join('\n')}`);
    }
    try {
      const response = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 180_000) throw new Error(`the portal did not answer ${url}/readyz within 180 s:\n${output.join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  // The built portal, not the API alone (the server only warns when dist/web is missing).
  const page = await fetch(`${url}/sign-in`);
  const html = await page.text();
  if (page.status !== 200 || !/<script[^>]+src="\/assets\//.test(html)) throw new Error(`${url}/sign-in is not the built portal (status ${page.status})`);
  console.error(`portal: ${url} (built dist/web, PGlite in ${temp}, ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return url;
}

/** Signs the demo user in through the operation the OpenAPI document names signIn; returns the Cookie header. */
async function signIn(url: string): Promise<string> {
  const document = (await (await fetch(`${url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, { operationId?: string }>> };
  const signInPath = Object.entries(document.paths).find(([, operations]) => operations.post?.operationId === 'signIn')?.[0];
  if (!signInPath) throw new Error('the OpenAPI document has no signIn operation');
  const response = await fetch(`${url}${signInPath}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: DEMO_USER, password: DEMO_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`POST ${signInPath} as ${DEMO_USER}: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
  const me = await fetch(`${url}/api/v1/me`, { headers: { cookie } });
  if (me.status !== 200) throw new Error(`GET /api/v1/me with the session cookie: ${me.status}`);
  const rewards = await fetch(`${url}/api/v1/rewards`, { headers: { cookie } });
  if (rewards.status !== 200) throw new Error(`GET /api/v1/rewards as ${DEMO_USER}: ${rewards.status} (the Rewards page would not show)`);
  console.error(`signed in as ${DEMO_USER} through POST ${signInPath}`);
  return cookie;
}

// ---------------------------------------------------------------------------------------------------
// One Lighthouse run.

/** The report, and the trace it was computed from (--save-assets writes it beside the report; the caller removes it). */
async function runLighthouse(url: string, profile: Profile, headersFile: string | null, outFile: string): Promise<{ lhr: Lhr; traceFile: string }> {
  const lighthouseArgs = [
    url,
    '--output=json',
    `--output-path=${outFile}`,
    '--quiet',
    `--chrome-flags=${CHROME_FLAGS}`,
    `--only-categories=${CATEGORIES.join(',')}`,
    '--save-assets',
    ...(profile === 'desktop' ? ['--preset=desktop'] : []),
    ...(headersFile ? [`--extra-headers=${headersFile}`] : []),
  ];
  const child = spawn(LIGHTHOUSE_BIN, lighthouseArgs, { env: { ...process.env, CHROME_PATH }, stdio: ['ignore', 'ignore', 'pipe'] });
  lighthouse = child;
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  const timer = setTimeout(() => void stop(child, 'SIGINT', 10_000), TIMEOUT_MS);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.once('exit', (c, s) => resolve([c, s])));
  clearTimeout(timer);
  lighthouse = null;
  if (code !== 0) throw new Error(`lighthouse ${url} (${profile}) ended with ${code ?? signal}${signal ? ` (timeout ${TIMEOUT_MS / 1000} s?)` : ''}:\n${stderr}`);
  const lhr = JSON.parse(fs.readFileSync(outFile, 'utf8')) as Lhr;
  fs.rmSync(outFile, { force: true });
  const traceFile = outFile.replace(/\.json$/, '-0.trace.json');
  fs.rmSync(outFile.replace(/\.json$/, '-0.devtoolslog.json'), { force: true });
  if (lhr.runtimeError) throw new Error(`lighthouse ${url} (${profile}): ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  return { lhr, traceFile };
}

/**
 * A run that Lighthouse itself fails (on a loaded machine Chrome now and then gives up on the page with
 * an error interstitial) is tried again, up to twice, as long as the portal still answers; the failures
 * are reported with the figures.
 */
const retries: string[] = [];
async function runWithRetry(url: string, page: PageSpec, profile: Profile, headersFile: string | null): Promise<{ lhr: Lhr; traceFile: string }> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await runLighthouse(`${url}${page.path}`, profile, headersFile, path.join(temp, 'report.json'));
    } catch (error) {
      const message = clip(String(error instanceof Error ? error.message : error).replace(/\s+/g, ' '), 300);
      const alive = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(5000) }).then((r) => r.status === 200, () => false);
      if (attempt >= 3 || !alive) throw new Error(`${message}${alive ? '' : ' (and the portal no longer answers /readyz)'}`);
      console.error(`attempt ${attempt} failed, trying again: ${message}`);
      retries.push(`${page.name} ${profile}: ${message}`);
    }
  }
}

function networkRequests(lhr: Lhr): LhrAuditItem[] {
  return lhr.audits['network-requests']?.details?.items ?? [];
}

/** The page the report shows is the one asked for: not bounced to sign-in, and (signed in) the rewards read answered. */
function checkRendered(lhr: Lhr, page: PageSpec, profile: Profile): void {
  const finalPath = new URL(lhr.finalDisplayedUrl).pathname;
  if (finalPath !== page.path) {
    throw new Error(`${page.name} (${profile}): Lighthouse ended on ${lhr.finalDisplayedUrl}, not ${page.path}${page.signedIn ? ': the session cookie did not sign the page in' : ''}`);
  }
  if (page.signedIn) {
    const read = networkRequests(lhr).find((r) => r.url !== undefined && new URL(r.url).pathname === '/api/v1/rewards');
    if (read?.statusCode !== 200) {
      throw new Error(`${page.name} (${profile}): the page did not read GET /api/v1/rewards successfully (${read ? `status ${read.statusCode}` : 'no such request'}): not signed in?`);
    }
  }
}

const clip = (text: string, max = 200) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function itemLabel(item: LhrAuditItem): string | null {
  if (item.node?.selector) {
    const why = item.node.explanation?.split('\n').slice(0, 2).join(' ').replace(/\s+/g, ' ');
    const label = item.node.nodeLabel && item.node.nodeLabel !== item.node.selector ? ` ("${clip(item.node.nodeLabel, 60)}")` : '';
    const snippet = item.node.snippet ? ` ${clip(item.node.snippet, 120)}` : '';
    return clip(`${item.node.selector}${label}${snippet}${why ? ` -- ${why}` : ''}`, 400);
  }
  const text = item.description ?? item.issueType ?? item.source;
  if (typeof text === 'string') return clip(item.url ? `${text} (${item.url})` : text);
  if (item.url) return clip(item.url);
  return null;
}

/**
 * The audits that cost a category points: for accessibility and best practices any scored audit under
 * 1; for performance the scored ones under 0.9 (Lighthouse's own "passed"), metrics and diagnostics.
 */
function failingAudits(lhr: Lhr, category: Category): FailingAudit[] {
  const threshold = category === 'performance' ? 0.9 : 1;
  const failing: FailingAudit[] = [];
  for (const ref of lhr.categories[category]?.auditRefs ?? []) {
    const audit = lhr.audits[ref.id];
    if (!audit || ['notApplicable', 'manual', 'informative', 'error'].includes(audit.scoreDisplayMode)) continue;
    if (audit.score === null || audit.score >= threshold) continue;
    const items = (audit.details?.items ?? []).map(itemLabel).filter((label): label is string => label !== null);
    failing.push({
      category,
      id: audit.id,
      title: audit.title,
      score: audit.score,
      ...(audit.displayValue ? { displayValue: audit.displayValue } : {}),
      items: [...new Set(items)].slice(0, 20),
    });
  }
  return failing;
}

function erroredAudits(lhr: Lhr): { id: string; error: string }[] {
  const ids = new Set(CATEGORIES.flatMap((category) => (lhr.categories[category]?.auditRefs ?? []).map((ref) => ref.id)));
  return Object.values(lhr.audits)
    .filter((audit) => ids.has(audit.id) && audit.scoreDisplayMode === 'error')
    .map((audit) => ({ id: audit.id, error: clip((audit.errorMessage ?? '?').split('\n')[0]!, 160) }));
}

interface TraceEvent {
  name: string;
  ts: number;
  args?: { data?: Record<string, unknown> };
}

/**
 * The main frame's layout shifts, read from the trace Lighthouse saved (--save-assets). Lighthouse's own
 * `layout-shifts` audit, which names the elements, needs its trace engine, and the one 12.2.3 ships cannot
 * read Chromium 156's frame events; the trace still has each shift's time, score and the rectangles of the
 * elements that moved. Which shifts count follows Lighthouse's CLS: those without recent input, and those
 * with it within 500 ms of the emulated viewport change until the first shift without it.
 */
function layoutShifts(traceFile: string, url: string): LayoutShift[] {
  const { traceEvents } = JSON.parse(fs.readFileSync(traceFile, 'utf8')) as { traceEvents: TraceEvent[] };
  const start = traceEvents.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL === url)?.ts;
  if (start === undefined) return [];
  const viewport = traceEvents.find((e) => e.name === 'viewport' && e.ts >= start - 1e6)?.ts ?? start;
  const shifts: LayoutShift[] = [];
  let respectInput = false;
  const rect = (r: unknown) => (Array.isArray(r) && r.length === 4 ? `${r[0]},${r[1]} ${r[2]}x${r[3]}` : '?');
  for (const event of traceEvents.filter((e) => e.name === 'LayoutShift' && e.args?.data?.is_main_frame === true && e.ts >= start).sort((a, b) => a.ts - b.ts)) {
    const data = event.args!.data!;
    let counted = true;
    if (data.had_recent_input === true) counted = !respectInput && (event.ts - viewport) / 1000 <= 500;
    else respectInput = true;
    const nodes = (Array.isArray(data.impacted_nodes) ? data.impacted_nodes : []) as { old_rect?: number[]; new_rect?: number[] }[];
    const area = (n: { old_rect?: number[] }) => (n.old_rect?.[2] ?? 0) * (n.old_rect?.[3] ?? 0);
    shifts.push({
      atMs: Math.round((event.ts - start) / 1000),
      score: Math.round(Number(data.weighted_score_delta ?? data.score ?? 0) * 1000) / 1000,
      counted,
      moves: [...nodes].sort((a, b) => area(b) - area(a)).slice(0, 3).map((n) => `${rect(n.old_rect)} -> ${rect(n.new_rect)}`),
    });
  }
  return shifts;
}

function figuresOf(lhr: Lhr, traceFile: string, page: PageSpec, profile: Profile, otherCoresBefore: number | null): RunFigures {
  const score = (category: Category) => Math.round((lhr.categories[category]?.score ?? 0) * 100);
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  const summary = lhr.audits['resource-summary']?.details?.items?.find((item) => item.resourceType === 'script');
  const scripts = networkRequests(lhr).filter((r) => r.resourceType === 'Script');
  const jsTransferBytes = summary?.transferSize ?? scripts.reduce((sum, r) => sum + (r.transferSize ?? 0), 0);
  const scores = { performance: score('performance'), accessibility: score('accessibility'), 'best-practices': score('best-practices') };
  const failing: FailingAudit[] = [];
  if (scores.performance < PERFORMANCE_GOAL[profile] || numeric('cumulative-layout-shift') >= CLS_GOAL || jsTransferBytes > page.jsBudget) {
    failing.push(...failingAudits(lhr, 'performance'));
  }
  if (scores.accessibility < 100) failing.push(...failingAudits(lhr, 'accessibility'));
  if (scores['best-practices'] < 100) failing.push(...failingAudits(lhr, 'best-practices'));
  const cls = numeric('cumulative-layout-shift');
  const shiftsAudited = lhr.audits['layout-shifts']?.scoreDisplayMode !== 'error';
  return {
    scores,
    cls: numeric('cumulative-layout-shift'),
    lcpMs: numeric('largest-contentful-paint'),
    tbtMs: numeric('total-blocking-time'),
    fcpMs: numeric('first-contentful-paint'),
    jsTransferBytes,
    jsRequests: scripts.length,
    benchmarkIndex: lhr.environment.benchmarkIndex,
    finalUrl: lhr.finalDisplayedUrl,
    otherCoresBefore,
    failing,
    errored: erroredAudits(lhr),
    layoutShifts: cls >= CLS_GOAL && !shiftsAudited && fs.existsSync(traceFile) ? layoutShifts(traceFile, lhr.requestedUrl) : [],
  };
}

// ---------------------------------------------------------------------------------------------------
// Summary.

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

interface Combination {
  page: PageSpec;
  profile: Profile;
  runs: RunFigures[];
}

function medians(runs: RunFigures[]) {
  const of = (pick: (run: RunFigures) => number) => median(runs.map(pick));
  return {
    performance: of((r) => r.scores.performance),
    accessibility: of((r) => r.scores.accessibility),
    bestPractices: of((r) => r.scores['best-practices']),
    cls: of((r) => r.cls),
    lcpMs: of((r) => r.lcpMs),
    tbtMs: of((r) => r.tbtMs),
    fcpMs: of((r) => r.fcpMs),
    jsTransferBytes: of((r) => r.jsTransferBytes),
  };
}

function goalsOf(page: PageSpec, profile: Profile, m: ReturnType<typeof medians>) {
  return {
    performance: { goal: `>= ${PERFORMANCE_GOAL[profile]}`, met: m.performance >= PERFORMANCE_GOAL[profile] },
    accessibility: { goal: '= 100', met: m.accessibility >= 100 },
    bestPractices: { goal: '= 100', met: m.bestPractices >= 100 },
    cls: { goal: `< ${CLS_GOAL}`, met: m.cls < CLS_GOAL },
    jsTransferBytes: { goal: `<= ${page.jsBudget / 1000}`, met: m.jsTransferBytes <= page.jsBudget },
  };
}

/** The failing audits of all runs of one combination, each with the number of runs it failed in. */
function mergedFailing(runs: RunFigures[]) {
  const merged = new Map<string, FailingAudit & { runs: number; displayValues: string[] }>();
  for (const run of runs) {
    for (const audit of run.failing) {
      const key = `${audit.category}:${audit.id}`;
      const entry = merged.get(key) ?? { ...audit, items: [], runs: 0, displayValues: [] };
      entry.runs += 1;
      if (audit.displayValue && !entry.displayValues.includes(audit.displayValue)) entry.displayValues.push(audit.displayValue);
      for (const item of audit.items) if (!entry.items.includes(item)) entry.items.push(item);
      merged.set(key, entry);
    }
  }
  return [...merged.values()].map(({ displayValue: _, ...rest }) => rest);
}

/** The commit measured, with "+changes" when what the portal is built and served from has uncommitted edits. */
function revision(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const changed = execFileSync('git', ['status', '--porcelain', '--', 'web', 'locales', 'src', 'migrations', 'package-lock.json'], { cwd: ROOT, encoding: 'utf8' }).trim();
    return changed ? `${head}+changes` : head;
  } catch {
    return 'unknown';
  }
}

// ---------------------------------------------------------------------------------------------------

const forget = onInterrupt(cleanup);
try {
  const lighthouseVersion = ensureLighthouse();
  ensureChromium();
  ensureBuiltWeb();
  const url = await startPortal();
  const cookie = await signIn(url);
  const headersFile = path.join(temp, 'extra-headers.json');
  fs.writeFileSync(headersFile, JSON.stringify({ Cookie: cookie }), { mode: 0o600 });

  const combinations: Combination[] = pages.flatMap((page) => profiles.map((profile) => ({ page, profile, runs: [] })));
  let userAgent = '';
  const started = Date.now();
  for (let round = 1; round <= RUNS; round += 1) {
    for (const combination of combinations) {
      const { page, profile } = combination;
      const quiet = WAIT_QUIET > 0 ? await waitForQuiet(WAIT_QUIET, 0.3, (m) => console.error(m)) : { otherCores: null };
      const { lhr, traceFile } = await runWithRetry(url, page, profile, page.signedIn ? headersFile : null);
      checkRendered(lhr, page, profile);
      userAgent = lhr.environment.hostUserAgent;
      const figures = figuresOf(lhr, traceFile, page, profile, quiet.otherCores);
      fs.rmSync(traceFile, { force: true });
      combination.runs.push(figures);
      const s = figures.scores;
      console.error(
        `run ${round}/${RUNS} ${page.name} ${profile}: performance ${s.performance}, accessibility ${s.accessibility}, best practices ${s['best-practices']}, ` +
          `CLS ${figures.cls.toFixed(3)}, LCP ${(figures.lcpMs / 1000).toFixed(2)} s, TBT ${Math.round(figures.tbtMs)} ms, JS ${(figures.jsTransferBytes / 1000).toFixed(1)} kB ` +
          `(benchmark index ${Math.round(figures.benchmarkIndex)}, other work before ${quiet.otherCores ?? '?'} cores, ${Math.round((Date.now() - started) / 1000)} s so far)`,
      );
    }
  }

  const mark = (met: boolean) => (met ? 'ok' : 'FAIL');
  const rows: (string | number)[][] = [['page', 'profile', 'performance', 'accessibility', 'best practices', 'CLS', 'LCP s', 'TBT ms', 'JS kB (compressed)', 'performance per run']];
  const results = combinations.map(({ page, profile, runs }) => {
    const m = medians(runs);
    const goals = goalsOf(page, profile, m);
    rows.push([
      page.name,
      profile,
      `${m.performance} (${goals.performance.goal}) ${mark(goals.performance.met)}`,
      `${m.accessibility} (${goals.accessibility.goal}) ${mark(goals.accessibility.met)}`,
      `${m.bestPractices} (${goals.bestPractices.goal}) ${mark(goals.bestPractices.met)}`,
      `${m.cls.toFixed(3)} (${goals.cls.goal}) ${mark(goals.cls.met)}`,
      (m.lcpMs / 1000).toFixed(2),
      Math.round(m.tbtMs),
      `${(m.jsTransferBytes / 1000).toFixed(1)} (${goals.jsTransferBytes.goal}) ${mark(goals.jsTransferBytes.met)}`,
      runs.map((r) => r.scores.performance).join(' '),
    ]);
    const errored = [...new Map(runs.flatMap((r) => r.errored).map((e) => [e.id, e])).values()];
    const medianCls = runs.find((r) => r.cls === m.cls) ?? runs[0]!;
    return {
      page: page.name,
      path: page.path,
      profile,
      median: m,
      goals,
      allMet: Object.values(goals).every((g) => g.met),
      failingAudits: mergedFailing(runs),
      erroredAudits: errored,
      layoutShifts: medianCls.layoutShifts,
      runs: runs.map(({ layoutShifts: _, errored: __, ...run }) => run),
    };
  });
  printTable(`Lighthouse ${lighthouseVersion}, ${userAgent.match(/(?:Headless)?Chrome\/[\d.]+/)?.[0] ?? 'Chromium'}: medians of ${RUNS} run(s) (kB = 1,000 bytes; JS = transfer size of script resources)`, rows);

  for (const result of results) {
    if (result.failingAudits.length === 0 && result.layoutShifts.length === 0) continue;
    console.log(`\n${result.page} (${result.path}), ${result.profile}: audits that cost points`);
    for (const audit of result.failingAudits) {
      const score = audit.score === null ? 'no score' : `score ${Math.round(audit.score * 100) / 100}`;
      console.log(`  [${audit.category}] ${audit.id}: ${audit.title} (${score}${audit.displayValues.length ? `; ${audit.displayValues.join(' / ')}` : ''}; in ${audit.runs}/${RUNS} runs)`);
      for (const item of audit.items) console.log(`      ${item}`);
    }
    if (result.layoutShifts.length) {
      console.log(`  layout shifts in the trace (run with the median CLS; "counted" = in Lighthouse's CLS; element rectangles x,y WxH before -> after):`);
      for (const shift of result.layoutShifts) console.log(`      +${shift.atMs} ms  ${shift.score.toFixed(3)}${shift.counted ? ' counted' : ''}  ${shift.moves.join('; ')}`);
    }
  }
  const errored = [...new Map(results.flatMap((r) => r.erroredAudits).map((e) => [e.id, e])).values()];
  if (errored.length) {
    console.log(`\naudits Lighthouse could not run (its failure, not the page's; the scores leave them out):`);
    for (const { id, error } of errored) console.log(`  ${id}: ${error}`);
  }

  if (retries.length) console.log(`\nruns Lighthouse failed and that were tried again:\n${retries.map((r) => `  ${r}`).join('\n')}`);

  const figures = {
    date: new Date().toISOString(),
    revision: revision(),
    lighthouse: lighthouseVersion,
    userAgent,
    chromeFlags: CHROME_FLAGS,
    runs: RUNS,
    retried: retries,
    results,
    machine: machine(),
    loadAverageAtEnd: loadAverage(),
  };
  console.log(`\nresults: ${writeResults('lighthouse', 'pglite', figures)}`);
  const missed = results.filter((r) => !r.allMet).map((r) => `${r.page} ${r.profile}`);
  console.log(missed.length ? `goals not met: ${missed.join(', ')}` : 'all goals met');
} finally {
  forget();
  await cleanup();
}
