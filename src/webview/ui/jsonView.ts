// Pretty-printed, syntax-coloured JSON where every object and array is a <details> that
// can be collapsed. Keys and values are set as text (JSON.stringify of the key/value).
import type { JsonValue } from '../../details/json';
import type { DetailsStrings } from '../../details/strings';
import { fillTemplate } from '../../fleet/template';
import { el } from './dom';

/** Paths ("status", "tags.0") the user collapsed; kept across re-renders of the same SIM. */
export type CollapsedPaths = Set<string>;

/** Bidi controls and line/paragraph separators, which JSON.stringify leaves raw. */
const HIDDEN_CHARS = /[\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** JSON text with invisible reordering characters escaped, so the raw view shows them as \u202e. */
function jsonText(value: string | number | boolean | null): string {
  return JSON.stringify(value).replace(HIDDEN_CHARS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function scalar(value: string | number | boolean | null): HTMLSpanElement {
  const kind = value === null ? 'null' : typeof value;
  return el('span', { className: `json-${kind}`, text: jsonText(value) });
}

function keyPrefix(key: string | undefined): Node[] {
  if (key === undefined) return [];
  return [el('span', { className: 'json-key', text: jsonText(key) }), document.createTextNode(': ')];
}

/** What every node of one rendering shares. */
interface JsonContext {
  collapsed: CollapsedPaths;
  strings: DetailsStrings;
}

function node(value: JsonValue, key: string | undefined, path: string, last: boolean, c: JsonContext): HTMLElement {
  const comma = last ? '' : ',';
  if (value === null || typeof value !== 'object') {
    return el('div', { className: 'json-line' }, [...keyPrefix(key), scalar(value), comma ? document.createTextNode(comma) : null]);
  }
  const isArray = Array.isArray(value);
  const entries: Array<[string | undefined, JsonValue]> = isArray
    ? value.map((v): [undefined, JsonValue] => [undefined, v])
    : Object.entries(value);
  const [open, close] = isArray ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) {
    return el('div', { className: 'json-line' }, [
      ...keyPrefix(key),
      el('span', { className: 'json-punct', text: open + close }),
      document.createTextNode(comma),
    ]);
  }
  const s = c.strings;
  const n = entries.length;
  const [one, many] = isArray ? [s.jsonOneItem, s.jsonItems] : [s.jsonOneKey, s.jsonKeys];
  const count = n === 1 ? one : fillTemplate(many, String(n));
  const collapsed = c.collapsed;
  const details = el('details', { className: 'json-node', attrs: { 'data-path': path } });
  details.open = !collapsed.has(path);
  details.addEventListener('toggle', () => {
    if (details.open) collapsed.delete(path);
    else collapsed.add(path);
  });
  details.appendChild(
    el('summary', { className: 'json-line' }, [
      ...keyPrefix(key),
      el('span', { className: 'json-punct', text: open }),
      el('span', { className: 'json-collapsed', text: ` … ${close}${comma}`, attrs: { 'aria-hidden': 'true' } }),
      el('span', { className: 'json-count', text: count }),
    ]),
  );
  const children = el('div', { className: 'json-children' });
  entries.forEach(([k, v], i) => {
    const childPath = path === '' ? String(k ?? i) : `${path}.${k ?? i}`;
    children.appendChild(node(v, k, childPath, i === entries.length - 1, c));
  });
  details.appendChild(children);
  details.appendChild(
    el('div', { className: 'json-line json-close' }, [
      el('span', { className: 'json-punct', text: close }),
      document.createTextNode(comma),
    ]),
  );
  return details;
}

export function renderJson(value: JsonValue, collapsed: CollapsedPaths, strings: DetailsStrings): HTMLElement {
  return el('div', { className: 'json', attrs: { role: 'group', 'aria-label': strings.jsonLabel } }, [
    node(value, undefined, '', true, { collapsed, strings }),
  ]);
}
