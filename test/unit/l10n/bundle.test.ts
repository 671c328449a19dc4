// The committed l10n bundle and package.nls.json must hold every string the code and the
// manifest show, so a translation never silently misses one.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
}

describe('localisation', () => {
  it('l10n/bundle.l10n.json equals what @vscode/l10n-dev extracts from src (run `npm run l10n` after changing strings)', function () {
    this.timeout(60_000);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'l10n-'));
    try {
      const cli = path.join(ROOT, 'node_modules', '@vscode', 'l10n-dev', 'dist', 'cli.js');
      const run = spawnSync(process.execPath, [cli, 'export', '--outDir', out, path.join(ROOT, 'src')], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      assert.deepEqual(readJson(path.join(ROOT, 'l10n', 'bundle.l10n.json')), readJson(path.join(out, 'bundle.l10n.json')));
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it('every %key% in package.json has a string in package.nls.json, and no user-visible manifest string is left inline', () => {
    const manifest = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    const nls = readJson(path.join(ROOT, 'package.nls.json')) as Record<string, unknown>;
    const keys = [...manifest.matchAll(/"%([^"%]+)%"/g)].map((m) => m[1] ?? '');
    assert.ok(keys.length > 50, `expected the manifest to use nls keys, found ${keys.length}`);
    for (const key of keys) assert.equal(typeof nls[key], 'string', `package.nls.json lacks ${key}`);
    const pkg = readJson(path.join(ROOT, 'package.json')) as {
      contributes: { commands: { title: string }[]; configuration: { properties: Record<string, { description?: string; markdownDescription?: string }> } };
    };
    for (const c of pkg.contributes.commands) assert.match(c.title, /^%.+%$/, `command title "${c.title}" is not localised`);
    for (const [name, p] of Object.entries(pkg.contributes.configuration.properties)) {
      const text = p.description ?? p.markdownDescription ?? '';
      assert.match(text, /^%.+%$/, `setting ${name} description is not localised`);
    }
  });
});
