// The build writes esbuild's split ESM as CommonJS (scripts/esmToCjs.js). The oracle is Node
// itself: the same ESM output run by Node's ESM loader must behave exactly as the converted
// CommonJS does (evaluation order, one instance of each shared module, lazy chunks).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { repoRoot } from '../mock-api/helpers';

interface Converted {
  code: string;
  imports: string[];
  lazyImports: string[];
}
interface Converter {
  esmToCjs(code: string, name: string): Converted;
  checkNoCycles(graph: Map<string, string[]>): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { esmToCjs, checkNoCycles } = require(path.join(repoRoot(), 'scripts', 'esmToCjs.js')) as Converter;

/** A small extension-shaped program: a shared module with state, a class, a lazy feature, a namespace import. */
const SOURCES: Record<string, string> = {
  'entry.ts': `
    import * as nodePath from 'node:path';
    import { log, Thing, counter, bump } from './shared';
    import './sideEffect';
    log('entry');
    export async function run(): Promise<unknown> {
      bump();
      const lazy = await import('./lazy');
      const t = lazy.makeThing();
      return { log: log(), counter: counter(), sameClass: t instanceof Thing, joined: nodePath.join('a', 'b'), nodePathIsModule: nodePath.sep === '/' || nodePath.sep === '\\\\', lazyValue: lazy.value };
    }
  `,
  'shared.ts': `
    const lines: string[] = [];
    let n = 0;
    export function log(line?: string): string[] { if (line) lines.push(line); return lines; }
    export function counter(): number { return n; }
    export function bump(): void { n++; }
    export class Thing {}
    log('shared');
  `,
  'sideEffect.ts': `import { log } from './shared'; log('side effect');`,
  'lazy.ts': `
    import * as nodePath from 'node:path';
    import { log, Thing, bump } from './shared';
    log('lazy');
    bump();
    export const value = nodePath.basename('/x/y.txt');
    export function makeThing(): Thing { return new Thing(); }
  `,
};

async function buildEsm(dir: string, minify: boolean): Promise<esbuild.OutputFile[]> {
  const src = path.join(dir, 'src');
  fs.mkdirSync(src, { recursive: true });
  for (const [name, text] of Object.entries(SOURCES)) fs.writeFileSync(path.join(src, name), text);
  const result = await esbuild.build({
    entryPoints: [path.join(src, 'entry.ts')],
    bundle: true,
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    minify,
    platform: 'node',
    target: 'node18',
    outdir: path.join(dir, 'out'),
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles;
}

function writeAll(files: esbuild.OutputFile[], fromOut: string, toDir: string, convert: boolean): void {
  for (const f of files) {
    const target = path.join(toDir, path.relative(fromOut, f.path));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, convert ? esmToCjs(f.text, path.basename(f.path)).code : f.text);
  }
}

describe('build: split ESM written as CommonJS', function () {
  this.timeout(30_000);
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'esm-to-cjs-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  for (const minify of [false, true]) {
    it(`behaves as Node's ESM loader runs the same output (${minify ? 'minified' : 'readable'})`, async () => {
      const dir = path.join(tmp, minify ? 'min' : 'dev');
      const files = await buildEsm(dir, minify);
      assert.ok(
        files.some((f) => f.path.includes(`${path.sep}chunks${path.sep}`)),
        'esbuild split the program into chunks',
      );
      const out = path.join(dir, 'out');
      const esmDir = path.join(dir, 'esm');
      const cjsDir = path.join(dir, 'cjs');
      writeAll(files, out, esmDir, false);
      fs.writeFileSync(path.join(esmDir, 'package.json'), '{"type":"module"}');
      writeAll(files, out, cjsDir, true);
      fs.writeFileSync(path.join(cjsDir, 'package.json'), '{"type":"commonjs"}');

      // The oracle: Node's own ESM loader. (A Function keeps tsc from turning import() into require.)
      const importEsm = new Function('u', 'return import(u)') as (u: string) => Promise<{ run(): Promise<unknown> }>;
      const expected = await (await importEsm(pathToFileURL(path.join(esmDir, 'entry.js')).href)).run();
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const actual = await (require(path.join(cjsDir, 'entry.js')) as { run(): Promise<unknown> }).run();
      assert.deepEqual(actual, expected);
      assert.deepEqual(
        (expected as { log: string[] }).log,
        ['shared', 'side effect', 'entry', 'lazy'],
        'the oracle ran every module once, in order',
      );
      assert.equal((expected as { counter: number }).counter, 2, 'one instance of the shared module');
    });
  }

  it('takes a module imported whole as it is (no copy per importer) and the lazy chunk through require', async () => {
    const files = await buildEsm(path.join(tmp, 'shape'), true);
    for (const f of files.filter((x) => x.path.endsWith('.js'))) {
      const { code, lazyImports } = esmToCjs(f.text, path.basename(f.path));
      assert.doesNotMatch(code, /^\s*(import|export)\b|[;}]\s*(import|export)[\s{*"]/m, `${path.basename(f.path)}: no ESM statement left`);
      assert.doesNotMatch(code, /[\w$]\(require\("node:path"\)\)/, 'no wrapper around a required module');
      assert.ok((code.match(/require\("node:path"\)/g)?.length ?? 0) <= 1, 'a module imported whole is required once per file');
      if (path.basename(f.path) === 'entry.js') assert.equal(lazyImports.length, 1, 'the entry loads one chunk on demand');
    }
  });

  it('keeps every line where it was, so the dev source maps still point right', async () => {
    const files = await buildEsm(path.join(tmp, 'lines'), false);
    const entry = files.find((f) => path.basename(f.path) === 'entry.js');
    assert.ok(entry);
    const before = entry.text.split('\n');
    const after = esmToCjs(entry.text, 'entry.js').code.split('\n');
    assert.equal(after.length, before.length);
    const at = before.findIndex((l) => l.includes('import("'));
    assert.ok(at > 0, 'the readable output has a dynamic import');
    assert.equal(after[at]?.indexOf('__lazy("'), before[at]?.indexOf('import("'), 'the lazy load is at the same column');
    for (let i = 1; i < before.length; i++) {
      if (/^\s*(import|export)\b/.test(before[i] ?? '') || /^\s*(\w+( as \w+)?,?|\})\s*(from .*)?;?$/.test(before[i] ?? '')) continue;
      if (i === at) continue;
      assert.equal(after[i], before[i], `line ${i + 1} unchanged`);
    }
  });

  it('refuses what CommonJS cannot express, and chunks that import each other in a cycle', () => {
    assert.throws(() => esmToCjs('const u = import.meta.url;', 'x.js'), /import\.meta/);
    assert.throws(() => esmToCjs('const m = import(name);', 'x.js'), /computed path/);
    assert.throws(() => esmToCjs('export * from "./y.js";', 'x.js'), /unsupported export/);
    assert.doesNotThrow(() => esmToCjs('class A { constructor() { new.target; } }', 'x.js'));
    assert.throws(
      () =>
        checkNoCycles(
          new Map([
            ['a', ['b']],
            ['b', ['c']],
            ['c', ['a']],
          ]),
        ),
      /cycle/,
    );
    assert.doesNotThrow(() =>
      checkNoCycles(
        new Map([
          ['a', ['b', 'c']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
    );
  });

  it('src/ exports no `let` or `var` (a destructured import would not see it change)', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts') && /^export\s+(let|var)\s/m.test(fs.readFileSync(p, 'utf8'))) offenders.push(p);
      }
    };
    walk(path.join(repoRoot(), 'src'));
    assert.deepEqual(offenders, []);
  });
});
