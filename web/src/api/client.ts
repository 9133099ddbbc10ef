import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema.gen.ts';

/**
 * The typed API client, generated from the server's OpenAPI document
 * (schema.gen.ts). Every request carries the UI's language, so error messages
 * come back in it, and state-changing requests carry the session's CSRF token.
 * A refusal or a network failure is thrown as an ApiError, so the query cache
 * (queries.ts) and direct callers see the same error.
 */
let currentLocale = 'en-US';
export const setApiLocale = (locale: string) => {
  currentLocale = locale;
};

export function csrfToken(): string | null {
  const match = /(?:^|;\s*)rewards_csrf=([^;]+)/.exec(document.cookie);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

const headers: Middleware = {
  onRequest({ request }) {
    // A cached read names its language itself (it is part of its cache key), so the
    // answer always matches the key even if the UI has switched since; the rest follow the UI.
    if (!request.headers.has('accept-language')) request.headers.set('accept-language', currentLocale);
    if (!['GET', 'HEAD'].includes(request.method)) {
      const token = csrfToken();
      if (token) request.headers.set('x-csrf-token', token);
    }
    return request;
  },
};

export interface ApiErrorBody {
  error: { code: string; message: string; fields?: Record<string, { code: string; message: string }> };
}

/** An API refusal, with its stable code, its message in the UI's language and per-field problems. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, { code: string; message: string }> = {},
  ) {
    super(message);
  }
}

const errors: Middleware = {
  async onResponse({ response }) {
    if (response.ok) return undefined;
    let body: Partial<ApiErrorBody> | undefined;
    try {
      body = (await response.json()) as Partial<ApiErrorBody>;
    } catch {
      body = undefined;
    }
    throw new ApiError(
      response.status,
      body?.error?.code ?? 'HTTP_' + String(response.status),
      body?.error?.message ?? response.statusText,
      body?.error?.fields ?? {},
    );
  },
  onError({ error }) {
    // A read the cache cancelled (its page went away) stays an abort, not a network failure.
    if (error instanceof DOMException && error.name === 'AbortError') return undefined;
    return new ApiError(0, 'NETWORK', '');
  },
};

/** The largest page the API serves (platform/db/pages.ts): the page size of every whole-list read. */
export const LIST_PAGE_SIZE = 200;

/**
 * Reads started as the portal boots, before the code that makes them has arrived (pages.ts): when that
 * code asks for the same URL in the same language, it gets the answer already on its way instead of a
 * second request. Each is taken once, and only within EARLY_READ_MS; all are dropped at sign-in and
 * sign-out (dropEarlyReads), so no answer read for one session reaches another.
 */
const EARLY_READ_MS = 10_000;
const early = new Map<string, { response: Promise<Response>; until: number }>();
const earlyKey = (url: string, locale: string) => `${locale} ${url}`;

export function startEarlyReads(paths: readonly string[], locale: string): void {
  const until = performance.now() + EARLY_READ_MS;
  for (const path of paths) {
    const url = new URL(path, window.location.origin).href;
    const response = fetch(url, { headers: { 'accept-language': locale }, credentials: 'same-origin' });
    // A failure is the taker's to see (as if its own request had failed), or nobody's.
    response.catch(() => undefined);
    early.set(earlyKey(url, locale), { response, until });
  }
}

export function dropEarlyReads(): void {
  early.clear();
}

function takeEarlyRead(request: Request): Promise<Response> | undefined {
  if (request.method !== 'GET') return undefined;
  const key = earlyKey(request.url, request.headers.get('accept-language') ?? '');
  const found = early.get(key);
  if (!found) return undefined;
  early.delete(key);
  return found.until > performance.now() ? found.response : undefined;
}

export const api = createClient<paths>({ baseUrl: window.location.origin, fetch: (request: Request) => takeEarlyRead(request) ?? fetch(request) });
api.use(headers, errors);

/** The data of a successful call; a refusal or a network failure rejects with an ApiError. */
export async function call<T>(request: Promise<{ data?: T; response: Response }>): Promise<T> {
  return (await request).data as T;
}
