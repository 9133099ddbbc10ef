import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrate, MigrationError } from '../src/platform/db/migrate.ts';
import { ConfigError, loadConfig } from '../src/server/config.ts';
import { checkFolders, startServer } from '../src/server/start.ts';
import { pgliteTemplate } from './pglite-template.ts';

// Issue #11, points 5 to 7: configuration that would silently do the wrong thing is refused at
// start, naming the variable and saying what to do.

const refusal = (env: Record<string, string>): string => {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.message;
  }
  return assert.fail(`accepted ${JSON.stringify(env)}`);
};

describe('configuration refused at start, with the variable named', () => {
  it('a DATABASE_URL without a database name (it would migrate into the server’s own database)', () => {
    assert.match(refusal({ DATABASE_URL: 'postgres://rewards@db.example:5432' }), /DATABASE_URL must name its database/);
    assert.match(refusal({ DATABASE_URL: 'postgres://rewards@db.example:5432/' }), /DATABASE_URL must name its database/);
    assert.equal(loadConfig({ DATABASE_URL: 'postgres://rewards@db.example:5432/rewards' }).databaseUrl, 'postgres://rewards@db.example:5432/rewards');
  });

  it('a PUBLIC_URL with a path (it would be cut from every link silently)', () => {
    assert.match(refusal({ PUBLIC_URL: 'https://example.com/rewards' }), /PUBLIC_URL must be an http\(s\) origin without a path/);
    assert.match(refusal({ PUBLIC_URL: 'https://example.com/?x=1' }), /PUBLIC_URL/);
    assert.equal(loadConfig({ PUBLIC_URL: 'https://rewards.example.com/' }).publicUrl, 'https://rewards.example.com');
  });

  it('SMTP_URL without a host (smtp:// would connect to localhost) and a MAIL_FROM that is no address', () => {
    assert.match(refusal({ SMTP_URL: 'smtp://' }), /SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL with the server's host/);
    assert.match(refusal({ MAIL_FROM: 'rewards' }), /MAIL_FROM must be an address/);
    assert.match(refusal({ MAIL_FROM: 'Rewards <not an address>' }), /MAIL_FROM/);
    assert.equal(loadConfig({ MAIL_FROM: 'Rewards <rewards@example.com>' }).mail.from, 'Rewards <rewards@example.com>');
    assert.equal(loadConfig({ MAIL_FROM: 'rewards@example.com', SMTP_URL: 'smtp://u:p@mail.example.com:587' }).mail.smtpUrl, 'smtp://u:p@mail.example.com:587');
  });

  it('timeouts and the grace period out of range', () => {
    assert.match(refusal({ DATABASE_STATEMENT_TIMEOUT_MS: '5' }), /DATABASE_STATEMENT_TIMEOUT_MS must be a whole number from 100/);
    assert.match(refusal({ SHUTDOWN_GRACE_SECONDS: '0' }), /SHUTDOWN_GRACE_SECONDS/);
    assert.match(refusal({ SMTP_TIMEOUT_SECONDS: 'soon' }), /SMTP_TIMEOUT_SECONDS/);
  });

  it('a data folder under /proc, under a file, or a mailbox folder under a file: refused at once, naming the variable', () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rewards-config-'));
    try {
      const file = path.join(scratch, 'a-file');
      fs.writeFileSync(file, 'x');
      const refused = (env: Record<string, string>) => {
        const started = Date.now();
        assert.throws(() => checkFolders(loadConfig(env, scratch)), (error: unknown) => {
          assert.ok(error instanceof ConfigError);
          return true;
        });
        assert.ok(Date.now() - started < 1_000, 'at once, not a hang');
        try {
          checkFolders(loadConfig(env, scratch));
        } catch (error) {
          return (error as Error).message;
        }
        return '';
      };
      assert.match(refused({ REWARDS_DATA_DIR: '/proc/x' }), /REWARDS_DATA_DIR \(\/proc\/x\) cannot be used: a kernel file system/);
      assert.match(refused({ REWARDS_DATA_DIR: path.join(file, 'data') }), /REWARDS_DATA_DIR .* cannot be used: a file is in the way/);
      assert.match(refused({ REWARDS_MAILBOX_DIR: path.join(file, 'mailbox'), REWARDS_DATA_DIR: path.join(scratch, 'data') }), /REWARDS_MAILBOX_DIR .* a file is in the way/);
      // With SMTP the mailbox folder is not used, and with PostgreSQL the data folder is not either.
      checkFolders(loadConfig({ REWARDS_MAILBOX_DIR: path.join(file, 'mailbox'), SMTP_URL: 'smtp://mail.example.com', REWARDS_DATA_DIR: path.join(scratch, 'data') }, scratch));
      checkFolders(loadConfig({ REWARDS_DATA_DIR: '/proc/x', DATABASE_URL: 'postgres://a@b/c', SMTP_URL: 'smtp://mail.example.com' }, scratch));
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('a folder on a full disk, and a folder of another user: each refusal says which', async () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rewards-disk-'));
    const disk = path.join(scratch, 'disk');
    fs.mkdirSync(disk);
    // A 64 kB file system of the test's own, filled up (the tests run as root, as CI does).
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', disk], { encoding: 'utf8' });
    assert.equal(mounted.status, 0, `mount a small tmpfs: ${mounted.stderr}`);
    try {
      fs.mkdirSync(path.join(disk, 'data'));
      try {
        fs.writeFileSync(path.join(disk, 'filler'), Buffer.alloc(1024 * 1024));
      } catch (error) {
        assert.equal((error as NodeJS.ErrnoException).code, 'ENOSPC');
      }
      assert.throws(
        () => checkFolders(loadConfig({ REWARDS_DATA_DIR: path.join(disk, 'data'), SMTP_URL: 'smtp://mail.example.com' }, scratch)),
        /REWARDS_DATA_DIR \(.*\/disk\/data\) cannot be used: the disk is full/,
      );
    } finally {
      spawnSync('umount', [disk]);
    }

    // A folder only root may write, checked by a process running as nobody.
    const owned = path.join(scratch, 'root-only');
    fs.mkdirSync(owned, { mode: 0o700 });
    fs.chmodSync(scratch, 0o755);
    const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'check-folders.ts');
    const asNobody = spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, '--import', 'tsx', fixture], {
      encoding: 'utf8',
      cwd: path.join(path.dirname(fileURLToPath(import.meta.url)), '..'),
      env: { ...process.env, REWARDS_DATA_DIR: path.join(owned, 'data'), SMTP_URL: 'smtp://mail.example.com', TSX_TSCONFIG_PATH: '' },
      timeout: 60_000,
    });
    try {
      assert.match(asNobody.stdout, /REWARDS_DATA_DIR \(.*root-only\/data\) cannot be used: this process \(user id 65534\) may not write there/, asNobody.stderr);
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('a port in use or a HOST that is not this machine’s: the error names the variable', async () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rewards-listen-'));
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as net.AddressInfo;
    try {
      // A migrated folder from the suites' template: opening it is quick (no initdb).
      await (await openDatabase({ engine: 'pglite', dataDir: path.join(scratch, 'data'), template: await pgliteTemplate() })).close();
      const base = { REWARDS_DATA_DIR: path.join(scratch, 'data'), REWARDS_WEB: 'off', LOG_LEVEL: 'silent' };
      await assert.rejects(startServer(loadConfig({ ...base, PORT: String(port) }, scratch)), (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, new RegExp(`PORT ${port} is already in use`));
        return true;
      });
      await assert.rejects(startServer(loadConfig({ ...base, PORT: '0', HOST: '203.0.113.7' }, scratch)), /HOST "203\.0\.113\.7" is not an address of this machine/);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });
});

describe('a database the code cannot run on', () => {
  it('an embedded database folder PGlite cannot use: the error names the folder and says what went wrong', async () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rewards-pgdata-'));
    try {
      fs.writeFileSync(path.join(scratch, 'pgdata'), 'not a folder');
      await assert.rejects(openDatabase({ engine: 'pglite', dataDir: scratch }), (error: unknown) => {
        assert.ok(error instanceof Error);
        assert.match(error.message, new RegExp(`^The embedded database could not start in ${scratch}/pgdata: `));
        assert.doesNotMatch(error.message, /\[object Object\]/);
        return true;
      });
      // The folder's lock was let go: a corrected folder opens at once.
      fs.rmSync(path.join(scratch, 'pgdata'));
      await (await openDatabase({ engine: 'pglite', dataDir: scratch, template: await pgliteTemplate() })).close();
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('migrated by a newer version: refused with the migrations it does not know', async () => {
    const database = await openDatabase({ engine: 'pglite', dataDir: null, template: await pgliteTemplate() });
    try {
      await migrate(database.db);
      await database.db.insertInto('schema_migrations').values({ version: '9999', name: 'from_the_future', checksum: 'x' }).execute();
      await assert.rejects(migrate(database.db), (error: unknown) => {
        assert.ok(error instanceof MigrationError);
        assert.match(error.message, /has 9999_from_the_future, which this version of Marketplace Rewards does not have/);
        return true;
      });
    } finally {
      await database.close();
    }
  });

  it('a lost schema_migrations row: the failing migration is named, with what to do', async () => {
    const database = await openDatabase({ engine: 'pglite', dataDir: null, template: await pgliteTemplate() });
    try {
      await migrate(database.db);
      await database.db.deleteFrom('schema_migrations').where('version', '=', '0001').execute();
      await assert.rejects(migrate(database.db), (error: unknown) => {
        assert.ok(error instanceof MigrationError);
        assert.match(error.message, /^Migration 0001_foundation failed: .*already exists.*put the row back/s);
        return true;
      });
    } finally {
      await database.close();
    }
  });
});
