import assert from 'node:assert/strict';
import { isHostMessage, isPersistedState, isWebviewMessage, SIM_ACTION_KINDS } from '../../../src/details/messages';
import { COPY_FIELDS } from '../../../src/details/model';
import { buildDetailsViewModel } from '../../../src/details/viewModel';
import { NOW, detailSim, group, listSim, log } from './fixtures';

const model = buildDetailsViewModel({ sim: listSim(), detail: detailSim(), group: group(), logs: [log()], now: NOW });

describe('details messages', () => {
  it('accepts every webview message the panel sends', () => {
    for (const type of ['ready', 'copyJson', 'openDocument', 'refresh', 'setApiKey', 'keepOpen'])
      assert.ok(isWebviewMessage({ type }), type);
    for (const field of COPY_FIELDS) assert.ok(isWebviewMessage({ type: 'copy', field }), field);
    for (const action of SIM_ACTION_KINDS) assert.ok(isWebviewMessage({ type: 'simAction', action }), action);
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
      { type: 'keepOpen', simId: 'other-sim' },
      { type: 'openDocument', simId: 'other-sim' },
      { type: 'toString' },
      { type: '__proto__' },
      { type: 'simAction' },
      { type: 'simAction', action: 'delete' },
      { type: 'simAction', action: 'disable', simId: 'other-sim' },
    ];
    for (const m of bad) assert.equal(isWebviewMessage(m), false, JSON.stringify(m));
  });

  it('accepts host messages with a valid model', () => {
    assert.ok(isHostMessage({ type: 'state', model }));
    assert.ok(isHostMessage({ type: 'state', model: JSON.parse(JSON.stringify(model)) }), 'survives a JSON round trip');
    assert.ok(isHostMessage({ type: 'loading' }));
    assert.ok(isHostMessage({ type: 'error', message: 'This SIM no longer exists.', kind: 'notFound' }));
    assert.ok(isHostMessage({ type: 'mode', preview: true }));
    assert.ok(isHostMessage({ type: 'mode', preview: false }));
  });

  it('rejects host messages with a wrong envelope (the model itself is typed by the host)', () => {
    const bad: unknown[] = [
      { type: 'state' },
      { type: 'state', model: {} },
      { type: 'state', model, extra: true },
      { type: 'error', message: 'x', kind: 7 },
      { type: 'error', kind: 'auth' },
      { type: 'loading', model },
      { type: 'html', html: '<b>x</b>' },
      { type: 'state', model: [] },
      { type: 'mode' },
      { type: 'mode', preview: 'yes' },
      { type: 'mode', preview: true, simId: 'x' },
      { type: 'state', model: { simId: 'x' } },
      { type: 'state', model: { ...model, status: undefined } },
      { type: 'state', model: { ...model, identifiers: 'x' } },
    ];
    for (const m of bad) assert.equal(isHostMessage(m), false, JSON.stringify(m).slice(0, 120));
  });

  it('validates persisted state', () => {
    assert.ok(isPersistedState({ simId: model.simId, model }));
    assert.ok(isPersistedState({ simId: 'abc' }));
    assert.equal(isPersistedState({ simId: '' }), false);
    assert.equal(isPersistedState({ simId: 'other', model }), false, 'model must belong to the SIM');
    assert.equal(isPersistedState({ model }), false);
    assert.equal(isPersistedState({ simId: 'x', model: { simId: 'x', title: 1 } }), false, 'a broken saved model is not drawn');
    const older: Record<string, unknown> = { ...model };
    delete older.usage;
    assert.equal(isPersistedState({ simId: model.simId, model: older }), false, 'a model saved without usage (older shape)');
    assert.ok(isPersistedState(JSON.parse(JSON.stringify({ simId: model.simId, model }))), 'survives a JSON round trip');
    assert.equal(isPersistedState(null), false);
    // A saved model the panel could not render is not restored.
    assert.equal(isPersistedState({ simId: 'x', model: { simId: 'x', title: 1 } }), false);
    assert.equal(isPersistedState({ simId: model.simId, model: { ...model, heading: 7 } }), false);
    assert.equal(isPersistedState({ simId: model.simId, model: { ...model, network: 'x' } }), false);
  });
});
