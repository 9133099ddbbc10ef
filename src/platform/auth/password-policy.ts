import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import type { FieldProblem } from '../errors.ts';

/**
 * What a new password must be, after NIST SP 800-63B (revision 4, section 3.1.1.2): at least 15
 * characters (a password is the only factor here), up to 200, any characters, no composition rules,
 * and not one that is known or guessable. The last is zxcvbn-ts (the maintained TypeScript zxcvbn):
 * its dictionaries of common and breached passwords, English words and names, keyboard walks,
 * repeats and sequences, and the user's own name, sign-in name and email as context. A password it
 * estimates at fewer than 10^10 guesses (score below 3) is refused.
 */
export const PASSWORD_MIN_LENGTH = 15;
export const PASSWORD_MAX_LENGTH = 200;
const MIN_SCORE = 3;

let checker: ZxcvbnFactory | undefined;
const zxcvbn = () =>
  (checker ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary, ...en.dictionary }, graphs: common.adjacencyGraphs }));

/** The problem with a new password, or null when it may be used; `context` is what the user is known by. */
export function newPasswordProblem(password: string, context: readonly string[] = []): FieldProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return { code: 'TOO_SHORT', values: { limit: PASSWORD_MIN_LENGTH } };
  if (length > PASSWORD_MAX_LENGTH) return { code: 'TOO_LONG', values: { limit: PASSWORD_MAX_LENGTH } };
  // The context's words too: "megan", "contoso" from megan@contoso.example.
  const words = context.flatMap((item) => item.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((word) => word.length >= 3);
  return zxcvbn().check(password, [...context, ...words]).score < MIN_SCORE ? { code: 'PASSWORD_TOO_GUESSABLE' } : null;
}
