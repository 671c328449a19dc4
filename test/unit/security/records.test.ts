// Dates, record merging, depth limits and where the key may go: pure parts of issue 10.
import assert from 'node:assert/strict';
import { dateText } from '../../../src/details/dateText';
import { MAX_JSON_DEPTH, NESTED_TOO_DEEP, toJsonText, toJsonValue } from '../../../src/details/json';
import { buildDetailsViewModel, mergeRecords } from '../../../src/details/viewModel';
import { formatTimestamp, parseIsoTimestamp } from '../../../src/fleet/dates';
import { checkBaseUrl, isLoopbackHost, nonDefaultHostNote } from '../../../src/telnyx/baseUrlPolicy';
import type { SimCard, SimCardDetail } from '../../../src/telnyx/types';

/** `{"d":{"d":...}}` `depth` levels deep, parsed from text (as a server would send it). */
function deep(depth: number): unknown {
  return JSON.parse(`${'{"d":'.repeat(depth)}1${'}'.repeat(depth)}`);
}

function depthOf(v: unknown): number {
  let n = 0;
  while (typeof v === 'object' && v !== null && 'd' in v) {
    v = (v as { d: unknown }).d;
    n++;
  }
  return n;
}

describe('security/dates', () => {
  it('parses ISO 8601 timestamps (values checked against Date.UTC)', () => {
    assert.equal(parseIsoTimestamp('2024-05-01T12:34:56Z'), Date.UTC(2024, 4, 1, 12, 34, 56));
    assert.equal(parseIsoTimestamp('2024-05-01T12:34:56.123456Z'), Date.UTC(2024, 4, 1, 12, 34, 56, 123));
    assert.equal(parseIsoTimestamp('2024-05-01T12:34:56+02:00'), Date.UTC(2024, 4, 1, 10, 34, 56));
    assert.equal(parseIsoTimestamp('2024-05-01 12:34:56-0130'), Date.UTC(2024, 4, 1, 14, 4, 56));
    assert.equal(parseIsoTimestamp('2024-05-01'), Date.UTC(2024, 4, 1));
  });

  it('never invents a date from other text', () => {
    for (const s of [
      'sim 7',
      '<b>2001</b>',
      '1',
      '-3',
      'Tue',
      '2024',
      '2024-13-01',
      '2024-02-30T00:00:00Z',
      '2024-05-01T25:00:00Z',
      'May 1, 2024',
      '2024-05-01T12:00:00Z junk',
    ]) {
      assert.equal(parseIsoTimestamp(s), undefined, s);
      assert.equal(formatTimestamp(s), s.trim(), s);
      const d = dateText(s, Date.UTC(2024, 5, 1));
      assert.deepEqual(d, { iso: '', text: s.trim(), relative: '' }, s);
    }
  });

  it('formats a real timestamp in UTC', () => {
    assert.equal(formatTimestamp('2024-05-01T14:34:56+02:00'), '2024-05-01 12:34:56 UTC');
  });
});

describe('security/records', () => {
  const sim: SimCard = { id: 'a', record_type: 'sim_card', iccid: '8931' };

  it('mergeRecords keeps "__proto__" and "constructor" as data, never as the prototype', () => {
    const detail = JSON.parse(
      '{"id":"a","__proto__":{"polluted":true,"iccid":"999"},"constructor":{"prototype":{"x":1}}}',
    ) as SimCardDetail;
    const merged = mergeRecords(sim, detail);
    assert.equal(Object.getPrototypeOf(merged), Object.prototype);
    assert.equal((merged as unknown as Record<string, unknown>).polluted, undefined);
    assert.ok(Object.prototype.hasOwnProperty.call(merged, '__proto__'));
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(merged.iccid, '8931');
  });

  it('depth-caps the JSON copy with a visible marker and never throws at depth 10,000', () => {
    const v = toJsonValue({ deep: deep(10_000) }) as { deep: unknown };
    assert.equal(depthOf(v.deep), MAX_JSON_DEPTH - 1);
    assert.match(toJsonText({ deep: deep(10_000) }), new RegExp(NESTED_TOO_DEEP));
    const shallow = { a: [1, 'x', null, { b: true }] };
    assert.deepEqual(toJsonValue(shallow), shallow);
  });

  it('builds the details model for a 10,000-deep record', () => {
    const detail = { ...sim, live_data_session: deep(10_000), extra: deep(10_000) } as unknown as SimCardDetail;
    const model = buildDetailsViewModel({ sim, detail, now: new Date(Date.UTC(2024, 5, 1)) });
    assert.match(model.recordJson, new RegExp(NESTED_TOO_DEEP));
  });
});

describe('security/baseUrlPolicy', () => {
  it('accepts https anywhere and http only for this computer', () => {
    const kind = (u: string): string => {
      const v = checkBaseUrl(u);
      return v.ok ? v.kind : 'refused';
    };
    assert.equal(kind('https://api.telnyx.com/v2'), 'default');
    assert.equal(kind('https://api.telnyx.com/v2/'), 'default');
    assert.equal(kind(''), 'default');
    assert.equal(kind('https://proxy.example/v2'), 'other');
    assert.equal(kind('http://127.0.0.1:4010/v2'), 'loopback');
    assert.equal(kind('http://127.8.9.10/v2'), 'loopback');
    assert.equal(kind('http://localhost:4010/v2'), 'loopback');
    assert.equal(kind('http://[::1]:4010/v2'), 'loopback');
    assert.equal(kind('https://localhost/v2'), 'loopback');
    for (const bad of [
      'http://api.telnyx.com/v2',
      'http://10.0.0.1/v2',
      'http://127.0.0.1.evil.example/v2',
      'ftp://x/v2',
      'file:///etc',
      'not a url',
      'https://u:p@api.telnyx.com/v2',
      'https://api.telnyx.com/v2?x=1',
    ]) {
      const v = checkBaseUrl(bad);
      assert.equal(v.ok, false, bad);
      if (!v.ok) assert.match(v.message, /telnyxSims\.apiBaseUrl/);
    }
  });

  it('knows loopback hosts', () => {
    for (const h of ['127.0.0.1', '127.255.255.254', 'localhost', '[::1]']) assert.ok(isLoopbackHost(h), h);
    for (const h of ['128.0.0.1', '127.0.0.1.nip.io', 'example.com', '[::2]', '0.0.0.0']) assert.ok(!isLoopbackHost(h), h);
  });

  it('names a non-default host for the view, and nothing for Telnyx', () => {
    assert.equal(nonDefaultHostNote('https://api.telnyx.com/v2'), undefined);
    assert.equal(nonDefaultHostNote('http://127.0.0.1:4010/v2'), 'Server: 127.0.0.1:4010');
    assert.equal(nonDefaultHostNote('https://proxy.example/v2'), 'Server: proxy.example');
  });
});
