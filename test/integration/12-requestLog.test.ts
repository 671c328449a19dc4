// Issue 11 item 6: every request in the output channel at the default level (Info), errors at
// Error, never the key. Read from the channel's log file in the host's user data directory.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { MockApi } from '../../mock-api/server';
import type { TestApi } from '../../src/extension';
import { loadedWith, TEST_KEY, waitFor } from './helpers';

function findLogs(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) findLogs(full, out);
    else if (entry.name.endsWith('Telnyx SIM Explorer.log')) out.push(full);
  }
  return out;
}

/** The newest log file of the extension's output channel. */
function channelLog(): string {
  const root = process.env.TELNYX_SIMS_USER_DATA_DIR;
  assert.ok(root, 'the runner passes its user data directory');
  const files = findLogs(root).sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  assert.ok(files[0], `a "Telnyx SIM Explorer" log file under ${root}`);
  return fs.readFileSync(files[0], 'utf8');
}

describe('Output channel logs requests at Info (issue 11: item 6)', () => {
  let mock: MockApi;
  let ext: TestApi;

  before(async () => {
    ({ mock, ext } = await loadedWith({ sims: 30, seed: 12 }));
  });
  after(() => mock.close());

  it('logs each list request with method, path, status and time at Info, and a 404 at Error, never the key', async () => {
    const missing = 'f0000000-0000-4000-8000-000000000000';
    await ext.panels.show(missing);
    const log = await waitFor('the request lines in the log file', () => {
      const t = channelLog();
      return t.includes(`/sim_cards/${missing}`) && /\[info\] GET \/sim_cards\?\S+ 200 \d+ ms/.test(t) ? t : undefined;
    });
    // Independently: the local API saw these requests.
    assert.ok(mock.requests.some((r) => r.path === '/v2/sim_cards'));
    assert.match(log, /\[info\] GET \/sim_card_groups\S* 200 \d+ ms/);
    assert.match(log, new RegExp(`\\[error\\] GET /sim_cards/${missing}\\S* 404 \\d+ ms, giving up: \\w+`));
    assert.ok(!log.includes(TEST_KEY), 'the API key never appears');
    assert.ok(!/Bearer/i.test(log), 'no Authorization header');
  });
});
