import * as assert from 'node:assert/strict';
import { dataAmountProblem, parseDataAmount, parseTags, tagsProblem } from '../../../src/commands/actions/validate';
import { simContextValue } from '../../../src/views/contextValue';

describe('SIM action input validation', () => {
  it('parses comma-separated tags, trimmed and without duplicates', () => {
    assert.deepEqual(parseTags(' a, b ,,a , c d '), ['a', 'b', 'c d']);
    assert.deepEqual(parseTags('  ,  '), []);
  });

  it('refuses long tags, control characters and too many tags', () => {
    assert.equal(tagsProblem('ok, fine'), undefined);
    assert.ok(tagsProblem('x'.repeat(101)));
    assert.equal(tagsProblem('x'.repeat(100)), undefined);
    assert.ok(tagsProblem('bad\u0007tag'));
    assert.ok(tagsProblem(Array.from({ length: 51 }, (_, i) => `t${i}`).join(',')));
  });

  it('accepts positive amounts only, as the API writes them', () => {
    assert.equal(parseDataAmount(' 500 '), '500');
    assert.equal(parseDataAmount('1.5'), '1.5');
    assert.equal(parseDataAmount('007'), '7');
    for (const bad of ['', '0', '-1', '1e3', 'abc', '1.2345', '1,5', 'Infinity']) assert.equal(parseDataAmount(bad), undefined, bad);
    assert.equal(dataAmountProblem('500', 'MB'), undefined);
    assert.ok(dataAmountProblem('0', 'GB'));
    assert.ok(dataAmountProblem('200000', 'GB'), 'a typo guard');
    assert.equal(dataAmountProblem('200000', 'MB'), undefined);
  });

  it('SIM row context values carry type and status, and never API text as is', () => {
    assert.equal(simContextValue({ id: '1', type: 'physical', status: { value: 'enabled' } }), 'sim.physical.enabled');
    assert.equal(simContextValue({ id: '1', type: 'esim', status: { value: 'setting_standby' } }), 'sim.esim.setting_standby');
    assert.equal(simContextValue({ id: '1', status: { value: 'x.enabled' } }), 'sim.unknown.unknown');
  });
});
