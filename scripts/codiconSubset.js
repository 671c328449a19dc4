// The webviews show a few dozen codicons; the full font is 126 KB. This writes dist/codicons/ with
// a font and stylesheet holding only the codicons whose names appear as string literals in src/
// (status and severity tables, buttons), so a new icon in the code is picked up without a list.
const fs = require('fs');
const path = require('path');

const ICON_RULE = /^\.codicon-([a-z0-9-]+):before \{ content: "\\([0-9a-f]+)" \}$/;

/** Every quoted word in the sources that could name a codicon ('copy', `codicon-${…}` tables, …). */
function literalsIn(dir) {
  const words = new Set();
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      for (const w of literalsIn(full)) words.add(w);
    } else if (entry.name.endsWith('.ts')) {
      const text = fs.readFileSync(full, 'utf8');
      for (const m of text.matchAll(/['"`](?:codicon-)?([a-z0-9]+(?:-[a-z0-9]+)*)['"`\s]/g)) words.add(m[1]);
      for (const m of text.matchAll(/codicon-([a-z0-9]+(?:-[a-z0-9]+)*)/g)) words.add(m[1]);
    }
  }
  return words;
}

/**
 * Writes `<outDir>/codicon.css` and `<outDir>/codicon.ttf` for the codicons `srcDir` names.
 * Returns the names kept, for the build log.
 */
async function writeCodiconSubset(codiconDist, srcDir, outDir) {
  const subsetFont = require('subset-font');
  const css = fs.readFileSync(path.join(codiconDist, 'codicon.css'), 'utf8');
  const lines = css.split('\n');
  const firstIcon = lines.findIndex((l) => ICON_RULE.test(l));
  if (firstIcon < 0) throw new Error('codicon.css has no icon rules: the @vscode/codicons layout changed');
  const used = literalsIn(srcDir);
  const kept = [];
  const chars = new Set();
  for (const line of lines.slice(firstIcon)) {
    const m = ICON_RULE.exec(line);
    if (m && used.has(m[1])) {
      kept.push(line);
      chars.add(String.fromCodePoint(parseInt(m[2], 16)));
    }
  }
  // Everything before the icon rules (font face, base class, spin modifiers) is kept as it is.
  const head = lines
    .slice(0, firstIcon)
    .join('\n')
    .replace(/codicon\.ttf\?[0-9a-f]+/, 'codicon.ttf');
  const font = await subsetFont(fs.readFileSync(path.join(codiconDist, 'codicon.ttf')), [...chars].join(''), {
    targetFormat: 'truetype',
  });
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'codicon.ttf'), font);
  fs.writeFileSync(path.join(outDir, 'codicon.css'), `${head}\n${kept.join('\n')}\n`);
  return kept.map((l) => ICON_RULE.exec(l)[1]);
}

module.exports = { writeCodiconSubset };
