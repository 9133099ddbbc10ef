import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// Password hashes: scrypt from node:crypto (no native add-on to build), stored as
// `scrypt$N$r$p$salt$hash` so the cost can be raised later without a migration.

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** The cost every new hash is made at. */
export const PASSWORD_COST: Readonly<ScryptCost> = Object.freeze({ N: 2 ** 15, r: 8, p: 1 });
const KEY_LENGTH = 32;
const MAX_MEMORY = 64 * 1024 * 1024;

let params: Readonly<ScryptCost> = PASSWORD_COST;

/**
 * Tests only: hash new passwords at a lower cost (the test suites sign in hundreds of times, and
 * N=2^15 takes about 100 ms of CPU each time). Called in-process by test/helpers.ts and the browser
 * harness; there is deliberately no environment variable or setting that reaches it, so a server
 * cannot be configured into weak hashes. Hashes keep their own parameters, so verifying needs
 * nothing. `null` restores the real cost.
 */
export function setPasswordCostForTests(cost: ScryptCost | null): void {
  params = cost === null ? PASSWORD_COST : Object.freeze({ ...cost });
  dummyHash = null;
}

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { ...options, maxmem: MAX_MEMORY }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const cost = params;
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

// Checked against when the user does not exist, so that case costs the same time (made at the current cost).
let dummyHash: Promise<string> | null = null;
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword('no user has this password');
  await verifyPassword(password, await dummyHash);
  return false;
}
