import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * PGlite's data folder may be opened by one process at a time. The guard is a
 * lock the operating system holds for us and drops when we die, however we die:
 * an advisory `flock(2)` on `rewards.lock`, held by a small `flock` process
 * (util-linux, in every Debian and Alpine image) tied to ours by a pipe. When
 * this process ends, even by SIGKILL or the OOM killer, the kernel closes the
 * pipe, the helper sees end of file and exits, and the kernel drops its lock.
 *
 * So the file's content never decides anything: a file naming pid 1 (a
 * container's entrypoint killed with -9), a dead process's zombie, or a
 * process in another pid namespace (a second container on the same volume) are
 * all the same question to the kernel, which answers it for every process on
 * the machine at once: two processes can never both hold the folder, and no
 * stale lock ever needs taking over. The file names the holder (pid, host) for
 * the message a second process gets, nothing more.
 *
 * Node has no flock of its own; a native module would need a compiler at
 * install time, and a lock file with a pid (this module's previous form) can
 * only guess whether its holder still runs.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: string,
  ) {
    super(
      `The data folder ${dataDir} is in use by another rewards process (${holder}). ` +
        'Stop that process first, point REWARDS_DATA_DIR at another folder, or set DATABASE_URL to use PostgreSQL.',
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  /** Drops the lock; resolves once another process can take it. */
  release(): Promise<void>;
}

// flock's exit status when the lock is held elsewhere (--conflict-exit-code).
const HELD_ELSEWHERE = 75;

/**
 * Takes the folder's lock, or throws DataDirLockedError naming its holder. A holder that is
 * exiting right now (its helper not yet gone) is waited for up to `waitMs`.
 */
export async function lockDataDir(dataDir: string, waitMs = 2_000): Promise<DataDirLock> {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'rewards.lock');
  const until = Date.now() + waitMs;
  for (;;) {
    const attempt = await tryLock(lockPath);
    if (attempt.helper) {
      const helper = attempt.helper;
      // The file names us (for the message another process gets); the kernel's lock is what counts.
      fs.writeFileSync(lockPath, `pid ${process.pid} on ${os.hostname()}\n`);
      let released: Promise<void> | null = null;
      // Killed on its own (someone signalled it): the folder is unguarded from then on, so say so.
      helper.once('exit', (code, signal) => {
        if (!released) process.emitWarning(`The lock on ${dataDir} was lost: its flock helper ended (${signal ?? code}). Restart this process.`, 'DataDirLockLost');
      });
      return {
        release: () =>
          (released ??= new Promise<void>((resolve) => {
            if (helper.exitCode !== null || helper.signalCode !== null) return resolve();
            helper.once('exit', () => resolve());
            // Waited for now: held by this process's event loop until it has gone.
            helper.ref();
            helper.stdin?.end();
          })),
      };
    }
    if (Date.now() >= until) {
      let holder = 'another process';
      try {
        holder = fs.readFileSync(lockPath, 'utf8').trim() || holder;
      } catch {
        // unreadable: say it generally
      }
      throw new DataDirLockedError(dataDir, holder);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** One try: the helper holding the lock, or none when another process holds it. */
function tryLock(lockPath: string): Promise<{ helper: ChildProcess | null }> {
  return new Promise((resolve, reject) => {
    // `flock -n -E 75 FILE sh -c 'echo locked; exec cat'`: lock, say so, then wait for our end of the pipe to close.
    const helper = spawn('flock', ['--nonblock', '--exclusive', '--conflict-exit-code', String(HELD_ELSEWHERE), lockPath, 'sh', '-c', 'echo locked; exec cat >/dev/null'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      // Its own process group: Ctrl-C or a service manager's signal to ours must not end the lock
      // while this process is still closing the database. It ends when our end of the pipe closes.
      detached: true,
    });
    let settled = false;
    let errors = '';
    helper.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    helper.once('error', (error) => {
      if (settled) return;
      settled = true;
      reject(
        (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? new Error('The data folder lock needs the `flock` command (util-linux): install it, or set DATABASE_URL to use PostgreSQL.')
          : error,
      );
    });
    helper.stdout.once('data', () => {
      if (settled) return;
      settled = true;
      // The helper must not keep this process alive, nor outlive it.
      helper.unref();
      for (const stream of [helper.stdin, helper.stdout, helper.stderr] as unknown as { unref?: () => void }[]) stream.unref?.();
      resolve({ helper });
    });
    helper.once('exit', (code) => {
      if (settled) return;
      settled = true;
      if (code === HELD_ELSEWHERE) resolve({ helper: null });
      else reject(new Error(`Could not lock ${lockPath}: flock exited with ${code}${errors ? `: ${errors.trim()}` : ''}`));
    });
  });
}
