import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { IdSet } from '../../../src/telnyx/idSet';

describe('telnyx/IdSet', () => {
  it('behaves as a Set of strings: add reports new ids, has, size and iteration agree with a plain Set', () => {
    const ids = [...Array.from({ length: 5000 }, () => randomUUID()), 'a', 'b', '', '1', '12345', 'sim-00001'];
    const set = new IdSet();
    const plain = new Set<string>();
    for (const id of [...ids, ...ids.slice(0, 700)]) {
      assert.equal(set.add(id), !plain.has(id), id);
      plain.add(id);
    }
    assert.equal(set.size, plain.size);
    for (const id of ids) assert.ok(set.has(id));
    assert.ok(!set.has('not-there'));
    assert.deepEqual([...set].sort(), [...plain].sort());
  });
});
