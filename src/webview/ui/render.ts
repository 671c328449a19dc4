// Renders the panel from the view-model. Everything is built with createElement and
// textContent; the only style set from script is the gauge width (CSSOM, allowed by the CSP).
import type { DetailsErrorKind, SimActionKind, WebviewMessage } from '../../details/messages';
import type { CopyField, DetailsViewModel, FieldRow, SessionsModel, UsageModel } from '../../details/model';
import { updatedText } from '../../details/format';
import type { DetailsStrings } from '../../details/strings';
import { fillTemplate } from '../../fleet/template';
import { button, el, icon, timeEl } from './dom';
import { renderJson, type CollapsedPaths } from './jsonView';

export interface ViewState {
  model?: DetailsViewModel;
  loading: boolean;
  /** The preview panel, which the next SIM clicked replaces: offers "Keep Open". */
  preview?: boolean;
  error?: { message: string; kind: DetailsErrorKind };
}

export interface RenderContext {
  post(message: WebviewMessage): void;
  collapsed: CollapsedPaths;
  /** Every word the panel shows, worded by the host. */
  strings: DetailsStrings;
}

function copyButton(field: CopyField, ctx: RenderContext): HTMLButtonElement {
  return button({
    label: ctx.strings.copy[field],
    codicon: 'copy',
    iconOnly: true,
    focusKey: `copy-${field}`,
    onClick: (b) => {
      ctx.post({ type: 'copy', field });
      // Brief tick as feedback; the host also shows "Copied ..." in the status bar.
      const glyph = b.querySelector('.codicon');
      glyph?.classList.replace('codicon-copy', 'codicon-check');
      setTimeout(() => glyph?.classList.replace('codicon-check', 'codicon-copy'), 1500);
    },
  });
}

function valueNode(r: FieldRow, s: DetailsStrings): HTMLElement {
  if (r.date) return timeEl(r.date);
  if (r.items) {
    if (r.items.length === 0) return el('span', { className: 'value empty', text: s.none });
    return el(
      'ul',
      { className: `chips${r.mono ? ' mono' : ''}`, attrs: { 'aria-label': r.label } },
      r.items.map((item) => el('li', { className: 'chip' }, [el('span', { className: 'isolate', text: item })])),
    );
  }
  if (r.value === '') return el('span', { className: 'value empty', text: s.notSet });
  const node = el('span', { className: `value${r.mono ? ' mono' : ''}${r.oneLine ? ' one-line' : ''}`, text: r.value });
  // Cut with an ellipsis when narrow: the whole value on hover (a DOM property, never markup) and on copy.
  if (r.oneLine) node.title = r.value;
  return node;
}

/** A muted second line; identifiers (a group id) stay on one line with the full value on hover. */
function secondaryNode(r: FieldRow): HTMLElement | null {
  if (!r.secondary) return null;
  const node = el('div', { className: `secondary${r.mono || r.copy ? ' one-line mono' : ''}`, text: r.secondary });
  node.title = r.secondary;
  return node;
}

function fieldRows(rows: readonly FieldRow[], ctx: RenderContext): HTMLElement {
  return el(
    'dl',
    { className: 'fields' },
    rows.map((r) =>
      el('div', { className: 'field' }, [
        el('dt', { text: r.label }),
        el('dd', {}, [
          el('div', { className: 'field-value' }, [valueNode(r, ctx.strings), r.copy && r.value !== '' ? copyButton(r.copy, ctx) : null]),
          secondaryNode(r),
        ]),
      ]),
    ),
  );
}

function section(id: string, title: string, body: Node[], actions: Node[] = []): HTMLElement {
  return el('section', { className: `section section-${id}`, attrs: { 'aria-labelledby': `h-${id}` } }, [
    el('div', { className: 'section-header' }, [
      el('h2', { text: title, attrs: { id: `h-${id}` } }),
      actions.length ? el('div', { className: 'section-actions' }, actions) : null,
    ]),
    ...body,
  ]);
}

