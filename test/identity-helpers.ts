import type { TestApp } from './helpers.ts';

/**
 * Shared by the identity tests (sign-in and sessions, CSRF and errors,
 * visibility and help): the auth URLs and small request / query helpers
 * bound to the suite's TestApp, which each file starts in its own `before`.
 */
export const SIGN_IN = '/api/v1/auth/sign-in';
export const SIGN_OUT = '/api/v1/auth/sign-out';

/** `getT` returns the suite's TestApp; it is read at call time, after `before` has run. */
export function identityHelpers(getT: () => TestApp) {
  /** POST sign-in with any payload and headers, without the checks `signIn` makes. */
  const signInRaw = (payload: unknown, headers: Record<string, string> = {}) =>
    getT().app.inject({ method: 'POST', url: SIGN_IN, payload: payload as Record<string, unknown>, headers });

  /** The locale saved on a user (PATCH /me). */
  const localeOf = async (userId: string) =>
    (await getT().database.db.selectFrom('users').select('locale').where('id', '=', userId).executeTakeFirstOrThrow()).locale;

  return { signInRaw, localeOf };
}
