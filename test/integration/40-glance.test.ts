// The fleet at a glance in the real VS Code host against the local Telnyx API: needs-attention
// counts (badge, status bar), the overview webview's numbers and clicks, auto-refresh gating
// and backoff, and export to CSV/JSON. Expected values are computed here from the local
// API's own data, never from the extension's code.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MockApi } from '../../mock-api/server';
import type { TestApi } from '../../src/extension';
import { statusLabel } from '../../src/fleet/status';
import type { SimCardDetail } from '../../src/telnyx/types';
import { bridgeAvailable, pressKey, screenshot, text, typeText, webviewClick, webviewText } from '../host/bridgeClient';
import { parseCsv } from '../unit/helpers/csv';
import { TEST_KEY, loadedWith, setSetting, waitFor, waitForLoaded } from './helpers';

const UNITS: Record<string, number> = { KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 };

function bytes(a: { amount?: unknown; unit?: unknown } | null | undefined): number | undefined {
  if (!a || a.amount == null) return undefined;
  const n = Number(a.amount);
  const unit = typeof a.unit === 'string' ? a.unit.toUpperCase() : 'MB';
  const f = UNITS[unit];
  return f !== undefined && Number.isFinite(n) ? n * f : undefined;
}

interface Expected {
  total: number;
  limitExceeded: number;
  unauthorizedImei: number;
  nearLimit: number;
  noGroup: number;
  actionInProgress: number;
}

/** The needs-attention counts, from the records the list endpoint serves (no current_imei there). */
function expectedAttention(mock: MockApi, threshold = 80): Expected {
  const groups = new Map(mock.fleet.groups.map((g) => [g.id, g]));
  const out: Expected = { total: 0, limitExceeded: 0, unauthorizedImei: 0, nearLimit: 0, noGroup: 0, actionInProgress: 0 };
  for (const sim of mock.fleet.sims) {
    const status = sim.status?.value ?? '';
    const groupId = sim.sim_card_group_id ?? '';
    const own = bytes(sim.data_limit);
    const limit = own !== undefined && own > 0 ? own : bytes(groupId ? groups.get(groupId)?.data_limit : undefined);
    const used = bytes(sim.current_billing_period_consumed_data);
    const hasLimit = limit !== undefined && limit > 0 && used !== undefined;
    const exceeded = status === 'data_limit_exceeded' || (hasLimit && used > limit);
    const flags = {
      limitExceeded: exceeded,
      unauthorizedImei: status === 'unauthorized_imei',
      nearLimit: !exceeded && hasLimit && (used / limit) * 100 >= threshold,
      noGroup: groupId === '',
      actionInProgress: sim.actions_in_progress === true || ['registering', 'enabling', 'disabling', 'setting_standby'].includes(status),
    };
    let any = false;
    for (const [k, v] of Object.entries(flags) as [keyof typeof flags, boolean][]) {
      if (v) {
        out[k]++;
        any = true;
      }
    }
    if (any) out.total++;
  }
  return out;
}

const fmt = (n: number): string => n.toLocaleString('en-US');
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const simListRequests = (mock: MockApi): number => mock.requests.filter((r) => r.path === '/v2/sim_cards').length;

/** Every SIM the local API lists for `filter[status]=<status>`, fetched here over plain HTTP. */
async function serverSims(mock: MockApi, status: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (let page = 1; ; page++) {
    const res = await fetch(`${mock.url}/sim_cards?filter%5Bstatus%5D=${status}&page%5Bnumber%5D=${page}&page%5Bsize%5D=250`, {
      headers: { authorization: `Bearer ${TEST_KEY}` },
    });
    const body = (await res.json()) as { data: Record<string, unknown>[]; meta: { total_pages: number } };
    out.push(...body.data);
    if (page >= body.meta.total_pages) return out;
  }
}

