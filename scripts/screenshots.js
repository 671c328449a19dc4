#!/usr/bin/env node
// `npm run screenshots`: re-takes the README's images. Runs the tests that take screenshots (the
// in-host integration suite and the webview e2e test) with TELNYX_SIMS_UPDATE_README_IMAGES set, so
// the images the README and CONTRIBUTING.md show are copied from test-results/screenshots/ into
// docs/images/. `npm test` never sets it, so it leaves docs/images/ alone.
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');

const root = path.resolve(__dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const env = { ...process.env, TELNYX_SIMS_UPDATE_README_IMAGES: '1' };
const steps = [
  [bin('tsc'), '-p', './'],
  [process.execPath, 'esbuild.js'],
  ['bash', 'scripts/install-code-server.sh'],
  [process.execPath, 'out/test/host/runInHost.js'],
  [bin('mocha'), '--no-config', '--timeout', '180000', '--exit', 'out/test/e2e/webview.e2e.test.js'],
];
for (const [cmd, ...args] of steps) {
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  if (res.status !== 0) {
    console.error(
      `[screenshots] ${[cmd, ...args].map((a) => path.relative(root, a) || a).join(' ')} failed; docs/images may be partly updated.`,
    );
    process.exit(1);
  }
}
console.log('[screenshots] done: review `git diff --stat docs/images` and commit the images you want.');
