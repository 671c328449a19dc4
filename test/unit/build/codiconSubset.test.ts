// The webviews ship a codicon font cut down to the names the code uses; a status or severity icon
// missing from it would render as an empty box, so every one the tables can produce must be kept.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SEVERITY_CODICON } from '../../../src/fleet/severity';
import { statusIcon } from '../../../src/fleet/status';
import { repoRoot } from '../mock-api/helpers';

interface SubsetModule {
  writeCodiconSubset(codiconDist: string, srcDir: string, outDir: string): Promise<string[]>;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { writeCodiconSubset } = require(path.join(repoRoot(), 'scripts', 'codiconSubset.js')) as SubsetModule;

/** The statuses Telnyx documents (the OpenAPI document beside the repository), not our table. */
function documentedStatuses(): string[] {
  const spec = JSON.parse(fs.readFileSync(path.resolve(repoRoot(), '..', 'shared', 'telnyx-openapi', 'telnyx-wireless.json'), 'utf8')) as {
    components: { schemas: { SIMCardStatus: { properties: { value: { enum: string[] } } } } };
  };
  return spec.components.schemas.SIMCardStatus.properties.value.enum;
}

describe('codicon subset for the webviews', function () {
  this.timeout(30_000);
  let out: string;
  let css: string;
  const full = path.join(repoRoot(), 'node_modules', '@vscode', 'codicons', 'dist');

  before(async () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'codicons-'));
    await writeCodiconSubset(full, path.join(repoRoot(), 'src'), out);
    css = fs.readFileSync(path.join(out, 'codicon.css'), 'utf8');
  });
  after(() => fs.rmSync(out, { recursive: true, force: true }));

  const kept = (name: string): boolean => css.includes(`.codicon-${name}:before`);

  it('keeps the icon of every documented status, of an unknown one, and of every severity', () => {
    const names = [
      ...documentedStatuses().map((s) => statusIcon(s).codicon),
      statusIcon('not_a_status').codicon,
      ...Object.values(SEVERITY_CODICON),
    ];
    assert.ok(names.length >= 10);
    assert.deepEqual(
      names.filter((n) => !kept(n)),
      [],
      'icons missing from the subset',
    );
  });

  it('keeps the spinner and its modifier, and drops icons the code never names', () => {
    assert.ok(kept('loading') && css.includes('.codicon-modifier-spin'));
    const all = fs.readFileSync(path.join(full, 'codicon.css'), 'utf8');
    for (const unused of ['github-alt', 'rocket', 'beaker', 'squirrel']) {
      assert.ok(all.includes(`.codicon-${unused}:before`), `${unused} is a codicon`);
      assert.ok(!kept(unused), `${unused} is not used, so not kept`);
    }
    const fontSize = fs.statSync(path.join(out, 'codicon.ttf')).size;
    const fullSize = fs.statSync(path.join(full, 'codicon.ttf')).size;
    assert.ok(fontSize > 0 && fontSize < fullSize / 4, `subset font ${fontSize} B of ${fullSize} B`);
  });
});
