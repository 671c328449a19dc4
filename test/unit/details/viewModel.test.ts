import assert from 'node:assert/strict';
import { relativeTime } from '../../../src/details/dateText';
import { formatDataSize, formatPercent, updatedText } from '../../../src/details/format';
import type { DetailsViewModel, FieldRow } from '../../../src/details/model';
import { buildDetailsViewModel, copyFieldValue, mergeRecords, panelTitle } from '../../../src/details/viewModel';
import type { SimCardDetail } from '../../../src/telnyx/types';
import { at } from '../helpers/at';
import { HOSTILE, NOW, detailSim, group, listSim, log } from './fixtures';

function field(rows: readonly FieldRow[] | undefined, label: string): FieldRow {
  const r = rows?.find((x) => x.label === label);
  assert.ok(r, `row ${label}`);
  return r;
}

function build(input: Partial<Parameters<typeof buildDetailsViewModel>[0]> = {}): DetailsViewModel {
  const m = buildDetailsViewModel({ sim: listSim(), now: NOW, ...input });
  assert.doesNotThrow(() => JSON.stringify(m), 'the model crosses postMessage as JSON');
  return m;
}

describe('details format', () => {
  it('uses MB below 1 GB and GB from 1 GB, with binary multiples', () => {
    assert.equal(formatDataSize(512 * 1024 ** 2), '512 MB');
    assert.equal(formatDataSize(1023 * 1024 ** 2), '1023 MB');
    assert.equal(formatDataSize(1024 ** 3), '1 GB');
    assert.equal(formatDataSize(1536 * 1024 ** 2), '1.5 GB');
    assert.equal(formatDataSize(0.5 * 1024 ** 2), '0.5 MB');
    assert.equal(formatDataSize(0), '0 MB');
    assert.equal(formatDataSize(undefined), '');
    assert.equal(formatDataSize(-1), '');
  });

  it('formats percents with a decimal only below 10 %', () => {
    assert.equal(formatPercent(75), '75%');
    assert.equal(formatPercent(7.54), '7.5%');
    assert.equal(formatPercent(123.4), '123%');
    assert.equal(formatPercent(undefined), '');
  });

  it('describes relative times', () => {
    const now = NOW.getTime();
    assert.equal(relativeTime(now - 3 * 86400_000, now), '3 days ago');
    assert.equal(relativeTime(now - 3600_000, now), '1 hour ago');
    assert.equal(relativeTime(now + 120_000, now), 'in 2 minutes');
    assert.equal(relativeTime(now - 5_000, now), 'just now');
  });
});

