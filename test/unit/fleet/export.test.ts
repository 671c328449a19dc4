import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { generateFleet } from '../../../mock-api/fleet';
import { EXPORT_COLUMNS, csvField, exportToFile, writeExport } from '../../../src/fleet/export';
import type { SimCard } from '../../../src/telnyx/types';
import { parseCsv } from '../helpers/csv';
import { group, mb, sim } from './fixtures';

/** What a spreadsheet user sees once the guard apostrophe is taken off. */
const unguard = (cell: string): string => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

const HOSTILE = [
  'a,b',
  'say "hi"',
  'line1\nline2',
  'cr\r\nlf',
  '=HYPERLINK("http://evil.test","click")',
  '+1+1',
  '-2',
  '@SUM(A1)',
  '\tTab',
  'ünïcødé 🚀',
];

const tmpDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'sim-export-'));

async function toText(format: 'csv' | 'json', rows: Iterable<SimCard>, bom = false): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeExport(out, format, rows, undefined, { bom, groupsById: new Map() });
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}

describe('SIM export', () => {
  it('guards formula cells and quotes per RFC 4180', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('=1+1'), "'=1+1");
    assert.equal(csvField('=HYPERLINK("x")'), '"\'=HYPERLINK(""x"")"');
    assert.equal(csvField('\rx'), '"\'\rx"');
    assert.equal(csvField(''), '');
  });

  it('writes CSV that an independent parser reads back to the records, hostile values as text', async () => {
    const g = group({ name: 'Fleet, "A"\nnorth', data_limit: mb('1', 'GB') });
    const sims = HOSTILE.map((h, i) =>
      sim({
        iccid: `89310000000000000${i}`,
        msisdn: h,
        tags: [h, 'plain'],
        status: { value: 'enabled', reason: h },
        sim_card_group_id: g.id,
        current_billing_period_consumed_data: mb(String(100 * (i + 1))),
      }),
    );
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const n = await writeExport(out, 'csv', sims, undefined, { groupsById: new Map([[g.id, g]]) });
    out.end();
    assert.equal(n, sims.length);
    const buf = Buffer.concat(chunks);
    assert.deepEqual([...buf.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
    const rows = parseCsv(buf.toString('utf8').slice(1));
    assert.deepEqual(rows[0], [...EXPORT_COLUMNS]);
    assert.equal(rows.length, sims.length + 1);
    sims.forEach((s, i) => {
      const r = Object.fromEntries(EXPORT_COLUMNS.map((c, j) => [c, rows[i + 1]?.[j] ?? '<missing>']));
      assert.equal(r.id, s.id);
      assert.equal(r.iccid, s.iccid);
      assert.equal(unguard(r.msisdn ?? ''), HOSTILE[i]);
      assert.equal(unguard(r.status_reason ?? ''), HOSTILE[i]);
      assert.equal(unguard(r.tags ?? ''), `${HOSTILE[i]}; plain`);
      assert.ok(!/^[=+\-@\t\r]/.test(r.msisdn ?? ''), `cell ${JSON.stringify(r.msisdn)} cannot start a formula`);
      assert.equal(r.status, 'enabled');
      assert.equal(r.sim_card_group_id, g.id);
      assert.equal(r.sim_card_group_name, 'Fleet, "A"\nnorth');
      assert.equal(r.data_used_bytes, String(100 * (i + 1) * 1024 * 1024));
      assert.equal(r.data_used, `${100 * (i + 1)} MB`);
      assert.equal(r.data_limit_bytes, String(1024 ** 3));
      assert.equal(r.data_limit, '1 GB');
      assert.equal(r.data_limit_source, 'group');
      const exact = ((100 * (i + 1)) / 1024) * 100;
      assert.ok(Math.abs(Number(r.usage_percent) - exact) <= 0.0051, `${r.usage_percent} is ${exact} to 2 decimals`);
      assert.equal(r.created_at, s.created_at);
    });
  });

  it('writes JSON that is the array of records as received', async () => {
    const fleet = generateFleet({ seed: 3, sims: 300 });
    const text = await toText('json', fleet.sims);
    assert.deepEqual(JSON.parse(text), JSON.parse(JSON.stringify(fleet.sims)));
    assert.deepEqual(JSON.parse(await toText('json', [])), []);
    assert.deepEqual(parseCsv(await toText('csv', [])), [[...EXPORT_COLUMNS]]);
  });

  it('exports to a file from an async source, leaving no temporary file', async () => {
    const dir = tmpDir();
    const target = path.join(dir, 'sims.csv');
    const fleet = generateFleet({ seed: 5, sims: 1200 });
    async function* pages(): AsyncGenerator<SimCard> {
      for (let i = 0; i < fleet.sims.length; i += 250) {
        await new Promise((r) => setImmediate(r));
        yield* fleet.sims.slice(i, i + 250);
      }
    }
    const n = await exportToFile(target, 'csv', pages(), undefined, { groupsById: new Map(fleet.groups.map((g) => [g.id, g])) });
    assert.equal(n, 1200);
    assert.deepEqual(fs.readdirSync(dir), ['sims.csv']);
    const rows = parseCsv(fs.readFileSync(target, 'utf8').replace(/^\uFEFF/, ''));
    assert.equal(rows.length, 1201);
    assert.deepEqual(
      rows.slice(1).map((r) => r[0]),
      fleet.sims.map((s) => s.id),
    );
    fs.rmSync(dir, { recursive: true });
  });

  it('a cancelled export leaves no file and keeps an existing target untouched', async () => {
    const dir = tmpDir();
    const target = path.join(dir, 'sims.json');
    fs.writeFileSync(target, 'previous');
    const controller = new AbortController();
    const fleet = generateFleet({ seed: 9, sims: 2000 });
    async function* slow(): AsyncGenerator<SimCard> {
      let i = 0;
      for (const s of fleet.sims) {
        if (++i === 1500) controller.abort();
        if (i % 100 === 0) await new Promise((r) => setImmediate(r));
        yield s;
      }
    }
    await assert.rejects(exportToFile(target, 'json', slow(), controller.signal));
    assert.deepEqual(fs.readdirSync(dir), ['sims.json']);
    assert.equal(fs.readFileSync(target, 'utf8'), 'previous');

    const fresh = path.join(dir, 'new.csv');
    const failing = (function* (): Generator<SimCard> {
      yield fleet.sims[0] as SimCard;
      throw new Error('page 2 failed');
    })();
    await assert.rejects(exportToFile(fresh, 'csv', failing), /page 2 failed/);
    assert.deepEqual(fs.readdirSync(dir), ['sims.json']);
    fs.rmSync(dir, { recursive: true });
  });

  it('waits for a slow consumer instead of buffering everything (backpressure)', async () => {
    let maxBuffered = 0;
    const slow = new Writable({
      highWaterMark: 16 * 1024,
      write(_chunk, _enc, cb) {
        maxBuffered = Math.max(maxBuffered, this.writableLength);
        setImmediate(cb);
      },
    });
    const fleet = generateFleet({ seed: 11, sims: 3000 });
    await writeExport(slow, 'csv', fleet.sims);
    // Without waiting for 'drain' the whole ~1 MB file would be queued at once.
    assert.ok(maxBuffered < 200 * 1024, `at most one chunk queued (saw ${maxBuffered} characters)`);
  });
});
