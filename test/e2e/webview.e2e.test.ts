// The details webview in a real Chromium: the production HTML shell, CSP and bundled
// script served over HTTP from 127.0.0.1, with a fake `acquireVsCodeApi` standing in for
// VS Code. Checks that hostile API strings stay text, that every control posts its typed
// message, keyboard access, and that the persisted state restores the panel.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { detailsStrings } from '../../src/details/hostStrings';
import { renderDetailsShell } from '../../src/details/html';
import type { HostMessage, PersistedState, WebviewMessage } from '../../src/details/messages';
import type { DetailsViewModel } from '../../src/details/model';
import { buildDetailsViewModel } from '../../src/details/viewModel';
import { HOSTILE, NOW, detailSim, group, listSim, log } from '../unit/details/fixtures';
import { publishScreenshot } from '../host/screenshots';
import { DARK_THEME } from './fixtures/darkTheme';
import { HC_DARK_THEME, HC_LIGHT_THEME, LIGHT_THEME } from './fixtures/themes';
import { REPO, ensureWebviewBundle, sendToWebview, webviewSuite, type HarnessWindow } from './webviewHarness';

const SCRIPT = path.join(REPO, 'dist', 'webview', 'details.js');
const SCREENSHOT = path.join(REPO, 'test-results', 'details-webview', 'hostile.png');
/** Theme and width screenshots (looked at by a person; never tracked files). */
const RESULTS = path.join(REPO, 'test-results', 'details-webview');

const THEMES = [
  { name: 'light', theme: LIGHT_THEME, light: true },
  { name: 'dark', theme: DARK_THEME, light: false },
  { name: 'hc-dark', theme: HC_DARK_THEME, light: false },
  { name: 'hc-light', theme: HC_LIGHT_THEME, light: true },
] as const;

