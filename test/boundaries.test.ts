import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/**
 * The boundary rules of .dependency-cruiser.cjs (run by `npm run lint`) catch each kind of wrong
 * import: they run here over a small tree that breaks every rule once, beside imports that are fine.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const TREE: Record<string, string> = {
  'tsconfig.json': '{ "compilerOptions": { "allowImportingTsExtensions": true, "noEmit": true } }',
  'src/server/config.ts': 'export const config = 1;',
  'src/server/app.ts': [
    "import { routes } from '../modules/shop/shop.routes.ts';",
    "import { service } from '../modules/shop/shop.service.ts';",
    'export const app = [routes, service];',
  ].join('\n'),
  'src/platform/kernel.ts': "import { service } from '../modules/shop/shop.service.ts';\nexport const kernel = service;",
  'src/modules/shop/shop.repository.ts': 'export const repository = 1;',
  'src/modules/shop/shop.engine.ts': 'export const engine = 1;',
  'src/modules/shop/shop.service.ts': "import { repository } from './shop.repository.ts';\nexport const service = repository;",
  'src/modules/shop/shop.routes.ts': "import { service } from './shop.service.ts';\nimport { engine } from './shop.engine.ts';\nexport const routes = [service, engine];",
  'src/modules/till/till.service.ts': [
    "import { config } from '../../server/config.ts';",
    "import { repository } from '../shop/shop.repository.ts';",
    "import { engine } from '../shop/shop.engine.ts';",
    "import { service } from '../shop/shop.service.ts';",
    'export const till = [config, repository, engine, service];',
  ].join('\n'),
  'src/modules/loop/first.ts': "import { second } from './second.ts';\nexport const first = () => second;",
  'src/modules/loop/second.ts': "import { first } from './first.ts';\nexport const second = () => first;",
  'src/cli/command.ts': "import { repository } from '../modules/shop/shop.repository.ts';\nexport const command = repository;",
  'web/src/page.ts': "import { config } from '../../src/server/config.ts';\nexport const page = config;",
};

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

describe('module boundaries (dependency-cruiser)', () => {
  let dir: string;
  let violations: Violation[];

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rewards-boundaries-'));
    for (const [file, text] of Object.entries(TREE)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), `${text}\n`);
    }
    const cli = path.join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
    // The command exits non-zero when it finds violations, which is what this tree is for.
    const run = await promisify(execFile)(
      process.execPath,
      [cli, 'src', 'web/src', '--config', path.join(root, '.dependency-cruiser.cjs'), '--output-type', 'json'],
      { cwd: dir, maxBuffer: 16 << 20 },
    ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    violations = (JSON.parse(run.stdout) as { summary: { violations: Violation[] } }).summary.violations;
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const found = (rule: string) => violations.filter((v) => v.rule.name === rule).map((v) => `${v.from} -> ${v.to}`).sort();

  it('a module may not import src/server/', () => {
    assert.deepEqual(found('module-imports-server'), ['src/modules/till/till.service.ts -> src/server/config.ts']);
  });

  it("a module may not import another module's repository or internals, only its service", () => {
    assert.deepEqual(found('module-imports-another-modules-internals'), [
      'src/modules/till/till.service.ts -> src/modules/shop/shop.engine.ts',
      'src/modules/till/till.service.ts -> src/modules/shop/shop.repository.ts',
    ]);
  });

  it('only a module itself uses its repository', () => {
    assert.deepEqual(found('repository-outside-its-module'), ['src/cli/command.ts -> src/modules/shop/shop.repository.ts']);
  });

  it('src/server/ imports only routes and plugins, and src/platform/ no module', () => {
    assert.deepEqual(found('server-imports-more-than-routes-and-plugins'), ['src/server/app.ts -> src/modules/shop/shop.service.ts']);
    assert.deepEqual(found('platform-imports-a-module'), ['src/platform/kernel.ts -> src/modules/shop/shop.service.ts']);
  });

  it('the web imports nothing from src/', () => {
    assert.deepEqual(found('web-imports-the-server'), ['web/src/page.ts -> src/server/config.ts']);
  });

  it('import circles are refused', () => {
    // A circle is reported once, at the import that closes it.
    assert.deepEqual(found('no-circular'), ['src/modules/loop/first.ts -> src/modules/loop/second.ts']);
  });

  it('flags nothing else: a module using its own internals and another module’s service is fine', () => {
    assert.equal(violations.length, 8, JSON.stringify(violations, null, 2));
  });
});
