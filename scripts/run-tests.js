// `npm test`'s test runner: node's built-in test runner over every *.test.ts, listed explicitly
// because Node 20's runner expands no globs.
//
// A whole run is two shards, one test process each, on the 2-core machine: each shard is an entry
// file that imports its share of the test files, so they run one after another in one process.
// One process per file (Node's default) paid for loading tsx, Fastify, Kysely and PGlite in each of
// ~40 processes: 172 s against 119 s, and 288 s of CPU against 175 s, for the same tests. The files
// are dealt to the shards longest first by a weight (bytes of source; a browser test or one that
// starts child processes costs more per byte), so both end at about the same time.
//
// `node scripts/run-tests.js identity csv` runs only the files whose path contains one of the
// words, one process per file as before (a failing file then cannot disturb another).
// TEST_SHARDS=n changes the number of shards.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const roots = ['test', 'src', 'web'].map((dir) => path.join(root, dir)).filter((dir) => fs.existsSync(dir));

function collect(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : collect(full);
    return /\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Relative cost of a file: its size, more for a real browser or for child processes (measured: about 3x and 2x per byte). */
function weight(file) {
  const text = fs.readFileSync(file, 'utf8');
  const factor = file.includes(`${path.sep}browser${path.sep}`) ? 4 : /child_process|spawnCli|spawn\(/.test(text) ? 3 : 1;
  return text.length * factor;
}

function shardsOf(files, count) {
  const shards = Array.from({ length: count }, () => ({ weight: 0, files: [] }));
  for (const file of [...files].sort((a, b) => weight(b) - weight(a))) {
    const lightest = shards.reduce((a, b) => (b.weight < a.weight ? b : a));
    lightest.weight += weight(file);
    lightest.files.push(file);
  }
  // Heaviest first: the runner starts the next shard whenever one ends, so the light ones fill the tail.
  return shards.filter((shard) => shard.files.length > 0).sort((a, b) => b.weight - a.weight);
}

const only = process.argv.slice(2);
const files = roots.flatMap(collect).filter((file) => only.length === 0 || only.some((o) => file.includes(o))).sort();
if (files.length === 0) {
  console.error('No test files found.');
  process.exit(1);
}

let targets;
if (only.length > 0) {
  targets = files.map((f) => path.relative(root, f));
} else {
  const dir = path.join(root, 'node_modules', '.cache', 'marketplace-rewards', 'shards');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const count = Math.max(1, Number(process.env.TEST_SHARDS ?? 6) || 6);
  targets = shardsOf(files, count).map((shard, i) => {
    const entry = path.join(dir, `shard-${i + 1}.test.mjs`);
    const imports = shard.files.sort().map((file) => `import ${JSON.stringify(pathToFileURL(file).href)};`);
    fs.writeFileSync(entry, `// ${shard.files.length} test files, written by scripts/run-tests.js\n${imports.join('\n')}\n`);
    return path.relative(root, entry);
  });
}

const result = spawnSync(
  process.execPath,
  // A test that fails while holding a connection open must fail the run, not hang it: every test gets
  // ten minutes at most, and a process exits once its tests are done. Two processes at a time: on
  // the 2-core machine more were slower (a test file is mostly CPU: PGlite, tsx, the tests).
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=600000', '--test-force-exit', ...targets],
  { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
);
process.exit(result.status ?? 1);
