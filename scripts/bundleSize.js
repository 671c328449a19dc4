// What VS Code reads at activation: dist/extension.js and every chunk it requires at load
// (not those behind `import()`, which the build turns into `Promise.resolve().then(() => require(...))`).
const fs = require('fs');
const path = require('path');

const LAZY = /__lazy\("([^"]+)"\)/g;
const ANY = /require\("(\.{1,2}\/[^"]+)"\)/g;

/** @param {string} file @returns {{ lazy: string[], eager: string[] }} relative requires of one file */
function requiresOf(text) {
  const lazy = [...text.matchAll(LAZY)].map((m) => m[1]);
  const all = [...text.matchAll(ANY)].map((m) => m[1]);
  const eager = all.filter((r) => !lazy.includes(r));
  return { lazy, eager };
}

/**
 * Sizes of a built extension: `activation` the bytes of the entry and its eager requires,
 * `total` of every file reachable, `files` each file reached (relative to `dir`) and how.
 * `read(rel)` returns a file's text (a folder or a VSIX's entries).
 */
function bundleSizes(read, entry = 'dist/extension.js') {
  const files = new Map();
  const visit = (rel, eager) => {
    const known = files.get(rel);
    if (known && (known.eager || !eager)) return;
    const text = read(rel);
    files.set(rel, { bytes: Buffer.byteLength(text), eager });
    const { lazy, eager: now } = requiresOf(text);
    for (const r of now) visit(path.posix.join(path.posix.dirname(rel), r), eager);
    for (const r of lazy) visit(path.posix.join(path.posix.dirname(rel), r), false);
  };
  visit(entry, true);
  let activation = 0;
  let total = 0;
  for (const f of files.values()) {
    total += f.bytes;
    if (f.eager) activation += f.bytes;
  }
  return { activation, total, files };
}

module.exports = { bundleSizes };

if (require.main === module) {
  const root = path.join(__dirname, '..');
  const s = bundleSizes((rel) => fs.readFileSync(path.join(root, rel), 'utf8'));
  for (const [f, v] of s.files) console.log(`${String(v.bytes).padStart(8)}  ${v.eager ? 'activation' : 'on demand '}  ${f}`);
  console.log(`activation ${s.activation} B, all ${s.total} B in ${s.files.size} files`);
}
