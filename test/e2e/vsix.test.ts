// The packaged extension, as a user gets it: build the VSIX, install it into a clean code-server,
// point it at the local Telnyx API with TELNYX_API_KEY, and look at the SIM Cards view in Chromium.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { startMockApi, type MockApi } from '../../mock-api/server';
import { launchBrowser, type BrowserSession } from '../../scripts/lib/browser';
import { killServersOnSignals, startCodeServer, type CodeServer } from '../../scripts/lib/codeServer';
import { codeServerEntry, repoRoot } from '../../scripts/lib/paths';
import { buildVsix, installVsix, packageVersion, unzipText, zipEntries } from './e2eUtil';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { bundleSizes } = require(path.join(repoRoot, 'scripts', 'bundleSize.js')) as {
  bundleSizes(read: (rel: string) => string): { activation: number; total: number; files: Map<string, { bytes: number; eager: boolean }> };
};

const EXTENSION_FOLDER = `telnyx-sim-explorer.telnyx-sim-explorer-${packageVersion()}`;
const API_KEY = 'vsix-e2e-key-51d2';

/** The status group row, e.g. "Enabled 25" (label and description are separate spans). */
function groupRow(page: Page, label: string): Locator {
  return page.locator('.pane-body .monaco-list-row').filter({ hasText: new RegExp(`^\\s*${label}\\s*\\d+\\s*$`) });
}

/** The image paths a README shows, in order. */
function readmeImages(markdown: string): string[] {
  return [...markdown.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '');
}

/** Where vsce points README images: the repository's raw files (package.json `repository`). */
function rawBase(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { repository: { url: string } };
  return `${manifest.repository.url.replace(/\.git$/, '')}/raw/HEAD`;
}

