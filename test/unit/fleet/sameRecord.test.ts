import assert from 'node:assert/strict';
import { sameRecord } from '../../../src/fleet/sameRecord';

describe('fleet/sameRecord', () => {
  const record = {
    id: 'a',
    status: { value: 'enabled', reason: null },
    tags: ['x', 'y'],
    data_limit: { amount: '100', unit: 'MB' },
    actions_in_progress: false,
    version: 3,
  };

  it('is true for a structural copy, whatever the key order', () => {
    assert.ok(sameRecord(record, structuredClone(record)));
    const reordered = {
      version: 3,
      actions_in_progress: false,
      data_limit: { unit: 'MB', amount: '100' },
      tags: ['x', 'y'],
      status: { reason: null, value: 'enabled' },
      id: 'a',
    };
    assert.ok(sameRecord(record, reordered));
  });

  it('sees a change at any depth, in arrays, in types and in missing keys', () => {
    const changes: ((r: Record<string, unknown>) => void)[] = [
      (r) => (r.status = { value: 'enabled', reason: 'x' }),
      (r) => (r.tags = ['y', 'x']),
      (r) => (r.tags = ['x']),
      (r) => (r.data_limit = { amount: 100, unit: 'MB' }),
      (r) => (r.actions_in_progress = null),
      (r) => delete r.version,
      (r) => (r.version = undefined),
      (r) => (r.extra = null),
      (r) => (r.tags = { 0: 'x', 1: 'y', length: 2 }),
    ];
    for (const change of changes) {
      const copy = structuredClone(record) as Record<string, unknown>;
      change(copy);
      assert.ok(!sameRecord(record, copy), JSON.stringify(copy));
      assert.ok(!sameRecord(copy, record), JSON.stringify(copy));
    }
  });
});
