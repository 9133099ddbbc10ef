import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Which cached views go stale when a table changes, and the signal that says
 * so. Caches (src/platform/cache) keep an entry only while the generation of
 * its scope is the one it was read under.
 *
 * Two paths bump a generation, and both are needed:
 * - this process's own writes, seen by the Kysely driver (observed-dialect.ts)
 *   when their transaction commits: synchronous, so a client that wrote and then
 *   reads through the same instance never sees the old value;
 * - everyone else's writes (other instances, the `rewards` CLI), through a
 *   statement trigger on each table below (migration 0004) that calls
 *   pg_notify, received here over a LISTEN connection. While that connection
 *   is down, `ready` is false and the caches are bypassed: a notification
 *   missed then cannot leave a stale entry behind.
 */
export type CacheScope = 'sessions' | 'rewards';

export const CHANGE_CHANNEL = 'rewards_changes';
// A payload `<schema>.~heartbeat:<nonce>` is the listener checking that it still hears (no table has this name).
const HEARTBEAT = '~heartbeat';

/** The tables behind each cached view. Migration 0004 puts a notifying trigger on exactly these. */
export const SCOPES_OF_TABLE: Readonly<Record<string, readonly CacheScope[]>> = {
  // A session resolves to its user, the user's tenant and the tenant's partner account.
  sessions: ['sessions'],
  users: ['sessions'],
  tenants: ['sessions'],
  partner_accounts: ['sessions', 'rewards'],
  // The rewards summary reads these.
  publisher_profiles: ['rewards'],
  offers: ['rewards'],
  billed_sales: ['rewards'],
  partner_eligibility: ['rewards'],
  program_versions: ['rewards'],
  program_tiers: ['rewards'],
};

const ALL_SCOPES: readonly CacheScope[] = ['sessions', 'rewards'];

export class ChangeFeed {
  readonly #generations = new Map<CacheScope, number>(ALL_SCOPES.map((scope) => [scope, 0]));
  #ready: boolean;
  #stop: (() => Promise<void>) | null = null;
  #pid: number | null = null;

  /**
   * `listening`: whether other processes can write (PostgreSQL), so that caches stay off until the LISTEN
   * is up. PGlite holds its folder alone (data-dir-lock.ts): every write is this process's own.
   */
  constructor(listening: boolean) {
    this.#ready = !listening;
  }

  /** Whether cached entries can be trusted: every change since they were read would have been seen. */
  get ready(): boolean {
    return this.#ready;
  }

  generation(scope: CacheScope): number {
    return this.#generations.get(scope)!;
  }

  /** Tables written (here or elsewhere): the scopes that read them go stale. */
  tablesChanged(tables: Iterable<string>): void {
    for (const table of tables) {
      for (const scope of SCOPES_OF_TABLE[table] ?? []) this.#generations.set(scope, this.generation(scope) + 1);
    }
  }

  /** Everything goes stale: a write whose tables are unknown, or a gap in the notifications. */
  allChanged(): void {
    for (const scope of ALL_SCOPES) this.#generations.set(scope, this.generation(scope) + 1);
  }

