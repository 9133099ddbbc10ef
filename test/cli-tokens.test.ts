import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openDatabase } from '../src/platform/db/database.ts';
import { runRewards } from './cli-helpers.ts';
import { pgliteTemplate } from './pglite-template.ts';

// The operator-token commands as an operator types them (issue #10, section 4), in child processes
// on a PGlite data folder; and a wrong option answered with the usage, not a stack trace.

describe('rewards token create, list and revoke (child processes, PGlite data folder)', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rewards-cli-tokens-'));
    await (await openDatabase({ engine: 'pglite', dataDir: path.join(dir, 'data'), template: await pgliteTemplate() })).close();
    env = { ...process.env, REWARDS_DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'silent' };
    delete env.DATABASE_URL;
    delete env.REWARDS_ADMIN_TOKEN;
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates an expiring token shown once, lists it without its secret, revokes it by name', { timeout: 120_000 }, async () => {
    const created = await runRewards(['token', 'create', '--name', 'ci', '--expires-in-days', '3'], env);
    assert.equal(created.code, 0, created.stderr);
    const token = created.stdout.trim();
    assert.match(token, /^rwd_/);
    assert.match(created.stderr, /only its hash is kept.*It expires at \d{4}-/s);

    const listed = await runRewards(['token', 'list'], env);
    assert.equal(listed.code, 0, listed.stderr);
    assert.ok(!listed.stdout.includes(token), 'no secret in the list');
    const row = listed.stdout.split('\n').find((line) => line.startsWith('ci\t'));
    assert.ok(row, listed.stdout);
    const [, , lastUsed, expires, revoked] = row.split('\t');
    assert.equal(lastUsed, '-');
    assert.ok(Date.parse(expires!) > Date.now() + 2 * 86_400_000);
    assert.equal(revoked, '-');

    const revokedRun = await runRewards(['token', 'revoke', '--name', 'ci'], env);
    assert.equal(revokedRun.code, 0, revokedRun.stderr);
    assert.match(revokedRun.stdout, /Token ci is revoked/);
    const after = await runRewards(['token', 'list'], env);
    const revokedAt = after.stdout.split('\n').find((line) => line.startsWith('ci\t'))!.split('\t')[4]!;
    assert.ok(!Number.isNaN(Date.parse(revokedAt)), after.stdout);

    const again = await runRewards(['token', 'revoke', '--name', 'ci'], env);
    assert.equal(again.code, 1, 'nothing left to revoke');
    assert.match(again.stderr, /NOT_FOUND/);
  });

  it('a wrong option or value is answered with the usage, without a stack trace', { timeout: 60_000 }, async () => {
    const unknown = await runRewards(['serve', '--port', '3000'], env);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Unknown option '--port'/);
    assert.match(unknown.stderr, /Usage: rewards serve/);
    assert.doesNotMatch(unknown.stderr, /\n\s+at /, 'no stack trace');
    const badDays = await runRewards(['token', 'create', '--name', 'x', '--expires-in-days', 'soon'], env);
    assert.equal(badDays.code, 1);
    assert.match(badDays.stderr, /expires-in-days: .*\(FORMAT_INVALID\)/);
  });
});
