import assert from 'node:assert/strict';
import {
  iccidInputProblem,
  iccidInputValue,
  msisdnInputProblem,
  msisdnInputValue,
  noGroupNote,
  statusStepNote,
  unfilterableStatuses,
} from '../../../src/fleet/filterInput';
import { noMatchMessage } from '../../../src/fleet/filters';
import { group, groupMap } from './fixtures';

describe('fleet/filterInput', () => {
  describe('ICCID step', () => {
    it('accepts digits, spaces and empty', () => {
      for (const v of ['', '   ', '8931', '8931 0410 1065 4378 9301', '89310410106543789301']) {
        assert.equal(iccidInputProblem(v), undefined, v);
      }
      assert.equal(iccidInputValue(' 8931 0410 '), '89310410');
    });

    it('rejects letters and names the first one', () => {
      const problem = iccidInputProblem('8931abc');
      assert.ok(problem);
      assert.match(problem, /digits only/);
      assert.match(problem, /"a"/);
      assert.ok(iccidInputProblem('8931-0410'));
    });

    it('rejects more than 22 digits', () => {
      assert.equal(iccidInputProblem('1'.repeat(22)), undefined);
      assert.match(iccidInputProblem('1'.repeat(23)) ?? '', /at most 22 digits; this has 23/);
    });
  });

  describe('MSISDN step (exact E.164 number)', () => {
    it('accepts E.164 numbers, with the separators people paste, and empty', () => {
      for (const v of ['', '+13109976224', ' +1 (310) 997-6224 ', '+44.20.7946.0000', '+882360001234567', '+49']) {
        assert.equal(msisdnInputProblem(v), undefined, v);
      }
      assert.equal(msisdnInputValue(' +1 (310) 997-6224 '), '+13109976224');
      assert.equal(msisdnInputValue(''), '');
    });

    it('explains a missing +', () => {
      assert.match(msisdnInputProblem('13109976224') ?? '', /Start with \+ and the country code/);
    });

    it('explains letters, a leading 0 and a wrong length', () => {
      assert.match(msisdnInputProblem('+1310abc') ?? '', /digits only after the \+; remove "a"/);
      assert.match(msisdnInputProblem('+0441234') ?? '', /never starts with 0/);
      assert.match(msisdnInputProblem('+1234567890123456') ?? '', /2 to 15 digits after the \+; this has 16/);
      assert.match(msisdnInputProblem('+1') ?? '', /this has 1/);
      assert.ok(msisdnInputProblem('+'));
    });
  });

  it('the status note names exactly the statuses the spec cannot filter', () => {
    // From the OpenAPI spec: filter[status] enum is enabled, disabled, standby, data_limit_exceeded, unauthorized_imei.
    assert.deepEqual([...unfilterableStatuses()].sort(), ['disabling', 'enabling', 'registering', 'setting_standby']);
    const note = statusStepNote();
    for (const label of ['Registering', 'Enabling', 'Disabling', 'Setting standby']) assert.ok(note.includes(label), label);
    assert.ok(!note.includes('Enabled'));
    assert.match(note, /Group By Status/);
  });

  it('the group note says why "No group" is not offered and where to see those SIMs', () => {
    assert.match(noGroupNote(), /cannot select SIMs without a group/);
    assert.match(noGroupNote(), /"No group"/);
  });

  describe('noMatchMessage', () => {
    it('names every active part of the filter, groups by name', () => {
      const g = group({ id: 'g-1', name: 'Smart meters EU' });
      assert.equal(
        noMatchMessage({ status: ['enabled'], msisdn: '+13109976224', simCardGroupId: 'g-1' }, groupMap(g)),
        'No SIM cards match status: enabled · msisdn: +13109976224 · group: Smart meters EU.',
      );
    });

    it('without a filter says the account is empty', () => {
      assert.equal(noMatchMessage({}), 'No SIM cards in this Telnyx account yet.');
      assert.equal(noMatchMessage({ iccid: '  ' }), 'No SIM cards in this Telnyx account yet.');
    });
  });
});
