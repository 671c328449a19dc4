import assert from 'node:assert/strict';
import { describeDetailsError, errorKind } from '../../../src/details/errors';
import { isHostMessage, isPersistedState, isWebviewMessage } from '../../../src/details/messages';
import { COPY_FIELDS } from '../../../src/details/model';
import { buildDetailsViewModel } from '../../../src/details/viewModel';
import { NOW, detailSim, group, listSim, log } from './fixtures';

const model = buildDetailsViewModel({ sim: listSim(), detail: detailSim(), group: group(), logs: [log()], now: NOW });

describe('details messages', () => {
  it('accepts every webview message the panel sends', () => {
    for (const type of ['ready', 'copyJson', 'openDocument', 'refresh', 'setApiKey']) assert.ok(isWebviewMessage({ type }), type);
    for (const field of COPY_FIELDS) assert.ok(isWebviewMessage({ type: 'copy', field }), field);
  });

  it('rejects malformed or unknown webview messages', () => {
    const bad: unknown[] = [
      null,
      undefined,
      'ready',
      42,
      [],
      {},
      { type: 'nope' },
      { type: 'copy' },
      { type: 'copy', field: 'apiKey' },
      { type: 'copy', field: 'iccid', value: 'attacker-chosen' },
      { type: 'copy', field: ['iccid'] },
      { type: 'refresh', extra: 1 },
      { type: 'openDocument', simId: 'other-sim' },
      { type: 'toString' },
      { type: '__proto__' },
    ];
    for (const m of bad) assert.equal(isWebviewMessage(m), false, JSON.stringify(m));
  });

  it('accepts host messages with a valid model', () => {
    assert.ok(isHostMessage({ type: 'state', model }));
    assert.ok(isHostMessage({ type: 'state', model: JSON.parse(JSON.stringify(model)) }), 'survives a JSON round trip');
    assert.ok(isHostMessage({ type: 'loading' }));
    assert.ok(isHostMessage({ type: 'error', message: 'This SIM no longer exists.', kind: 'notFound' }));
  });

  it('rejects malformed host messages', () => {
    const broken = (patch: (m: Record<string, unknown>) => void): unknown => {
      const m = JSON.parse(JSON.stringify(model)) as Record<string, unknown>;
      patch(m);
      return { type: 'state', model: m };
    };
    const bad: unknown[] = [
      { type: 'state' },
      { type: 'state', model: {} },
      { type: 'state', model, extra: true },
      { type: 'error', message: 'x', kind: 'weird' },
      { type: 'error', kind: 'auth' },
      { type: 'loading', model },
      { type: 'html', html: '<b>x</b>' },
      broken((m) => delete m.title),
      broken((m) => ((m.status as Record<string, unknown>).tone = 'purple')),
      broken((m) => ((m.usage as Record<string, unknown>).barPercent = 150)),
      broken((m) => ((m.usage as Record<string, unknown>).state = 'fine')),
      broken((m) => ((m.identifiers as unknown[])[0] = { label: 'ICCID', value: 1 })),
      broken((m) => ((m.identifiers as Array<Record<string, unknown>>)[0].copy = 'password')),
      broken((m) => ((m.sessions as Record<string, unknown>).rows = [{ id: 1 }])),
      broken((m) => (m.record = { nested: { fn: undefined, bad: Number.NaN } })),
    ];
    for (const m of bad) assert.equal(isHostMessage(m), false, JSON.stringify(m).slice(0, 120));
    // 40 levels of nesting is more than any real record: refused rather than recursed into.
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = [deep];
    assert.equal(isHostMessage({ type: 'state', model: { ...model, record: deep } }), false);
  });

  it('validates persisted state', () => {
    assert.ok(isPersistedState({ simId: model.simId, model }));
    assert.ok(isPersistedState({ simId: 'abc' }));
    assert.equal(isPersistedState({ simId: '' }), false);
    assert.equal(isPersistedState({ simId: 'other', model }), false, 'model must belong to the SIM');
    assert.equal(isPersistedState({ model }), false);
    assert.equal(isPersistedState(null), false);
  });
});

describe('details errors', () => {
  it('maps client error kinds to panel text', () => {
    assert.deepEqual(describeDetailsError({ kind: 'notFound', status: 404, message: 'Not found' }), {
      kind: 'notFound',
      message: 'This SIM no longer exists. It may have been deleted or moved to another account.',
    });
    assert.match(describeDetailsError({ kind: 'auth', status: 401, message: 'x' }).message, /API key/);
    assert.match(describeDetailsError({ kind: 'noKey' }).message, /Set an API key/);
    assert.match(describeDetailsError({ kind: 'rateLimited', retryAfterMs: 2500, message: 'x' }).message, /Retry in 3 s/);
    assert.match(describeDetailsError({ kind: 'network', message: 'connection refused' }).message, /Could not reach .*connection refused/);
    assert.match(describeDetailsError({ kind: 'server', status: 503, message: 'x' }).message, /HTTP 503/);
    assert.equal(errorKind(new Error('boom')), 'unknown');
    assert.match(describeDetailsError(new Error('boom')).message, /boom/);
    assert.equal(errorKind('auth'), 'unknown');
  });
});
