// Hand-written SVG charts. Geometry goes in attributes (x, y, width, height), colours in
// CSS classes, text through textContent: the CSP allows no inline style and no markup.

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

export interface Bar {
  key: string;
  label: string;
  value: number;
  valueText: string;
  /** CSS class of the bar's colour. */
  tone: string;
  /** Makes the bar a button: its accessible name and the click handler. */
  action?: { hint: string; run: () => void };
}

/** Focusable, clickable bar group (Enter and Space act like a click). */
function actionable(g: SVGGElement, action: NonNullable<Bar['action']>, focusKey: string): void {
  g.setAttribute('role', 'button');
  g.setAttribute('tabindex', '0');
  g.setAttribute('aria-label', action.hint);
  g.setAttribute('data-focus-key', focusKey);
  g.classList.add('clickable');
  g.appendChild(svg('title', {}, action.hint));
  g.addEventListener('click', () => action.run());
  g.addEventListener('keydown', (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      action.run();
    }
  });
}

const ROW = 26;
const BAR = 18;

/** A chart's <svg> with a fixed view box (CSS scales it); `role` 'group' when its bars are controls, else 'img'. */
function chartRoot(width: number, height: number, className: string, role: 'group' | 'img', label: string): SVGSVGElement {
  return svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, class: `chart ${className}`, role, 'aria-label': label });
}

/** Horizontal bars, one row each: label, bar, value. */
export function horizontalBarChart(bars: readonly Bar[], label: string, idPrefix: string): SVGSVGElement {
  const width = 640;
  const labelWidth = 170;
  const valueWidth = 70;
  const track = width - labelWidth - valueWidth;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = Math.max(ROW, bars.length * ROW) + 4;
  const root = chartRoot(width, height, 'chart-hbar', 'group', label);
  bars.forEach((b, i) => {
    const y = 2 + i * ROW;
    const g = svg('g', { class: 'bar-row', 'data-key': b.key });
    g.appendChild(svg('rect', { class: 'hit', x: 0, y, width, height: ROW }));
    g.appendChild(
      svg(
        'text',
        { class: 'bar-label', x: labelWidth - 10, y: y + ROW / 2, 'text-anchor': 'end', 'dominant-baseline': 'central' },
        b.label,
      ),
    );
    g.appendChild(svg('rect', { class: 'track', x: labelWidth, y: y + (ROW - BAR) / 2, width: track, height: BAR, rx: 2 }));
    const w = b.value === 0 ? 0 : Math.max(2, (b.value / max) * track);
    g.appendChild(svg('rect', { class: `bar ${b.tone}`, x: labelWidth, y: y + (ROW - BAR) / 2, width: w.toFixed(1), height: BAR, rx: 2 }));
    g.appendChild(svg('text', { class: 'bar-value', x: labelWidth + w + 6, y: y + ROW / 2, 'dominant-baseline': 'central' }, b.valueText));
    if (b.action) actionable(g, b.action, `${idPrefix}-${b.key}`);
    root.appendChild(g);
  });
  return root;
}

/** Vertical bars (a histogram), value above each bar and the bucket name below. */
export function columnChart(bars: readonly Bar[], label: string): SVGSVGElement {
  const width = 640;
  const top = 20;
  const plot = 150;
  const bottom = 26;
  const height = top + plot + bottom;
  const slot = width / Math.max(1, bars.length);
  const barWidth = Math.min(40, slot * 0.7);
  const max = Math.max(1, ...bars.map((b) => b.value));
  const root = chartRoot(width, height, 'chart-columns', 'img', label);
  root.appendChild(svg('line', { class: 'axis', x1: 0, x2: width, y1: top + plot + 0.5, y2: top + plot + 0.5 }));
  bars.forEach((b, i) => {
    const cx = slot * i + slot / 2;
    const h = b.value === 0 ? 0 : Math.max(2, (b.value / max) * plot);
    const g = svg('g', { class: 'column', 'data-key': b.key });
    g.appendChild(
      svg('rect', {
        class: `bar ${b.tone}`,
        x: (cx - barWidth / 2).toFixed(1),
        y: (top + plot - h).toFixed(1),
        width: barWidth.toFixed(1),
        height: h.toFixed(1),
        rx: 2,
      }),
    );
    g.appendChild(
      svg('text', { class: 'bar-value', x: cx.toFixed(1), y: (top + plot - h - 5).toFixed(1), 'text-anchor': 'middle' }, b.valueText),
    );
    g.appendChild(svg('text', { class: 'bar-label', x: cx.toFixed(1), y: top + plot + 17, 'text-anchor': 'middle' }, b.label));
    root.appendChild(g);
  });
  return root;
}
