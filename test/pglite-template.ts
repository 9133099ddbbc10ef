import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrate, readMigrations } from '../src/platform/db/migrate.ts';

/**
 * One migrated PGlite database for every test suite to start from. Initialising a PGlite
 * database (initdb) and migrating it took most of a test file's time (6 s alone, far more on a
 * busy machine); loading a data folder that has both done takes a fraction of that. The template
 * is made once and kept in node_modules/.cache/, keyed by what it is made of: PGlite's version,
 * the migrations' checksums, and the code that opens and migrates a database, so any change to
 * them makes a new one. Each suite still runs `migrate()` on what it loads, which checks those
 * checksums again.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CACHE_DIR = path.join(root, 'node_modules', '.cache', 'marketplace-rewards');

function templateKey(): string {
  const hash = createHash('sha256');
  const pglite = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8')) as { version: string };
  hash.update(`pglite ${pglite.version}\n`);
  // The code that makes a database and migrates it, by its source text (wherever its file is).
  hash.update(openDatabase.toString());
  hash.update(migrate.toString());
  for (const migration of readMigrations()) hash.update(`${migration.version} ${migration.name} ${migration.checksum}\n`);
  return hash.digest('hex').slice(0, 16);
}

async function makeTemplate(): Promise<Buffer> {
  const database = await openDatabase({ engine: 'pglite', dataDir: null });
  try {
    await migrate(database.db);
    if (database.raw.engine !== 'pglite') throw new Error('expected PGlite');
    // Written out, so a database started from the tarball has nothing to recover.
    await sql`checkpoint`.execute(database.db);
    // Uncompressed: 40 MB on disk, and a quarter of a second quicker to load than gzipped.
    const tarball = await database.raw.pglite.dumpDataDir('none');
    return Buffer.from(await tarball.arrayBuffer());
  } finally {
    await database.close();
  }
}

function readIfThere(file: string): Buffer | null {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

let template: Promise<Blob> | undefined;

/** The migrated template as a tarball for `openDatabase({ engine: 'pglite', template })`: read from the cache, or made once. */
export function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const file = path.join(CACHE_DIR, `pglite-template-${templateKey()}.tar`);
    const cached = readIfThere(file);
    if (cached) {
      // Marked as used, so the clean-up below (by a checkout on other migrations) leaves it alone.
      fs.utimes(file, new Date(), new Date(), () => {});
      return new Blob([cached]);
    }
    const bytes = await makeTemplate();
    // Written aside and renamed: two test processes making it at once each write a whole file.
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    fs.writeFileSync(partial, bytes);
    fs.renameSync(partial, file);
    // Templates unused for a day (of older migrations, most likely) go, and files a killed process left half-written.
    for (const name of fs.readdirSync(CACHE_DIR)) {
      const other = path.join(CACHE_DIR, name);
      if (!/^pglite-template-/.test(name) || other === file) continue;
      const stat = fs.statSync(other, { throwIfNoEntry: false });
      if (stat && Date.now() - stat.mtimeMs > 24 * 3_600_000) fs.rmSync(other, { force: true });
    }
    return new Blob([bytes]);
  })();
  return template;
}
