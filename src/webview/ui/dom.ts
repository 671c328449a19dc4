// Tiny DOM builders. Text only ever goes in through textContent and attributes through
// setAttribute, so API data can never become markup.

export interface ElOptions {
  className?: string;
  text?: string;
  attrs?: Record<string, string>;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  opts: ElOptions = {},
  children: ReadonlyArray<Node | null | undefined | false> = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (opts.className) node.className = opts.className;
  if (opts.text !== undefined) node.textContent = opts.text;
  if (opts.attrs) for (const [k, v] of Object.entries(opts.attrs)) node.setAttribute(k, v);
  for (const child of children) if (child) node.appendChild(child);
  return node;
}

/** A decorative codicon (hidden from screen readers). */
export function icon(name: string, extraClass = ''): HTMLSpanElement {
  return el('span', { className: `codicon codicon-${name}${extraClass ? ` ${extraClass}` : ''}`, attrs: { 'aria-hidden': 'true' } });
}

export interface ButtonOptions {
  label: string;
  codicon?: string;
  /** Icon-only button: `label` becomes aria-label and tooltip. */
  iconOnly?: boolean;
  secondary?: boolean;
  /** Stable key so focus can be restored on the same button after a re-render. */
  focusKey: string;
  onClick: (button: HTMLButtonElement) => void;
}

export function button(o: ButtonOptions): HTMLButtonElement {
  const b = el('button', {
    className: o.iconOnly ? 'icon-button' : `button${o.secondary ? ' secondary' : ''}`,
    attrs: { type: 'button', 'data-focus-key': o.focusKey },
  });
  if (o.codicon) b.appendChild(icon(o.codicon));
  if (o.iconOnly) {
    b.setAttribute('aria-label', o.label);
    b.title = o.label;
  } else {
    b.appendChild(el('span', { text: o.label }));
  }
  b.addEventListener('click', () => o.onClick(b));
  return b;
}

/** `<time>` for a date the view-model formatted; the ISO form is the tooltip. */
export function timeEl(date: { iso: string; text: string; relative: string }, withRelative = true): HTMLElement {
  const text = withRelative && date.relative ? `${date.text} (${date.relative})` : date.text;
  if (!date.iso) return el('span', { className: 'value', text });
  return el('time', { className: 'value', text, attrs: { datetime: date.iso, title: date.iso } });
}
