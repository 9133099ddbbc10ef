import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema.gen.ts';

/**
 * The typed API client, generated from the server's OpenAPI document
 * (schema.gen.ts). Every request carries the UI's language, so error messages
 * come back in it, and state-changing requests carry the session's CSRF token.
 */
let currentLocale = 'en-US';
export const setApiLocale = (locale: string) => {
  currentLocale = locale;
};

function csrfToken(): string | null {
  const match = /(?:^|;\s*)rewards_csrf=([^;]+)/.exec(document.cookie);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

const headers: Middleware = {
  onRequest({ request }) {
    request.headers.set('accept-language', currentLocale);
    if (!['GET', 'HEAD'].includes(request.method)) {
      const token = csrfToken();
      if (token) request.headers.set('x-csrf-token', token);
    }
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(headers);

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

/** The data of a successful call, or an ApiError (a network failure becomes one too). */
export async function call<T>(
  request: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await request;
  } catch {
    throw new ApiError(0, 'NETWORK', '');
  }
  if (result.response.ok) return result.data as T;
  const body = result.error as Partial<ApiErrorBody> | undefined;
  throw new ApiError(
    result.response.status,
    body?.error?.code ?? 'HTTP_' + String(result.response.status),
    body?.error?.message ?? result.response.statusText,
    body?.error?.fields ?? {},
  );
}
