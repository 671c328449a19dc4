import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { IdMap } from '../../../src/telnyx/idMap';

describe('telnyx/IdMap', () => {
  it('behaves as a Map of string keys: get, set over an existing key, delete, size, clear and values agree with a plain Map', () => {
    const ids = [...Array.from({ length: 5000 }, () => randomUUID()), 'a', 'b', '', '1', '12345', 'sim-00001'];
    const map = new IdMap<number>();
    const plain = new Map<string, number>();
    ids.forEach((id, i) => {
      map.set(id, i);
      plain.set(id, i);
    });
    // Replacing keeps the size; deleting what is not there changes nothing.
    for (const id of ids.slice(0, 700)) {
      map.set(id, -1);
      plain.set(id, -1);
    }
    for (const id of ids.slice(300, 1200)) assert.equal(map.delete(id), plain.delete(id), id);
    assert.equal(map.delete('not-there'), false);
    assert.equal(map.size, plain.size);
    for (const id of ids) assert.equal(map.get(id), plain.get(id), id);
    assert.deepEqual(
      [...map.values()].sort((a, b) => a - b),
      [...plain.values()].sort((a, b) => a - b),
    );
    map.clear();
    assert.equal(map.size, 0);
    assert.equal(map.get(ids[0] ?? ''), undefined);
    assert.deepEqual([...map.values()], []);
  });
});
