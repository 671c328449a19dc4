// Renders the fleet overview from its view-model with DOM APIs only (textContent,
// setAttribute). Each chart has a table of the same numbers for screen readers.
import type { OverviewModel } from '../../../fleet/overview';
import type { OverviewWebviewMessage } from '../../../fleet/overviewMessages';
import { el } from '../dom';
import { columnChart, horizontalBarChart } from './charts';

export interface OverviewViewState {
  model?: OverviewModel;
  loading: boolean;
}

export type Post = (message: OverviewWebviewMessage) => void;

function section(id: string, title: string, body: Node[], extraClass = ''): HTMLElement {
  return el(
    'section',
    { className: `section section-${id}${extraClass ? ` ${extraClass}` : ''}`, attrs: { 'aria-labelledby': `h-${id}` } },
    [el('h2', { text: title, attrs: { id: `h-${id}` } }), ...body],
  );
}

/** A table; `visuallyHidden` makes it the screen-reader twin of a chart. */
function table(
  caption: string,
  head: readonly string[],
  rows: readonly (readonly (Node | string)[])[],
  className: string,
  numeric: ReadonlySet<number>,
): HTMLTableElement {
  return el('table', { className }, [
    el('caption', { text: caption }),
    el('thead', {}, [
      el(
        'tr',
        {},
        head.map((h, i) => el('th', { text: h, attrs: { scope: 'col' }, className: numeric.has(i) ? 'num' : '' })),
      ),
    ]),
    el(
      'tbody',
      {},
      rows.map((cells) =>
        el(
          'tr',
          {},
          cells.map((c, i) => {
            const cell = i === 0 ? el('th', { attrs: { scope: 'row' } }) : el('td', { className: numeric.has(i) ? 'num' : '' });
            cell.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
            return cell;
          }),
        ),
      ),
    ),
  ]);
}

function linkButton(text: string, hint: string, focusKey: string, run: () => void): HTMLButtonElement {
  const b = el('button', {
    className: 'link',
    text,
    attrs: { type: 'button', title: hint, 'aria-label': hint, 'data-focus-key': focusKey },
  });
  b.addEventListener('click', run);
  return b;
}

function header(m: OverviewModel, loading: boolean): HTMLElement {
  return el('header', { className: 'header' }, [
    el('h1', { text: m.title }),
    el('p', { className: 'summary' }, [
      el('span', { className: 'total', text: m.totalText }),
      el('span', { className: `attention-total${m.attentionTotal > 0 ? ' has-attention' : ''}`, text: m.attentionText }),
      m.loadedText ? el('span', { className: 'muted', text: m.loadedText }) : null,
      loading ? el('span', { className: 'busy muted', text: '…', attrs: { 'aria-label': m.labels.refreshing } }) : null,
    ]),
  ]);
}

function attention(m: OverviewModel): HTMLElement {
  return section('attention', m.labels.attentionHeading, [
    el(
      'ul',
      { className: 'cards', attrs: { 'aria-label': m.labels.attentionHeading } },
      m.attention.map((a) =>
        el('li', { className: `card reason-${a.reason}${a.count > 0 ? ' nonzero' : ''}`, attrs: { 'data-reason': a.reason } }, [
          el('span', { className: 'card-count', text: a.countText }),
          el('span', { className: 'card-label', text: a.label }),
        ]),
      ),
    ),
  ]);
}

function statuses(m: OverviewModel, post: Post): HTMLElement {
  const chart = horizontalBarChart(
    m.statuses.map((s) => ({
      key: s.status,
      label: s.label,
      value: s.count,
      valueText: s.countText,
      tone: `tone-${s.tone}`,
      action: { hint: s.hint, run: () => post({ type: 'filterStatus', status: s.status }) },
    })),
    m.labels.statusChartLabel,
    'status',
  );
  const fallback = table(
    m.labels.statusHeading,
    [m.labels.colStatus, m.labels.colSims, m.labels.colShare],
    m.statuses.map((s) => [s.label, s.countText, s.shareText]),
    'visually-hidden chart-table',
    new Set([1, 2]),
  );
  return section('status', m.labels.statusHeading, [chart, fallback], 'chart-section');
}

