// `npm test`'s runner: node's built-in test runner over every *.test.ts, listed explicitly
// because Node 20's runner expands no globs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const roots = ['test', 'src', 'web'].map((dir) => path.join(root, dir)).filter((dir) => fs.existsSync(dir));

function collect(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : collect(full);
    return /\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const only = process.argv.slice(2);
const files = roots.flatMap(collect).filter((file) => only.length === 0 || only.some((o) => file.includes(o))).sort();
if (files.length === 0) {
  console.error('No test files found.');
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  // A test that fails while holding a connection open must fail the run, not hang it: every test gets
  // ten minutes at most, and a file's process exits once its tests are done. Two files at a time: on
  // the 2-core machine three or four were slower (a file is mostly CPU: PGlite, tsx, the tests).
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=600000', '--test-force-exit', ...files.map((f) => path.relative(root, f))],
  { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
);
process.exit(result.status ?? 1);