/** Waits until the local API has answered a request for `pathEnd` (the panel reads its SIM). */
async function waitForRequest(api: MockApi, pathEnd: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!api.requests.some((r) => r.path.endsWith(pathEnd))) {
    if (Date.now() > deadline) throw new Error(`no request for ${pathEnd}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('packaged VSIX in a clean VS Code (e2e)', function () {
  this.timeout(240_000);
  let tmp: string;
  let vsix: string;
  let api: MockApi | undefined;
  let server: CodeServer | undefined;
  let browser: BrowserSession | undefined;

  before(function () {
    if (!fs.existsSync(codeServerEntry)) {
      throw new Error('code-server is not installed; run bash scripts/install-code-server.sh (npm test does).');
    }
    killServersOnSignals();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'telnyx-sims-vsix-'));
    vsix = buildVsix(tmp);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await api?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && browser) {
      const file = path.join(repoRoot, 'test-results', 'vsix-failure.png');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      await browser.page.screenshot({ path: file }).catch(() => undefined);
      console.log(`      screenshot of the failure: ${path.relative(repoRoot, file)}`);
    }
  });

  it('holds only the bundle, media, manifest and docs', () => {
    const files = zipEntries(vsix).filter((f) => f.startsWith('extension/'));
    const allowed =
      /^extension\/(dist\/.+\.(js|css|ttf)|media\/.+|l10n\/.+\.json|package(\.nls(\.[\w-]+)?)?\.json|readme\.md|changelog\.md|LICENSE\.txt)$/i;
    const stray = files.filter((f) => !allowed.test(f));
    assert.deepEqual(stray, [], 'unexpected files in the VSIX');
    for (const needed of ['extension/package.json', 'extension/dist/extension.js', 'extension/readme.md', 'extension/LICENSE.txt']) {
      assert.ok(files.includes(needed), `${needed} is missing from the VSIX`);
    }
    assert.ok(
      !files.some((f) => f.includes('node_modules') || f.endsWith('.ts') || f.endsWith('.map')),
      'sources, maps or node_modules leaked in',
    );
  });

  it('reads under 120 KB of it at activation, the rest on demand, and takes the VS Code API as it is', () => {
    const packaged = new Set(zipEntries(vsix));
    const read = (rel: string): string => unzipText(vsix, `extension/${rel}`);
    const sizes = bundleSizes(read);
    const reached = [...sizes.files.keys()].map((f) => `extension/${f}`);
    const shipped = [...packaged].filter((f) => /^extension\/dist\/(extension|chunks\/.+)\.js$/.test(f));
    assert.deepEqual([...shipped].sort(), [...reached].sort(), 'every chunk shipped is reached from dist/extension.js, and is shipped');
    assert.ok(sizes.activation < 120_000, `activation reads ${sizes.activation} B`);
    assert.ok(sizes.total > sizes.activation, 'some code is left for first use');
    // esbuild's own ESM-to-CommonJS pass wraps the API in a copy per module (a getter per name): 30-80 ms of activation.
    for (const file of reached) {
      const text = unzipText(vsix, file);
      assert.ok((text.match(/require\("vscode"\)/g)?.length ?? 0) <= 1, `${file} requires vscode once at most`);
      assert.doesNotMatch(text, /[\w$]\(require\("vscode"\)\)/, `${file} wraps the VS Code API`);
    }
    assert.ok(fs.statSync(vsix).size < 150 * 1024, `the VSIX is ${fs.statSync(vsix).size} B`);
  });

  it('links every README image by an https URL into the repository, and ships none of them', () => {
    const files = new Set(zipEntries(vsix));
    const images = readmeImages(unzipText(vsix, 'extension/readme.md'));
    const source = readmeImages(fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8'));
    assert.ok(source.length > 0, 'the README shows images');
    // VS Code's extension page loads only https images (its webview's CSP), so a relative link shows alt text.
    assert.deepEqual(
      images,
      source.map((image) => `${rawBase()}/${image}`),
      'each image is rewritten to the raw URL of the same file in the repository',
    );
    for (const image of source) {
      assert.ok(fs.existsSync(path.join(repoRoot, image)), `${image} is a file in the repository`);
      assert.ok(!files.has(`extension/${image}`), `${image} is not packed into the VSIX`);
    }
  });

  it('installs with code-server --install-extension', () => {
    const extensionsDir = path.join(tmp, 'extensions');
    const output = installVsix(vsix, extensionsDir, path.join(tmp, 'install-user-data'));
    assert.match(output, /successfully installed/i);
    const installed = path.join(extensionsDir, EXTENSION_FOLDER);
    assert.ok(fs.existsSync(path.join(installed, 'dist', 'extension.js')), `${EXTENSION_FOLDER}/dist/extension.js not installed`);
    assert.ok(!fs.existsSync(path.join(installed, 'src')), 'sources were installed');
  });

  it('shows the fleet by status, with counts from the API, and SIM rows labelled by ICCID', async () => {
    api = await startMockApi({ port: 0, sims: 60, seed: 42, apiKey: API_KEY });
    const enabled = api.fleet.sims.filter((s) => s.status?.value === 'enabled');
    assert.ok(enabled.length > 0, 'the mock fleet has enabled SIMs');
    const workspace = path.join(tmp, 'workspace');
    fs.mkdirSync(workspace);
    server = await startCodeServer({
      workspace,
      extensionsDir: path.join(tmp, 'extensions'),
      env: { TELNYX_API_KEY: API_KEY },
      settings: { 'telnyxSims.apiBaseUrl': api.url },
    });
    browser = await launchBrowser();
    const page = browser.page;
    await page.goto(server.url);

    // Nothing opened the view yet: a user clicks the Telnyx item in the activity bar.
    const activityItem = page
      .locator('.activitybar .action-item [aria-label^="Telnyx"], .activitybar .action-item[aria-label^="Telnyx"]')
      .first();
    await activityItem.waitFor({ timeout: 90_000 });
    await activityItem.click();

    const enabledRow = groupRow(page, 'Enabled').first();
    await enabledRow.waitFor({ timeout: 60_000 });
    const count = Number(/(\d+)\s*$/.exec(await enabledRow.innerText())?.[1]);
    assert.equal(count, enabled.length, 'the Enabled group count matches the API');

    await enabledRow.click(); // expands the group
    // A row shows the end of the ICCID ("…001012687541"), where the SIMs of one fleet differ.
    const simRow = page
      .locator('.pane-body .monaco-list-row')
      .filter({ hasText: /…\d{12}\b/ })
      .first();
    await simRow.waitFor({ timeout: 30_000 });
    const shown = /…(\d{12})\b/.exec(await simRow.innerText())?.[1];
    assert.ok(
      shown && enabled.some((s) => String(s.iccid).endsWith(shown)),
      `the first SIM row (…${shown}) is an enabled SIM of the fleet`,
    );

    // A click opens the SIM's details: its command and the panel's code are chunks read now, from the installed extension.
    const sim = enabled.find((s) => String(s.iccid).endsWith(shown ?? '-'));
    await simRow.click();
    const tab = page.locator('.tabs-container .tab', { hasText: `SIM ${String(sim?.iccid).slice(-6)}` }).first();
    await tab.waitFor({ timeout: 30_000 });
    await waitForRequest(api, `/sim_cards/${String(sim?.id)}`);

    // The key came from the environment and went only into the Authorization header.
    const listCalls = api.requests.filter((r) => r.path.endsWith('/sim_cards'));
    assert.ok(listCalls.length > 0 && listCalls.every((r) => r.authorized), 'the SIM list was fetched with the key');
  });
  it('shows its README images on the extension page', async () => {
    assert.ok(browser && server, 'the previous test started code-server and the browser');
    const page = browser.page;
    // No internet here: the repository's raw URLs are answered from the working tree, as GitHub would.
    const base = `${rawBase()}/`;
    const served: string[] = [];
    await browser.context.route(
      (url) => url.href.startsWith(base),
      async (route) => {
        const relative = decodeURIComponent(route.request().url().slice(base.length));
        served.push(relative);
        await route.fulfill({ path: path.join(repoRoot, relative), contentType: 'image/png' });
      },
    );
    await page.keyboard.press('Control+Shift+X');
    const item = page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'Telnyx SIM Explorer' }).first();
    await item.click({ timeout: 60_000 });

    const expected = readmeImages(fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8'));
    let loaded: { src: string; width: number }[] = [];
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      for (const frame of page.frames()) {
        const found = await frame
          .$$eval('img', (imgs) => imgs.map((img) => ({ src: img.getAttribute('src') ?? '', width: img.complete ? img.naturalWidth : 0 })))
          .catch(() => []);
        const readme = found.filter((img) => img.src.startsWith(base));
        if (readme.length >= expected.length && readme.every((img) => img.width > 0)) loaded = readme;
      }
      if (loaded.length > 0) break;
      await page.waitForTimeout(500);
    }
    const file = path.join(repoRoot, 'test-results', 'vsix-extension-page.png');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await page.screenshot({ path: file });
    assert.deepEqual(
      loaded.map((img) => img.src.slice(base.length)).sort(),
      [...expected].sort(),
      `every README image renders on the extension page (see ${path.relative(repoRoot, file)})`,
    );
    assert.ok(
      loaded.every((img) => img.width > 0),
      'each image decoded with a width',
    );
    assert.deepEqual([...new Set(served)].sort(), [...new Set(expected)].sort(), 'the page fetched each image from its https URL');
  });
});
