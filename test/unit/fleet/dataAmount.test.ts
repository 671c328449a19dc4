import assert from 'node:assert/strict';
import { formatCount, formatDataAmount, formatUsage } from '../../../src/fleet/dataAmount';

const KB = 1024;
const MB = 1024 * KB;
const GB = 1024 * MB;
const TB = 1024 * GB;

describe('fleet/dataAmount', () => {
  it('picks one unit per value by magnitude (binary multiples)', () => {
    // Expected values worked out by hand from the byte counts.
    assert.equal(formatDataAmount(7.34 * GB), '7.34 GB');
    assert.equal(formatDataAmount(612.1 * MB), '612.1 MB');
    assert.equal(formatDataAmount(6114.5 * MB), '5.97 GB'); // 6114.5 / 1024 = 5.971…
    assert.equal(formatDataAmount(6101.9 * MB), '5.96 GB'); // 5.958…
    assert.equal(formatDataAmount(2048 * MB), '2 GB');
    assert.equal(formatDataAmount(13415.6 * MB), '13.1 GB'); // 13.101…
    assert.equal(formatDataAmount(10240 * MB), '10 GB');
    assert.equal(formatDataAmount(1023 * MB), '1023 MB');
    assert.equal(formatDataAmount(1.5 * TB), '1.5 TB');
  });

  it('keeps two decimals below 100 and one from 100 up, dropping trailing zeros', () => {
    assert.equal(formatDataAmount(12.3456 * MB), '12.35 MB');
    assert.equal(formatDataAmount(99.5 * MB), '99.5 MB');
    assert.equal(formatDataAmount(123.456 * MB), '123.5 MB');
    assert.equal(formatDataAmount(100 * MB), '100 MB');
  });

  it('shows zero as 0 MB, tiny amounts as <0.01 MB and invalid input as a dash', () => {
    assert.equal(formatDataAmount(0), '0 MB');
    assert.equal(formatDataAmount(KB), '<0.01 MB');
    assert.equal(formatDataAmount(512 * KB), '0.5 MB');
    assert.equal(formatDataAmount(undefined), '—');
    assert.equal(formatDataAmount(Number.NaN), '—');
    assert.equal(formatDataAmount(-1), '—');
  });

  it('formatUsage joins used and limit, each in its own unit', () => {
    assert.equal(formatUsage(7.34 * GB, 10 * GB), '7.34 GB / 10 GB');
    assert.equal(formatUsage(612.1 * MB, 2 * GB), '612.1 MB / 2 GB');
    assert.equal(formatUsage(512 * MB, undefined), '512 MB');
    assert.equal(formatUsage(undefined, 2 * GB), '— / 2 GB');
    assert.equal(formatUsage(undefined, undefined), '');
    assert.equal(formatUsage(5 * MB, 0), '5 MB', 'a zero limit is no limit');
  });

  it('formatCount groups thousands', () => {
    assert.equal(formatCount(1588), '1,588');
    assert.equal(formatCount(100000), '100,000');
    assert.equal(formatCount(0), '0');
    assert.equal(formatCount(Number.NaN), '—');
  });
});
