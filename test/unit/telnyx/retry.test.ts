import assert from 'node:assert/strict';
import { CancelledError } from '../../../src/telnyx/errors';
import { backoffDelayMs, isRetryableStatus, provesNotSent, serverRetryDelayMs, sleep } from '../../../src/telnyx/retry';

function headers(h: Record<string, string>): { get(name: string): string | null } {
  return { get: (name) => h[name.toLowerCase()] ?? null };
}

describe('telnyx/retry', () => {
  it('retries 408, 409, 429 and 5xx only', () => {
    for (const s of [408, 409, 429, 500, 502, 503, 504, 599]) assert.equal(isRetryableStatus(s), true, String(s));
    for (const s of [200, 400, 401, 403, 404, 422]) assert.equal(isRetryableStatus(s), false, String(s));
  });

  it('treats only never-connected failures as safe for POST', () => {
    assert.equal(provesNotSent('ECONNREFUSED'), true);
    assert.equal(provesNotSent('ENOTFOUND'), true);
    assert.equal(provesNotSent('ECONNRESET'), false);
    assert.equal(provesNotSent('ETIMEDOUT'), false);
    assert.equal(provesNotSent(undefined), false);
  });

  describe('serverRetryDelayMs', () => {
    const now = Date.parse('2024-01-01T00:00:00Z');
    it('reads Retry-After in seconds and as an HTTP date', () => {
      assert.equal(serverRetryDelayMs(headers({ 'retry-after': '3' }), 503, now), 3000);
      assert.equal(serverRetryDelayMs(headers({ 'retry-after': '0.5' }), 429, now), 500);
      assert.equal(serverRetryDelayMs(headers({ 'retry-after': 'Mon, 01 Jan 2024 00:00:07 GMT' }), 429, now), 7000);
      assert.equal(serverRetryDelayMs(headers({ 'retry-after': 'Sun, 31 Dec 2023 00:00:00 GMT' }), 429, now), 0);
    });
    it('prefers retry-after-ms, then Retry-After, then x-ratelimit-reset', () => {
      assert.equal(serverRetryDelayMs(headers({ 'retry-after-ms': '250', 'retry-after': '9' }), 429, now), 250);
      assert.equal(serverRetryDelayMs(headers({ 'retry-after': '2', 'x-ratelimit-reset': '9' }), 429, now), 2000);
      assert.equal(serverRetryDelayMs(headers({ 'x-ratelimit-reset': '4' }), 429, now), 4000);
    });
    it('honours x-ratelimit-reset only on a 429 (Telnyx sends it on every answer)', () => {
      assert.equal(serverRetryDelayMs(headers({ 'x-ratelimit-reset': '40' }), 500, now), undefined);
      assert.equal(serverRetryDelayMs(headers({ 'x-ratelimit-reset': '40' }), 503, now), undefined);
    });
    it('reads an epoch-looking x-ratelimit-reset as a time', () => {
      assert.equal(serverRetryDelayMs(headers({ 'x-ratelimit-reset': String(now / 1000 + 5) }), 429, now), 5000);
    });
    it('ignores garbage and negative values', () => {
      assert.equal(serverRetryDelayMs(headers({ 'retry-after': 'soon' }), 429, now), undefined);
      assert.equal(serverRetryDelayMs(headers({ 'retry-after': '-3' }), 429, now), undefined);
      assert.equal(serverRetryDelayMs(headers({ 'retry-after': '' }), 429, now), undefined);
      assert.equal(serverRetryDelayMs(headers({}), 429, now), undefined);
    });
  });

  describe('backoffDelayMs', () => {
    it('is full jitter below base * 2^attempt', () => {
      assert.equal(
        backoffDelayMs(0, 500, 20000, () => 0),
        0,
      );
      assert.equal(
        backoffDelayMs(0, 500, 20000, () => 0.5),
        250,
      );
      assert.equal(
        backoffDelayMs(3, 500, 20000, () => 0.5),
        2000,
      );
      assert.ok(backoffDelayMs(2, 500, 20000, () => 0.999999) < 2000);
    });
    it('never exceeds the cap', () => {
      assert.equal(
        backoffDelayMs(30, 500, 20000, () => 0.99999999),
        19999,
      );
      for (let i = 0; i < 200; i++) assert.ok(backoffDelayMs(i % 12, 500, 3000) <= 3000);
    });
  });

  describe('sleep', () => {
    it('rejects with CancelledError when aborted, also when already aborted', async function () {
      this.timeout(2000); // a sleep that ignored the abort would run 60 s
      const ctl = new AbortController();
      const p = sleep(60_000, ctl.signal);
      setTimeout(() => ctl.abort(), 10);
      await assert.rejects(p, CancelledError);
      await assert.rejects(sleep(10, ctl.signal), CancelledError);
    });
    it('resolves after the delay otherwise', async () => {
      await sleep(1, new AbortController().signal);
      await sleep(0);
    });
  });
});
