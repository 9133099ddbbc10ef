// `npm start`: install when needed, build when the sources changed, then serve with demo data.
// Only node built-ins here: it runs before the dependencies are installed.
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function newestMtime(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function run(args, label) {
  console.error(`> ${label}`);
  const result = spawnSync(npm, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const installed = path.join(root, 'node_modules', '.package-lock.json');
if (!fs.existsSync(installed) || newestMtime(path.join(root, 'package-lock.json')) > newestMtime(installed)) {
  run(['ci', '--no-audit', '--no-fund'], 'installing dependencies (npm ci)');
}

const builtMarker = path.join(root, 'dist', 'node', 'src', 'cli', 'main.js');
const sources = ['src', 'web', 'locales', 'package-lock.json'].map((p) => newestMtime(path.join(root, p)));
if (!fs.existsSync(builtMarker) || Math.max(...sources) > newestMtime(path.join(root, 'dist'))) {
  run(['run', 'build'], 'building');
}

const child = spawn(process.execPath, [path.join(root, 'bin', 'rewards.js'), 'serve', '--demo', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
