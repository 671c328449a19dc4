import assert from 'node:assert/strict';
import { formatTimestamp } from '../../../src/fleet/dates';
import { formatCount } from '../../../src/fleet/dataAmount';
import { formatNumber, plainText, shortId } from '../../../src/fleet/text';

describe('fleet/text and dates', () => {
  it('plainText makes one safe line', () => {
    assert.equal(plainText('  a\n\nb\t c  '), 'a b c');
    assert.equal(plainText('ab\u202ecd\u0000'), 'abcd');
    assert.equal(plainText(null), '');
    assert.equal(plainText(12), '');
    const long = plainText('x'.repeat(500), 10);
    assert.equal(long.length, 10);
    assert.ok(long.endsWith('…'));
  });

  it('formatNumber drops trailing zeros and keeps up to two decimals', () => {
    assert.equal(formatNumber(2048), '2048');
    assert.equal(formatNumber(2048.0), '2048');
    assert.equal(formatNumber(1.5), '1.5');
    assert.equal(formatNumber(1.005), '1.01');
    assert.equal(formatNumber(1.999), '2');
    assert.equal(formatNumber(0.001), '<0.01');
    assert.equal(formatNumber(0), '0');
    assert.equal(formatNumber(1e21), '1000000000000000000000');
    assert.equal(formatNumber(NaN), '—');
    assert.equal(formatNumber(33.333, 1), '33.3');
  });

  it('formatCount groups thousands; shortId shortens', () => {
    assert.equal(formatCount(1234567), '1,234,567');
    assert.equal(shortId('1234abcd-ef'), '1234abcd…');
    assert.equal(shortId('short'), 'short');
  });

  it('formatTimestamp is UTC and locale-independent; raw text otherwise', () => {
    assert.equal(formatTimestamp('2024-05-01T12:34:56.789+02:00'), '2024-05-01 10:34:56 UTC');
    assert.equal(formatTimestamp('soon\n'), 'soon');
    assert.equal(formatTimestamp(''), undefined);
    assert.equal(formatTimestamp(null), undefined);
  });
});