/** WCAG contrast ratio of two opaque sRGB colours given as [r, g, b] 0..255. */
function contrast(a: readonly number[], b: readonly number[]): number {
  const lum = (c: readonly number[]): number => {
    const [r, g, bl] = c.map((v) => {
      const x = v / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

/** A SIM with every long identifier, a long status reason and a group limit from a named group (issue 11). */
function longModel(): DetailsViewModel {
  const sim = listSim({
    type: 'esim',
    eid: '89049032005008882600033418287163',
    data_limit: null,
    current_billing_period_consumed_data: { amount: '4300', unit: 'MB' },
    status: { value: 'enabled', reason: 'The SIM card is active, ready to connect to networks and consume data.' },
  });
  return buildDetailsViewModel({
    sim,
    detail: detailSim({ ...sim, ipv6: '2001:0db8:85a3:0000:0000:8a2e:0370:7334' }),
    group: group({ name: 'Smart meters EU' }),
    logs: [log()],
    now: NOW,
  });
}

/** The page's window with what the fake API and the hostile strings would set. */
type TW = HarnessWindow<WebviewMessage, PersistedState>;

const HOSTILE_TEXTS = Object.values(HOSTILE);

function hostileModel(): DetailsViewModel {
  return buildDetailsViewModel({
    sim: listSim({
      msisdn: HOSTILE.img,
      tags: HOSTILE_TEXTS,
      status: { value: 'enabled', reason: `${HOSTILE.script} ${HOSTILE.rtl}` },
      authorized_imeis: [HOSTILE.quotes],
    }),
    detail: detailSim({
      msisdn: HOSTILE.img,
      tags: HOSTILE_TEXTS,
      status: { value: 'enabled', reason: `${HOSTILE.script} ${HOSTILE.rtl}` },
      authorized_imeis: [HOSTILE.quotes],
      live_data_session: HOSTILE.emoji,
    }),
    group: group({ name: `${HOSTILE.img} ${HOSTILE.emoji}`, data_limit: null }),
    logs: [log({ apn: HOSTILE.script }), log({ id: 138, apn: 'data00.telnyx', stop_time: null, radio_access_technology: '5G' })],
    now: NOW,
  });
}

/** The production shell of a details panel, served from `origin`. */
function detailsShell(origin: string): string {
  return renderDetailsShell({
    cspSource: origin,
    nonce: randomBytes(16).toString('base64url'),
    scriptUri: `${origin}/dist/webview/details.js`,
    baseStyleUri: `${origin}/media/webview-base.css`,
    styleUri: `${origin}/media/details.css`,
    codiconUri: `${origin}/dist/codicons/codicon.css`,
    title: 'SIM 789301',
    strings: detailsStrings(),
  });
}

/** Builds dist/webview/details.js (and the codicons) when `node esbuild.js` has not run. */
async function ensureBundle(): Promise<void> {
  await ensureWebviewBundle(path.join(REPO, 'src', 'webview', 'ui', 'main.ts'), SCRIPT);
  const codicons = path.join(REPO, 'dist', 'codicons');
  fs.mkdirSync(codicons, { recursive: true });
  for (const f of ['codicon.css', 'codicon.ttf']) {
    if (!fs.existsSync(path.join(codicons, f)))
      fs.copyFileSync(path.join(REPO, 'node_modules', '@vscode', 'codicons', 'dist', f), path.join(codicons, f));
  }
}

describe('details webview in Chromium (e2e)', function () {
  this.timeout(60_000);
  const suite = webviewSuite(detailsShell, ensureBundle);
  let page: Page;
  let dialogs: string[];
  let consoleErrors: string[];

  /** Opens the panel like VS Code would, with `saved` as what getState() returns. */
  async function open(
    saved?: PersistedState,
    look: { theme?: Readonly<Record<string, string>>; width?: number; light?: boolean } = {},
  ): Promise<Page> {
    const viewport = { width: look.width ?? 1100, height: 900 };
    const colorScheme = look.light ? 'light' : 'dark';
    ({ page, dialogs, consoleErrors } = await suite.open({ viewport, colorScheme, vars: look.theme ?? DARK_THEME }, saved));
    return page;
  }

  async function send(message: HostMessage | Record<string, unknown>): Promise<void> {
    await sendToWebview(page, message);
  }

  async function showModel(model: DetailsViewModel): Promise<void> {
    await send({ type: 'state', model });
    await page.locator('.section-identifiers').waitFor();
  }

  const posted = (): Promise<WebviewMessage[]> => page.evaluate(() => (window as unknown as TW).__recorded.posted);
  async function clearPosted(): Promise<void> {
    await page.evaluate(() => {
      (window as unknown as TW).__recorded.posted.length = 0;
    });
  }

  it('shows hostile API strings as literal text without running them', async () => {
    await open();
    await showModel(hostileModel());
    const text = await page.locator('#root').innerText();
    for (const s of [HOSTILE.script, HOSTILE.img, HOSTILE.quotes, HOSTILE.emoji, `${HOSTILE.script} ${HOSTILE.rtl}`]) {
      assert.ok(text.includes(s), `text shows ${JSON.stringify(s)} literally`);
    }
    assert.ok(text.includes(JSON.stringify(HOSTILE.script)), 'raw JSON shows the tag as a JSON string');
    assert.ok(text.includes('"abc\\u202egnp.exe"'), 'raw JSON makes the bidi override visible');
    assert.equal(await page.evaluate(() => (window as unknown as TW).__pwned), undefined);
    assert.deepEqual(dialogs, []);
    assert.equal(await page.locator('#root img, #root script, #root iframe').count(), 0, 'no element was created from data');
    assert.equal(await page.locator('script').count(), 1);
    assert.ok(!suite.server.requests.includes('/x'), 'the hostile <img src=x> was never loaded');
    assert.deepEqual(consoleErrors, [], `no CSP violations or script errors (requests: ${suite.server.requests.join(' ')})`);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp ?? '', /^default-src 'none'; .*script-src 'nonce-[A-Za-z0-9_-]+';$/);
    // The status keeps its theme colour; the reason is shown next to it.
    assert.equal(await page.locator('.status').getAttribute('class'), 'status status-ok has-reason');
    assert.equal(await page.locator('.status-label').evaluate((e) => getComputedStyle(e).color), 'rgb(115, 201, 145)');
    // Tags render as one chip each.
    assert.deepEqual(await page.locator('ul[aria-label="Tags"] li').allInnerTexts(), HOSTILE_TEXTS);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    publishScreenshot(SCREENSHOT);
  });

  it('shows usage as a meter with amount, limit, remaining and percent', async () => {
    await open();
    await showModel(buildDetailsViewModel({ sim: listSim(), now: NOW }));
    const meter = page.getByRole('meter', { name: 'Data used this billing period' });
    assert.equal(await meter.getAttribute('aria-valuenow'), '75');
    assert.equal(await meter.getAttribute('aria-valuetext'), '1.5 GB of 2 GB used (75%), 512 MB remaining');
    const usage = await page.locator('.section-usage').innerText();
    for (const s of ['1.5 GB', 'of 2 GB used', '75%', '512 MB', '2 GB, set on this SIM', 'Within limit']) assert.ok(usage.includes(s), s);
    const ratio = await page
      .locator('.meter-fill')
      .evaluate((fill) => fill.getBoundingClientRect().width / (fill.parentElement as HTMLElement).clientWidth);
    assert.ok(Math.abs(ratio - 0.75) < 0.02, `bar is 75 % wide (${ratio})`);

    await showModel(
      buildDetailsViewModel({ sim: listSim({ current_billing_period_consumed_data: { amount: '2.5', unit: 'GB' } }), now: NOW }),
    );
    assert.equal(await meter.getAttribute('aria-valuenow'), '100');
    const over = await page.locator('.section-usage').innerText();
    assert.ok(over.includes('125%') && over.includes('Over limit by 512 MB') && over.includes('0 MB'), over);

    await showModel(buildDetailsViewModel({ sim: listSim({ data_limit: null }), now: NOW }));
    assert.equal(await page.getByRole('meter').count(), 0, 'no gauge without a limit');
    assert.ok((await page.locator('.section-usage').innerText()).includes('No data limit'));

    await showModel(buildDetailsViewModel({ sim: listSim({ status: { value: 'data_limit_exceeded' } }), now: NOW }));
    assert.equal(await page.locator('.usage-state').getAttribute('data-state'), 'dataLimitExceeded');
  });

  it('posts typed messages from every copy button and from the toolbar', async () => {
    await open();
    await showModel(hostileModel());
    await clearPosted();
    const byLabel = new Map([
      ['Copy Group ID', 'groupId'],
      ['Copy ICCID', 'iccid'],
      ['Copy IMEI', 'currentImei'],
      ['Copy IMSI', 'imsi'],
      ['Copy IPv4 address', 'ipv4'],
      ['Copy IPv6 address', 'ipv6'],
      ['Copy MSISDN', 'msisdn'],
      ['Copy SIM ID', 'id'],
    ]);
    const buttons = page.locator('button[aria-label^="Copy "]');
    const labels = await buttons.evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label') ?? ''));
    assert.deepEqual([...labels].sort(), [...byLabel.keys()]);
    for (const label of labels) await page.getByRole('button', { name: label, exact: true }).click();
    assert.deepEqual(
      await posted(),
      labels.map((l) => ({ type: 'copy', field: byLabel.get(l) })),
    );
    await clearPosted();
    await page.getByRole('button', { name: 'Copy JSON' }).click();
    await page.getByRole('button', { name: 'Open as Document' }).click();
    await page.getByRole('button', { name: 'Refresh' }).click();
    assert.deepEqual(await posted(), [{ type: 'copyJson' }, { type: 'openDocument' }, { type: 'refresh' }]);
  });

  it('reaches the copy buttons with Tab and shows a focus outline', async () => {
    await open();
    await showModel(hostileModel());
    await clearPosted();
    let reached = '';
    for (let i = 0; i < 10 && reached !== 'Copy ICCID'; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');
    }
    assert.equal(reached, 'Copy ICCID');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineColor);
    assert.equal(outline, 'rgb(0, 120, 212)', 'focus outline uses --vscode-focusBorder');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Copy IMSI');
    await page.keyboard.press('Enter');
    assert.deepEqual(await posted(), [{ type: 'copy', field: 'imsi' }]);
    // A refresh re-renders the panel; focus stays on the same button.
    await send({ type: 'state', model: hostileModel() });
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Copy IMSI');
  });

  it('saves the model with setState and restores it from getState after a reload', async () => {
    await open();
    const model = hostileModel();
    await showModel(model);
    const states = await page.evaluate(() => (window as unknown as TW).__recorded.states);
    assert.equal(states.length, 1);
    assert.deepEqual(states[0], { simId: model.simId, model });
    await page.context().close();

    await open(states[0]);
    // Rendered from the saved state alone, before the host has sent anything.
    await page.locator('.section-identifiers').waitFor();
    assert.ok((await page.locator('#root').innerText()).includes(HOSTILE.img));
    assert.equal(await page.locator('.busy').count(), 1, 'marked as refreshing until the host answers');
    assert.deepEqual(await posted(), [{ type: 'ready' }]);
    assert.equal(await page.evaluate(() => (window as unknown as TW).__pwned), undefined);
  });

  it('ignores a saved state or host message that fails validation', async () => {
    await open({ simId: 'x', model: { simId: 'x', title: 1 } } as unknown as PersistedState);
    assert.equal(await page.locator('.section-identifiers').count(), 0);
    await send({ type: 'state', model: { simId: 'x' } });
    await send({ type: 'html', html: '<img src=x onerror="window.__pwned=1">' });
    assert.equal(await page.locator('.section-identifiers').count(), 0);
    assert.ok((await page.locator('#root').innerText()).includes('Loading SIM details'));
    assert.equal(await page.evaluate(() => (window as unknown as TW).__pwned), undefined);
  });

  it('shows loading and error states with Retry and Set API Key', async () => {
    await open();
    await showModel(hostileModel());
    await send({
      type: 'error',
      kind: 'notFound',
      message: 'This SIM no longer exists. It may have been deleted or moved to another account.',
    });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /This SIM no longer exists/);
    assert.equal(await page.locator('.section-identifiers').count(), 0, 'old data of a deleted SIM is not shown');
    await clearPosted();
    await page.getByRole('button', { name: 'Retry' }).click();
    assert.deepEqual(await posted(), [{ type: 'refresh' }]);

    await send({ type: 'loading' });
    await send({ type: 'error', kind: 'auth', message: 'Telnyx rejected the API key. Set a valid API key to load this SIM.' });
    await page.getByRole('button', { name: 'Set API Key' }).click();
    assert.deepEqual((await posted()).slice(-1), [{ type: 'setApiKey' }]);

    // A network error keeps the last data visible under the banner.
    await showModel(hostileModel());
    await send({
      type: 'error',
      kind: 'network',
      message: 'Could not reach the Telnyx API (ECONNREFUSED). Check your connection, then retry.',
    });
    await alert.waitFor();
    assert.equal(await page.locator('.section-identifiers').count(), 1);
    assert.equal(await page.getByRole('button', { name: 'Set API Key' }).count(), 0);
  });

  it('lists sessions, shows the empty state and colours collapsible JSON', async () => {
    await open();
    await showModel(hostileModel());
    const rows = page.locator('table.sessions tbody tr');
    assert.equal(await rows.count(), 2);
    const first = await rows.first().locator('td').allInnerTexts();
    assert.deepEqual(first, [
      '2024-06-15 10:00:00 UTC',
      '2024-06-15 10:30:00 UTC',
      'data',
      HOSTILE.script,
      '310/410',
      '100.64.10.1',
      'LTE',
    ]);
    assert.equal(await rows.nth(1).locator('td').nth(1).innerText(), '—');

    const str = page.locator('.json-string').first();
    assert.equal(await str.evaluate((e) => getComputedStyle(e).color), 'rgb(206, 145, 120)');
    assert.equal(
      await page
        .locator('.json-key')
        .first()
        .evaluate((e) => getComputedStyle(e).color),
      'rgb(197, 134, 192)',
    );
    const tagsNode = page.locator('details.json-node[data-path="tags"]');
    assert.equal(await tagsNode.evaluate((d) => (d as HTMLDetailsElement).open), true);
    await tagsNode.locator('> summary').click();
    assert.equal(await tagsNode.evaluate((d) => (d as HTMLDetailsElement).open), false);
    assert.ok((await tagsNode.locator('> summary').innerText()).includes('5 items'));
    // Collapsed nodes stay collapsed when the same SIM is refreshed.
    await send({ type: 'state', model: hostileModel() });
    assert.equal(await tagsNode.evaluate((d) => (d as HTMLDetailsElement).open), false);

    await showModel(buildDetailsViewModel({ sim: listSim(), logs: [], now: NOW }));
    assert.ok((await page.locator('.section-sessions').innerText()).includes('No connectivity sessions recorded'));
    assert.equal(await page.locator('table.sessions').count(), 0);
  });

  describe('in every built-in theme, narrow and wide', () => {
    for (const t of THEMES) {
      for (const width of [360, 1000]) {
        it(`${t.name} at ${width} px: visible meter track, identifiers on one line, no orphan dash, one-level parentheses`, async () => {
          await open(undefined, { theme: t.theme, width, light: t.light });
          const model = longModel();
          await showModel(model);
          fs.mkdirSync(RESULTS, { recursive: true });
          await page.screenshot({ path: path.join(RESULTS, `${t.name}-${width}.png`), fullPage: true });

          // The meter's track: its border stands out from the page (the old track was white on white in Light).
          const colours = await page.locator('.meter').evaluate((meter) => {
            const rgb = (css: string): number[] => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
            const probe = document.createElement('canvas').getContext('2d');
            const solid = (css: string, on: string): number[] => {
              // Resolve translucent colours (color-mix) over the page background, as the screen shows them.
              if (!probe) return rgb(css);
              probe.fillStyle = on;
              probe.fillRect(0, 0, 1, 1);
              probe.fillStyle = css;
              probe.fillRect(0, 0, 1, 1);
              return [...probe.getImageData(0, 0, 1, 1).data.slice(0, 3)];
            };
            const page = getComputedStyle(document.body).backgroundColor;
            const style = getComputedStyle(meter);
            return {
              page: rgb(page),
              border: solid(style.borderTopColor, page),
              track: solid(style.backgroundColor, page),
              width: style.borderTopWidth,
            };
          });
          assert.equal(colours.width, '1px');
          const border = contrast(colours.border, colours.page);
          assert.ok(border >= 2, `meter border contrast ${border.toFixed(2)} against the page (${JSON.stringify(colours)})`);
          assert.ok(contrast(colours.track, colours.page) > 1.1, `meter track differs from the page (${JSON.stringify(colours)})`);

          // Identifiers: one line each, the whole value as the tooltip.
          for (const [label, value] of [
            ['ICCID', '89310410106543789301'],
            ['SIM ID', '6b14e151-8493-4fa1-8664-1cc4e6d14158'],
            ['EID', '89049032005008882600033418287163'],
            ['IPv6', '2001:0db8:85a3:0000:0000:8a2e:0370:7334'],
          ] as const) {
            const v = page.locator('.field', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('.value');
            assert.equal(await v.getAttribute('title'), value, `${label} tooltip`);
            assert.equal(await v.textContent(), value, `${label} text is whole (copy reads the host's record)`);
            const lines = await v.evaluate((e) =>
              Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight)),
            );
            assert.equal(lines, 1, `${label} on one line`);
          }
          const heading = page.locator('h1 .heading');
          assert.equal(await heading.getAttribute('title'), '89310410106543789301');
          assert.equal(
            await heading.evaluate((e) => Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight))),
            1,
          );

          // The dash after the status label never starts a line: it sits on the label's line.
          const dash = await page.locator('.status-label').evaluate((label) => {
            const text = label.firstChild as Text;
            const at = (i: number): number => {
              const r = document.createRange();
              r.setStart(text, i);
              r.setEnd(text, i + 1);
              return r.getBoundingClientRect().top;
            };
            return { text: text.data, first: at(0), last: at(text.data.length - 1) };
          });
          assert.equal(dash.text, 'Enabled\u00a0—');
          assert.equal(dash.last, dash.first);
          assert.ok(!(await page.locator('.status-reason').innerText()).trim().startsWith('—'));

          const limit = await page.locator('.usage-facts').innerText();
          assert.ok(limit.includes('5 GB, from group Smart meters EU'), limit);
          assert.ok(!limit.includes('(('), limit);
          assert.deepEqual(consoleErrors, []);
        });
      }
    }
  });

  it('Refresh shows a busy state at once, then "Updated hh:mm"', async () => {
    await open();
    const model = longModel();
    await showModel(model);
    const built = new Date(model.builtAt);
    const hhmm = `${String(built.getHours()).padStart(2, '0')}:${String(built.getMinutes()).padStart(2, '0')}`;
    assert.equal(await page.locator('.updated').innerText(), `Updated ${hhmm}`);
    await clearPosted();
    await page.getByRole('button', { name: 'Refresh' }).click();
    // Before the host has answered anything.
    assert.equal(await page.locator('.button.is-busy').count(), 1);
    assert.equal(await page.locator('.updated').innerText(), 'Refreshing…');
    // Marked disabled for assistive technology; a forced click must still send nothing.
    assert.equal(await page.getByRole('button', { name: 'Refresh' }).getAttribute('aria-disabled'), 'true');
    await page.getByRole('button', { name: 'Refresh' }).click({ force: true });
    assert.deepEqual(await posted(), [{ type: 'refresh' }], 'a second click while busy sends nothing');
    await send({ type: 'loading' });
    await send({ type: 'state', model });
    await page.locator('.updated', { hasText: `Updated ${hhmm}` }).waitFor();
    assert.equal(await page.locator('.button.is-busy').count(), 0);
  });

  it('a preview panel offers Keep Open, which posts keepOpen; a kept panel does not', async () => {
    await open();
    await showModel(longModel());
    assert.equal(await page.getByRole('button', { name: 'Keep Open' }).count(), 0);
    await send({ type: 'mode', preview: true });
    await clearPosted();
    await page.getByRole('button', { name: 'Keep Open' }).click();
    assert.deepEqual(await posted(), [{ type: 'keepOpen' }]);
    await send({ type: 'mode', preview: false });
    assert.equal(await page.getByRole('button', { name: 'Keep Open' }).count(), 0);
  });
});
