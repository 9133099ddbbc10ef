import type { Db } from '../../platform/db/database.ts';
import { readPage, type Keyset, type PageRequest } from '../../platform/db/pages.ts';

/** Sessions and operator tokens, looked up by the hash of their secret. */
/** Tokens by name (unique). */
const OPERATOR_TOKENS: Keyset = { list: 'operator-tokens', keys: [{ column: 'name', direction: 'asc', type: 'text' }] };

export const identityRepository = {
  async insertSession(
    db: Db,
    values: { tokenHash: string; csrfToken: string; userId: string; expiresAt: Date; tenantAssociatedAt: Date | null },
  ): Promise<string> {
    const row = await db
      .insertInto('sessions')
      .values({
        token_hash: values.tokenHash,
        csrf_token: values.csrfToken,
        user_id: values.userId,
        expires_at: values.expiresAt,
        tenant_associated_at: values.tenantAssociatedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  findLiveSession(db: Db, tokenHash: string) {
    return db
      .selectFrom('sessions')
      .select(['id', 'user_id as userId', 'csrf_token as csrfToken', 'expires_at as expiresAt', 'tenant_associated_at as tenantAssociatedAt'])
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', new Date())
      .executeTakeFirst();
  },

  async revokeSession(db: Db, sessionId: string): Promise<void> {
    await db.updateTable('sessions').set({ revoked_at: new Date() }).where('id', '=', sessionId).execute();
  },

  /** A name's counted sign-in attempts: gone after a sign-in or a password change. */
  async forgetSignInFailures(db: Db, username: string): Promise<void> {
    await db.deleteFrom('sign_in_failures').where('username', '=', username).execute();
  },

  /** Every live session of the user, but `exceptSessionId`; the number ended. */
  async revokeSessionsOf(db: Db, userId: string, exceptSessionId?: string): Promise<number> {
    let query = db.updateTable('sessions').set({ revoked_at: new Date() }).where('user_id', '=', userId).where('revoked_at', 'is', null);
    if (exceptSessionId) query = query.where('id', '<>', exceptSessionId);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows);
  },

  async upsertOperatorToken(db: Db, name: string, tokenHash: string, expiresAt: Date | null = null): Promise<string> {
    const row = await db
      .insertInto('operator_tokens')
      .values({ name, token_hash: tokenHash, expires_at: expiresAt })
      .onConflict((oc) => oc.column('name').doUpdateSet({ token_hash: tokenHash, revoked_at: null, expires_at: expiresAt, created_at: new Date(), last_used_at: null }))
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  listOperatorTokens(db: Db, page: PageRequest) {
    return readPage(
      OPERATOR_TOKENS,
      page,
      db.selectFrom('operator_tokens').select(['id', 'name', 'created_at as createdAt', 'last_used_at as lastUsedAt', 'expires_at as expiresAt', 'revoked_at as revokedAt']),
    );
  },

  /** Revokes a live token by id or name; the revoked token's id and name, or undefined when there was none. */
  revokeOperatorToken(db: Db, ref: { id: string } | { name: string }) {
    const query = db.updateTable('operator_tokens').set({ revoked_at: new Date() }).where('revoked_at', 'is', null);
    return ('id' in ref ? query.where('id', '=', ref.id) : query.where('name', '=', ref.name)).returning(['id', 'name']).executeTakeFirst();
  },

  async findLiveOperatorToken(db: Db, tokenHash: string): Promise<{ id: string; name: string } | undefined> {
    return db
      .updateTable('operator_tokens')
      .set({ last_used_at: new Date() })
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', new Date())]))
      .returning(['id', 'name'])
      .executeTakeFirst();
  },
};
