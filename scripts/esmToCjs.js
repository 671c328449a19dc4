// Turns esbuild's split ESM output into CommonJS, the module system VS Code 1.90 loads.
// esbuild splits only ESM, and its own ESM-to-CJS pass wraps every cross-chunk call and the
// VS Code API in accessors (about 10 KB more at activation). This rewrites only the module
// statements, in place (same lines, so dev source maps still point right):
//   import * as a from "m"      -> var a = require("m")
//   import { x as y } from "m"  -> var { x: y } = require("m")
//   import("./chunks/c.js")     -> __lazy("./chunks/c.js") (a promise of require)
//   export { y as x }           -> module.exports = { x: y }
// Destructured imports copy bindings once: safe because the chunks form no cycle (checked
// here) and src/ exports no `let` (checked by a unit test).
const ts = require('typescript');

const LAZY = '__lazy';
if (LAZY.length !== 'import'.length) throw new Error('the replacement must keep columns');

/** `text` with the characters of [start, end) blanked, its line breaks kept. */
function blank(text, start, end) {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\n]/g, '') + text.slice(end);
}

/**
 * @param {string} code one ESM file esbuild wrote
 * @param {string} name for messages
 * @returns {{ code: string, imports: string[], lazyImports: string[] }} CommonJS, and the specifiers
 */
function esmToCjs(code, name) {
  const sf = ts.createSourceFile(name, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  /** In import order: declarations of imported bindings (strings), and imports only for their side effects. */
  const head = [];
  /** The first local name of each module imported whole: later ones alias it. */
  const namespaces = new Map();
  const imports = [];
  const lazyImports = [];
  /** @type {Array<{ start: number, end: number, text?: string }>} */
  const edits = [];
  let exportsText;

  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st)) {
      const spec = st.moduleSpecifier.text;
      imports.push(spec);
      const req = `require(${JSON.stringify(spec)})`;
      const clause = st.importClause;
      if (!clause) head.push({ bare: req });
      else {
        if (clause.isTypeOnly) throw new Error(`${name}: type-only import in output`);
        const parts = [];
        if (clause.name) parts.push(`${clause.name.text}=${req}`);
        const nb = clause.namedBindings;
        if (nb && ts.isNamespaceImport(nb)) {
          const first = namespaces.get(spec);
          if (!first) namespaces.set(spec, nb.name.text);
          parts.push(`${nb.name.text}=${first ?? (clause.name ? clause.name.text : req)}`);
        } else if (nb) {
          const names = nb.elements.map((e) => (e.propertyName ? `${e.propertyName.text}:${e.name.text}` : e.name.text));
          parts.push(`{${names.join(',')}}=${clause.name ? clause.name.text : req}`);
        }
        head.push(...parts);
      }
      edits.push({ start: st.getStart(sf), end: st.end });
    } else if (ts.isExportDeclaration(st)) {
      if (st.moduleSpecifier || !st.exportClause || !ts.isNamedExports(st.exportClause)) {
        throw new Error(`${name}: unsupported export form: ${st.getText(sf).slice(0, 80)}`);
      }
      if (exportsText !== undefined) throw new Error(`${name}: two export statements`);
      const pairs = st.exportClause.elements.map((e) => `${e.name.text}:${(e.propertyName ?? e.name).text}`);
      exportsText = `module.exports={${pairs.join(',')}};`;
      // Same line count as the statement it replaces.
      const breaks = '\n'.repeat((st.getText(sf).match(/\n/g) ?? []).length);
      edits.push({ start: st.getStart(sf), end: st.end, text: exportsText + breaks });
    } else if (ts.isExportAssignment(st) || hasExportModifier(st)) {
      throw new Error(`${name}: unsupported export form: ${st.getText(sf).slice(0, 80)}`);
    }
  }

  (function visit(node) {
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (!arg || !ts.isStringLiteral(arg)) throw new Error(`${name}: import() of a computed path`);
      lazyImports.push(arg.text);
      const at = node.expression.getStart(sf);
      edits.push({ start: at, end: at + 'import'.length, text: LAZY });
    } else if (ts.isMetaProperty(node) && node.keywordToken === ts.SyntaxKind.ImportKeyword) {
      throw new Error(`${name}: import.meta has no CommonJS form`);
    }
    ts.forEachChild(node, visit);
  })(sf);

  let out = code;
  for (const e of edits.sort((a, b) => b.start - a.start)) {
    out = e.text === undefined ? blank(out, e.start, e.end) : out.slice(0, e.start) + e.text + out.slice(e.end);
  }
  const lazyHelper = lazyImports.length > 0 ? `var ${LAZY}=p=>Promise.resolve().then(()=>require(p));` : '';
  // All on the first line, where esbuild put the first import: later lines keep their place.
  return { code: `"use strict";${statements(head)}${lazyHelper}${out}`, imports, lazyImports };
}

/** One `var` per run of declarations, the side-effect imports between them in their place. */
function statements(head) {
  let text = '';
  let run = [];
  const flush = () => {
    if (run.length > 0) text += `var ${run.join(',')};`;
    run = [];
  };
  for (const h of head) {
    if (typeof h === 'string') run.push(h);
    else {
      flush();
      text += `${h.bare};`;
    }
  }
  flush();
  return text;
}

function hasExportModifier(st) {
  return (ts.canHaveModifiers(st) ? (ts.getModifiers(st) ?? []) : []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/** Throws when the relative static imports between files form a cycle (destructured bindings would be undefined). */
function checkNoCycles(graph) {
  const state = new Map();
  const visit = (file, trail) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') throw new Error(`import cycle between chunks: ${[...trail, file].join(' -> ')}`);
    state.set(file, 'open');
    for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
    state.set(file, 'done');
  };
  for (const file of graph.keys()) visit(file, []);
}

module.exports = { esmToCjs, checkNoCycles, LAZY };
