import assert from 'node:assert/strict';
import { amountToBytes, bytesTo, unitBytes, usagePercent } from '../../../src/telnyx/units';
import type { DataAmount } from '../../../src/telnyx/types';

const KB = 1024;
const MB = 1024 ** 2;
const GB = 1024 ** 3;

describe('telnyx/units', () => {
  describe('unitBytes', () => {
    it('knows B, KB, MB, GB, TB and the IEC spellings, case-insensitively', () => {
      assert.equal(unitBytes('B'), 1);
      assert.equal(unitBytes('KB'), KB);
      assert.equal(unitBytes('kb'), KB);
      assert.equal(unitBytes('MB'), MB);
      assert.equal(unitBytes('MiB'), MB);
      assert.equal(unitBytes(' GB '), GB);
      assert.equal(unitBytes('GiB'), GB);
      assert.equal(unitBytes('TB'), 1024 ** 4);
    });
    it('defaults a missing unit to MB and rejects unknown units', () => {
      assert.equal(unitBytes(undefined), MB);
      assert.equal(unitBytes(null), MB);
      assert.equal(unitBytes(''), MB);
      assert.equal(unitBytes('XB'), undefined);
      assert.equal(unitBytes('megabytes'), undefined);
    });
  });

  describe('amountToBytes', () => {
    it('converts the API form (decimal string + unit)', () => {
      assert.equal(amountToBytes({ amount: '2048.0', unit: 'MB' }), 2048 * MB);
      assert.equal(amountToBytes({ amount: '2', unit: 'GB' }), 2 * GB);
      assert.equal(amountToBytes({ amount: '512', unit: 'KB' }), 512 * KB);
      assert.equal(amountToBytes({ amount: '1.5', unit: 'gb' }), 1.5 * GB);
    });
    it('1 GB is 1024 MB', () => {
      assert.equal(amountToBytes({ amount: '1', unit: 'GB' }), amountToBytes({ amount: '1024', unit: 'MB' }));
    });
    it('reads a unit inside the amount string, which wins over `unit`', () => {
      assert.equal(amountToBytes({ amount: '2 GB' }), 2 * GB);
      assert.equal(amountToBytes({ amount: '2GB', unit: 'MB' }), 2 * GB);
      assert.equal(amountToBytes({ amount: ' 100 kb ', unit: null }), 100 * KB);
    });
    it('accepts numbers and defaults a missing unit to MB', () => {
      const n = { amount: 3, unit: 'GB' } as unknown as DataAmount;
      assert.equal(amountToBytes(n), 3 * GB);
      assert.equal(amountToBytes({ amount: '10' }), 10 * MB);
      assert.equal(amountToBytes({ amount: '0', unit: 'MB' }), 0);
    });
    it('returns undefined for garbage, negatives, unknown units and nulls', () => {
      assert.equal(amountToBytes(null), undefined);
      assert.equal(amountToBytes(undefined), undefined);
      assert.equal(amountToBytes({}), undefined);
      assert.equal(amountToBytes({ amount: null, unit: 'MB' }), undefined);
      assert.equal(amountToBytes({ amount: 'abc', unit: 'MB' }), undefined);
      assert.equal(amountToBytes({ amount: '', unit: 'MB' }), undefined);
      assert.equal(amountToBytes({ amount: '1..2', unit: 'MB' }), undefined);
      assert.equal(amountToBytes({ amount: '-5', unit: 'MB' }), undefined);
      assert.equal(amountToBytes({ amount: '5', unit: 'furlongs' }), undefined);
      assert.equal(amountToBytes({ amount: '5 XB' }), undefined);
      assert.equal(amountToBytes({ amount: Number.NaN } as unknown as DataAmount), undefined);
      assert.equal(amountToBytes({ amount: Number.POSITIVE_INFINITY } as unknown as DataAmount), undefined);
      assert.equal(amountToBytes({ amount: {} } as unknown as DataAmount), undefined);
      assert.equal(amountToBytes('2 GB' as unknown as DataAmount), undefined);
    });
  });

  describe('usagePercent', () => {
    it('divides used by limit', () => {
      assert.equal(usagePercent(512 * MB, 2048 * MB), 25);
      assert.equal(usagePercent(2049 * MB, 2048 * MB)! > 100, true);
    });
    it('is undefined without a positive limit or with unknown values', () => {
      assert.equal(usagePercent(1, 0), undefined);
      assert.equal(usagePercent(1, -1), undefined);
      assert.equal(usagePercent(undefined, 10), undefined);
      assert.equal(usagePercent(10, undefined), undefined);
    });
  });

  describe('bytesTo', () => {
    it('converts to a unit', () => {
      assert.equal(bytesTo(2 * GB, 'MB'), 2048);
      assert.equal(bytesTo(GB, 'GB'), 1);
      assert.equal(bytesTo(GB, 'XB'), undefined);
    });
  });
});