describe('buildDetailsViewModel', () => {
  it('titles the panel with the last 6 digits of the ICCID, else of the id', () => {
    assert.equal(build().title, 'SIM 789301');
    assert.equal(panelTitle({ id: 'abcdef-123456789' }), 'SIM 456789');
    assert.equal(build({ sim: listSim({ iccid: null }) }).title, 'SIM d14158');
  });

  it('shows identifiers with copy buttons and the status with its reason and tone', () => {
    const m = build();
    assert.deepEqual(
      m.identifiers.map((r) => [r.label, r.value, r.copy]),
      [
        ['ICCID', '89310410106543789301', 'iccid'],
        ['IMSI', '081932214823362973', 'imsi'],
        ['MSISDN', '+13109976224', 'msisdn'],
        ['SIM ID', '6b14e151-8493-4fa1-8664-1cc4e6d14158', 'id'],
      ],
    );
    assert.equal(m.status.value, 'enabled');
    assert.equal(m.status.label, 'Enabled');
    assert.equal(m.status.tone, 'ok');
    assert.match(m.status.reason, /active/);
    assert.equal(build({ sim: listSim({ status: { value: 'disabled' } }) }).status.tone, 'error');
    assert.equal(build({ sim: listSim({ status: { value: 'unauthorized_imei' } }) }).status.tone, 'error');
    assert.equal(build({ sim: listSim({ status: { value: 'standby' } }) }).status.tone, 'standby');
    assert.equal(build({ sim: listSim({ status: { value: 'enabling' } }) }).status.tone, 'transitional');
    assert.equal(build({ sim: listSim({ status: { value: 'data_limit_exceeded' } }) }).status.tone, 'warning');
    assert.equal(build({ sim: listSim({ status: null }) }).status.tone, 'unknown');
  });

  it('adds the EID row for eSIMs only', () => {
    assert.equal(
      build().identifiers.some((r) => r.label === 'EID'),
      false,
    );
    const esim = build({ sim: listSim({ type: 'esim', eid: '89049032000001000000112233445566' }) });
    assert.equal(field(esim.identifiers, 'EID').value, '89049032000001000000112233445566');
    assert.equal(field(esim.summary, 'Type').value, 'eSIM');
  });

  it('summarises group, tags, IMEIs and dates', () => {
    const m = build({ group: group() });
    const g = field(m.summary, 'Group');
    assert.equal(g.value, 'Fleet A');
    assert.equal(g.secondary, '47a1c2b0-cc7b-4ab1-bb98-b33fb0fc61b9');
    assert.equal(g.copy, 'groupId');
    assert.deepEqual(field(m.summary, 'Tags').items, ['personal', 'customers']);
    assert.deepEqual(field(m.summary, 'Authorized IMEIs').items, ['106516771852751']);
    const created = field(m.summary, 'Created');
    assert.equal(created.date?.iso, '2024-06-12T12:00:00.000Z');
    assert.equal(created.date?.text, '2024-06-12 12:00:00 UTC');
    assert.equal(created.date?.relative, '3 days ago');
  });

  it('shows network fields only once the detail record is loaded, and merges it over the list item', () => {
    assert.equal(build().network, undefined);
    const m = build({ detail: detailSim({ status: { value: 'disabled', reason: 'off' } }) });
    assert.equal(m.status.value, 'disabled', 'detail wins over the list item');
    assert.equal(field(m.network, 'Current IMEI').value, '457032284023794');
    assert.equal(field(m.network, 'IPv4').value, '192.168.0.0');
    assert.equal(field(m.network, 'Network (MCC/MNC)').value, '410/510');
    assert.equal(field(m.network, 'Live data session').value, 'connected');
    assert.equal(field(m.network, 'Device location').value, '41.143, -8.605 (±1250 m)');
    const rec = m.record as Record<string, unknown>;
    assert.equal(rec.current_imei, '457032284023794');
    assert.equal(rec.msisdn, '+13109976224');
    assert.deepEqual(JSON.parse(m.recordJson), m.record);
    assert.match(m.recordJson, /\n  "id": /, 'pretty-printed');
  });

  it('keeps list values the detail leaves undefined', () => {
    const detail: SimCardDetail = { id: listSim().id, ipv4: '1.2.3.4' };
    Object.assign(detail, { tags: undefined }); // present but undefined, which the type does not admit
    const merged = mergeRecords(listSim({ tags: ['a'] }), detail);
    assert.deepEqual(merged.tags, ['a']);
    assert.equal(merged.ipv4, '1.2.3.4');
    assert.equal(copyFieldValue(merged, 'ipv4'), '1.2.3.4');
    assert.equal(copyFieldValue(merged, 'groupId'), '47a1c2b0-cc7b-4ab1-bb98-b33fb0fc61b9');
    assert.equal(copyFieldValue(merged, 'currentImei'), '');
  });

  describe('usage', () => {
    it('compares consumption with the SIM limit', () => {
      const u = build().usage;
      assert.equal(u.state, 'ok');
      assert.equal(u.usedText, '1.5 GB');
      assert.equal(u.limitText, '2 GB');
      assert.equal(u.remainingText, '512 MB');
      assert.equal(u.percent, 75);
      assert.equal(u.percentText, '75%');
      assert.equal(u.barPercent, 75);
      assert.equal(u.limitSource, 'sim');
      assert.equal(u.limitFactText, '2 GB, set on this SIM');
      assert.equal(u.severity, 'ok');
      assert.equal(u.ariaText, '1.5 GB of 2 GB used (75%), 512 MB remaining');
    });

    it('falls back to the group limit when the SIM has none', () => {
      const u = build({ sim: listSim({ data_limit: null }), group: group() }).usage;
      assert.equal(u.limitSource, 'group');
      assert.equal(u.limitText, '5 GB');
      assert.equal(u.percent, 30);
      assert.equal(u.remainingText, '3.5 GB');
      assert.equal(u.limitSourceText, 'Group data limit: Fleet A');
      assert.equal(u.limitFactText, '5 GB, from group Fleet A');
      // A zero SIM limit also means "not set".
      assert.equal(build({ sim: listSim({ data_limit: { amount: '0', unit: 'MB' } }), group: group() }).usage.limitSource, 'group');
    });

    it('has a clear no-limit state', () => {
      const u = build({ sim: listSim({ data_limit: null }), group: group({ data_limit: null }) }).usage;
      assert.equal(u.state, 'noLimit');
      assert.equal(u.limitText, '');
      assert.equal(u.percentText, '');
      assert.equal(u.percent, undefined);
      assert.equal(u.barPercent, 0);
      assert.equal(u.stateText, 'No data limit');
      assert.equal(u.usedText, '1.5 GB');
    });

    it('is "near" from 80 % and "over" above the limit, clamping only the bar', () => {
      assert.equal(build({ sim: listSim({ current_billing_period_consumed_data: { amount: '1700', unit: 'MB' } }) }).usage.state, 'near');
      assert.equal(build({ sim: listSim({ current_billing_period_consumed_data: { amount: '2048', unit: 'MB' } }) }).usage.state, 'near');
      const u = build({ sim: listSim({ current_billing_period_consumed_data: { amount: '2.5', unit: 'GB' } }) }).usage;
      assert.equal(u.state, 'over');
      assert.equal(u.percent, 125);
      assert.equal(u.percentText, '125%');
      assert.equal(u.barPercent, 100);
      assert.equal(u.remainingText, '0 MB', 'remaining is never negative');
      assert.equal(u.stateText, 'Over limit by 512 MB');
    });

    it('reports data_limit_exceeded from the status even without a limit', () => {
      const u = build({ sim: listSim({ status: { value: 'data_limit_exceeded' }, data_limit: null }) }).usage;
      assert.equal(u.state, 'dataLimitExceeded');
      assert.match(u.stateText, /Data limit exceeded/);
    });

    it('never nests parentheses in the limit line, whatever the group is called', () => {
      const named = (name: string) => build({ sim: listSim({ data_limit: null }), group: group({ name }) }).usage;
      // The text from the issue: "Limit 100 MB (Group data limit (Smart meters EU))".
      for (const name of ['Smart meters EU', 'Meters (EU)']) {
        const u = named(name);
        assert.equal(u.limitFactText, `5 GB, from group ${name}`);
        assert.equal((u.limitFactText.match(/\(/g) ?? []).length, (name.match(/\(/g) ?? []).length, 'only the name brings parentheses');
        assert.ok(!u.limitSourceText.includes(`(${name})`));
      }
      assert.equal(build({ sim: listSim({ data_limit: null }), group: group({ name: '' }) }).usage.limitFactText, '5 GB, from its group');
    });

    it('"data limit exceeded" has the severity the tree gives the status (one table)', () => {
      const u = build({ sim: listSim({ status: { value: 'data_limit_exceeded' } }) }).usage;
      const status = build({ sim: listSim({ status: { value: 'data_limit_exceeded' } }) }).status;
      assert.equal(u.severity, 'warning');
      assert.equal(status.tone, 'warning');
      assert.equal(u.codicon, 'warning');
      // The tree shows this status with the warning codicon (src/fleet/status.ts).
      assert.equal(status.codicon, 'warning');
    });

    it('marks identifiers as one-line values', () => {
      const m = build({ sim: listSim(), detail: detailSim() });
      const oneLine = [...m.identifiers, ...(m.network ?? [])].filter((r) => r.oneLine).map((r) => r.label);
      for (const label of ['ICCID', 'SIM ID', 'IPv6', 'IMSI', 'MSISDN']) assert.ok(oneLine.includes(label), label);
    });

    it('copes with missing consumption', () => {
      const u = build({ sim: listSim({ current_billing_period_consumed_data: null }) }).usage;
      assert.equal(u.usedText, '');
      assert.equal(u.limitText, '2 GB');
      assert.equal(u.percent, undefined);
      assert.equal(u.remainingText, '');
      assert.equal(u.state, 'ok');
    });
  });

  describe('sessions', () => {
    it('lists sessions in a compact form', () => {
      const m = build({ logs: [log(), log({ id: 2, stop_time: null, ipv4: null, ipv6: '2001:db8::1', radio_access_technology: null })] });
      assert.equal(m.sessions.status, 'loaded');
      assert.equal(m.sessions.rows.length, 2);
      const a = at(m.sessions.rows, 0);
      const b = at(m.sessions.rows, 1);
      assert.equal(a.start?.text, '2024-06-15 10:00:00 UTC');
      assert.equal(a.stop?.text, '2024-06-15 10:30:00 UTC');
      assert.equal(a.apn, 'data00.telnyx');
      assert.equal(a.network, '310/410');
      assert.equal(a.ip, '100.64.10.1');
      assert.equal(a.rat, 'LTE');
      assert.equal(b.stop, undefined);
      assert.equal(b.ip, '2001:db8::1');
      assert.equal(b.rat, '');
    });

    it('has an empty state, a not-loaded state and an error state', () => {
      assert.equal(build({ logs: [] }).sessions.message, 'No connectivity sessions recorded');
      assert.equal(build().sessions.status, 'notLoaded');
      const e = build({ logsError: 'HTTP 503' }).sessions;
      assert.equal(e.status, 'error');
      assert.match(e.message, /HTTP 503/);
    });
  });

  it('tolerates a record with almost nothing in it', () => {
    const m = build({ sim: { id: 'x1' } });
    assert.equal(m.heading, 'x1');
    assert.equal(m.status.label, 'Unknown');
    assert.equal(field(m.identifiers, 'ICCID').value, '');
    assert.deepEqual(field(m.summary, 'Tags').items, []);
    assert.equal(field(m.summary, 'Created').value, '');
    assert.equal(m.usage.state, 'noLimit');
    assert.equal(m.usage.usedText, '');
  });

  it('passes hostile strings through unchanged as data', () => {
    const hostile = [HOSTILE.script, HOSTILE.img, HOSTILE.quotes, HOSTILE.rtl, HOSTILE.emoji];
    const m = build({
      sim: listSim({ tags: hostile, msisdn: HOSTILE.img, status: { value: 'enabled', reason: HOSTILE.script + HOSTILE.rtl } }),
      group: group({ name: HOSTILE.quotes + HOSTILE.emoji }),
      logs: [log({ apn: HOSTILE.script })],
    });
    assert.deepEqual(field(m.summary, 'Tags').items, hostile);
    assert.equal(field(m.identifiers, 'MSISDN').value, HOSTILE.img);
    assert.equal(m.status.reason, HOSTILE.script + HOSTILE.rtl);
    assert.equal(field(m.summary, 'Group').value, HOSTILE.quotes + HOSTILE.emoji);
    assert.equal(m.usage.limitSourceText, 'SIM data limit');
    assert.equal(at(m.sessions.rows, 0).apn, HOSTILE.script);
    assert.deepEqual((m.record as Record<string, unknown>).tags, hostile);
  });

  it('keeps control and bidi characters out of the panel title', () => {
    assert.equal(panelTitle({ id: 'x', iccid: '8931\u202E0410\n106543' }), 'SIM 106543');
  });

  it('updatedText says "Updated hh:mm" in local time, nothing for a broken time', () => {
    const d = new Date(2024, 5, 15, 9, 5, 59);
    assert.equal(updatedText(d.toISOString(), 'Updated {0}'), 'Updated 09:05');
    assert.equal(updatedText(new Date(2024, 0, 1, 23, 40).toISOString(), 'Updated {0}'), 'Updated 23:40');
    assert.equal(updatedText('not a date', 'Updated {0}'), '');
  });
});
