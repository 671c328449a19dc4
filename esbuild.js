// Bundles the extension into dist/extension.js; webview assets are copied next to it.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');
const { writeCodiconSubset } = require('./scripts/codiconSubset');
const { checkNoCycles, esmToCjs } = require('./scripts/esmToCjs');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Codicons for the webviews come from the npm package, never a CDN: only the ones the code names. */
async function copyCodicons() {
  const from = path.join(__dirname, 'node_modules', '@vscode', 'codicons', 'dist');
  await writeCodiconSubset(from, path.join(__dirname, 'src'), path.join(__dirname, 'dist', 'codicons'));
}

/** Logs build results the way the esbuild problem matcher in tasks.json expects (the markers only in watch mode). */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => {
      if (watch) console.log('[watch] build started');
    });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      if (watch) console.log('[watch] build finished');
    });
  },
};

/** A webview script's build: one browser bundle, nothing external. */
function webviewContext(entry, outfile) {
  return esbuild.context({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    platform: 'browser',
    target: 'es2022',
    outfile,
    logLevel: 'silent',
    plugins: [problemMatcherPlugin],
  });
}

/**
 * Code splitting: features used on demand (dialogs, panels, export, SIM actions) are reached
 * through `import()` and land in `dist/chunks/`, so activation reads only what the first view
 * needs. esbuild splits only ESM: its output stays in memory and `toCommonJsPlugin` writes
 * every file as CommonJS (what VS Code 1.90 loads).
 */
function extensionContext() {
  return esbuild.context({
    entryPoints: ['src/extension.ts'],
    bundle: true,
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    platform: 'node',
    target: 'node18',
    outdir: 'dist',
    write: false,
    external: ['vscode'],
    logLevel: 'silent',
    // Files first, then the "build finished" line the F5 task waits for.
    plugins: [toCommonJsPlugin, problemMatcherPlugin],
  });
}

/** Writes each output file, JavaScript turned into CommonJS; chunks of earlier builds removed. */
const toCommonJsPlugin = {
  name: 'to-commonjs',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length > 0 || !result.outputFiles) return;
      const dist = path.join(__dirname, 'dist');
      fs.rmSync(path.join(dist, 'chunks'), { recursive: true, force: true });
      const graph = new Map();
      for (const file of result.outputFiles) {
        fs.mkdirSync(path.dirname(file.path), { recursive: true });
        if (!file.path.endsWith('.js')) {
          fs.writeFileSync(file.path, file.contents);
          continue;
        }
        const converted = esmToCjs(file.text, path.relative(dist, file.path));
        const relative = converted.imports.filter((s) => s.startsWith('.')).map((s) => path.resolve(path.dirname(file.path), s));
        graph.set(file.path, relative);
        fs.writeFileSync(file.path, converted.code);
      }
      checkNoCycles(graph);
    });
  },
};

async function main() {
  await copyCodicons();
  const ctx = await extensionContext();
  // The webview scripts run in a webview (a browser), with no vscode module.
  const contexts = [
    ctx,
    await webviewContext('src/webview/ui/main.ts', 'dist/webview/details.js'),
    await webviewContext('src/webview/ui/overview/main.ts', 'dist/webview/overview.js'),
  ];
  if (watch) {
    for (const c of contexts) await c.watch();
  } else {
    for (const c of contexts) await c.rebuild();
    for (const c of contexts) await c.dispose();
  }
}

/**
 * The Telnyx client alone, bundled like the extension (minified), for the test that a bundled
 * client still works through a forward proxy and carries no npm dependency.
 */
async function bundleTelnyxClient(outfile) {
  return esbuild.build({
    entryPoints: [path.join(__dirname, 'src', 'telnyx', 'index.ts')],
    bundle: true,
    format: 'cjs',
    minify: true,
    platform: 'node',
    target: 'node18',
    outfile,
    logLevel: 'silent',
    metafile: true,
  });
}

module.exports = { bundleTelnyxClient };

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
