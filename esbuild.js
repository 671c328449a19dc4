// Bundles the extension into dist/extension.js; webview assets are copied next to it.
const esbuild = require('esbuild');
const path = require('path');
const { writeCodiconSubset } = require('./scripts/codiconSubset');

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

/**
 * Every `import * as vscode from 'vscode'` shares one namespace object. Left to itself esbuild
 * wraps each module's `require('vscode')` in a copy of the whole API (a getter per name, about
 * 45 copies of several hundred names), which took 30-80 ms of the extension host's activation.
 */
const oneVscodeNamespacePlugin = {
  name: 'one-vscode-namespace',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-api' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-api' },
    );
    build.onLoad({ filter: /.*/, namespace: 'vscode-api' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
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

async function main() {
  await copyCodicons();
  const ctx = await esbuild.context({
    entryPoints: ['src/extension.ts'],
    bundle: true,
    format: 'cjs',
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    platform: 'node',
    target: 'node18',
    outfile: 'dist/extension.js',
    external: ['vscode'],
    logLevel: 'silent',
    plugins: [oneVscodeNamespacePlugin, problemMatcherPlugin],
  });
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
