import type { Db } from '../../platform/db/database.ts';

/** Sessions and operator tokens, looked up by the hash of their secret. */
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

  async upsertOperatorToken(db: Db, name: string, tokenHash: string): Promise<string> {
    const row = await db
      .insertInto('operator_tokens')
      .values({ name, token_hash: tokenHash })
      .onConflict((oc) => oc.column('name').doUpdateSet({ token_hash: tokenHash, revoked_at: null }))
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async findLiveOperatorToken(db: Db, tokenHash: string): Promise<{ id: string; name: string } | undefined> {
    return db
      .updateTable('operator_tokens')
      .set({ last_used_at: new Date() })
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .returning(['id', 'name'])
      .executeTakeFirst();
  },
};