  /**
   * Listens on PostgreSQL for the triggers' notifications of this schema, reconnecting after a loss.
   * Every `heartbeatMs` (2 s) the listener notifies itself and must hear it back before the next one: a
   * connection that is open but deaf (a half-open socket, a pooler in transaction mode that moved the
   * session) counts as lost, so the caches turn off instead of going stale.
   */
  listenPostgres(
    connection: pg.ClientConfig,
    log: (message: string, error?: unknown) => void = () => {},
    options: { heartbeatMs?: number; heartbeatChannel?: string } = {},
  ): void {
    const heartbeatMs = options.heartbeatMs ?? 2_000;
    // Tests send the heartbeat where nobody listens, to play a deaf connection.
    const heartbeatChannel = options.heartbeatChannel ?? CHANGE_CHANNEL;
    let stopped = false;
    let current: pg.Client | null = null;
    let retry: NodeJS.Timeout | null = null;
    let beat: NodeJS.Timeout | null = null;
    let awaited: { nonce: string; deadline: NodeJS.Timeout } | null = null;
    const quiet = () => {
      if (beat) clearInterval(beat);
      if (awaited) clearTimeout(awaited.deadline);
      beat = null;
      awaited = null;
    };
    const lost = (client: pg.Client, error: unknown) => {
      if (stopped || client !== current) return;
      current = null;
      quiet();
      this.#ready = false;
      this.#pid = null;
      this.allChanged();
      log('change feed lost; caches are off until it is back', error);
      client.removeAllListeners();
      client.on('error', () => {});
      client.end().catch(() => {});
      retry = setTimeout(() => void connect(), 1000);
      retry.unref();
    };
    const heartbeat = (client: pg.Client, schema: string) => {
      if (awaited) return;
      const nonce = randomBytes(8).toString('hex');
      const deadline = setTimeout(() => lost(client, new Error(`no heartbeat back within ${heartbeatMs} ms`)), heartbeatMs);
      deadline.unref();
      awaited = { nonce, deadline };
      client.query('select pg_notify($1, $2)', [heartbeatChannel, `${schema}.${HEARTBEAT}:${nonce}`]).catch((error: unknown) => lost(client, error));
    };
    const connect = async () => {
      retry = null;
      const client = new pg.Client({ ...connection, application_name: 'rewards-change-feed' });
      current = client;
      client.on('error', (error) => lost(client, error));
      client.on('end', () => lost(client, new Error('connection ended')));
      try {
        await client.connect();
        // The schema the triggers name: the one holding the tables, whatever else the search path lists.
        const schema = (
          await client.query<{ schema: string }>(`
            select coalesce((select n.nspname from pg_class c join pg_namespace n on n.oid = c.relnamespace
              where c.oid = to_regclass('sessions')), current_schema()) as schema`)
        ).rows[0]!.schema;
        client.on('notification', (message) => {
          const [from, table] = (message.payload ?? '').split('.');
          if (from !== schema || !table) return;
          if (!table.startsWith(`${HEARTBEAT}:`)) this.tablesChanged([table]);
          else if (awaited && table === `${HEARTBEAT}:${awaited.nonce}`) {
            clearTimeout(awaited.deadline);
            awaited = null;
          }
        });
        await client.query(`listen ${CHANGE_CHANNEL}`);
        if (client !== current) return;
        // Whatever changed while nobody listened is unknown: start from nothing.
        this.allChanged();
        this.#pid = (client as pg.Client & { processID: number | null }).processID;
        this.#ready = true;
        beat = setInterval(() => heartbeat(client, schema), heartbeatMs);
        beat.unref();
      } catch (error) {
        lost(client, error);
      }
    };
    this.#stop = async () => {
      stopped = true;
      this.#ready = false;
      quiet();
      if (retry) clearTimeout(retry);
      const open = current;
      current = null;
      open?.removeAllListeners();
      open?.on('error', () => {});
      // A half-open socket may never answer the goodbye: give it a second, then cut it.
      const ended = open?.end().catch(() => {});
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 1000).unref());
      if ((await Promise.race([ended, timeout])) === 'timeout') (open as unknown as { connection?: { stream?: { destroy(): void } } })?.connection?.stream?.destroy();
    };
    void connect();
  }

  /** The PostgreSQL backend that listens (for tests that cut it). */
  get backendPid(): number | null {
    return this.#pid;
  }

  /** For tests: waits until the feed is listening (or the time is up). */
  async whenReady(timeoutMs = 5000): Promise<boolean> {
    const until = Date.now() + timeoutMs;
    while (!this.#ready && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
    return this.#ready;
  }

  async close(): Promise<void> {
    await this.#stop?.();
  }
}
