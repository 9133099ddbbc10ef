import fs from 'node:fs';

/**
 * Reading a Lighthouse report (LHR) and the trace saved beside it: the figures of one run, the audits
 * that cost points, the layout shifts, and the medians of several runs against issue #13's goals.
 * bench/lighthouse.ts runs the portal and Lighthouse; this holds no process and no state.
 */
export const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
export type Category = (typeof CATEGORIES)[number];
export type Profile = 'mobile' | 'desktop';

export interface PageSpec {
  name: string;
  path: string;
  signedIn: boolean;
  /** Compressed JavaScript allowed, in bytes (kB = 1,000 bytes). */
  jsBudget: number;
}

/** The issue's goals: performance by profile; accessibility and best practices 100; CLS under 0.05. */
export const PERFORMANCE_GOAL: Record<Profile, number> = { mobile: 90, desktop: 98 };
export const CLS_GOAL = 0.05;

// `--build` is a bare flag; the other options take values.

// ---------------------------------------------------------------------------------------------------
// The parts of a Lighthouse report (LHR) read here.

export interface LhrAuditItem {
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

export interface LhrAudit {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  numericValue?: number;
  displayValue?: string;
  errorMessage?: string;
  details?: { type?: string; items?: LhrAuditItem[]; overallSavingsMs?: number; overallSavingsBytes?: number };
}

export interface Lhr {
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
export interface RunFigures {
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

export interface LayoutShift {
  /** Milliseconds after the navigation started. */
  atMs: number;
  score: number;
  /** Whether Lighthouse's CLS counts it (Chromium marks the shifts right after the emulated viewport change as after input; Lighthouse counts those anyway). */
  counted: boolean;
  /** How the largest impacted element moved: x,y width x height before -> after, in CSS pixels. */
  moves: string[];
}

export interface FailingAudit {
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

export function networkRequests(lhr: Lhr): LhrAuditItem[] {
  return lhr.audits['network-requests']?.details?.items ?? [];
}

/** The page the report shows is the one asked for: not bounced to sign-in, and (signed in) the rewards read answered. */
export function checkRendered(lhr: Lhr, page: PageSpec, profile: Profile): void {
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

export const clip = (text: string, max = 200) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function itemLabel(item: LhrAuditItem): string | null {
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
export function failingAudits(lhr: Lhr, category: Category): FailingAudit[] {
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

export function erroredAudits(lhr: Lhr): { id: string; error: string }[] {
  const ids = new Set(CATEGORIES.flatMap((category) => (lhr.categories[category]?.auditRefs ?? []).map((ref) => ref.id)));
  return Object.values(lhr.audits)
    .filter((audit) => ids.has(audit.id) && audit.scoreDisplayMode === 'error')
    .map((audit) => ({ id: audit.id, error: clip((audit.errorMessage ?? '?').split('\n')[0]!, 160) }));
}

export interface TraceEvent {
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
export function layoutShifts(traceFile: string, url: string): LayoutShift[] {
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

export function figuresOf(lhr: Lhr, traceFile: string, page: PageSpec, profile: Profile, otherCoresBefore: number | null): RunFigures {
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

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface Combination {
  page: PageSpec;
  profile: Profile;
  runs: RunFigures[];
}

export function medians(runs: RunFigures[]) {
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

export function goalsOf(page: PageSpec, profile: Profile, m: ReturnType<typeof medians>) {
  return {
    performance: { goal: `>= ${PERFORMANCE_GOAL[profile]}`, met: m.performance >= PERFORMANCE_GOAL[profile] },
    accessibility: { goal: '= 100', met: m.accessibility >= 100 },
    bestPractices: { goal: '= 100', met: m.bestPractices >= 100 },
    cls: { goal: `< ${CLS_GOAL}`, met: m.cls < CLS_GOAL },
    jsTransferBytes: { goal: `<= ${page.jsBudget / 1000}`, met: m.jsTransferBytes <= page.jsBudget },
  };
}

/** The failing audits of all runs of one combination, each with the number of runs it failed in. */
export function mergedFailing(runs: RunFigures[]) {
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
