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
 * megan@contoso.example signs in through the API (the sign-in operation of /api/openapi.json). For the
 * Rewards page each run starts a Chromium of its own (a fresh profile), puts her cookies into it over
 * the DevTools protocol (playwright-core's connectOverCDP), and Lighthouse attaches to that browser
 * (--port): the page reads its CSRF cookie from document.cookie, so a Cookie request header would not
 * do (Lighthouse resets the origin's storage but keeps its cookies). Each report must show the page
 * really signed in (its final URL is /rewards and GET /api/v1/rewards answered 200) or the run fails.
 * The sign-in page is measured signed out, in a browser Lighthouse launches itself.
 *
 * Each page x profile (mobile: Lighthouse's default, simulated slow 4G and 4x CPU slowdown; desktop:
 * --preset=desktop) runs --runs times, the runs interleaved; the table gives the median of each figure
 * against the issue's goals, then the audits that cost points, with the elements they name.
 * Figures go to bench/results/lighthouse-pglite.json; with REWARDS_LIGHTHOUSE_KEEP=DIR each whole report is
 * kept in DIR as well.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CATEGORIES, checkRendered, clip, type Combination, figuresOf, goalsOf, type Lhr, medians, mergedFailing, type PageSpec, type Profile } from './lighthouse-report.ts';
import { signedInBrowser, signIn, type SessionCookie } from './lighthouse-session.ts';
import { BENCH_DIR, loadAverage, machine, onInterrupt, parseArgs, positiveInt, printTable, waitForQuiet, writeResults } from './lib.ts';

const ROOT = path.dirname(BENCH_DIR);
const LIGHTHOUSE_DIR = path.join(BENCH_DIR, 'lighthouse');
const LIGHTHOUSE_BIN = path.join(LIGHTHOUSE_DIR, 'node_modules', '.bin', 'lighthouse');
const WEB_DIST = path.join(ROOT, 'dist', 'web');
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS = '--headless=new --no-sandbox --disable-gpu';

const PAGES: PageSpec[] = [
  { name: 'sign-in', path: '/sign-in', signedIn: false, jsBudget: 120_000 },
  { name: 'rewards', path: '/rewards', signedIn: true, jsBudget: 200_000 },
];
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

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'rewards-lighthouse-'));
let server: ChildProcess | null = null;
let lighthouse: ChildProcess | null = null;
/** The Chromium a signed-in run starts for Lighthouse to attach to. */
let ownBrowser: ChildProcess | null = null;

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
  await stop(ownBrowser, 'SIGTERM', 10_000);
  await stop(server, 'SIGTERM', 15_000);
  fs.rmSync(temp, { recursive: true, force: true });
}
// Last resort for an exit that skips the finally below (process.exit elsewhere): no waiting possible.
process.on('exit', () => {
  if (cleanedUp) return;
  for (const child of [lighthouse, ownBrowser, server]) if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  fs.rmSync(temp, { recursive: true, force: true });
});

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

// One Lighthouse run.

/** The report, and the trace it was computed from (--save-assets writes it beside the report; the caller removes it). */
async function runLighthouse(url: string, profile: Profile, port: number | null, outFile: string): Promise<{ lhr: Lhr; traceFile: string }> {
  const lighthouseArgs = [
    url,
    '--output=json',
    `--output-path=${outFile}`,
    '--quiet',
    `--chrome-flags=${CHROME_FLAGS}`,
    `--only-categories=${CATEGORIES.join(',')}`,
    '--save-assets',
    ...(profile === 'desktop' ? ['--preset=desktop'] : []),
    ...(port ? [`--port=${port}`] : []),
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
  // REWARDS_LIGHTHOUSE_KEEP=DIR keeps each whole report there, to open in Lighthouse's viewer.
  const keep = process.env.REWARDS_LIGHTHOUSE_KEEP;
  if (keep) {
    fs.mkdirSync(keep, { recursive: true });
    fs.copyFileSync(outFile, path.join(keep, `${new URL(url).pathname.replace(/\W+/g, '') || 'root'}-${profile}-${Date.now()}.json`));
  }
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
async function runWithRetry(url: string, page: PageSpec, profile: Profile, cookies: SessionCookie[]): Promise<{ lhr: Lhr; traceFile: string }> {
  for (let attempt = 1; ; attempt += 1) {
    let browser: ChildProcess | null = null;
    try {
      const attached = page.signedIn ? await signedInBrowser(url, cookies, path.join(temp, 'chromium-profile'), CHROME_PATH, CHROME_FLAGS) : null;
      browser = attached?.child ?? null;
      ownBrowser = browser;
      return await runLighthouse(`${url}${page.path}`, profile, attached?.port ?? null, path.join(temp, 'report.json'));
    } catch (error) {
      const message = clip(String(error instanceof Error ? error.message : error).replace(/\s+/g, ' '), 300);
      const alive = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(5000) }).then((r) => r.status === 200, () => false);
      if (attempt >= 3 || !alive) throw new Error(`${message}${alive ? '' : ' (and the portal no longer answers /readyz)'}`);
      console.error(`attempt ${attempt} failed, trying again: ${message}`);
      retries.push(`${page.name} ${profile}: ${message}`);
    } finally {
      await stop(browser, 'SIGTERM', 10_000);
      ownBrowser = null;
    }
  }
}

function revision(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const changed = execFileSync('git', ['status', '--porcelain', '--', 'web', 'locales', 'src', 'migrations', 'package-lock.json'], { cwd: ROOT, encoding: 'utf8' }).trim();
    return changed ? `${head}+changes` : head;
  } catch {
    return 'unknown';
  }
}


const forget = onInterrupt(cleanup);
try {
  const lighthouseVersion = ensureLighthouse();
  ensureChromium();
  ensureBuiltWeb();
  const url = await startPortal();
  const cookies = await signIn(url);

  const combinations: Combination[] = pages.flatMap((page) => profiles.map((profile) => ({ page, profile, runs: [] })));
  let userAgent = '';
  const started = Date.now();
  for (let round = 1; round <= RUNS; round += 1) {
    for (const combination of combinations) {
      const { page, profile } = combination;
      const quiet = WAIT_QUIET > 0 ? await waitForQuiet(WAIT_QUIET, 0.3, (m) => console.error(m)) : { otherCores: null };
      const { lhr, traceFile } = await runWithRetry(url, page, profile, cookies);
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
