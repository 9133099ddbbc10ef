import { sql } from 'kysely';
import fs from 'node:fs';
import { copyRows, copyValue } from '../../platform/db/copy.ts';
import type { Database } from '../../platform/db/database.ts';
import { recomputeDirty, refreshEligibilityStatistics } from '../eligibility/eligibility.service.ts';
import { CsvError, readCsv } from './csv.ts';
import { SPECS, type ImportKind, type KindSpec, type StagedValues } from './import-kinds.ts';
import { createStagingTable } from '../../platform/db/staging.ts';
import { refreshCatalogStatistics } from '../catalog/catalog.service.ts';
import { refreshSalesStatistics } from '../sales/sales.service.ts';

/**
 * CSV imports of the marketplace's data, in three steps:
 * 1. one pass over the file in Node checks every value and COPYs the rows, with
 *    their line numbers, into a staging table; a malformed row stops it;
 * 2. one transaction checks the staged rows against the database (an unknown
 *    offer, say: the first such line is named), merges them set-based and marks
 *    the partner accounts they touch dirty. So an error at any point means
 *    nothing was written, and a crash leaves the marks with the data;
 * 3. eligibility is recomputed for the marked accounts.
 */
export type { ImportKind } from './import-kinds.ts';

export const IMPORT_COLUMNS: Record<ImportKind, string> = {
  sales: SPECS.sales.columns.join(','),
  offers: SPECS.offers.columns.join(','),
  profiles: SPECS.profiles.columns.join(','),
  'sponsorship-usage': SPECS['sponsorship-usage'].columns.join(','),
};

export interface ImportProgress {
  phase: 'checking' | 'importing' | 'recomputing';
  done: number;
  total: number;
}

export interface ImportResult {
  /** Lines read from --from-line on. */
  rows: number;
  /** Rows created, and rows whose values changed (a line repeating what is stored is neither). */
  inserted: number;
  updated: number;
  partnersRecomputed: number;
}

export async function importCsv(
  database: Pick<Database, 'db' | 'raw'>,
  kind: ImportKind,
  file: string,
  options: { fromLine?: number; onProgress?: (progress: ImportProgress) => void } = {},
): Promise<ImportResult> {
  const spec = SPECS[kind];
  const { db } = database;
  const fromLine = options.fromLine ?? 2;
  const report = options.onProgress ?? (() => {});
  const again = fromLine > 2 ? `import it again with --from-line ${fromLine}` : 'import it again';

  const staging = await createStagingTable(database, `line integer not null, ${spec.staged}`);
  const table = staging.name;
  let merged: { inserted: number; updated: number };
  let rows: number;
  try {
    rows = await stage(database, spec, table, file, fromLine, report);
    report({ phase: 'importing', done: 0, total: rows });
    merged = await db.transaction().execute(async (trx) => {
      // The planner needs the staged rows' statistics; JIT compiling these few big statements costs more than it saves.
      await sql`set local jit = off`.execute(trx);
      await sql`analyze ${sql.table(table)}`.execute(trx);
      const refused = (await spec.check?.(trx, table)) ?? null;
      if (refused) throw new CsvError(refused.line, `${refused.problem}. Nothing was imported. Fix the file and ${again}.`);
      return spec.merge(trx, table);
    });
    report({ phase: 'importing', done: rows, total: rows });
  } catch (error) {
    if (error instanceof CsvError) throw error;
    throw new Error(`${(error as Error).message}. Nothing was imported (an import is one transaction): ${again}.`, { cause: error });
  } finally {
    await staging.drop();
  }

  // A bulk load leaves the planner's statistics describing the tables before it; without fresh ones
  // the recompute's per-partner lookups become sequential scans (measured: 12 s per 2,000 partners).
  if (merged.inserted + merged.updated > 0) {
    // Each owner refreshes its own tables' statistics.
    await refreshCatalogStatistics(db);
    await refreshSalesStatistics(db);
    await refreshEligibilityStatistics(db);
  }
  const partnersRecomputed = await recomputeDirty(db, (done) => report({ phase: 'recomputing', done, total: done }));
  return { rows, inserted: merged.inserted, updated: merged.updated, partnersRecomputed };
}

/** Checks every line (all of them, also before --from-line) and COPYs those from --from-line on; returns how many. */
async function stage(
  database: Pick<Database, 'db' | 'raw'>,
  spec: KindSpec,
  table: string,
  file: string,
  fromLine: number,
  report: (progress: ImportProgress) => void,
): Promise<number> {
  const size = fs.statSync(file).size;
  let bytes = 0;
  let rows = 0;
  async function* copyText(): AsyncGenerator<string> {
    for await (const records of readCsv(file, spec.columns, (n) => (bytes += n))) {
      let text = '';
      for (const record of records) {
        let values: StagedValues;
        try {
          values = spec.parse(record.values);
        } catch (error) {
          throw new CsvError(record.line, `${(error as Error).message}. Nothing was imported.`);
        }
        if (record.line < fromLine) continue;
        rows += 1;
        text += String(record.line);
        for (const value of values) text += `\t${copyValue(value)}`;
        text += '\n';
      }
      report({ phase: 'checking', done: bytes, total: size });
      if (text !== '') yield text;
    }
  }
  await copyRows(database, table, ['line', ...spec.columns.map(snakeCase)], copyText());
  report({ phase: 'checking', done: size, total: size });
  return rows;
}

// The staging tables use the database's column names: offerId -> offer_id.
function snakeCase(column: string): string {
  return column.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
