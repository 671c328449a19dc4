import * as assert from 'node:assert/strict';
import { buildTreeModel, type TreeNode } from '../../../src/views/treeModel';
import type { SimCard, SimCardGroup } from '../../../src/telnyx/types';
import { at } from '../helpers/at';

function sim(i: number, over: Partial<SimCard> = {}): SimCard {
  return {
    id: `id-${String(i).padStart(5, '0')}`,
    iccid: `8931000000000${String(i).padStart(6, '0')}`,
    status: { value: i % 3 === 0 ? 'disabled' : 'enabled' },
    tags: i % 2 === 0 ? ['even', 'all'] : ['all'],
    type: 'physical',
    ...over,
  };
}

const noGroups = new Map<string, SimCardGroup>();

function simIds(nodes: readonly TreeNode[]): string[] {
  return nodes.flatMap((n) => (n.kind === 'sim' ? [n.sim.id] : simIds(n.children)));
}

describe('tree model', () => {
  it('puts buckets at the root and SIMs below them, with parents set', () => {
    const sims = Array.from({ length: 9 }, (_, i) => sim(i));
    const model = buildTreeModel(sims, 'status', 'iccid', noGroups);
    assert.deepEqual(model.roots.map((n) => n.kind === 'bucket' && n.bucket.label), ['Enabled', 'Disabled']);
    const enabled = at(model.roots, 0);
    assert.ok(enabled.kind === 'bucket');
    assert.equal(enabled.children.length, 6);
    for (const child of enabled.children) assert.equal(child.kind === 'sim' && child.parent, enabled);
  });

  it('splits a bucket larger than the range size into ranges of SIMs, keeping every SIM once', () => {
    const sims = Array.from({ length: 1234 }, (_, i) => sim(i, { status: { value: 'enabled' } }));
    const model = buildTreeModel(sims, 'status', 'iccid', noGroups, 500);
    const bucket = at(model.roots, 0);
    assert.ok(bucket.kind === 'bucket');
    assert.deepEqual(bucket.children.map((c) => c.kind === 'range' && c.label), ['1–500', '501–1000', '1001–1234']);
    const ids = simIds([bucket]);
    assert.equal(ids.length, 1234);
    assert.equal(new Set(ids).size, 1234);
    const range = at(bucket.children, 2);
    assert.ok(range.kind === 'range');
    assert.equal(range.children.length, 234);
    assert.equal(at(range.children, 0).parent, range);
  });

  it('gives stable, unique ids: the same SIM under two tags gets two ids', () => {
    const sims = Array.from({ length: 4 }, (_, i) => sim(i));
    const a = buildTreeModel(sims, 'tag', 'iccid', noGroups);
    const b = buildTreeModel([...sims].reverse(), 'tag', 'iccid', noGroups);
    const ids = (m: typeof a) => m.roots.flatMap((r) => [r.id, ...(r.kind === 'bucket' ? r.children.map((c) => c.id) : [])]);
    assert.deepEqual(ids(a), ids(b), 'input order does not change ids');
    const all = ids(a);
    assert.equal(new Set(all).size, all.length);
    assert.equal(a.firstNodeBySimId.get('id-00000')?.kind, 'sim');
  });

  it('is flat (or ranges) with grouping none, sorted by the sort key', () => {
    const sims = [sim(3), sim(1), sim(2)];
    const model = buildTreeModel(sims, 'none', 'iccid', noGroups);
    assert.deepEqual(simIds(model.roots), ['id-00001', 'id-00002', 'id-00003']);
    assert.ok(model.roots.every((n) => n.kind === 'sim' && n.parent === undefined));
  });
});
