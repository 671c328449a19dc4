// The fleet overview webview in a real Chromium: the production shell, CSP and bundled
// script served from 127.0.0.1, a fake `acquireVsCodeApi`, a model built from a generated
// fleet. Checks the numbers in the DOM against an independent count of the records, that
// nothing trips the CSP, that clicks post typed messages, and takes one screenshot per theme.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { generateFleet } from '../../mock-api/fleet';
import { buildOverviewModel, type OverviewModel } from '../../src/fleet/overview';
import type { OverviewPersistedState, OverviewWebviewMessage } from '../../src/fleet/overviewMessages';
import { defaultOverviewStrings } from '../../src/fleet/overviewStrings';
import { renderOverviewShell } from '../../src/webview/ui/overview/html';
import { LIFECYCLE_ORDER } from '../unit/helpers/lifecycle';
import { OVERVIEW_THEMES, type ThemeFixture } from './fixtures/overviewThemes';
import {
  REPO,
  ensureWebviewBundle,
  sendToWebview,
  webviewSuite,
  type HarnessWindow,
  type Recorded as HarnessRecorded,
} from './webviewHarness';

const SCRIPT = path.join(REPO, 'dist', 'webview', 'overview.js');
const RESULTS = path.join(REPO, 'test-results');

type Recorded = HarnessRecorded<OverviewWebviewMessage, OverviewPersistedState>;
type TW = HarnessWindow<OverviewWebviewMessage, OverviewPersistedState>;

const HOSTILE_GROUP = '<img src=x onerror="window.__pwned=1">';

function fixture(): { model: OverviewModel; fleet: ReturnType<typeof generateFleet> } {
  const fleet = generateFleet({ seed: 2024, sims: 2500 });
  // One hostile group name, as an API could send.
  const groups = fleet.groups.map((g, i) => (i === 1 ? { ...g, name: HOSTILE_GROUP } : g));
  const model = buildOverviewModel({ sims: fleet.sims, groups, strings: defaultOverviewStrings(), loadedText: '2025-06-01 12:00 UTC' });
  return { model, fleet };
}

/** The production shell of the overview, served from `origin`. */
function overviewShell(origin: string): string {
  return renderOverviewShell({
    cspSource: origin,
    nonce: randomBytes(16).toString('base64url'),
    scriptUri: `${origin}/dist/webview/overview.js`,
    baseStyleUri: `${origin}/media/webview-base.css`,
    styleUri: `${origin}/media/overview.css`,
    title: 'Fleet Overview',
    loadingText: 'Loading fleet overview…',
  });
}

