import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * A PostgreSQL cluster of a test's own, on a loopback port of its own, for the tests that stop it,
 * freeze it or terminate its backends: never the shared server the other suites use. Made with the
 * machine's initdb (Debian's postgresql package, which CI installs too), as the `postgres` user when
 * the tests run as root (PostgreSQL refuses to run as root). Takes about two seconds.
 */
export interface OwnPostgres {
  /** A database of its own on the cluster (`rewards`). */
  url: string;
  port: number;
  stop(): void;
  start(): void;
  /** SIGSTOP to every process of the cluster: it holds its sockets open and answers nothing. */
  freeze(): void;
  thaw(): void;
  /** pg_terminate_backend for every client backend but the caller's, as a DBA or a failover would. */
  terminateBackends(): Promise<number>;
  destroy(): void;
}

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((name) => fs.existsSync(path.join(root, name, 'bin', 'initdb'))) : [];
  if (versions.length === 0) throw new Error('no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)');
  return path.join(root, versions.sort((a, b) => Number(b) - Number(a))[0]!, 'bin');
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startOwnPostgres(): Promise<OwnPostgres> {
  const bin = binDir();
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args]] : [path.join(bin, command), args];
    const result = spawnSync(file, argv, { encoding: 'utf8', timeout: 60_000 });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout || result.error}`);
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rewards-own-pg-'));
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  const data = path.join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--no-locale']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const start = () => run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', '-t', '30', 'start']);
  const stop = () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop']);
  start();
  const admin = (database = 'postgres') => new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/${database}` });
  const setup = admin();
  await setup.connect();
  await setup.query('create database rewards');
  await setup.end();
  const pids = (): number[] => {
    const postmaster = Number(fs.readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const children = spawnSync('pgrep', ['-P', String(postmaster)], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map(Number);
    return [postmaster, ...children];
  };
  const signal = (name: NodeJS.Signals) => {
    for (const pid of pids()) {
      try {
        process.kill(pid, name);
      } catch {
        // gone already
      }
    }
  };
  let running = true;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/rewards`,
    port,
    start() {
      start();
      running = true;
    },
    stop() {
      stop();
      running = false;
    },
    freeze: () => signal('SIGSTOP'),
    thaw: () => signal('SIGCONT'),
    async terminateBackends() {
      const client = admin();
      await client.connect();
      try {
        const { rows } = await client.query<{ pid: number }>(
          `select pid from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()`,
        );
        for (const { pid } of rows) await client.query('select pg_terminate_backend($1)', [pid]);
        return rows.length;
      } finally {
        await client.end();
      }
    },
    destroy() {
      try {
        signal('SIGCONT');
        if (running) stop();
      } catch {
        // best effort: the folder goes either way
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
