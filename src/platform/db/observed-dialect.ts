import type {
  CompiledQuery,
  DatabaseConnection,
  Dialect,
  Driver,
  Kysely,
  QueryCompiler,
  QueryResult,
  TransactionSettings,
} from 'kysely';
import type { ChangeFeed } from './change-feed.ts';

/**
 * A dialect that tells the change feed which tables this process wrote, once
 * the write is committed: after the statement outside a transaction, after
 * COMMIT inside one, never after ROLLBACK. A cache that kept a value read
 * before the commit then drops it before the writer's response leaves.
 */
export class ObservedDialect implements Dialect {
  constructor(
    private readonly inner: Dialect,
    private readonly feed: ChangeFeed,
  ) {}
  createAdapter() {
    return this.inner.createAdapter();
  }
  createDriver(): Driver {
    return new ObservedDriver(this.inner.createDriver(), this.feed);
  }
  createQueryCompiler() {
    return this.inner.createQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>) {
    return this.inner.createIntrospector(db);
  }
}

// insert into / update / delete from / truncate / copy ... <table>, optionally schema-qualified and quoted.
const WRITE = /\b(insert\s+into|update|delete\s+from|truncate(?:\s+table)?|merge\s+into|copy)\s+(?:only\s+)?((?:"?\w+"?\s*\.\s*)?"?\w+"?)/gi;
const BEGIN = /^\s*(begin|start\s+transaction)\b/i;
const END = /^\s*(commit|end)\b/i;
const ROLLBACK = /^\s*rollback\s*;?\s*$/i;

/** The tables a statement writes, as far as its text says (`do update set` and `for update` are not tables). */
export function writtenTables(sqlText: string): string[] {
  const tables: string[] = [];
  const nameOf = (text: string) => text.split('.').at(-1)!.replaceAll('"', '').trim().toLowerCase();
  for (const match of sqlText.matchAll(WRITE)) tables.push(nameOf(match[2]!));
  // truncate a, b, c: every table of the list.
  for (const match of sqlText.matchAll(/\btruncate(?:\s+table)?\s+((?:[\w".]+\s*,\s*)+[\w".]+)/gi)) {
    for (const name of match[1]!.split(',').slice(1)) tables.push(nameOf(name));
  }
  return tables;
}

class ObservedConnection implements DatabaseConnection {
  inTransaction = false;
  readonly written = new Set<string>();

  constructor(
    readonly inner: DatabaseConnection,
    private readonly feed: ChangeFeed,
  ) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const text = compiled.sql;
    const result = await this.inner.executeQuery<R>(compiled);
    for (const table of writtenTables(text)) this.written.add(table);
    // Raw BEGIN / COMMIT / ROLLBACK (migrations, scripts) count as Kysely's own transactions do.
    if (BEGIN.test(text)) this.inTransaction = true;
    else if (END.test(text)) this.committed();
    else if (ROLLBACK.test(text)) this.rolledBack();
    else if (!this.inTransaction) this.committed();
    return result;
  }

  streamQuery<R>(compiled: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(compiled, chunkSize);
  }

  committed(): void {
    this.inTransaction = false;
    if (this.written.size > 0) this.feed.tablesChanged(this.written);
    this.written.clear();
  }

  rolledBack(): void {
    this.inTransaction = false;
    this.written.clear();
  }
}

class ObservedDriver implements Driver {
  readonly #connections = new WeakMap<DatabaseConnection, ObservedConnection>();

  constructor(
    private readonly inner: Driver,
    private readonly feed: ChangeFeed,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await this.inner.acquireConnection();
    let observed = this.#connections.get(connection);
    if (!observed) {
      observed = new ObservedConnection(connection, this.feed);
      this.#connections.set(connection, observed);
    }
    return observed;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const observed = connection as ObservedConnection;
    await this.inner.beginTransaction(observed.inner, settings);
    observed.inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const observed = connection as ObservedConnection;
    await this.inner.commitTransaction(observed.inner);
    observed.committed();
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const observed = connection as ObservedConnection;
    try {
      await this.inner.rollbackTransaction(observed.inner);
    } finally {
      observed.rolledBack();
    }
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    if (!this.inner.savepoint) throw new Error('The database driver does not support savepoints');
    await this.inner.savepoint((connection as ObservedConnection).inner, name, compile);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    // What was written before the savepoint may still commit: every table stays noted (an extra invalidation at worst).
    if (!this.inner.rollbackToSavepoint) throw new Error('The database driver does not support savepoints');
    await this.inner.rollbackToSavepoint((connection as ObservedConnection).inner, name, compile);
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    if (!this.inner.releaseSavepoint) throw new Error('The database driver does not support savepoints');
    await this.inner.releaseSavepoint((connection as ObservedConnection).inner, name, compile);
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection((connection as ObservedConnection).inner);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}
