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

export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(headers, errors);

/** The data of a successful call; a refusal or a network failure rejects with an ApiError. */
export async function call<T>(request: Promise<{ data?: T; response: Response }>): Promise<T> {
  return (await request).data as T;
}
