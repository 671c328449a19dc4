import * as assert from 'node:assert/strict';
import { literal } from '../../../src/util/quickPickText';

describe('quick pick text from the API', () => {
  it('breaks every $(icon) pattern so it shows literally', () => {
    const out = literal('tag $(alert) and $(zap)');
    assert.ok(!out.includes('$('));
    assert.equal(out.replace(/\u200b/g, ''), 'tag $(alert) and $(zap)');
  });
  it('leaves ordinary text and empty values alone', () => {
    assert.equal(literal('fleet-a'), 'fleet-a');
    assert.equal(literal(undefined), '');
    assert.equal(literal('cost $5 (est.)'), 'cost $5 (est.)');
  });
});
