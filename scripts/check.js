// `npm test`'s first half: the typecheck (server and web), the lint (ESLint, then the module boundaries)
// and the web build, side by side. Each is one process that mostly uses one core; run one after another
// they left a core idle for two minutes. Each one's output is printed whole when it ends, with its time;
// the exit code is non-zero when any of them failed. Only node built-ins here.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

const CHECKS = [
  ['typecheck (server, tests, bench)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
  ['typecheck (web)', bin('tsc'), ['-p', 'web/tsconfig.json', '--noEmit']],
  // Two ESLint processes, one per TypeScript project: the type-aware rules build each project's program.
  ['lint (ESLint, server)', bin('eslint'), ['.', '--ignore-pattern', 'web/']],
  ['lint (ESLint, web)', bin('eslint'), ['web/']],
  ['lint (module boundaries)', bin('depcruise'), ['src', 'web/src', 'test', 'bench', 'scripts', 'locales', '--config', '.dependency-cruiser.cjs']],
  ['web build', bin('vite'), ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']],
];

function run([name, command, args]) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, FORCE_COLOR: '0' } });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    const finish = (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(`--- ${name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${seconds} s\n`);
      const text = Buffer.concat(output).toString().trim();
      if (text) process.stdout.write(`${text}\n`);
      resolve(code === 0);
    };
    child.on('error', (error) => {
      output.push(Buffer.from(String(error)));
      finish(1);
    });
    child.on('close', (code) => finish(code ?? 1));
  });
}

const results = await Promise.all(CHECKS.map(run));
process.exit(results.every(Boolean) ? 0 : 1);
