// The extension passes its settings to the client, so a setting's default is what users get,
// whatever the client's own default says. The two must not drift apart (they did: the setting
// said 4 pages in flight while the client, the README and the benchmark used 5).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_BASE_URL, DEFAULT_CONCURRENCY } from '../../../src/telnyx/client';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../../src/telnyx/query';

interface Setting {
  default?: unknown;
  minimum?: number;
  maximum?: number;
}

/** contributes.configuration.properties of the manifest, read as a file. */
function settings(): Record<string, Setting> {
  const file = path.resolve(__dirname, '../../../../package.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    contributes: { configuration: { properties: Record<string, Setting> } };
  };
  return manifest.contributes.configuration.properties;
}

describe('settings defaults match the client', () => {
  it('pages in flight, page size and base URL', () => {
    const s = settings();
    assert.equal(s['telnyxSims.maxConcurrentRequests']?.default, DEFAULT_CONCURRENCY);
    assert.equal(s['telnyxSims.pageSize']?.default, DEFAULT_PAGE_SIZE);
    assert.equal(s['telnyxSims.pageSize']?.maximum, MAX_PAGE_SIZE);
    assert.equal(s['telnyxSims.apiBaseUrl']?.default, DEFAULT_BASE_URL);
  });
});
