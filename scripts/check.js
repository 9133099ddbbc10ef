// `npm test`: the web build, the typecheck (server and web), the lint (ESLint, then the module
// boundaries) and the tests, overlapped so that neither core of the 2-core machine waits.
//
// The web build goes first (the browser tests load web/dist), with the server typecheck beside it;
// the tests start as soon as the build is done, and the other checks run one at a time beside them.
// Run one after another, the checks took 39 s before the first test started; overlapped, the whole
// takes about as long as the tests plus a little. Each check's output is printed whole when the
// tests are done (so the tests' TAP output stays in one piece), with its time; the exit code is
// non-zero when anything failed. `node scripts/check.js --no-tests` runs the checks alone.
// Only node built-ins here.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const withTests = !process.argv.includes('--no-tests');

const BUILD = ['web build', bin('vite'), ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']];
const CHECKS = [
  ['typecheck (server, tests, bench)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
  // Two ESLint processes, one per TypeScript project: the type-aware rules build each project's program.
  ['lint (ESLint, server)', bin('eslint'), ['.', '--ignore-pattern', 'web/']],
  ['typecheck (web)', bin('tsc'), ['-p', 'web/tsconfig.json', '--noEmit']],
  ['lint (ESLint, web)', bin('eslint'), ['web/']],
  ['lint (module boundaries)', bin('depcruise'), ['src', 'web/src', 'test', 'bench', 'scripts', 'locales', '--config', '.dependency-cruiser.cjs']],
];
const TESTS = ['tests', process.execPath, [path.join(root, 'scripts', 'run-tests.js')]];

const reports = [];

function run([name, command, args], { live = false } = {}) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: '0' },
      stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    });
    const output = [];
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    const finish = (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const text = Buffer.concat(output).toString().trim();
      reports.push(`--- ${name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${seconds} s${text ? `\n${text}` : ''}`);
      resolve(code === 0);
    };
    child.on('error', (error) => {
      output.push(Buffer.from(String(error)));
      finish(1);
    });
    child.on('close', (code) => finish(code ?? 1));
  });
}

/** The checks one at a time, in order: beside the build and the tests, one more process is what two cores take. */
async function inTurn(list) {
  const results = [];
  for (const check of list) results.push(await run(check));
  return results;
}

const started = Date.now();
const built = run(BUILD);
const [first, ...rest] = CHECKS;
const checks = withTests ? [run(first), built.then(() => inTurn(rest))] : [run(first), inTurn(rest)];
const tests = withTests ? built.then((ok) => (ok ? run(TESTS, { live: true }) : false)) : Promise.resolve(true);
const results = [await built, ...(await Promise.all(checks)).flat(), await tests];

process.stdout.write(`${reports.join('\n')}\n--- all: ${results.every(Boolean) ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
process.exit(results.every(Boolean) ? 0 : 1);