function histogram(m: OverviewModel): HTMLElement {
  const chart = columnChart(
    m.buckets.map((b) => ({ key: b.bucket, label: b.label, value: b.count, valueText: b.countText, tone: `usage-${b.tone}` })),
    m.labels.histogramChartLabel,
  );
  const fallback = table(
    m.labels.histogramHeading,
    [m.labels.colUsage, m.labels.colSims],
    m.buckets.map((b) => [b.label, b.countText]),
    'visually-hidden chart-table',
    new Set([1]),
  );
  return section('histogram', m.labels.histogramHeading, [chart, fallback], 'chart-section');
}

function top(m: OverviewModel, post: Post): HTMLElement {
  if (m.top.length === 0) return section('top', m.labels.topHeading, [el('p', { className: 'muted', text: m.labels.none })]);
  const rows = m.top.map((t) => [
    linkButton(t.label, t.hint, `sim-${t.simId}`, () => post({ type: 'openSim', simId: t.simId })),
    el('span', { className: `status-dot tone-${t.statusTone}`, text: t.statusLabel }),
    el('span', { className: 'isolate', text: t.groupName }),
    t.usedText,
    t.limitText,
    el('span', { className: `usage-text usage-${t.tone}`, text: t.percentText }),
  ]);
  const head = [m.labels.colSim, m.labels.colStatus, m.labels.colGroup, m.labels.colDataUsed, m.labels.colDataLimit, m.labels.colPercent];
  return section('top', m.labels.topHeading, [table(m.labels.topHeading, head, rows, 'data top', new Set([3, 4, 5]))]);
}

function groups(m: OverviewModel, post: Post): HTMLElement {
  if (m.groups.length === 0) return section('groups', m.labels.groupsHeading, [el('p', { className: 'muted', text: m.labels.none })]);
  const rows = m.groups.map((g) => [
    linkButton(g.name, g.hint, `group-${g.groupId}`, () => post({ type: 'filterGroup', groupId: g.groupId })),
    g.simCountText,
    g.usedText,
    g.limitText,
    el('span', { className: g.overLimit > 0 ? 'usage-text usage-over' : '', text: String(g.overLimit) }),
    el('span', { className: g.nearLimit > 0 ? 'usage-text usage-near' : '', text: String(g.nearLimit) }),
  ]);
  const head = [
    m.labels.colGroup,
    m.labels.colSims,
    m.labels.colDataUsed,
    m.labels.colDataLimit,
    m.labels.colOverLimit,
    m.labels.colNearLimit,
  ];
  return section('groups', m.labels.groupsHeading, [table(m.labels.groupsHeading, head, rows, 'data groups', new Set([1, 2, 3, 4, 5]))]);
}

/** Replaces the content of `root`, keeping focus on the same bar or button across updates. */
export function renderOverview(root: HTMLElement, state: OverviewViewState, post: Post): void {
  const focusedKey = root.contains(document.activeElement) ? document.activeElement?.getAttribute('data-focus-key') : null;
  root.replaceChildren();
  root.setAttribute('aria-busy', String(state.loading));
  const m = state.model;
  if (!m) {
    root.appendChild(el('p', { className: 'state-message muted', text: '…' }));
    return;
  }
  root.appendChild(header(m, state.loading));
  if (m.total === 0) {
    root.appendChild(el('p', { className: 'state-message muted', text: m.labels.empty }));
    return;
  }
  root.appendChild(attention(m));
  root.appendChild(el('div', { className: 'columns' }, [statuses(m, post), histogram(m)]));
  root.appendChild(top(m, post));
  root.appendChild(groups(m, post));
  if (focusedKey) root.querySelector<Element & HTMLOrSVGElement>(`[data-focus-key="${CSS.escape(focusedKey)}"]`)?.focus();
}
