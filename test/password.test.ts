import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { hashPassword, PASSWORD_COST, setPasswordCostForTests, verifyAgainstNothing, verifyPassword } from '../src/platform/auth/password.ts';

// The tests hash at a low scrypt cost (helpers.ts); this file checks what that leaves unchanged:
// new hashes are made at the real cost unless a test lowers it, and any hash verifies by the
// cost it records, so hashes of both costs live side by side.
describe('password hashes', () => {
  after(() => setPasswordCostForTests(null));

  it('are made at N=2^15, r=8, p=1, and verify', async () => {
    setPasswordCostForTests(null);
    assert.deepEqual({ ...PASSWORD_COST }, { N: 32768, r: 8, p: 1 });
    const stored = await hashPassword('correct horse battery');
    assert.match(stored, /^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    assert.equal(await verifyPassword('correct horse battery', stored), true);
    assert.equal(await verifyPassword('correct horse batterY', stored), false);
  });

  it('a test cost applies to new hashes only: a hash of either cost verifies by the one it records', async () => {
    setPasswordCostForTests(null);
    const strong = await hashPassword('correct horse battery');
    setPasswordCostForTests({ N: 16, r: 1, p: 1 });
    const weak = await hashPassword('correct horse battery');
    assert.match(weak, /^scrypt\$16\$1\$1\$/);
    for (const stored of [strong, weak]) {
      assert.equal(await verifyPassword('correct horse battery', stored), true);
      assert.equal(await verifyPassword('wrong', stored), false);
    }
    assert.equal(await verifyAgainstNothing('correct horse battery'), false);
    setPasswordCostForTests(null);
    assert.match(await hashPassword('x'), /^scrypt\$32768\$8\$1\$/, 'null restores the real cost');
    assert.equal(await verifyPassword('correct horse battery', weak), true);
  });

  it('normalises the password (NFKC) before hashing', async () => {
    setPasswordCostForTests({ N: 16, r: 1, p: 1 });
    const stored = await hashPassword('\u212Bngstr\u00F6m');
    assert.equal(await verifyPassword('\u00C5ngstr\u00F6m', stored), true);
  });
});
