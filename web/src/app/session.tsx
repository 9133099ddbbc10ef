import { createContext, startTransition, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, call, csrfToken, dropEarlyReads, setApiLocale } from '../api/client.ts';
import type { components, paths } from '../api/schema.gen.ts';
import { initialLocale, rememberLocale, type Locale } from '../i18n/catalogs.ts';
import { rememberSession } from './session-hint.ts';

type Me = paths['/api/v1/me']['get']['responses'][200]['content']['application/json'];
export type SignedIn = Me;
/** A member of the Rewards team, signed in to the console (issue #14). */
export type Operator = components['schemas']['Operator'];
/** The password was right; the second factor is next (enrollment: the first sign-in). */
export type SecondFactorStep = components['schemas']['OperatorSecondFactorNeeded'];
export type OperatorSignedIn = components['schemas']['OperatorSignedIn'];
export type User = Me['user'];
export type Role = User['roles'][number];
export type { components };

interface SessionState {
  status: 'loading' | 'signed-out' | 'signed-in';
  /** A partner user; null for an operator. */
  me: Me | null;
  /** A member of the Rewards team in the console; null for a partner user. */
  operator: Operator | null;
  /** Signed out, between an operator's password and second factor. */
  secondFactor: SecondFactorStep | null;
  /** Just enrolled: the ten recovery codes, shown once, until the operator says they are kept. */
  recoveryCodes: string[] | null;
  locale: Locale;
  signIn: (username: string, password: string) => Promise<void>;
  /** The operator's second factor was accepted (SecondFactorStep.tsx sends it): into the console. */
  operatorSignedIn: (answer: OperatorSignedIn) => Promise<void>;
  /** Back to the password (the pending sign-in is left to expire). */
  cancelSecondFactor: () => void;
  dismissRecoveryCodes: () => void;
  signOut: () => Promise<void>;
  /** Ends every session of the user, this one too. */
  signOutEverywhere: () => Promise<void>;
  refresh: () => Promise<void>;
  setLocale: (locale: Locale) => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

// The first session read starts as this code is evaluated, beside the page's code and catalog, not
// after them (the portal draws nothing before the catalog is here). Only with the CSRF cookie that a
// session always comes with: without it there is no session to ask about.
// In the language the provider below starts in (its answer names the user's own, which then wins).
setApiLocale(initialLocale());
// An operator's CSRF token starts with op_ (the session cookie itself is not readable here): theirs is
// the console's session read, not a partner user's.
const isOperatorSession = () => csrfToken()?.startsWith('op_') === true;
let firstRead: Promise<Me> | null = csrfToken() && !isOperatorSession() ? call(api.GET('/api/v1/me')) : null;
// Handled where it is used (the first refresh); marked here so a failure before then is not reported as unhandled.
firstRead?.catch(() => undefined);

/** The first session read's answer (null without a session, or when it failed), for pages.ts to start a page's reads with. */
export function firstSession(): Promise<Me | null> {
  return firstRead ? firstRead.catch(() => null) : Promise.resolve(null);
}

/**
 * Empties the read cache and drops the reads started at boot (whoever signs in next never sees what was
 * read for someone else). The cache lives in the signed-in pages' code, loaded after sign-in, so the
 * sign-in page does not carry it.
 */
const forgetReads = () => {
  dropEarlyReads();
  return import('../api/queries.ts').then(({ queryClient }) => queryClient.clear());
};

/**
 * Who is signed in and in which language the portal speaks: the user's saved
 * choice, else this browser's choice or languages, else English. The signed-in
 * user is held here rather than in the query cache because sign-in, sign-out
 * and a saved language set it from their own answers.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [operator, setOperator] = useState<Operator | null>(null);
  const [secondFactor, setSecondFactor] = useState<SecondFactorStep | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [status, setStatus] = useState<SessionState['status']>('loading');
  const [browserLocale, setBrowserLocale] = useState<Locale>(initialLocale);
  const locale: Locale = me?.user.locale ?? operator?.locale ?? browserLocale;
  setApiLocale(locale);

  const refresh = useCallback(async () => {
    // A session always comes with its CSRF cookie (set and cleared together, readable here): without
    // one there is no session to ask about, and the sign-in page loads without a refused request.
    if (!csrfToken()) {
      setMe(null);
      setOperator(null);
      setStatus('signed-out');
      return;
    }
    if (isOperatorSession()) {
      try {
        const body = await call(api.GET('/api/v1/ops/me'));
        if (body.kind !== 'operator') throw new Error('not a console session');
        setOperator(body.operator);
        setStatus('signed-in');
      } catch {
        setOperator(null);
        setStatus('signed-out');
      }
      return;
    }
    const read = firstRead ?? call(api.GET('/api/v1/me'));
    firstRead = null;
    try {
      const body = await read;
      startTransition(() => {
        setMe(body);
        setStatus('signed-in');
      });
    } catch {
      setMe(null);
      setStatus('signed-out');
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  useEffect(() => {
    if (status !== 'loading' && !operator) rememberSession(me);
  }, [status, me, operator]);

  const value = useMemo<SessionState>(
    () => ({
      status,
      me,
      operator,
      secondFactor,
      recoveryCodes,
      locale,
      async signIn(username, password) {
        const data = await call(api.POST('/api/v1/auth/sign-in', { body: { username, password } }));
        // 202: a member of the Rewards team, whose password was right: the second factor is next.
        if (!('user' in data)) {
          setSecondFactor(data);
          return;
        }
        // Whoever signs in never sees what was read for someone else, not even while it is read again.
        await forgetReads();
        setMe(data);
        setStatus('signed-in');
      },
      async operatorSignedIn(data) {
        await forgetReads();
        rememberSession(null);
        setSecondFactor(null);
        setRecoveryCodes(data.recoveryCodes);
        setMe(null);
        setOperator(data.operator);
        setStatus('signed-in');
      },
      cancelSecondFactor() {
        setSecondFactor(null);
      },
      dismissRecoveryCodes() {
        setRecoveryCodes(null);
      },
      async signOut() {
        await call(api.POST('/api/v1/auth/sign-out')).catch(() => undefined);
        await forgetReads();
        setMe(null);
        setOperator(null);
        setRecoveryCodes(null);
        setStatus('signed-out');
      },
      async signOutEverywhere() {
        await call(api.POST('/api/v1/auth/sign-out-everywhere'));
        await forgetReads();
        setMe(null);
        setStatus('signed-out');
      },
      refresh,
      async setLocale(next) {
        rememberLocale(next);
        setBrowserLocale(next);
        setApiLocale(next);
        if (me) setMe(await call(api.PATCH('/api/v1/me', { body: { locale: next } })));
      },
    }),
    [status, me, operator, secondFactor, recoveryCodes, locale, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The operator of a console page. */
export function useOperator(): Operator {
  const { operator } = useSession();
  if (!operator) throw new Error('useOperator outside the console');
  return operator;
}

export function useSignedIn(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useSignedIn on a page that needs no sign-in');
  return me;
}