describe('fleet at a glance (4x-glance)', () => {
  let mock: MockApi;
  let ext: TestApi;
  let expected: Expected;

  before(async () => {
    await setSetting('autoRefreshMinutes', undefined);
    ({ mock, ext } = await loadedWith({ sims: 400, seed: 7 }));
    await setSetting('attention.show', undefined); // loadedWith turns it off for the tree-shape suites
    // Hostile tags on a few enabled SIMs (the export must keep them as text).
    const enabled = mock.fleet.sims.filter((s) => s.status?.value === 'enabled').slice(0, 3);
    const hostile = ['=HYPERLINK("http://evil.example/x","click")', 'a,b', 'say "hi"', 'line1\nline2'];
    enabled.forEach((s: SimCardDetail, i) => {
      s.tags = i === 0 ? hostile : [...hostile].reverse();
    });
    await ext.fleet.refresh();
    await waitForLoaded(ext);
    expected = expectedAttention(mock);
  });

  after(async () => {
    await setSetting('autoRefreshMinutes', undefined);
    await ext.fleet.setOptions({ filter: {} });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    await mock.close();
  });

  it('counts the SIMs that need attention as the local API data says; badge and status bar show it', async () => {
    assert.ok(expected.total > 0 && expected.noGroup >= 0, 'the test fleet has SIMs needing attention');
    const summary = await waitFor('the attention summary', () =>
      ext.glance.tracker.total === mock.fleet.sims.length ? ext.glance.tracker.summary : undefined,
    );
    assert.equal(summary.total, expected.total);
    assert.deepEqual(summary.counts, {
      limitExceeded: expected.limitExceeded,
      unauthorizedImei: expected.unauthorizedImei,
      nearLimit: expected.nearLimit,
      noGroup: expected.noGroup,
      actionInProgress: expected.actionInProgress,
    });
    assert.equal(ext.view.treeView.badge?.value, expected.total, 'the view badge');
    assert.match(String(ext.view.treeView.badge?.tooltip), /need attention/);
    const item = ext.glance.statusBar.item;
    assert.equal(item.text, `$(radio-tower) ${fmt(mock.fleet.sims.length)} SIMs, ${fmt(expected.total)} need attention`);
    const tooltip = item.tooltip as vscode.MarkdownString;
    assert.equal(tooltip.isTrusted, false);
    const enabled = mock.fleet.sims.filter((s) => s.status?.value === 'enabled').length;
    assert.ok(tooltip.value.includes(`Enabled: ${fmt(enabled)}`), tooltip.value);
    assert.match(tooltip.value, /Last loaded at/);
    if (bridgeAvailable()) {
      const bar = await waitFor('the status bar entry', async () =>
        (await text('.statusbar-item')).find((t) => t.includes('need attention')),
      );
      assert.ok(bar.includes(`${fmt(mock.fleet.sims.length)} SIMs, ${fmt(expected.total)} need attention`), bar);
    }
  });

  it('the setting hides the badge and the status bar item; a threshold change recounts', async () => {
    await setSetting('attention.show', false);
    await waitFor('no badge', () => ext.view.treeView.badge === undefined);
    await setSetting('attention.show', undefined);
    await waitFor('the badge again', () => ext.view.treeView.badge?.value === expected.total);
    const at50 = expectedAttention(mock, 50);
    await setSetting('attention.usageThreshold', 50);
    await waitFor(
      'the recount at 50%',
      () => ext.glance.tracker.summary.counts.nearLimit === at50.nearLimit && ext.view.treeView.badge?.value === at50.total,
    );
    await setSetting('attention.usageThreshold', undefined);
    await waitFor('the recount at 80%', () => ext.view.treeView.badge?.value === expected.total);
  });

  it('the overview renders the charts with the fleet numbers; a status bar click filters, a SIM click opens it', async function () {
    if (!bridgeAvailable()) this.skip(); // the webview DOM needs the browser bridge
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('telnyxSims.showOverview');
    await waitFor('the overview panel', () => ext.glance.overview.visible);
    const header = await waitFor('the overview header', async () => {
      const t = await webviewText('header').catch(() => '');
      return t.includes('SIMs') ? t : undefined;
    });
    assert.ok(header.includes(`${fmt(mock.fleet.sims.length)} SIMs`), header);
    assert.ok(header.includes(`${fmt(expected.total)} need attention`), header);

    // Status table twin of the bar chart: one row per status, counts from the local API's data.
    const byStatus = new Map<string, number>();
    for (const s of mock.fleet.sims) byStatus.set(s.status?.value ?? '', (byStatus.get(s.status?.value ?? '') ?? 0) + 1);
    const statusTable = await webviewText('.section-status table');
    for (const [status, n] of byStatus) {
      // Labels are display text (from the extension); the numbers are what is checked.
      const label = statusLabel(status).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      assert.match(statusTable, new RegExp(`${label}\\s+${fmt(n)}\\b`), `status ${status} in ${statusTable}`);
    }
    // The SVG bars carry the same counts.
    const bars = await webviewText('.section-status');
    for (const n of byStatus.values()) assert.ok(bars.includes(fmt(n)), `bar value ${n}`);
    const attention = await webviewText('.section-attention');
    for (const [label, n] of [
      ['Data limit exceeded', expected.limitExceeded],
      ['Near data limit', expected.nearLimit],
      ['Not in a SIM card group', expected.noGroup],
      ['Action in progress', expected.actionInProgress],
    ] as const) {
      assert.match(attention, new RegExp(`${fmt(n)}\\s+${label}`), `${label} in ${attention}`);
    }
    const histogram = await webviewText('.section-histogram table');
    const histogramTotal = [...histogram.matchAll(/\t([\d,]+)\s*$/gm)].reduce((sum, m) => sum + Number((m[1] ?? '').replace(/,/g, '')), 0);
    assert.equal(histogramTotal, mock.fleet.sims.length, `every SIM in one histogram bucket: ${histogram}`);

    for (const [theme, name] of [
      ['Default Dark Modern', 'overview-dark'],
      ['Default Light Modern', 'overview-light'],
      ['Default High Contrast', 'overview-high-contrast'],
    ] as const) {
      await vscode.workspace.getConfiguration('workbench').update('colorTheme', theme, vscode.ConfigurationTarget.Global);
      await sleep(1200);
      await screenshot(name);
    }
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', 'Default Dark Modern', vscode.ConfigurationTarget.Global);

    // The SIM using the most data opens in its details panel.
    const top = [...mock.fleet.sims].sort(
      (a, b) => (bytes(b.current_billing_period_consumed_data) ?? 0) - (bytes(a.current_billing_period_consumed_data) ?? 0),
    )[0];
    assert.ok(top);
    await webviewClick('.section-top button.link', String(top.iccid));
    await waitFor('the details panel of the top SIM', () => ext.panels.openSimIds().includes(top.id));
    await vscode.commands.executeCommand('telnyxSims.showOverview');
    await waitFor('the overview again', () => ext.glance.overview.visible);

    // Clicking the "Disabled" bar filters the tree; the next list request carries filter[status].
    const before = mock.requests.length;
    await webviewClick('.chart-hbar .bar-row[data-key="disabled"]');
    await waitFor('the status filter', () => ext.fleet.model.options.filter.status?.join() === 'disabled');
    const request = await waitFor('the filtered request', () => mock.requests.slice(before).find((r) => r.path === '/v2/sim_cards'));
    assert.equal(request.query['filter[status]'], 'disabled');
    await waitForLoaded(ext);
    await waitFor('the overview of the filtered fleet', () => ext.glance.overview.model?.total === byStatus.get('disabled'));
  });

  it('the overview ignores a status the loaded fleet does not have', async () => {
    await ext.fleet.setOptions({ filter: {} });
    await waitForLoaded(ext);
    if (!ext.glance.overview.isOpen) await ext.glance.showOverview();
    const statuses = ext.glance.overview.model?.statuses.map((s) => s.status) ?? [];
    assert.ok(!statuses.includes('made_up'));
    assert.deepEqual(ext.fleet.model.options.filter, {});
  });

  it('auto-refresh runs only while visible, and backs off after an error', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.view.extension.telnyxSims');
    await waitFor('the view visible', () => ext.view.treeView.visible);
    await waitFor('window focus', () => vscode.window.state.focused, 10_000).catch(() => {
      throw new Error('the test window is not focused: auto-refresh waits for focus');
    });
    // Test mode takes fractional minutes: 0.02 min = 1.2 s.
    await setSetting('autoRefreshMinutes', 0.02);
    const runs0 = ext.glance.autoRefresh.state.runs;
    const requests0 = simListRequests(mock);
    await waitFor('two automatic refreshes', () => ext.glance.autoRefresh.state.runs >= runs0 + 2, 20_000);
    await waitForLoaded(ext);
    assert.ok(simListRequests(mock) > requests0, 'auto-refresh reloaded the list');

    // Hidden (another view container in the sidebar, no overview): no more refreshes.
    await vscode.commands.executeCommand('workbench.view.explorer');
    await waitFor('the view hidden', () => !ext.view.treeView.visible);
    await waitForLoaded(ext);
    const runsHidden = ext.glance.autoRefresh.state.runs;
    const requestsHidden = simListRequests(mock);
    await sleep(4 * 1200);
    assert.equal(ext.glance.autoRefresh.state.runs, runsHidden, 'no automatic refresh while hidden');
    assert.equal(simListRequests(mock), requestsHidden, 'no list request while hidden');
    assert.equal(ext.glance.autoRefresh.state.timerArmed, false);

    // Visible again, the API failing: the wait doubles after each failure.
    mock.addFault({ path: '/sim_cards', kind: 'status', status: 422, times: 1000 });
    await vscode.commands.executeCommand('workbench.view.extension.telnyxSims');
    await waitFor('a failed automatic refresh', () => ext.glance.autoRefresh.state.backoffLevel >= 1, 20_000);
    const interval = ext.glance.autoRefresh.state.intervalMs;
    assert.equal(ext.fleet.phase, 'error');
    assert.ok(ext.glance.statusBar.item.backgroundColor instanceof vscode.ThemeColor, 'warning background while the last load failed');
    await waitFor('a second failure', () => ext.glance.autoRefresh.state.backoffLevel >= 2, 20_000);
    assert.equal(ext.glance.autoRefresh.state.nextDelayMs, interval * 2 ** ext.glance.autoRefresh.state.backoffLevel);
    // Recovered: the next refresh succeeds and the interval is back to normal.
    mock.clearFaults();
    await waitFor(
      'a successful refresh after the backoff',
      () => ext.glance.autoRefresh.state.backoffLevel === 0 && ext.fleet.phase === 'loaded',
      30_000,
    );
    assert.equal(ext.glance.statusBar.item.backgroundColor, undefined);
    await setSetting('autoRefreshMinutes', undefined);
    await waitFor('auto-refresh off', () => ext.glance.autoRefresh.state.intervalMs === 0 && !ext.glance.autoRefresh.state.timerArmed);
  });

  describe('export', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'telnyx-export-'));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    /**
     * Runs "Export SIM Cards..." answering its quick picks with the keyboard and its save dialog
     * through the test seam. In about one full run in seven the workbench closed the format step
     * before any key reached it (no quick input left on screen, the command ended with nothing
     * exported); when the command ends unanswered, the page is photographed and the export run
     * once more. The assertions are on the file either way.
     */
    async function runExport(format: 'CSV' | 'JSON', file: string): Promise<void> {
      for (let attempt = 1; ; attempt++) {
        if (await answerExport(format, file)) return;
        const shot = await screenshot(`export-picker-closed-${format}-${attempt}`);
        console.log(`export: the picker closed before it was answered (attempt ${attempt}; ${shot ?? 'no screenshot'})`);
        assert.ok(attempt < 2, 'the export picker stayed open long enough to be answered');
      }
    }

    /** One try: false when the command ended without writing the file (its picker closed unanswered). */
    async function answerExport(format: 'CSV' | 'JSON', file: string): Promise<boolean> {
      ext.setSaveDialogAnswer(vscode.Uri.file(file));
      let ended = false;
      const done = Promise.resolve(vscode.commands.executeCommand('telnyxSims.exportSimCards')).finally(() => {
        ended = true;
      });
      // With SIM rows selected (an earlier test may leave one), a first step asks what to export:
      // read what the picker shows rather than the selection, which reaches the host later. Wait
      // for one of the two steps among the rows on screen: rows of an earlier picker stay in the page, hidden.
      const visibleRows = (): Promise<string[]> => text('.quick-input-list .monaco-list-row:visible');
      const rows = await waitFor('the scope or the format step', async () => {
        const shown = await visibleRows();
        return shown.some((row) => row.includes('Current view') || row.includes('JSON')) ? shown : ended ? [] : undefined;
      });
      if (rows.some((row) => row.includes('Current view'))) {
        await pressKey('Enter'); // "Current view" comes first
      }
      const formatStep = await waitFor('the format step', async () =>
        (await visibleRows()).some((row) => row.includes('JSON')) ? 'shown' : ended ? 'ended' : undefined,
      );
      if (formatStep === 'ended') {
        await done;
        return false;
      }
      await typeText(format);
      // Enter only once the typed filter has moved the focus to the format (else it may accept nothing).
      const focused = await waitFor('the format focused', async () =>
        (await text('.quick-input-list .monaco-list-row.focused:visible')).some((row) => row.includes(format))
          ? 'focused'
          : ended
            ? 'ended'
            : undefined,
      );
      if (focused === 'focused') await pressKey('Enter');
      await done;
      // The command writes the file before it ends: none means the picker closed unanswered.
      return fs.existsSync(file);
    }

    before(async () => {
      await ext.fleet.setOptions({ filter: { status: ['enabled'] } });
      await waitFor(
        'the enabled SIMs',
        () =>
          ext.fleet.phase === 'loaded' &&
          ext.fleet.model.options.filter.status?.join() === 'enabled' &&
          ext.fleet.model.status.kind === 'complete',
      );
    });

    it('writes a CSV whose rows are the server SIMs of the current filter, hostile values kept as text', async function () {
      if (!bridgeAvailable()) this.skip(); // the quick picks are answered with the keyboard
      this.timeout(120_000); // room for a second try (runExport)
      const file = path.join(dir, 'sims.csv');
      const before = mock.requests.length;
      await runExport('CSV', file);
      const listed = mock.requests.slice(before).filter((r) => r.path === '/v2/sim_cards');
      assert.ok(listed.length > 0 && listed.every((r) => r.query['filter[status]'] === 'enabled'), 'fetched fresh with the filter');
      const server = await serverSims(mock, 'enabled');
      const rows = parseCsv(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
      const head = rows[0] ?? [];
      assert.equal(head[0], 'id');
      const col = (name: string): number => head.indexOf(name);
      const body = rows.slice(1);
      assert.equal(body.length, server.length);
      assert.deepEqual(body.map((r) => r[col('id')]).sort(), server.map((s) => String(s.id)).sort());
      const byId = new Map(body.map((r) => [r[col('id')], r]));
      for (const s of server) {
        const row = byId.get(String(s.id));
        assert.ok(row);
        assert.equal(row[col('iccid')], s.iccid);
        assert.equal(row[col('status')], 'enabled');
        const tags = (s.tags as string[]).join('; ');
        const guarded = /^[=+\-@\t\r]/.test(tags) ? `'${tags}` : tags;
        assert.equal(row[col('tags')], guarded, `tags of ${String(s.id)}`);
      }
      const hyperlink = body.find((r) => (r[col('tags')] ?? '').includes('HYPERLINK'));
      assert.ok(hyperlink?.[col('tags')]?.startsWith(`'=HYPERLINK("http://evil.example/x","click")`), 'formula kept as text');
      assert.ok(
        body.some((r) => (r[col('tags')] ?? '').includes('line1\nline2')),
        'newline kept inside the cell',
      );
      assert.deepEqual(
        fs.readdirSync(dir).filter((f) => f.endsWith('.part')),
        [],
        'no temp file left',
      );
    });

    it('writes a JSON array equal to the server records of the current filter', async function () {
      if (!bridgeAvailable()) this.skip();
      this.timeout(120_000);
      const file = path.join(dir, 'sims.json');
      await runExport('JSON', file);
      const exported = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>[];
      const server = await serverSims(mock, 'enabled');
      const sortById = (a: Record<string, unknown>, b: Record<string, unknown>): number => String(a.id).localeCompare(String(b.id));
      assert.deepEqual([...exported].sort(sortById), [...server].sort(sortById));
    });
  });
});
