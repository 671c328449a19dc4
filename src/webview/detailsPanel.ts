// One SIM's details panel: a state machine (loading | ready | error) over a webview. The
// data comes from the pure loadDetails; this file only moves it to and from the webview.
import * as vscode from 'vscode';
import { loadDetails } from '../details/loadDetails';
import { isWebviewMessage, type HostMessage, type SimActionKind, type WebviewMessage } from '../details/messages';
import { copyFieldLabel } from '../details/copyFieldLabel';
import type { DetailsViewModel } from '../details/model';
import { buildDetailsViewModel, copyFieldValue, mergeRecords, type DetailsInput } from '../details/viewModel';
import { AuthenticationError, describeError, errorKind, NoApiKeyError, type ErrorKind, type TelnyxClient } from '../telnyx';
import type { SimCard, SimCardDetail, SimCardGroup } from '../telnyx/types';

export interface DetailsDeps {
  getClient(): Promise<TelnyxClient | undefined>; // undefined when no API key
  groupsById(): ReadonlyMap<string, SimCardGroup>; // groups already loaded by the tree
  knownSim(simId: string): SimCard | undefined; // the tree's list item, if loaded
  openRecord(sim: Pick<SimCard, 'id' | 'iccid'>): Promise<void>;
  setApiKey(): Promise<void>;
  reportError(error: unknown, what: string): void;
  /** Runs a SIM action (preview, confirmation, run) on this panel's SIM. */
  runAction?(action: SimActionKind, simId: string): Promise<void>;
}

/** The title of a panel; a preview (replaced by the next SIM shown) says so, as tabs cannot be italic here. */
export function decoratedTitle(title: string, preview: boolean): string {
  return preview ? vscode.l10n.t('{0} (Preview)', title) : title;
}

interface PanelError {
  readonly kind: ErrorKind;
  readonly message: string;
}

/** What the panel shows; `last` is the last good model, kept on screen under a spinner or an error. */
export type PanelState =
  | { readonly kind: 'loading'; readonly last: DetailsViewModel | undefined }
  | { readonly kind: 'ready'; readonly model: DetailsViewModel }
  | { readonly kind: 'error'; readonly error: PanelError; readonly last: DetailsViewModel | undefined };

function lastModel(state: PanelState): DetailsViewModel | undefined {
  return state.kind === 'ready' ? state.model : state.last;
}

export class DetailsPanel implements vscode.Disposable {
  #state: PanelState;
  /** The list item from the tree (fresher after each tree refresh); undefined when opened by id only. */
  #sim: SimCard | undefined;
  #abort: AbortController | undefined;
  /** The record and model the host built itself (a restored model is only shown, never copied from). */
  #record: SimCardDetail | undefined;
  #built: DetailsViewModel | undefined;
  #disposed = false;
  readonly #subscriptions: vscode.Disposable[] = [];
  readonly #closed = new vscode.EventEmitter<void>();
  readonly onDidClose = this.#closed.event;
  /** Fires when the user works with the panel (copy, refresh, Keep Open...): a preview becomes a kept panel. */
  readonly #interacted = new vscode.EventEmitter<void>();
  readonly onDidInteract = this.#interacted.event;
  #simIdValue: string;
  #previewValue: boolean;
  /** The SIM's title without the preview mark. */
  #baseTitle: string;
  readonly #deps: DetailsDeps;

  constructor(
    simId: string,
    readonly panel: vscode.WebviewPanel,
    deps: DetailsDeps,
    initial: { sim?: SimCard; model?: DetailsViewModel; preview?: boolean; title: string },
  ) {
    this.#deps = deps;
    this.#simIdValue = simId;
    this.#previewValue = initial.preview === true;
    this.#baseTitle = initial.title;
    this.#sim = initial.sim;
    // A first paint from what is known: the persisted model, else the tree's list item.
    const first = initial.model ?? (initial.sim ? this.#build({ sim: initial.sim }) : undefined);
    this.#state = { kind: 'loading', last: first };
    this.#subscriptions.push(
      this.#closed,
      this.#interacted,
      panel.webview.onDidReceiveMessage((m: unknown) => {
        // Validated in full: the webview renders untrusted data and must not steer the host.
        if (!isWebviewMessage(m)) return;
        this.#onMessage(m).catch((e: unknown) => this.#deps.reportError(e, `details panel ${m.type}`));
      }),
      panel.onDidDispose(() => this.dispose()),
    );
    if (first) this.#showModel(first);
    else this.#applyTitle();
    this.#post({ type: 'mode', preview: this.#previewValue });
  }

  get current(): PanelState {
    return this.#state;
  }

  get simId(): string {
    return this.#simIdValue;
  }

  /** True while this is the preview panel, which the next SIM shown replaces. */
  get preview(): boolean {
    return this.#previewValue;
  }

