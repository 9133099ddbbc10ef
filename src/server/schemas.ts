import { Type, type Static, type TSchema } from 'typebox';
import { LOCALES, ROLES } from '../platform/db/schema.ts';
import { ERROR_STATUS, type ErrorCode } from './errors.ts';

/** Schema pieces shared by every module's routes. */

export const Uuid = Type.String({ format: 'uuid' });
export const Email = Type.String({ format: 'email', minLength: 3, maxLength: 320 });
export const DateTime = Type.String({ format: 'date-time' });
export const RoleSchema = Type.Enum([...ROLES]);
export const LocaleSchema = Type.Enum([...LOCALES]);
export const Password = Type.String({ minLength: 10, maxLength: 200 });
// Names are trimmed before they are stored; a name of only spaces would break the database's length check.
export const DisplayName = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable, machine-readable reason' }),
      message: Type.String({ description: "Human-readable, in the caller's language" }),
      fields: Type.Optional(
        Type.Record(Type.String(), Type.Object({ code: Type.String(), message: Type.String() }), {
          description: 'Per-field problems, keyed by the field name',
        }),
      ),
    }),
  },
  { $id: 'ErrorBody', description: 'Error' },
);

/** Registered once (app.ts) and referenced by every route, so the OpenAPI document and the client hold it once. */
const ErrorBodyRef = Type.Unsafe<Static<typeof ErrorBody>>({ $ref: 'ErrorBody#' });

/** The error responses a route can give, by code; identical codes share their status. */
export function errorResponses(...codes: ErrorCode[]): Record<number, TSchema> {
  const responses: Record<number, TSchema> = {};
  for (const code of ['VALIDATION_FAILED', 'INTERNAL', ...codes] as ErrorCode[]) {
    responses[ERROR_STATUS[code]] = ErrorBodyRef;
  }
  return responses;
}
