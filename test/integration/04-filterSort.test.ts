import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MockApi } from '../../mock-api/server';
import type { TestApi } from '../../src/extension';
import { amountToBytes } from '../../src/telnyx/units';
import { loadedWith, simsUnder, waitFor, descriptionOf, messageOf } from './helpers';
import { at } from '../unit/helpers/at';

describe('Filter and sort reach the API', () => {
  let mock: MockApi;
  let ext: TestApi;

  before(async () => {
    ({ mock, ext } = await loadedWith({ sims: 400, seed: 21 }));
    await ext.fleet.setOptions({ groupBy: 'none' });
  });
  after(async () => {
    await ext.fleet.setOptions({ filter: {} });
    await ext.fleet.setOptions({ groupBy: 'status' });
    await mock.close();
  });

  /** The tag most SIMs carry, so the filter keeps a meaningful number of them. */
  function commonTag(): string {
    const counts = new Map<string, number>();
    for (const s of mock.fleet.sims) for (const t of s.tags ?? []) counts.set(t, (counts.get(t) ?? 0) + 1);
    return at(
      [...counts].sort((a, b) => b[1] - a[1]),
      0,
    )[0];
  }

  it('sends status and tags as filter[...] and shows only the matching SIMs', async () => {
    const tag = commonTag();
    mock.requests.length = 0;
    await ext.fleet.setOptions({ filter: { status: ['enabled', 'standby'], tags: [tag] } });
    await waitFor('the filtered load', () => ext.fleet.settled && mock.requests.length > 0);

    const listCalls = mock.requests.filter((r) => r.path === '/v2/sim_cards');
    assert.ok(listCalls.length > 0);
    for (const call of listCalls) {
      assert.equal(call.query['filter[status]'], 'enabled,standby');
      assert.equal(call.query['filter[tags]'], tag);
    }
    const expected = mock.fleet.sims
      .filter((s) => ['enabled', 'standby'].includes(String(s.status?.value)) && (s.tags ?? []).includes(tag))
      .map((s) => s.id)
      .sort();
    assert.ok(expected.length > 0 && expected.length < mock.fleet.sims.length);
    assert.deepEqual([...simsUnder(ext)].sort(), expected);
    const description = descriptionOf(ext);
    assert.match(description, /status: enabled, standby/);
    assert.match(description, new RegExp(`tags: ${tag}`));
    assert.match(description, new RegExp(`${expected.length} SIMs?`));
    assert.match(messageOf(ext), /^Filtered \(status: enabled, standby/);
  });

  it('sends ICCID (partial) and group filters', async () => {
    const group = mock.fleet.groups.find((g) => mock.fleet.sims.some((s) => s.sim_card_group_id === g.id));
    assert.ok(group);
    const fragment = String(at(mock.fleet.sims, 3).iccid).slice(4, 9);
    mock.requests.length = 0;
    await ext.fleet.setOptions({ filter: { iccid: fragment, simCardGroupId: group.id } });
    await waitFor('the filtered load', () => ext.fleet.settled && mock.requests.length > 0);
    const call = mock.requests.find((r) => r.path === '/v2/sim_cards');
    assert.ok(call);
    assert.equal(call.query['filter[iccid]'], fragment);
    assert.equal(call.query['filter[sim_card_group_id]'], group.id);
    assert.equal(call.query['filter[status]'], undefined, 'the previous filter was replaced');
    const expected = mock.fleet.sims.filter((s) => String(s.iccid).includes(fragment) && s.sim_card_group_id === group.id);
    assert.deepEqual([...simsUnder(ext)].sort(), expected.map((s) => s.id).sort());
  });

  it('a stored filter on a status the API cannot filter still narrows the tree', async () => {
    const apiFilterable = ['enabled', 'disabled', 'standby', 'data_limit_exceeded', 'unauthorized_imei'];
    const counts = new Map<string, number>();
    for (const s of mock.fleet.sims) counts.set(String(s.status?.value), (counts.get(String(s.status?.value)) ?? 0) + 1);
    const status = [...counts.keys()].find((k) => !apiFilterable.includes(k));
    assert.ok(status, `the test fleet has a status the API cannot filter (${[...counts.keys()].join(', ')})`);
    mock.requests.length = 0;
    await ext.fleet.setOptions({ filter: { status: [status] } });
    await waitFor('the filtered load', () => ext.fleet.settled && mock.requests.length > 0);
    assert.ok(
      mock.requests.every((r) => r.query['filter[status]'] === undefined),
      'the API is not asked for that status',
    );
    const expected = mock.fleet.sims
      .filter((s) => s.status?.value === status)
      .map((s) => s.id)
      .sort();
    assert.deepEqual([...simsUnder(ext)].sort(), expected);
    assert.match(messageOf(ext), /^Filtered \(/);
  });

  it('clears the filter and fetches everything again', async () => {
    mock.requests.length = 0;
    await vscode.commands.executeCommand('telnyxSims.clearFilter');
    await waitFor('the unfiltered load', () => ext.fleet.settled && mock.requests.length > 0);
    assert.deepEqual(ext.fleet.model.options.filter, {});
    assert.ok(mock.requests.every((r) => !Object.keys(r.query).some((k) => k.startsWith('filter['))));
    assert.equal(simsUnder(ext).length, mock.fleet.sims.length);
  });

  it('sorts by data used through the API (descending) and shows that order', async () => {
    mock.requests.length = 0;
    await ext.fleet.setOptions({ sort: 'dataUsedDesc' });
    await waitFor('the sorted load', () => ext.fleet.settled && mock.requests.length > 0);
    assert.ok(
      mock.requests.filter((r) => r.path === '/v2/sim_cards').every((r) => r.query.sort === '-current_billing_period_consumed_data.amount'),
    );
    const used = simsUnder(ext).map(
      (id) => amountToBytes(mock.fleet.sims.find((s) => s.id === id)?.current_billing_period_consumed_data) ?? -1,
    );
    for (let i = 1; i < used.length; i++) assert.ok(at(used, i - 1) >= at(used, i), `descending at ${i}`);
    assert.match(descriptionOf(ext), /data used/i);
  });

  it('sorts by ICCID on the client without another request', async () => {
    mock.requests.length = 0;
    await ext.fleet.setOptions({ sort: 'iccid' });
    const iccids = simsUnder(ext).map((id) => String(mock.fleet.sims.find((s) => s.id === id)?.iccid));
    // Identifiers sort as text, digit by digit (issue 11 item 3): plain code-unit order.
    assert.deepEqual(iccids, [...iccids].sort());
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(mock.requests.length, 0);
  });
});
