// What VS Code reads at activation: dist/extension.js and every chunk it requires at load
// (not those behind `import()`, which the build turns into a call of the LAZY helper).
const fs = require('fs');
const path = require('path');
const { LAZY } = require('./esmToCjs');

const LAZY_CALL = new RegExp(`${LAZY}\\("([^"]+)"\\)`, 'g');
// The helper requires a variable, so every literal relative require is one made at load.
const EAGER = /require\("(\.{1,2}\/[^"]+)"\)/g;

/** @param {string} text one built file @returns {{ lazy: string[], eager: string[] }} its relative requires */
function requiresOf(text) {
  return { lazy: [...text.matchAll(LAZY_CALL)].map((m) => m[1]), eager: [...text.matchAll(EAGER)].map((m) => m[1]) };
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
