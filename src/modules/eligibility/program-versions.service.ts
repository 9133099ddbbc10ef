import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { readPage, type Keyset, type PageRequest } from '../../platform/db/pages.ts';
import { notFound, validationFailed } from '../../platform/errors.ts';
import { localized, type Locale } from '../../platform/i18n/i18n.ts';
import { markEveryoneDirty, recomputeDirty } from './eligibility.engine.ts';
import { loadProgram, parseProgram, programChecksum, ProgramDefinitionError, type ProgramDefinition, type ProgramFormat } from './program.ts';
import { previewProgram } from './program-preview.ts';

/**
 * The program's versions as the Rewards team manages them in the console (issue #14): the one in force
 * and its history, a definition previewed before it is loaded, and loaded (a manager's change, audited),
 * after which every partner's standing is recomputed in the background.
 */

const VERSIONS: Keyset = { list: 'program-versions', keys: [{ column: 'version', direction: 'desc', type: 'integer' }] };

export function listProgramVersions(db: Db, page: PageRequest) {
  return readPage(VERSIONS, page, db.selectFrom('program_versions').select(['version', 'name', 'checksum', 'loaded_at', 'loaded_by']));
}

async function currentDefinition(db: Db): Promise<{ version: number; definition: ProgramDefinition; checksum: string; name: string; loadedAt: Date; loadedBy: string | null } | null> {
  const row = await db.selectFrom('program_versions').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row ? { version: row.version, definition: row.definition as ProgramDefinition, checksum: row.checksum, name: row.name, loadedAt: row.loaded_at, loadedBy: row.loaded_by } : null;
}

export async function versionDefinition(db: Db, version: number): Promise<ProgramDefinition> {
  const row = await db.selectFrom('program_versions').select('definition').where('version', '=', version).executeTakeFirst();
  if (!row) throw notFound();
  return row.definition as ProgramDefinition;
}

/** How many partners' standings are still to be recomputed (after a load, an import, or a crash in one). */
async function pendingRecompute(db: Db): Promise<number> {
  const row = await db.selectFrom('partner_eligibility').select(sql<string>`count(*)`.as('n')).where('dirty', '=', true).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The version in force, described in the reader's language, and how far its recomputation has come. */
export async function activeProgram(db: Db, locale: Locale) {
  const current = await currentDefinition(db);
  if (!current) throw notFound();
  const { definition } = current;
  return {
    version: current.version,
    name: current.name,
    notes: definition.notes ?? null,
    checksum: current.checksum,
    loadedAt: current.loadedAt.toISOString(),
    loadedBy: current.loadedBy,
    tiers: definition.tiers.map((tier) => ({ code: tier.code, name: localized(tier.names, locale), minBilledSalesUsd: tier.minBilledSalesUsd })),
    benefits: definition.benefits.map((benefit) => ({
      code: benefit.code,
      name: localized(benefit.names, locale),
      category: benefit.category,
      unlock: 'tier' in benefit.unlock ? { tier: benefit.unlock.tier } : { listingType: benefit.unlock.listingType },
      recurrence: benefit.recurrence,
    })),
    recompute: { pending: await pendingRecompute(db) },
  };
}

/** A definition's text parsed and validated; every problem is a field problem keyed by its JSON pointer. */
function parsed(source: string, format: ProgramFormat): ProgramDefinition {
  try {
    return parseProgram(source, format);
  } catch (error) {
    // Keyed by JSON pointer (`/tiers/2/code`); a text that does not parse, or a problem with the whole, is the source's.
    if (error instanceof ProgramDefinitionError) throw validationFailed(Object.fromEntries(Object.entries(error.fields).map(([path, problem]) => [path === '/' ? 'source' : path, problem])));
    throw error;
  }
}

export async function previewDefinition(db: Db, input: { source: string; format: ProgramFormat }, locale: Locale, now: Date) {
  const next = parsed(input.source, input.format);
  const current = await currentDefinition(db);
  return previewProgram(db, current, next, current !== null && programChecksum(current.definition) === programChecksum(next), locale, now);
}

/**
 * Loads a definition as the new version, if the caller previewed it against the version still in
 * force (else REVISION_CONFLICT, with the current one, so a preview is never applied to a program that
 * changed meanwhile), marks every standing for recomputation in the same transaction, and audits it.
 * The recomputation runs after the commit (ProgramRecompute); a crash leaves the marks, which the next
 * start (or the next read of that partner) honours.
 */
export async function applyDefinition(db: Db, input: { source: string; format: ProgramFormat; basedOnVersion: number | null }, ctx: RequestContext, loadedBy: string | null) {
  const next = parsed(input.source, input.format);
  return db.transaction().execute(async (trx) => {
    const loaded = await loadProgram(trx, next, { loadedBy, basedOnVersion: input.basedOnVersion });
    if (!loaded.created) return { version: loaded.version, created: false };
    await markEveryoneDirty(trx);
    await recordAudit(trx, {
      actor: ctx.actor,
      action: 'program.loaded',
      subjectType: 'program-version',
      subjectId: String(loaded.version),
      details: { version: loaded.version, name: next.name, checksum: programChecksum(next), previous: loaded.version > 1 ? loaded.version - 1 : null },
      ...(ctx.requestId ? { requestId: ctx.requestId } : {}),
    });
    return { version: loaded.version, created: true };
  });
}

/**
 * Recomputes the standings marked dirty, one run at a time in this process: a request asks for a run
 * and does not wait for it; asked while one runs, the run goes on until none is left (it reads the
 * marks again), so a load during a recomputation is covered by it.
 */
export class ProgramRecompute {
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly db: Db,
    private readonly onError: (error: unknown) => void,
  ) {}

  request(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await recomputeDirty(this.db);
        } catch (error) {
          this.onError(error);
          return;
        }
      } while (this.again);
    })().finally(() => {
      this.running = null;
    });
  }

  /** The run under way, for closing the server (and for tests that wait for it). */
  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }
}