function usageBody(u: UsageModel, s: DetailsStrings): Node[] {
  const figures = el('div', { className: 'usage-figures' }, [
    el('span', { className: 'usage-used', text: u.usedText || s.unknown }),
    u.limitText
      ? el('span', { className: 'muted', text: ` ${fillTemplate(s.usedOfLimit, u.limitText)}` })
      : el('span', { className: 'muted', text: ` ${s.usedThisPeriod}` }),
    u.percentText ? el('span', { className: 'usage-percent', text: u.percentText }) : null,
  ]);
  const nodes: Node[] = [figures];
  if (u.limitText) {
    const fill = el('div', { className: 'meter-fill' });
    fill.style.width = `${u.barPercent}%`;
    nodes.push(
      el(
        'div',
        {
          className: 'meter',
          attrs: {
            role: 'meter',
            'aria-label': s.meterLabel,
            'aria-valuemin': '0',
            'aria-valuemax': '100',
            'aria-valuenow': String(Math.round(u.barPercent * 10) / 10),
            'aria-valuetext': u.ariaText,
          },
        },
        [fill],
      ),
    );
  }
  const facts: Array<[string, string]> = [];
  if (u.limitFactText) facts.push([s.limit, u.limitFactText]);
  if (u.remainingText) facts.push([s.remaining, u.remainingText]);
  if (facts.length) {
    nodes.push(
      el(
        'dl',
        { className: 'usage-facts' },
        facts.map(([k, v]) => el('div', {}, [el('dt', { text: k }), el('dd', { text: v })])),
      ),
    );
  }
  nodes.push(
    el('p', { className: 'usage-state', attrs: { 'data-state': u.state, 'data-severity': u.severity } }, [
      icon(u.codicon),
      el('span', { text: u.stateText }),
    ]),
  );
  return [el('div', { className: `usage usage-${u.state} severity-${u.severity}` }, nodes)];
}

function sessionsBody(s: SessionsModel, w: DetailsStrings): Node[] {
  if (s.rows.length === 0) {
    return [el('p', { className: `empty-state${s.status === 'error' ? ' error-text' : ''}`, text: s.message })];
  }
  const headers = [w.colStart, w.colStop, w.colType, w.colApn, w.colNetwork, w.colIp, w.colRat];
  const cell = (text: string, mono = false): HTMLTableCellElement =>
    text === '' ? el('td', { className: 'empty', text: '—' }) : el('td', { className: mono ? 'mono' : '', text });
  const dateCell = (d: SessionsModel['rows'][number]['start']): HTMLTableCellElement =>
    d ? el('td', {}, [timeEl(d, false)]) : el('td', { className: 'empty', text: '—' });
  const table = el('table', { className: 'sessions' }, [
    el('caption', { className: 'visually-hidden', text: w.sessionsCaption }),
    el('thead', {}, [
      el(
        'tr',
        {},
        headers.map((h) => el('th', { text: h, attrs: { scope: 'col' } })),
      ),
    ]),
    el(
      'tbody',
      {},
      s.rows.map((r) =>
        el('tr', {}, [
          dateCell(r.start),
          dateCell(r.stop),
          cell(r.logType),
          cell(r.apn),
          cell(r.network, true),
          cell(r.ip, true),
          cell(r.rat),
        ]),
      ),
    ),
  ]);
  return [el('div', { className: 'table-wrap', attrs: { tabindex: '0', role: 'region', 'aria-label': w.sessionsTableLabel } }, [table])];
}

/** The SIM actions (same commands as the tree's context menu); a status action is hidden in its own state. */
function actionButtons(m: DetailsViewModel, ctx: RenderContext): HTMLElement {
  const busy = ['enabling', 'disabling', 'setting_standby', 'registering'].includes(m.status.value);
  const s = ctx.strings;
  const act = (action: SimActionKind, label: string, codicon: string): HTMLButtonElement =>
    button({ label, codicon, focusKey: `act-${action}`, secondary: true, onClick: () => ctx.post({ type: 'simAction', action }) });
  return el('div', { className: 'sim-actions', attrs: { role: 'group', 'aria-label': s.actionsLabel } }, [
    busy || m.status.value === 'enabled' ? null : act('enable', s.enable, 'play-circle'),
    busy || m.status.value === 'disabled' ? null : act('disable', s.disable, 'debug-stop'),
    busy || m.status.value === 'standby' ? null : act('standby', s.standby, 'debug-pause'),
    act('editTags', s.editTags, 'tag'),
    act('moveToGroup', s.moveToGroup, 'folder-library'),
    act('setDataLimit', s.dataLimit, 'dashboard'),
  ]);
}

