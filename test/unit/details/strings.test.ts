import assert from 'node:assert/strict';
import { detailsStrings } from '../../../src/details/hostStrings';
import { COPY_FIELDS } from '../../../src/details/model';
import { DETAILS_STRING_KEYS, isDetailsStrings, parseDetailsStrings } from '../../../src/details/strings';

describe('details webview strings', () => {
  it('the host words every key and every copy button, in English by default', () => {
    const s = detailsStrings();
    assert.ok(isDetailsStrings(s));
    for (const k of DETAILS_STRING_KEYS) assert.notEqual(s[k], '', k);
    assert.deepEqual(
      COPY_FIELDS.map((f) => s.copy[f]),
      [
        'Copy ICCID',
        'Copy IMSI',
        'Copy MSISDN',
        'Copy SIM ID',
        'Copy EID',
        'Copy Group ID',
        'Copy IMEI',
        'Copy IPv4 address',
        'Copy IPv6 address',
      ],
    );
    assert.equal(s.updated, 'Updated {0}', 'templates keep their placeholder for the webview');
  });

  it('reads back only a complete set of strings', () => {
    const s = detailsStrings();
    assert.deepEqual(parseDetailsStrings(JSON.stringify(s)), s);
    assert.equal(parseDetailsStrings(undefined), undefined);
    assert.equal(parseDetailsStrings('{'), undefined);
    assert.equal(parseDetailsStrings('null'), undefined);
    const noRetry: Partial<typeof s> = { ...s };
    delete noRetry.retry;
    assert.equal(parseDetailsStrings(JSON.stringify(noRetry)), undefined, 'a missing key');
    assert.equal(parseDetailsStrings(JSON.stringify({ ...s, refresh: 1 })), undefined, 'a non-string');
    const copy: Partial<typeof s.copy> = { ...s.copy };
    delete copy.iccid;
    assert.equal(parseDetailsStrings(JSON.stringify({ ...s, copy })), undefined, 'a missing copy label');
  });
});
