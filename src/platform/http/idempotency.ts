import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { BeforeCommit, Db } from '../db/database.ts';
import { AppError } from '../errors.ts';

/**
 * `Idempotency-Key` on the creating POSTs (tenants, partner accounts, users): a client that lost the
 * answer sends the same request with the same key again and gets the first answer back, byte for byte,
 * instead of a second record or a 409.
 *
 * The first answer is written in the same transaction as the record it describes (the service calls
 * `beforeCommit` inside its own transaction), so there is never a record without its answer nor an
 * answer without its record, whatever crashes when. Two requests with one key at the same moment: the
 * second waits on the key's primary key until the first commits, fails, and answers with the first
 * one's answer. Keys belong to their caller and operation (another caller's key is another key), are
 * kept 24 hours, and a key sent again with a different request is refused (422 IDEMPOTENCY_KEY_REUSED).
 */

export const IDEMPOTENCY_KEY_HOURS = 24;
const WINDOW_MS = IDEMPOTENCY_KEY_HOURS * 3_600_000;

/** The header, for a route's `headers` schema (so it is validated and documented). */
export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 255,
      pattern: '^[\\x21-\\x7E]+$',
      description:
        `Any unique string (a UUID, say) of visible ASCII characters. Sent again with the same request within ` +
        `${IDEMPOTENCY_KEY_HOURS} hours, it answers with the first answer (header \`Idempotent-Replayed: true\`) and creates nothing.`,
    }),
  ),
});

function callerOf(request: FastifyRequest): string {
  const principal = request.principal;
  if (principal?.kind === 'operator') return principal.via === 'token' ? `operator:${principal.tokenId}` : `operator-account:${principal.operatorId}`;
  if (principal?.kind === 'user') return `user:${principal.user.id}`;
  return 'anyone';
}

/** Passwords are never kept, not even hashed: they are left out of what a retry is compared by. */
function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([name]) => !/password/i.test(name))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, item]) => [name, withoutSecrets(item)]),
  );
}

function find(db: Db, scope: string, key: string, now: Date) {
  return db
    .selectFrom('idempotency_keys')
    .select(['fingerprint', 'status', 'body'])
    .where('scope', '=', scope)
    .where('key', '=', key)
    .where('created_at', '>', new Date(now.getTime() - WINDOW_MS))
    .executeTakeFirst();
}

/**
 * Runs a creating request once per key. `create` calls the service with the `beforeCommit` it is given
 * (undefined without a key); `present` makes the answer's body from what was created.
 */
export async function idempotent<Row, Body>(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  present: (created: Row) => Body,
  create: (beforeCommit: BeforeCommit<Row> | undefined) => Promise<Row>,
): Promise<Body> {
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string') {
    const created = await create(undefined);
    reply.code(status);
    return present(created);
  }
  const scope = `${request.routeOptions.schema?.operationId ?? request.routeOptions.url} ${callerOf(request)}`;
  const fingerprint = createHash('sha256')
    .update(JSON.stringify({ params: withoutSecrets(request.params), body: withoutSecrets(request.body) }))
    .digest('hex');
  // A replay is the stored bytes, sent as they are (a string with a JSON type is not serialised again).
  const replay = (stored: { fingerprint: string; status: number; body: string }): Body => {
    if (stored.fingerprint !== fingerprint) {
      throw new AppError('IDEMPOTENCY_KEY_REUSED', { fields: { 'idempotency-key': { code: 'IDEMPOTENCY_KEY_REUSED' } } });
    }
    reply.code(stored.status).header('idempotent-replayed', 'true').type('application/json; charset=utf-8');
    return stored.body as unknown as Body;
  };

  const stored = await find(db, scope, key, request.now);
  if (stored) return replay(stored);
  try {
    const created = await create(async (trx, row) => {
      reply.code(status);
      const body = reply.serialize(present(row)) as string;
      await trx.deleteFrom('idempotency_keys').where('created_at', '<=', new Date(request.now.getTime() - WINDOW_MS)).execute();
      await trx.insertInto('idempotency_keys').values({ scope, key, fingerprint, status, body, created_at: request.now }).execute();
    });
    reply.code(status);
    return present(created);
  } catch (error) {
    // Another request with this key won the race (this one failed on the key, or on what the winner
    // created): the winner's answer is this one's.
    const winner = await find(db, scope, key, request.now);
    if (winner) return replay(winner);
    throw error;
  }
}