function header(m: DetailsViewModel | undefined, state: ViewState, ctx: RenderContext): HTMLElement {
  const s = ctx.strings;
  const heading = el('span', { className: 'heading mono one-line', text: m ? m.heading : s.heading });
  if (m) heading.title = m.heading;
  const titleBlock = el('div', { className: 'title-block' }, [
    el('h1', {}, [icon('credit-card', 'title-icon'), heading]),
    m
      ? el(
          'div',
          { className: `status status-${m.status.tone}${m.status.reason ? ' has-reason' : ''}`, attrs: { 'data-status': m.status.value } },
          [
            icon(m.status.codicon),
            // The separator belongs to the label (non-breaking), so a wrapped reason never starts a line with it.
            el('span', { className: 'status-label', text: m.status.reason ? `${m.status.label}\u00a0—` : m.status.label }),
            m.status.reason ? el('span', { className: 'status-reason', text: ` ${m.status.reason}` }) : null,
          ],
        )
      : null,
  ]);
  const updated = m ? updatedText(m.builtAt, s.updated) : '';
  const refresh = button({
    label: s.refresh,
    codicon: state.loading ? 'loading' : 'refresh',
    focusKey: 'refresh',
    secondary: true,
    onClick: () => {
      if (!state.loading) ctx.post({ type: 'refresh' });
    },
  });
  if (state.loading) {
    refresh.querySelector('.codicon')?.classList.add('codicon-modifier-spin');
    refresh.setAttribute('aria-disabled', 'true');
    refresh.classList.add('is-busy');
  }
  const tools = el('div', { className: 'toolbar', attrs: { role: 'toolbar', 'aria-label': s.toolbarLabel } }, [
    el('span', {
      className: `updated${state.loading ? ' busy' : ''}`,
      attrs: { role: 'status' },
      text: state.loading ? s.refreshing : updated,
    }),
    state.preview
      ? button({
          label: s.keepOpen,
          codicon: 'pinned',
          focusKey: 'keep-open',
          secondary: true,
          onClick: () => ctx.post({ type: 'keepOpen' }),
        })
      : null,
    refresh,
  ]);
  if (m) tools.append(actionButtons(m, ctx));
  return el('header', { className: 'header' }, [titleBlock, tools]);
}

function errorBanner(error: NonNullable<ViewState['error']>, ctx: RenderContext): HTMLElement {
  const needsKey = error.kind === 'auth' || error.kind === 'noKey';
  return el('div', { className: 'banner banner-error', attrs: { role: 'alert', 'data-kind': error.kind } }, [
    icon('error'),
    el('span', { className: 'banner-text', text: error.message }),
    el('span', { className: 'banner-actions' }, [
      needsKey
        ? button({ label: ctx.strings.setApiKey, codicon: 'key', focusKey: 'set-key', onClick: () => ctx.post({ type: 'setApiKey' }) })
        : null,
      button({
        label: ctx.strings.retry,
        codicon: 'refresh',
        focusKey: 'retry',
        secondary: needsKey,
        onClick: () => ctx.post({ type: 'refresh' }),
      }),
    ]),
  ]);
}

/** Replaces the content of `root` with the current state, keeping focus on the same control. */
export function renderApp(root: HTMLElement, state: ViewState, ctx: RenderContext): void {
  const focusedKey = root.contains(document.activeElement) ? document.activeElement?.getAttribute('data-focus-key') : null;
  // A SIM that no longer exists should not keep showing its old data.
  const m = state.error?.kind === 'notFound' ? undefined : state.model;
  const s = ctx.strings;
  const parts: Node[] = [header(m, state, ctx)];
  if (state.error) parts.push(errorBanner(state.error, ctx));
  if (!m) {
    if (!state.error) {
      parts.push(
        el('p', { className: 'state-message' }, [icon('loading', 'codicon-modifier-spin'), el('span', { text: ` ${s.loading}` })]),
      );
    }
  } else {
    parts.push(
      el('div', { className: 'columns' }, [
        section('identifiers', s.identifiers, [fieldRows(m.identifiers, ctx)]),
        section('usage', s.usage, usageBody(m.usage, s)),
        section('summary', s.summary, [fieldRows(m.summary, ctx)]),
        section(
          'network',
          s.network,
          m.network ? [fieldRows(m.network, ctx)] : [el('p', { className: 'empty-state', text: s.networkNotLoaded })],
        ),
      ]),
      section('sessions', s.sessions, sessionsBody(m.sessions, s)),
      section(
        'raw',
        s.raw,
        [renderJson(m.record, ctx.collapsed, s)],
        [
          button({
            label: s.copyJson,
            codicon: 'copy',
            focusKey: 'copy-json',
            secondary: true,
            onClick: () => ctx.post({ type: 'copyJson' }),
          }),
          button({
            label: s.openDocument,
            codicon: 'go-to-file',
            focusKey: 'open-document',
            secondary: true,
            onClick: () => ctx.post({ type: 'openDocument' }),
          }),
        ],
      ),
    );
  }
  root.replaceChildren(...parts);
  root.setAttribute('aria-busy', state.loading ? 'true' : 'false');
  if (focusedKey) root.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusedKey)}"]`)?.focus();
}
