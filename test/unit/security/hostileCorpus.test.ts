// At least 1,000 generated hostile records through every pure display path: parse, tree
// text and tooltip, the details view model, the raw record text, error texts and plainText.
// Zero throws, and no live link on any surface.
import assert from 'node:assert/strict';
import { toJsonText } from '../../../src/details/json';
import { buildDetailsViewModel, mergeRecords } from '../../../src/details/viewModel';
import { formatTimestamp } from '../../../src/fleet/dates';
import { rowDescription, rowLabel } from '../../../src/fleet/rowDescription';
import { sortOptions } from '../../../src/fleet/sorting';
import { simTooltipMarkdown } from '../../../src/fleet/simTooltip';
import { simDescription, simLabel } from '../../../src/fleet/tooltip';
import { describeApiErrors } from '../../../src/telnyx/http';
import { parseErrorItems, parseSimCard, parseSimCardDetail } from '../../../src/telnyx/parse';
import { plainText } from '../../../src/telnyx/plainText';
import { HOSTILE_STRINGS, liveLinkIn, liveLinkInMarkdown } from './liveLinks';

const RECORDS = 1200;
const FIELDS = ['id', 'iccid', 'imsi', 'msisdn', 'type', 'created_at', 'updated_at', 'sim_card_group_id', 'eid', 'ipv4', 'current_imei'];

/** Deterministic: the corpus is the same on every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** One hostile record as the JSON text a server would send (so "__proto__" is an own key). */
function recordText(i: number, rnd: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const wrong: readonly unknown[] = [42, null, true, [], {}, ['$(x)'], { value: '[a](command:x)' }, -1e308, ''];
  const fields: string[] = [];
  for (const f of FIELDS) {
    const value = rnd() < 0.75 ? pick(HOSTILE_STRINGS) : pick(wrong);
    fields.push(`${JSON.stringify(f)}:${JSON.stringify(f === 'id' && typeof value !== 'string' ? `sim-${i}` : value)}`);
  }
  fields.push(
    `"status":${JSON.stringify(rnd() < 0.5 ? { value: pick(HOSTILE_STRINGS), reason: pick(HOSTILE_STRINGS) } : pick(HOSTILE_STRINGS))}`,
  );
  fields.push(`"tags":${JSON.stringify([pick(HOSTILE_STRINGS), pick(wrong), pick(HOSTILE_STRINGS)])}`);
  fields.push(`"data_limit":${JSON.stringify({ amount: pick(HOSTILE_STRINGS), unit: pick(HOSTILE_STRINGS) })}`);
  fields.push(`"sim_card_group":${JSON.stringify({ id: pick(HOSTILE_STRINGS), name: pick(HOSTILE_STRINGS) })}`);
  if (i % 3 === 0) fields.push('"__proto__":{"polluted":"[x](command:y)","iccid":"$(alert)"}');
  if (i % 5 === 0) fields.push('"constructor":{"prototype":{"polluted":1}}');
  if (i % 50 === 0) fields.push(`"deep":${'{"d":'.repeat(10_000)}"$(x)"${'}'.repeat(10_000)}`);
  if (i % 7 === 0) fields.push(`"live_data_session":${JSON.stringify({ note: pick(HOSTILE_STRINGS) })}`);
  return `{${fields.join(',')}}`;
}

describe('security/hostile corpus', function () {
  this.timeout(120_000);

  it('renders every hostile record on every pure path with no throw and no live link', () => {
    const rnd = lcg(10);
    let throws = 0;
    const live: string[] = [];
    const check = (surface: string, text: string, markdown = false): void => {
      const why = markdown ? liveLinkInMarkdown(text) : liveLinkIn(text);
      if (why) live.push(`${surface}: ${why}: ${JSON.stringify(text.slice(0, 80))}`);
    };
    const now = new Date(Date.UTC(2024, 5, 1));
    for (let i = 0; i < RECORDS; i++) {
      const text = recordText(i, rnd);
      try {
        const raw: unknown = JSON.parse(text);
        const sim = parseSimCard(raw);
        const detail = parseSimCardDetail(raw);
        if (!sim || !detail) continue;
        const merged = mergeRecords(sim, detail);
        assert.equal(Object.getPrototypeOf(merged), Object.prototype);
        // Tree label/description are plain text surfaces (no links): wrapped for the message surfaces.
        check('tree label', plainText(simLabel(sim)));
        check('tree description', plainText(simDescription(sim)));
        // The SIM rows the tree shows: inert as they are, with no wrapping.
        check('row label', rowLabel(sim));
        for (const { key } of sortOptions()) check(`row description (${key})`, rowDescription(sim, key));
        check('tooltip', simTooltipMarkdown(sim), true);
        check('date', plainText(formatTimestamp(sim.created_at) ?? ''));
        const model = buildDetailsViewModel({ sim, detail, now });
        check('panel title', plainText(model.title));
        for (const row of [...model.identifiers, ...model.summary, ...(model.network ?? [])])
          check(`row ${row.label}`, plainText(row.value));
        const rawText = toJsonText(detail);
        assert.ok(rawText.length > 0);
        for (const f of FIELDS) check(`field ${f}`, plainText((merged as unknown as Record<string, unknown>)[f]));
        const said = describeApiErrors(parseErrorItems({ errors: [{ title: sim.iccid, detail: sim.imsi }] }));
        check('error detail', plainText(`Telnyx refused the request (422).${said}`));
      } catch (e) {
        throws++;
        live.push(`throw on record ${i}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    console.log(`      hostile corpus: ${RECORDS} records, ${throws} throws, ${live.length - throws} live links`);
    assert.deepEqual(live.slice(0, 10), []);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});
