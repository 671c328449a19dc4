// The SIM Card Actions view: recent actions from GET /sim_card_actions, in-progress first,
// a badge counting the ones in flight, a status filter, and a bounded refresh while any
// is in flight. Selecting an action reveals its SIM in the SIM Cards view.
import * as vscode from 'vscode';
import type { FleetAccess } from '../commands/actions/fleetAccess';
import { parseIsoTimestamp, shortId } from '../fleet';
import type { ClientProvider } from '../services/clientProvider';
import { describeError } from '../telnyx';
import { plainText } from '../telnyx/plainText';
import type { SimCardAction, SimCardActionStatus } from '../telnyx/types';
import { literal } from '../util/quickPickText';
import { ACTIONS_VIEW_ID } from '../util/ids';

export { ACTIONS_VIEW_ID };
/** Actions listed: the newest page is what an operator follows. */
const LIST_SIZE = 50;
/** While actions are in flight the view re-reads with growing waits, for at most this long per trigger. */
const POLL_FIRST_MS = 2000;
const POLL_MAX_MS = 15_000;
const POLL_BOUND_MS = 10 * 60_000;

export const ACTION_STATUSES: readonly SimCardActionStatus[] = ['in-progress', 'completed', 'failed', 'interrupted'];

export interface ActionNode {
  readonly kind: 'action';
  readonly action: SimCardAction;
}

const TYPE_LABELS: Readonly<Record<string, () => string>> = {
  enable: () => vscode.l10n.t('Enable'),
  disable: () => vscode.l10n.t('Disable'),
  set_standby: () => vscode.l10n.t('Set to standby'),
  enable_standby_sim_card: () => vscode.l10n.t('Set to standby'),
};

function typeLabel(type: string | undefined): string {
  const known = type !== undefined && Object.hasOwn(TYPE_LABELS, type) ? TYPE_LABELS[type] : undefined;
  return known ? known() : plainText(type) || vscode.l10n.t('Action');
}

function statusIcon(status: string): vscode.ThemeIcon {
  switch (status) {
    case 'in-progress':
      return new vscode.ThemeIcon('sync~spin', new vscode.ThemeColor('charts.blue'));
    case 'completed':
      return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    case 'failed':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed'));
    default:
      return new vscode.ThemeIcon('circle-slash');
  }
}

/** In-progress first, then newest first (the API's order is newest first; kept as the tie-break). */
export function orderActions(actions: readonly SimCardAction[]): SimCardAction[] {
  return actions
    .map((a, i) => ({ a, i }))
    .sort((x, y) => Number(y.a.status?.value === 'in-progress') - Number(x.a.status?.value === 'in-progress') || x.i - y.i)
    .map((x) => x.a);
}

export class ActionsView implements vscode.TreeDataProvider<ActionNode>, vscode.Disposable {
  readonly treeView: vscode.TreeView<ActionNode>;
  #nodes: ActionNode[] = [];
  #inFlightCount = 0;
  #filter: SimCardActionStatus | undefined;
  readonly #changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.#changed.event;
  readonly #disposables: vscode.Disposable[] = [];
  #pollTimer: NodeJS.Timeout | undefined;
  #pollDelay = POLL_FIRST_MS;
  #pollUntil = 0;
  #loading: Promise<void> | undefined;
  #again = false;
  #loadedOnce = false;
  readonly #clients: ClientProvider;
  readonly #fleet: FleetAccess;

