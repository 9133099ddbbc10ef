/** PostgreSQL's unique_violation, from pg and PGlite alike (both carry the SQLSTATE in `code`). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint: violated, message } = error as { code?: string; constraint?: string; message?: string };
  if (code !== '23505') return false;
  if (constraint === undefined) return true;
  return violated === constraint || (message ?? '').includes(`"${constraint}"`);
}

// Socket errors of a connection that is gone or never came.
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND']);
// SQLSTATEs of a server going away or refusing connections for now: admin_shutdown, crash_shutdown,
// cannot_connect_now, too_many_connections, query_canceled (the statement timeout), and class 08
// (connection exceptions).
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300', '57014']);
// What pg says when the socket ended, a connection could not be had in time, or the server did not answer.
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Query read timeout',
  'is not queryable',
  'Cannot use a pool after calling end',
  'connection timeout',
];

/**
 * Whether an error means the database cannot be reached or did not answer in time (a restart, a
 * failover, a terminated backend, a frozen server), as opposed to a refused statement: the request
 * gets a 503 and may be retried; nothing it did was committed.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_STATES.has(code) || code.startsWith('08'))) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((text) => message.includes(text))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