describe('fleet overview webview in Chromium (e2e)', function () {
  this.timeout(90_000);
  const suite = webviewSuite(overviewShell, () =>
    ensureWebviewBundle(path.join(REPO, 'src', 'webview', 'ui', 'overview', 'main.ts'), SCRIPT),
  );
  let page: Page;
  let consoleErrors: string[];
  const { model, fleet } = fixture();

  async function open(theme: ThemeFixture, saved?: OverviewPersistedState): Promise<Page> {
    const look = { viewport: { width: 1280, height: 900 }, colorScheme: theme.colorScheme, vars: theme.vars, bodyClass: theme.bodyClass };
    ({ page, consoleErrors } = await suite.open(look, saved));
    return page;
  }

  async function show(m: OverviewModel): Promise<void> {
    await sendToWebview(page, { type: 'state', model: m });
    await page.locator('.section-status').waitFor();
  }

  const recorded = (): Promise<Recorded> => page.evaluate(() => (window as unknown as TW).__recorded);
  const dark = OVERVIEW_THEMES[0] as ThemeFixture;

  it('shows the counts of the records: statuses, histogram, top 10, groups, attention', async () => {
    await open(dark);
    await show(model);
    // Status bars and their table twin, against a count of the raw records.
    const expected = new Map<string, number>();
    for (const s of fleet.sims) expected.set(s.status?.value ?? 'unknown', (expected.get(s.status?.value ?? 'unknown') ?? 0) + 1);
    const bars = await page
      .locator('.chart-hbar .bar-row')
      .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-key'), r.querySelector('.bar-value')?.textContent ?? '']));
    assert.equal(bars.length, expected.size);
    for (const [key, text] of bars) assert.equal(Number(text?.replace(/,/g, '')), expected.get(key ?? ''), `bar ${key}`);
    assert.deepEqual(
      bars.map(([k]) => k),
      LIFECYCLE_ORDER,
      'lifecycle order',
    );
    const tableCounts = await page.locator('.section-status table tbody tr td:nth-of-type(1)').allTextContents();
    assert.deepEqual(
      tableCounts.map((t) => Number(t.replace(/,/g, ''))),
      bars.map(([k]) => expected.get(k ?? '')),
    );
    // Bar widths follow the counts: the longest bar is the largest count.
    const widths = await page.locator('.chart-hbar rect.bar').evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('width'))));
    const maxIndex = widths.indexOf(Math.max(...widths));
    assert.equal(bars[maxIndex]?.[0], 'enabled');

    const histogram = await page.locator('.section-histogram table tbody tr td').allTextContents();
    assert.equal(
      histogram.reduce((n, t) => n + Number(t.replace(/,/g, '')), 0),
      fleet.sims.length,
      'every SIM in one bucket',
    );
    // Top 10 by data used, from the raw amounts.
    const MB = 1024 * 1024;
    const used = (s: (typeof fleet.sims)[number]): number =>
      Number(s.current_billing_period_consumed_data?.amount ?? 0) *
      (s.current_billing_period_consumed_data?.unit === 'GB' ? 1024 * MB : MB);
    const top = [...fleet.sims].sort((a, b) => used(b) - used(a)).slice(0, 10);
    assert.deepEqual(
      await page.locator('table.top tbody th .link').allTextContents(),
      top.map((s) => s.iccid),
    );
    // Groups with their SIM counts.
    const groupRows = await page
      .locator('table.groups tbody tr')
      .evaluateAll((rows) => rows.map((r) => Array.from(r.children).map((c) => c.textContent ?? '')));
    assert.equal(groupRows.length, fleet.groups.length);
    for (const g of fleet.groups) {
      const name = g.id === fleet.groups[1]?.id ? HOSTILE_GROUP : g.name;
      const row = groupRows.find((r) => r[0] === name);
      assert.ok(row, `row for ${name}`);
      assert.equal(Number(row[1]), fleet.sims.filter((s) => s.sim_card_group_id === g.id).length, `${name} SIM count`);
    }
    // Attention: SIMs without a group, counted from the records.
    const noGroup = fleet.sims.filter((s) => !s.sim_card_group_id).length;
    assert.equal(await page.locator('.card[data-reason="noGroup"] .card-count').textContent(), String(noGroup));
    assert.equal(await page.locator('.summary .total').textContent(), `${fleet.sims.length.toLocaleString('en-US')} SIMs`);
    // Hostile text is text, nothing from data became an element, and nothing broke the CSP.
    assert.equal(await page.evaluate(() => (window as unknown as TW).__pwned), undefined);
    assert.equal(await page.locator('#root img, #root script').count(), 0);
    assert.ok(!suite.server.requests.includes('/x'));
    assert.equal(
      await page.locator('body [style]').count(),
      0,
      'no inline style attributes (only the test sets theme variables on <html>)',
    );
    const r = await recorded();
    assert.deepEqual(r.violations, [], 'no CSP violations');
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(r.states, [{ model }], 'the model is persisted for a window reload');
  });

  it('posts typed messages when a status bar, a group or a SIM is clicked or activated by keyboard', async () => {
    await open(dark);
    await show(model);
    await page.locator('.chart-hbar .bar-row[data-key="standby"]').click();
    await page.getByRole('button', { name: `Filter the SIM Cards view by group ${HOSTILE_GROUP}` }).click();
    const top = model.top[0];
    assert.ok(top);
    await page.getByRole('button', { name: `Open SIM ${top.label}` }).click();
    await page.getByRole('button', { name: 'Filter the SIM Cards view by status Disabled' }).focus();
    await page.keyboard.press('Enter');
    const groupId = fleet.groups[1]?.id ?? '';
    assert.deepEqual((await recorded()).posted, [
      { type: 'ready' },
      { type: 'filterStatus', status: 'standby' },
      { type: 'filterGroup', groupId },
      { type: 'openSim', simId: top.simId },
      { type: 'filterStatus', status: 'disabled' },
    ]);
  });

  it('restores the last model from webview state and ignores invalid messages', async () => {
    await open(dark, { model });
    await page.locator('.section-status').waitFor();
    assert.equal(await page.locator('#root').getAttribute('aria-busy'), 'true', 'marked busy until the host answers');
    assert.equal(await page.locator('.busy').getAttribute('aria-label'), 'Refreshing', 'the busy mark is named for screen readers');
    await page.evaluate(() => window.postMessage({ type: 'state', model: { title: '<b>x</b>' } }, '*'));
    await page.evaluate(() => window.postMessage({ type: 'html', html: '<img src=x onerror="window.__pwned=1">' }, '*'));
    assert.equal(await page.locator('.chart-hbar .bar-row').count(), model.statuses.length);
    assert.equal(await page.evaluate(() => (window as unknown as TW).__pwned), undefined);
  });

  for (const theme of OVERVIEW_THEMES) {
    it(`renders in the ${theme.name} theme (screenshot)`, async () => {
      await open(theme);
      await show(model);
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const expectedBg = { dark: 'rgb(31, 31, 31)', light: 'rgb(255, 255, 255)', 'high-contrast': 'rgb(0, 0, 0)' }[theme.name];
      assert.equal(bg, expectedBg);
      // The enabled bar takes the passed-test colour of the theme.
      const fill = await page.locator('.chart-hbar .bar-row[data-key="enabled"] rect.bar').evaluate((e) => getComputedStyle(e).fill);
      const hex = theme.vars['--vscode-testing-iconPassed'] ?? '';
      const rgb = `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
      assert.equal(fill, rgb);
      fs.mkdirSync(RESULTS, { recursive: true });
      await page.screenshot({ path: path.join(RESULTS, `overview-${theme.name}.png`), fullPage: true });
      assert.deepEqual((await recorded()).violations, []);
    });
  }
});
