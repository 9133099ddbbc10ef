import type { FastifyInstance } from 'fastify';
import { validationFailed, type FieldProblem } from '../errors.ts';

/**
 * Text the database cannot hold faithfully is refused before anything reads it: a NUL character
 * (PostgreSQL's text cannot store it, and the failed statement used to surface as a 500, its
 * parameters logged) and a lone UTF-16 surrogate (stored as U+FFFD, so two different ids became one
 * row). Checked in every string of the path parameters, the query and the JSON body, keys included,
 * before the schema is; the problem is reported on its field like any other (`CHARACTERS_INVALID`).
 */
const MAX_PROBLEMS = 20;

/** NUL, or a lone surrogate: text the database cannot hold as it is. */
export const isBadText = (value: string) => value.includes('\u0000') || !value.isWellFormed();

function collect(value: unknown, path: string, into: Record<string, FieldProblem>): void {
  if (Object.keys(into).length >= MAX_PROBLEMS) return;
  if (typeof value === 'string') {
    // Named as the schema's problems are: items.3.id, and a string item on its array (roles.1 -> roles).
    if (isBadText(value)) into[path.replace(/\.\d+$/, '') || '_'] ??= { code: 'CHARACTERS_INVALID' };
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => collect(item, path ? `${path}.${index}` : String(index), into));
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const field = path ? `${path}.${key}` : key;
      if (isBadText(key)) into[path || '_'] ??= { code: 'CHARACTERS_INVALID' };
      else collect(item, field, into);
    }
  }
}

/** The field problems of a request's input, or null when every string is text the database keeps as it is. */
export function badCharacters(...inputs: unknown[]): Record<string, FieldProblem> | null {
  const problems: Record<string, FieldProblem> = {};
  for (const input of inputs) collect(input, '', problems);
  return Object.keys(problems).length > 0 ? problems : null;
}

export function refuseBadCharacters(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const problems = badCharacters(request.params, request.query, request.body);
    if (problems) throw validationFailed(problems);
  });
}
