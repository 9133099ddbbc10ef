/** PostgreSQL's unique_violation, from pg and PGlite alike (both carry the SQLSTATE in `code`). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint: violated, message } = error as { code?: string; constraint?: string; message?: string };
  if (code !== '23505') return false;
  if (constraint === undefined) return true;
  return violated === constraint || (message ?? '').includes(`"${constraint}"`);
}
