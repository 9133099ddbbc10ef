import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { subtractMoney } from '../src/modules/eligibility/eligibility.service.ts';

describe('exact money arithmetic', () => {
  it('subtracts decimal strings in cents, without a float', () => {
    assert.equal(subtractMoney('100000', '26000.50'), '73999.50');
    assert.equal(subtractMoney('4000000.00', '3999999.99'), '0.01');
    assert.equal(subtractMoney('0.3', '0.1'), '0.20');
    assert.equal(subtractMoney('25000', '0'), '25000.00');
    assert.equal(subtractMoney('99999999999999.99', '0.01'), '99999999999999.98');
    assert.equal(subtractMoney('10', '10.5'), '-0.50');
  });
});
