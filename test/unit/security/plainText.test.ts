import assert from 'node:assert/strict';
import { plainText, PLAIN_TEXT_MAX } from '../../../src/telnyx/plainText';
import { HOSTILE_STRINGS, liveLinkIn } from './liveLinks';

describe('security/plainText', () => {
  it('leaves no link, URL, command URI, icon or bidi control in any hostile payload', () => {
    for (const s of HOSTILE_STRINGS) {
      for (const max of [20, 200, PLAIN_TEXT_MAX, 5000]) {
        const out = plainText(s, max);
        assert.equal(liveLinkIn(out), undefined, `${JSON.stringify(s.slice(0, 60))} -> ${JSON.stringify(out.slice(0, 80))}`);
      }
    }
  });

  it('keeps ordinary text as it is', () => {
    assert.equal(plainText('SIM card 8931 is enabled.'), 'SIM card 8931 is enabled.');
    assert.equal(plainText('Invalid value: page[size] must be <= 250'), 'Invalid value: page[size] must be <= 250');
  });

  it('keeps the look of neutralised text (only zero-width spaces are added)', () => {
    const s = '[Click](command:x) $(alert) https://a.example';
    assert.equal(plainText(s).replace(/\u200B/g, ''), s);
  });

  it('gives one line, no invisible characters, and is well-formed Unicode', () => {
    const out = plainText('a\nb\u202Ec\u200Dd\ud800e');
    assert.equal(out, 'a bcd\ufffde');
  });

  it('caps the length with an ellipsis, never inside a surrogate pair', () => {
    assert.equal(plainText('x'.repeat(100_000), 50).length, 50);
    assert.ok(plainText('x'.repeat(100_000), 50).endsWith('…'));
    const emoji = plainText('📡'.repeat(100), 10);
    assert.doesNotMatch(emoji, /[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('turns non-strings into empty text', () => {
    for (const v of [undefined, null, 3, {}, [], true]) assert.equal(plainText(v), '');
  });
});
