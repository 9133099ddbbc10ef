import { ApiError } from '../api/client.ts';

/** The message for one field from an API error, for a Field's validationMessage. */
export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fields[field]?.message : undefined;
}

/** A Field's validation props for one field of an API refusal: its message, shown as an error. */
export function fieldValidation(error: unknown, field: string) {
  const message = fieldError(error, field);
  return { validationMessage: message, validationState: message ? ('error' as const) : ('none' as const) };
}
