import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DataDirLockedError, lockDataDir } from '../src/platform/db/data-dir-lock.ts';

// Issue #11, point 3: the embedded database's folder is guarded by a lock the kernel drops when its
// holder dies, so a container restart, a zombie or a second container on the same volume can neither
// block a restart nor share the folder.

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'hold-lock.ts');
const children: ChildProcess[] = [];
const folders: string[] = [];

const folder = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rewards-lock-'));
  folders.push(dir);
  return dir;
};

/** A process that takes the folder's lock; resolves with its first line ("locked <pid>" or "refused ..."). */
function holder(dir: string, options: { waitMs?: number; prefix?: string[] } = {}): { child: ChildProcess; said: Promise<string> } {
  const command = [...(options.prefix ?? []), process.execPath, '--import', 'tsx', fixture, dir, String(options.waitMs ?? 0)];
  const child = spawn(command[0]!, command.slice(1), { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const said = new Promise<string>((resolve) => {
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) resolve(text.split('\n')[0]!);
    });
    child.on('exit', () => resolve(text.trim() || 'exited'));
  });
  return { child, said };
}

const killed = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

describe('the data folder lock', () => {
  after(() => {
    for (const child of children) child.kill('SIGKILL');
    for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a lock file left naming pid 1, or this very process, does not block a start', async () => {
    for (const content of ['1', String(process.pid), 'garbage']) {
      const dir = folder();
      fs.writeFileSync(path.join(dir, 'rewards.lock'), content);
      const lock = await lockDataDir(dir, 0);
      await lock.release();
    }
  });

  it('while another process holds it, a second is refused with the holder named; released, it is free at once', async () => {
    const dir = folder();
    const first = holder(dir);
    const said = await first.said;
    assert.match(said, /^locked \d+$/);
    await assert.rejects(lockDataDir(dir, 200), (error: unknown) => {
      assert.ok(error instanceof DataDirLockedError);
      assert.match(error.message, new RegExp(`in use by another rewards process \\(pid ${said.split(' ')[1]} on `));
      return true;
    });
    first.child.kill('SIGTERM');
    await killed(first.child);
    const lock = await lockDataDir(dir);
    await lock.release();
    const again = await lockDataDir(dir, 0);
    await again.release();
  });

  it('a holder killed with SIGKILL (a container OOM-killed) frees the folder at once, zombie or not', async () => {
    const dir = folder();
    const first = holder(dir);
    assert.match(await first.said, /^locked/);
    first.child.kill('SIGKILL');
    // Not waiting for its exit to be reaped: the kernel closes the pipe when it dies.
    const started = Date.now();
    const lock = await lockDataDir(dir, 2_000);
    assert.ok(Date.now() - started < 1_500, `free after ${Date.now() - started} ms`);
    await lock.release();
  });

  it('a holder in another pid namespace (another container on the same volume) is seen, and its pid does not matter', async (t) => {
    const probe = spawnSync('unshare', ['--pid', '--fork', '--mount-proc', 'true']);
    if (probe.status !== 0) {
      t.diagnostic(`unshare --pid needs privileges here: ${probe.stderr?.toString().trim()}`);
      assert.fail('this machine cannot make a pid namespace (the test runs as root in CI)');
    }
    const dir = folder();
    const other = holder(dir, { prefix: ['unshare', '--pid', '--fork', '--mount-proc', '--kill-child=SIGKILL'] });
    const said = await other.said;
    assert.match(said, /^locked [0-9]+$/);
    assert.ok(Number(said.split(' ')[1]) < 10, `inside its namespace it is pid ${said.split(' ')[1]}`);
    await assert.rejects(lockDataDir(dir, 200), DataDirLockedError);
    other.child.kill('SIGKILL');
    await killed(other.child);
    const lock = await lockDataDir(dir, 2_000);
    await lock.release();
  });

  it('eight processes starting at the same instant on a stale lock file: exactly one holds the folder', async () => {
    const dir = folder();
    fs.writeFileSync(path.join(dir, 'rewards.lock'), '1');
    const racers = Array.from({ length: 8 }, () => holder(dir, { waitMs: 0 }));
    const answers = await Promise.all(racers.map((racer) => racer.said));
    assert.equal(answers.filter((answer) => answer.startsWith('locked')).length, 1, answers.join('\n'));
    assert.equal(answers.filter((answer) => answer.startsWith('refused')).length, 7, answers.join('\n'));
  });
});