  /** Keeps the panel (it stops being the preview); the webview hides its Keep Open button. */
  pin(): void {
    if (!this.#previewValue) return;
    this.#previewValue = false;
    this.#applyTitle();
    this.#post({ type: 'mode', preview: false });
  }

  /** Shows another SIM in this (preview) panel: the old SIM's data and record are dropped at once. */
  retarget(simId: string, sim: SimCard | undefined, title: string): void {
    this.#abort?.abort();
    this.#simIdValue = simId;
    this.#sim = sim;
    this.#record = undefined;
    this.#built = undefined;
    const first = sim ? this.#build({ sim }) : undefined;
    this.#state = { kind: 'loading', last: first };
    this.#baseTitle = title;
    this.#applyTitle();
    this.#replay();
  }

  /** Newer list data from a tree refresh; the panel then reloads in the background. */
  setSim(sim: SimCard): void {
    this.#sim = sim;
  }

  /** Fetches everything again; a newer call cancels the older one. Never rejects. */
  async load(): Promise<void> {
    this.#abort?.abort();
    const controller = new AbortController();
    this.#abort = controller;
    this.#setState({ kind: 'loading', last: lastModel(this.#state) });
    try {
      const client = await this.#deps.getClient();
      if (!client) throw new NoApiKeyError();
      const known = { ...(this.#sim ? { sim: this.#sim } : {}), groupsById: this.#deps.groupsById() };
      const input = await loadDetails(client, this.simId, known, controller.signal);
      if (controller.signal.aborted || this.#disposed) return;
      this.#setState({ kind: 'ready', model: this.#build(input) });
    } catch (error) {
      if (controller.signal.aborted || this.#disposed) return;
      this.#fail(error);
    }
  }

  /** Telnyx rejected the key (seen anywhere): say so here too, keeping what is shown. */
  keyRejected(): void {
    this.#abort?.abort();
    this.#fail(new AuthenticationError('rejected'));
  }

  #fail(error: unknown): void {
    const kind = errorKind(error);
    const last = kind === 'notFound' ? undefined : lastModel(this.#state);
    this.#setState({ kind: 'error', error: { kind, message: describeError(error, 'sim') }, last });
  }

  /** Builds a model from host data and remembers the record behind it (what copies read). */
  #build(input: DetailsInput): DetailsViewModel {
    this.#record = mergeRecords(input.sim, input.detail);
    this.#built = buildDetailsViewModel(input);
    return this.#built;
  }

  #setState(state: PanelState): void {
    this.#state = state;
    this.#replay();
  }

  /** Sends the whole state (also when the webview reloads and says 'ready'). */
  #replay(): void {
    const model = lastModel(this.#state);
    if (model) this.#showModel(model);
    if (this.#state.kind === 'loading') this.#post({ type: 'loading' });
    if (this.#state.kind === 'error') this.#post({ type: 'error', message: this.#state.error.message, kind: this.#state.error.kind });
  }

  #applyTitle(): void {
    if (!this.#disposed) this.panel.title = decoratedTitle(this.#baseTitle, this.#previewValue);
  }

  #showModel(model: DetailsViewModel): void {
    if (this.#disposed) return;
    this.#baseTitle = model.title;
    this.#applyTitle();
    this.#post({ type: 'state', model });
  }

  #post(message: HostMessage): void {
    if (this.#disposed) return;
    // A webview that is being torn down may reject; nothing to do about it.
    this.panel.webview.postMessage(message).then(undefined, () => undefined);
  }

  async #onMessage(m: WebviewMessage): Promise<void> {
    // Anything but the webview's own start-up is the user working with the panel: keep it.
    if (m.type !== 'ready') this.#interacted.fire();
    switch (m.type) {
      case 'ready':
        this.#post({ type: 'mode', preview: this.#previewValue });
        return this.#replay();
      case 'keepOpen':
        return;
      case 'refresh':
        return this.load();
      case 'copy': {
        const label = copyFieldLabel(m.field);
        // The value comes from the host's own record, never from the webview (nor its persisted state).
        const value = this.#record ? copyFieldValue(this.#record, m.field) : '';
        if (!value) {
          vscode.window.setStatusBarMessage(vscode.l10n.t('No {0} to copy', label), 2000);
          return;
        }
        await vscode.env.clipboard.writeText(value);
        vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', label), 2000);
        return;
      }
      case 'copyJson':
        if (!this.#built) return;
        await vscode.env.clipboard.writeText(this.#built.recordJson);
        vscode.window.setStatusBarMessage(vscode.l10n.t('Copied SIM record as JSON'), 2000);
        return;
      case 'openDocument':
        return this.#deps.openRecord(this.#sim ?? { id: this.simId });
      case 'setApiKey':
        return this.#deps.setApiKey();
      case 'simAction':
        return this.#deps.runAction?.(m.action, this.simId);
    }
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#abort?.abort();
    this.#closed.fire();
    for (const s of this.#subscriptions) s.dispose();
    this.panel.dispose();
  }
}