  constructor(clients: ClientProvider, fleet: FleetAccess) {
    this.#clients = clients;
    this.#fleet = fleet;
    this.treeView = vscode.window.createTreeView(ACTIONS_VIEW_ID, { treeDataProvider: this });
    this.#disposables.push(
      this.treeView,
      this.#changed,
      this.treeView.onDidChangeSelection((e) => {
        const simId = e.selection[0]?.action.sim_card_id;
        if (simId) this.#fleet.revealSim(simId).catch(() => undefined);
      }),
      this.treeView.onDidChangeVisibility((e) => {
        if (e.visible && !this.#loadedOnce) this.follow();
      }),
      clients.onDidChange(() => this.#refreshInBackground()),
    );
  }

  /** Actions shown, in order (the test API reads them). */
  get actions(): readonly SimCardAction[] {
    return this.#nodes.map((n) => n.action);
  }

  get inFlight(): number {
    return this.#inFlightCount;
  }

  get statusFilter(): SimCardActionStatus | undefined {
    return this.#filter;
  }

  async setStatusFilter(status: SimCardActionStatus | undefined): Promise<void> {
    this.#filter = status;
    this.treeView.description = status ? vscode.l10n.t('status: {0}', status) : '';
    await this.refresh();
  }

  async pickStatusFilter(): Promise<void> {
    type Item = vscode.QuickPickItem & { status: SimCardActionStatus | undefined };
    const items: Item[] = [
      { label: vscode.l10n.t('All statuses'), status: undefined, picked: this.#filter === undefined },
      ...ACTION_STATUSES.map((s) => ({ label: literal(s), status: s, picked: this.#filter === s })),
    ];
    const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Filter Actions by Status') });
    if (pick) await this.setStatusFilter(pick.status);
  }

  /** A fleet load completed: rows that named a SIM by its id (not loaded then) can name its ICCID now. */
  simsLoaded(): void {
    if (this.#nodes.length > 0) this.#changed.fire();
  }

  /** Keeps re-reading (bounded) from now on while actions are in flight: called after each run. */
  follow(): void {
    this.#pollUntil = Date.now() + POLL_BOUND_MS;
    this.#pollDelay = POLL_FIRST_MS;
    this.#refreshInBackground();
  }

  #refreshInBackground(): void {
    this.refresh().catch(() => undefined);
  }

  /** Reads the newest actions and the number in flight; one read at a time, a request during one queues another. */
  async refresh(): Promise<void> {
    if (this.#loading) {
      this.#again = true;
      return this.#loading;
    }
    this.#loading = this.#load().finally(() => {
      this.#loading = undefined;
    });
    await this.#loading;
    if (this.#again) {
      this.#again = false;
      await this.refresh();
    }
  }

  async #load(): Promise<void> {
    let client;
    try {
      client = await this.#clients.get();
    } catch (error) {
      this.#showMessage(describeError(error, 'command'));
      return;
    }
    if (!client) {
      this.#nodes = [];
      this.#setBadge(0);
      this.#showMessage(vscode.l10n.t('Set an API key to see SIM card actions.'));
      return;
    }
    try {
      const [page, running] = await Promise.all([
        client.listSimCardActions({ ...(this.#filter ? { status: this.#filter } : {}), pageSize: LIST_SIZE }),
        client.listSimCardActions({ status: 'in-progress', pageSize: 1 }),
      ]);
      this.#loadedOnce = true;
      this.#nodes = orderActions(page.data).map((action) => ({ kind: 'action', action }));
      this.#setBadge(running.meta.total_results);
      this.#showMessage(this.#nodes.length === 0 ? vscode.l10n.t('No SIM card actions yet.') : undefined);
    } catch (error) {
      this.#showMessage(describeError(error, 'command'));
    }
    this.#schedulePoll();
  }

  #showMessage(text: string | undefined): void {
    this.treeView.message = text ?? '';
    this.#changed.fire();
  }

  #setBadge(n: number): void {
    this.#inFlightCount = n;
    this.treeView.badge =
      n > 0
        ? {
            value: n,
            tooltip: n === 1 ? vscode.l10n.t('1 SIM card action in progress') : vscode.l10n.t('{0} SIM card actions in progress', n),
          }
        : undefined;
  }

  #schedulePoll(): void {
    clearTimeout(this.#pollTimer);
    this.#pollTimer = undefined;
    if (this.#inFlightCount === 0 || Date.now() > this.#pollUntil) return;
    this.#pollTimer = setTimeout(() => this.#refreshInBackground(), this.#pollDelay);
    this.#pollDelay = Math.min(POLL_MAX_MS, this.#pollDelay * 1.5);
  }

  getTreeItem(node: ActionNode): vscode.TreeItem {
    const a = node.action;
    // The API's status word is shown as is; the key stays English for icons and context menus.
    const statusKey = plainText(a.status?.value) || 'unknown';
    const status = plainText(a.status?.value) || vscode.l10n.t('unknown');
    const sim = a.sim_card_id ? this.#fleet.sim(a.sim_card_id) : undefined;
    const simText = plainText(sim?.iccid) || (a.sim_card_id ? shortId(plainText(a.sim_card_id)) : '');
    const item = new vscode.TreeItem(`${typeLabel(a.action_type)} · ${simText}`, vscode.TreeItemCollapsibleState.None);
    item.id = `action/${a.id}`;
    const at = parseIsoTimestamp(a.created_at);
    const time = at === undefined ? '' : new Date(at).toLocaleString();
    item.description = [status, time].filter(Boolean).join(' · ');
    item.iconPath = statusIcon(statusKey);
    const reason = plainText(a.status?.reason);
    // A plain string tooltip: never Markdown, so API text cannot become a link.
    item.tooltip = [`${typeLabel(a.action_type)}: ${status}`, reason, simText ? vscode.l10n.t('SIM card {0}', simText) : '', time]
      .filter(Boolean)
      .join('\n');
    item.contextValue = `simAction.${statusKey}`;
    item.accessibilityInformation = { label: `${typeLabel(a.action_type)} ${simText}, ${status}${reason ? `, ${reason}` : ''}` };
    return item;
  }

  getChildren(node?: ActionNode): ActionNode[] {
    return node ? [] : this.#nodes;
  }

  dispose(): void {
    clearTimeout(this.#pollTimer);
    for (const d of this.#disposables) d.dispose();
  }
}
